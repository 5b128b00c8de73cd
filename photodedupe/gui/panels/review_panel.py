"""The review: the group list (under the folders), the slider, the shown group's title and photos.

It listens to the ``ReviewSession`` and asks it for every change; it keeps
only what is on screen (which group is shown, grid or table).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from photodedupe.gui.panels.details_table import DetailsView
from photodedupe.gui.panels.focus import chain, focusables
from photodedupe.gui.panels.group_column import GroupColumn
from photodedupe.gui.panels.photo_grid import PhotoGrid
from photodedupe.gui.panels.similarity_slider import SimilaritySlider
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.texts import empty_hint, group_title
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

    def __init__(self, session: ShownReview, loader: ThumbnailLoader, above: QWidget) -> None:
        super().__init__()
        self.session, self.loader = session, loader
        self.scanning = False
        self._mode_bar: QWidget | None = None  # Shots' bar, in the slider's place when it shows
        self._shown_reference: str | None = None  # the shown group's ★, to find its group again

        self.groups = GroupColumn(session, loader, above)
        self.groups.currentChanged.connect(self._group_selected)

        self.slider = SimilaritySlider()
        self.slider.thresholdChanged.connect(self._threshold_changed)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.grid = PhotoGrid(loader)
        self.details = DetailsView()
        self.details.currentPhotoChanged.connect(self.show_group_of)
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

        self.addWidget(self.groups)
        self._right = _column((self.slider, 0), (self.stack, 1), margins=(0, 0, 0, 0))
        self.addWidget(self._right)
        self.setStretchFactor(0, 1)  # both sides grow with the window, the grid most
        self.setStretchFactor(1, 3)
        self.setSizes([330, 950])
        session.changed.connect(self._reload)
        session.marksChanged.connect(self._repaint_marks)

    # --- what is shown -----------------------------------------------------------------

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

    @on(Act.DETAILS)
    def toggle_details(self) -> None:
        self.views.setCurrentWidget(self.grid if self.views.currentWidget() is self.details else self.details)

    @on(Act.ZOOM_IN)
    def larger(self) -> None:
        self.grid.set_min_thumb(round(self.grid.min_thumb * 1.25))

    @on(Act.ZOOM_OUT)
    def smaller(self) -> None:
        self.grid.set_min_thumb(round(self.grid.min_thumb * 0.8))

    def set_mode_bar(self, bar: QWidget) -> None:
        """Shots mode's bar, in the slider's place when it shows."""
        layout = self._right.layout()
        assert isinstance(layout, QBoxLayout)  # made a QVBoxLayout in __init__
        layout.insertWidget(1, bar)
        self._mode_bar = bar
        bar.hide()

    def chain_tabs(self) -> None:
        """Tab follows reading order: the left column top to bottom, then the right one (the slider or
        Shots' bar, then the grid or the table's filter, box and rows); Qt skips what is hidden."""
        chain(
            [
                *self.groups.tab_chain(),
                self.slider.slider,
                *(focusables(self._mode_bar) if self._mode_bar is not None else []),
                self.grid,
                self.details.filter,
                self.details.only_marked,
                self.details.table,
            ]
        )

    def show_shots(self, shots: bool, bar: QWidget) -> None:
        self.slider.setVisible(not shots)
        self.groups.show_sort(not shots)  # series are listed in the order they were shot
        bar.setVisible(shots)

    def set_scanning(self, scanning: bool, hint: str | None = None) -> None:
        self.scanning = scanning
        self.empty.setText(hint or empty_hint())
        self._update_title()

    # --- following the session ------------------------------------------------------------

    def _reload(self) -> None:
        """New groups: the group that was shown is still shown; when it is gone (its copies moved
        away), the one that took its place in the list is, not the first: the user goes on from there."""
        review = self.session.review
        selected, previous_row = self._shown_reference, max(0, self.groups.current_row())
        self.groups.show_review(review)
        self.details.set_review(review)
        self.stack.setCurrentIndex(1 if review is not None else 0)
        row = 0  # new photos: from the top
        if review is not None and selected is not None and (k := review.paths.get(selected)) is not None:
            found = self.groups.model.row_of(k)
            row = found if found is not None else previous_row
        self.groups.select_group(row)

    def _repaint_marks(self) -> None:
        self.grid.photos.refresh_marks()
        self.details.refresh_marks()
        self.groups.refresh(self.session.review)
        self._update_title()

    def _group_selected(self, current: QModelIndex) -> None:
        group = self.groups.model.group(current.row()) if current.isValid() else None
        review = self.session.review
        self._shown_reference = review.photos[group.reference].path if group and review else None
        self.loader.clear_queue()
        self.grid.photos.set_group(review, group)
        if group is not None and self.grid.photos.rowCount():
            self.grid.setCurrentIndex(self.grid.photos.index(0))
        self._update_title()
        self.groupShown.emit()

    def show_group_of(self, k: int) -> None:
        """The table's current row changed: its group is the one the list, title and commands show."""
        review = self.session.review
        row = review.row_of(k) if review is not None else None
        if row is not None and row != self.groups.current_row():
            self.groups.select_group(row)

    def _update_title(self) -> None:
        self.title.setText(group_title(self.session.review, self.groups.current_group(), self.scanning))

    def _threshold_changed(self, bits: int) -> None:
        self.loader.clear_queue()
        self.session.regroup(bits)
