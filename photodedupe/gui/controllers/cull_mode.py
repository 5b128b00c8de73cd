"""Shots mode: the window culls a shoot instead of finding copies.

The same window, session and views show a ``core.cull_review.CullReview`` review (each
series a group, frames best first) instead of the duplicates; this component
switches between the two, runs the cull in the background (frames measured
once, then remembered), and owns the bar that replaces the similarity slider:
how far apart two frames of a series may be, and how many to keep.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from photodedupe.core.i18n import counted, decimal
from photodedupe.core.model import Flag
from photodedupe.gui.controllers.workers import CullSignals, Job, cull_job
from photodedupe.gui.settings import Settings
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.window_actions import Act, on

if TYPE_CHECKING:
    from photodedupe.core.find.result import ScanResult
    from photodedupe.core.review import Review


class CullBar(QWidget):
    """Shown in Shots mode instead of the similarity slider."""

    def __init__(self, gap: float, keep: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not ``window``: that is QWidget's own method (the top-level window), which it would hide.
        self.gap = QDoubleSpinBox()
        self.gap.setRange(0.2, 60.0)
        self.gap.setSingleStep(0.5)
        self.gap.setDecimals(1)
        self.gap.setSuffix(" s")
        self.gap.setValue(gap)
        self.gap.setToolTip(
            self.tr("The longest time between two frames of one series (one camera, looking alike)")
        )
        self.gap.setAccessibleName(self.tr("Longest time between frames of a series"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 20)
        self.keep.setValue(keep)
        self.keep.setToolTip(self.tr("How many frames of each series “Mark all but the best” keeps"))
        self.keep.setAccessibleName(self.tr("Frames kept of each series"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            QLabel(self.tr("Series: frames within")),
            self.gap,
            QLabel(self.tr("of each other · keep the best")),
            self.keep,
            QLabel(self.tr("of each")),
        ):
            layout.addWidget(widget)
        layout.addStretch(1)


class CullMode(QObject):
    said = Signal(str)
    runningChanged = Signal(bool)
    modeChanged = Signal(bool)  # True: shots
    culled = Signal()  # new series are on screen: start from the first
    rescanNeeded = Signal()  # photos moved while the other mode showed: its groups are stale

    def __init__(
        self,
        session: ShownReview,
        pool: QThreadPool,
        cache_path: str | None,
        settings: Settings,
        references: Callable[[], list[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.pool, self.cache_path, self.settings = session, pool, cache_path, settings
        self.references = references
        self.bar = CullBar(settings.cull_window, settings.cull_keep)
        self.bar.gap.editingFinished.connect(self._window_changed)
        self.bar.keep.valueChanged.connect(self._keep_changed)
        self.shots = settings.shots
        self.result: ScanResult | None = None  # the last complete scan
        self.duplicates: Review | None = None  # its duplicates, to show again
        self.job: Job[CullSignals] | None = None
        self._moved_meanwhile = False  # frames moved in Shots: the duplicates still hold them

    @property
    def running(self) -> bool:
        return self.job is not None

    @on(Act.DUPLICATES)
    def show_duplicates(self) -> None:
        self._switch(False)

    @on(Act.SHOTS)
    def show_shots(self) -> None:
        self._switch(True)

    def _switch(self, shots: bool) -> None:
        changed = shots != self.shots
        self.shots = self.settings.shots = shots
        self.modeChanged.emit(shots)
        if not changed:
            return
        if shots:
            self._cull()
            return
        self.remember_flags()  # the shoot's picks and rejects wait for the next time
        if self.job is not None:  # back to the duplicates before the cull was done
            self.job.cancel()
        if self._moved_meanwhile:
            self._moved_meanwhile = False
            self.rescanNeeded.emit()  # from the cache: a moment
        elif self.duplicates is not None:
            self.session.show(self.duplicates)

    def photos_moved(self) -> None:
        """Photos went to the Trash or a folder: in Shots mode, the duplicates on hold are stale."""
        if self.shots:
            self._moved_meanwhile = True

    def remember_flags(self) -> None:
        """Shots' picks and rejects into the settings, while a shoot is shown (saved as they change)."""
        review = self.session.review
        if review is not None and review.culling:
            paths = review.photos
            self.settings.cull_picked = [paths[k].path for k in sorted(review.picked)]
            self.settings.cull_rejected = [paths[k].path for k in sorted(review.marked)]

    def _restore_flags(self, shots: Review) -> None:
        """The picks and rejects of the last time, for the frames still in a series."""
        for flag, paths in (
            (Flag.PICK, self.settings.cull_picked),
            (Flag.REJECT, self.settings.cull_rejected),
        ):
            for path in paths:
                if (k := shots.paths.get(path)) is not None and shots.row_of(k) is not None:
                    shots.flag(k, flag)

    def duplicate_marks(self) -> list[str]:
        """The paths marked in the duplicates, whichever mode shows (what a rescan or restart keeps)."""
        shown = self.session.review
        review = self.duplicates if shown is None or shown.culling else shown
        return [review.photos[k].path for k in sorted(review.marked)] if review is not None else []

    def scan_finished(self, result: ScanResult, duplicates: Review) -> None:
        """A scan is done: remember its duplicates; in Shots mode, cull it (the duplicates wait)."""
        self.result, self.duplicates = result, duplicates
        if self.shots:
            self._cull()
        else:
            self.session.show(duplicates)

    def _cull(self) -> None:
        if self.result is None:
            self.said.emit(self.tr("Scan your folders first; then Shots ranks the frames of each burst."))
            return
        self.remember_flags()  # a new cull (another series window) gives them back
        if self.session.review is not None and not self.session.review.culling:
            self.session.show(None)  # Shots shows series only: not the duplicates while it measures
        if self.job is not None:
            self.job.cancel()
        job = cull_job(self.result, self.cache_path, self.bar.gap.value())
        job.signals.progress.connect(
            lambda done, total: self.said.emit(
                self.tr("Measuring frames: {done} of {total}").format(done=done, total=total)
            )
        )
        job.signals.finished.connect(lambda culled, j=job: self._culled(j, culled))
        job.signals.cancelled.connect(lambda j=job: self._ended(j))

        def failed(text: str, details: str, j: Job[CullSignals] = job) -> None:
            self._ended(j)
            self.said.emit(text)

        job.signals.failed.connect(failed)
        self.job = job.start(self.pool)
        self.runningChanged.emit(True)
        self.said.emit(self.tr("Finding the series and measuring their frames…"))

    def _ended(self, job: Job) -> bool:
        if job is not self.job:
            return False  # a cull started again since: this one's result is stale
        self.job = None
        self.runningChanged.emit(False)
        return True

    def _culled(self, job: Job, culled) -> None:
        if not self._ended(job) or not self.shots or self.result is None:
            return
        from photodedupe.core.cull_review import CullReview  # numpy: only once there is a shoot to show

        shots = CullReview(self.result, culled, self.references(), keep_best=self.bar.keep.value())
        self._restore_flags(shots)
        self.session.show(shots)
        self.culled.emit()
        frames = sum(len(s.frames) for s in culled.series)
        self.said.emit(
            counted(
                len(culled.series),
                "{n} series of {frames} frames; "
                "{measured} frames measured ({seconds} s), {cached} remembered.",
                "{n} series of {frames} frames; "
                "{measured} frames measured ({seconds} s), {cached} remembered.",
                frames=frames,
                measured=culled.measured,
                seconds=decimal(culled.seconds),
                cached=culled.from_cache,
            )
        )

    def _window_changed(self) -> None:
        self.settings.cull_window = self.bar.gap.value()
        if self.shots:
            self._cull()

    def _keep_changed(self, keep: int) -> None:
        self.settings.cull_keep = keep
        if self.session.review is not None and self.session.review.culling:
            self.session.review.keep_best = keep
            self.session.changed.emit()
