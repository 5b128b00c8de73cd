"""The main window: folders on the left, groups below them, the selected group's photos on the right.

It wires widgets to ``core.review.Review`` and to background jobs; the
decisions (grouping, keeper rule, what may be trashed) are the core's.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    QStandardPaths,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedupe import __version__
from photodedupe.core import journal
from photodedupe.core.actions import Failure, RestoreReport, TrashReport
from photodedupe.core.decode import PhotoError
from photodedupe.core.discover import PHOTO_EXTENSIONS, is_photo_name
from photodedupe.core.folder_move import FolderMove
from photodedupe.core.journal import Batch
from photodedupe.core.model import Group, ScanStats
from photodedupe.core.paths import batches_dir, default_cache_path
from photodedupe.core.progress import Progress, Stage
from photodedupe.core.protection import Protection
from photodedupe.core.report import human_size, reclaimable, report_csv, report_dict
from photodedupe.core.result import ScanResult
from photodedupe.core.review import Review
from photodedupe.core.rules import DEFAULT_RULES, OLD_DEFAULT_RULES, RULES, describe
from photodedupe.core.scan import ScanOptions
from photodedupe.core.search import ExampleSearch
from photodedupe.gui.compare import CompareDialog
from photodedupe.gui.delegates import TILE_PAD, PhotoDelegate, mark_box
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.details import DetailsView
from photodedupe.gui.folders import FolderList
from photodedupe.gui.icons import icon
from photodedupe.gui.models import GroupListModel, PhotoGridModel
from photodedupe.gui.rules_dialog import RulesDialog
from photodedupe.gui.search_dialog import SearchResultsDialog
from photodedupe.gui.settings import DEFAULT_THUMB, Settings
from photodedupe.gui.shortcuts_dialog import ShortcutsDialog
from photodedupe.gui.similarity import SimilaritySlider
from photodedupe.gui.thumbnails import ThumbnailLoader
from photodedupe.gui.workers import Job, restore_job, resume_job, scan_job, search_job, trash_job

EMPTY_HINT = "Drop folders here, or click “Add folder”, to find duplicate photos."


def scan_counts(stats: ScanStats) -> str:
    """What a scan read, in numbers that add up: every file found is read, remembered or a copy.

    >>> scan_counts(ScanStats(files=61, hashed=60, from_cache=0))
    '61 photos found: 60 read, 1 identical copy'
    """
    copies = stats.files - stats.hashed - stats.from_cache
    parts = [f"{stats.hashed} read"]
    if stats.from_cache:
        parts.append(f"{stats.from_cache} remembered")
    if copies > 0:
        parts.append(f"{copies} identical cop{'ies' if copies != 1 else 'y'}")
    return f"{stats.files} photos found: " + ", ".join(parts)


def plain_text(label: str) -> str:
    """A menu label without its mnemonic: "&About photodedupe" → "About photodedupe" ("&&" is "&").

    >>> plain_text("Unmark a&ll"), plain_text("Copy && paste")
    ('Unmark all', 'Copy & paste')
    """
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def pictures_folder() -> str:
    """Where file dialogs start: the user's Pictures folder, else home (never the current directory)."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and os.path.isdir(pictures) else os.path.expanduser("~")


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d} left"


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


