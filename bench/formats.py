#!/usr/bin/env python3
"""Every format against its JPEG twin and against its own floor: decoded?, hash distance, times.

    python3 bench/formats.py [--photo CAMERA.jpg] [--runs 5] [--code CHECKOUT]

Takes one real camera photo (by default the largest JPEG of the development
corpus), writes it in each format (RAW as a DNG with the camera's preview
embedded, as cameras write it, and one without a preview), then times on each
(median of --runs, one thread): the format's *floor*, the cheapest decode that
gives the pixels the hash needs, by the cheapest decoder installed (libjpeg-turbo
by simplejpeg at 1/8 scale, or the least that keeps the hash's 144 pixels a side;
a HEIF's thumbnail; a RAW's preview; the whole picture where the format cannot
decode smaller), and
``decode_photo``. With ``--code``, the same files are timed with another
checkout's ``decode_photo`` too (e.g. a ``git worktree`` of an earlier commit),
in the same run. Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from photodedupe.core.find.decode import PhotoError, decode_photo
from photodedupe.core.find.hashing import hamming
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


def floor(path: Path) -> None:
    """The least any hasher must decode of ``path``, by the cheapest decoder installed here: what
    photodedupe's decode could at best cost."""
    import simplejpeg

    def jpeg_eighth(data: bytes) -> None:
        """libjpeg-turbo, grey, from memory, at the smallest scale (down to 1/8) that keeps the
        144 pixels a side the hash is made from (a 1,024 px preview: 1/4, not 1/8's 96 pixels)."""
        height, width = simplejpeg.decode_jpeg_header(data)[:2]
        side = 9 * 16  # the grid's side × decode._WORKING_SCALE
        scale = next(s for s in (8, 4, 2, 1) if min(width, height) // side >= s or s == 1)
        least = {"min_width": -(-width // scale), "min_height": -(-height // scale)}
        simplejpeg.decode_jpeg(data, colorspace="GRAY", **least)

    if path.suffix == ".dng":
        import rawpy

        with rawpy.imread(str(path)) as raw:
            try:
                thumb = raw.extract_thumb()
            except rawpy.LibRawNoThumbnailError:
                raw.postprocess(half_size=True, use_camera_wb=True)  # as photodedupe must
                return
        jpeg_eighth(bytes(thumb.data))
        return
    if path.suffix == ".jpg":
        jpeg_eighth(path.read_bytes())
        return
    with Image.open(path) as im:
        if im.format == "HEIF" and im.draft(None, (144, 144)) is not None:
            im.load()  # its thumbnail
            return
        im.draft("L", (144, 144))  # other formats decode whole
        im.load()


def floor_time(path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        floor(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


OTHER = """
import json, statistics, sys, time
try:
    from photodedupe.core.find.decode import decode_photo
except ImportError:  # a checkout from before core/ had its stage packages
    from photodedupe.core.decode import decode_photo
runs, out = int(sys.argv[1]), {}
for path in sys.argv[2:]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            decode_photo(path)
        except Exception:
            break
        times.append(time.perf_counter() - start)
    out[path] = statistics.median(times) if times else None
print(json.dumps(out))
"""


def other_checkout(code: Path, paths: list[Path], runs: int) -> dict[str, float | None]:
    """``decode_photo``'s median times in another checkout, run in a process of its own."""
    run = subprocess.run(
        [sys.executable, "-c", OTHER, str(runs), *map(str, paths)],
        env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"},
        cwd=code,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


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
    ap.add_argument("--code", type=Path, help="another checkout whose decode_photo is timed too")
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
        before = other_checkout(args.code, [p for _, p in files], args.runs) if args.code else {}
        then = f" | {args.code.name} ms" if args.code else ""
        columns = ["format", "decoded", "bits from the JPEG twin", "grouped", f"floor ms{then}", "now ms"]
        columns.append("floor/now")
        print("| " + " | ".join(columns) + " |")
        print("|---|---|---:|---|---:|" + ("---:|" if args.code else "") + "---:|---:|")
        for name, path in files:
            seconds, value, error = timed(path, args.runs)
            if seconds is None or value is None or jpeg_hash is None or jpeg_time is None:
                print(f"| {name} | no: {error} |" + " |" * (5 + bool(args.code)))
                continue
            d = hamming(value, jpeg_hash)
            grouped = "yes" if d <= default_threshold() else "no"
            least = floor_time(path, args.runs)
            earlier = before.get(str(path))
            then = (f" {earlier * 1000:.0f} |" if earlier else " — |") if args.code else ""
            print(
                f"| {name} | yes | {d} | {grouped} | {least * 1000:.0f} |{then} {seconds * 1000:.0f} "
                f"| {least / seconds:.2f} |"
            )


if __name__ == "__main__":
    main()
