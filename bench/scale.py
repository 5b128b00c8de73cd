#!/usr/bin/env python3
"""Speed and memory at scale: warm rescan, pair search, regroup, memory (issue "Speed at scale").

    python3 bench/scale.py [--sizes 100000,1000000] [--warm 100000] [--tmp DIR]

Synthetic libraries with realistic clusters: most photos stand alone, the rest
come in clusters of 2-10 copies a few bits apart (like resized or recompressed
copies), some of them rotated (their turned hash meets the original), every
photo with 11 window hashes about 20 bits from its own hash (as measured
on real photos). Prints one table per goal. Run by hand, not by CI; 1,000,000
photos need about 2 GB of RAM and several minutes.

Cold scans of real photos, side by side with an ImageHash loop and the bare
draft-decode floor, are in bench/speed.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.features import WINDOW_COUNT
from photodedupe.core.find.grouping import codes, group_photos
from photodedupe.core.find.index import candidate_edges
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import scan
from photodedupe.core.model import FileEntry, Photo, PhotoInfo, ScanStats
from photodedupe.core.review import Review
from photodedupe.core.thresholds import default_threshold, levels, max_threshold


def reset_peak() -> None:
    """Start VmHWM again from the present RSS (Linux): the peak of building the synthetic library
    is not the search's (it had been counted as the search's: 842 MB of which 776 came before it)."""
    with contextlib.suppress(OSError):  # not Linux, or not allowed
        Path("/proc/self/clear_refs").write_text("5")


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def flip(rows: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each row with about counts[k] random bits flipped (a bit drawn twice flips back)."""
    pos = rng.integers(0, 128, (len(rows), int(counts.max(initial=0))))
    used = np.arange(pos.shape[1])[None, :] < counts[:, None]
    out = rows.copy()
    for w in range(2):
        here = used & (pos // 64 == w)
        bits = np.where(here, np.uint64(1) << (pos % 64).astype(np.uint64), np.uint64(0))
        out[:, w] ^= np.bitwise_xor.reduce(bits, axis=1) if bits.shape[1] else np.uint64(0)
    return out


def library(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hashes N×2, turned 8×N×2, windows K×N×2) uint64 for ``n`` synthetic photos."""
    rng = np.random.default_rng(seed)
    words = rng.integers(0, 2**64 - 1, (n, 2), dtype=np.uint64, endpoint=True)
    # 30 % of photos are copies of the photo just before them in a cluster.
    sizes = rng.choice([1, 2, 3, 4, 6, 10], size=n, p=[0.7, 0.12, 0.08, 0.05, 0.03, 0.02])
    starts = np.cumsum(sizes)
    starts = starts[starts < n]
    copy = np.zeros(n, bool)
    for s, size in zip(np.concatenate([[0], starts]), sizes, strict=False):
        copy[s + 1 : min(n, s + size)] = True
    centre = np.maximum.accumulate(np.where(copy, 0, np.arange(n)))
    idx = np.flatnonzero(copy)
    words[idx] = flip(words[centre[idx]], rng.integers(0, 15, len(idx)), rng)
    turned = rng.integers(0, 2**64 - 1, (8, n, 2), dtype=np.uint64, endpoint=True)
    turned[0] = words
    rotated = idx[rng.random(len(idx)) < 0.1]  # a tenth of the copies are turned copies
    turned[1, rotated] = flip(words[centre[rotated]], rng.integers(0, 6, len(rotated)), rng)
    windows = np.stack([flip(words, rng.integers(14, 26, n), rng) for _ in range(WINDOW_COUNT)])
    return words, turned, windows


def search_and_group(n: int) -> dict[str, float]:
    words, turned, windows = library(n)
    reset_peak()
    base = rss_mb()
    start = time.perf_counter()
    edges = candidate_edges(words, max_threshold(), None, turned, windows)
    search = time.perf_counter() - start
    after_search = rss_mb("VmHWM")
    del turned, windows
    digests = codes([None] * n)
    times = {}
    for level in levels():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            groups = group_photos(n, edges, level.bits, digests, None, digests if level.bits <= 16 else None)
            runs.append(time.perf_counter() - start)
        times[level.name] = statistics.median(runs)
    peak = rss_mb("VmHWM")
    # The same through a Review (what the slider calls): grouping, the photo each group keeps
    # (the default rules, tones compared) with distances from it, sorting by saving.
    tones = np.random.default_rng(5).integers(0, 256, (n, 64), dtype=np.uint8)
    photos = [
        Photo(
            FileEntry(f"/p/{k:07d}.jpg", 1_000_000 + k, k),
            PhotoInfo(hash=int(k), width=4000, height=3000, quality=90, tone=tones[k].tobytes()),
        )
        for k in range(n)
    ]
    result = ScanResult(photos, [], ScanStats(), 128, edges)
    start = time.perf_counter()
    review = Review(result, default_threshold())
    setup = time.perf_counter() - start

    def moves(thresholds: list[int]) -> list[float]:
        runs = []
        for bits in thresholds:
            start = time.perf_counter()
            review.regroup(bits)
            runs.append(time.perf_counter() - start)
        return runs

    # The slider dragged to each end, a threshold at a time: each one met for the first time.
    shown = default_threshold()
    first = moves([*range(shown - 1, -1, -1), *range(shown + 1, max_threshold() + 1)])
    # Then back and forth between the named levels, all met before.
    again = moves([level.bits for level in levels()] * 3)
    return {
        "n": n,
        "search": search,
        "edges": len(edges),
        "groups": len(groups),
        **{f"group {k}": v for k, v in times.items()},
        "review": statistics.median(first),
        "review max": max(first),
        "review again": statistics.median(again),
        "review again max": max(again),
        "review setup": setup,
        "index MB": after_search - base,
        "index+groups MB": peak - base,
        "peak MB": peak,
    }


def warm_rescan(n: int, tmp: str) -> dict[str, float]:
    """``n`` sparse files, every one in the cache: time the rescan (stat + bulk lookup + stored pairs)."""
    folder = Path(tmp, "library")
    words, turned, windows = library(n, seed=1)
    rng = np.random.default_rng(2)
    entries = []
    for k in range(n):
        sub = folder / f"{k // 1000:03d}"
        if k % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"IMG_{k:07d}.jpg"
        with open(path, "wb") as f:
            f.truncate(100_000 + k * 7)  # sparse: sizes all differ, no disk used
        st = path.stat()
        entries.append(FileEntry(str(path), st.st_size, st.st_mtime_ns))

    def as_int(row: np.ndarray) -> int:
        return (int(row[0]) << 64) | int(row[1])

    def info(k: int) -> PhotoInfo:
        content = turned[:, k].astype(">u8").tobytes()
        crops = windows[:, k].astype(">u8").tobytes()
        thumb = rng.bytes(1024)
        return PhotoInfo(
            hash=as_int(words[k]), width=4000, height=3000, taken="2021-07-04T18:30", camera="Pixel",
            content=content, thumb=thumb, windows=crops,
        )  # fmt: skip

    infos = [info(k) for k in range(n)]
    cache_path = os.path.join(tmp, "cache.sqlite3")
    with HashCache(cache_path) as cache:
        cache.store(((e, info, None) for e, info in zip(entries, infos, strict=True)), 128)
    del infos
    with HashCache(cache_path) as cache:
        start = time.perf_counter()
        first = scan([str(folder)], cache=cache, options=ScanOptions())
        pairs_first = time.perf_counter() - start
    assert first.stats.hashed == 0 and len(first.photos) == n
    with HashCache(cache_path) as cache:
        start = time.perf_counter()
        warm = scan([str(folder)], cache=cache, options=ScanOptions())
        seconds = time.perf_counter() - start
    assert warm.stats.hashed == 0 and warm.stats.from_cache == n
    return {"n": n, "first (pairs found)": pairs_first, "warm": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000", help="library sizes for search/regroup/memory")
    ap.add_argument("--warm", type=int, default=100_000, help="files for the warm-rescan test (0: skip)")
    ap.add_argument("--tmp", default=None, help="folder for the warm-rescan files (sparse, no disk used)")
    args = ap.parse_args()
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}", flush=True)

    if args.warm:
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            w = warm_rescan(args.warm, tmp)
        print("\nGoal 2 - warm rescan, every file in the cache (budget 5 s)")
        print("| files | first scan (finds pairs) | warm rescan |")
        print("|---|---|---|")
        print(f"| {w['n']:,} | {w['first (pairs found)']:.1f} s | {w['warm']:.2f} s |", flush=True)

    w, t, win = library(300, seed=3)  # compile (or load) the kernels before timing
    group_photos(300, candidate_edges(w, max_threshold(), None, t, win), 8)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(search_and_group(n))
        print(f"  measured {n:,}", file=sys.stderr, flush=True)
    print("\nGoal 3 - candidate pairs up to the slider's maximum, one core (budget 10 s / 3 min)")
    print("| photos | hashes searched | pairs found | seconds |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {(8 + WINDOW_COUNT) * r['n']:,} | {r['edges']:,} | {r['search']:.1f} |")
    print("\nGoal 3 - regroup when the slider moves, median of 5 (budget 50 ms / 500 ms)")
    names = [lv.name for lv in levels()]
    print(
        "| photos | groups at max | "
        + " | ".join(names)
        + " | through Review, each threshold met first (median, max) | met again (median, max)"
        + " | Review set-up (keeper ranks) |"
    )
    print("|---|---|" + "---|" * len(names) + "---|---|---|")
    for r in rows:
        cells = " | ".join(f"{r['group ' + k] * 1000:.0f} ms" for k in names)
        print(
            f"| {r['n']:,} | {r['groups']:,} | {cells} | "
            f"{r['review'] * 1000:.0f} ms, {r['review max'] * 1000:.0f} ms | "
            f"{r['review again'] * 1000:.0f} ms, {r['review again max'] * 1000:.0f} ms | "
            f"{r['review setup']:.1f} s |"
        )
    print("\nGoal 4 - memory above the interpreter's baseline (budget 1 GB at 1,000,000)")
    print("| photos | search peak | search + groups peak | process peak |")
    print("|---|---|---|---|")
    for r in rows:
        mb = (r["index MB"], r["index+groups MB"], r["peak MB"])
        print(f"| {r['n']:,} | " + " | ".join(f"{x:.0f} MB" for x in mb) + " |")


if __name__ == "__main__":
    main()
