"""Culling a shoot: each series of frames ranked best first, with why.

``cull`` takes a scan's result, finds the series (core.cull.series), measures the
frames that are in one (core.find.quality; cached like hashes, on two threads),
splits series shot by two bodies of one model, and ranks each series' frames:
the sharpest first, a frame with many clipped highlights or shadows a little
lower. Only frames in a series are decoded again, so a library without bursts
costs nothing more than its scan.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from photodedupe.core.cull.series import DEFAULT_WINDOW, copies, find_series, moment, split_by_serial
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.frames import measure_frames
from photodedupe.core.find.quality import CLIP_TOLERATED, Quality, exposure_factor, timing
from photodedupe.core.find.result import ScanResult
from photodedupe.core.i18n import N_
from photodedupe.core.model import Problem
from photodedupe.core.progress import CancelToken
from photodedupe.core.thresholds import default_threshold

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Frame:
    index: int  # in the scan's photos
    quality: Quality
    score: float  # 1.0 for the series' best frame
    why: str
    subsec: float = 0.0  # EXIF sub-seconds of its date taken (frames of one second apart)


@dataclass(frozen=True, slots=True)
class Series:
    frames: tuple[Frame, ...]  # best first
    from_file_time: bool  # no EXIF date taken: grouped by the files' times

    @property
    def best(self) -> Frame:
        return self.frames[0]


@dataclass(slots=True)
class CullResult:
    series: list[Series]
    errors: list[Problem] = field(default_factory=list)
    measured: int = 0  # frames decoded again for this cull
    from_cache: int = 0
    seconds: float = 0.0


def _with_exposure(why: str, q: Quality) -> str:
    """``why``, and how much of the frame is clipped white or black when too much is.

    Made in English (JSON keeps it so); ``i18n.said`` says it in the user's language where shown.
    """
    blown, crushed = round(100 * q.highlights), round(100 * q.shadows)
    if q.highlights > CLIP_TOLERATED and q.shadows > CLIP_TOLERATED:
        return N_("{why}; {blown} % blown, {crushed} % crushed").format(why=why, blown=blown, crushed=crushed)
    if q.highlights > CLIP_TOLERATED:
        return N_("{why}; {blown} % blown").format(why=why, blown=blown)
    if q.shadows > CLIP_TOLERATED:
        return N_("{why}; {crushed} % crushed").format(why=why, crushed=crushed)
    return why


def rank(
    indices: Sequence[int],
    measures: dict[int, Quality],
    from_file_time: bool = False,
    subsec: dict[int, float] | None = None,
) -> Series:
    """The frames best first, each with why it is where it is."""
    scored = sorted(
        ((measures[k].sharpness * exposure_factor(measures[k]), k) for k in indices),
        key=lambda t: (-t[0], t[1]),
    )
    top = scored[0][0] or 1.0
    sharpest = max(measures[k].sharpness for k in indices) or 1.0
    best_sharpness = measures[scored[0][1]].sharpness or 1.0
    frames = []
    for place, (score, k) in enumerate(scored):
        q = measures[k]
        if place == 0:
            others = [measures[j].sharpness for _, j in scored[1:]]
            nxt = max(others) if others else 0.0
            if q.sharpness < sharpest:
                why = N_("sharp and better exposed")
            elif nxt > 0:
                why = N_("sharpest ({times}× the next)").format(times=f"{q.sharpness / nxt:.1f}")
            else:
                why = N_("sharpest (the only sharp one)")
        else:
            why = N_("{percent} % as sharp as the best").format(
                percent=round(100 * q.sharpness / best_sharpness)
            )
        frames.append(Frame(k, q, score / top, _with_exposure(why, q), (subsec or {}).get(k, 0.0)))
    return Series(tuple(frames), from_file_time)


def cull(
    result: ScanResult,
    cache: HashCache,
    window: float = DEFAULT_WINDOW,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CullResult:
    """Every series in ``result``, best frame first; frames that could not be measured are left out."""
    started = time.monotonic()
    photos = result.photos
    moments = [moment(p) for p in photos]
    candidates = {k for s in find_series(photos, window, moments) for k in s}
    # Sub-seconds and serial numbers (EXIF, no decoding) tell copies of a frame from frames,
    # order the frames of one second, and keep two bodies of one model apart.
    timings = {k: timing(photos[k].path) for k in sorted(candidates)}
    for k, (subsec, _serial) in timings.items():
        moments[k] = moment(photos[k], subsec)
    skip = copies(photos, moments, {k: t[0] for k, t in timings.items()}, default_threshold(result.hash_bits))
    # Only frames whose sub-seconds were read: a second look may not pull in another (it did, and the
    # cull failed with a KeyError on a library's copies).
    found = find_series(photos, window, moments, skip=skip | (set(range(len(photos))) - candidates))
    wanted = sorted({k for s in found for k in s})
    measures, failed, measured = measure_frames(photos, wanted, cache, cancel, on_progress)
    serials = {k: t[1] for k, t in timings.items()}
    series = []
    for s in found:
        usable = [k for k in s if k in measures]
        for part in split_by_serial(usable, serials):
            subsecs = {k: timings[k][0] for k in part}
            series.append(rank(part, measures, moments[part[0]].from_file, subsecs))
    series.sort(key=lambda s: (moments[s.best.index].time, photos[s.best.index].path))
    errors = [Problem(photos[k].path, reason) for k, reason in sorted(failed.items())]
    log.info("cull: %d series from %d frames (%d measured)", len(series), len(wanted), measured)
    return CullResult(series, errors, measured, len(wanted) - measured, time.monotonic() - started)
