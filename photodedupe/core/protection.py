"""Reference folders, recognised by where files really are, whatever the path's spelling.

A reference folder's photos are never trashed. Comparing path strings is not
enough to keep that promise: the folder may be given through a symbolic link
(``--reference LINK`` where LINK points at a scanned folder), and a file
inside it may be a link to a photo that was scanned under another name. So a
path is protected when it, or its real location, lies in a reference folder
(the folder's real location included), or when it is the same file (device
and inode) as any file reachable inside a reference folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence


def in_folders(path: str, folders: Iterable[str]) -> bool:
    """True if ``path`` is inside one of ``folders`` (or is one of them), by spelling only.

    >>> in_folders("/a/b/c.jpg", ["/a/b"]), in_folders("/a/bc/d.jpg", ["/a/b"])
    (True, False)
    """
    for folder in folders:
        folder = os.path.abspath(folder)
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


class Protection:
    """Answers "is this file in a reference folder?" by its real location and identity."""

    def __init__(self, folders: Sequence[str] = ()) -> None:
        self.folders = [os.path.abspath(f) for f in folders]
        self._real = sorted({os.path.realpath(f) for f in self.folders})
        self._files: set[tuple[int, int]] | None = None  # (device, inode) under the folders, once

    def __bool__(self) -> bool:
        return bool(self.folders)

    def _identities(self) -> set[tuple[int, int]]:
        """Every file reachable inside the folders, links followed (walked once, on first need)."""
        if self._files is None:
            self._files = set()
            seen: set[tuple[int, int]] = set()
            stack = list(self._real)
            while stack:
                folder = stack.pop()
                try:
                    st = os.stat(folder)
                    if (st.st_dev, st.st_ino) in seen:
                        continue  # a loop of links
                    seen.add((st.st_dev, st.st_ino))
                    with os.scandir(folder) as entries:
                        for entry in entries:
                            try:
                                st = entry.stat()  # follows links
                            except OSError:
                                continue
                            if entry.is_dir():
                                stack.append(entry.path)
                            else:
                                self._files.add((st.st_dev, st.st_ino))
                except OSError:
                    continue
        return self._files

    def covers(self, path: str) -> bool:
        """True if ``path`` must never be touched: it is, or is the same file as, a reference photo."""
        if not self.folders:
            return False
        if in_folders(path, self.folders) or in_folders(os.path.realpath(path), self._real):
            return True
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self._identities()
