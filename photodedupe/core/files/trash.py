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
import errno
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from photodedupe.core.paths import home_trash


class TrashError(Exception):
    """The file was not moved; ``str(exc)`` says why."""


class Gone(TrashError):
    """Undo cannot put this file back, now or later: Undo stops offering it (the user was told why)."""


log = logging.getLogger(__name__)
_STRAY_AGE = 60.0  # seconds before an empty, unused .trashinfo counts as left behind
_NAME_MAX = 255  # bytes in a file name on the file systems a trash lives on
_RESERVED = len(".trashinfo") + len(".9999")  # what a name in the trash may gain


def _reason(exc: OSError) -> str:
    """An OSError in a user's words: "disk full" where it is, not "[Errno 28]"."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full"
    return exc.strerror or str(exc)


def _fitting(name: str) -> tuple[str, str]:
    """(stem, extension) of ``name``, the stem cut so that the trash's name for it stays valid.

    >>> stem, ext = _fitting("x" * 250 + ".jpg"); len(stem + ext) + 15 <= 255, ext
    (True, '.jpg')
    """
    stem, ext = os.path.splitext(name)
    raw_stem, raw_ext = os.fsencode(stem), os.fsencode(ext)
    if len(raw_ext) > 32:
        raw_stem, raw_ext = raw_stem + raw_ext, b""
    room = _NAME_MAX - _RESERVED - len(raw_ext)
    if len(raw_stem) <= room:
        return stem, ext
    cut = raw_stem[: room - len("…".encode())]
    # Never cut a UTF-8 character in half: step back to the start of one.
    while cut and (cut[-1] & 0xC0) == 0x80:
        cut = cut[:-1]
    if cut and cut[-1] >= 0xC0:
        cut = cut[:-1]
    return os.fsdecode(cut) + "…", os.fsdecode(raw_ext)


#: Called with (where the file will be, its .trashinfo) just before it is renamed there:
#: the batch journal writes it down first, so a kill mid-move leaves nothing unknown.
BeforeMove = Callable[[str | None, str | None], None]


@dataclass(frozen=True)
class RecordedMove:
    """Where a batch moved its files, as its journal keeps it: the trash, or a folder (``folder_move``).

    The trash is written as nothing at all, as journals always had it; a folder as
    ``{"kind": "folder", "destination": ..., "roots": [...], "keep": true}``.
    """

    kind: str = "trash"
    destination: str = ""
    roots: tuple[str, ...] = ()
    keep_folders: bool = True

    def to_json(self) -> dict[str, Any] | None:
        if self.kind == "trash":
            return None
        return {
            "kind": self.kind,
            "destination": self.destination,
            "roots": list(self.roots),
            "keep": self.keep_folders,
        }

    @staticmethod
    def from_json(value: object) -> RecordedMove:
        """What a journal's head says (anything unreadable is the trash: Undo then asks the trash)."""
        if not isinstance(value, dict) or value.get("kind") in (None, "trash"):
            return RecordedMove()
        roots = value.get("roots", ())
        return RecordedMove(
            str(value.get("kind")),
            str(value.get("destination", "")),
            tuple(str(r) for r in roots) if isinstance(roots, list | tuple) else (),
            bool(value.get("keep", True)),
        )


@dataclass(frozen=True, slots=True)
class TrashedFile:
    """Where a file went: enough to restore it. ``location`` is None where the system does not say."""

    original: str
    location: str | None
    info: str | None = None
    #: (device, inode, size, modification time in ns) of the file where it went, as it arrived
    #: there; None for a part not known. Undo restores only a file that still matches: after the
    #: trash was emptied, another file of the same name is a stranger, never ours.
    identity: tuple[int | None, int | None, int | None, int | None] | None = None

    def still_there(self) -> bool:
        """Our file is still where it went (not emptied out of the trash, not replaced by another)."""
        if self.location is None:
            return True  # the system's trash does not say: let it try
        try:
            st = os.lstat(self.location)
        except OSError:
            return False
        if self.identity is None:
            return True
        now = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        return all(want is None or want == have for want, have in zip(self.identity, now, strict=True))


