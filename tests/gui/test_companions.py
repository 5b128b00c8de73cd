"""The window with photos that have sidecars, Live Photo videos and Takeout JSON (issue 22).

Driven as a user: add the folders, tick the reference folder, mark all but the
best, read the confirmation, move, look at the badges and the details table,
undo; in Shots, save the picks as ratings and read them back with exiftool.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.bursts import T0, burst
from tests.companion_library import CLEAN_FIGURES, build, check, digests
from tests.gui.conftest import answer_dialogs
from tests.gui.driver import Driver


def trash_files() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files"


@pytest.mark.slow
def test_companions_travel_with_their_photos_in_the_window(user: Driver, tmp_path: Path) -> None:
    exp = build(tmp_path)
    before = digests(exp.library)
    user.add(exp.library, exp.reference)
    user.tick_reference(exp.reference)
    user.wait_for_scan()
    user.qtbot.waitUntil(lambda: not user.scanning())
    # The badges say which copy carries the user's work; the tooltip says which files.
    user.show_group_of(2)
    for row in range(len(user.review.groups)):
        user.select_group(row)
        if "IMG_0420.JPG" in user.tile_names():
            break
    tips = user.tile_tips()
    assert "With IMG_0420.MOV (Live Photo video)" in tips["IMG_0420.JPG"]
    # The details table has a column of companions.
    user.menu("Details table")
    table = user.details()
    model = table.model
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Companions"
    assert not table.table.isColumnHidden(model.columnCount() - 1)
    whole = Qt.ItemDataRole.ToolTipRole  # the path cell shows it from the scanned folder
    cells = {
        model.data(model.index(r, 2), whole): model.data(model.index(r, 8)) for r in range(model.rowCount())
    }
    lib = exp.library
    assert cells[str(lib / "darktable" / "DSC_1872.jpg")] == "XMP ★5 · XMP ★2"
    assert cells[str(lib / "backup" / "DSC_1872.jpg")] == ""
    assert cells[str(lib / "iphone" / "IMG_0420.JPG")] in ("Live · AAE", "AAE · Live")
    user.menu("Details table")  # back to the photos
    user.menu("Mark all but the best in all groups")
    seen = user.trash_marked(("Move",))
    assert "Move 9 photos and 8 files that belong to them" in seen[0], seen
    assert "3 Takeout JSON files, 2 iPhone edit files, 2 XMP sidecars, 1 Live Photo video" in seen[0], seen
    assert "Ratings, labels and keywords of a trashed copy are added" in seen[0]
    assert "Moved 9 photos and 8 files that belong to them to the Trash; emptying it frees" in user.status()
    figures = check(exp, before, trash_files())
    assert figures == CLEAN_FIGURES
    user.undo()
    assert digests(exp.library) == before
    assert "Put 9 photos and 8 files that belong to them back" in user.status()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_shots_saves_picks_as_ratings_for_an_editor(user: Driver, tmp_path: Path) -> None:
    shoot = tmp_path / "Shoot"
    one = burst(shoot, 11, frames=4, sharp=2)
    two = burst(shoot, 12, frames=3, sharp=0, start=T0 + dt.timedelta(minutes=5))
    photos = {p: p.read_bytes() for p in shoot.iterdir()}
    user.add(shoot)
    user.wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.menu("Mark all but the best in all groups")
    seen: list[str] = []
    answer_dialogs(["Picks get 3 stars"], seen)
    user.menu("Save picks as ratings")
    user.wait_for_moves()
    assert "Write the ratings of 7 frames" in seen[0] and "2 picks" in seen[0] and "5 rejects" in seen[0]
    for frame in [*one, *two]:
        out = subprocess.run(["exiftool", "-json", "-Rating", f"{frame}.xmp"], capture_output=True, text=True)
        assert json.loads(out.stdout)[0]["Rating"] == (3 if frame in (one[2], two[0]) else -1)
    assert all(p.read_bytes() == data for p, data in photos.items())  # never the photos' own bytes
    assert "Saved the ratings of 7 frames" in user.status()
    user.undo()
    assert sorted(shoot.iterdir()) == sorted(photos)
    assert "Took back the ratings: 7 sidecars as before" in user.status()
