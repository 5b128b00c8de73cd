"""The review on screen, and the one way to change it: every change is announced once.

The views (group list, grid, details, compare, status) only listen. Before this
object existed each change was followed by the same five refresh calls, copied
wherever a change was made.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from photodedupe.core.model import Flag

if TYPE_CHECKING:  # numpy and numba: not for the first paint
    from photodedupe.core.files.actions import RestoreReport, TrashReport
    from photodedupe.core.model import Group
    from photodedupe.core.review import Review


class ShownReview(QObject):
    #: The groups may differ (a new scan, the slider, rules, reference folders, a move): show them again.
    changed = Signal()
    #: Only marks differ: repaint them.
    marksChanged = Signal()
    #: A mark was refused: the photo is in a reference folder.
    refused = Signal()
    #: Words for the status bar about a mark made or refused (the ★ asked for by a key, or clicked).
    said = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        #: While a scan or a file job runs, marks cannot change (the photos may be moving).
        self.locked = False
        #: How the user chose to list the groups (core.model.GROUP_ORDERS); every review shown follows.
        self.sort_by = "saving"

    def show(self, review: Review | None) -> None:
        self.review = review
        if review is not None:
            review.sort_by = self.sort_by
        self.changed.emit()

    def sort_groups(self, key: str) -> None:
        """List the groups another way; the shown group stays shown."""
        self.sort_by = key
        if self.review is not None:
            self.review.sort_by = key
            self.changed.emit()

    @property
    def complete(self) -> bool:
        """A finished scan's review is on screen (not none, not a snapshot of one under way)."""
        return self.review is not None and self.review.result.complete

    # --- what the groups are -------------------------------------------------------------

    def regroup(self, bits: int) -> None:
        if self.review is not None:
            self.review.regroup(bits)
            self.changed.emit()

    def configure(self, **settings) -> None:
        """Rules, reference or preferred folders changed (``Review.configure``): each ★ follows."""
        if self.review is not None:
            self.review.configure(**settings)
            self.changed.emit()

    def moved(self, report: TrashReport) -> None:
        if self.review is not None:
            self.review.apply(report)
            self.changed.emit()

    def restored(self, report: RestoreReport) -> bool:
        """Put restored photos back; True if some are not in this scan (a batch from an earlier run)."""
        if self.review is None:
            return bool(report.restored)
        self.review.apply_restore(report)
        self.changed.emit()
        return any(item.original not in self.review.paths for item in report.restored)

    # --- marks ---------------------------------------------------------------------------

    def kept(self, index: int) -> bool:
        """The ★ of its group: the photo the group keeps."""
        return self.review is not None and self.review.row_led_by(index) is not None

    def toggle(self, indices: Sequence[int], click: bool = False) -> None:
        """Mark them all, or unmark them all if all are marked; reference photos stay unmarked.

        A key (``click`` False) never marks a ★: Ctrl+A then Space, or X on the best frame, would
        otherwise mark the photo each group keeps. Only a click on the ★'s own box marks it.
        """
        if self.review is None or self.locked or not indices:
            return
        marked = self.review.marked
        stars = [] if click else self._unmarked_stars(indices)
        indices = [k for k in indices if k not in stars]
        if not indices:
            self._star_refused(stars)
            return
        target = not all(k in marked for k in indices)
        refused = [k for k in indices if self.review.set_marked(k, target) != target]
        self.marksChanged.emit()
        if refused and target:
            self.refused.emit()
        elif stars and target:
            self._star_refused(stars)
        elif click and target and self.kept(indices[0]) and indices[0] in marked:
            self.said.emit(
                self.tr("Marked ★ {photo}, the photo its group keeps.").format(photo=self._name(indices[0]))
            )

    def set_marked(self, index: int, marked: bool) -> None:
        """A box ticked or cleared by a click (the details table's): the ★ too, as in the grid."""
        if self.review is not None and not self.locked and (index in self.review.marked) != marked:
            self.toggle([index], click=True)

    def _unmarked_stars(self, indices: Sequence[int]) -> list[int]:
        """Those of ``indices`` that are a group's ★ and not marked: what a key may not mark."""
        marked = self.review.marked if self.review is not None else set()
        return [k for k in indices if self.kept(k) and k not in marked]

    def _name(self, index: int) -> str:
        return os.path.basename(self.review.photos[index].path) if self.review is not None else ""

    def _star_refused(self, stars: Sequence[int]) -> None:
        self.said.emit(
            self.tr(
                "★ {photo} is the photo its group keeps: keys never mark it. "
                "To mark it anyway, click the box in its corner."
            ).format(photo=self._name(stars[0]))
        )

    def flag(self, indices: Sequence[int], flag: Flag) -> None:
        """Pick (keep), reject (mark) or clear, as Lightroom's P, X and U."""
        if self.review is None or self.locked or not indices:
            return
        if flag is Flag.REJECT and (stars := self._unmarked_stars(indices)):
            indices = [k for k in indices if k not in stars]
            self._star_refused(stars)
            if not indices:
                return
        for k in indices:
            self.review.flag(k, flag)
        self.marksChanged.emit()
        if flag is Flag.REJECT and any(k not in self.review.marked for k in indices):  # reference folders
            self.refused.emit()

    def mark(self, indices: Sequence[int]) -> None:
        """Mark them (a command, as a key: never a ★, never a reference folder's photo)."""
        if self.review is not None and not self.locked and indices:
            for k in indices:
                if not self.kept(k):
                    self.review.set_marked(k, True)
            self.marksChanged.emit()

    def mark_all_but_best(self, groups: Sequence[Group] | None = None) -> None:
        if self.review is not None and not self.locked:
            self.review.mark_all_but_best(groups)
            self.marksChanged.emit()

    def unmark(self, groups: Sequence[Group] | None = None) -> None:
        if self.review is not None and not self.locked:
            self.review.unmark_all(groups)
            self.marksChanged.emit()

    def marked_paths(self) -> list[str]:
        review = self.review
        return [review.photos[k].path for k in sorted(review.marked)] if review is not None else []
