#!/usr/bin/env python3
"""The window with a large library: how long each thing a user does keeps its thread busy.

    QT_QPA_PLATFORM=offscreen python3 bench/window_scale.py [--photos 100000]

Builds a synthetic library as ``bench/scale.py`` does (realistic clusters, a third of the photos
in groups), finds its pairs, makes the first review as a scan's thread does
(``prepare_review``), then times, on the window's thread, each step with the events it
causes: the scan's result shown, slider moves, the details table shown and hidden (and a
slider move while it is shown), a group selected, "Mark all but the best" in all groups and
"Unmark all". Run by hand, not by CI. numba's compiled code goes to a temporary cache, so the
first steps include compiling what the scan's thread did not.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", type=int, default=100_000)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="photodedupe-window-scale-")
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = os.path.join(work, var.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import numpy as np
    from PySide6.QtCore import QSettings
    from scale import library

    from photodedupe.core.find.index import candidate_edges
    from photodedupe.core.find.result import ScanResult
    from photodedupe.core.kernels import prefer_compiled
    from photodedupe.core.model import FileEntry, Photo, PhotoInfo, ScanStats
    from photodedupe.core.review import prepare_review
    from photodedupe.core.thresholds import max_threshold
    from photodedupe.gui.app import create_app
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings
    from photodedupe.gui.window_actions import Act

    n = args.photos
    words, turned, windows = library(n)
    edges = candidate_edges(words, max_threshold(), None, turned, windows)
    tones = np.random.default_rng(5).integers(0, 256, (n, 64), dtype=np.uint8)
    photos = [
        Photo(
            FileEntry(f"/p/{k // 1000:03d}/IMG_{k:07d}.jpg", 1_000_000 + k, k),
            PhotoInfo(hash=k, width=4000, height=3000, quality=90, tone=tones[k].tobytes()),
        )
        for k in range(n)
    ]
    result = ScanResult(photos, [], ScanStats(files=n), 128, edges)
    prefer_compiled()
    app = create_app()
    settings = Settings(QSettings(os.path.join(work, "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, cache_path=os.path.join(work, "cache.sqlite3"))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    prepare_review(result, window.panel.slider.value())
    print(f"{n:,} photos, {len(edges.i):,} pairs; the first review in the scan's thread: "
          f"{time.perf_counter() - start:.2f} s")  # fmt: skip

    def timed(label: str, step: Callable[[], object]) -> None:
        start = time.perf_counter()
        step()
        app.processEvents()
        print(f"  {label}: {(time.perf_counter() - start) * 1000:.0f} ms")

    timed("the scan's result shown", lambda: window._scan_finished(result))
    grouped = len(window.review.groups.members) if window.review is not None else 0
    print(f"  ({grouped:,} photos in {len(window.review.groups) if window.review else 0:,} groups)")
    for bits in (4, 10, 20, 16):
        timed(f"slider to {bits} bits", lambda bits=bits: window.panel.slider.thresholdChanged.emit(bits))
    timed("details table shown", window.panel.toggle_details)
    timed("slider to 12 bits, the table shown", lambda: window.panel.slider.thresholdChanged.emit(12))
    timed("details table hidden", window.panel.toggle_details)
    timed("a group selected", lambda: window.panel.groups.select_group(500))
    timed("Mark all but the best, all groups", window.actions_[Act.BEST_ALL].trigger)
    timed("Unmark all", window.actions_[Act.UNMARK_ALL].trigger)
    window.close()


if __name__ == "__main__":
    main()
