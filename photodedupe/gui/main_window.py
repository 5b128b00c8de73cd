"""The main window: wiring only. Components do the work and talk through signals.

FolderPanel ──changed──▶ window ──start──▶ ScanController ──finished──▶ ReviewSession
ReviewPanel (GroupColumn, slider, grid, details) ◀──changed / marksChanged── ReviewSession
PhotoCommands (mark, flag, compare) ──toggle / mark──▶ ReviewSession
window ──trash / undo──▶ FileOps (asks through an injected function) ──moved──▶ ReviewSession
ActionRegistry: every menu, toolbar and key command, carried out by an ``@on`` method below.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from photodedupe.core.find.companions import skipped_words
from photodedupe.core.find.discover import is_photo_name
from photodedupe.core.i18n import counted
from photodedupe.core.keep.rules import DEFAULT_RULES, EARLIER_DEFAULTS, RULES, describe
from photodedupe.core.model import Problem
from photodedupe.core.paths import default_cache_path
from photodedupe.core.progress import Progress, Stage
from photodedupe.core.report import skipped_reasons
from photodedupe.gui import collector
from photodedupe.gui.controllers.cull_mode import CullMode
from photodedupe.gui.controllers.file_operations import FileOps
from photodedupe.gui.controllers.find_and_export import FindAndExport
from photodedupe.gui.controllers.photo_commands import PhotoCommands
from photodedupe.gui.controllers.scan_controller import ScanController
from photodedupe.gui.dialogs.messages import (
    ProblemsDialog,
    about_box,
    error_box,
    message_box_asker,
    pictures_folder,
)
from photodedupe.gui.dialogs.rules import RulesDialog
from photodedupe.gui.dialogs.shortcuts import ShortcutsDialog
from photodedupe.gui.icons import icon
from photodedupe.gui.panels.folder_panel import FolderPanel
from photodedupe.gui.panels.review_panel import ReviewPanel
from photodedupe.gui.panels.status_bar import StatusBar
from photodedupe.gui.settings import Settings
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.texts import empty_hint, progress_text, status_summary
from photodedupe.gui.thumbnails import ThumbnailLoader
from photodedupe.gui.translations import LanguageMenu
from photodedupe.gui.window_actions import MODES, TABLE_MENU, Act, ActionRegistry, State, on

if TYPE_CHECKING:  # imported when first needed: the window shows before numpy and numba load
    from photodedupe.core.find.result import ScanResult
    from photodedupe.core.review import Review


#: How long changes rest before they are saved (ms).
AUTOSAVE_MS = 400


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, cache_path: str | None = "default") -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("photodedupe")
        self.setWindowIcon(icon("photodedupe"))
        self.setAcceptDrops(True)
        saved = tuple(r for r in self.settings.keep_rules if r in RULES)
        # The old default was never chosen, only saved, and it kept copies over originals.
        self.keep_rules = DEFAULT_RULES if saved in ((), *EARLIER_DEFAULTS) else saved
        self._pending_marks: list[str] = []  # marks to carry over into the scan that is running
        self._news = ""  # said before the next scan's summary (a folder left out)
        self.dialog: QDialog | None = None  # the last dialog opened (kept alive while it shows)
        self.jobs_pool = QThreadPool(self)
        self.jobs_pool.setMaxThreadCount(2)
        self.loader = ThumbnailLoader(self)

        self.session = ShownReview(self)
        self.folders = FolderPanel(self.settings)
        self.panel = ReviewPanel(self.session, self.loader, self.folders)
        self.commands = PhotoCommands(self.session, self.panel)
        self.status = StatusBar()
        self.scans = ScanController(
            self.jobs_pool, str(default_cache_path()) if cache_path == "default" else cache_path, self
        )
        self.files = FileOps(
            self.jobs_pool,
            self.session,
            message_box_asker(self),
            self._pick_move_folder,
            self.folders.folders,
            self,
            settings=self.settings,
        )
        self.extras = FindAndExport(
            self.session, self.jobs_pool, self.loader, self.panel.slider.value, self.folders.folders, self
        )
        self.cull_mode = CullMode(
            self.session,
            self.jobs_pool,
            self.scans.cache_path,
            self.settings,
            self.folders.reference_folders,
            self,
        )
        self.panel.set_mode_bar(self.cull_mode.bar)
        self.panel.details.model.roots = self.folders.folders
        self.setCentralWidget(self.panel)
        self.setStatusBar(self.status)
        self.actions_ = ActionRegistry(
            self,
            self.panel,
            self.panel.groups,
            self.commands,
            self.files,
            self.folders,
            self.extras,
            self.cull_mode,
        )
        menus = self.actions_.fill_menus(self.menuBar())
        menus["&View"].addSeparator()
        menus["&View"].addMenu(LanguageMenu(self.settings, self.say, self))
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        self.actions_.fill_toolbar(toolbar)
        self.panel.groups.add_mode_switch([self.actions_[act] for act in MODES])
        self.panel.chain_tabs()
        self.actions_.add_photo_menu(self.panel.grid)
        self.actions_.add_photo_menu(self.panel.details.table, TABLE_MENU)
        self._wire()
        self._mode_changed(self.cull_mode.shots)
        self.actions_[Act.LIGHTROOM_SIDECARS].setChecked(self.settings.lightroom_sidecars)
        self._describe_rules()
        self._restore_settings()
        self.resize(1280, 800) if self.settings.window_geometry is None else None
        self._update_actions()

    def _wire(self) -> None:
        # What the user did is saved as it changes (a moment later, once a burst of changes rests),
        # not only on a clean quit: a crash or a kill -9 loses at most the last half second.
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_settings)
        for changed in (self.session.marksChanged, self.session.changed, self.folders.changed):
            changed.connect(self._autosave.start)
        self.folders.changed.connect(self._folders_changed)
        self.folders.scanRequested.connect(self.start_scan)
        self.folders.emptied.connect(lambda: self.session.show(None))
        self.folders.said.connect(self.say)
        self.folders.excluded.connect(self._excluded)
        self.panel.groupShown.connect(self._update_actions)
        self.commands.dialogOpened.connect(lambda dialog: setattr(self, "dialog", dialog))
        self.session.changed.connect(self._review_changed)
        self.session.marksChanged.connect(self._review_changed)
        self.session.said.connect(self.say)
        self.session.refused.connect(
            lambda: self.say(self.tr("Photos in reference folders are always kept and cannot be marked."))
        )
        self.status.cancelRequested.connect(self.cancel_scan)
        self.scans.progress.connect(self._scan_progress)
        self.scans.partial.connect(self._scan_partial)
        self.scans.finished.connect(self._scan_finished)
        self.scans.cancelled.connect(self._scan_cancelled)
        self.scans.failed.connect(self._show_error)
        self.scans.runningChanged.connect(self._busy_changed)

        def moving(done: int, total: int) -> None:
            self.status.step(done, total)
            self.say(self.tr("Moving: {done} of {total}").format(done=done, total=total))

        self.files.progress.connect(moving)
        self.files.said.connect(self.say)
        self.extras.said.connect(self.say)
        self.extras.searchClosed.connect(self._review_changed)  # the scan's summary again
        self.files.problems.connect(self._problems)

        def forget(paths: list[str]) -> None:
            for path in paths:
                self.loader.forget(path)

        self.files.gone.connect(forget)
        # Photos put back that this scan never saw (moved before it): read them.
        self.files.strangersBack.connect(lambda: self.start_scan() if self.folders.count() else None)
        self.files.failed.connect(self._show_error)
        self.files.runningChanged.connect(self._busy_changed)
        self.cull_mode.said.connect(self.say)
        self.cull_mode.runningChanged.connect(self._busy_changed)
        self.cull_mode.modeChanged.connect(self._mode_changed)
        self.cull_mode.culled.connect(lambda: self.panel.groups.select_group(0))
        self.cull_mode.rescanNeeded.connect(self.start_scan)
        self.files.gone.connect(self.cull_mode.photos_moved)

    # --- state shown everywhere ---------------------------------------------------------

    @property
    def review(self) -> Review | None:
        return self.session.review

    def say(self, text: str) -> None:
        self.status.say(text)

    def _update_actions(self) -> None:
        review = self.review
        self.actions_.update(
            State(
                scanning=self.scans.running,
                moving=self.files.running or self.cull_mode.running,
                folders=self.folders.count() > 0,
                groups=review is not None and bool(review.groups),
                photo=self.panel.grid.photos.rowCount() > 0,
                marked=review is not None and bool(review.marked),
                undo=bool(self.files.last_batch),
                problems=review is not None and bool(review.result.errors or review.result.skipped),
                culling=review is not None and review.culling,
            )
        )
        self.folders.remove_button.setEnabled(self.actions_[Act.REMOVE].isEnabled())

    def _mode_changed(self, shots: bool) -> None:
        self.actions_[Act.DUPLICATES].setChecked(not shots)
        self.actions_[Act.SHOTS].setChecked(shots)
        self.panel.show_shots(shots, self.cull_mode.bar)

    def _busy_changed(self) -> None:
        self.session.locked = self.scans.running or self.files.running or self.cull_mode.running
        hint = empty_hint()
        if self.scans.running:
            hint = self.tr("Reading your photos… groups appear here as they are found.")
        elif self.cull_mode.running:
            hint = self.tr(
                "Finding the series of your shoot and measuring their frames… they appear here next."
            )
        self.panel.set_scanning(self.scans.running, hint)
        if self.files.running:
            self.status.working(0)
        elif not self.scans.running:
            self.status.idle()
        self._update_actions()

    def _review_changed(self) -> None:
        if self.session.complete and self.review is not None:
            self.say(self._news + status_summary(self.review))
        self._update_actions()

    def _excluded(self, folder: str) -> None:
        """Said until the next change of the groups after the rescan: what left them, and how to undo it."""
        self._news = self.tr("Left out of scans: {folder} (Edit ▸ Excluded folders… brings it back)").format(
            folder=folder
        )
        self._news += " · "
        self.say(self.tr("{folder} is left out of scans now; scanning again…").format(folder=folder))

    # --- settings -----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        references = set(s.reference_folders)
        for folder in s.folders:
            self.folders.add(folder, folder in references)
        self.panel.slider.blockSignals(True)
        self.panel.slider.setValue(s.threshold)
        self.panel.slider.blockSignals(False)
        self.panel.grid.set_min_thumb(s.thumb_size)
        self.panel.groups.set_sort(s.group_order)
        for saved, restore in (
            (s.window_geometry, self.restoreGeometry),
            (s.window_state, self.restoreState),
            (s.splitter_state, self.panel.restoreState),
        ):
            if saved is not None:
                restore(saved)
        if s.had_results and self.folders.count():
            self._pending_marks = s.marked
            self.start_scan()  # from the cache: back in a moment where it was left

    def save_settings(self) -> None:
        s = self.settings
        s.folders, s.reference_folders = self.folders.folders(), self.folders.reference_folders()
        s.threshold, s.thumb_size = self.panel.slider.value(), self.panel.grid.min_thumb
        s.group_order = self.session.sort_by
        s.window_geometry, s.window_state = self.saveGeometry(), self.saveState()
        s.splitter_state = self.panel.saveState()
        # While a scan brings back the last results, their marks wait in _pending_marks: keep them.
        s.had_results = (
            self.review is not None
            or self.scans.running
            or self.cull_mode.result is not None  # Shots measuring frames: nothing shown yet
            or bool(self._pending_marks)
        )
        s.marked = self._pending_marks or self.cull_mode.duplicate_marks()
        self.cull_mode.remember_flags()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.scans.cancel()
        self.loader.clear_queue()
        self.jobs_pool.waitForDone(5000)
        self.loader.wait_idle(5000)
        super().closeEvent(event)

    # --- folders ------------------------------------------------------------------------

    def _folders_changed(self) -> None:
        self.session.configure(reference_folders=self.folders.reference_folders())  # drops their marks
        self._update_actions()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Folders are added and scanned; a single photo is searched for (search by example)."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if any(map(os.path.isdir, paths)) or (
            len(paths) == 1 and is_photo_name(paths[0]) and os.path.isfile(paths[0])
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile().rstrip("\0") for u in event.mimeData().urls() if u.isLocalFile()]
        if folders := [p for p in paths if os.path.isdir(p)]:
            if self.folders.add_folders(folders):
                event.acceptProposedAction()
        elif len(paths) == 1 and os.path.isfile(paths[0]):
            event.acceptProposedAction()
            self.extras.find_like(paths[0])

    @on(Act.EXCLUDE_FOLDER)
    def exclude_selected_folder(self) -> None:
        if (path := self.panel.current_path()) is not None:
            self.folders.exclude(os.path.dirname(path))

    def add_folders(self, paths: Sequence[str], scan: bool = True) -> int:
        return self.folders.add_folders(paths, scan)

    # --- scanning -----------------------------------------------------------------------

    @on(Act.SCAN)
    def start_scan(self) -> None:
        if not (folders := self.folders.folders()):
            self.say(empty_hint())
            return
        if not self._pending_marks:
            self._pending_marks = self.cull_mode.duplicate_marks()
        rules, preferred = self.keep_rules, self.settings.preferred_folders
        references = self.folders.reference_folders()
        from photodedupe.core.find.options import ScanOptions

        threshold = self.panel.slider.value()
        partials_shown = self._shows_partials()

        def prepare(result: ScanResult) -> None:
            """In the scan's thread, as is its import (numpy, numba, Pillow: 0.1 s on a first scan)."""
            from photodedupe.core.review import prepare_review

            if result.complete or partials_shown:
                prepare_review(result, threshold, references, rules, preferred)

        self.scans.start(folders, ScanOptions(exclude=tuple(self.settings.excluded)), prepare=prepare)
        self.status.working(0, cancellable=True)
        self.say(self.tr("Looking for photos…"))

    @on(Act.CANCEL)
    def cancel_scan(self) -> None:
        if self.scans.running:
            self.scans.cancel()
            self.say(self.tr("Stopping…"))

    def _scan_progress(self, p: Progress) -> None:
        if p.stage is Stage.HASHING:
            self.status.step(p.done, p.total or 0)
        else:
            self.status.working(0, cancellable=True)
        self.say(progress_text(p))

    def _new_review(self, result: ScanResult) -> Review:
        from photodedupe.core.review import review_for

        review = review_for(
            result,
            self.panel.slider.value(),
            self.folders.reference_folders(),
            self.keep_rules,
            self.settings.preferred_folders,
        )
        review.keep_raw_pairs = self.settings.keep_raw_pairs
        return review

    def _shows_partials(self) -> bool:
        """A first scan's groups are shown as they are found; a rescan leaves the finished review."""
        return not self.session.complete and not self.cull_mode.shots

    def _scan_partial(self, result: ScanResult) -> None:
        """Groups found so far, shown read-only while the scan goes on (a first scan can be long)."""
        if self._shows_partials():
            self.session.show(self._new_review(result))
            if self.review is not None and self.review.groups:
                self.scans.groups_shown()
            collector.settle()

    def _scan_finished(self, result: ScanResult) -> None:
        first = not self.session.complete
        review = self._new_review(result)
        review.mark_paths(self._pending_marks)
        self._pending_marks = []
        self.cull_mode.scan_finished(result, review)  # shown, or culled first in Shots mode
        if first:
            self.panel.groups.select_group(0)  # a first scan starts at the top of the list
        if review.groups:
            self.scans.groups_shown()
        self.status.show_notices(result.notices)
        self._busy_changed()
        self._review_changed()
        self._news = ""
        collector.settle()  # the photos and numba's kernels live on: later collections skip them

    def _scan_cancelled(self) -> None:
        self._pending_marks = []
        self.say(self.tr("Scan cancelled. Photos read so far are remembered; Scan again to go on."))

    def _show_error(self, text: str, details: str = "") -> None:
        self.status.idle()
        self.dialog = error_box(text, details, self)

    # --- which photo is kept -------------------------------------------------------------

    @on(Act.RULES)
    def choose_rules(self) -> None:
        """The rule chooser; each group's ★ becomes the photo the new rules keep."""
        s = self.settings
        self.dialog = dialog = RulesDialog(self.keep_rules, s.preferred_folders, s.keep_raw_pairs, self)
        if dialog.exec() != RulesDialog.DialogCode.Accepted:
            return
        self.keep_rules = dialog.rules()
        s.keep_rules, s.preferred_folders = list(self.keep_rules), dialog.preferred_folders()
        s.keep_raw_pairs = dialog.keep_raw_pairs()
        if self.review is not None:
            self.review.keep_raw_pairs = s.keep_raw_pairs
        self.session.configure(rules=self.keep_rules, preferred_folders=s.preferred_folders)
        self._describe_rules()
        self.say(
            self.tr("“Mark all but the best” now keeps: {rules}.").format(rules=describe(self.keep_rules))
        )

    def _describe_rules(self) -> None:
        text = describe(self.keep_rules)
        group = self.tr("Mark every photo of this group except the best: {rules}").format(rules=text)
        every = self.tr("In every group, mark every photo except the best: {rules}").format(rules=text)
        self.actions_[Act.BEST_GROUP].setToolTip(group)
        self.actions_[Act.BEST_ALL].setToolTip(every)

    # --- moving -------------------------------------------------------------------------

    def _pick_move_folder(self) -> str:
        options = QFileDialog.Option.ShowDirsOnly
        return QFileDialog.getExistingDirectory(
            self, self.tr("Move the marked photos to…"), pictures_folder(), options
        )

    def _problems(self, title: str, intro: str, failures: list[Problem]) -> None:
        self.dialog = dialog = ProblemsDialog(title, intro, failures, self)
        dialog.open()

    # --- dialogs ------------------------------------------------------------------------

    @on(Act.PROBLEMS)
    def show_problems(self) -> None:
        if self.review is not None:
            result = self.review.result
            errors = [Problem(e.path, e.reason) for e in result.errors]
            skipped = [Problem(path, reason) for path, reason in skipped_reasons(result)]
            intro = counted(
                len(errors),
                "{n} file could not be used. It was skipped; nothing was changed.",
                "{n} files could not be used. They were skipped; nothing was changed.",
            )
            if skipped:
                belonging = len({c.path for p in result.photos for c in p.companions})
                kinds = skipped_words(result.skipped, belonging)
                intro += " " + counted(
                    len(skipped),
                    "{n} other file is not a photo: {kinds}.",
                    "{n} other files are not photos: {kinds}.",
                    kinds=kinds,
                )
            self._problems(self.tr("Problem files and other files"), intro, errors + skipped)

    @on(Act.SHORTCUTS)
    def show_shortcuts(self) -> None:
        self.dialog = dialog = ShortcutsDialog(self.actions(), self)
        dialog.open()

    @on(Act.ABOUT)
    def about(self) -> None:
        about_box(self)

    @on(Act.QUIT)
    def quit(self) -> None:
        self.close()
