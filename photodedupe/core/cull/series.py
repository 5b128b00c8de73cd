"""Series: the frames of one moment, taken close together by one camera and looking alike.

A photographer's burst is six or ten frames a few pixels apart, taken tenths
of a second apart. Duplicates are split by time (core.moments); series are
joined by it. Frames join a series when they are

* from the same camera (make and model; the body's serial number, when the
  frames carry one, splits two bodies of one model: see ``split_by_serial``),
  at the same size, in the same format and JPEG quality (a resized or re-saved
  copy is not another frame; see ``copies`` for the copies of one frame),
* taken within ``window`` seconds of a frame of the series (EXIF date taken;
  photos without one use the file's time, and say so),
* and within ``SERIES_BITS`` of one of the series' last frames: a looser look
  than for duplicates (the subject moves, the framing drifts), because time
  has already narrowed the candidates to a handful.

A frame that fits no open series starts its own, so an unrelated photo taken
in the same second stays apart, and so does another camera's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line's --help reads DEFAULT_WINDOW without importing numpy
    from photodedupe.core.model import Photo

DEFAULT_WINDOW = 2.0  # seconds between two frames of one series
#: Largest distance (of 128 bits) between a frame and the series it joins; chosen on bench/bursts.py.
SERIES_BITS = 36
_LOOK_BACK = 3  # a frame is compared with this many of the series' latest frames


@dataclass(frozen=True, slots=True)
class Moment:
    """When and with what a photo was taken, as far as the series rule goes."""

    time: float  # seconds
    camera: str
    from_file: bool  # no EXIF date taken: the file's modification time stands in


def moment(photo: Photo, subsec: float = 0.0) -> Moment:
    from photodedupe.core.moments import UNKNOWN, seconds

    taken = seconds(photo.info.taken)
    if taken == UNKNOWN:
        return Moment(photo.file.mtime_ns / 1e9, photo.info.camera or "", True)
    return Moment(taken + subsec, photo.info.camera or "", False)


def _distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def find_series(
    photos: Sequence[Photo],
    window: float = DEFAULT_WINDOW,
    moments: Sequence[Moment] | None = None,
    max_bits: int = SERIES_BITS,
    skip: set[int] | frozenset[int] = frozenset(),
) -> list[list[int]]:
    """Photo indices of each series of two frames or more, in the order they were taken.

    ``skip``: photos left out, such as the copies of a frame (core.cull.ranking).
    """
    moments = moments if moments is not None else [moment(p) for p in photos]
    by_camera: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for k, m in enumerate(moments):
        if k in skip:
            continue
        info = photos[k].info
        # A camera writes a burst's frames at one size, in one format, with one JPEG quality:
        # a resized or re-saved copy (a PNG, a JPEG at 60) is not another frame.
        size = (info.width, info.height)  # as shown: a turned copy (2312×1736, 1736×2312) is no frame
        by_camera[(m.camera, m.from_file, size, info.format, info.quality)].append(k)
    found: list[list[int]] = []
    for indices in by_camera.values():
        indices.sort(key=lambda k: (moments[k].time, photos[k].path))
        open_series: list[list[int]] = []
        for k in indices:
            t = moments[k].time
            # A whole-second date taken is up to a second off: allow for it unless sub-seconds are known.
            slack = 1.0 if moments[k].time == int(moments[k].time) else 0.0
            open_series = [s for s in open_series if t - moments[s[-1]].time <= window + slack]
            best, best_bits = None, max_bits + 1
            for s in open_series:
                bits = min(_distance(photos[k].info.hash, photos[j].info.hash) for j in s[-_LOOK_BACK:])
                if bits < best_bits:
                    best, best_bits = s, bits
            if best is None:
                best = []
                open_series.append(best)
                found.append(best)
            best.append(k)
    return [s for s in found if len(s) > 1]


def split_by_serial(series: list[int], serials: dict[int, str]) -> list[list[int]]:
    """Two bodies of one model in one series: a series per serial number.

    Frames without a serial join the first body's.
    """
    parts: dict[str, list[int]] = defaultdict(list)
    known = [serials.get(k, "") for k in series if serials.get(k, "")]
    first = known[0] if known else ""
    for k in series:
        parts[serials.get(k, "") or first].append(k)
    return [p for p in parts.values() if len(p) > 1]


def copies(
    photos: Sequence[Photo], moments: Sequence[Moment], subsec: dict[int, float], bits: int
) -> set[int]:
    """Photos that are copies of another frame (all but the one saved first), to leave out.

    Two photos of one camera with the same date taken *and* the same
    sub-seconds are one frame saved twice: a camera never writes two frames
    with one time. Without sub-seconds (edits often drop them, some cameras
    never write them) the same second means one frame only when the two are
    also within ``bits`` of each other, the duplicate finder's default level;
    without a date taken at all, looking alike within ``bits`` is enough.
    """
    by_time: dict[tuple[str, bool, int | None, float], list[int]] = defaultdict(list)
    for k, s in subsec.items():
        m = moments[k]
        # A file's time says when the file was written, and copies are written at other times than
        # their original: among photos with no date taken, any two that look alike are copies.
        when = None if m.from_file else int(m.time)
        by_time[(m.camera, m.from_file, when, s)].append(k)
    out: set[int] = set()
    for key, same in by_time.items():
        same.sort(key=lambda k: (photos[k].file.mtime_ns, photos[k].path))  # the others were made from it
        exact = key[3] > 0  # sub-seconds known and equal
        kept: list[int] = []
        for k in same:
            # A flipped or turned copy hashes far from its original, but one of its 8 orientations does not.
            turned = photos[k].info.orientations()
            if any(exact or min(_distance(h, photos[j].info.hash) for h in turned) <= bits for j in kept):
                out.add(k)
            else:
                kept.append(k)
    return out
