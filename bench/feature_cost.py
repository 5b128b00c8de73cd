#!/usr/bin/env python3
"""What the match-quality stages cost per photo, against the plain dHash pipeline, side by side.

    python3 bench/feature_cost.py --photos ../corpus-dev/photos [--limit 300]

Plain: open, JPEG draft, grayscale, 9×9 Lanczos grid, 128-bit dHash.
photodedupe: the same decode plus the framed-picture search, 8 orientation
hashes, 5 crop-window hashes and the 32×32 thumbnail (decode_photo). Both run
on one thread over the same files, alternating, best of --repeat. Also prints
the cache bytes per photo and the time to find and verify the pairs.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.discover import find_photos
from photodedupe.core.find.hashing import dhash_from_grid
from photodedupe.core.find.scan import scan


def plain(path: str) -> int:
    with Image.open(path) as im:
        im.draft("L", (72, 72))
        im = ImageOps.exif_transpose(im).convert("L")
        grid = np.asarray(im.convert("F").resize((9, 9), Image.Resampling.LANCZOS))
    return dhash_from_grid(grid)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", required=True)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    files, _ = find_photos([args.photos])
    paths = [f.path for f in files if f.path.lower().endswith((".jpg", ".jpeg"))][: args.limit]
    best = {"plain dHash": float("inf"), "photodedupe": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("plain dHash", plain), ("photodedupe", decode_photo)):
            start = time.perf_counter()
            for p in paths:
                with contextlib.suppress(Exception):  # broken files cost the same in both
                    fn(p)
            best[name] = min(best[name], time.perf_counter() - start)
    a, b = best["plain dHash"], best["photodedupe"]
    print(
        f"{len(paths)} JPEGs, one thread: plain dHash {a / len(paths) * 1000:.1f} ms/photo, "
        f"photodedupe {b / len(paths) * 1000:.1f} ms/photo: {b / a:.2f}× the plain pipeline"
    )

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cache.sqlite3"
        with HashCache(db) as cache:
            scan([args.photos], cache=cache)
        with HashCache(db) as cache:
            t = time.perf_counter()
            result = scan([args.photos], cache=cache)
            warm = time.perf_counter() - t
        conn = sqlite3.connect(db)
        row = conn.execute(
            "SELECT avg(length(hash)), avg(length(content)), avg(length(windows)), avg(length(thumb)), "
            "count(*) FROM photos WHERE hash IS NOT NULL"
        ).fetchone()
        conn.close()
    print(
        f"cache bytes per photo: plain hash {row[0]:.0f}, + orientation hashes {row[1]:.0f}, "
        f"+ window hashes {row[2]:.0f}, + thumbnail {row[3]:.0f} = {sum(row[:4]):.0f} "
        f"({sum(row[:4]) / row[0]:.0f}× the hash alone; {row[4]} photos)"
    )
    print(
        f"warm rescan of {len(result.photos)} photos (pairs found and verified again): {warm:.2f} s, "
        f"{len(result.edges)} verified pairs"
    )


if __name__ == "__main__":
    main()
