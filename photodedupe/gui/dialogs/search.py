"""Search by example: the photos like one photo, nearest first, with their thumbnails."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.core.i18n import counted
from photodedupe.core.report import photo_facts
from photodedupe.core.units import human_size
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.thumbnails import ThumbnailLoader

_THUMB = 96

if TYPE_CHECKING:
    from photodedupe.core.search import Match


class SearchResultsDialog(QDialog):
    """The example on top; below, every match with its distance, nearest first."""

    def __init__(
        self,
        example: str,
        matches: Sequence[Match],
        threshold: int,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos like this one"))
        self.loader = loader
        self.example = example
        self.matches = list(matches)
        found = len(self.matches)
        name = html.escape(os.path.basename(example))
        if found:
            heading = counted(
                found,
                "<b>{n} photo</b> within {bits} bits of <b>{name}</b>, nearest first. "
                "Double-click one to open it.",
                "<b>{n} photos</b> within {bits} bits of <b>{name}</b>, nearest first. "
                "Double-click one to open it.",
                bits=threshold,
                name=name,
            )
        else:
            heading = self.tr(
                "No scanned photo is within {bits} bits of <b>{name}</b>. "
                "Move the similarity slider to the right to look further."
            ).format(bits=threshold, name=name)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setIconSize(QSize(_THUMB, _THUMB))
        self.list.setUniformItemSizes(True)
        for match in self.matches:
            # Never "same picture": a black-and-white edit is 0 bits from its colour original.
            how = counted(match.distance, "{n} bit apart", "{n} bits apart")
            if match.turned:
                how += ", " + self.tr("turned or mirrored")
            if match.differs:
                how += " · " + " · ".join(match.differs)
            if os.path.abspath(match.photo.path) == os.path.abspath(example):
                how += " " + self.tr("(the example itself)")
            elif match.note:
                how += f"; {match.note}"
            p = match.photo
            item = QListWidgetItem(
                f"{os.path.basename(p.path)}  —  {how}\n"
                f"{p.info.width}×{p.info.height} · {human_size(p.file.size)} · {os.path.dirname(p.path)}"
            )
            item.setToolTip("\n".join([p.path, *photo_facts(p)]))
            item.setData(Qt.ItemDataRole.UserRole, p.path)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda item: open_file(item.data(Qt.ItemDataRole.UserRole)))
        show = QPushButton(self.tr("Show in folder"))
        show.clicked.connect(self._show_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        loader.ready.connect(self._thumbnail_ready)
        self._refresh_icons()

    def _show_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            show_in_folder(item.data(Qt.ItemDataRole.UserRole))

    def _refresh_icons(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            pixmap = self.loader.get(item.data(Qt.ItemDataRole.UserRole), _THUMB)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))

    def _thumbnail_ready(self, path: str, size: int) -> None:
        if size == _THUMB:
            self._refresh_icons()

    def paths(self) -> list[str]:
        """The matches as listed (for tests and scripts)."""
        return [self.list.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.list.count())]
