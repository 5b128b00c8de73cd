"""Byte-identical files, found cheaply: only files that share a size are read.

A content digest is needed only where two files have the same size, which is
rare among camera photos, so most files are never read for this.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from photodedupe.core.model import FileEntry


def digest_file(path: str) -> bytes:
    """A 160-bit BLAKE2b digest of the whole file."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=20)).digest()


def files_needing_digest(files: Sequence[FileEntry]) -> list[FileEntry]:
    """The non-empty files whose size another file shares."""
    by_size: dict[int, list[FileEntry]] = defaultdict(list)
    for f in files:
        if f.size > 0:
            by_size[f.size].append(f)
    return [f for same in by_size.values() if len(same) > 1 for f in same]
