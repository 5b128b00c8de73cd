"""Search by example and Export report: two ways to take the scan's results elsewhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from photodedupe.core.find.discover import PHOTO_EXTENSIONS
from photodedupe.core.report import reclaimable
from photodedupe.core.units import human_size
from photodedupe.gui.controllers.workers import Job, search_job
from photodedupe.gui.dialogs.messages import pictures_folder
from photodedupe.gui.dialogs.search import SearchResultsDialog

if TYPE_CHECKING:
    from photodedupe.core.search import ExampleSearch
from photodedupe.core.i18n import counted
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.thumbnails import ThumbnailLoader
from photodedupe.gui.window_actions import Act, on


class FindAndExport(QObject):
    said = Signal(str)
    searchClosed = Signal()

    def __init__(
        self,
        session: ShownReview,
        pool: QThreadPool,
        loader: ThumbnailLoader,
        threshold: Callable[[], int],
        roots: Callable[[], list[str]],
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.session, self.pool, self.loader = session, pool, loader
        self.threshold, self.roots, self.parent_widget = threshold, roots, parent_widget
        self._search: ExampleSearch | None = None  # the BK-tree of the last scan, built on first use
        self.job: Job | None = None
        self.dialog: SearchResultsDialog | None = None

    @on(Act.EXPORT)
    def choose_report_file(self) -> None:
        if self.session.review is None:
            self.said.emit(self.tr("Nothing to export yet: scan your folders first."))
            return
        start = os.path.join(os.path.expanduser("~"), "photodedupe-report.csv")
        path, kind = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export report"),
            start,
            self.tr("CSV, for spreadsheets (*.csv)") + ";;" + self.tr("JSON (*.json)"),
        )
        if path:
            known = path.lower().endswith((".csv", ".json"))
            self.export_report(path if known else path + (".json" if "JSON" in kind else ".csv"))

    def export_report(self, path: str) -> None:
        """The groups on screen, with metadata and marks: JSON if ``path`` ends in .json, else CSV."""
        if (review := self.session.review) is None:
            return
        try:
            with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as fh:
                fh.write(review.report(as_json=path.lower().endswith(".json")))
        except OSError as exc:
            self.said.emit(
                self.tr("The report could not be saved: {error}").format(error=exc.strerror or exc)
            )
            return
        files, size = reclaimable(review.result, review.groups)
        self.said.emit(
            self.tr("Report saved to {path}: {groups}; {size} reclaimable in {n} photos.").format(
                path=path,
                groups=counted(len(review.groups), "{n} group", "{n} groups"),
                size=human_size(size),
                n=files,
            )
        )

    @on(Act.FIND)
    def choose_example(self) -> None:
        start = (self.roots() or [pictures_folder()])[0]
        kinds = self.tr("Photos ({patterns})").format(
            patterns=" ".join("*" + e for e in sorted(PHOTO_EXTENSIONS))
        )
        path, _kind = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Find photos like…"), start, kinds
        )
        if path:
            self.find_like(path)

    def find_like(self, path: str) -> None:
        """Every scanned photo within the slider's threshold of ``path``, in a dialog (off the GUI thread)."""
        if not self.session.complete or self.session.review is None:
            self.said.emit(self.tr("Scan your folders first; then drop a photo to find the ones like it."))
            return
        if self._search is None or self._search.result is not self.session.review.result:
            from photodedupe.core.search import ExampleSearch  # Pillow, numpy: on first use

            self._search = ExampleSearch(self.session.review.result)
        self.said.emit(self.tr("Looking for photos like {photo}…").format(photo=os.path.basename(path)))
        bits = self.threshold()
        job = search_job(self._search, path, bits)
        job.signals.finished.connect(lambda found: self._show_matches(path, found, bits))
        job.signals.failed.connect(lambda text, details: self._search_failed(text))
        self.job = job.start(self.pool)

    def _show_matches(self, path: str, found: list, bits: int) -> None:
        self.job = None
        self.dialog = SearchResultsDialog(path, found, bits, self.loader, self.parent_widget)
        self.dialog.finished.connect(self.searchClosed)  # its count leaves the status bar with it
        self.dialog.open()
        self.said.emit(
            counted(
                len(found),
                "{n} photo like {photo}.",
                "{n} photos like {photo}.",
                photo=os.path.basename(path),
            )
        )

    def _search_failed(self, text: str) -> None:
        self.job = None
        self.said.emit(text)
