"""The details view: every photo of every group as a sortable table, with a filter and marks.

What dupeGuru users look for beside the thumbnails: sort the whole result by
size, date or distance, find a folder by typing part of its path, and see only
what is marked. A component of its own: it knows the review, emits
``markRequested`` when the user ticks a box, and never calls into the window.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from photodedupe.core.i18n import counted, iso_date_time
from photodedupe.core.model import NOT_COMPARED
from photodedupe.core.units import human_size
from photodedupe.gui.panels.tile_delegate import companion_badges
from photodedupe.gui.translations import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from photodedupe.core.review import Review

_Index = QModelIndex | QPersistentModelIndex
#: The columns, by their English names (ids for the code; ``translate`` says them in the header).
COLUMNS = (
    QT_TRANSLATE_NOOP("DetailsTable", "Marked"),
    QT_TRANSLATE_NOOP("DetailsTable", "Group"),
    QT_TRANSLATE_NOOP("DetailsTable", "Path"),
    QT_TRANSLATE_NOOP("DetailsTable", "Size"),
    QT_TRANSLATE_NOOP("DetailsTable", "Resolution"),
    QT_TRANSLATE_NOOP("DetailsTable", "Date taken"),
    QT_TRANSLATE_NOOP("DetailsTable", "Camera"),
    QT_TRANSLATE_NOOP("DetailsTable", "Distance"),
    QT_TRANSLATE_NOOP("DetailsTable", "Companions"),
)
_COMPANIONS = 8
_Order = tuple[int, Qt.SortOrder]  # a column, and which way


class DetailsModel(QAbstractTableModel):
    """One row per photo in a group, in group order (the ★ of each group first) or sorted by a column.

    The model sorts itself, by each row's value computed once: a QSortFilterProxyModel's sort asks
    for two cells at every comparison, and took 3.5 s to show 31,000 photos (100,000 scanned).
    """

    tickRequested = Signal(int, bool)  # the user ticked (True) or cleared a photo's box here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.rows: list[tuple[int, int, int]] = []  # (group number, photo index, distance)
        self._grouped: list[tuple[int, int, int]] = []  # the same in group order, whatever the sort
        self.order: _Order | None = None  # how the rows are sorted; None: in group order
        # The scanned folders: a path is shown from the folder it was found in ("Pictures/2021/a.jpg").
        self.roots: Callable[[], Sequence[str]] = list
        self._roots: list[str] = []
        self._shown: dict[int, str] = {}  # each photo's path as shown, made when first asked for

    def set_review(self, review: Review | None, order: _Order | None = None) -> None:
        """The photos of ``review``'s groups, sorted by ``order`` (None: in group order)."""
        self.beginResetModel()
        self.review = review
        self._grouped = []
        if review is not None:
            groups = review.groups
            numbers = (groups.group_of_member() + 1).tolist()
            self._grouped = list(zip(numbers, groups.members.tolist(), groups.distance.tolist(), strict=True))
        self._roots = sorted((os.path.abspath(r) for r in self.roots()), key=len, reverse=True)
        self._shown = {}
        self.rows, self.order = self._sorted(order), order
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort (a header clicked; -1: group order): rows selected stay selected."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self.rows[i.row()] for i in before]
        self.order = (column, order) if column >= 0 else None
        self.rows = self._sorted(self.order)
        row_of = {row: r for r, row in enumerate(self.rows)}
        after = [self.index(row_of[row], i.column()) for row, i in zip(held, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, order: _Order | None) -> list[tuple[int, int, int]]:
        """The rows in group order, sorted by ``order``'s column (ties stay in group order)."""
        if order is None or not self._grouped:
            return list(self._grouped)
        column, way = order
        keys: list[Any] = [self._raw(column, number, k, distance) for number, k, distance in self._grouped]
        ranks = sorted(range(len(keys)), key=keys.__getitem__, reverse=way == Qt.SortOrder.DescendingOrder)
        return [self._grouped[r] for r in ranks]

    def _path(self, k: int) -> str:
        if (shown := self._shown.get(k)) is None:
            assert self.review is not None
            shown = self._shown[k] = _under(self.review.photos[k].path, self._roots)
        return shown

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("DetailsTable", COLUMNS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def photo_index(self, row: int) -> int:
        return self.rows[row][1]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.review is None:
            return None
        number, k, distance = self.rows[index.row()]
        photo, column = self.review.photos[k], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if k in self.review.marked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, number, k, distance)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a cell a screen reader would read as nothing
            if column == 0:
                return self.tr("marked for the trash") if k in self.review.marked else self.tr("not marked")
            return self._text(column, number, k, distance) or self.tr("none")
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:  # the whole path
            return photo.path
        if role == Qt.ItemDataRole.ToolTipRole and column == _COMPANIONS and photo.companions:
            return (
                self.tr("Files that travel with this photo:")
                + "\n"
                + "\n".join(c.words() for c in photo.companions)
            )
        return None

    def _raw(self, column: int, number: int, k: int, distance: int) -> object:
        """What a column sorts by: one cell's value, computed alone (formatting every column for
        each took seconds a slider move)."""
        assert self.review is not None
        photo = self.review.photos[k]
        if column == 0:
            return k in self.review.marked
        if column == 1:
            return number
        if column == 2:
            return self._path(k)
        if column == 3:
            return photo.file.size
        if column == 4:
            return photo.info.width * photo.info.height
        if column == 5:
            return photo.info.taken or ""
        if column == 6:
            return photo.info.camera or ""
        if column == 7:
            return distance
        return len(photo.companions)

    def _text(self, column: int, number: int, k: int, distance: int) -> str:
        """What a cell shows."""
        assert self.review is not None
        photo = self.review.photos[k]
        if column == 0:
            return ""
        if column == 1:
            return str(number)
        if column == 2:
            return self._path(k)
        if column == 3:
            return human_size(photo.file.size)
        if column == 4:
            return f"{photo.info.width}×{photo.info.height}"
        if column == 5:
            return iso_date_time(photo.info.taken or "")
        if column == 6:
            return photo.info.camera or ""
        if column == 7:
            return self.tr("★ kept") if distance == 0 and self._is_reference(number, k) else _bits(distance)
        return " · ".join(companion_badges(photo.companions))

    def _is_reference(self, number: int, k: int) -> bool:
        assert self.review is not None
        return int(self.review.groups.members[self.review.groups.offsets[number - 1]]) == k

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.review is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        # The session marks it and tells every view, this one too (``marks_changed``).
        self.tickRequested.emit(self.rows[index.row()][1], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def marks_changed(self) -> None:
        """Marks changed elsewhere: the mark column's cells are told, as Qt's model protocol asks.

        (It used to emit ``layoutChanged`` with no ``layoutAboutToBeChanged`` before it, which
        crashed the app while the sorted, filtered table held a selection.)
        """
        if self.rows:
            first, last = self.index(0, 0), self.index(len(self.rows) - 1, 0)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.CheckStateRole])


