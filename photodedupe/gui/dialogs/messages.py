"""The window's small dialogs: questions, problem lists, errors."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedupe import __version__
from photodedupe.core.i18n import said
from photodedupe.core.model import Problem
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.dialogs.questions import Ask, Question
from photodedupe.gui.translations import translate


def message_box_asker(parent: QWidget) -> Ask:
    """``FileOps``'s way to ask, as a modal message box over ``parent``."""

    def ask(question: Question) -> str | None:
        box = QMessageBox(
            QMessageBox.Icon.Warning if question.warning else QMessageBox.Icon.Question,
            question.title,
            question.text,
            QMessageBox.StandardButton.Cancel if question.cancel else QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setInformativeText(question.informative)
        buttons: dict[QPushButton, str] = {
            box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice for choice in question.choices
        }
        default = next((b for b, c in buttons.items() if c == question.default), None)
        if default is not None:
            box.setDefaultButton(default)
        else:
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((choice for button, choice in buttons.items() if button is clicked), None)

    return ask


def pictures_folder() -> str:
    """Where file dialogs start: the user's Pictures folder, else home (never the current directory)."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and os.path.isdir(pictures) else os.path.expanduser("~")


class ProblemsDialog(QDialog):
    """Files that could not be used or moved, each with its reason, and what the user can do about
    one: see it in its folder (double-click), open it, or copy the paths to look into or to report."""

    def __init__(
        self, title: str, intro: str, failures: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        table = QTableWidget(len(failures), 2)
        table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        for row, f in enumerate(failures):
            item = QTableWidgetItem(f.path)
            item.setToolTip(f.path)
            table.setItem(row, 0, item)
            table.setItem(row, 1, QTableWidgetItem(said(f.reason)))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        table.doubleClicked.connect(self.show_in_folder)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table = table
        self._actions: dict[QPushButton, QAction] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.show_button = self._command(buttons, self.tr("Show in Folder"), self.show_in_folder)
        self.open_button = self._command(buttons, self.tr("Open"), self.open_selected)
        copy = QKeySequence.StandardKey.Copy
        self.copy_button = self._command(buttons, self.tr("Copy Paths"), self.copy_paths, copy)
        table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _command(self, box: QDialogButtonBox, text: str, slot, key=None) -> QPushButton:
        """One command, as a button and in the table's right-click menu, enabled alike."""
        action = QAction(text, self.table)
        action.triggered.connect(lambda: slot())
        if key is not None:
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(action)
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        self._actions[button] = action
        return button

    def selected_paths(self) -> list[str]:
        """The selected rows' paths, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._path_at(r) for r in rows]

    def _path_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text() if item is not None else ""

    def _current_path(self) -> str | None:
        """The one file to show or open: the current row, if it still exists (it may be gone)."""
        row = self.table.currentRow()
        path = self._path_at(row) if row >= 0 and self.selected_paths() else None
        return path if path is not None and os.path.lexists(path) else None

    def show_in_folder(self) -> None:
        if (path := self._current_path()) is not None:
            show_in_folder(path)

    def open_selected(self) -> None:
        if (path := self._current_path()) is not None and os.path.isfile(path):
            open_file(path)

    def copy_paths(self) -> None:
        """The selected paths, or every path when none is selected, one per line."""
        paths = self.selected_paths() or [self._path_at(r) for r in range(self.table.rowCount())]
        QGuiApplication.clipboard().setText("\n".join(paths))

    def _update_buttons(self) -> None:
        current = self._current_path()
        self.show_button.setEnabled(current is not None)
        self.open_button.setEnabled(current is not None and os.path.isfile(current))
        self.copy_button.setText(
            self.tr("Copy Path") if len(self.selected_paths()) == 1 else self.tr("Copy Paths")
        )
        for button, action in self._actions.items():
            action.setEnabled(button.isEnabled())
            action.setText(button.text())


def error_box(text: str, details: str, parent: QWidget) -> QMessageBox:
    """A failure: the words for the user, and (under "Show Details") a traceback if there is one."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("Messages", "Something went wrong"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if details:
        box.setDetailedText(details)
    box.open()
    return box


def about_box(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        translate("Messages", "About photodedupe"),
        f"<h3>photodedupe {__version__}</h3>"
        + translate(
            "Messages",
            "<p>Finds near-duplicate photos — copies, resized and re-saved versions, edits — "
            "and moves the ones you reject to the Trash. Nothing is ever deleted permanently. "
            "In Shots mode it ranks the frames of each burst of a shoot, sharpest first.</p>"
            "<p>Photos are compared with a 128-bit difference hash; the slider sets how many "
            "bits two photos may differ by.</p><p>MIT licence.</p>",
        ),
    )
