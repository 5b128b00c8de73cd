"""The thumbnail grid of one group: tiles that fill the width, a mark box in each corner."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from photodedupe.gui.panels.item_models import PhotoGridModel
from photodedupe.gui.panels.tile_delegate import TILE_PAD, PhotoDelegate, mark_box
from photodedupe.gui.settings import DEFAULT_THUMB
from photodedupe.gui.thumbnails import ThumbnailLoader


class PhotoGrid(QListView):
    """A click on a tile's mark box or Space asks to toggle; a double-click asks to compare."""

    toggleRequested = Signal(list, bool)  # photo indices; True: a click on the box (the ★ too)
    compareRequested = Signal(int)  # a row of the grid

    def __init__(self, loader: ThumbnailLoader) -> None:
        super().__init__()
        self.loader = loader
        self.photos = PhotoGridModel(loader, self)
        self.setModel(self.photos)
        self.setItemDelegate(PhotoDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        #: The smallest thumbnail the user wants (Ctrl++ and Ctrl+-); tiles grow to fill the width.
        self.min_thumb = DEFAULT_THUMB
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(120)  # while a window is being resized, fit once it rests
        self._fit_timer.timeout.connect(self.fit)

    # --- which photos ------------------------------------------------------------------

    def current_row(self) -> int:
        return self.currentIndex().row() if self.currentIndex().isValid() else 0

    def current_photo(self) -> int | None:
        """The photo index of the selected tile (the first tile if none is)."""
        return self.photos.photo_index(self.current_row())

    def selected_photos(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [k for k in map(self.photos.photo_index, rows) if k is not None]

    def mark_box_at(self, row: int) -> QPoint:
        """Where a user clicks to toggle the tile at ``row``."""
        return mark_box(self.visualRect(self.photos.index(row))).center()

    # --- size --------------------------------------------------------------------------

    def set_min_thumb(self, size: int) -> None:
        self.min_thumb = int(min(480, max(96, size)))
        self.fit()

    def fit(self) -> None:
        """As many columns of at least ``min_thumb`` as fit, each widened to fill the row."""
        gap, pad = self.spacing(), 2 * TILE_PAD
        available = self.viewport().width() - gap - 2
        if not self.verticalScrollBar().isVisible():  # it may appear once the tiles are laid out
            available -= self.verticalScrollBar().sizeHint().width()
        columns = max(1, available // (self.min_thumb + pad + gap))
        thumb = max(self.min_thumb, available // columns - gap - pad)
        if thumb != self.photos.thumb_size:
            self.loader.clear_queue()
            self.photos.set_thumb_size(thumb)
            self.doItemsLayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    # --- input -------------------------------------------------------------------------

    def _on_mark_box(self, event: QMouseEvent) -> int | None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and mark_box(self.visualRect(index)).contains(event.position().toPoint()):
            return index.row()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._on_mark_box(event)
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.toggleRequested.emit([k for k in [self.photos.photo_index(row)] if k is not None], True)
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self._on_mark_box(event) is None:
            self.compareRequested.emit(index.row())
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space toggles here: a list view would otherwise take it to select the current tile."""
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggleRequested.emit(self.selected_photos(), False)
            return
        super().keyPressEvent(event)
