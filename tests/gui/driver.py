"""A user at the window: tests say what a person does and sees, not which attribute holds what.

When the window's insides change, only this file follows; the tests written
against it stay as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar

from photodedupe.core.review import Review
from photodedupe.gui.main_window import MainWindow
from tests.gui.conftest import answer_dialogs, drop_folders, wait_scan

WAIT = 30_000


class Driver:
    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self._panel = window.panel

    # --- doing -------------------------------------------------------------------------
    def drop(self, *paths: Path) -> Driver:
        """Drag folders (or one photo) from a file manager onto the window."""
        drop_folders(self.window, list(paths))
        return self

    def add(self, *folders: Path | str) -> Driver:
        """Add folders as File ▸ Add folder… does (they are scanned)."""
        self.window.add_folders([str(f) for f in folders])
        return self

    def wait_for_scan(self, timeout: int = 60_000) -> Driver:
        wait_scan(self.qtbot, self.window, timeout)
        return self

    def wait_for_cull(self) -> Driver:
        """Shots mode: the series are found and their frames measured."""
        from photodedupe.core.cull_review import CullReview

        self.qtbot.waitUntil(
            lambda: not self.window.cull_mode.running and isinstance(self.window.review, CullReview),
            timeout=WAIT,
        )
        return self

    def press(self, key: str) -> None:
        """A key pressed while the photos have the focus ("P", "X", "U", "Z", "Return"…)."""
        from PySide6.QtGui import QKeySequence

        grid = self._panel.grid
        grid.setFocus()
        self.qtbot.keyClick(grid, QKeySequence(key)[0].key())

    def set_keep_best(self, count: int) -> None:
        self.window.cull_mode.bar.keep.setValue(count)

    def set_series_window(self, seconds: float) -> None:
        spin = self.window.cull_mode.bar.gap
        spin.setValue(seconds)
        spin.editingFinished.emit()

    def wait_for_moves(self) -> None:
        self.qtbot.waitUntil(lambda: not self.window.files.running, timeout=WAIT)

    def action(self, label: str) -> QAction:
        """The menu or toolbar command whose label (without its mnemonic) is ``label``."""
        for action in self.window.actions():
            if action.text().replace("&", "").rstrip("…") == label.rstrip("…"):
                return action
        raise LookupError(f"no action {label!r}")

    def menu(self, label: str) -> None:
        self.action(label).trigger()

    def enabled(self, label: str) -> bool:
        return self.action(label).isEnabled()

    def slide_to(self, bits: int) -> None:
        """Drag the similarity slider; the groups follow once it rests."""
        self._panel.slider.slider.setValue(bits)
        self.qtbot.waitUntil(lambda: self.review.threshold == bits)

    def select_group(self, row: int) -> None:
        self._panel.groups.view.setCurrentIndex(self._panel.groups.model.index(row))

    def show_group_of(self, size: int) -> None:
        """Click, in the group list, the group with ``size`` photos."""
        sizes = [len(g) for g in self.groups()]
        self.select_group(sizes.index(size))

    def click_mark_box(self, row: int) -> None:
        grid = self._panel.grid
        self.qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.mark_box_at(row))

    def select_photo(self, row: int) -> None:
        grid = self._panel.grid
        grid.setCurrentIndex(grid.photos.index(row))
        grid.setFocus()

    def select_photo_named(self, name: str) -> None:
        self.select_photo(self.tile_names().index(name))

    def press_space(self) -> None:
        self.qtbot.keyClick(self._panel.grid, Qt.Key.Key_Space)

    def select_all_photos(self) -> None:
        self._panel.grid.selectAll()

    def tick_reference(self, folder: Path | str) -> None:
        self.window.folders.set_reference(str(folder), True)

    def click_cancel(self) -> None:
        self.qtbot.mouseClick(self.window.status.cancel_button, Qt.MouseButton.LeftButton)

    def trash_marked(self, answers: tuple[str, ...] = ("Move",), wait: bool = True) -> list[str]:
        """Move the marked photos to the Trash, giving ``answers`` to the questions; the questions seen."""
        seen: list[str] = []
        answer_dialogs(list(answers), seen)
        self.menu("Move marked to Trash")
        if wait:
            self.wait_for_moves()
        return seen

    def undo(self) -> None:
        self.menu("Undo move to Trash")
        self.wait_for_moves()

    def start_again(self) -> None:
        """What the app does at start: ask about a batch a crash cut short, if there is one."""
        self.window.files.check_interrupted()

    def answer_interrupted(self, answer: str) -> list[str]:
        """At start, the question about a batch a crash cut short, answered."""
        seen: list[str] = []
        answer_dialogs([answer], seen)
        self.window.files.check_interrupted()
        self.wait_for_moves()
        return seen

    def open_compare(self, row: int):
        """Double-click the tile at ``row``; the compare window once both photos are shown."""
        grid = self._panel.grid
        self.qtbot.mouseDClick(
            grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(grid.photos.index(row)).center()
        )
        dialog = self.window.dialog
        self.qtbot.waitUntil(
            lambda: (
                not dialog.left.view.item.pixmap().isNull() and not dialog.right.view.item.pixmap().isNull()
            )
        )
        return dialog

    def wait_for_search(self):
        """The search-by-example results, once they show."""
        extras = self.window.extras
        self.qtbot.waitUntil(lambda: extras.job is None and extras.dialog is not None, timeout=WAIT)
        return extras.dialog

    def resize(self, width: int, height: int) -> None:
        self.window.resize(width, height)
        self.qtbot.wait(250)  # the grid fits itself once a resize rests

    # --- seeing ------------------------------------------------------------------------
    @property
    def review(self) -> Review:
        review = self.window.review
        assert review is not None, "no scan result on screen"
        return review

    def has_results(self) -> bool:
        """Groups (or a scan's first ones) are on screen."""
        return self.window.review is not None

    def folders(self) -> list[str]:
        """The folders in the list, top to bottom."""
        return self.window.folders.folders()

    def scanning(self) -> bool:
        return self.window.scans.running

    def status(self) -> str:
        return self.window.status.text()

    def notice(self) -> tuple[bool, str, str]:
        """The status bar's warning: (shown, its words, its tooltip)."""
        notice = self.window.status.notice
        return notice.isVisible(), notice.text(), notice.toolTip()

    def empty_hint(self) -> str:
        """The words in the empty window, or "" when results are shown."""
        empty = self._panel.empty
        return empty.text() if empty.isVisible() else ""

    def title(self) -> str:
        return self._panel.title.text()

    def toolbar_tips(self) -> list[str]:
        bar = self.window.findChild(QToolBar)
        return [a.toolTip() for a in bar.actions() if not a.isSeparator()]

    def group_rows(self) -> list[str]:
        """The group list as shown: each row's text."""
        model = self._panel.groups.model
        return [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]

    def selected_group(self) -> int:
        return self._panel.groups.view.currentIndex().row()

    def groups(self) -> list[set[str]]:
        """File names in each group, in list order."""
        review = self.review
        return [{os.path.basename(review.photos[m.index].path) for m in g.members} for g in review.groups]

    def group_sizes(self) -> list[int]:
        return sorted(len(g) for g in self.groups())

    def marked(self) -> set[str]:
        return {os.path.basename(p) for p in self.marked_paths()}

    def marked_paths(self) -> set[str]:
        review = self.window.review
        return {review.photos[k].path for k in review.marked} if review else set()

    def tiles(self) -> list:
        """The shown group's tiles, in grid order (photo, why it is kept, …)."""
        photos = self._panel.grid.photos
        return [photos.tile(r) for r in range(photos.rowCount())]

    def current_tile(self) -> int:
        return self._panel.grid.current_row()

    def tile_names(self) -> list[str]:
        return [os.path.basename(t.photo.path) for t in self.tiles()]

    def tile_tips(self) -> dict[str, str]:
        """Each shown tile's tooltip, by file name."""
        photos = self._panel.grid.photos
        return {
            os.path.basename(photos.tile(r).photo.path): photos.data(
                photos.index(r), Qt.ItemDataRole.ToolTipRole
            )
            for r in range(photos.rowCount())
        }

    def dialog(self):
        """The last dialog the window opened (problems, shortcuts, compare, …)."""
        return self.window.dialog

    def problems(self) -> list[tuple[str, str]]:
        """(file, reason) rows of the problem list the window showed last."""
        table = self.window.dialog.table
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]

    def details(self):
        """The details table (View ▸ Details table), to sort, filter and tick as a user would."""
        return self._panel.details

    def showing_details(self) -> bool:
        return self._panel.views.currentWidget() is self._panel.details

    def slider_text(self) -> str:
        """Every word beside the similarity slider, left to right."""
        return " ".join(label.text() for label in self._panel.slider.findChildren(QLabel))

    def slider_value(self) -> int:
        return self._panel.slider.value()

    def background_threads(self) -> int:
        """Scans, moves and searches still running in the background."""
        return self.window.jobs_pool.activeThreadCount()

    def excluded(self) -> list[str]:
        """The folders and patterns left out of scans (Edit ▸ Excluded folders…)."""
        return self.window.settings.excluded

    def first_group_seconds(self) -> float | None:
        return self.window.scans.first_group_seconds

    def models(self):
        return self._panel.groups.model, self._panel.grid.photos

    def thumbnail_size(self) -> int:
        """The smallest thumbnail the user asked for (Ctrl++ / Ctrl+-)."""
        return self._panel.grid.min_thumb

    def grid_row(self) -> tuple[int, int, float]:
        """(tiles a full row holds, thumbnail size, share of the grid's width a full row covers)."""
        grid = self._panel.grid
        first = grid.visualRect(grid.photos.index(0))
        cell = first.width() + grid.spacing()  # a tile and the gap after it
        width = grid.viewport().width()
        columns = (width - first.left()) // cell
        return columns, grid.photos.thumb_size, columns * cell / width

    def group_list_width(self) -> int:
        return self._panel.groups.view.width()

    def group_rows_fit(self) -> bool:
        """Every line of every group row is shown whole (no "…")."""
        view = self._panel.groups.view
        metrics = view.fontMetrics()
        model = view.model()
        for row in range(model.rowCount()):
            rect = view.visualRect(model.index(row))
            room = rect.width() - view.iconSize().width() - 12
            if any(metrics.horizontalAdvance(line) > room for line in model.index(row).data().split("\n")):
                return False
        return True
