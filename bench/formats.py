#!/usr/bin/env python3
"""Every format against its JPEG twin: decoded?, hash distance, decode time relative to JPEG.

    python3 bench/formats.py [--photo CAMERA.jpg] [--runs 5]

Takes one real camera photo (by default the largest JPEG of the development
corpus), writes it in each format (RAW as a DNG with the camera's preview
embedded, as cameras write it, and one without a preview), then times
``decode_photo`` on each (median of --runs, one thread) and prints a table.
Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from photodedupe.core.decode import PhotoError, decode_photo
from photodedupe.core.hashing import hamming
from photodedupe.core.thresholds import default_threshold
from tests.rawfiles import make_dng

FORMATS = [
    ("JPEG", "jpg", {"quality": 92}),
    ("PNG", "png", {}),
    ("WebP", "webp", {"quality": 85}),
    ("GIF (256 colours)", "gif", {}),
    ("BMP", "bmp", {}),
    ("TIFF (LZW)", "tif", {"compression": "tiff_lzw"}),
    ("HEIC with a 320 px thumbnail (as phones write it)", "heic", {"quality": 80, "thumbnails": [320]}),
    ("HEIC without a thumbnail", "heic", {"quality": 80, "thumbnails": []}),
    ("AVIF", "avif", {"quality": 70}),
    ("JPEG XL", "jxl", {"quality": 85}),
]


def largest_corpus_jpeg() -> Path:
    photos = Path(__file__).resolve().parents[2] / "corpus-dev" / "photos"
    jpegs = [p for p in photos.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg")]
    if not jpegs:
        sys.exit("no --photo given and no development corpus at ../corpus-dev (see bench/README)")
    return max(jpegs, key=lambda p: p.stat().st_size)


def timed(path: Path, runs: int) -> tuple[float | None, int | None, str]:
    times, info = [], None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            info = decode_photo(str(path))
        except PhotoError as exc:
            return None, None, str(exc)
        times.append(time.perf_counter() - start)
    return statistics.median(times), info.hash if info else None, ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photo", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    source = args.photo or largest_corpus_jpeg()
    with Image.open(source) as im:
        photo = ImageOps.exif_transpose(im).convert("RGB")
    print(f"{source.name}: {photo.width}×{photo.height}, median of {args.runs} decodes, one thread\n")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, ext, kwargs in FORMATS:
            path = Path(tmp, f"photo{len(files)}.{ext}")
            image = photo.convert("P", palette=Image.Palette.ADAPTIVE) if ext == "gif" else photo
            image.save(path, **kwargs)
            files.append((name, path))
        side = max(photo.size)
        full = make_dng(Path(tmp, "raw.dng"), photo, preview_side=side)
        files.append(("DNG, full-size preview (camera RAW)", full))
        files.append(("DNG, 1024 px preview", make_dng(Path(tmp, "small.dng"), photo)))
        files.append(("DNG without preview", make_dng(Path(tmp, "bare.dng"), photo, preview=False)))
        jpeg_time, jpeg_hash, _ = timed(files[0][1], args.runs)
        print("| format | decoded | bits from the JPEG twin | grouped at Similar | decode ms | vs JPEG |")
        print("|---|---|---:|---|---:|---:|")
        for name, path in files:
            seconds, value, error = timed(path, args.runs)
            if seconds is None or value is None or jpeg_hash is None or jpeg_time is None:
                print(f"| {name} | no: {error} | | | | |")
                continue
            d = hamming(value, jpeg_hash)
            grouped = "yes" if d <= default_threshold() else "no"
            print(f"| {name} | yes | {d} | {grouped} | {seconds * 1000:.0f} | {seconds / jpeg_time:.1f}× |")


if __name__ == "__main__":
    main()
