"""Scans in the background: start, cancel, and start over when the folders change mid-scan."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from photodedupe.gui.controllers.workers import Job, ScanSignals, scan_job

if TYPE_CHECKING:
    from photodedupe.core.find.options import ScanOptions
    from photodedupe.core.find.result import ScanResult


class ScanController(QObject):
    progress = Signal(object)  # core.progress.Progress
    partial = Signal(object)  # ScanResult so far (complete=False)
    finished = Signal(object)  # ScanResult
    cancelled = Signal()
    failed = Signal(str, str)  # (what the user reads, details)
    runningChanged = Signal(bool)

    def __init__(self, pool: QThreadPool, cache_path: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool, self.cache_path = pool, cache_path
        self.job: Job[ScanSignals] | None = None
        self._again: Callable[[], None] | None = None  # the scan to start once the running one stops
        self.started_at = 0.0
        #: Seconds from the start of the last scan to its first group on screen (a measured promise).
        self.first_group_seconds: float | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(
        self,
        folders: Sequence[str],
        options: ScanOptions,
        prepare: Callable[[ScanResult], object] | None = None,
    ) -> None:
        """Scan ``folders``; if a scan runs, it stops and this one starts after it."""
        if self.job is not None:
            self._again = lambda: self.start(folders, options, prepare)
            self.job.cancel()
            return
        self.started_at, self.first_group_seconds = time.monotonic(), None
        job = scan_job(folders, self.cache_path, options, prepare)
        job.signals.progress.connect(self.progress)
        job.signals.partial.connect(self._partial)
        job.signals.finished.connect(lambda result: self._ended(self.finished, result))
        job.signals.cancelled.connect(lambda: self._ended(self.cancelled))
        job.signals.failed.connect(lambda text, details: self._ended(self.failed, text, details))
        self.job = job.start(self.pool)
        self.runningChanged.emit(True)

    def cancel(self) -> None:
        self._again = None
        if self.job is not None:
            self.job.cancel()

    def groups_shown(self) -> None:
        """The first groups are on screen: remember how long that took."""
        if self.first_group_seconds is None:
            self.first_group_seconds = time.monotonic() - self.started_at

    def _partial(self, result: ScanResult) -> None:
        if self.job is not None and self._again is None:  # a snapshot of a scan about to restart is stale
            self.partial.emit(result)

    def _ended(self, signal, *args) -> None:
        self.job = None
        again, self._again = self._again, None
        if again is not None and signal is not self.failed:
            again()  # the folders changed while it ran: its result is stale
            return
        signal.emit(*args)
        self.runningChanged.emit(False)
