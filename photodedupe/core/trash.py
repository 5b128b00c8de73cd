"""Move files to the operating system's trash, and put them back (Undo).

On Linux and other freedesktop.org desktops this follows the Trash
specification itself: the file moves to ``$XDG_DATA_HOME/Trash/files`` (or
``.Trash-$UID`` at the top of another volume) next to a ``.trashinfo`` record,
so the file manager can restore it too, and we know where it went, which
Undo needs (send2trash and Qt's ``moveToTrash`` do not say). Elsewhere
send2trash hands the file to the system's own trash.

Nothing here ever deletes a file: when a file cannot be moved to a trash,
``TrashError`` says why and the file stays where it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote


class TrashError(Exception):
    """The file was not moved; ``str(exc)`` says why."""


#: Called with (where the file will be, its .trashinfo) just before it is renamed there:
#: the batch journal writes it down first, so a kill mid-move leaves nothing unknown.
BeforeMove = Callable[[str | None, str | None], None]


@dataclass(frozen=True, slots=True)
class TrashedFile:
    """Where a file went: enough to restore it. ``location`` is None where the system does not say."""

    original: str
    location: str | None
    info: str | None = None


def _home_trash() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data) / "Trash"


def _mount_point(path: str) -> str:
    path = os.path.realpath(path)
    dev = os.lstat(path).st_dev
    while path != os.path.dirname(path):
        parent = os.path.dirname(path)
        if os.lstat(parent).st_dev != dev:
            return path
        path = parent
    return path


class FreedesktopTrash:
    """The freedesktop.org Trash specification, version 1.0."""

    def _trash_for(self, path: str) -> tuple[Path, str | None]:
        """(trash folder, its top folder or None for the home trash) for the file at ``path``."""
        home = _home_trash()
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.stat(home).st_dev == os.lstat(path).st_dev:
            return home, None
        top = _mount_point(path)
        uid = os.getuid()
        shared = Path(top) / ".Trash"
        if shared.is_dir() and not shared.is_symlink() and shared.stat().st_mode & 0o1000:
            return shared / str(uid), top
        return Path(top) / f".Trash-{uid}", top

    def move(self, path: str, before: BeforeMove | None = None) -> TrashedFile:
        path = os.path.abspath(path)
        try:
            trash, top = self._trash_for(path)
            files, info = trash / "files", trash / "info"
            for folder in (trash, files, info):
                folder.mkdir(exist_ok=True, mode=0o700)
                if folder.is_symlink():
                    raise TrashError(f"the trash folder {folder} is a symbolic link; refusing to use it")
        except OSError as exc:
            raise TrashError(f"no trash folder can be used for this file ({exc.strerror or exc})") from None
        original = os.path.relpath(path, top) if top else path
        record = (
            "[Trash Info]\n"
            f"Path={quote(os.fsencode(original), safe='/')}\n"
            f"DeletionDate={dt.datetime.now().strftime('%Y-%m-%dT%H:%M:%S')}\n"
        )
        info_path = self._reserve(info, os.path.basename(path), record)
        target = files / info_path.name.removesuffix(".trashinfo")
        if before is not None:
            try:
                before(str(target), str(info_path))
            except BaseException:
                info_path.unlink(missing_ok=True)
                raise
        try:
            os.rename(path, target)  # a rename never copies: no half-moved file, ever
        except OSError as exc:
            info_path.unlink(missing_ok=True)
            reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
            raise TrashError(f"could not move it to the trash: {reason}") from None
        return TrashedFile(path, str(target), str(info_path))

    @staticmethod
    def _reserve(info: Path, name: str, record: str) -> Path:
        """Create ``info/NAME.trashinfo`` atomically, with a free name (the spec's way to avoid clashes)."""
        stem, ext = os.path.splitext(name)
        for n in range(1, 10_000):
            candidate = info / (f"{name}.trashinfo" if n == 1 else f"{stem}.{n}{ext}.trashinfo")
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            except OSError as exc:
                raise TrashError(f"could not write to the trash ({exc.strerror or exc})") from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(record)
            return candidate
        raise TrashError("the trash holds too many files of this name")

    def restore(self, item: TrashedFile) -> None:
        if item.location is None or item.info is None:
            raise TrashError("its place in the trash is not known; restore it from the Trash")
        if os.path.lexists(item.original):
            raise TrashError("another file now has its name; restore it from the Trash by hand")
        if not os.path.lexists(item.location):
            raise TrashError("it is no longer in the trash")
        try:
            os.makedirs(os.path.dirname(item.original), exist_ok=True)
            os.rename(item.location, item.original)
        except OSError as exc:
            raise TrashError(f"could not put it back: {exc.strerror or exc}") from None
        Path(item.info).unlink(missing_ok=True)


class SystemTrash:
    """The platform's trash through send2trash (macOS, Windows); Undo is left to the system."""

    def move(self, path: str, before: BeforeMove | None = None) -> TrashedFile:
        from send2trash import send2trash

        if before is not None:
            before(None, None)
        try:
            send2trash(path)
        except OSError as exc:
            raise TrashError(f"could not move it to the trash: {exc}") from None
        return TrashedFile(os.path.abspath(path), None)

    def restore(self, item: TrashedFile) -> None:
        raise TrashError("Undo is not available on this system; restore it from the Trash")


def system_trash() -> FreedesktopTrash | SystemTrash:
    """The right trash for this platform."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return FreedesktopTrash()
    return SystemTrash()


def original_path(info_file: str) -> str | None:
    """The original location recorded in a ``.trashinfo`` file (for tests and tools)."""
    for line in Path(info_file).read_text(encoding="utf-8").splitlines():
        if line.startswith("Path="):
            return os.fsdecode(unquote(line[5:], errors="surrogateescape").encode("utf-8", "surrogateescape"))
    return None
