"""A user at the window: tests say what a person does and sees, not which attribute holds what.

When the window's insides change (components, an action registry), only this
file follows; the tests written against it stay as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from photodedupe.gui.main_window import MainWindow
from tests.gui.conftest import answer_dialogs, drop_folders, wait_scan


class Driver:
    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    # --- doing -------------------------------------------------------------------------
    def drop(self, *folders: Path) -> Driver:
        drop_folders(self.window, list(folders))
        return self

    def wait_for_scan(self) -> Driver:
        wait_scan(self.qtbot, self.window)
        return self

    def menu(self, label: str) -> None:
        """Trigger the menu or toolbar action whose label (without its mnemonic) is ``label``."""
        for action in self.window.actions():
            if action.text().replace("&", "").rstrip("…") == label.rstrip("…"):
                action.trigger()
                return
        raise LookupError(f"no action {label!r}")

    def select_group(self, row: int) -> None:
        view = self.window.group_view
        view.setCurrentIndex(view.model().index(row))

    def trash_marked(self) -> list[str]:
        """Move the marked photos to the Trash, saying yes to every question; the questions seen."""
        seen: list[str] = []
        answer_dialogs(["Move"], seen)
        self.menu("Move marked to Trash")
        self.qtbot.waitUntil(lambda: self.window.file_job is None, timeout=30_000)
        return seen

    def undo(self) -> None:
        self.menu("Undo move to Trash")
        self.qtbot.waitUntil(lambda: self.window.file_job is None, timeout=30_000)

    # --- seeing ------------------------------------------------------------------------
    def status(self) -> str:
        return self.window.status_label.text()

    def group_rows(self) -> list[str]:
        """The group list as shown: each row's text."""
        model = self.window.group_view.model()
        return [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]

    def selected_group(self) -> int:
        return self.window.group_view.currentIndex().row()

    def groups(self) -> list[set[str]]:
        """File names in each group, in list order."""
        review = self.window.review
        assert review is not None
        return [{os.path.basename(review.photos[m.index].path) for m in g.members} for g in review.groups]

    def marked(self) -> set[str]:
        review = self.window.review
        return {os.path.basename(review.photos[k].path) for k in review.marked} if review else set()

    def slider_text(self) -> str:
        """Every word beside the similarity slider, left to right."""
        from PySide6.QtWidgets import QLabel

        labels = self.window.slider.findChildren(QLabel)
        return " ".join(label.text() for label in labels)

    def resize(self, width: int, height: int) -> None:
        self.window.resize(width, height)
        self.qtbot.wait(250)  # the grid fits itself once a resize rests

    def grid_row(self) -> tuple[int, int, float]:
        """(tiles a full row holds, thumbnail size, share of the grid's width a full row covers)."""
        grid = self.window.grid
        model = grid.model()
        first = grid.visualRect(model.index(0))
        cell = first.width() + grid.spacing()  # a tile and the gap after it
        width = grid.viewport().width()
        columns = (width - first.left()) // cell
        return columns, model.thumb_size, columns * cell / width

    def group_rows_fit(self) -> bool:
        """Every line of every group row is shown whole (no "…")."""
        view = self.window.group_view
        metrics = view.fontMetrics()
        model = view.model()
        for row in range(model.rowCount()):
            rect = view.visualRect(model.index(row))
            room = rect.width() - view.iconSize().width() - 12
            text = model.index(row).data()
            if any(metrics.horizontalAdvance(line) > room for line in text.split("\n")):
                return False
        return True

    def open_compare(self, row: int):
        """Double-click the tile at ``row``; the compare window once both photos are shown."""
        from PySide6.QtCore import Qt as _Qt

        grid = self.window.grid
        self.qtbot.mouseDClick(
            grid.viewport(), _Qt.MouseButton.LeftButton, pos=grid.visualRect(grid.model().index(row)).center()
        )
        dialog = self.window.compare_dialog
        self.qtbot.waitUntil(
            lambda: (
                not dialog.left.view.item.pixmap().isNull() and not dialog.right.view.item.pixmap().isNull()
            )
        )
        return dialog
