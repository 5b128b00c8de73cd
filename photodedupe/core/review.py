"""A review session: the groups at the current threshold and the user's marks.

Everything a user does in the window, short of drawing it, happens here, so
it is testable without Qt: move the slider, mark and unmark photos, mark all
but the best, plan and apply a move to the trash, undo it. Marks are kept per
photo (not per row or group), so they survive regrouping as long as the photo
is still in a group.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from photodedupe.core.actions import RestoreReport, TrashPlan, TrashReport, plan_trash
from photodedupe.core.model import Group, Photo
from photodedupe.core.rules import best_photo, in_folders
from photodedupe.core.scan import ScanResult
from photodedupe.core.trash import TrashedFile


class Review:
    def __init__(self, result: ScanResult, threshold: int, reference_folders: Sequence[str] = ()) -> None:
        self.result = result
        self.reference_folders = list(reference_folders)
        self.marked: set[int] = set()
        self._gone = np.zeros(len(result.photos), dtype=bool)  # moved to the trash
        self._index_of = {p.path: k for k, p in enumerate(result.photos)}
        self._sizes = np.array([p.file.size for p in result.photos], dtype=np.int64)
        self._saving: dict[int, int] = {}  # group reference -> bytes in its copies
        self.threshold = threshold
        self.groups: list[Group] = []
        self.regroup(threshold)

    @property
    def photos(self) -> list[Photo]:
        return self.result.photos

    # --- grouping -------------------------------------------------------------

    def regroup(self, threshold: int) -> list[Group]:
        """Group at ``threshold`` bits; marks on photos no longer in any group are dropped."""
        self.threshold = threshold
        groups = self.result.groups(threshold, self._gone)
        self._saving = {g.reference: int(self._sizes[[m.index for m in g.members[1:]]].sum()) for g in groups}
        # Biggest saving first: that is where a user's time pays off most.
        groups.sort(key=lambda g: (-self._saving[g.reference], g.reference))
        self.groups = groups
        grouped = {m.index for g in groups for m in g.members}
        self.marked &= grouped
        return groups

    def reclaimable(self, group: Group) -> int:
        """Bytes freed if every photo but the reference went."""
        saving = self._saving.get(group.reference)
        if saving is None:
            saving = int(self._sizes[[m.index for m in group.members[1:]]].sum())
        return saving

    # --- marks ------------------------------------------------------------------

    def is_protected(self, index: int) -> bool:
        return in_folders(self.photos[index].path, self.reference_folders)

    def set_marked(self, index: int, marked: bool) -> bool:
        """Mark or unmark a photo; photos in reference folders cannot be marked. Returns the new state."""
        if marked and not self.is_protected(index):
            self.marked.add(index)
        else:
            self.marked.discard(index)
        return index in self.marked

    def toggle(self, index: int) -> bool:
        return self.set_marked(index, index not in self.marked)

    def best_of(self, group: Group) -> int:
        return best_photo((m.index for m in group.members), self.photos, self.reference_folders)

    def mark_all_but_best(self, groups: Sequence[Group] | None = None) -> None:
        """In each group, mark every photo except the one the rule keeps."""
        for group in self.groups if groups is None else groups:
            keep = self.best_of(group)
            for m in group.members:
                self.set_marked(m.index, m.index != keep)

    def unmark_all(self, groups: Sequence[Group] | None = None) -> None:
        if groups is None:
            self.marked.clear()
        else:
            for group in groups:
                self.marked.difference_update(m.index for m in group.members)

    # --- trash ------------------------------------------------------------------

    def plan(self) -> TrashPlan:
        return plan_trash(self.photos, self.groups, self.marked, self.reference_folders)

    def apply(self, report: TrashReport) -> None:
        """Take the trashed photos out of the groups."""
        for item in report.moved:
            k = self._index_of[item.original]
            self._gone[k] = True
            self.marked.discard(k)
        self.regroup(self.threshold)

    def apply_restore(self, report: RestoreReport) -> None:
        """Bring restored photos back into the groups."""
        for item in report.restored:
            self._gone[self._index_of[item.original]] = False
        self.regroup(self.threshold)

    @property
    def paths(self) -> dict[str, int]:
        """Photo index by path."""
        return self._index_of

    def index_of(self, item: TrashedFile | str) -> int:
        return self._index_of[item if isinstance(item, str) else item.original]
