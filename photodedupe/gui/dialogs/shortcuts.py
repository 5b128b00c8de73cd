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
from photodedupe.gui.translations import QT_TRANSLATE_NOOP, translate

#: Keys the photo grid and the compare view handle themselves (not menu actions).
VIEW_KEYS = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Move between photos"), QT_TRANSLATE_NOOP("Shortcuts", "Arrow keys")),
    (QT_TRANSLATE_NOOP("Shortcuts", "In compare: previous / next photo"), "← / →"),
    (QT_TRANSLATE_NOOP("Shortcuts", "In compare: whole photos / 100 %"), "F / 1"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(the command as its menu names it, its keys) for each action with a shortcut, then the views' keys."""
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys:
            rows.append((plain_text(action.text()).rstrip("…"), keys))
    views = [(translate("Shortcuts", action), translate("Shortcuts", keys)) for action, keys in VIEW_KEYS]
    return sorted(rows, key=lambda row: row[0].casefold()) + views


class ShortcutsDialog(QDialog):
    """Every key, with the command's name as in the menus (its tooltip says more)."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
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
