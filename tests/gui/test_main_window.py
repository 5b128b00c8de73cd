"""The main window driven as a user would: drop, scan, slide, mark, trash, undo, reopen."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt

from photodedupe.gui.main_window import EMPTY_HINT, MainWindow
from tests.gui.conftest import answer_dialogs, drop_folders, wait_scan


def group_sizes(window: MainWindow) -> list[int]:
    assert window.review is not None
    return sorted(len(g.members) for g in window.review.groups)


def show_group_of(window: MainWindow, size: int) -> None:
    """Select, in the group list, the group with ``size`` photos."""
    rows = range(window.group_model.rowCount())
    row = next(r for r in rows if len(window.group_model.group(r).members) == size)
    window.group_view.setCurrentIndex(window.group_model.index(row))


def trash_files(private_dirs: Path) -> list[str]:
    files = private_dirs / "data" / "Trash" / "files"
    return sorted(p.name for p in files.iterdir()) if files.exists() else []


def test_empty_window_says_what_to_do(window: MainWindow) -> None:
    assert window.empty.isVisible() and window.empty.text() == EMPTY_HINT
    assert not window.act_scan.isEnabled() and not window.act_trash.isEnabled()
    assert all(a.toolTip() for a in window.toolbar.actions() if not a.isSeparator())


def test_drop_scan_slide_mark_trash_undo(
    qtbot, window: MainWindow, library: Path, private_dirs: Path
) -> None:
    assert not (private_dirs / "data" / "Trash").exists()  # a fresh account: no trash folder yet
    (library / "notes.txt").write_text("shopping list")
    drop_folders(window, [library])
    assert window.folders.folders() == [str(library)]
    wait_scan(qtbot, window)
    assert group_sizes(window) == [2, 3]
    assert "1 problem file" in window.status_label.text()
    assert "1 other file skipped (not photos)" in window.status_label.text()

    # The slider regroups without rescanning: the forest PNG is 2 bits from its JPEG, so at 0 bits
    # only the beach group is left.
    window.slider.slider.setValue(0)
    qtbot.waitUntil(lambda: window.review.threshold == 0)
    assert group_sizes(window) == [3]
    window.slider.slider.setValue(14)
    qtbot.waitUntil(lambda: window.review.threshold == 14)
    assert group_sizes(window) == [2, 3]

    # Show the beach group and mark two photos: one with a click on its mark box, one with Space.
    show_group_of(window, 3)
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=window.mark_box_at(1))
    window.grid.setCurrentIndex(window.grid_model.index(2))
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    marked = {window.review.photos[k].path for k in window.review.marked}
    assert len(marked) == 2 and window.act_trash.isEnabled()

    seen: list[str] = []
    answer_dialogs(["Move 2"], seen)
    window.act_trash.trigger()
    qtbot.waitUntil(lambda: window.file_job is None and bool(window.last_batch))
    assert "Move 2 photos" in seen[0] and "restored" in seen[0]
    assert all(not os.path.exists(p) for p in marked)
    assert sorted(trash_files(private_dirs)) == sorted(os.path.basename(p) for p in marked)
    assert group_sizes(window) == [2]  # one beach photo left: its group is gone

    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.file_job is None and not window.last_batch)
    assert all(os.path.exists(p) for p in marked) and trash_files(private_dirs) == []
    assert group_sizes(window) == [2, 3]


def test_emptying_a_group_needs_a_second_yes(qtbot, window: MainWindow, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    show_group_of(window, 2)
    window.grid.selectAll()
    window.toggle_selected()
    paths = [window.review.photos[k].path for k in window.review.marked]
    assert len(paths) == 2

    seen: list[str] = []
    answer_dialogs(["Move 2", "Cancel"], seen)
    window.act_trash.trigger()
    assert len(seen) == 2 and "every photo is marked" in seen[1]
    assert all(os.path.exists(p) for p in paths) and window.file_job is None

    answer_dialogs(["Move 2", "Move them all"], seen)
    window.act_trash.trigger()
    qtbot.waitUntil(lambda: window.file_job is None and bool(window.last_batch))
    assert not any(os.path.exists(p) for p in paths)


def test_reference_folder_is_never_marked(qtbot, window: MainWindow, library: Path) -> None:
    archive = library.parent / "Archive"
    window.add_folders([str(library), str(archive)])
    wait_scan(qtbot, window)
    window.folders.set_reference(str(archive), True)
    assert window.review.reference_folders == [str(archive)]
    window.act_best_all.trigger()
    marked = {os.path.basename(window.review.photos[k].path) for k in window.review.marked}
    # The archive copy is kept although it is not the largest; every other beach copy is marked.
    assert {"beach.jpg", "beach_small.jpg", "beach_q50.jpg"} <= marked
    assert "beach_archive.jpg" not in marked


def test_changed_file_is_skipped_and_reported(qtbot, window: MainWindow, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    window.act_best_all.trigger()
    victim = window.review.photos[sorted(window.review.marked)[0]].path
    with open(victim, "ab") as fh:
        fh.write(b"edited after the scan")
    answer_dialogs(["Move"], [])
    window.act_trash.trigger()
    qtbot.waitUntil(lambda: window.file_job is None and hasattr(window, "failures_dialog"))
    table = window.failures_dialog.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == victim
    assert "changed on disk since the scan" in table.item(0, 1).text()
    assert os.path.exists(victim)


def test_cancel_midway_keeps_what_was_hashed(qtbot, make_window, tmp_path: Path) -> None:
    from tests.conftest import make_photo, save

    big = tmp_path / "Many"
    for k in range(30):
        photo = make_photo(100 + k, (500, 375)).resize((2000, 1500))
        save(photo, big / f"p{k:02d}.png", compress_level=1)
    window = make_window()
    window.add_folders([str(big)])
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Reading new photos"), timeout=30_000)
    clicked = time.monotonic()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scan_job is None, timeout=5_000)
    assert time.monotonic() - clicked < 2.0  # only the decodes under way finish
    assert "Scan cancelled" in window.status_label.text()
    # Groups found before the cancel may stay on screen, marked as incomplete.
    assert window.review is None or not window.review.result.complete
    assert window.act_scan.isEnabled()

    window.act_scan.trigger()
    wait_scan(qtbot, window)
    stats = window.review.result.stats
    assert stats.from_cache > 0 and stats.hashed + stats.from_cache == 30


def test_settings_and_results_come_back(qtbot, make_window, library: Path) -> None:
    first = make_window()
    first.add_folders([str(library)])
    wait_scan(qtbot, first)
    first.slider.setValue(20)
    qtbot.waitUntil(lambda: first.review.threshold == 20)
    first.act_best_all.trigger()
    marked = {first.review.photos[k].path for k in first.review.marked}
    first.resize(700, 500)  # the offscreen screen is 800×600
    size = (first.width(), first.height())
    assert size != (1200, 800)
    first.close()

    second = make_window()
    assert second.folders.folders() == [str(library)] and second.slider.value() == 20
    wait_scan(qtbot, second)
    assert second.review.result.stats.hashed == 0  # all from the cache
    assert {second.review.photos[k].path for k in second.review.marked} == marked
    assert (second.width(), second.height()) == size


def test_compare_view(qtbot, window: MainWindow, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    show_group_of(window, 3)
    qtbot.mouseDClick(
        window.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.grid.visualRect(window.grid_model.index(1)).center(),
    )
    dialog = window.compare_dialog
    qtbot.waitUntil(
        lambda: not dialog.left.view.item.pixmap().isNull() and not dialog.right.view.item.pixmap().isNull()
    )
    assert dialog.left.photo.path == window.review.photos[window.grid_model.photo_index(0)].path
    before = dialog.right.photo.path
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.right.photo.path != before
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert window.review.index_of(dialog.right.photo.path) in window.review.marked
    dialog.close()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, window: MainWindow, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    qtmodeltester.check(window.group_model)
    qtmodeltester.check(window.grid_model)


def test_groups_show_while_a_long_scan_runs(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    from tests.conftest import make_photo, save

    monkeypatch.setattr("photodedupe.core.scan._FIRST_PARTIAL", 0.0)
    lib = tmp_path / "Shoot"
    for k in range(16):
        photo = make_photo(300 + k // 2, (400, 300)).resize((1600, 1200))
        save(photo, lib / f"frame{k:02d}.png", compress_level=1)  # pairs of the same frame
    window = make_window()
    window.add_folders([str(lib)])
    qtbot.waitUntil(lambda: window.review is not None and bool(window.review.groups), timeout=30_000)
    if window.scan_job is not None:  # still scanning: what is shown is marked as provisional
        assert not window.review.result.complete
        assert "read so far" in window.group_title.text()
        window.grid.selectAll()
        window.toggle_selected()
        assert not window.review.marked  # nothing can be marked until the scan is done
    wait_scan(qtbot, window)
    qtbot.waitUntil(lambda: window.review.result.complete)
    assert group_sizes(window) == [2] * 8 and window.first_group_seconds is not None
