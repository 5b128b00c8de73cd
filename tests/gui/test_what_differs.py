"""A copy is named for what differs from the ★ (issue 24): "same picture" is said of no copy that is not
one, in the grid, the compare window and Find."""

from __future__ import annotations

from pathlib import Path

import pytest

from photodedupe.core.keep.differences import differences
from tests.conftest import make_photo, save
from tests.gui.driver import Driver


def _library(root: Path) -> Path:
    photo = make_photo(51, (1200, 900))
    save(photo, root / "sunset.jpg", quality=95)
    save(photo.convert("L"), root / "edits" / "sunset_bw.jpg", quality=95)  # as editors save B&W
    save(photo, root / "web" / "sunset_q40.jpg", quality=40)
    save(photo.resize((600, 450)), root / "web" / "sunset_small.jpg", quality=95)
    save(photo, root / "export" / "sunset.png")
    return root


@pytest.mark.slow
def test_each_copy_is_named_for_what_differs(qtbot, make_window, tmp_path: Path) -> None:
    user = Driver(qtbot, make_window()).drop(_library(tmp_path / "Pictures")).wait_for_scan()
    names = {"sunset.jpg", "sunset_bw.jpg", "sunset_q40.jpg", "sunset_small.jpg", "sunset.png"}
    assert user.groups() == [names]
    notes = {t.photo.path.rsplit("/", 1)[1]: t.note for t in user.tiles()[1:]}
    assert "black and white" in notes["sunset_bw.jpg"]
    assert "saved at JPEG quality 40" in notes["sunset_q40.jpg"]
    assert "smaller (600×450)" in notes["sunset_small.jpg"]
    assert "PNG copy of a JPEG" in notes["sunset.png"]
    assert all(note.split(" · ")[0].endswith("bits from the ★") for note in notes.values()), notes

    bw = user.tile_names().index("sunset_bw.jpg")
    dialog = user.open_compare(bw)
    caption = dialog.right.title.text()
    assert "compared with the ★" in caption and "bit" in caption and "black and white" in caption
    dialog.close()

    user.window.extras.find_like(str(tmp_path / "Pictures" / "edits" / "sunset_bw.jpg"))
    found = user.wait_for_search()
    rows = [found.list.item(r).text() for r in range(found.list.count())]
    assert not any("same picture" in row for row in rows), rows
    colour = next(row for row in rows if row.startswith("sunset.jpg"))
    assert "in colour" in colour  # beside the black-and-white example, the original is the colour one


def test_an_identical_file_and_a_plain_copy_get_no_false_words(tmp_path: Path) -> None:
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan

    photo = make_photo(52, (800, 600))
    save(photo, tmp_path / "a.jpg", quality=90)
    save(photo, tmp_path / "b.jpg", quality=90)
    save(photo.rotate(90, expand=True), tmp_path / "turned.jpg", quality=90)
    with HashCache(tmp_path / "c.db") as cache:
        photos = {p.path.rsplit("/", 1)[1]: p for p in scan([str(tmp_path)], cache=cache).photos}
    assert differences(photos["a.jpg"], photos["b.jpg"]) == []
    assert differences(photos["a.jpg"], photos["turned.jpg"]) == []  # turned, not cropped
