"""A whole cold scan against the decode floor, both timed as a user waits: from the command to its end.

    python3 bench/floor.py --photos DIR [--min-megapixels 8] [--rounds 5] [--code CHECKOUT ...] [--imagehash]

The floor is Pillow's reduced ("draft", 1/8 scale) RGB decode of the same JPEGs in two
processes and nothing else, started as a command of its own. The cheapest decode is the same
with simplejpeg in grey (libjpeg-turbo from memory): the least any JPEG hasher here can do. photodedupe is
``python -m photodedupe scan --no-cache DIR``. They run in turns, ``--rounds`` times, and
the medians are compared: speed ratio = floor time / photodedupe time (1.0 = as fast as
decoding alone). Byte code is written and used, as an installed package has it
(``PYTHONDONTWRITEBYTECODE`` is removed), and one run of each warms the page cache first.
``--code`` times other checkouts too (e.g. a ``git worktree`` of an earlier commit).
``--imagehash`` adds a plain ImageHash ``dhash`` loop, one thread, as a simple script is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys
from concurrent.futures import ProcessPoolExecutor
from PIL import Image

def decode(path):
    with Image.open(path) as im:
        im.draft("RGB", (im.width // 8, im.height // 8))
        im.load()
"""

# The least a JPEG hasher can decode with the libraries installed here: libjpeg-turbo's 1/8-scale
# grey decode from memory (simplejpeg), what photodedupe itself now decodes camera JPEGs with.
CHEAPEST = """
import sys
from concurrent.futures import ProcessPoolExecutor
import simplejpeg

def decode(path):
    data = open(path, "rb").read()
    height, width = simplejpeg.decode_jpeg_header(data)[:2]
    simplejpeg.decode_jpeg(data, colorspace="GRAY", min_width=-(-width // 8), min_height=-(-height // 8))
"""

# What a simple script does (the held-out check's "plain ImageHash loop"): one thread, every photo
# decoded whole by Pillow, dhash'd by ImageHash. Needs ``pip install ImageHash``; timed once a round.
IMAGEHASH = """
import sys, warnings
import imagehash
from PIL import Image

if __name__ == "__main__":
    warnings.simplefilter("ignore")
    for path in open(sys.argv[1]).read().splitlines():
        imagehash.dhash(Image.open(path))
"""

MAIN = """

if __name__ == "__main__":
    paths = [line for line in open(sys.argv[1]).read().splitlines() if line]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(decode, paths, chunksize=8))
"""


def camera_jpegs(folder: Path, megapixels: float) -> list[str]:
    """The JPEGs under ``folder`` of at least ``megapixels``, by their headers."""
    from PIL import Image

    found = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                with Image.open(path) as im:
                    if im.format == "JPEG" and im.width * im.height >= megapixels * 1e6:
                        found.append(path)
            except Exception:
                continue
    return found


def timed(command: list[str], env: dict[str, str], cwd: str | None = None) -> float:
    start = time.perf_counter()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(command, env=env, cwd=cwd, check=True, **quiet)
    return time.perf_counter() - start


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--photos", type=Path, required=True)
    parser.add_argument("--min-megapixels", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--code", type=Path, nargs="*", default=[], help="other checkouts to time too")
    parser.add_argument(
        "--imagehash", action="store_true", help="time a plain ImageHash loop too (~0.1 s a photo)"
    )
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        paths = camera_jpegs(args.photos, args.min_megapixels)
        for k, path in enumerate(paths):  # links: the same files, in one folder of their own
            os.link(path, folder / f"{k:05d}.jpg")
        listing = Path(tmp) / "paths.txt"
        listing.write_text("\n".join(str(p) for p in sorted(folder.iterdir())))
        runs = {}
        for name, code in (("floor", FLOOR), ("cheapest decode", CHEAPEST)):
            script = Path(tmp) / f"{name.split()[0]}.py"
            script.write_text(code + MAIN)
            runs[name] = [sys.executable, str(script), str(listing)]
        if args.imagehash:
            script = Path(tmp) / "imagehash_loop.py"
            script.write_text(IMAGEHASH)
            runs["ImageHash loop"] = [sys.executable, str(script), str(listing)]
        checkouts = {"photodedupe": None} | {f"photodedupe@{c.name}": c for c in args.code}
        for name in checkouts:
            runs[name] = [sys.executable, "-m", "photodedupe", "scan", "--no-cache", str(folder)]
        times: dict[str, list[float]] = {name: [] for name in runs}
        for round_ in range(args.rounds + 1):
            for name, command in runs.items():
                code = checkouts.get(name)
                run_env = env if code is None else {**env, "PYTHONPATH": str(code)}
                took = timed(command, run_env, str(code) if code else None)
                if round_:  # the first round only warms caches and writes byte code
                    times[name].append(took)
    floor = statistics.median(times["floor"])
    print(f"{len(paths)} JPEGs of {args.min_megapixels:g} MP or more, {args.rounds} rounds, medians:")
    for name, took in times.items():
        middle = statistics.median(took)
        ratio = "" if name == "floor" else f"  speed {floor / middle:.2f}× the floor's"
        if name.startswith("photodedupe"):
            ratio += f", {statistics.median(times['cheapest decode']) / middle:.2f}× the cheapest decode's"
            if "ImageHash loop" in times:
                ratio += f", {statistics.median(times['ImageHash loop']) / middle:.1f}× the ImageHash loop's"
        print(f"  {name:24s} {middle:6.2f} s  (range {min(took):.2f}–{max(took):.2f}){ratio}")


if __name__ == "__main__":
    main()