def identity_of(path: str | os.PathLike[str]) -> tuple[int, int, int, int] | None:
    """(device, inode, size, modification time in ns) of the file at ``path``, if it can be read."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


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
        home = home_trash()
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.stat(home).st_dev == os.lstat(path).st_dev:
            return home, None
        top = _mount_point(path)
        uid = os.getuid()
        shared = Path(top) / ".Trash"
        if shared.is_dir() and not shared.is_symlink() and shared.stat().st_mode & 0o1000:
            return shared / str(uid), top
        return Path(top) / f".Trash-{uid}", top

    def move(
        self, path: str, before: BeforeMove | None = None, beside: TrashedFile | None = None
    ) -> TrashedFile:
        """``beside`` (where its photo went, for a companion) does not matter here: the record says."""
        path = os.path.abspath(path)
        try:
            trash, top = self._trash_for(path)
            files, info = trash / "files", trash / "info"
            for folder in (trash, files, info):
                folder.mkdir(exist_ok=True, mode=0o700)
                if folder.is_symlink():
                    raise TrashError(f"the trash folder {folder} is a symbolic link; refusing to use it")
        except OSError as exc:
            raise TrashError(f"no trash folder can be used for this file ({_reason(exc)})") from None
        self._sweep(info, files)
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
            raise TrashError(f"could not move it to the trash: {_reason(exc)}") from None
        return TrashedFile(path, str(target), str(info_path), identity_of(target))

    @staticmethod
    def _reserve(info: Path, name: str, record: str) -> Path:
        """Create ``info/NAME.trashinfo`` atomically, with a free name (the spec's way to avoid clashes).

        Any valid file name can go to the trash: a name too long to take the
        ``.N`` and ``.trashinfo`` endings is shortened inside the trash; the
        real one is in the record, which is what restoring reads.
        """
        stem, ext = _fitting(name)
        for n in range(1, 10_000):
            candidate = info / (f"{stem}{ext}.trashinfo" if n == 1 else f"{stem}.{n}{ext}.trashinfo")
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            except OSError as exc:
                raise TrashError(f"could not write to the trash ({_reason(exc)})") from None
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(record)
                    fh.flush()
                    os.fsync(fh.fileno())
            except BaseException as exc:  # a full disk, or Ctrl+C: leave no empty record behind
                candidate.unlink(missing_ok=True)
                if isinstance(exc, OSError):
                    raise TrashError(f"could not write to the trash ({_reason(exc)})") from None
                raise
            return candidate
        raise TrashError("the trash holds too many files of this name")

    @staticmethod
    def _sweep(info: Path, files: Path) -> None:
        """Remove records an interrupted move reserved and never filled (empty, with no file).

        Only old ones: another process may be writing a record it just reserved.
        """
        limit = time.time() - _STRAY_AGE
        try:
            entries = list(os.scandir(info))
        except OSError:
            return
        for entry in entries:
            if not entry.name.endswith(".trashinfo"):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                unused = not os.path.lexists(files / entry.name.removesuffix(".trashinfo"))
                if st.st_size == 0 and st.st_mtime < limit and unused:
                    os.unlink(entry.path)
                    log.info("an empty trash record an interrupted move left was removed: %s", entry.path)
            except OSError:
                continue

    def journal_head(self) -> RecordedMove:
        return RecordedMove()  # the trash

    def restore(self, item: TrashedFile) -> None:
        if item.location is None or item.info is None:
            raise TrashError("its place in the trash is not known; restore it from the Trash")
        if not os.path.lexists(item.location):
            raise Gone("it is no longer in the trash (the trash was emptied since)")
        if not item.still_there():
            raise Gone(
                "another file now has its place in the trash (the trash was emptied since); that file is "
                "not ours and was left where it is"
            )
        if os.path.lexists(item.original):
            raise Gone("another file now has its name; restore it from the Trash by hand")
        try:
            os.makedirs(os.path.dirname(item.original), exist_ok=True)
            os.rename(item.location, item.original)
        except OSError as exc:
            raise TrashError(f"could not put it back: {exc.strerror or exc}") from None
        Path(item.info).unlink(missing_ok=True)


class SystemTrash:
    """The platform's trash through send2trash (macOS, Windows); Undo is left to the system."""

    def move(
        self, path: str, before: BeforeMove | None = None, beside: TrashedFile | None = None
    ) -> TrashedFile:
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

    def journal_head(self) -> RecordedMove:
        return RecordedMove()  # the trash


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
