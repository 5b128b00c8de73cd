"""What the user does to the photos on screen: mark, flag, compare, look closer, open.

The review panel shows; this acts on what it shows. Split from the panel
(as dupeGuru splits its result table from the app's commands) so each has
one job: the panel never changes marks, and these commands never lay out a widget.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from photodedupe.core.i18n import said
from photodedupe.core.model import Flag
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.panels.compare import CompareDialog
from photodedupe.gui.panels.loupe import LoupeDialog
from photodedupe.gui.panels.review_panel import ReviewPanel
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.window_actions import Act, on

D = TypeVar("D", bound=QDialog)


class PhotoCommands(QObject):
    """The commands on the shown group's photos (or the table's rows), wired to the panel's views."""

    dialogOpened = Signal(object)  # a compare or loupe dialog, once it shows

    def __init__(self, session: ShownReview, panel: ReviewPanel) -> None:
        super().__init__(panel)
        self.session, self.panel = session, panel
        panel.grid.toggleRequested.connect(session.toggle)
        panel.grid.compareRequested.connect(self.compare)
        panel.details.markRequested.connect(session.set_marked)
        panel.details.compareRequested.connect(self.compare_photo)

    # --- marks ------------------------------------------------------------------------------

    @on(Act.TOGGLE)
    def toggle_selected(self) -> None:
        """Space: the photos selected in the view on screen, the table's rows when it is shown."""
        self.session.toggle(self.panel.selected_photos())

    @on(Act.MARK_SHOWN)
    def mark_shown(self) -> None:
        """Every photo the table shows (filtered), or the shown group's, except each group's ★."""
        panel = self.panel
        shown = panel.details.shown_photos() if panel.table_shown() else panel.grid.photos.photo_indices()
        self.session.mark(shown)

    @on(Act.BEST_GROUP)
    def mark_best_group(self) -> None:
        if (group := self.panel.groups.current_group()) is not None:
            self.session.mark_all_but_best([group])

    @on(Act.BEST_ALL)
    def mark_best_all(self) -> None:
        self.session.mark_all_but_best()

    @on(Act.UNMARK_GROUP)
    def unmark_group(self) -> None:
        if (group := self.panel.groups.current_group()) is not None:
            self.session.unmark([group])

    @on(Act.UNMARK_ALL)
    def unmark_all(self) -> None:
        self.session.unmark()

    # --- Shots' flags -----------------------------------------------------------------------

    @on(Act.PICK)
    def pick(self) -> None:
        self._flag(Flag.PICK)

    @on(Act.REJECT)
    def reject(self) -> None:
        self._flag(Flag.REJECT)

    @on(Act.UNFLAG)
    def unflag(self) -> None:
        self._flag(Flag.NONE)

    def _flag(self, flag: Flag) -> None:
        """Lightroom's P, X and U on the selected frames, then on to the next frame (or series)."""
        panel = self.panel
        if self.session.locked or not (photos := panel.selected_photos()):
            return
        self.session.flag(photos, flag)
        if panel.table_shown():
            panel.details.step(1)
            return
        row = panel.grid.current_row() + 1
        if row < panel.grid.photos.rowCount():
            panel.grid.setCurrentIndex(panel.grid.photos.index(row))
        elif panel.groups.current_row() + 1 < panel.groups.model.rowCount():
            panel.groups.step_group(1)
        panel.grid.setFocus()

    # --- looking closer -----------------------------------------------------------------------

    @on(Act.LOUPE)
    def loupe(self) -> LoupeDialog | None:
        """The selected photo at 100 %, centred where it is sharpest (culling measured it)."""
        review, k = self.session.review, self.panel.current_photo()
        if review is None or k is None:
            return None
        frame = review.frame(k)
        region = frame.quality.region if frame is not None else (0.5, 0.5)
        why = said(frame.why) if frame is not None else self.tr("not measured (Shots mode measures frames)")
        return self._opened(LoupeDialog(review.photos[k].path, region, why, self.panel.window()))

    @on(Act.COMPARE)
    def compare_selected(self) -> None:
        if self.panel.table_shown():
            if (k := self.panel.details.current_photo()) is not None:
                self.compare_photo(k)
        else:
            self.compare(self.panel.grid.current_row())

    def compare_photo(self, k: int) -> CompareDialog | None:
        """Photo ``k`` beside the ★ of its group (from the table: its group is shown first)."""
        self.panel.show_group_of(k)
        group = self.panel.groups.current_group()
        rows = [m.index for m in group.members] if group is not None else []
        return self.compare(rows.index(k)) if k in rows else None

    def compare(self, row: int) -> CompareDialog | None:
        """The tile at ``row`` beside its group's ★, at full size."""
        if self.session.review is None or (group := self.panel.groups.current_group()) is None:
            return None
        if not 0 <= row < len(group.members):  # no tile there (none current, or the group shrank)
            return None
        members = [m.index for m in group.members]
        return self._opened(CompareDialog(self.session, members, row, self.panel.window()))

    def _opened(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    # --- elsewhere on the desktop ---------------------------------------------------------------

    @on(Act.OPEN)
    def open_selected(self) -> None:
        if (path := self.panel.current_path()) is not None:
            open_file(path)

    @on(Act.SHOW)
    def show_selected(self) -> None:
        if (path := self.panel.current_path()) is not None:
            show_in_folder(path)
