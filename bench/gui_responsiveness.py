#!/usr/bin/env python3
"""How responsive the window stays while it scans: the longest event-loop stall, and Scan → first group.

    QT_QPA_PLATFORM=offscreen python3 bench/gui_responsiveness.py --photos ../corpus-dev/photos

A 10 ms QTimer heartbeat runs in the GUI thread during the whole scan; the
longest gap between two beats is the longest time the window could not
react. Runs a cold scan (empty cache) and a warm one (everything cached), then
moves the slider across its range and times each regroup. Run by hand.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import tempfile
import time


def scroll_big_group(app, work: str, count: int) -> None:
    """A burst of ``count`` near-identical frames: scroll its grid top to bottom while thumbnails load."""
    from PIL import Image, ImageEnhance
    from PySide6.QtCore import QSettings

    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings

    folder = os.path.join(work, "burst")
    os.makedirs(folder)
    base = Image.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    for k in range(count):
        frame = ImageEnhance.Brightness(base).enhance(0.9 + 0.2 * k / count)
        frame.save(os.path.join(folder, f"IMG_{k:04d}.jpg"), quality=85)
    window = MainWindow(
        settings=Settings(QSettings(os.path.join(work, "s2.ini"), QSettings.Format.IniFormat)),
        cache_path=os.path.join(work, "cache2.sqlite3"),
    )
    window.resize(1280, 800)
    window.show()
    window.folders.add_folders([folder], scan=False)
    window.start_scan()
    while window.scans.running or window.review is None or not window.review.result.complete:
        app.processEvents()
        time.sleep(0.005)
    bar = window.panel.grid.verticalScrollBar()
    frames = []
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep() // 4)):
        t = time.perf_counter()
        bar.setValue(value)
        window.panel.grid.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - t)
    photos = window.panel.grid.model().rowCount()
    print(
        f"scrolling a group of {photos} photos: {len(frames)} steps, frame time median "
        f"{statistics.median(frames) * 1000:.1f} ms, max {max(frames) * 1000:.1f} ms "
        f"(thumbnails loading meanwhile; cache holds {len(window.loader)})"
    )
    window.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", required=True)
    ap.add_argument("--big-group", type=int, default=400, help="photos in the group to scroll through")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="photodedupe-gui-bench-")
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = os.path.join(work, var.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from photodedupe.gui.app import create_app
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings

    app = create_app()
    window = MainWindow(
        settings=Settings(QSettings(os.path.join(work, "s.ini"), QSettings.Format.IniFormat)),
        cache_path=os.path.join(work, "cache.sqlite3"),
    )
    window.resize(1280, 800)
    window.show()
    window.folders.add_folders([os.path.abspath(args.photos)], scan=False)

    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))

    def run(label: str) -> None:
        beats.clear()
        heart.start()
        start = time.perf_counter()
        window.start_scan()
        first_group = None
        while window.scans.running or window.review is None:
            app.processEvents()
            if first_group is None and window.review is not None and len(window.review.groups):
                first_group = time.perf_counter() - start
            time.sleep(0.002)
        if first_group is None and len(window.review.groups):
            first_group = time.perf_counter() - start
        # let the first thumbnails paint, as a user would see them
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
        heart.stop()
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        stats = window.review.result.stats
        took = time.perf_counter() - start - 1
        p99 = statistics.quantiles(gaps, n=100)[98]
        print(
            f"{label}: {stats.files} files ({stats.hashed} decoded) in {took:.1f} s; "
            f"Scan → first group shown {first_group:.2f} s; "
            f"longest event-loop stall {max(gaps) * 1000:.0f} ms, "
            f"99th percentile gap {p99 * 1000:.0f} ms over {len(gaps)} beats"
        )

    run("cold scan")
    run("warm scan")
    times = []
    for bits in list(range(0, 21, 2)) + list(range(20, -1, -2)):  # there and back: each level met again
        t = time.perf_counter()
        window.panel.slider.thresholdChanged.emit(bits)  # as the slider does once it rests
        app.processEvents()
        times.append(time.perf_counter() - t)
    print(
        f"slider: regroup + redraw over {len(times)} moves: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms ({len(window.review.photos)} photos)"
    )
    window.close()
    QApplication.processEvents()
    scroll_big_group(app, work, args.big_group)


if __name__ == "__main__":
    main()
