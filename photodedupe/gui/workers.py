"""Long work off the GUI thread: scans and moves to the trash.

Each job runs a core function in a QThreadPool thread and talks back only
through queued signals, so the event loop never waits on it. Cancel sets the
core's CancelToken; the core stops at its next check (well under a second).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from photodedupe.core.actions import TrashPlan, move_to_trash, restore
from photodedupe.core.cache import HashCache
from photodedupe.core.progress import Cancelled, CancelToken, Progress
from photodedupe.core.scan import ScanOptions, scan
from photodedupe.core.trash import TrashedFile, system_trash


class JobSignals(QObject):
    progress = Signal(object)  # core.progress.Progress, or (done, total) for trash jobs
    finished = Signal(object)  # the job's result
    cancelled = Signal()
    failed = Signal(str)  # an unexpected error, as text for a dialog


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], object], signals: JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception:
            self._signals.failed.emit(traceback.format_exc())
        else:
            self._signals.finished.emit(result)


class Job:
    """A running piece of work with its signals; keep a reference while it runs."""

    def __init__(self, pool: QThreadPool, work: Callable[[CancelToken, JobSignals], object]) -> None:
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        pool.start(_Runnable(lambda: work(self.cancel_token, self.signals), self.signals))

    def cancel(self) -> None:
        self.cancel_token.cancel()


def start_scan(
    pool: QThreadPool, roots: Sequence[str], cache_path: str | None, options: ScanOptions | None = None
) -> Job:
    """Scan ``roots``; ``finished`` carries the core ScanResult."""

    def work(cancel: CancelToken, signals: JobSignals) -> object:
        with HashCache(cache_path) as cache:  # the connection lives in the scan thread only
            return scan(
                list(roots), cache=cache, options=options, cancel=cancel, on_progress=signals.progress.emit
            )

    return Job(pool, work)


def start_trash(pool: QThreadPool, plan: TrashPlan, reference_folders: Sequence[str]) -> Job:
    """Move a plan's photos to the trash; ``finished`` carries the TrashReport."""

    def work(cancel: CancelToken, signals: JobSignals) -> object:
        return move_to_trash(
            plan,
            system_trash(),
            list(reference_folders),
            cancel=cancel,
            on_progress=lambda done, total: signals.progress.emit((done, total)),
        )

    return Job(pool, work)


def start_restore(pool: QThreadPool, items: Sequence[TrashedFile]) -> Job:
    """Put trashed files back (Undo); ``finished`` carries the RestoreReport."""
    return Job(pool, lambda cancel, signals: restore(list(items), system_trash()))


__all__ = ["Job", "Progress", "start_restore", "start_scan", "start_trash"]
