"""Which photo of a group to keep: the rule behind "Mark all but the best".

A photo in a reference folder always wins; then the highest resolution, then
the largest file, then the oldest (date taken, or the file's time), then the
shortest path — a tuple sort key, small enough to read and to test.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from photodedupe.core.model import Photo

RULE_TEXT = "reference folders first, then highest resolution, then largest file, then oldest"


def in_folders(path: str, folders: Iterable[str]) -> bool:
    """True if ``path`` is inside one of ``folders`` (or is one of them).

    >>> in_folders("/a/b/c.jpg", ["/a/b"]), in_folders("/a/bc/d.jpg", ["/a/b"])
    (True, False)
    """
    for folder in folders:
        folder = os.path.abspath(folder)
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


def _age(photo: Photo) -> float:
    if photo.info.taken:
        try:
            return dt.datetime.fromisoformat(photo.info.taken).timestamp()
        except (ValueError, OverflowError, OSError):
            pass
    return photo.file.mtime_ns / 1e9


def keeper_key(photo: Photo, reference_folders: Sequence[str] = ()) -> tuple:
    """Sort key: the smallest is the photo to keep."""
    return (
        not in_folders(photo.path, reference_folders),
        -(photo.info.width * photo.info.height),
        -photo.file.size,
        _age(photo),
        len(photo.path),
        photo.path,
    )


def best_photo(indices: Iterable[int], photos: Sequence[Photo], reference_folders: Sequence[str] = ()) -> int:
    """The index of the photo to keep among ``indices``."""
    return min(indices, key=lambda k: keeper_key(photos[k], reference_folders))
