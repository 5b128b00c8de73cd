#!/usr/bin/env python3
"""Straightened copies: are they grouped with their original? (issue 17's missing transformation)

    python3 bench/straighten.py --sysroot ../bench-src/root [--count 35] [--out DIR]
    python3 bench/straighten.py --photos DIR [--angles -4,-1,1,2.5]   # other photos, other angles

A photo editor's straighten tool turns the picture by a degree or two and
crops it to the largest upright rectangle of the same shape inside it. For
``--count`` photos of ../shared/bench/dev_sources.json this writes the
original (3000 px wide, JPEG 92) and four straightened copies (±1.5°, ±3°),
scans them, and counts the copies grouped with their original at each level.
Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from PIL import Image

from photodedupe.core.find.features import straighten
from photodedupe.core.keep.keeper import keeper_for

SPEC = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev_sources.json"
ANGLES = (-3.0, -1.5, 1.5, 3.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sysroot", help="where the spec's Debian packages are unpacked")
    ap.add_argument("--photos", help="use the photos in this folder instead of the spec's")
    ap.add_argument("--angles", help="comma list of degrees (default: -3,-1.5,1.5,3)")
    ap.add_argument("--count", type=int, default=35)
    ap.add_argument("--out", default=None, help="keep the photos here (default: a temporary folder)")
    args = ap.parse_args()
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan
    from photodedupe.core.thresholds import default_threshold, levels

    angles = [float(a) for a in args.angles.split(",")] if args.angles else list(ANGLES)
    if args.photos:
        paths = sorted(
            p for p in Path(args.photos).iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png")
        )
    elif args.sysroot:
        paths = [Path(args.sysroot) / s["path"] for s in json.loads(SPEC.read_text())["sources"]]
    else:
        ap.error("give --sysroot or --photos")
    sources = paths[: args.count]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or tmp)
        out.mkdir(parents=True, exist_ok=True)
        for k, source in enumerate(sources):
            im = Image.open(source).convert("RGB")
            im = im.resize((3000, round(im.height * 3000 / im.width)), Image.Resampling.LANCZOS)
            im.save(out / f"p{k:02d}_original.jpg", quality=92)
            for angle in angles:
                straighten(im, angle).save(out / f"p{k:02d}_turned{angle:+.1f}.jpg", quality=92)
        with HashCache(None) as cache:
            result = scan([str(out)], cache=cache)
        names = [Path(p.path).name for p in result.photos]
        copies = len(sources) * len(angles)
        print(f"{len(sources)} photos, {copies} straightened copies, angles {angles}")
        print("| level | grouped with their original | photos grouped with another's |")
        print("|---|---:|---:|")
        for level in levels():
            found = wrong = 0
            grouped = set()
            for group in result.groups(level.bits, keeper_for(result)):
                members = {names[m.index] for m in group.members}
                wrong += len(members) - max(
                    sum(n.startswith(p) for n in members) for p in {n[:3] for n in members}
                )
                for name in members:
                    if "_turned" in name and name.split("_")[0] + "_original.jpg" in members:
                        found += 1
                        grouped.add(name)
            print(f"| {level.name} ({level.bits} bits) | {found}/{copies} | {wrong} |")
            if level.bits == default_threshold():
                missed = [n for n in names if "_turned" in n and n not in grouped]
        print("missed at the default level:", ", ".join(f"{n} ({sources[int(n[1:3])].name})" for n in missed))


if __name__ == "__main__":
    main()
