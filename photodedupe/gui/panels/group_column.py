"""The left column under the folders: Duplicates or Shots, the groups' heading and order, the group list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.core.i18n import _
from photodedupe.core.model import GROUP_ORDERS, Group
from photodedupe.gui.panels.focus import focusables
from photodedupe.gui.panels.item_models import GroupListModel
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.texts import groups_heading
from photodedupe.gui.thumbnails import ThumbnailLoader
from photodedupe.gui.window_actions import Act, on

if TYPE_CHECKING:
    from photodedupe.core.review import Review


class GroupColumn(QWidget):
    """``above`` (the folders), then the mode switch, the heading with Sort, and the groups."""

    currentChanged = Signal(QModelIndex)  # another group is current (an invalid index: none)

    def __init__(self, session: ShownReview, loader: ThumbnailLoader, above: QWidget) -> None:
        super().__init__()
        self.above, self.mode_buttons = above, list[QToolButton]()
        self.model = GroupListModel(loader, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setIconSize(QSize(GroupListModel.THUMB, GroupListModel.THUMB))
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(2)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setToolTip(self.tr("Groups of near-duplicate photos, in the order Sort says (Ctrl+↑/↓)"))
        self.view.selectionModel().currentChanged.connect(
            lambda current, _old: self.currentChanged.emit(current)
        )
        self.heading = QLabel(self.tr("Groups"))
        self.heading.setWordWrap(True)  # a long summary must not widen the whole window
        self.sort = QComboBox()
        for key, words in GROUP_ORDERS.items():
            self.sort.addItem(_(words), key)
        self.sort.setToolTip(self.tr("The order the groups are listed in"))
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.currentIndexChanged.connect(lambda: session.sort_groups(self.sort.currentData()))
        # Sort on its own row under the heading: beside it, the heading had a third of the column
        # and wrapped to five lines in German ("56 Gruppen (1.493 Fotos, 1,1 GB in Kopien)").
        sort_row = QHBoxLayout()
        sort_row.setContentsMargins(0, 0, 0, 0)
        self.sort_label = QLabel(self.tr("Sort:"))
        self.sort_label.setBuddy(self.sort)
        sort_row.addWidget(self.sort_label)
        sort_row.addWidget(self.sort)
        sort_row.addStretch(1)

        # Duplicates or Shots: a mode of the whole view, so beside what it changes, not in the toolbar
        # (where, at 900 px, it pushed Compare, Move to Trash and Undo behind the » overflow).
        self.modes = QHBoxLayout()
        self.modes.setContentsMargins(0, 4, 0, 0)
        self.modes.setSpacing(0)
        self.modes.addWidget(QLabel(self.tr("Find:")))
        self.modes.addSpacing(6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(above, 1)
        layout.addLayout(self.modes)
        layout.addWidget(self.heading)
        layout.addLayout(sort_row)
        layout.addWidget(self.view, 4)

    def current_group(self) -> Group | None:
        return self.model.group(self.view.currentIndex().row())

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_group(self, row: int) -> None:
        """Make group ``row`` current (clamped to the list); with no groups, say none is."""
        if self.model.rowCount():
            row = max(0, min(row, self.model.rowCount() - 1))
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(self.model.index(row))
        else:
            self.currentChanged.emit(QModelIndex())

    @on(Act.NEXT)
    def next_group(self) -> None:
        self.step_group(1)

    @on(Act.PREVIOUS)
    def previous_group(self) -> None:
        self.step_group(-1)

    def step_group(self, delta: int) -> None:
        if rows := self.model.rowCount():
            self.select_group((self.current_row() + delta) % rows)

    def show_review(self, review: Review | None) -> None:
        """New groups (or marks): the list and the heading's count say them."""
        self.model.set_review(review)
        self.heading.setText(groups_heading(review))

    def refresh(self, review: Review | None) -> None:
        self.model.refresh()
        self.heading.setText(groups_heading(review))

    def add_mode_switch(self, actions: list[QAction]) -> None:
        """One button per mode (the checkable View ▸ Duplicates and Shots), side by side."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.modes.addWidget(button)
            self.mode_buttons.append(button)

    def tab_chain(self) -> list[QWidget]:
        """Its widgets in reading order: the folders' (as they were made, top to bottom), then ours."""
        return [*focusables(self.above), *self.mode_buttons, self.sort, self.view]

    def show_sort(self, shown: bool) -> None:
        self.sort.setVisible(shown)
        self.sort_label.setVisible(shown)

    def set_sort(self, key: str) -> None:
        """Show (and apply) a group order chosen in an earlier run."""
        self.sort.setCurrentIndex(max(self.sort.findData(key), 0))
