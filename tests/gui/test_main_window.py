"""The main window driven as a user would: drop, scan, slide, mark, trash, undo, reopen."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from photodedupe.gui.texts import empty_hint
from tests.gui.driver import Driver


def trash_files(private_dirs: Path) -> list[str]:
    files = private_dirs / "data" / "Trash" / "files"
    return sorted(p.name for p in files.iterdir()) if files.exists() else []


def test_empty_window_says_what_to_do(user: Driver) -> None:
    assert user.empty_hint() == empty_hint()
    assert not user.enabled("Scan") and not user.enabled("Move marked to Trash")
    assert all(user.toolbar_tips())


@pytest.mark.slow
def test_drop_scan_slide_mark_trash_undo(user: Driver, library: Path, private_dirs: Path) -> None:
    assert not (private_dirs / "data" / "Trash").exists()  # a fresh account: no trash folder yet
    (library / "notes.txt").write_text("shopping list")
    user.drop(library).wait_for_scan()
    assert user.folders() == [str(library)]
    assert user.group_sizes() == [2, 3]
    assert "1 problem file" in user.status()
    assert "1 other file skipped (not photos)" in user.status()

    # The slider regroups without rescanning: the forest PNG is 2 bits from its JPEG, so at 0 bits
    # only the beach group is left.
    user.slide_to(0)
    assert user.group_sizes() == [3]
    user.slide_to(14)
    assert user.group_sizes() == [2, 3]

    # Show the beach group and mark two photos: one with a click on its mark box, one with Space.
    user.show_group_of(3)
    user.click_mark_box(1)
    user.select_photo(2)
    user.press_space()
    marked = user.marked_paths()
    assert len(marked) == 2 and user.enabled("Move marked to Trash")

    seen = user.trash_marked(("Move 2",))
    assert "Move 2 photos" in seen[0] and "restored" in seen[0]
    assert all(not os.path.exists(p) for p in marked)
    assert sorted(trash_files(private_dirs)) == sorted(os.path.basename(p) for p in marked)
    assert user.group_sizes() == [2]  # one beach photo left: its group is gone

    user.undo()
    assert all(os.path.exists(p) for p in marked) and trash_files(private_dirs) == []
    assert user.group_sizes() == [2, 3] and not user.enabled("Undo move to Trash")


@pytest.mark.slow
def test_emptying_a_group_needs_a_second_yes(user: Driver, library: Path) -> None:
    user.add(library).wait_for_scan()
    user.show_group_of(2)
    user.select_all_photos()
    user.menu("Toggle mark")  # Ctrl+A, Space: a key never marks the ★
    assert len(user.marked_paths()) == 1 and "keys never mark it" in user.status()
    user.click_mark_box(0)  # the ★'s own box: marked, and the user is told which photo that is
    paths = user.marked_paths()
    assert len(paths) == 2 and user.status().startswith("Marked ★")

    seen = user.trash_marked(("Move 2", "Cancel"))
    assert len(seen) == 2 and "every photo is marked" in seen[1]
    assert all(os.path.exists(p) for p in paths)

    user.trash_marked(("Move 2", "Move them all"))
    assert not any(os.path.exists(p) for p in paths)


@pytest.mark.slow
def test_reference_folder_is_never_marked(user: Driver, library: Path) -> None:
    archive = library.parent / "Archive"
    user.add(library, archive).wait_for_scan()
    user.tick_reference(archive)
    assert user.review.reference_folders == [str(archive)]
    user.menu("Mark all but the best in all groups")
    # The archive copy is kept although it is not the largest; every other beach copy is marked.
    assert {"beach.jpg", "beach_small.jpg", "beach_q50.jpg"} <= user.marked()
    assert "beach_archive.jpg" not in user.marked()


@pytest.mark.slow
def test_changed_file_is_skipped_and_reported(user: Driver, library: Path) -> None:
    user.add(library).wait_for_scan()
    user.menu("Mark all but the best in all groups")
    victim = sorted(user.marked_paths())[0]
    with open(victim, "ab") as fh:
        fh.write(b"edited after the scan")
    user.trash_marked()
    user.qtbot.waitUntil(lambda: user.dialog() is not None)
    [(path, reason)] = user.problems()
    assert path == victim and "changed on disk since the scan" in reason
    assert os.path.exists(victim)


@pytest.mark.slow
def test_cancel_midway_keeps_what_was_hashed(qtbot, make_window, tmp_path: Path) -> None:
    from tests.conftest import make_photo, save

    big = tmp_path / "Many"
    for k in range(30):
        photo = make_photo(100 + k, (500, 375)).resize((2000, 1500))
        save(photo, big / f"p{k:02d}.png", compress_level=1)
    user = Driver(qtbot, make_window()).add(big)
    qtbot.waitUntil(lambda: user.status().startswith("Reading new photos"), timeout=30_000)
    clicked = time.monotonic()
    user.click_cancel()
    qtbot.waitUntil(lambda: not user.scanning(), timeout=5_000)
    assert time.monotonic() - clicked < 2.0  # only the decodes under way finish
    assert "Scan cancelled" in user.status()
    # Groups found before the cancel may stay on screen, marked as incomplete.
    assert not user.has_results() or not user.review.result.complete
    assert user.enabled("Scan")

    user.menu("Scan")
    user.wait_for_scan()
    stats = user.review.result.stats
    assert stats.from_cache > 0 and stats.hashed + stats.from_cache == 30


@pytest.mark.slow
def test_settings_and_results_come_back(qtbot, make_window, library: Path) -> None:
    first = Driver(qtbot, make_window()).add(library).wait_for_scan()
    first.slide_to(20)
    first.menu("Mark all but the best in all groups")
    marked = first.marked_paths()
    first.window.resize(700, 500)  # the offscreen screen is 800×600
    size = (first.window.width(), first.window.height())
    assert size != (1200, 800)
    first.window.close()

    second = Driver(qtbot, make_window())
    assert second.folders() == [str(library)] and second.slider_value() == 20
    second.wait_for_scan()
    assert second.review.result.stats.hashed == 0  # all from the cache
    assert second.marked_paths() == marked
    assert (second.window.width(), second.window.height()) == size


@pytest.mark.slow
def test_compare_asks_for_a_tile_that_is_there(user: Driver, library: Path) -> None:
    """Compare with no tile at that row (none current, a group that shrank) opens nothing."""
    user.add(library).wait_for_scan()
    user.show_group_of(3)
    commands = user.window.commands
    size = len(user.tiles())
    assert commands.compare(size) is None and commands.compare(-1) is None
    dialog = commands.compare(size - 1)
    assert dialog is not None
    dialog.close()


def test_compare_view(user: Driver, library: Path) -> None:
    from PySide6.QtCore import Qt

    user.add(library).wait_for_scan()
    user.show_group_of(3)
    dialog = user.open_compare(1)
    assert dialog.left.photo.path == user.tiles()[0].photo.path
    before = dialog.right.photo.path
    user.qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.right.photo.path != before
    user.qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.right.photo.path in user.marked_paths()
    dialog.close()


@pytest.mark.slow
def test_models_pass_the_model_tester(qtmodeltester, user: Driver, library: Path) -> None:
    user.add(library).wait_for_scan()
    for model in user.models():
        qtmodeltester.check(model)


@pytest.mark.slow
def test_groups_show_while_a_long_scan_runs(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    from tests.conftest import make_photo, save

    monkeypatch.setattr("photodedupe.core.find.scan._FIRST_PARTIAL", 0.0)
    lib = tmp_path / "Shoot"
    for k in range(16):
        photo = make_photo(300 + k // 2, (400, 300)).resize((1600, 1200))
        save(photo, lib / f"frame{k:02d}.png", compress_level=1)  # pairs of the same frame
    user = Driver(qtbot, make_window()).add(lib)
    qtbot.waitUntil(lambda: user.has_results() and bool(user.review.groups), timeout=30_000)
    if user.scanning():  # still scanning: what is shown is marked as provisional
        assert not user.review.result.complete
        assert "read so far" in user.title()
        user.select_all_photos()
        user.menu("Toggle mark")
        assert not user.marked()  # nothing can be marked until the scan is done
    user.wait_for_scan()
    qtbot.waitUntil(lambda: user.review.result.complete)
    assert user.group_sizes() == [2] * 8 and user.first_group_seconds() is not None
