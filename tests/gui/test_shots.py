"""Shots mode, driven as a photographer would: series best first, P/X/U, the loupe, keep the best N."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.bursts import T0, burst, scene
from tests.conftest import save
from tests.gui.driver import Driver


@pytest.fixture
def shoot(tmp_path: Path) -> tuple[Path, list[Path], list[Path]]:
    folder = tmp_path / "Shoot"
    one = burst(folder, 21, frames=5, sharp=3)
    two = burst(folder, 22, frames=4, sharp=1, start=T0 + dt.timedelta(minutes=2))
    save(scene(23), folder / "landscape.jpg", quality=90)  # a photo in no series
    return folder, one, two


@pytest.mark.slow
def test_series_best_first_with_quality_bars(qtbot, make_window, shoot) -> None:
    folder, one, two = shoot
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    assert sorted(map(sorted, user.groups())) == sorted(
        [sorted(p.name for p in one), sorted(p.name for p in two)]
    )
    user.select_group(0)
    tiles = user.tiles()
    assert tiles[0].photo.path == str(one[3]) and tiles[0].keeper and tiles[0].why.startswith("sharpest")
    assert tiles[0].score == 1.0 and all(t.score < 1.0 for t in tiles[1:])
    assert tiles[1].note.endswith("% as sharp as the best")
    assert "5 frames" in user.title() and "2 series" in user.status()
    user.menu("Duplicates")  # and back: the duplicates are as they were
    assert not any(t.score for t in user.tiles())


@pytest.mark.slow
def test_pick_reject_clear_advance_and_keep_best_two(qtbot, make_window, shoot) -> None:
    folder = shoot[0]
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.select_group(0)
    names = user.tile_names()
    user.select_photo(1)
    user.press("X")  # reject: marked, and on to the next frame
    assert user.marked() == {names[1]} and user.current_tile() == 2
    user.press("P")  # pick: kept, never marked
    assert user.tiles()[2].picked and names[2] not in user.marked() and user.current_tile() == 3
    user.select_photo(1)
    user.press("U")
    assert user.marked() == set()
    user.select_photo(4)
    user.press("X")  # the last frame of the series: on to the next series
    assert user.selected_group() == 1 and user.current_tile() == 0
    user.set_keep_best(2)
    user.menu("Unmark all")
    user.menu("Mark all but the best in all groups")
    assert len(user.marked()) == (5 - 2) + (4 - 2)


@pytest.mark.slow
def test_loupe_opens_at_the_sharpest_spot_at_100_percent(qtbot, make_window, shoot) -> None:
    folder, _one, _two = shoot
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.select_photo(0)
    user.press("Z")
    loupe = user.dialog()
    qtbot.waitUntil(lambda: not loupe.view.item.pixmap().isNull(), timeout=10_000)
    frame = user.review.frame(user.tiles()[0].member.index)
    shown = loupe.view.transform().m11() * 4000 * loupe.devicePixelRatioF()  # compare._SCENE_WIDTH
    assert round(shown) == 1200  # the frame's own width: pixel for pixel
    cx, cy = loupe.centre()
    rx, ry = frame.quality.region
    assert abs(cx - rx) < 0.2 and abs(cy - ry) < 0.2


@pytest.mark.slow
def test_rejected_frames_go_to_the_trash_and_come_back(qtbot, make_window, shoot) -> None:
    folder, one, two = shoot
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.menu("Mark all but the best in all groups")
    user.trash_marked(("Move",))
    assert sorted(p.name for p in folder.iterdir()) == sorted([one[3].name, two[1].name, "landscape.jpg"])
    assert user.groups() == []
    user.undo()
    assert len(list(folder.iterdir())) == 10 and sorted(len(g) for g in user.groups()) == [4, 5]


@pytest.mark.slow
def test_the_mode_is_remembered(qtbot, make_window, shoot) -> None:
    user = Driver(qtbot, make_window()).drop(shoot[0]).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.window.close()
    again = Driver(qtbot, make_window()).wait_for_scan().wait_for_cull()
    assert again.action("Shots (culling)").isChecked() and len(again.groups()) == 2


@pytest.mark.slow
def test_frames_moved_in_shots_are_gone_from_the_duplicates_too(qtbot, make_window, shoot) -> None:
    folder, one, _two = shoot
    save(scene(21), folder / "copy of the sharp one.png")  # a duplicate, so Duplicates has a group
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.menu("Mark all but the best in all groups")
    user.trash_marked(("Move",))
    user.menu("Duplicates")
    user.wait_for_scan()
    shown = set().union(*user.groups()) if user.groups() else set()
    assert not shown & {p.name for p in one if not p.exists()}


@pytest.mark.slow
def test_picks_and_rejects_come_back_after_a_restart(qtbot, make_window, shoot) -> None:
    """Issue 24: 97 rejects were gone after a normal restart; Shots' flags were never saved."""
    user = Driver(qtbot, make_window()).drop(shoot[0]).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.select_group(0)
    user.select_photo(1)
    user.press("P")  # picks the second frame, goes on to the third
    user.press("X")  # rejects the third
    picked, rejected = user.tiles()[1].photo.path, user.tiles()[2].photo.path
    assert user.tiles()[1].picked and user.marked_paths() == {rejected}
    user.menu("Duplicates")  # and back: still there
    user.menu("Shots (culling)")
    user.wait_for_cull()
    assert user.marked_paths() == {rejected}
    user.window.close()

    again = Driver(qtbot, make_window()).wait_for_scan().wait_for_cull()
    review = again.review
    assert again.marked_paths() == {rejected}
    assert {review.photos[k].path for k in review.picked} == {picked}


@pytest.mark.slow
def test_while_frames_are_measured_shots_shows_no_duplicates_and_says_so(qtbot, make_window, shoot) -> None:
    folder, _one, _two = shoot
    save(scene(23), folder / "landscape copy.png")  # a duplicate, so Duplicates has a group
    user = Driver(qtbot, make_window()).drop(folder).wait_for_scan()
    assert user.groups()
    user.menu("Shots (culling)")
    assert user.window.review is None  # not the duplicate groups, while the series are measured
    assert "measuring their frames" in user.empty_hint()
    user.wait_for_cull()
    assert all(len(g) > 2 for g in user.groups())  # the series only: the copy's pair is no series
    user.menu("Duplicates")
    assert {"landscape.jpg", "landscape copy.png"} in user.groups()


@pytest.mark.slow
def test_with_keep_best_two_both_kept_frames_carry_a_badge(qtbot, make_window, shoot) -> None:
    user = Driver(qtbot, make_window()).drop(shoot[0]).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.set_keep_best(2)
    user.select_group(0)
    tiles = user.tiles()
    assert tiles[0].keeper and tiles[1].kept and not any(t.kept for t in tiles[2:])
    user.menu("Mark all but the best in all groups")
    assert not (tiles[0].photo.path in user.marked_paths() or tiles[1].photo.path in user.marked_paths())


@pytest.mark.slow
def test_side_by_side_speaks_of_frames_not_copies(qtbot, make_window, tmp_path: Path) -> None:
    frames = burst(tmp_path / "Shoot", 31, frames=4, sharp=0, start=T0 + dt.timedelta(seconds=0.8))
    user = Driver(qtbot, make_window()).drop(frames[0].parent).wait_for_scan()  # frames in two seconds
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.select_group(0)
    later = next(
        r for r, t in enumerate(user.tiles()) if t.photo.info.taken != user.tiles()[0].photo.info.taken
    )
    caption = user.open_compare(later).right.title.text()
    assert "compared with the best" in caption and "% as sharp" in caption
    assert "Loose" not in caption and "different shots" not in caption