class PhotoGrid(QListView):
    """The thumbnail grid; a click on a tile's mark box toggles it, Space toggles the selection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setToolTip("")
        #: The smallest thumbnail the user wants (Ctrl++ and Ctrl+-); tiles grow to fill the width.
        self.min_thumb = DEFAULT_THUMB
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(120)  # while a window is being resized, fit once it rests
        self._fit_timer.timeout.connect(self.fit)

    def set_min_thumb(self, size: int) -> None:
        self.min_thumb = size
        self.fit()

    def fit(self) -> None:
        """As many columns of at least ``min_thumb`` as fit, each widened to fill the row."""
        model = self.model()
        if not isinstance(model, PhotoGridModel):
            return
        gap, pad = self.spacing(), 2 * TILE_PAD
        available = self.viewport().width() - gap - 2
        if not self.verticalScrollBar().isVisible():  # it may appear once the tiles are laid out
            available -= self.verticalScrollBar().sizeHint().width()
        columns = max(1, available // (self.min_thumb + pad + gap))
        thumb = max(self.min_thumb, available // columns - gap - pad)
        if thumb != model.thumb_size:
            self._window.loader.clear_queue()
            model.set_thumb_size(thumb)
            self.doItemsLayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if (
            index.isValid()
            and event.button() == Qt.MouseButton.LeftButton
            and mark_box(self.visualRect(index)).contains(event.position().toPoint())
        ):
            self._window.toggle_rows([index.row()])
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not mark_box(self.visualRect(index)).contains(event.position().toPoint()):
            self._window.compare(index.row())
            return
        super().mouseDoubleClickEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, cache_path: str | None = "default") -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.cache_path = str(default_cache_path()) if cache_path == "default" else cache_path
        self.setWindowTitle("photodedupe")
        self.setWindowIcon(icon("photodedupe"))
        self.setAcceptDrops(True)
        self.review: Review | None = None
        self.scan_job: Job | None = None
        self.file_job: Job | None = None
        self.last_batch: Batch | None = journal.last_batch(batches_dir())  # Undo works across runs
        self._search: ExampleSearch | None = None  # the BK-tree of the last scan, built on first use
        self.search_job: Job | None = None
        saved_rules = tuple(r for r in self.settings.keep_rules if r in RULES)
        if saved_rules == OLD_DEFAULT_RULES:  # never chosen, only saved: it kept copies over originals
            saved_rules = DEFAULT_RULES
        self.keep_rules: tuple[str, ...] = saved_rules or DEFAULT_RULES
        self.scan_started = 0.0
        self.first_group_seconds: float | None = None
        self._pending_marks: list[str] = []
        self._rescan_after = False
        self._moving_to = "to the Trash"  # where the running batch of moves goes, in words
        self.jobs_pool = QThreadPool(self)
        self.jobs_pool.setMaxThreadCount(2)
        self.loader = ThumbnailLoader(self)

        self._build_widgets()
        self._build_actions()
        self._restore_settings()
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.folders = FolderList()
        self.folders.changed.connect(self._folders_changed)
        add_button = QPushButton(icon("add-folder"), "Add folder…")
        add_button.setToolTip("Choose a folder to scan (Ctrl+O); you can also drop folders on the window")
        add_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(icon("remove-folder"), "Remove")
        self.remove_button.setToolTip("Remove the selected folders from the list (their photos stay on disk)")
        self.remove_button.clicked.connect(self.remove_folders)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(add_button)
        folder_buttons.addWidget(self.remove_button)

        self.group_model = GroupListModel(self.loader, self)
        self.group_view = QListView()
        self.group_view.setModel(self.group_model)
        self.group_view.setIconSize(QSize(GroupListModel.THUMB, GroupListModel.THUMB))
        self.group_view.setUniformItemSizes(True)
        self.group_view.setSpacing(2)
        self.group_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.group_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.group_view.setToolTip("Groups of near-duplicate photos, biggest saving first (Ctrl+↑/↓)")
        self.group_view.selectionModel().currentChanged.connect(self._group_selected)
        self.groups_label = QLabel("Groups")
        self.groups_label.setWordWrap(True)  # a long summary must not widen the whole window

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(QLabel("<b>Folders</b> (tick = reference, always kept)"))
        left_layout.addWidget(self.folders, 1)
        left_layout.addLayout(folder_buttons)
        left_layout.addWidget(self.groups_label)
        left_layout.addWidget(self.group_view, 4)

        self.slider = SimilaritySlider()
        self.slider.thresholdChanged.connect(self.set_threshold)
        self.group_title = QLabel()
        self.group_title.setWordWrap(True)
        self.grid_model = PhotoGridModel(self.loader, self)
        self.grid = PhotoGrid(self)
        self.grid.setModel(self.grid_model)
        self.delegate = PhotoDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.grid.installEventFilter(self)
        self.grid.viewport().installEventFilter(self)

        self.empty = QLabel(EMPTY_HINT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.empty.setFont(font)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 6, 6, 6)
        results_layout.addWidget(self.group_title)
        self.details = DetailsView()
        self.details.marksChanged.connect(self._refresh_marks)
        self.views = QStackedWidget()  # the thumbnails of a group, or every photo as a table
        self.views.addWidget(self.grid)
        self.views.addWidget(self.details)
        results_layout.addWidget(self.views, 1)
        self.stack.addWidget(results)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.slider)
        right_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)  # both sides grow with the window, the grid most
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 950])
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(icon("cancel"), "Cancel")
        self.cancel_button.setToolTip("Stop the scan (Esc); photos hashed so far are kept for next time")
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.cancel_button.hide()
        self.statusBar().addWidget(self.status_label, 1)
        # What went wrong with the hash cache (locked, full disk, newer version): the scan
        # worked without it, but the user should know why the next one may be slow.
        self.notice_label = QLabel()
        self.notice_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.notice_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.resize(1280, 800)

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else QAction().icon(), text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        words = tip or plain_text(text).replace("…", "")  # "&About" is a menu's mnemonic, not a word
        action.setToolTip(words + (f" ({keys})" if keys else ""))
        action.setStatusTip(words)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        SK = QKeySequence.StandardKey
        a = self._action
        self.act_add = a("&Add folder…", self.choose_folder, SK.Open, "add-folder", "Add a folder to scan")
        self.act_remove = a(
            "&Remove folder", self.remove_folders, None, "remove-folder", "Remove selected folders"
        )
        self.act_scan = a("&Scan", self.start_scan, "F5", "scan", "Scan the folders for duplicate photos")
        self.act_cancel = a("&Cancel scan", self.cancel_scan, "Esc", "cancel", "Stop the scan")
        self.act_find = a(
            "&Find photos like…",
            self.choose_example,
            SK.Find,
            "compare",
            "Pick a photo and see every scanned photo like it, nearest first (or drop a photo here)",
        )
        self.act_export = a(
            "&Export report…",
            self.choose_report_file,
            "Ctrl+E",
            None,
            "Save the groups, with each photo's metadata and mark, as CSV or JSON",
        )
        self.act_quit = a("&Quit", self.close, SK.Quit)
        self.act_toggle = a(
            "&Toggle mark", self.toggle_selected, "Space", "trash", "Mark or unmark the selected photos"
        )
        self.act_best_group = a(
            "Mark all but the &best in this group",
            self.mark_best_group,
            "Ctrl+B",
            "mark-best",
            "Mark every photo of this group except the best",
        )
        self.act_best_all = a(
            "Mark all but the best in &all groups",
            self.mark_best_all,
            "Ctrl+Shift+B",
            "mark-best",
            "In every group, mark every photo except the best",
        )
        self.act_exclude_folder = a(
            "E&xclude this folder from scans",
            self.exclude_selected_folder,
            None,
            None,
            "Leave the selected photo's folder out of every scan (Edit ▸ Excluded folders… to undo)",
        )
        self.act_details = a(
            "&Details table",
            self.toggle_details,
            "Ctrl+T",
            None,
            "Every photo of every group as a sortable table, with a filter (Ctrl+T again: thumbnails)",
        )
        self.act_details.setCheckable(True)
        self.act_excluded = a(
            "Excluded &folders…",
            self.edit_excluded,
            None,
            None,
            "The folders and patterns left out of scans, one per line",
        )
        self.act_rules = a(
            "&Which photo to keep…",
            self.choose_rules,
            None,
            "mark-best",
            "Choose and order the rules that “Mark all but the best” follows",
        )
        self.act_unmark_group = a(
            "&Unmark this group", self.unmark_group, "Ctrl+U", "unmark", "Unmark this group"
        )
        self.act_unmark_all = a(
            "Unmark a&ll", self.unmark_all, "Ctrl+Shift+U", "unmark", "Unmark every photo"
        )
        self.act_trash = a(
            "&Move marked to Trash…",
            lambda: self.trash_marked(),  # not the signal's "checked" flag as the destination
            [QKeySequence(SK.Delete)],
            "trash",
            "Move the marked photos to the Trash (you can undo)",
        )
        self.act_move = a(
            "Move marked to &folder…",
            self.move_marked_to_folder,
            "Ctrl+Shift+M",
            None,
            "Move the marked photos into a folder you choose, instead of the Trash (you can undo)",
        )
        self.act_undo = a("&Undo move to Trash", self.undo, SK.Undo, "undo", "Put the last moved photos back")
        self.act_compare = a(
            "&Compare…",
            lambda: self.compare(self._current_row()),
            "Return",
            "compare",
            "Compare the selected photo with the ★ at full size (double-click)",
        )
        self.act_open = a("&Open", self.open_selected, "Ctrl+Return", "open", "Open with the default viewer")
        self.act_show = a(
            "Show in &folder",
            self.show_selected,
            "Ctrl+Shift+F",
            "show-in-folder",
            "Show the selected photo in the file manager",
        )
        self.act_next = a("&Next group", lambda: self.step_group(1), "Ctrl+Down", None, "Next group")
        self.act_prev = a("&Previous group", lambda: self.step_group(-1), "Ctrl+Up", None, "Previous group")
        self.act_zoom_in = a("Larger thumbnails", lambda: self.zoom(1.25), SK.ZoomIn, None)
        self.act_zoom_out = a("Smaller thumbnails", lambda: self.zoom(0.8), SK.ZoomOut, None)
        self.act_problems = a(
            "&Problem files…",
            self.show_problems,
            None,
            "problems",
            "List the files that could not be used, with the reason",
        )
        self.act_about = a("&About photodedupe", self.about, None, "photodedupe")
        self.act_shortcuts = a(
            "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents, None,
            "Every key the window answers to",
        )  # fmt: skip
        self.act_cancel.setEnabled(False)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for act in (
            self.act_add,
            self.act_remove,
            None,
            self.act_scan,
            self.act_cancel,
            None,
            self.act_find,
            self.act_export,
            None,
            self.act_quit,
        ):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        edit = menu.addMenu("&Edit")
        for act in (
            self.act_toggle,
            self.act_best_group,
            self.act_best_all,
            self.act_rules,
            self.act_excluded,
            self.act_unmark_group,
            self.act_unmark_all,
            None,
            self.act_trash,
            self.act_move,
            self.act_undo,
        ):
            edit.addSeparator() if act is None else edit.addAction(act)
        view = menu.addMenu("&View")
        for act in (
            self.act_details,
            self.act_compare,
            self.act_open,
            self.act_show,
            None,
            self.act_next,
            self.act_prev,
            None,
            self.act_zoom_in,
            self.act_zoom_out,
            None,
            self.act_problems,
        ):
            view.addSeparator() if act is None else view.addAction(act)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)

        # Right-click on a photo: the frequent things, one click away.
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.grid.addActions(
            [self.act_toggle, self.act_compare, self.act_open, self.act_show, self.act_exclude_folder]
        )

        bar = self.addToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(22, 22))
        self.act_best_all.setIconText("Mark all but best")
        self.act_trash.setIconText("Move to Trash")
        self.act_undo.setIconText("Undo")
        for act in (
            self.act_add,
            self.act_scan,
            self.act_cancel,
            None,
            self.act_best_all,
            self.act_unmark_all,
            None,
            self.act_compare,
            None,
            self.act_trash,
            self.act_undo,
        ):
            bar.addSeparator() if act is None else bar.addAction(act)
        self.toolbar = bar

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        references = set(self.settings.reference_folders)
        for folder in self.settings.folders:
            self.folders.add_folder(folder, folder in references)
        self.slider.blockSignals(True)
        self.slider.setValue(self.settings.threshold)
        self.slider.blockSignals(False)
        self.grid.set_min_thumb(self.settings.thumb_size)
        if (geometry := self.settings.window_geometry) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state) is not None:
            self.restoreState(state)
        if (split := self.settings.splitter_state) is not None:
            self.splitter.restoreState(split)
        if self.settings.had_results and self.folders.count():
            self._pending_marks = self.settings.marked
            self.start_scan()  # from the cache: back in a moment where it was left

    def save_settings(self) -> None:
        s = self.settings
        s.folders = self.folders.folders()
        s.reference_folders = self.folders.reference_folders()
        s.threshold = self.slider.value()
        s.thumb_size = self.grid.min_thumb
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter_state = self.splitter.saveState()
        s.had_results = self.review is not None
        s.marked = [self.review.photos[k].path for k in sorted(self.review.marked)] if self.review else []
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        if self.scan_job is not None:
            self.scan_job.cancel()
        self.loader.clear_queue()
        self.jobs_pool.waitForDone(5000)
        self.loader.wait_idle(5000)
        super().closeEvent(event)

    # --- folders ----------------------------------------------------------------------------

    def add_folders(self, paths: Sequence[str], scan: bool = True) -> int:
        added = sum(self.folders.add_folder(p) for p in paths if os.path.isdir(p))
        if added and scan:
            self.start_scan()
        return added

    def choose_folder(self) -> None:
        start = self.folders.folders()[-1] if self.folders.count() else pictures_folder()
        path = QFileDialog.getExistingDirectory(
            self, "Add a folder to scan", start, QFileDialog.Option.ShowDirsOnly
        )
        if path:
            self.add_folders([path])

    def remove_folders(self) -> None:
        if self.folders.remove_selected():
            if self.folders.count():
                self.start_scan()
            else:
                self._show_review(None)

    def _folders_changed(self) -> None:
        if self.review is not None:
            selected = self._selected_reference()
            self.review.reference_folders = self.folders.reference_folders()  # drops their marks
            self._show_regrouped(selected)
        self._update_actions()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Folders are added and scanned; a single photo is searched for (search by example)."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        folders = [p for p in paths if os.path.isdir(p)]
        if folders or (len(paths) == 1 and is_photo_name(paths[0]) and os.path.isfile(paths[0])):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile().rstrip("\0") for u in event.mimeData().urls() if u.isLocalFile()]
        folders = [p for p in paths if os.path.isdir(p)]
        if folders:
            if self.add_folders(folders):
                event.acceptProposedAction()
        elif len(paths) == 1 and os.path.isfile(paths[0]):
            event.acceptProposedAction()
            self.find_like(paths[0])

    # --- reports ----------------------------------------------------------------------------

    def choose_report_file(self) -> None:
        if self.review is None:
            self.status_label.setText("Nothing to export yet: scan your folders first.")
            return
        start = os.path.join(os.path.expanduser("~"), "photodedupe-report.csv")
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export report", start, "CSV, for spreadsheets (*.csv);;JSON (*.json)"
        )
        if path:
            if not path.lower().endswith((".csv", ".json")):
                path += ".json" if "JSON" in chosen else ".csv"
            self.export_report(path)

    def export_report(self, path: str) -> None:
        """The groups on screen, with metadata and marks: JSON if ``path`` ends in .json, else CSV."""
        if self.review is None:
            return
        review = self.review
        if path.lower().endswith(".json"):
            text = json.dumps(
                report_dict(review.result, review.groups, review.threshold, review.marked, review.keeper),
                indent=1,
            )
        else:
            text = report_csv(review.result, review.groups, review.marked, review.keeper)
        try:
            with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as fh:
                fh.write(text)
        except OSError as exc:
            self.status_label.setText(f"The report could not be saved: {exc.strerror or exc}")
            return
        files, size = reclaimable(review.result, review.groups)
        self.status_label.setText(
            f"Report saved to {path}: {len(review.groups)} groups; "
            f"{human_size(size)} reclaimable in {files} photos."
        )

    # --- search by example ------------------------------------------------------------------

    def choose_example(self) -> None:
        start = self.folders.folders()[0] if self.folders.count() else pictures_folder()
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Find photos like…",
            start,
            f"Photos ({' '.join('*' + e for e in sorted(PHOTO_EXTENSIONS))})",
        )
        if path:
            self.find_like(path)

    def find_like(self, path: str) -> None:
        """Every scanned photo within the slider's threshold of ``path``, in a dialog (off the GUI thread)."""
        if self.review is None or not self.review.result.complete:
            self.status_label.setText("Scan your folders first; then drop a photo to find the ones like it.")
            return
        if self._search is None or self._search.result is not self.review.result:
            self._search = ExampleSearch(self.review.result)
        self.status_label.setText(f"Looking for photos like {os.path.basename(path)}…")
        job = search_job(self._search, path, self.slider.value())
        job.signals.finished.connect(lambda found: self._show_matches(path, found))
        job.signals.failed.connect(self._show_error)
        self.search_job = job.start(self.jobs_pool)

    def _show_matches(self, path: str, found: object) -> None:
        self.search_job = None
        if isinstance(found, PhotoError):
            self.status_label.setText(f"{os.path.basename(path)} cannot be used: {found}")
            return
        dialog = SearchResultsDialog(path, found, self.slider.value(), self.loader, self)
        self.search_dialog = dialog
        dialog.open()
        self.status_label.setText(f"{len(found)} photos like {os.path.basename(path)}.")

    # --- scanning ---------------------------------------------------------------------------

    def start_scan(self) -> None:
        folders = self.folders.folders()
        if not folders:
            self.status_label.setText(EMPTY_HINT)
            return
        if self.scan_job is not None:  # folders changed mid-scan: start over when this one stops
            self._rescan_after = True
            self.scan_job.cancel()
            return
        if self.review is not None and not self._pending_marks:
            self._pending_marks = [self.review.photos[k].path for k in self.review.marked]
        self.scan_started = time.monotonic()
        self.first_group_seconds = None
        rules, references = self.keep_rules, self.folders.reference_folders()
        preferred = self.settings.preferred_folders
        self.scan_job = scan_job(
            folders,
            self.cache_path,
            ScanOptions(exclude=tuple(self.settings.excluded)),
            prepare=lambda result: result.keeper(rules, Protection(references), preferred),
        )
        self.scan_job.signals.progress.connect(self._scan_progress)
        self.scan_job.signals.partial.connect(self._scan_partial)
        self.scan_job.signals.finished.connect(self._scan_finished)
        self.scan_job.signals.cancelled.connect(self._scan_cancelled)
        self.scan_job.signals.failed.connect(self._scan_failed)
        self.scan_job.start(self.jobs_pool)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status_label.setText("Looking for photos…")
        if self.review is None:
            self.empty.setText("Reading your photos… groups appear here as they are found.")
        self._update_actions()

    def cancel_scan(self) -> None:
        if self.scan_job is not None:
            self._rescan_after = False
            self.scan_job.cancel()
            self.status_label.setText("Stopping…")

    def _scan_progress(self, p: Progress) -> None:
        if p.stage is Stage.FINDING:
            self.progress.setRange(0, 0)
            self.status_label.setText(f"Looking for photos: {p.done} found")
        elif p.stage is Stage.HASHING:
            total = p.total or 0
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(p.done)
            rate = f" · {p.rate:.0f} photos/s" if p.done and p.elapsed > 0.5 else ""
            eta = f" · {_clock(p.eta)}" if p.eta is not None and p.elapsed > 1 else ""
            self.status_label.setText(f"Reading new photos: {p.done} of {total}{rate}{eta}")
        elif p.stage is Stage.COMPARING:
            self.progress.setRange(0, 0)
            self.status_label.setText(f"Comparing {p.total} photos…")

    def _scan_ended(self) -> None:
        self.scan_job = None
        self.empty.setText(EMPTY_HINT)
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()
        if self._rescan_after:
            self._rescan_after = False
            self.start_scan()

    def _scan_partial(self, result: ScanResult) -> None:
        """Groups found so far, shown read-only while the scan goes on (a first scan can be long)."""
        if self.scan_job is None or (self.review is not None and self.review.result.complete):
            return  # a finished review is on screen (a rescan): leave it until the new one is done
        self._show_review(self._new_review(result))
        if self.first_group_seconds is None and self.review is not None and self.review.groups:
            self.first_group_seconds = time.monotonic() - self.scan_started

    def _new_review(self, result: ScanResult) -> Review:
        review = Review(
            result,
            self.slider.value(),
            self.folders.reference_folders(),
            self.keep_rules,
            self.settings.preferred_folders,
        )
        self._apply_rules(review)  # the rules' tooltips; the review has them already
        return review

    def _apply_rules(self, review: Review) -> None:
        review.configure(rules=self.keep_rules, preferred_folders=self.settings.preferred_folders)
        review.keep_raw_pairs = self.settings.keep_raw_pairs
        text = describe(self.keep_rules)
        self.act_best_group.setToolTip(f"Mark every photo of this group except the best: {text}")
        self.act_best_all.setToolTip(f"In every group, mark every photo except the best: {text}")

    def choose_rules(self) -> None:
        """The rule chooser; the new rules apply to the next “Mark all but the best”."""
        dialog = RulesDialog(
            self.keep_rules, self.settings.preferred_folders, self.settings.keep_raw_pairs, self
        )
        self.rules_dialog = dialog
        if dialog.exec() != RulesDialog.DialogCode.Accepted:
            return
        self.keep_rules = dialog.rules()
        self.settings.keep_rules = list(self.keep_rules)
        self.settings.preferred_folders = dialog.preferred_folders()
        self.settings.keep_raw_pairs = dialog.keep_raw_pairs()
        if self.review is not None:
            selected = self._selected_reference()
            self._apply_rules(self.review)  # each group's ★ is the photo the new rules keep
            self._show_regrouped(selected)
        self.status_label.setText(f"“Mark all but the best” now keeps: {describe(self.keep_rules)}.")

    def _scan_finished(self, result: ScanResult) -> None:
        review = self._new_review(result)
        marks = set(self._pending_marks)
        self._pending_marks = []
        for k, photo in enumerate(result.photos):
            if photo.path in marks:
                review.set_marked(k, True)
        review.regroup(review.threshold)  # drop marks of photos that are in no group
        rescan = self.review is not None and self.review.result.complete
        self._show_review(review)
        if not rescan and self.group_model.rowCount():  # a first scan starts at the top of the list
            self.group_view.setCurrentIndex(self.group_model.index(0))
        if self.first_group_seconds is None and review.groups:
            self.first_group_seconds = time.monotonic() - self.scan_started
        self._scan_ended()
        self.act_problems.setEnabled(bool(result.errors))
        self._show_notices(result.notices)

    def _show_notices(self, notices: list[str]) -> None:
        self.notice_label.setVisible(bool(notices))
        if notices:
            self.notice_label.setText(f"⚠ {notices[0].split(';')[0].split(' (')[0]}")
            self.notice_label.setToolTip("\n\n".join(notices))

    def _scan_cancelled(self) -> None:
        self._scan_ended()
        if not self._rescan_after and self.scan_job is None:
            self.status_label.setText(
                "Scan cancelled. Photos read so far are remembered; Scan again to go on."
            )

    def _scan_failed(self, text: str) -> None:
        self._rescan_after = False
        self._scan_ended()
        self._show_error(text)

    def _file_job_failed(self, text: str) -> None:
        self.file_job = None
        self.progress.hide()
        self._update_actions()
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Something went wrong",
            "The operation failed unexpectedly.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setDetailedText(text)
        box.open()
        self.error_box = box

    # --- showing results --------------------------------------------------------------------

    def _show_review(self, review: Review | None) -> None:
        selected = self._selected_reference()
        self.review = review
        self.group_model.set_review(review)
        self.details.set_review(review)
        self.stack.setCurrentIndex(1 if review is not None else 0)
        self._select_group_holding(selected)
        self._update_summary()
        self._update_actions()

    def _selected_reference(self) -> str | None:
        """The path of the shown group's reference, to find that group again after a regroup."""
        group = self.group_model.group(self.group_view.currentIndex().row())
        if group is None or self.review is None:
            return None
        return self.review.photos[group.reference].path

    def _select_group_holding(self, path: str | None) -> None:
        row = None
        if path is not None and self.review is not None and path in self.review.paths:
            row = self.group_model.row_of(self.review.index_of(path))
        if row is None:
            row = 0
        if self.group_model.rowCount():
            self.group_view.setCurrentIndex(self.group_model.index(row))
        else:
            self._group_selected(QModelIndex())

    def set_threshold(self, bits: int) -> None:
        """The slider moved: regroup from the pairs found by the scan, no rescanning."""
        if self.review is None:
            return
        selected = self._selected_reference()
        self.loader.clear_queue()
        self.review.regroup(bits)
        self._show_regrouped(selected)

    def _show_regrouped(self, selected: str | None) -> None:
        """The review's groups changed (slider, rules, reference folders): show them again."""
        self.group_model.set_review(self.review)
        self.details.set_review(self.review)
        self._select_group_holding(selected)
        self._update_summary()
        self._update_actions()

    def _group_selected(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        group = self.group_model.group(current.row()) if current.isValid() else None
        self.loader.clear_queue()
        self.grid_model.set_group(self.review, group)
        if group is not None and self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0))
        self._update_group_title(group)
        self._update_actions()

    def _update_group_title(self, group: Group | None) -> None:
        if self.review is not None and not self.review.result.complete:
            read = len(self.review.photos)
            self.group_title.setText(
                f"<b>Groups among the {read} photos read so far.</b> "
                + (
                    "Still reading; you can mark photos when the scan is done."
                    if self.scan_job is not None
                    else "The scan was cancelled: Scan again to read the rest."
                )
            )
            return
        if group is None or self.review is None:
            self.group_title.setText(
                "No duplicates at this similarity. Move the slider to the right to see more."
                if self.review is not None
                else ""
            )
            return
        marked = sum(1 for m in group.members if m.index in self.review.marked)
        self.group_title.setText(
            f"<b>{len(group.members)} photos</b> · {human_size(self.review.reclaimable(group))} in copies · "
            f"{marked} marked for the Trash. "
            f"<span>Click the box in a photo's corner or press Space to mark it; "
            "“Mark all but the best” keeps each group's ★ (the rules: Edit ▸ Which photo to keep…).</span>"
        )

    def _update_summary(self) -> None:
        if self.review is None:
            self.groups_label.setText("Groups")
            return
        groups = self.review.groups
        photos = sum(len(g.members) for g in groups)
        saving = sum(self.review.reclaimable(g) for g in groups)
        self.groups_label.setText(
            f"<b>{len(groups)} groups</b> ({photos} photos, {human_size(saving)} in copies)"
        )
        stats = self.review.result.stats
        problems = len(self.review.result.errors)
        text = f"{scan_counts(stats)} · {len(groups)} groups · {human_size(saving)} could be freed"
        if problems:
            text += f" · {problems} problem file{'s' if problems != 1 else ''} (View ▸ Problem files)"
        if stats.skipped:
            text += f" · {stats.skipped} other file{'s' if stats.skipped != 1 else ''} skipped (not photos)"
        if self.review.marked:
            plan = self.review.plan()
            text += f" · {plan.count} marked ({human_size(plan.total_bytes)})"
        self.status_label.setText(text)

    def _refresh_marks(self) -> None:
        self.grid_model.refresh_marks()
        self.details.refresh_marks()
        self.group_model.refresh()
        group = self.group_model.group(self.group_view.currentIndex().row())
        self._update_group_title(group)
        self._update_summary()
        self._update_actions()

    def _update_actions(self) -> None:
        scanning = self.scan_job is not None
        busy = scanning or self.file_job is not None
        has_groups = self.review is not None and bool(self.review.groups)
        has_photo = self.grid_model.rowCount() > 0
        self.act_scan.setEnabled(not scanning and self.folders.count() > 0)
        self.act_cancel.setEnabled(scanning)
        self.act_remove.setEnabled(not busy and self.folders.count() > 0)
        self.remove_button.setEnabled(self.act_remove.isEnabled())
        for act in (
            self.act_best_group,
            self.act_unmark_group,
            self.act_toggle,
            self.act_compare,
            self.act_open,
            self.act_show,
        ):
            act.setEnabled(not busy and has_photo)
        self.act_best_all.setEnabled(not busy and has_groups)
        self.act_unmark_all.setEnabled(not busy and self.review is not None and bool(self.review.marked))
        self.act_trash.setEnabled(not busy and self.review is not None and bool(self.review.marked))
        self.act_move.setEnabled(self.act_trash.isEnabled())
        self.act_undo.setEnabled(not busy and bool(self.last_batch))
        self.act_next.setEnabled(has_groups)
        self.act_prev.setEnabled(has_groups)
        self.act_problems.setEnabled(self.review is not None and bool(self.review.result.errors))

    # --- marking ----------------------------------------------------------------------------

    def _current_row(self) -> int:
        return self.grid.currentIndex().row() if self.grid.currentIndex().isValid() else 0

    def _selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedIndexes()})
        return rows or ([self.grid.currentIndex().row()] if self.grid.currentIndex().isValid() else [])

    def toggle_rows(self, rows: Sequence[int]) -> None:
        if self.review is None or self.scan_job is not None or self.file_job is not None:
            return
        indices = [k for k in (self.grid_model.photo_index(r) for r in rows) if k is not None]
        target = not all(k in self.review.marked for k in indices)
        refused = [k for k in indices if self.review.set_marked(k, target) != target]
        self._refresh_marks()
        if refused and target:
            self.status_label.setText("Photos in reference folders are always kept and cannot be marked.")

    def toggle_selected(self) -> None:
        self.toggle_rows(self._selected_rows())

    def _current_group(self) -> Group | None:
        return self.group_model.group(self.group_view.currentIndex().row())

    def mark_best_group(self) -> None:
        if self.review is not None and (group := self._current_group()) is not None:
            self.review.mark_all_but_best([group])
            self._refresh_marks()

    def mark_best_all(self) -> None:
        if self.review is not None:
            self.review.mark_all_but_best()
            self._refresh_marks()

    def unmark_group(self) -> None:
        if self.review is not None and (group := self._current_group()) is not None:
            self.review.unmark_all([group])
            self._refresh_marks()

    def unmark_all(self) -> None:
        if self.review is not None:
            self.review.unmark_all()
            self._refresh_marks()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Space:
                self.toggle_selected()
                return True
        return super().eventFilter(watched, event)

    # --- other views ------------------------------------------------------------------------

    def step_group(self, delta: int) -> None:
        rows = self.group_model.rowCount()
        if rows:
            row = (self.group_view.currentIndex().row() + delta) % rows
            self.group_view.selectionModel().setCurrentIndex(
                self.group_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def zoom(self, factor: float) -> None:
        self.grid.set_min_thumb(int(min(480, max(96, self.grid.min_thumb * factor))))

    def compare(self, row: int) -> CompareDialog | None:
        group = self._current_group()
        if self.review is None or group is None:
            return None
        dialog = CompareDialog(self.review, [m.index for m in group.members], row, self)
        dialog.marksChanged.connect(self._refresh_marks)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.compare_dialog = dialog
        return dialog

    def _current_path(self) -> str | None:
        k = self.grid_model.photo_index(self._current_row())
        return self.review.photos[k].path if self.review is not None and k is not None else None

    def open_selected(self) -> None:
        if (path := self._current_path()) is not None:
            open_file(path)

    def show_selected(self) -> None:
        if (path := self._current_path()) is not None:
            show_in_folder(path)

    def show_problems(self) -> None:
        if self.review is None:
            return
        errors = [Failure(e.path, e.reason) for e in self.review.result.errors]
        dialog = ProblemsDialog(
            "Problem files",
            f"{len(errors)} files could not be used. They were skipped; nothing was changed.",
            errors,
            self,
        )
        dialog.open()
        self.problems_dialog = dialog

    def toggle_details(self) -> None:
        self.views.setCurrentWidget(self.details if self.act_details.isChecked() else self.grid)

    def exclude_selected_folder(self) -> None:
        path = self._current_path()
        if path is None:
            return
        folder = os.path.dirname(path)
        if folder not in self.settings.excluded:
            self.settings.excluded = [*self.settings.excluded, folder]
        self.status_label.setText(f"{folder} is left out of scans now; scanning again…")
        self.start_scan()

    def edit_excluded(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            "Excluded folders",
            "Folders and patterns left out of scans, one per line\n"
            "(a folder's path, a name such as Backup, or a pattern such as */Export/*):",
            "\n".join(self.settings.excluded),
        )
        if ok:
            self.settings.excluded = [line.strip() for line in text.splitlines() if line.strip()]
            if self.folders.count():
                self.start_scan()

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = ShortcutsDialog(self.actions(), self)
        self.shortcuts_dialog.open()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About photodedupe",
            f"<h3>photodedupe {__version__}</h3>"
            "<p>Finds near-duplicate photos — copies, resized and re-saved versions, edits — "
            "and moves the ones you reject to the Trash. Nothing is ever deleted permanently.</p>"
            "<p>Photos are compared with a 128-bit difference hash; the slider sets how many "
            "bits two photos may differ by.</p><p>MIT licence.</p>",
        )

    # --- trash ------------------------------------------------------------------------------

    def _ask(self, title: str, text: str, informative: str, confirm: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(informative)
        ok = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirmation = box
        box.exec()
        return box.clickedButton() is ok

    def move_marked_to_folder(self) -> None:
        """Like Move to Trash, into a folder the user picks; their folders kept inside it, or not."""
        if self.review is None or self.file_job is not None or not self.review.plan().count:
            return
        folder = QFileDialog.getExistingDirectory(
            self, "Move the marked photos to…", pictures_folder(), QFileDialog.Option.ShowDirsOnly
        )
        if not folder:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Move to folder",
            f"Move the marked photos into {folder}?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            "Keep each photo's folders inside it (as under the scanned folders), or put them all side by "
            "side? A name already there is never overwritten. Undo (Ctrl+Z) puts them back."
        )
        keep = box.addButton("Keep their folders", QMessageBox.ButtonRole.AcceptRole)
        flat = box.addButton("All in one folder", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        self.confirmation = box
        box.exec()
        if box.clickedButton() not in (keep, flat):
            return
        mover = FolderMove(folder, self.folders.folders(), keep_folders=box.clickedButton() is keep)
        self.trash_marked(mover, f"to {folder}")

    def trash_marked(self, to: FolderMove | None = None, where: str = "to the Trash") -> None:
        """Move the marked photos to the Trash (or ``to`` a folder), after the user says yes."""
        if self.review is None or self.file_job is not None:
            return
        self._moving_to = where
        plan = self.review.plan()
        if plan.count == 0:
            self.status_label.setText(
                "Nothing is marked. Mark photos first (Space, or “Mark all but the best”)."
            )
            return
        noun = "photo" if plan.count == 1 else "photos"
        if to is None and not self._ask(
            "Move to Trash",
            f"Move {plan.count} {noun} ({human_size(plan.total_bytes)}) to the Trash?",
            "They can be restored from the Trash, or with Undo (Ctrl+Z).",
            f"Move {plan.count} to Trash",
        ):
            return
        if plan.emptied_groups and not self._ask(
            "Every photo of a group is marked",
            f"In {plan.emptied_groups} group(s), every photo is marked: no copy would be left.",
            f"Are you sure you want to move all of them {where}?",
            "Move them all",
        ):
            return
        job = trash_job(plan, self.review.reference_folders, confirmed_emptying=True, to=to)
        job.signals.progress.connect(self._file_progress)
        self.progress.setRange(0, plan.count)
        self.progress.show()
        self._start_file_job(job, self._trash_finished)

    def _start_file_job(self, job: Job, finished) -> None:
        """Trash, Undo and resume: one file job at a time, off the GUI thread."""
        self.file_job = job
        job.signals.finished.connect(finished)
        job.signals.failed.connect(self._file_job_failed)
        job.start(self.jobs_pool)
        self._update_actions()

    def _report_not_moved(self, report: TrashReport) -> None:
        if report.failed:
            self._show_failures(
                "Some photos were not moved",
                f"{len(report.failed)} photos were not moved to the Trash by this batch; each one's "
                "reason says where it is:",
                report.failed,
            )

    def _file_progress(self, done_total: tuple[int, int]) -> None:
        done, total = done_total
        self.progress.setValue(done)
        self.status_label.setText(f"Moving to Trash: {done} of {total}")

    def _trash_finished(self, report: TrashReport) -> None:
        self.file_job = None
        self.progress.hide()
        if self.review is None:
            return
        for item in report.moved:
            self.loader.forget(item.original)
        selected = self._selected_reference()
        self.review.apply(report)
        self.last_batch = journal.last_batch(batches_dir())
        self._show_regrouped(selected)
        moved_bytes = sum(self.review.photos[self.review.index_of(i)].file.size for i in report.moved)
        self.status_label.setText(
            f"Moved {len(report.moved)} photos ({human_size(moved_bytes)}) {self._moving_to}. "
            "Undo with Ctrl+Z."
        )
        self._report_not_moved(report)

    def _show_failures(self, title: str, intro: str, failures: list[Failure]) -> None:
        dialog = ProblemsDialog(title, intro, failures, self)
        dialog.open()
        self.failures_dialog = dialog

    def check_interrupted(self) -> None:
        """At start: a batch of moves a crash cut short is finished or put back, as the user says."""
        pending = journal.interrupted_batches(batches_dir())
        if not pending or self.file_job is not None:
            return
        batch = pending[0]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "A move to the Trash was interrupted",
            f"photodedupe stopped while moving photos to the Trash ({batch.started[:16].replace('T', ' ')}): "
            f"{len(batch.in_trash)} {'photo is' if len(batch.in_trash) == 1 else 'photos are'} in the Trash, "
            f"{len(batch.pending)} {'was' if len(batch.pending) == 1 else 'were'} not moved yet.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText("No photo is lost. Put the moved ones back, or finish moving the rest?")
        back = box.addButton("Put them back", QMessageBox.ButtonRole.AcceptRole)
        finish = box.addButton("Finish moving", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        self.confirmation = box
        box.exec()
        if box.clickedButton() is back:
            self.last_batch = batch
            self.undo()
        elif box.clickedButton() is finish:
            self._start_file_job(resume_job(batch), self._resume_finished)

    def _resume_finished(self, report: TrashReport) -> None:
        self.file_job = None
        self.last_batch = journal.last_batch(batches_dir())
        if self.review is not None:
            self.review.apply(report)
            self._show_regrouped(self._selected_reference())
        self._update_actions()
        self.status_label.setText(
            f"Finished the interrupted move: {len(report.moved)} more photos in the Trash."
        )
        self._report_not_moved(report)

    def undo(self) -> None:
        if not self.last_batch or self.file_job is not None:
            return
        self._start_file_job(restore_job(self.last_batch), self._restore_finished)

    def _restore_finished(self, report: RestoreReport) -> None:
        self.file_job = None
        self.last_batch = journal.last_batch(batches_dir())
        unknown = False
        if self.review is not None:
            selected = self._selected_reference()
            self.review.apply_restore(report)
            self._show_regrouped(selected)
            # Photos of a batch moved before this scan are not in it: read them again.
            unknown = any(item.original not in self.review.paths for item in report.restored)
        self._update_actions()
        self.status_label.setText(f"Put {len(report.restored)} photos back where they were.")
        if unknown and self.folders.count():
            self.start_scan()
        if report.failed:
            self._show_failures(
                "Some photos were not put back", "These photos are still in the Trash:", report.failed
            )

    def mark_box_at(self, row: int) -> QPoint:
        """Where a user clicks to toggle the tile at ``row`` (for tests and scripts)."""
        return mark_box(self.grid.visualRect(self.grid_model.index(row))).center()
