"""The folders to scan, each of which can be a protected reference folder."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from photodedupe.gui.icons import icon


class FolderList(QListWidget):
    """Folders with a check box each: checked means "reference: keep, never trash"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            self.tr(
                "Folders to scan. Tick a folder to make it a reference folder: its photos are kept\n"
                "and never marked or moved to the trash (e.g. your organised archive)."
            )
        )
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.itemChanged.connect(self._item_changed)

    def _item_changed(self, item: QListWidgetItem) -> None:
        reference = item.checkState() == Qt.CheckState.Checked
        self.blockSignals(True)  # a new icon is an item change too
        item.setIcon(icon("reference") if reference else icon("add-folder"))
        self.blockSignals(False)
        self.changed.emit()

    def folders(self) -> list[str]:
        return [self.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.count())]

    def reference_folders(self) -> list[str]:
        return [
            self.item(k).data(Qt.ItemDataRole.UserRole)
            for k in range(self.count())
            if self.item(k).checkState() == Qt.CheckState.Checked
        ]

    def add_folder(self, path: str, reference: bool = False) -> bool:
        """Add a folder unless it is listed already; True if added."""
        path = os.path.abspath(path)
        if path in self.folders():
            return False
        item = QListWidgetItem(icon("reference") if reference else icon("add-folder"), path)
        item.setData(Qt.ItemDataRole.UserRole, path)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if reference else Qt.CheckState.Unchecked)
        item.setToolTip(path + "\n" + self.tr("Tick to keep every photo in it (reference folder)"))
        self.blockSignals(True)
        self.addItem(item)
        self.blockSignals(False)
        self.changed.emit()
        return True

    def set_reference(self, path: str, reference: bool) -> None:
        for k in range(self.count()):
            item = self.item(k)
            if item.data(Qt.ItemDataRole.UserRole) == path:
                item.setCheckState(Qt.CheckState.Checked if reference else Qt.CheckState.Unchecked)

    def remove_selected(self) -> list[str]:
        removed = []
        for item in self.selectedItems():
            removed.append(item.data(Qt.ItemDataRole.UserRole))
            self.takeItem(self.row(item))
        if removed:
            self.changed.emit()
        return removed
