"""Long work off the GUI thread: scans and moves to the trash.

Each job runs a core function in a QThreadPool thread and talks back only
through queued signals, so the event loop never waits on it. Cancel sets the
core's CancelToken; the core stops at its next check (well under a second).
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from photodedupe.core.files.actions import (
    Trash,
    TrashPlan,
    move_to_trash,
    mover_for,
    resume_batch,
    undo_batch,
)
from photodedupe.core.files.journal import Batch
from photodedupe.core.files.sidecars import DEFAULT_STYLE
from photodedupe.core.files.trash import system_trash
from photodedupe.core.i18n import said
from photodedupe.core.paths import batches_dir
from photodedupe.core.progress import Cancelled, CancelToken
from photodedupe.gui.translations import translate

if TYPE_CHECKING:  # each job imports what it runs: the window opens before numpy and numba load
    from photodedupe.core.find.options import ScanOptions
    from photodedupe.core.find.result import ScanResult
    from photodedupe.core.search import ExampleSearch

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """What every job says when it ends. Each kind of job adds its own progress signal."""

    finished = Signal(object)  # the job's result
    cancelled = Signal()
    #: (what the user reads, details such as a traceback or ""): an unusable input or a bug
    failed = Signal(str, str)


class ScanSignals(JobSignals):
    progress = Signal(object)  # core.progress.Progress
    partial = Signal(object)  # a snapshot of what was read so far (ScanResult, complete=False)


class FileSignals(JobSignals):
    progress = Signal(int, int)  # files moved so far, of how many


class CullSignals(JobSignals):
    progress = Signal(int, int)  # frames measured, of how many


class UserError(Exception):
    """A failure the user caused and can fix (an unreadable example photo): no traceback shown."""


S = TypeVar("S", bound=JobSignals)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], object], signals: JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Job owns it: no Python wrapper vanishing under Qt
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Cancelled:
            self._signals.cancelled.emit()
        except UserError as exc:
            self._signals.failed.emit(str(exc), "")
        except Exception:
            log.exception("a background job failed")
            self._signals.failed.emit(
                translate("Workers", "The operation failed unexpectedly."), traceback.format_exc()
            )
        else:
            self._signals.finished.emit(result)


class Job(Generic[S]):
    """A piece of work for a thread pool. Connect to ``signals`` first, then ``start``.

    Starting only after the connections are made matters: a short job (moving
    two files) can finish before a caller gets to connect, and its result
    would be lost. Keep a reference to the Job while it runs.
    """

    def __init__(self, signals: S, work: Callable[[CancelToken, S], object]) -> None:
        self.signals = signals
        self.cancel_token = CancelToken()
        self._runnable = _Runnable(lambda: work(self.cancel_token, self.signals), self.signals)

    def start(self, pool: QThreadPool) -> Job[S]:
        pool.start(self._runnable)
        return self

    def cancel(self) -> None:
        self.cancel_token.cancel()


def scan_job(
    roots: Sequence[str],
    cache_path: str | None,
    options: ScanOptions | None = None,
    prepare: Callable[[ScanResult], object] | None = None,
) -> Job[ScanSignals]:
    """Scan ``roots``; ``finished`` carries the core ScanResult.

    ``prepare`` runs on each result before it is handed over, off the window's thread: work that
    would otherwise stall the window, such as the first grouping (``core.review.prepare_review``).
    A snapshot's runs on a thread of its own, so decoding goes on meanwhile: the first one loads
    numba's kernels (0.5 s; seconds when they are compiled on a first run), and decoding had
    waited for it. A snapshot taken while the one before is still being prepared, or within nine
    times as long after it, is passed over (a tenth of the scan at most);
    the whole result is handed over only after the last snapshot, and prepared in the scan thread.
    """

    def work(cancel: CancelToken, signals: ScanSignals) -> object:
        from concurrent.futures import Future, ThreadPoolExecutor

        snapshots = ThreadPoolExecutor(1, thread_name_prefix="photodedupe-snapshot")
        last: Future[None] | None = None
        rest_until = 0.0  # a tenth of the time at most goes to preparing snapshots, as to taking them

        def show(result: ScanResult) -> None:
            nonlocal rest_until
            start = time.monotonic()
            if prepare is not None:
                prepare(result)
            end = time.monotonic()
            rest_until = end + 9 * (end - start)
            if not cancel.cancelled:
                signals.partial.emit(result)

        def partial(result: ScanResult) -> None:
            nonlocal last
            if (last is None or last.done()) and time.monotonic() >= rest_until:
                last = snapshots.submit(show, result)

        from photodedupe.core.find.cache import HashCache
        from photodedupe.core.find.scan import scan
        from photodedupe.core.kernels import prefer_compiled

        prefer_compiled()  # the slider regroups many times: compiled, whatever the library's size
        try:
            with HashCache(cache_path) as cache:  # the connection lives in the scan thread only
                result = scan(
                    list(roots),
                    cache=cache,
                    options=options,
                    cancel=cancel,
                    on_progress=signals.progress.emit,
                    on_partial=partial,
                )
        finally:  # a snapshot still being prepared after a cancel is not shown (show checks)
            snapshots.shutdown(wait=not cancel.cancelled, cancel_futures=True)
        if last is not None and last.done() and (error := last.exception()) is not None:
            raise error  # a snapshot's failure is the scan's, as when it ran in the scan thread
        if prepare is not None:
            prepare(result)
        return result

    return Job(ScanSignals(), work)


def _why_not_whole(path: str) -> str | None:
    """``decode.why_not_whole``, imported once a batch runs: the window shows before Pillow loads."""
    from photodedupe.core.find.decode import why_not_whole

    return why_not_whole(path)


def trash_job(
    plan: TrashPlan,
    reference_folders: Sequence[str],
    confirmed_emptying: bool,
    to: Trash | None = None,
    sidecar_style: str = DEFAULT_STYLE,
) -> Job[FileSignals]:
    """Move a plan's photos to the trash (or ``to`` a folder), journaled; ``finished`` carries the report."""

    def work(cancel: CancelToken, signals: FileSignals) -> object:
        return move_to_trash(
            plan,
            to or system_trash(),
            list(reference_folders),
            journal_folder=batches_dir(),
            confirmed_emptying=confirmed_emptying,
            cancel=cancel,
            on_progress=signals.progress.emit,
            sidecar_style=sidecar_style,
            whole=_why_not_whole,
        )

    return Job(FileSignals(), work)


