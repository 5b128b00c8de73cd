"""Choose and order the rules that decide which photo of a group "Mark all but the best" keeps."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.core.i18n import _
from photodedupe.core.keep.rules import DEFAULT_RULES, RULES, describe


def _beside(widget: QWidget, *buttons: QPushButton) -> QHBoxLayout:
    """A list with its buttons stacked on its right."""
    side = QVBoxLayout()
    for button in buttons:
        side.addWidget(button)
    side.addStretch(1)
    row = QHBoxLayout()
    row.addWidget(widget, 1)
    row.addLayout(side)
    return row


class RulesDialog(QDialog):
    """A checkable, reorderable list of rules, the preferred folders, and RAW+JPEG pairs."""

    def __init__(
        self,
        rules: Sequence[str],
        preferred_folders: Sequence[str],
        keep_raw_pairs: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which photo to keep"))
        intro = QLabel(
            self.tr(
                "In each group, “Mark all but the best” keeps one photo: one in a reference folder "
                "if there is one, then the best by the rules ticked here, the first rule first "
                "(the next rule decides only where the ones above tie). Drag to reorder."
            )
        )
        intro.setWordWrap(True)
        self.rule_list = QListWidget()
        self.rule_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        up, down = QPushButton(self.tr("Move up")), QPushButton(self.tr("Move down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        up.setToolTip(self.tr("Move the selected rule up: it counts before the rules below it"))
        down.setToolTip(self.tr("Move the selected rule down: it decides only where the rules above tie"))
        defaults = QPushButton(self.tr("Defaults"))
        defaults.setToolTip(self.tr("Put back the rules photodedupe starts with"))
        defaults.clicked.connect(lambda: self._fill(DEFAULT_RULES))

        self.folder_list = QListWidget()
        self.folder_list.addItems(list(preferred_folders))
        add_folder, remove_folder = QPushButton(self.tr("Add folder…")), QPushButton(self.tr("Remove"))
        add_folder.setToolTip(self.tr("Add a folder whose photos are kept before the same photos elsewhere"))
        remove_folder.setToolTip(self.tr("Remove the selected preferred folders from the list"))
        add_folder.clicked.connect(self._add_folder)
        remove_folder.clicked.connect(
            lambda: [
                self.folder_list.takeItem(self.folder_list.row(i)) for i in self.folder_list.selectedItems()
            ]
        )

        self.pairs = QCheckBox(
            self.tr("Keep a RAW and the JPEG shot with it together (same folder and name)")
        )
        self.pairs.setChecked(keep_raw_pairs)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(_beside(self.rule_list, up, down, defaults))
        layout.addWidget(QLabel(self.tr("Preferred folders (for “In a preferred folder”):")))
        layout.addLayout(_beside(self.folder_list, add_folder, remove_folder))
        layout.addWidget(self.pairs)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.rule_list.itemChanged.connect(self._update_summary)
        self.rule_list.model().rowsMoved.connect(self._update_summary)
        self._fill(rules)
        # Just tall enough for every rule (and four folders): no empty box to scroll in.
        row = max(self.rule_list.sizeHintForRow(0), 18)
        frame = 2 * self.rule_list.frameWidth()
        self.rule_list.setFixedHeight(row * self.rule_list.count() + frame + 4)
        self.folder_list.setFixedHeight(row * 4 + frame)
        self.resize(560, self.sizeHint().height())

    def _fill(self, chosen: Sequence[str]) -> None:
        """Ticked rules first in their order, then the others, unticked."""
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        for name in [*chosen, *(n for n in RULES if n not in chosen)]:
            item = QListWidgetItem(_(RULES[name].label))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.rule_list.addItem(item)
        self.rule_list.blockSignals(False)
        self._update_summary()

    def _move(self, step: int) -> None:
        row = self.rule_list.currentRow()
        if row < 0 or not 0 <= row + step < self.rule_list.count():
            return
        item = self.rule_list.takeItem(row)
        self.rule_list.insertItem(row + step, item)
        self.rule_list.setCurrentRow(row + step)
        self._update_summary()

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Preferred folder"))
        if folder:
            self.folder_list.addItem(folder)

    def rules(self) -> tuple[str, ...]:
        items = (self.rule_list.item(k) for k in range(self.rule_list.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    def preferred_folders(self) -> list[str]:
        return [self.folder_list.item(k).text() for k in range(self.folder_list.count())]

    def keep_raw_pairs(self) -> bool:
        return self.pairs.isChecked()

    def _update_summary(self, *_: object) -> None:
        self.summary.setText(self.tr("<b>Keeps:</b> {rules}.").format(rules=describe(self.rules())))