def _under(path: str, roots: Sequence[str]) -> str:
    """``path`` from the scanned folder that holds it, that folder's name first; else whole."""
    for root in roots:
        if path.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.join(os.path.basename(root.rstrip(os.sep)) or root, os.path.relpath(path, root))
    return path


def _bits(distance: int) -> str:
    return "—" if distance == NOT_COMPARED else counted(distance, "{n} bit", "{n} bits")


class _Filter(QSortFilterProxyModel):
    """Rows whose path holds the typed text (any case), and only marked ones if asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_marked = False
        self.setFilterKeyColumn(2)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model = self.sourceModel()
        if self.only_marked and isinstance(model, DetailsModel):
            review = model.review
            if review is not None and model.photo_index(row) not in review.marked:
                return False
        return super().filterAcceptsRow(row, parent)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The rows are sorted by the model (see ``DetailsModel``); this one only filters them."""
        model = self.sourceModel()
        if isinstance(model, DetailsModel):
            model.sort(column, order)


PATH_MIN = 280  # px: enough for a folder and a name


class DetailsView(QWidget):
    """The table, a filter box and "Show only marked"; ``markRequested`` when a box is ticked."""

    markRequested = Signal(int, bool)  # a photo, and whether its box was ticked or cleared
    compareRequested = Signal(int)  # a photo, double-clicked: beside its group's ★
    currentPhotoChanged = Signal(int)  # the current row is another photo's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DetailsModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.doubleClicked.connect(
            lambda index: self.compareRequested.emit(self._photo_at(index.row()))
        )

        def current(index: QModelIndex) -> None:
            if index.isValid():
                self.currentPhotoChanged.emit(self._photo_at(index.row()))

        self.table.selectionModel().currentRowChanged.connect(current)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        self._size_columns_to_contents(False)  # while hidden (see showEvent)
        # Columns fit the first and last 100 rows (Qt's default, 1,000, asked 170,000 cells through
        # Python each time the table of a large library was shown): sizes, dates, resolutions and
        # cameras are about as wide in any row, and the group numbers widest at an end.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_path)
        # Another column grew or shrank (new rows, a sort): the path takes what is left again.
        header.sectionResized.connect(lambda column, *_: column != 2 and self._fit_timer.start())
        self.table.viewport().installEventFilter(self)
        self._result: object | None = None  # the scan whose photos the columns were chosen for
        self._review: Review | None = None  # what the rows show once the table is
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setWordWrap(False)  # one line a photo; the path elides in the middle
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by folder or name…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.only_marked = QCheckBox(self.tr("Show only marked"))
        self.only_marked.toggled.connect(self._show_only_marked)
        self.model.tickRequested.connect(self.markRequested)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.only_marked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_review(self, review: Review | None) -> None:
        # Hidden behind the grid, the table holds no rows: they are made, in the order the header
        # says, when it is shown. A slider move need not list what no one sees (90 ms of one at
        # 100,000 photos), and no row is left pointing into groups that have changed since.
        self._review = review
        shown = self.isVisible()
        if shown or self.model.review is not None:
            self.model.set_review(review if shown else None, self._chosen_order())
        result = review.result if review is not None else None
        if result is not self._result:  # new photos (not the slider): do they have companions at all?
            self._result = result
            # A column empty on every row is room the paths lack: shown only when some photo has one.
            some = result is not None and any(p.companions for p in result.photos)
            self.table.setColumnHidden(COLUMNS.index("Companions"), not some)
        if shown:  # sizing the columns to their contents reads every cell: done when shown
            self._fit_timer.start()  # once the other columns have sized themselves to the new rows

    def showEvent(self, event: QShowEvent) -> None:
        if self.model.review is not self._review:
            self.model.set_review(self._review, self._chosen_order())
        elif self.model.order != (order := self._chosen_order()):  # sorted as the user chose
            column, way = order or (-1, Qt.SortOrder.AscendingOrder)
            self.model.sort(column, way)
        self._size_columns_to_contents(True)
        self._fit_timer.start()
        super().showEvent(event)

    def _chosen_order(self) -> _Order | None:
        """The column and way the header shows the rows sorted by."""
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        return (section, header.sortIndicatorOrder()) if 0 <= section < len(COLUMNS) else None

    def hideEvent(self, event: QHideEvent) -> None:
        self._size_columns_to_contents(False)
        super().hideEvent(event)

    def _size_columns_to_contents(self, on: bool) -> None:
        """Columns sized to their contents only while the table is seen: hidden behind the grid, the
        header still sized them after each new scan or regroup, reading 1,000 rows of every column,
        and the window stalled for 200-300 ms."""
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode.ResizeToContents if on else QHeaderView.ResizeMode.Interactive
        for column in range(len(COLUMNS)):
            if column != 2 and header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's own area changed size (the window, or the table first shown after the window
        grew): fit the path to it. The view's resize came too early: hidden in its stack, the table
        had not its new width yet, and the path stayed at its narrowest beside empty space."""
        if event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return False

    def _fit_path(self) -> None:
        """The path takes the room left, but never less than ``PATH_MIN``: a narrow window scrolls sideways
        rather than squeeze every path to "…"."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != 2)
        room = self.table.viewport().width() - others
        mode = QHeaderView.ResizeMode.Stretch if room >= PATH_MIN else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(2) != mode:
            header.setSectionResizeMode(2, mode)
        if mode is QHeaderView.ResizeMode.Interactive:
            header.resizeSection(2, PATH_MIN)

    def refresh_marks(self) -> None:
        """Marks changed elsewhere (the grid, a menu): show them, without telling back."""
        self.model.marks_changed()
        if self.proxy.only_marked:
            self.proxy.invalidate()  # which rows pass the filter depends on the marks

    def _photo_at(self, row: int) -> int:
        """The photo of the table's ``row`` as shown (sorted and filtered)."""
        return self.model.photo_index(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def current_photo(self) -> int | None:
        index = self.table.currentIndex()
        return self._photo_at(index.row()) if index.isValid() else None

    def shown_photos(self) -> list[int]:
        """Every photo the table shows, as filtered."""
        return [self._photo_at(row) for row in range(self.proxy.rowCount())]

    def step(self, delta: int) -> None:
        """The row ``delta`` below the current one becomes current (P, X and U go on to the next)."""
        row = self.table.currentIndex().row() + delta
        if 0 <= row < self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(row, self.table.currentIndex().column()))

    def selected_photos(self) -> list[int]:
        """The photos of the selected rows (or of the current row), as the table shows them."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [self._photo_at(r) for r in sorted(rows)]

    def _show_only_marked(self, on: bool) -> None:
        self.proxy.only_marked = on
        self.proxy.invalidate()

    def shown_paths(self) -> list[str]:
        """The whole paths of the rows as shown (sorted and filtered), for tests and scripts."""
        rows = range(self.proxy.rowCount())
        return [self.proxy.index(r, 2).data(Qt.ItemDataRole.ToolTipRole) for r in rows]

    def shown_names(self) -> list[str]:
        return [os.path.basename(p) for p in self.shown_paths()]
