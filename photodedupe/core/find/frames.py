"""Frames of one moment in a group, measured so the ``sharpest`` rule keeps the best of them.

A group of copies holds a photo and what was made from it: their pixels tell
which is the original (the ``central`` rule). A burst shown under Duplicates,
or a re-take, holds frames none of which was made from another; there the
sharpest, best exposed frame should stay, never the one whose file was saved a
few milliseconds first. Such frames look like what a camera writes frame after
frame: each with the camera's metadata, of one size, format and JPEG quality,
yet different files taken at different instants (date taken and its
sub-seconds). A copy keeps the instant of the photo it was made from (a
brightened or re-saved copy does), so the files of one instant are one frame
and its copies: the one saved first is measured for all of them, and
``central`` then tells the original among them.

Only such frames are measured (``core.find.quality``, 20–60 ms each, cached), in
the groups at the default level, where photos of different seconds are never
grouped: frames within a second of each other (a burst), or of cameras set to
other time zones. A library of copies costs nothing more to scan.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import PhotoError
from photodedupe.core.find.quality import RECIPE, Quality, assess, exposure_factor, timing
from photodedupe.core.find.result import ScanResult
from photodedupe.core.model import FileEntry, Photo
from photodedupe.core.moments import same_moment, seconds
from photodedupe.core.progress import CancelToken
from photodedupe.core.thresholds import default_threshold

#: When a frame was taken, as finely as its files tell: photos of one instant are one frame and its copies.
Instant = tuple[object, ...]


def moment_frames(result: ScanResult, read: dict[int, str] | None = None) -> dict[int, Instant]:
    """Each photo that is one of several frames of a moment in a group, with the key of its
    instant: the photos of one key are a frame and its copies. Sub-seconds that had to be read
    from a file (its cached row predates them) go into ``read``, for the cache."""
    photos = result.photos
    frames: dict[int, Instant] = {}
    if not _a_pair_of_frames(result):
        return frames  # the common case, found from the pairs alone: no groups needed
    for group in result.members(default_threshold(result.hash_bits)):
        alike: dict[Instant, list[int]] = defaultdict(list)
        for m in group.members:
            info = photos[m.index].info
            if info.camera or info.taken:  # else made by a program, not a camera
                alike[(group.reference, info.width, info.height, info.format, info.quality)].append(m.index)
        for bucket, members in alike.items():
            if len({photos[k].digest or k for k in members}) < 2:
                continue  # one file (and identical copies of it)
            instant = _instants(photos, members, {} if read is None else read)
            if len(set(instant.values())) > 1:
                frames.update((k, (bucket, instant[k])) for k in members)
    return frames


def _a_pair_of_frames(result: ScanResult) -> bool:
    """Some close pair could be two frames of a moment: from a camera, alike in size, format and
    quality, not the same file, of one moment but not known to be of one instant."""
    photos = result.photos
    within = result.edges.count_within(default_threshold(result.hash_bits))
    for a, b in zip(result.edges.i[:within].tolist(), result.edges.j[:within].tolist(), strict=True):
        x, y = photos[a].info, photos[b].info
        if not ((x.camera or x.taken) and (y.camera or y.taken)):
            continue
        if (x.width, x.height, x.format, x.quality) != (y.width, y.height, y.format, y.quality):
            continue
        if photos[a].digest is not None and photos[a].digest == photos[b].digest:
            continue
        if x.taken != y.taken:
            if x.taken and y.taken and not same_moment(seconds(x.taken), seconds(y.taken)):
                continue  # other moments: never in one group at the default level
            return True
        one, other = _SUBSEC.search(x.details or ""), _SUBSEC.search(y.details or "")
        if one is None or other is None or one.group(1) != other.group(1):
            return True  # sub-seconds differ, or are not known yet
    return False


def _instants(photos: Sequence[Photo], indices: list[int], read: dict[int, str]) -> dict[int, Instant]:
    """When each photo was taken, to the sub-second when the dates taken alone do not tell."""
    taken: dict[int, Instant] = {k: (photos[k].info.taken,) for k in indices}
    if len(set(taken.values())) == len(indices):
        return taken
    return {k: (photos[k].info.taken, _subsec(photos[k], k, read)) for k in indices}


_SUBSEC = re.compile(r'"subsec":"([^"]*)"')


def _subsec(photo: Photo, k: int, read: dict[int, str]) -> float:
    found = _SUBSEC.search(photo.info.details or "")  # Details.subsec, without parsing it all
    known = found.group(1) if found else None
    if known is None:  # cached before sub-seconds were kept: read them (about 1 ms), once
        known = read[k] = f"{timing(photo.path)[0]:g}"
    return float(known)


def measure_moments(
    result: ScanResult,
    cache: HashCache,
    cancel: CancelToken | None = None,
    workers: int = 2,
    read: dict[int, str] | None = None,
) -> dict[int, float]:
    """How sharp and well exposed each frame of a moment is (sharpness × exposure), by photo: the
    files of one instant share one measure. Frames that cannot be read are left out."""
    frames = moment_frames(result, read)
    if not frames:
        return {}
    first: dict[Instant, int] = {}  # each instant's file saved first: the frame, before its copies
    for k in sorted(frames, key=lambda k: result.photos[k].file.mtime_ns):
        first.setdefault(frames[k], k)
    measures, _, _ = measure_frames(result.photos, sorted(first.values()), cache, cancel, workers=workers)
    score = {
        key: measures[k].sharpness * exposure_factor(measures[k]) for key, k in first.items() if k in measures
    }
    return {k: score[key] for k, key in frames.items() if key in score}


def measure_frames(
    photos: Sequence[Photo],
    indices: Sequence[int],
    cache: HashCache,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    workers: int = 2,
) -> tuple[dict[int, Quality], dict[int, str], int]:
    """Measures of ``indices`` (from the cache, else decoded on ``workers`` threads), the reasons of
    those that could not be measured, and how many were decoded."""
    files = [photos[k].file for k in indices]
    cached = cache.lookup_frames(files, RECIPE)
    measures: dict[int, Quality] = {}
    failed: dict[int, str] = {}
    todo = []
    for k in indices:
        text = cached.get(photos[k].path)
        if text is None:
            todo.append(k)
            continue
        found = Quality.from_json(text)
        if isinstance(found, str):
            failed[k] = found
        else:
            measures[k] = found

    def one(k: int) -> tuple[int, Quality | PhotoError]:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            return k, assess(photos[k].path)
        except PhotoError as exc:
            return k, exc

    store: list[tuple[FileEntry, str]] = []
    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="photodedupe-frames") as pool:
        for done, (k, outcome) in enumerate(pool.map(one, todo), 1):
            if isinstance(outcome, PhotoError):
                failed[k] = str(outcome)
                if outcome.lasting:
                    store.append((photos[k].file, json.dumps({"error": str(outcome)})))
            else:
                measures[k] = outcome
                store.append((photos[k].file, outcome.to_json()))
            if on_progress is not None:
                on_progress(done, len(todo))
    cache.store_frames(store, RECIPE)
    return measures, failed, len(todo)
