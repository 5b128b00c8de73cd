"""Trash batches across runs in the app: Undo of a batch moved earlier, and a batch a crash cut short."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from photodedupe.cli import main as cli
from tests.gui.driver import Driver
from tests.killing import KILLER


def digests(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


@pytest.mark.slow
def test_undo_in_the_app_restores_a_batch_moved_by_the_cli(qtbot, make_window, library: Path) -> None:
    before = {p: p.read_bytes() for p in library.rglob("*") if p.is_file()}
    assert cli(["clean", "--apply", "--no-cache", str(library)]) == 0
    gone = [p for p in before if not p.exists()]
    assert len(gone) == 3
    user = Driver(qtbot, make_window())  # a new session: it knows the batch from its journal
    assert user.enabled("Undo move to Trash")
    user.undo()
    assert all(p.exists() and p.read_bytes() == data for p, data in before.items())
    assert "Put 3 photos back" in user.status()
    assert not user.enabled("Undo move to Trash")


@pytest.mark.slow
def test_the_app_offers_to_finish_or_undo_an_interrupted_batch(qtbot, make_window, tmp_path: Path) -> None:
    from tests.conftest import make_photo, save

    files = [save(make_photo(k, (160, 120)), tmp_path / "lib" / f"{k}.jpg") for k in range(6)]
    before = digests(files)
    subprocess.run([sys.executable, "-c", KILLER, "after-rename", "3", *map(str, files)], timeout=120)
    assert sum(p.exists() for p in files) == 3

    seen = Driver(qtbot, make_window()).answer_interrupted("Put them back")
    assert "stopped while moving photos" in seen[0]
    assert "3 photos are in the Trash, 3 were not moved yet" in seen[0]
    assert digests(files) == before

    # Again, and this time finish it.
    subprocess.run([sys.executable, "-c", KILLER, "before-rename", "2", *map(str, files)], timeout=120)
    again = Driver(qtbot, make_window())
    seen += again.answer_interrupted("Finish moving")
    assert not any(p.exists() for p in files)
    assert "Finished the interrupted move: 5 more photos" in again.status()
    again.start_again()  # settled: no question any more
    assert len(seen) == 2


@pytest.mark.slow
def test_a_cache_problem_is_shown_and_the_scan_goes_on(qtbot, make_window, library: Path, tmp_path) -> None:
    import sqlite3

    from photodedupe.core.find.cache import SCHEMA_VERSION

    conn = sqlite3.connect(tmp_path / "cache.sqlite3")  # the window's cache, from a newer photodedupe
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    user = Driver(qtbot, make_window()).add(library).wait_for_scan()
    assert len(user.groups()) == 2
    shown, words, tip = user.notice()
    assert shown and "newer photodedupe" in tip and words.startswith("⚠ The hash cache")
