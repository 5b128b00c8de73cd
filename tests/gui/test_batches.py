"""Trash batches across runs in the app: Undo of a batch moved earlier, and a batch a crash cut short."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from photodedupe.cli import main as cli
from tests.gui.conftest import answer_dialogs
from tests.killing import KILLER


def digests(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_undo_in_the_app_restores_a_batch_moved_by_the_cli(qtbot, make_window, library: Path) -> None:
    before = {p: p.read_bytes() for p in library.rglob("*") if p.is_file()}
    assert cli(["clean", "--apply", "--no-cache", str(library)]) == 0
    gone = [p for p in before if not p.exists()]
    assert len(gone) == 3
    window = make_window()  # a new session: it knows the batch from its journal
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.file_job is None and window.last_batch is None)
    assert all(p.exists() and p.read_bytes() == data for p, data in before.items())
    assert "Put 3 photos back" in window.status_label.text()
    assert not window.act_undo.isEnabled()


def test_the_app_offers_to_finish_or_undo_an_interrupted_batch(qtbot, make_window, tmp_path: Path) -> None:
    from tests.conftest import make_photo, save

    files = [save(make_photo(k, (160, 120)), tmp_path / "lib" / f"{k}.jpg") for k in range(6)]
    before = digests(files)
    subprocess.run([sys.executable, "-c", KILLER, "after-rename", "3", *map(str, files)], timeout=120)
    assert sum(p.exists() for p in files) == 3

    window = make_window()
    seen: list[str] = []
    answer_dialogs(["Put them back"], seen)
    window.check_interrupted()
    assert "stopped while moving photos" in seen[0]
    assert "3 photos are in the Trash, 3 were not moved yet" in seen[0]
    qtbot.waitUntil(lambda: window.file_job is None)
    assert digests(files) == before

    # Again, and this time finish it.
    subprocess.run([sys.executable, "-c", KILLER, "before-rename", "2", *map(str, files)], timeout=120)
    window2 = make_window()
    answer_dialogs(["Finish moving"], seen)
    window2.check_interrupted()
    qtbot.waitUntil(lambda: window2.file_job is None)
    assert not any(p.exists() for p in files)
    assert "Finished the interrupted move: 5 more photos" in window2.status_label.text()
    window2.check_interrupted()  # settled: no question any more
    assert len(seen) == 2


def test_a_cache_problem_is_shown_and_the_scan_goes_on(qtbot, make_window, library: Path, tmp_path) -> None:
    import sqlite3

    from photodedupe.core.cache import SCHEMA_VERSION
    from tests.gui.conftest import wait_scan

    conn = sqlite3.connect(tmp_path / "cache.sqlite3")  # the window's cache, from a newer photodedupe
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    window = make_window()
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    assert len(window.review.groups) == 2
    assert window.notice_label.isVisible()
    assert "newer photodedupe" in window.notice_label.toolTip()
    assert window.notice_label.text().startswith("⚠ The hash cache")
