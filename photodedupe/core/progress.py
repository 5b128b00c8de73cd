"""Progress reports and cancellation that work the same without Qt.

The scan calls ``on_progress`` from its own thread; callers (a terminal line,
a Qt signal) decide how to show it. ``Throttle`` keeps them from being flooded.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Cancelled(Exception):
    """Raised inside the scan when the user asked it to stop."""


class CancelToken:
    """A flag another thread can set; the scan checks it between files."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


class Stage(StrEnum):
    """The stages of a scan, in order: each front end says them in its own words."""

    FINDING = "finding"  # walking the folders; the total is not known yet
    HASHING = "hashing"  # decoding the photos not in the cache
    COMPARING = "comparing"  # finding and verifying close pairs


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a scan is. ``total`` is None while it is not known yet (files are still being found)."""

    stage: Stage
    done: int
    total: int | None
    path: str = ""
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Items per second so far in this stage."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, or None if unknown."""
        if self.total is None or self.done == 0 or self.elapsed <= 0:
            return None
        return (self.total - self.done) / self.rate


ProgressCallback = Callable[[Progress], None]


class Throttle:
    """Pass on at most one report per ``interval`` seconds, plus each stage's first and last."""

    def __init__(self, callback: ProgressCallback | None, interval: float = 0.1) -> None:
        self._callback = callback
        self._interval = interval
        self._last = 0.0
        self._stage = ""

    def __call__(self, progress: Progress, *, force: bool = False) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        if force or progress.stage != self._stage or now - self._last >= self._interval:
            self._last, self._stage = now, progress.stage
            self._callback(progress)
