#!/usr/bin/env python3
"""A phone's library, cold: mostly HEIC (with the thumbnail phones store), some PNG screenshots and WebP.

    python3 bench/phone.py make --sysroot ../bench-src/root --out ../phone-lib [--count 32]
    python3 bench/phone.py time --library ../phone-lib [--runs 3]

``make`` writes, from the real photographs of ../shared/bench/dev_sources.json,
``phone/``: three quarters of them as 4032×3024 HEIC with a 320×240 thumbnail
item (as an iPhone writes them), an eighth as PNG screenshots (1170×2532, the
photo inside a phone's screen) and an eighth as 1600 px WebP (as messaging
apps save them); and ``jpeg/``: the same pictures as camera JPEGs (quality 92),
the draft-decode floor. ``time`` runs a cold scan (empty cache) of each
folder and prints photos per second. Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

SPEC = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev_sources.json"


def _write(args: tuple[str, str, int]) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    source, out, k = args
    photo = Image.open(source).convert("RGB").resize((4032, 3024), Image.Resampling.LANCZOS)
    out_dir = Path(out)
    photo.save(out_dir / "jpeg" / f"IMG_{k:04d}.jpg", quality=92)
    kind = "heic" if k % 8 < 6 else ("png" if k % 8 == 6 else "webp")
    if kind == "heic":
        photo.save(out_dir / "phone" / f"IMG_{k:04d}.HEIC", quality=80, thumbnails=[320])
    elif kind == "png":
        screen = Image.new("RGB", (1170, 2532), (18, 18, 20))
        shown = photo.resize((1170, 878), Image.Resampling.LANCZOS)
        screen.paste(shown, (0, (2532 - 878) // 2))
        screen.save(out_dir / "phone" / f"Screenshot_{k:04d}.png")
    else:
        photo.resize((1600, 1200), Image.Resampling.LANCZOS).save(out_dir / "phone" / f"IMG-{k:04d}-WA.webp")


def make(args: argparse.Namespace) -> None:
    sources = [Path(args.sysroot) / s["path"] for s in json.loads(SPEC.read_text())["sources"]]
    out = Path(args.out)
    for sub in ("phone", "jpeg"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    jobs = [(str(sources[k % len(sources)]), str(out), k) for k in range(args.count)]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_write, jobs))


def cold_scan(folder: Path) -> tuple[float, int]:
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan

    with tempfile.TemporaryDirectory() as tmp, HashCache(Path(tmp) / "c.db") as cache:
        started = time.perf_counter()
        result = scan([str(folder)], cache=cache)
        return time.perf_counter() - started, len(result.photos)


def time_it(args: argparse.Namespace) -> None:
    lib = Path(args.library)
    cold_scan(lib / "jpeg")  # load numba's kernels once, outside the timings
    rows = {}
    for name in ("jpeg", "phone"):
        runs = [cold_scan(lib / name) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in runs)
        rows[name] = (seconds, runs[0][1])
    print("| folder | photos | cold scan | photos/s |")
    print("|---|---:|---:|---:|")
    for name, (seconds, count) in rows.items():
        print(f"| {name} | {count} | {seconds:.2f} s | {count / seconds:.1f} |")
    ratio = (rows["phone"][1] / rows["phone"][0]) / (rows["jpeg"][1] / rows["jpeg"][0])
    print(f"\nphone library at {ratio:.2f}× the rate of the same photos as JPEG")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("--sysroot", required=True)
    m.add_argument("--out", required=True)
    m.add_argument("--count", type=int, default=32)
    t = sub.add_parser("time")
    t.add_argument("--library", required=True)
    t.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    make(args) if args.command == "make" else time_it(args)


if __name__ == "__main__":
    main()
