#!/usr/bin/env python3
"""Where a cold scan spends its time: cProfile of a whole scan, decoding included.

    python3 bench/profile_scan.py --photos ../corpus-dev/photos [--limit 400] [--top 25]

Decoding normally runs on worker threads, which cProfile does not see; here the
scan's thread pool is swapped for one that runs each job at once on the calling
thread, so every stage lands in one profile (the work is the same, only not in
parallel). No cache is used. Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
from concurrent.futures import Future
from pathlib import Path

import photodedupe.core.find.scan as scan_module
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.discover import find_photos


class InlineExecutor:
    """A stand-in for ThreadPoolExecutor that runs each job when it is submitted."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future

    def map(self, fn, *iterables):
        return map(fn, *iterables)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", required=True)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    folder = args.photos
    with tempfile.TemporaryDirectory() as tmp:
        if args.limit:
            files, _ = find_photos([folder])
            for k, f in enumerate(files[: args.limit]):
                os.symlink(f.path, os.path.join(tmp, f"{k:06d}{Path(f.path).suffix}"))
            folder = tmp
        scan_module.ThreadPoolExecutor = InlineExecutor  # type: ignore[misc,assignment]
        profile = cProfile.Profile()
        with HashCache(None) as cache:
            profile.enable()
            result = scan_module.scan([folder], cache=cache)
            profile.disable()
    print(f"{len(result.photos)} photos, {len(result.edges)} pairs")
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
