#!/usr/bin/env python3
"""Photos and the files that belong to them: what a clean does to them, and what finding them costs.

    python3 bench/companions.py check [--seeds 100 200 300]
    python3 bench/companions.py cost CORPUS --before CHECKOUT [--rounds 3] [--sidecars]

``check`` builds the library of ``tests/companion_library.py`` (both XMP
styles, a Live Photo with its edits, Takeout JSON in three namings, shared
Lightroom sidecars, decoys) from the pictures of each seed (drawn, or taken
from the real photographs under ``--photos``), runs the real
command ``photodedupe clean --apply --reference`` in a private home, and counts:
companions trashed with their photo (byte-identical), orphans, companions lost,
edited copies trashed, decoys touched; then ``photodedupe undo`` and whether the
library is back byte for byte, and whether the merged ratings are as exiftool
reads them.

``cost`` times a cold scan (empty cache) and a warm one (the cache just made)
of CORPUS with this checkout and with CHECKOUT (the code before companions),
alternating, one process each. With ``--sidecars`` CORPUS is first copied with
hard links and given a darktable sidecar for every third photo, a Takeout JSON
for every fifth and a Live Photo video for every seventh, so that finding and
reading them is measured too. It also times ``find_companions`` alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.companion_library import build, check, darktable_xmp, digests  # noqa: E402


def _home(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        env[var] = str(tmp / sub)
    env["XDG_STATE_HOME"] = str(tmp / "state")
    return env


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "photodedupe", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True)


def run_check(seeds: list[int], pictures: list[Path]) -> None:
    print("seed | photos moved | companions trashed | orphaned | lost | edited trashed | decoys touched "
          "| reference touched | undo exact | merged rating")  # fmt: skip
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            exp = build(tmp / "photos", seed, pictures)
            env = _home(tmp / "home")
            before = digests(exp.library)
            run = _cli(env, "clean", "--apply", "--json", "--reference", str(exp.reference),
                       str(exp.library), str(exp.reference))  # fmt: skip
            report = json.loads(run.stdout)
            figures = check(exp, before, Path(env["XDG_DATA_HOME"]) / "Trash" / "files")
            merged = exp.library / "darktable" / "IMG_3001.jpg.xmp"
            rating = None
            if shutil.which("exiftool") and merged.exists():
                command = ["exiftool", "-json", "-Rating", str(merged)]
                read = subprocess.run(command, capture_output=True, text=True)
                rating = json.loads(read.stdout)[0].get("Rating")
            undo = _cli(env, "undo")
            exact = undo.returncode == 0 and digests(exp.library) == before
            f = figures
            cells = [len(report["trashed"]), f["companions_trashed"], f["orphaned"], f["companions_lost"]]
            cells += [f["edited_copy_trashed"], f["decoys_touched"], f["reference_touched"]]
            cells += ["yes" if exact else "NO", rating]
            print(" | ".join(str(c) for c in [seed, *cells]))


def _with_sidecars(corpus: Path, out: Path) -> int:
    """A hard-linked copy of ``corpus`` with companions beside some photos; how many were added."""
    shutil.copytree(corpus, out, copy_function=os.link)
    from photodedupe.core.find.discover import is_photo_name

    photos = sorted(p for p in out.rglob("*") if p.is_file() and is_photo_name(p.name))
    added = 0
    for n, photo in enumerate(photos):
        if n % 3 == 0:
            Path(f"{photo}.xmp").write_text(darktable_xmp(n % 6, "Red" if n % 2 else "", ("bench",)))
            added += 1
        if n % 5 == 0:
            Path(f"{photo}.json").write_text('{"title": "x"}')
            added += 1
        if n % 7 == 0:
            photo.with_suffix(".MOV").write_bytes(b"\0" * 1000)
            added += 1
    return added


def _timed_scan(checkout: Path | None, folder: Path, cache_home: Path) -> float:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "photodedupe", "scan", "--json", str(folder)],
                         env=env, capture_output=True, text=True)  # fmt: skip
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"scan failed: {run.stderr[-2000:]}")
    return elapsed


def run_cost(corpus: Path, before: Path, rounds: int, sidecars: bool) -> None:
    with tempfile.TemporaryDirectory(dir=corpus.parent) as tmp_name:
        tmp = Path(tmp_name)
        folder = corpus
        if sidecars:
            folder = tmp / "library"
            print(f"added {_with_sidecars(corpus, folder)} companions to a hard-linked copy")
        times: dict[tuple[str, str], list[float]] = {}
        for r in range(rounds):
            for name, checkout in (
                (("before", before), ("after", None)) if r % 2 == 0 else (("after", None), ("before", before))
            ):
                cache = tmp / f"cache-{name}-{r}"
                times.setdefault((name, "cold"), []).append(_timed_scan(checkout, folder, cache))
                times.setdefault((name, "warm"), []).append(_timed_scan(checkout, folder, cache))
                shutil.rmtree(cache)
        for kind in ("cold", "warm"):
            b, a = (statistics.median(times[(n, kind)]) for n in ("before", "after"))
            print(f"{kind} scan: before {b:.2f} s, after {a:.2f} s ({(a / b - 1) * 100:+.1f} %), "
                  f"runs before {[round(t, 2) for t in times[('before', kind)]]}, "
                  f"after {[round(t, 2) for t in times[('after', kind)]]}")  # fmt: skip
        from photodedupe.core.find.companions import find_companions, read_edits_of
        from photodedupe.core.find.discover import find_photos

        skipped: list[str] = []
        files, _ = find_photos([str(folder)], skipped=skipped)
        started = time.perf_counter()
        found = find_companions([f.path for f in files], skipped, read_edits=False)
        alone = time.perf_counter() - started
        sidecars = {c.path: c for cs in found.values() for c in cs if c.kind == "xmp"}
        started = time.perf_counter()
        for c in sidecars.values():
            read_edits_of(c)
        reading = time.perf_counter() - started
        cold, warm = (statistics.median(times[("after", kind)]) for kind in ("cold", "warm"))
        links = sum(len(c) for c in found.values())
        print(f"finding them: {alone * 1000:.0f} ms for {len(files)} photos and {len(skipped)} other files "
              f"({links} links), {alone / cold * 100:.2f} % of the cold scan")  # fmt: skip
        print(f"reading all {len(sidecars)} XMP sidecars (a scan reads those of photos in a pair): "
              f"{reading * 1000:.0f} ms, {reading / cold * 100:.2f} % of the cold scan, "
              f"{reading / warm * 100:.2f} % of the warm one")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    ch = sub.add_parser("check")
    ch.add_argument("--seeds", type=int, nargs="+", default=[100, 200, 300])
    ch.add_argument("--photos", type=Path, help="real photographs to make the library from (default: drawn)")
    co = sub.add_parser("cost")
    co.add_argument("corpus", type=Path)
    co.add_argument("--before", type=Path, required=True, help="a checkout of the code before companions")
    co.add_argument("--rounds", type=int, default=3)
    co.add_argument("--sidecars", action="store_true")
    args = ap.parse_args()
    if args.what == "check":
        found = args.photos.rglob("*") if args.photos else ()
        run_check(args.seeds, sorted(p for p in found if p.suffix.lower() in (".jpg", ".jpeg", ".png")))
    else:
        run_cost(args.corpus.resolve(), args.before.resolve(), args.rounds, args.sidecars)


if __name__ == "__main__":
    main()
