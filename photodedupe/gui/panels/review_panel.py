"""The review: the group list (under the folders), the slider, the shown group's title and photos.

It listens to the ``ReviewSession`` and asks it for every change; it keeps
only what is on screen (which group is shown, grid or table).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.core.i18n import _, said
from photodedupe.core.model import GROUP_ORDERS, Flag, Group
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.panels.compare import CompareDialog
from photodedupe.gui.panels.details_table import DetailsView
from photodedupe.gui.panels.item_models import GroupListModel
from photodedupe.gui.panels.loupe import LoupeDialog
from photodedupe.gui.panels.photo_grid import PhotoGrid
from photodedupe.gui.panels.similarity_slider import SimilaritySlider
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.texts import empty_hint, group_title, groups_heading
from photodedupe.gui.thumbnails import ThumbnailLoader
from photodedupe.gui.window_actions import Act, on


def _column(*widgets: tuple[QWidget, int], margins: tuple[int, int, int, int]) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(*margins)
    for widget, stretch in widgets:
        layout.addWidget(widget, stretch)
    return column


class ReviewPanel(QSplitter):
    """Left: ``above`` (the folders) and the groups. Right: the slider and the shown group."""

    groupShown = Signal()  # another group (or none) is shown: what the actions apply to changed
    compareOpened = Signal(object)  # the CompareDialog, once it shows

    def __init__(self, session: ShownReview, loader: ThumbnailLoader, above: QWidget) -> None:
        super().__init__()
        self.session, self.loader = session, loader
        self.scanning = False
        self._shown_reference: str | None = None  # the shown group's ★, to find its group again

        self.group_model = GroupListModel(loader, self)
        self.group_view = QListView()
        self.group_view.setModel(self.group_model)
        self.group_view.setIconSize(QSize(GroupListModel.THUMB, GroupListModel.THUMB))
        self.group_view.setUniformItemSizes(True)
        self.group_view.setSpacing(2)
        self.group_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.group_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.group_view.setToolTip(
            self.tr("Groups of near-duplicate photos, in the order Sort says (Ctrl+↑/↓)")
        )
        self.group_view.selectionModel().currentChanged.connect(self._group_selected)
        self.heading = QLabel(self.tr("Groups"))
        self.heading.setWordWrap(True)  # a long summary must not widen the whole window
        self.sort = QComboBox()
        for key, words in GROUP_ORDERS.items():
            self.sort.addItem(_(words), key)
        self.sort.setToolTip(self.tr("The order the groups are listed in"))
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.currentIndexChanged.connect(lambda: session.sort_groups(self.sort.currentData()))
        self.sort_row = QWidget()
        sort_layout = QHBoxLayout(self.sort_row)
        sort_layout.setContentsMargins(0, 0, 0, 0)
        sort_layout.addWidget(self.heading, 1)
        self.sort_label = QLabel(self.tr("Sort:"))
        self.sort_label.setBuddy(self.sort)
        sort_layout.addWidget(self.sort_label, 0, Qt.AlignmentFlag.AlignTop)
        sort_layout.addWidget(self.sort, 0, Qt.AlignmentFlag.AlignTop)

        self.slider = SimilaritySlider()
        self.slider.thresholdChanged.connect(self._threshold_changed)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.grid = PhotoGrid(loader)
        self.grid.toggleRequested.connect(session.toggle)
        self.grid.compareRequested.connect(self.compare)
        self.details = DetailsView()
        self.details.markRequested.connect(session.set_marked)
        self.details.compareRequested.connect(self.compare_photo)
        self.details.currentPhotoChanged.connect(self._show_group_of)
        self.views = QStackedWidget()  # the thumbnails of a group, or every photo as a table
        self.views.addWidget(self.grid)
        self.views.addWidget(self.details)
        self.empty = QLabel(empty_hint())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.empty.setFont(font)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(_column((self.title, 0), (self.views, 1), margins=(0, 6, 6, 6)))

        # Duplicates or Shots: a mode of the whole view, so beside what it changes, not in the toolbar
        # (where, at 900 px, it pushed Compare, Move to Trash and Undo behind the » overflow).
        self.mode_row = QWidget()
        modes = QHBoxLayout(self.mode_row)
        modes.setContentsMargins(0, 4, 0, 0)
        modes.setSpacing(0)
        modes.addWidget(QLabel(self.tr("Find:")))
        modes.addSpacing(6)
        left = _column(
            (above, 1), (self.mode_row, 0), (self.sort_row, 0), (self.group_view, 4), margins=(6, 6, 0, 6)
        )
        self.addWidget(left)
        self._right = _column((self.slider, 0), (self.stack, 1), margins=(0, 0, 0, 0))
        self.addWidget(self._right)
        self.setStretchFactor(0, 1)  # both sides grow with the window, the grid most
        self.setStretchFactor(1, 3)
        self.setSizes([330, 950])
        session.changed.connect(self._reload)
        session.marksChanged.connect(self._repaint_marks)

    # --- what is shown -----------------------------------------------------------------

    def current_group(self) -> Group | None:
        return self.group_model.group(self.group_view.currentIndex().row())

    def current_row(self) -> int:
        return self.group_view.currentIndex().row()

    def select_group(self, row: int) -> None:
        if self.group_model.rowCount():
            row = max(0, min(row, self.group_model.rowCount() - 1))
            self.group_view.selectionModel().setCurrentIndex(
                self.group_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.group_view.scrollTo(self.group_model.index(row))
        else:
            self._group_selected(QModelIndex())

    def table_shown(self) -> bool:
        return self.views.currentWidget() is self.details

    def current_photo(self) -> int | None:
        """The photo a command acts on: the current row of the table when it shows, else the current tile."""
        return self.details.current_photo() if self.table_shown() else self.grid.current_photo()

    def selected_photos(self) -> list[int]:
        """What keys act on: the rows selected in the table when it shows, else the tiles selected."""
        return self.details.selected_photos() if self.table_shown() else self.grid.selected_photos()

    def current_path(self) -> str | None:
        """The path of the selected photo (the first of the group if none is)."""
        k = self.current_photo()
        return (
            self.session.review.photos[k].path if self.session.review is not None and k is not None else None
        )

    # --- the commands on what is shown ---------------------------------------------------

    @on(Act.NEXT)
    def next_group(self) -> None:
        self.step_group(1)

    @on(Act.PREVIOUS)
    def previous_group(self) -> None:
        self.step_group(-1)

    def step_group(self, delta: int) -> None:
        if rows := self.group_model.rowCount():
            self.select_group((self.current_row() + delta) % rows)

    @on(Act.DETAILS)
    def toggle_details(self) -> None:
        self.views.setCurrentWidget(self.grid if self.views.currentWidget() is self.details else self.details)

    @on(Act.ZOOM_IN)
    def larger(self) -> None:
        self.grid.set_min_thumb(round(self.grid.min_thumb * 1.25))

    @on(Act.ZOOM_OUT)
    def smaller(self) -> None:
        self.grid.set_min_thumb(round(self.grid.min_thumb * 0.8))

    @on(Act.TOGGLE)
    def toggle_selected(self) -> None:
        """Space: the photos selected in the view on screen, the table's rows when it is shown."""
        self.session.toggle(self.selected_photos())

    @on(Act.MARK_SHOWN)
    def mark_shown(self) -> None:
        """Every photo the table shows (filtered), or the shown group's, except each group's ★."""
        shown = self.details.shown_photos() if self.table_shown() else self.grid.photos.photo_indices()
        self.session.mark(shown)

    @on(Act.BEST_GROUP)
    def mark_best_group(self) -> None:
        if (group := self.current_group()) is not None:
            self.session.mark_all_but_best([group])

    @on(Act.BEST_ALL)
    def mark_best_all(self) -> None:
        self.session.mark_all_but_best()

    @on(Act.UNMARK_GROUP)
    def unmark_group(self) -> None:
        if (group := self.current_group()) is not None:
            self.session.unmark([group])

    @on(Act.UNMARK_ALL)
    def unmark_all(self) -> None:
        self.session.unmark()

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
        if self.session.locked or not (photos := self.selected_photos()):
            return
        self.session.flag(photos, flag)
        if self.table_shown():
            self.details.step(1)
            return
        row = self.grid.current_row() + 1
        if row < self.grid.photos.rowCount():
            self.grid.setCurrentIndex(self.grid.photos.index(row))
        elif self.current_row() + 1 < self.group_model.rowCount():
            self.step_group(1)
        self.grid.setFocus()

    @on(Act.LOUPE)
    def loupe(self) -> LoupeDialog | None:
        """The selected photo at 100 %, centred where it is sharpest (culling measured it)."""
        review, k = self.session.review, self.current_photo()
        if review is None or k is None:
            return None
        frame = review.frame(k)
        region = frame.quality.region if frame is not None else (0.5, 0.5)
        why = said(frame.why) if frame is not None else self.tr("not measured (Shots mode measures frames)")
        dialog = LoupeDialog(review.photos[k].path, region, why, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.compareOpened.emit(dialog)
        return dialog

    def add_mode_switch(self, actions: list[QAction]) -> None:
        """One button per mode (the checkable View ▸ Duplicates and Shots), side by side."""
        layout = self.mode_row.layout()
        assert layout is not None  # made with one in __init__
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)

    def set_mode_bar(self, bar: QWidget) -> None:
        """Shots mode's bar, in the slider's place when it shows."""
        layout = self._right.layout()
        assert isinstance(layout, QBoxLayout)  # made a QVBoxLayout in __init__
        layout.insertWidget(1, bar)
        bar.hide()

    def show_shots(self, shots: bool, bar: QWidget) -> None:
        self.slider.setVisible(not shots)
        self.sort.setVisible(not shots)  # series are listed in the order they were shot
        self.sort_label.setVisible(not shots)
        bar.setVisible(shots)

    def set_sort(self, key: str) -> None:
        """Show (and apply) a group order chosen in an earlier run."""
        row = self.sort.findData(key)
        self.sort.setCurrentIndex(max(row, 0))

    @on(Act.COMPARE)
    def compare_selected(self) -> None:
        if self.table_shown():
            if (k := self.details.current_photo()) is not None:
                self.compare_photo(k)
        else:
            self.compare(self.grid.current_row())

    def compare_photo(self, k: int) -> CompareDialog | None:
        """Photo ``k`` beside the ★ of its group (from the table: its group is shown first)."""
        self._show_group_of(k)
        group = self.current_group()
        rows = [m.index for m in group.members] if group is not None else []
        return self.compare(rows.index(k)) if k in rows else None

    def compare(self, row: int) -> CompareDialog | None:
        """The tile at ``row`` beside its group's ★, at full size."""
        if self.session.review is None or (group := self.current_group()) is None:
            return None
        if not 0 <= row < len(group.members):  # no tile there (none current, or the group shrank)
            return None
        dialog = CompareDialog(self.session, [m.index for m in group.members], row, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.compareOpened.emit(dialog)
        return dialog

    @on(Act.OPEN)
    def open_selected(self) -> None:
        if (path := self.current_path()) is not None:
            open_file(path)

    @on(Act.SHOW)
    def show_selected(self) -> None:
        if (path := self.current_path()) is not None:
            show_in_folder(path)

    def set_scanning(self, scanning: bool, hint: str | None = None) -> None:
        self.scanning = scanning
        self.empty.setText(hint or empty_hint())
        self._update_title()

    # --- following the session ------------------------------------------------------------

    def _reload(self) -> None:
        """New groups: the group that was shown is still shown; when it is gone (its copies moved
        away), the one that took its place in the list is, not the first: the user goes on from there."""
        review = self.session.review
        selected, previous_row = self._shown_reference, max(0, self.current_row())
        self.group_model.set_review(review)
        self.details.set_review(review)
        self.stack.setCurrentIndex(1 if review is not None else 0)
        row = 0  # new photos: from the top
        if review is not None and selected is not None and (k := review.paths.get(selected)) is not None:
            found = self.group_model.row_of(k)
            row = found if found is not None else previous_row
        self.select_group(row)
        self.heading.setText(groups_heading(review))

    def _repaint_marks(self) -> None:
        self.grid.photos.refresh_marks()
        self.details.refresh_marks()
        self.group_model.refresh()
        self._update_title()
        self.heading.setText(groups_heading(self.session.review))

    def _group_selected(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        group = self.group_model.group(current.row()) if current.isValid() else None
        review = self.session.review
        self._shown_reference = review.photos[group.reference].path if group and review else None
        self.loader.clear_queue()
        self.grid.photos.set_group(review, group)
        if group is not None and self.grid.photos.rowCount():
            self.grid.setCurrentIndex(self.grid.photos.index(0))
        self._update_title()
        self.groupShown.emit()

    def _show_group_of(self, k: int) -> None:
        """The table's current row changed: its group is the one the list, title and commands show."""
        review = self.session.review
        row = review.row_of(k) if review is not None else None
        if row is not None and row != self.current_row():
            self.select_group(row)

    def _update_title(self) -> None:
        self.title.setText(group_title(self.session.review, self.current_group(), self.scanning))

    def _threshold_changed(self, bits: int) -> None:
        self.loader.clear_queue()
        self.session.regroup(bits)
