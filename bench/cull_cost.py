#!/usr/bin/env python3
"""What culling costs on top of a scan, on any folder (run by hand, not by CI).

    python3 bench/cull_cost.py FOLDER [--runs 3]

Each run starts from an empty cache: a cold scan, then the cull split in its
two parts: finding the series (every photo: grouping by camera and time, plus
reading the EXIF sub-seconds of the candidates — no decoding), and measuring
the frames that are in a series (decoded again at about 1600 px). Prints the
medians and their shares of the scan time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from photodedupe.core.cull.series import copies, find_series, moment
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.frames import measure_frames
from photodedupe.core.find.quality import timing
from photodedupe.core.find.scan import scan
from photodedupe.core.thresholds import default_threshold


def one_run(folder: str) -> tuple[float, float, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp, HashCache(Path(tmp) / "c.db") as cache:
        started = time.perf_counter()
        result = scan([folder], cache=cache)
        scanned = time.perf_counter() - started
        started = time.perf_counter()
        photos = result.photos
        moments = [moment(p) for p in photos]
        candidates = sorted({k for s in find_series(photos, 2.0, moments) for k in s})
        timings = {k: timing(photos[k].path) for k in candidates}
        for k, (subsec, _serial) in timings.items():
            moments[k] = moment(photos[k], subsec)
        skip = copies(photos, moments, {k: t[0] for k, t in timings.items()}, default_threshold())
        frames = sorted({k for s in find_series(photos, 2.0, moments, skip=skip) for k in s})
        found = time.perf_counter() - started
        started = time.perf_counter()
        measure_frames(photos, frames, cache)
        measured = time.perf_counter() - started
    return scanned, found, measured, len(photos), len(frames)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs = [one_run(args.folder) for _ in range(args.runs)]
    scanned, found, measured = (statistics.median(r[i] for r in runs) for i in range(3))
    photos, frames = runs[0][3], runs[0][4]
    print(f"{photos} photos, {frames} in a series ({args.runs} runs, medians)")
    print(f"scan (cold)            {scanned:7.2f} s")
    print(
        f"finding the series     {found:7.2f} s  = {100 * found / scanned:5.1f} % of the scan (every photo)"
    )
    per_frame = 1000 * measured / frames if frames else 0.0
    print(
        f"measuring the frames   {measured:7.2f} s  = {100 * measured / scanned:5.1f} % "
        f"({per_frame:.0f} ms a frame)"
    )


if __name__ == "__main__":
    main()
