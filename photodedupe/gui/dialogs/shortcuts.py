"""Help ▸ Keyboard shortcuts: every key the window answers to, read from its actions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedupe.gui.texts import plain_text

#: Keys the photo grid and the compare view handle themselves (not menu actions).
VIEW_KEYS = (
    ("Move between photos", "Arrow keys"),
    ("In compare: previous / next photo", "← / →"),
    ("In compare: whole photos / 100 %", "F / 1"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(the command as its menu names it, its keys) for each action with a shortcut, then the views' keys."""
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys:
            rows.append((plain_text(action.text()).rstrip("…"), keys))
    return sorted(rows, key=lambda row: row[0].casefold()) + list(VIEW_KEYS)


class ShortcutsDialog(QDialog):
    """Every key, with the command's name as in the menus (its tooltip says more)."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        tips = {plain_text(a.text()).rstrip("…"): a.statusTip() for a in actions}
        for row, (what, keys) in enumerate(rows):
            item = QTableWidgetItem(what)
            item.setToolTip(tips.get(what, ""))
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 560)
