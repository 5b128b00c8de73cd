"""The loupe (Z): one frame at 100 %, pixel for pixel, centred where it is sharpest.

Judging focus needs real pixels, not a thumbnail; the sharpest region (from
core.find.quality) is where a photographer looks first. Drag to look elsewhere;
Z or Esc closes it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from photodedupe.gui.panels.compare import _SCENE_WIDTH, ImagePane
from photodedupe.gui.thumbnails import ThumbnailLoader


class LoupeDialog(QDialog):
    def __init__(
        self, path: str, region: tuple[float, float], why: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Loupe — {photo}").format(photo=os.path.basename(path)))
        self.path, self.region = path, region
        self.loader = ThumbnailLoader(self, capacity=2, threads=1)
        self.loader.ready.connect(self._loaded)
        self.view = ImagePane()
        self.view.setToolTip(
            self.tr("100 %: one pixel of the photo for one pixel of the screen; drag to pan")
        )
        self.view.setAccessibleName(self.tr("{photo} at 100 %").format(photo=os.path.basename(path)))
        self.caption = QLabel(
            self.tr("<b>{photo}</b> — 100 %, at its sharpest spot · {why}").format(
                photo=os.path.basename(path), why=why
            )
        )
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        for key in (Qt.Key.Key_Z, Qt.Key.Key_Escape):
            QShortcut(QKeySequence(key), self).activated.connect(self.close)
        self.resize(900, 700)
        self._show(self.loader.get(path, 0), self.loader.failed(path, 0))

    def _loaded(self, path: str, size: int) -> None:
        if path == self.path:
            self._show(self.loader.get(path, 0), self.loader.failed(path, 0))

    def _show(self, pixmap, failed: bool) -> None:
        self.view.set_pixmap(pixmap, failed)
        if pixmap is None:
            return
        width = pixmap.deviceIndependentSize().width() or 1
        scale = width / _SCENE_WIDTH / self.devicePixelRatioF()  # one photo pixel per device pixel
        self.view.set_zoom(scale)
        rect = self.view.item.sceneBoundingRect()
        self.view.centerOn(
            QPointF(rect.left() + rect.width() * self.region[0], rect.top() + rect.height() * self.region[1])
        )

    def centre(self) -> tuple[float, float]:
        """Where the view looks, as fractions of the photo (for tests)."""
        rect = self.view.item.sceneBoundingRect()
        c = self.view.mapToScene(self.view.viewport().rect().center())
        return (c.x() - rect.left()) / rect.width(), (c.y() - rect.top()) / rect.height()
