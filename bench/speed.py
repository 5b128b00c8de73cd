#!/usr/bin/env python3
"""Speed of a photodedupe scan against a plain ImageHash ``dhash`` loop, on the same files, in one run.

    python3 bench/speed.py --photos ../corpus-dev/photos [--camera] [--limit N] [--repeat 2]

Prints, for the same files: the bare draft-decode floor (libjpeg at 1/8
scale, nothing else; 1 and 2 threads), the ImageHash loop (``imagehash.dhash(Image.open(p))``,
what a simple script does), photodedupe cold scans with 1 and 2 decode
threads (no cache), a warm rescan from the cache, and what JPEG draft decoding
saves and costs (time per photo, and the hash difference in bits against a
full decode). Run by hand, not by CI. Needs ``pip install ImageHash``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image, ImageOps

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.discover import find_photos
from photodedupe.core.find.hashing import dhash_from_grid, hamming
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.scan import scan


def imagehash_loop(paths: list[str]) -> float:
    start = time.perf_counter()
    for p in paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                imagehash.dhash(Image.open(p))
        except Exception:
            pass
    return time.perf_counter() - start


def _draft_decode(path: str) -> None:
    try:
        with Image.open(path) as im:
            im.draft("L", (im.width // 8, im.height // 8))
            im.load()
    except Exception:  # a damaged or non-image file: as the ImageHash loop, skip it
        pass


def draft_floor(paths: list[str], workers: int) -> float:
    """The bare minimum any JPEG hasher must do: libjpeg's 1/8-scale grayscale decode, nothing else."""
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(_draft_decode, paths))
    return time.perf_counter() - start


def is_camera_jpeg(path: str) -> bool:
    """A JPEG of 8 megapixels or more: what a camera or phone writes."""
    try:
        with Image.open(path) as im:
            return im.format == "JPEG" and im.width * im.height >= 8_000_000
    except Exception:
        return False


def photodedupe_scan(folder: str, workers: int, cache_path: str | None) -> tuple[float, int]:
    with HashCache(cache_path) as cache:
        start = time.perf_counter()
        result = scan([folder], cache=cache, options=ScanOptions(workers=workers))
        return time.perf_counter() - start, result.stats.hashed


def full_decode_hash(path: str) -> int:
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im)
        grid = np.asarray(im.convert("L").convert("F").resize((9, 9), Image.Resampling.LANCZOS))
    return dhash_from_grid(grid)


def draft_comparison(jpegs: list[str]) -> tuple[float, float, list[int]]:
    t_full = t_draft = 0.0
    diffs = []
    for p in jpegs:
        a = time.perf_counter()
        full = full_decode_hash(p)
        b = time.perf_counter()
        drafted = decode_photo(p).hash
        c = time.perf_counter()
        t_full += b - a
        t_draft += c - b
        diffs.append(hamming(full, drafted))
    return t_full / len(jpegs), t_draft / len(jpegs), diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", required=True, help="folder to scan (e.g. corpus-dev/photos)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the cold measurements, keep the best")
    ap.add_argument("--camera", action="store_true", help="only JPEGs of 8 MP or more (camera originals)")
    args = ap.parse_args()
    files, _ = find_photos([args.photos])
    paths = [f.path for f in files]
    folder = args.photos
    tmp = tempfile.TemporaryDirectory()
    if args.camera:
        paths = [p for p in paths if is_camera_jpeg(p)]
    if args.limit or args.camera:
        paths = paths[: args.limit or None]
        folder = tmp.name
        for k, p in enumerate(paths):  # hard links: a scan skips symbolic links to photos
            target = os.path.join(folder, f"{k:06d}{Path(p).suffix}")
            try:
                os.link(p, target)
            except OSError:  # another file system
                shutil.copyfile(p, target)
    n = len(paths)
    megabytes = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"{n} files, {megabytes:.0f} MB, {os.cpu_count()} CPUs", flush=True)

    rows: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, fn in (
            ("ImageHash dhash loop (1 thread)", lambda: imagehash_loop(paths)),
            ("draft-decode floor, 1 thread", lambda: draft_floor(paths, 1)),
            ("draft-decode floor, 2 threads", lambda: draft_floor(paths, 2)),
            ("photodedupe cold scan, 1 thread", lambda: photodedupe_scan(folder, 1, None)[0]),
            ("photodedupe cold scan, 2 threads", lambda: photodedupe_scan(folder, 2, None)[0]),
        ):
            seconds = fn()
            rows[name] = min(rows.get(name, seconds), seconds)
            print(f"  {name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    cache_file = os.path.join(tmp.name, "cache.sqlite3")
    photodedupe_scan(folder, 0, cache_file)
    warm, hashed = photodedupe_scan(folder, 0, cache_file)
    assert hashed == 0
    rows["photodedupe warm rescan (cache)"] = warm

    base = rows["ImageHash dhash loop (1 thread)"]
    print(f"\n| {'pipeline':34} | {'seconds':>8} | {'photos/s':>9} | {'speed vs ImageHash':>18} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 11}|{'-' * 20}|")
    for name, seconds in rows.items():
        print(f"| {name:34} | {seconds:8.2f} | {n / seconds:9.1f} | {base / seconds:17.1f}× |")
    one, two = rows["photodedupe cold scan, 1 thread"], rows["photodedupe cold scan, 2 threads"]
    print(f"\n2 threads vs 1: {one / two:.2f}×")
    for threads, mine in ((1, one), (2, two)):
        floor = rows[f"draft-decode floor, {threads} thread{'s' if threads > 1 else ''}"]
        print(f"photodedupe cold scan vs the draft-decode floor, {threads} thread(s): {mine / floor:.2f}×")

    big = [p for p in paths if p.lower().endswith((".jpg", ".jpeg")) and os.path.getsize(p) > 1_000_000]
    jpegs = big[:150]
    if jpegs:
        full, drafted, diffs = draft_comparison(jpegs)
        d = np.array(diffs)
        print(
            f"\nJPEG draft (1/8 scale) vs full decode, {len(jpegs)} JPEGs over 1 MB: "
            f"{full * 1000:.1f} ms vs {drafted * 1000:.1f} ms per photo ({full / drafted:.1f}× faster); "
            f"hash difference median {statistics.median(diffs)} bits, "
            f"95th percentile {np.percentile(d, 95):.0f}, max {d.max()} (of 128)"
        )
    tmp.cleanup()


if __name__ == "__main__":
    main()
