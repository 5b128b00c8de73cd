"""The window's small dialogs: questions, problem lists, errors."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedupe import __version__
from photodedupe.core.actions import Failure
from photodedupe.gui.file_ops import Ask, Question


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
        buttons = {
            box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice for choice in question.choices
        }
        default = next((b for b, c in buttons.items() if c == question.default), None)
        box.setDefaultButton(default or QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())

    return ask


def pictures_folder() -> str:
    """Where file dialogs start: the user's Pictures folder, else home (never the current directory)."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and os.path.isdir(pictures) else os.path.expanduser("~")


class ProblemsDialog(QDialog):
    """Files that could not be used or moved, each with its reason."""

    def __init__(
        self, title: str, intro: str, failures: Sequence[Failure], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        table = QTableWidget(len(failures), 2)
        table.setHorizontalHeaderLabels(["File", "Reason"])
        for row, f in enumerate(failures):
            table.setItem(row, 0, QTableWidgetItem(f.path))
            table.setItem(row, 1, QTableWidgetItem(f.reason))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(900, 420)


def error_box(text: str, details: str, parent: QWidget) -> QMessageBox:
    """A failure: the words for the user, and (under "Show Details") a traceback if there is one."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Something went wrong", text, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setDetailedText(details)
    box.open()
    return box


def about_box(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About photodedupe",
        f"<h3>photodedupe {__version__}</h3>"
        "<p>Finds near-duplicate photos — copies, resized and re-saved versions, edits — "
        "and moves the ones you reject to the Trash. Nothing is ever deleted permanently. "
        "In Shots mode it ranks the frames of each burst of a shoot, sharpest first.</p>"
        "<p>Photos are compared with a 128-bit difference hash; the slider sets how many "
        "bits two photos may differ by.</p><p>MIT licence.</p>",
    )
