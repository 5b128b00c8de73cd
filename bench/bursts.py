#!/usr/bin/env python3
"""Burst series made from real photographs, and how well ``photodedupe cull`` finds and ranks them.

    python3 bench/bursts.py make --sysroot ../bench-src/root --out ../bursts-dev [--series 24] [--seed 1]
    python3 bench/bursts.py score --corpus ../bursts-dev [--window 2] [--cache FILE]

``make`` takes photos listed in ../shared/bench/dev_sources.json (``--skip``
of them first, so a held-out set uses other photos) and, for each, shoots a
burst with camera A: 6–10 frames at 3000 px wide, each shifted by up to 2 %
and zoomed by up to 4 %, tenths of a second apart (DateTimeOriginal plus
SubSecTimeOriginal), every frame but one blurred by a known amount (Gaussian,
sigma 1.5–4 px, or motion, 6–12 px at a random angle). Into the same seconds it
mixes photos that must stay out of the series:

* camera B shooting the same scene (it looks the same: only the camera tells);
* camera A shooting another photo (same camera, same second: only the look tells);
* a second body of camera A's model shooting the scene (only the serial number tells).

``labels.json`` says which series each file belongs to (or none) and which
frame is the sharp one. ``score`` runs the core's cull on the folder and
reports pair recall, false pairs (across series, or with another camera or
photo) and how often the sharp frame is ranked first. Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

WIDTH = 3000
SPEC = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev_sources.json"
START = dt.datetime(2024, 6, 1, 10, 0, 0)


def _exif(model: str, serial: str, when: dt.datetime) -> Image.Exif:
    exif = Image.Exif()
    make = model.partition(" ")[0]
    exif[0x010F], exif[0x0110] = make, model
    sub = {
        0x9003: when.strftime("%Y:%m:%d %H:%M:%S"),
        0x9291: f"{when.microsecond // 10_000:02d}",
        0xA431: serial,
    }
    exif[0x8769] = sub
    return exif


def _frame(src: Image.Image, rng: np.random.Generator) -> Image.Image:
    """The scene again, a few pixels off: shifted up to 2 %, zoomed up to 4 %."""
    w, h = src.size
    zoom = 1 + rng.uniform(0, 0.04)
    cw, ch = w / zoom, h / zoom
    x0 = (w - cw) / 2 + rng.uniform(-0.02, 0.02) * w
    y0 = (h - ch) / 2 + rng.uniform(-0.02, 0.02) * h
    x0, y0 = min(max(x0, 0), w - cw), min(max(y0, 0), h - ch)
    return src.transform((w, h), Image.Transform.EXTENT, (x0, y0, x0 + cw, y0 + ch), Image.Resampling.BICUBIC)


def _motion(im: Image.Image, length: int, angle: float) -> Image.Image:
    a = np.asarray(im, np.float32)
    acc = np.zeros_like(a)
    for k in range(length):
        t = k - (length - 1) / 2
        acc += np.roll(a, (round(t * np.sin(angle)), round(t * np.cos(angle))), axis=(0, 1))
    return Image.fromarray(np.clip(acc / length + 0.5, 0, 255).astype(np.uint8))


def _blur(im: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, str]:
    if rng.random() < 0.5:
        sigma = float(rng.uniform(1.5, 4.0))
        return im.filter(ImageFilter.GaussianBlur(sigma)), f"gaussian {sigma:.1f}"
    length, angle = int(rng.integers(6, 13)), float(rng.uniform(0, np.pi))
    return _motion(im, length, angle), f"motion {length} px at {np.degrees(angle):.0f}°"


def make(args: argparse.Namespace) -> None:
    sources = json.loads(SPEC.read_text())["sources"][args.skip :]
    rng = np.random.default_rng(args.seed)
    out = Path(args.out)
    (out / "photos").mkdir(parents=True, exist_ok=True)
    files: list[dict] = []

    def save(im: Image.Image, name: str, model: str, serial: str, when: dt.datetime, **label) -> None:
        im.save(out / "photos" / name, quality=92, exif=_exif(model, serial, when))
        files.append({"path": name, "camera": f"{model} #{serial}", "taken": when.isoformat(), **label})

    def scene(k: int) -> Image.Image:
        im = Image.open(Path(args.sysroot) / sources[k % len(sources)]["path"]).convert("RGB")
        return im.resize((WIDTH, round(im.height * WIDTH / im.width)), Image.Resampling.LANCZOS)

    for s in range(args.series):
        src, t0 = scene(s), START + dt.timedelta(minutes=s)
        count = int(rng.integers(6, 11))
        sharp = int(rng.integers(count))
        for i in range(count):
            frame = _frame(src, rng)
            blur = "sharp"
            if i != sharp:
                frame, blur = _blur(frame, rng)
            when = t0 + dt.timedelta(seconds=0.1 * i)
            save(
                frame,
                f"A_{s:03d}_{i:02d}.jpg",
                "Canon EOS R6",
                "A1",
                when,
                series=s,
                sharp=i == sharp,
                blur=blur,
            )
        mid = t0 + dt.timedelta(seconds=0.1 * (count // 2) + 0.05)
        save(
            _frame(src, rng),
            f"B_{s:03d}.jpg",
            "NIKON Z 6",
            "B7",
            mid,
            series=None,
            why="camera B, same scene",
        )
        other = scene(s + args.series)  # a photo no burst of this set uses
        save(
            _frame(other, rng),
            f"A_{s:03d}_other.jpg",
            "Canon EOS R6",
            "A1",
            mid,
            series=None,
            why="same camera, other photo",
        )
        if s % 3 == 0:
            save(
                _frame(src, rng),
                f"A2_{s:03d}.jpg",
                "Canon EOS R6",
                "A2",
                mid,
                series=None,
                why="second body, same scene",
            )
        print(f"series {s + 1}/{args.series}: {count} frames", file=sys.stderr)
    (out / "labels.json").write_text(json.dumps({"root": "photos", "files": files}, indent=1))


def score(args: argparse.Namespace) -> None:
    from photodedupe.core.cull.ranking import cull
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan
    from photodedupe.core.keep.keeper import keeper_for
    from photodedupe.core.thresholds import default_threshold

    corpus = Path(args.corpus)
    labels = json.loads((corpus / "labels.json").read_text())
    root = (corpus / labels["root"]).resolve()
    label = {str(root / f["path"]): f for f in labels["files"]}
    with HashCache(args.cache) as cache:
        started = time.monotonic()
        result = scan([str(root)], cache=cache)
        scanned = time.monotonic() - started
        culled = cull(result, cache, window=args.window)
    paths = [p.path for p in result.photos]
    truth = {}
    for path, f in label.items():
        if f.get("series") is not None:
            truth.setdefault(f["series"], []).append(path)
    true_pairs = {frozenset(p) for members in truth.values() for p in itertools.combinations(members, 2)}
    found_pairs = {
        frozenset((paths[a.index], paths[b.index]))
        for s in culled.series
        for a, b in itertools.combinations(s.frames, 2)
    }
    wrong = found_pairs - true_pairs
    sharp_first = 0
    for members in truth.values():
        sharp = next(p for p in members if label[p]["sharp"])
        holding = [s for s in culled.series if any(paths[f.index] == sharp for f in s.frames)]
        sharp_first += bool(holding) and paths[holding[0].best.index] == sharp
    print(f"{len(truth)} series, {sum(map(len, truth.values()))} frames, {len(label)} files")
    print(
        f"pair recall {len(true_pairs & found_pairs) / len(true_pairs):.3f} "
        f"({len(true_pairs & found_pairs)}/{len(true_pairs)})"
    )
    print(f"false pairs {len(wrong)}")
    for pair in list(wrong)[:8]:
        a, b = sorted(pair)
        what = [label[p].get("why", label[p].get("series")) for p in (a, b)]
        print(f"  {Path(a).name} ({what[0]}) ~ {Path(b).name} ({what[1]})")
    print(f"sharp frame first {sharp_first}/{len(truth)} ({sharp_first / len(truth):.0%})")
    for s in culled.series:
        best = label[paths[s.best.index]]
        if not best.get("sharp"):
            names = [
                f"{Path(paths[f.index]).name}:{label[paths[f.index]].get('blur')}:{f.quality.sharpness:.0f}"
                for f in s.frames[:3]
            ]
            print("  missed:", ", ".join(names))
    # Under Duplicates (no Shots mode): the group holding a series keeps a sharp frame: the series'
    # own, or a frame of the same moment nobody blurred (camera B's, the second body's).
    keeper = keeper_for(result)
    groups = result.groups(default_threshold(), keeper)
    kept_sharp = 0
    for members in truth.values():
        sharp = next(p for p in members if label[p]["sharp"])
        holding = [g for g in groups if any(paths[m.index] == sharp for m in g.members)]
        if holding:
            star = paths[holding[0].reference]
            good = star == sharp or label[star].get("blur") is None
            kept_sharp += good
            if not good:
                why = keeper.why(holding[0], holding[0].reference)
                print(f"  duplicates kept {Path(star).name} ({label[star].get('blur')}): {why}")
    print(f"duplicates mode: the ★ is the sharp frame in {kept_sharp}/{len(truth)} series")
    whys = [keeper.why(g, g.reference) for g in groups[:3]]
    print(f"  e.g. {'; '.join(whys)}")
    print(
        f"scan {scanned:.1f} s; cull {culled.seconds:.1f} s for {culled.measured} frames measured "
        f"({1000 * culled.seconds / max(1, culled.measured):.0f} ms a frame), "
        f"{culled.from_cache} from the cache"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument(
        "--sysroot", required=True, help="where the Debian packages of dev_sources.json are unpacked"
    )
    m.add_argument("--out", required=True)
    m.add_argument("--series", type=int, default=24)
    m.add_argument("--skip", type=int, default=0, help="leave out this many sources first (a held-out set)")
    m.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("score")
    s.add_argument("--corpus", required=True)
    s.add_argument("--window", type=float, default=2.0)
    s.add_argument("--cache")
    args = ap.parse_args()
    make(args) if args.command == "make" else score(args)


if __name__ == "__main__":
    main()
