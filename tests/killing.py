"""A trash batch that dies (SIGKILL) at the worst moments, for the crash tests of core and GUI."""

from __future__ import annotations

import textwrap

# argv: when ("before-rename" | "after-rename"), at (the n-th move), paths...
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from photodedupe.core.files.actions import TrashPlan, move_to_trash
    from photodedupe.core.find.decode import why_not_whole
    from photodedupe.core.model import FileEntry, Photo, PhotoInfo
    from photodedupe.core.paths import batches_dir
    from photodedupe.core.files.trash import FreedesktopTrash

    when, at, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

    class DiesMidBatch(FreedesktopTrash):
        moves = 0

        def move(self, path, before=None):
            self.moves += 1
            if self.moves == at and when == "before-rename":
                def then_die(target, info):
                    before(target, info)  # the journal says where it goes...
                    os.kill(os.getpid(), signal.SIGKILL)  # ...and the process dies before the rename
                return super().move(path, then_die)
            item = super().move(path, before)
            if self.moves == at and when == "after-rename":
                os.kill(os.getpid(), signal.SIGKILL)  # renamed, but "moved" never written
            return item

    photos = []
    for p in paths:
        st = os.stat(p)
        photos.append(Photo(FileEntry(p, st.st_size, st.st_mtime_ns), PhotoInfo(hash=0, width=1, height=1)))
    plan = TrashPlan(tuple(photos), 0, 0)
    move_to_trash(plan, DiesMidBatch(), journal_folder=batches_dir(), whole=why_not_whole)
    """
)