def ratings_job(ratings: Sequence[tuple[str, int]], style: str) -> Job[FileSignals]:
    """Write culled ratings into sidecars, as one undoable batch; ``finished`` carries the RatingReport."""
    from photodedupe.core.files.sidecars import write_ratings

    return Job(FileSignals(), lambda cancel, signals: write_ratings(ratings, batches_dir(), style, cancel))


def restore_job(batch: Batch) -> Job[FileSignals]:
    """Put a batch's trashed files back (Undo); ``finished`` carries the RestoreReport."""
    return Job(FileSignals(), lambda cancel, signals: undo_batch(batch, mover_for(batch)))


def resume_job(batch: Batch) -> Job[FileSignals]:
    """Finish a batch a crash interrupted; ``finished`` carries the TrashReport."""
    return Job(
        FileSignals(),
        lambda cancel, signals: resume_batch(
            batch, mover_for(batch), journal_folder=batches_dir(), whole=_why_not_whole
        ),
    )


def search_job(search: ExampleSearch, example: str, threshold: int) -> Job[JobSignals]:
    """Search by example; ``finished`` carries the matches, ``failed`` says why an example is unusable."""

    def work(cancel: CancelToken, signals: JobSignals) -> object:
        from photodedupe.core.find.decode import PhotoError

        try:
            return search.similar_to(example, threshold)
        except PhotoError as exc:
            raise UserError(
                translate("Workers", "{photo} cannot be used: {reason}").format(
                    photo=os.path.basename(example), reason=said(str(exc))
                )
            ) from exc

    return Job(JobSignals(), work)


def cull_job(result: ScanResult, cache_path: str | None, window: float) -> Job[CullSignals]:
    """Series of a scan's result, frames measured and ranked; ``finished`` carries the CullResult."""

    def work(cancel: CancelToken, signals: CullSignals) -> object:
        from photodedupe.core.cull.ranking import cull
        from photodedupe.core.find.cache import HashCache

        with HashCache(cache_path) as cache:  # a connection of the job's own thread
            return cull(result, cache, window=window, cancel=cancel, on_progress=signals.progress.emit)

    return Job(CullSignals(), work)
