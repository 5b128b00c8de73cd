#!/usr/bin/env python3
"""Start-up as a user waits for it: from the command to the window on screen, and ``--help``.

    python3 bench/startup.py [--rounds 7] [--lang de] [--code CHECKOUT ...]

Runs ``python -m photodedupe`` on a private Xvfb display and polls (``xdotool search``)
for its window to be mapped; then ``photodedupe --help`` to its last line. Each checkout
(``--code``, e.g. a ``git worktree`` of an earlier commit) runs in turns with this one, with
fresh settings; medians are printed. Needs Xvfb and xdotool (apt-get install xvfb xdotool).
Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def window_mapped(code: Path, env: dict[str, str]) -> float:
    """Seconds from starting the app to its window being mapped on the display."""
    start = time.perf_counter()
    app = subprocess.Popen(
        [sys.executable, "-m", "photodedupe"], cwd=code, env=env, stderr=subprocess.DEVNULL
    )
    try:
        # Polled, not --sync: xdotool's --sync looks only every half second.
        search = ["xdotool", "search", "--onlyvisible", "--name", "photodedupe"]
        while subprocess.run(search, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            if time.perf_counter() - start > 60:
                raise TimeoutError("the window did not appear within a minute")
            time.sleep(0.005)
        return time.perf_counter() - start
    finally:
        app.terminate()
        app.wait(10)


def help_time(code: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "photodedupe", "--help"], cwd=code, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lang", help="the language to start in (LANG of the environment)")
    parser.add_argument("--code", type=Path, nargs="*", default=[], help="other checkouts to time too")
    args = parser.parse_args()
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        raise SystemExit("needs Xvfb and xdotool: apt-get install xvfb xdotool")
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24"], stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "QT_QPA_PLATFORM")
            }
            env |= {"DISPLAY": display, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp, "XDG_CACHE_HOME": tmp}
            if args.lang:
                env |= {"LANG": f"{args.lang}.UTF-8", "LC_ALL": f"{args.lang}.UTF-8"}
            codes = [HERE, *args.code]
            times: dict[Path, tuple[list[float], list[float]]] = {c: ([], []) for c in codes}
            for code in codes:  # warm: byte code written, files in the page cache
                window_mapped(code, env)
                help_time(code, env)
            for _ in range(args.rounds):
                for code in codes:
                    times[code][0].append(window_mapped(code, env))
                    times[code][1].append(help_time(code, env))
            print(f"{args.rounds} rounds, medians (LANG={env.get('LANG', '')}):")
            for code, (mapped, helped) in times.items():
                print(
                    f"  {code.name:20s} window mapped {statistics.median(mapped) * 1000:5.0f} ms "
                    f"(range {min(mapped) * 1000:.0f}–{max(mapped) * 1000:.0f}), "
                    f"--help {statistics.median(helped) * 1000:4.0f} ms"
                )
    finally:
        xvfb.terminate()


if __name__ == "__main__":
    main()
