"""Count the lines C libraries print on stderr while photodedupe scans hostile images.

Writes a folder of the test suite's hostile images (the fuzz seeds of every format,
each damaged many ways: bytes flipped, zeroed runs, cut short) and scans it with
``photodedupe scan --no-cache``. A line of stderr that photodedupe did not write
(it starts every line with "photodedupe") is a foreign line.

    python3 bench/foreign_stderr.py --out /tmp/hostile [--files 600] [--code /path/to/checkout]

``--code`` runs another checkout (e.g. a ``git worktree`` of an earlier commit) on the same folder.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.core.test_fuzz import SEEDS  # the seeds the fuzz test damages


def damaged(data: bytes, rng: random.Random) -> bytes:
    """One of the ways files break: flipped bytes, a zeroed run, or the end cut off."""
    out = bytearray(data)
    kind = rng.choice(["flip", "zero", "cut", "flip+cut"])
    if "flip" in kind:
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(16, len(out))] ^= rng.randrange(1, 256)
    if kind == "zero":
        start = rng.randrange(16, len(out))
        out[start : start + rng.randint(8, 256)] = bytes(min(len(out) - start, 256))[: rng.randint(8, 256)]
    if "cut" in kind:
        del out[rng.randrange(len(out) // 4, len(out)) :]
    return bytes(out)


def write(folder: Path, files: int, seed: int = 26) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(SEEDS)
    for k in range(files):
        name = names[k % len(names)]
        (folder / f"{k:04d}.{name}").write_bytes(damaged(SEEDS[name], rng))


def foreign_lines(folder: Path, code: Path | None) -> tuple[int, int, list[str]]:
    env = dict(os.environ, XDG_CACHE_HOME=str(folder.parent / "cache-foreign"))
    if code is not None:
        env["PYTHONPATH"] = str(code)
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "scan", "--no-cache", str(folder)],
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
        cwd=code or Path.cwd(),
    )
    lines = run.stderr.splitlines()
    foreign = [line for line in lines if not line.startswith("photodedupe")]
    return run.returncode, len(lines), foreign


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--code", type=Path, help="a checkout to run instead of this one")
    args = parser.parse_args()
    if not args.out.exists():
        write(args.out, args.files)
    status, total, foreign = foreign_lines(args.out, args.code)
    print(f"{args.files} hostile files: exit {status}, {total} stderr lines, {len(foreign)} foreign")
    for line in sorted(set(foreign))[:15]:
        print("  ", line)


if __name__ == "__main__":
    main()
