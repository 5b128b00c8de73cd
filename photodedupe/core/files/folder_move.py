"""Move marked photos into a folder the user chose, instead of the trash; Undo puts them back.

It answers the same two calls as a trash (``move``, ``restore``), so a batch
goes through the same safe, journaled path (``actions.move_to_trash``): each
file is re-checked right before it moves, written down before it moves, and
a kill mid-batch loses nothing. A name is never overwritten: the target is
reserved first (created exclusively) and the file replaces only that empty
reservation; a clash gets " (2)", " (3)"... Across drives, the file is copied,
flushed to disk and checked before the original is removed.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from photodedupe.core.files.trash import (
    BeforeMove,
    Gone,
    RecordedMove,
    TrashedFile,
    TrashError,
    _reason,
    identity_of,
)

KIND = "folder"  # what the batch journal records, to undo and resume with the right mover


class FolderMove:
    """Moves files under ``destination``: in their own folders (relative to the scanned roots) or flat."""

    def __init__(self, destination: str, roots: Sequence[str] = (), keep_folders: bool = True) -> None:
        self.destination = os.path.abspath(destination)
        self.roots = sorted((os.path.abspath(r) for r in roots), key=len, reverse=True)
        self.keep_folders = keep_folders

    def journal_head(self) -> RecordedMove:
        """What the batch journal keeps so that Undo and resume can rebuild this mover."""
        return RecordedMove(KIND, self.destination, tuple(self.roots), self.keep_folders)

    def _wanted(self, path: str) -> Path:
        if self.keep_folders:
            for root in self.roots:
                if path.startswith(root.rstrip(os.sep) + os.sep):
                    # Under the root's own name, so two roots' same-named subfolders never mix.
                    return Path(self.destination, os.path.basename(root), os.path.relpath(path, root))
        return Path(self.destination, os.path.basename(path))

    def _reserve(self, wanted: Path) -> Path:
        """Create an empty file at a free name next to ``wanted``; it is this batch's alone."""
        wanted.parent.mkdir(parents=True, exist_ok=True)
        stem, suffix = wanted.stem, wanted.suffix
        for n in range(1, 10_000):
            target = wanted if n == 1 else wanted.with_name(f"{stem} ({n}){suffix}")
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                continue
            return target
        raise TrashError("the folder holds too many files of this name")

    def _beside(self, path: str, photo: TrashedFile) -> Path:
        """A companion's place: next to where its photo went, renamed as the photo was (" (2)")."""
        assert photo.location is not None
        name = os.path.basename(path)
        old_stem = os.path.splitext(os.path.basename(photo.original))[0]
        new_stem = os.path.splitext(os.path.basename(photo.location))[0]
        if name.casefold().startswith(old_stem.casefold()):
            name = new_stem + name[len(old_stem) :]
        return Path(os.path.dirname(photo.location), name)

    def move(
        self, path: str, before: BeforeMove | None = None, beside: TrashedFile | None = None
    ) -> TrashedFile:
        """Move ``path``; a companion (``beside``: its photo) goes next to its photo, named to match it."""
        path = os.path.abspath(path)
        if path.startswith(self.destination.rstrip(os.sep) + os.sep):
            raise TrashError("it is already in the folder the photos are moved to")
        wanted = self._beside(path, beside) if beside is not None and beside.location else self._wanted(path)
        try:
            target = self._reserve(wanted)
        except OSError as exc:
            raise TrashError(f"the folder cannot take it ({_reason(exc)})") from None
        try:
            if before is not None:
                before(str(target), None)
            _relocate(path, target)
        except BaseException as exc:
            if os.path.lexists(path) and target.exists():
                target.unlink()  # our reservation (or a partial copy): the photo is still where it was
            if isinstance(exc, OSError):
                raise TrashError(f"could not move it: {_reason(exc)}") from None
            raise
        return TrashedFile(path, str(target), None, identity_of(target))

    def restore(self, item: TrashedFile) -> None:
        if item.location is None:
            raise TrashError("where it went is not known")
        if not os.path.lexists(item.location):
            raise Gone(f"it is no longer in {os.path.dirname(item.location)}")
        if not item.still_there():
            where = os.path.dirname(item.location)
            raise Gone(f"another file now has its place in {where}; it was left there")
        if os.path.lexists(item.original):
            raise Gone("another file now has its name; move it back by hand")
        try:
            os.makedirs(os.path.dirname(item.original), exist_ok=True)
            os.close(os.open(item.original, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise TrashError(f"could not move it back: {_reason(exc)}") from None
        try:
            _relocate(item.location, Path(item.original))
        except OSError as exc:
            if os.path.lexists(item.location):
                os.unlink(item.original)  # our reservation: the photo is still in the folder
            raise TrashError(f"could not move it back: {_reason(exc)}") from None


def _relocate(source: str, target: Path) -> None:
    """Move ``source`` onto ``target`` (an empty file this batch reserved), on any drive.

    A rename where it can; else a copy that is flushed and checked before the
    source is removed, so a failure halfway leaves the source whole.
    """
    try:
        os.replace(source, target)  # replaces only the empty reservation
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # another drive: copy instead
            raise
    shutil.copy2(source, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    if os.path.getsize(target) != os.path.getsize(source):
        raise OSError(errno.EIO, "the copy is not whole")
    os.unlink(source)
