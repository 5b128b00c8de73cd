"""The folders to scan, with Add and Remove; a tick makes a folder a reference (always kept)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.gui.dialogs.messages import pictures_folder
from photodedupe.gui.icons import icon
from photodedupe.gui.panels.folder_list import FolderList
from photodedupe.gui.settings import Settings
from photodedupe.gui.window_actions import Act, on


class FolderPanel(QWidget):
    """The folders and what is left out of them; it asks for a scan whenever they change."""

    changed = Signal()  # a reference tick changed (no rescan needed: the ★ and marks follow)
    scanRequested = Signal()  # folders added, removed or excluded
    emptied = Signal()  # the last folder was removed
    said = Signal(str)
    excluded = Signal(str)  # a folder the user left out of scans

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.list = FolderList()
        self.list.changed.connect(self.changed)
        add = QPushButton(icon("add-folder"), self.tr("Add folder…"))
        add.setToolTip(self.tr("Choose a folder to scan (Ctrl+O); you can also drop folders on the window"))
        add.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(icon("remove-folder"), self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected folders from the list (their photos stay on disk)")
        )
        self.remove_button.clicked.connect(self.remove_folders)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Folders</b> (tick = reference, always kept)")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def folders(self) -> list[str]:
        return self.list.folders()

    def reference_folders(self) -> list[str]:
        return self.list.reference_folders()

    def count(self) -> int:
        return self.list.count()

    def add(self, path: str, reference: bool = False) -> bool:
        return self.list.add_folder(path, reference)

    def add_folders(self, paths: Sequence[str], scan: bool = True) -> int:
        """Add the folders among ``paths`` (scanning them unless ``scan`` is False); how many were new."""
        added = sum(self.list.add_folder(p) for p in paths if os.path.isdir(p))
        if added and scan:
            self.scanRequested.emit()
        return added

    @on(Act.ADD)
    def choose_folder(self) -> None:
        start = self.folders()[-1] if self.count() else pictures_folder()
        options = QFileDialog.Option.ShowDirsOnly
        title = self.tr("Add a folder to scan")
        if path := QFileDialog.getExistingDirectory(self.window(), title, start, options):
            self.add_folders([path])

    @on(Act.REMOVE)
    def remove_folders(self) -> None:
        if self.list.remove_selected():
            self.scanRequested.emit() if self.count() else self.emptied.emit()

    def exclude(self, folder: str) -> bool:
        """Leave ``folder`` out of every scan from now on (the photo menu's "Exclude this folder"),
        once the user says yes: it acted silently, and its photos left the groups unexplained."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Exclude this folder"),
            self.tr("Leave “{folder}” out of every scan from now on?").format(folder=folder),
            QMessageBox.StandardButton.Cancel,
            self.window(),
        )
        box.setInformativeText(
            self.tr(
                "Its photos leave the groups and are not read again. Nothing is moved or deleted. "
                "To scan it again: Edit ▸ Excluded folders…"
            )
        )
        leave = box.addButton(self.tr("Leave it out"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(leave)
        box.exec()
        if box.clickedButton() is not leave:
            return False
        if folder not in self.settings.excluded:
            self.settings.excluded = [*self.settings.excluded, folder]
        self.excluded.emit(folder)
        self.scanRequested.emit()
        return True

    @on(Act.EXCLUDED)
    def edit_excluded(self) -> None:
        ask = QInputDialog(self.window())
        ask.setWindowTitle(self.tr("Excluded folders"))
        ask.setLabelText(
            self.tr(
                "Folders and patterns left out of scans, one per line\n"
                "(a folder's path, a name such as Backup, or a pattern such as */Export/*):"
            )
        )
        ask.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        ask.setTextValue("\n".join(self.settings.excluded))
        if (box := ask.findChild(QPlainTextEdit)) is not None:  # Qt's own dialog leaves its box unnamed
            box.setAccessibleName(self.tr("Excluded folders"))
        ok, text = ask.exec() == QInputDialog.DialogCode.Accepted, ask.textValue()
        if ok:
            self.settings.excluded = [line.strip() for line in text.splitlines() if line.strip()]
            if self.count():
                self.scanRequested.emit()

    def set_reference(self, path: str, reference: bool) -> None:
        self.list.set_reference(path, reference)
