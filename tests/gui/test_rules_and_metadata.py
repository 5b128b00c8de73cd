"""The rule chooser and the metadata a user sees, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from photodedupe.gui.dialogs.rules import RulesDialog
from tests.conftest import make_photo, save
from tests.gui.driver import Driver


@pytest.mark.slow
def test_choosing_rules_changes_what_is_kept(qtbot, make_window, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(70, (1200, 900))
    save(photo, lib / "big.jpg", quality=70)  # the larger picture, a smaller file
    save(photo.resize((1000, 750)), lib / "heavy.png")  # a smaller picture, a larger file
    user = Driver(qtbot, make_window()).add(lib).wait_for_scan()
    best_all = "Mark all but the best in all groups"
    assert "largest picture" in user.action(best_all).toolTip()
    assert "★ The photo this group keeps: larger picture" in user.tile_tips()["big.jpg"]
    user.menu(best_all)
    assert set().union(*user.groups()) - user.marked() == {"big.jpg"}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RulesDialog):
            QTimer.singleShot(20, choose)
            return
        # Tick "Largest file", put it first and untick "Largest picture", as a user would.
        names = [
            dialog.rule_list.item(k).data(Qt.ItemDataRole.UserRole) for k in range(dialog.rule_list.count())
        ]
        dialog.rule_list.item(names.index("size")).setCheckState(Qt.CheckState.Checked)
        dialog.rule_list.setCurrentRow(names.index("size"))
        for _ in range(names.index("size")):
            dialog._move(-1)
        picture = dialog.rule_list.item(names.index("picture") + 1)
        picture.setCheckState(Qt.CheckState.Unchecked)
        assert dialog.summary.text().startswith(
            "<b>Keeps:</b> reference folders first, never a damaged photo, then largest file"
        )
        dialog.accept()

    QTimer.singleShot(0, choose)
    user.menu("Which photo to keep…")
    rules = user.review.rules
    assert rules[0] == "size" and "picture" not in rules
    assert "largest file" in user.action(best_all).toolTip()
    # The ★ follows the new rules at once: the larger file is now the photo kept.
    assert user.tiles()[0].photo.path == str(lib / "heavy.png")
    assert user.tiles()[0].why.startswith("larger file")
    user.menu(best_all)
    assert user.marked() == {"big.jpg"}
    user.window.close()
    again = Driver(qtbot, make_window()).wait_for_scan()  # remembered
    assert again.review.rules == rules


def test_tooltip_shows_the_metadata(qtbot, make_window, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS R5"
    exif[0x8769] = {
        0x9003: "2021:07:04 18:30:00",
        0x829A: 1 / 500,
        0x829D: 4.0,
        0x8827: 200,
        0xA434: "RF24-105mm",
    }
    photo = make_photo(71, (1200, 900))
    save(photo, lib / "IMG_0001.jpg", quality=90, exif=exif)
    save(photo.resize((600, 450)), lib / "copy.jpg", quality=80)
    tips = Driver(qtbot, make_window()).add(lib).wait_for_scan().tile_tips()
    tip = tips["IMG_0001.jpg"]
    assert "Taken 2021-07-04 18:30:00" in tip
    assert "Canon EOS R5 · RF24-105mm" in tip and "1/500 s · f/4 · ISO 200" in tip
    assert "No date taken" in tips["copy.jpg"]


@pytest.mark.slow
def test_dropping_a_photo_finds_the_ones_like_it(qtbot, make_window, library: Path, tmp_path: Path) -> None:
    user = Driver(qtbot, make_window()).add(library).wait_for_scan()
    example = save(make_photo(21, (1200, 900)).transpose(Image.Transpose.FLIP_LEFT_RIGHT), tmp_path / "m.jpg")
    user.drop(example)  # a single photo dropped: search by example, not a folder to add
    dialog = user.wait_for_search()
    names = [Path(p).name for p in dialog.paths()]
    assert sorted(names) == ["beach.jpg", "beach_q50.jpg", "beach_small.jpg"]  # the mirrored beach
    assert "3 photos" in dialog.heading.text() and user.folders() == [str(library)]
    assert "turned or mirrored" in dialog.list.item(0).text()
    dialog.grab().save(str(tmp_path / "search.png"))


@pytest.mark.slow
def test_export_report_with_marks(qtbot, make_window, library: Path, tmp_path: Path, monkeypatch) -> None:
    import csv
    import io
    import json

    from PySide6.QtWidgets import QFileDialog

    user = Driver(qtbot, make_window()).add(library).wait_for_scan()
    user.menu("Mark all but the best in all groups")
    chosen = [(str(tmp_path / "r"), "CSV, for spreadsheets (*.csv)"), (str(tmp_path / "r.json"), "")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: chosen.pop(0))
    user.menu("Export report…")  # a name without an ending: the chosen kind's is added
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    grouped = [r for r in rows if r["role"] != "problem"]
    assert len(grouped) == 5 and sum(r["marked"] == "yes" for r in grouped) == 3
    assert [r["path"] for r in rows if r["role"] == "problem"] == [str(library / "broken.jpg")]
    status = user.status()
    assert "Report saved" in status and "reclaimable in 3 photos" in status
    user.menu("Export report…")
    report = json.loads((tmp_path / "r.json").read_text())
    assert sum(f["marked"] for g in report["groups"] for f in g["files"]) == 3
    assert report["reclaimable"]["files"] == 3


def test_a_raw_and_its_jpeg_are_kept_together_in_the_app(qtbot, make_window, tmp_path: Path) -> None:
    from tests.rawfiles import make_dng

    lib = tmp_path / "DCIM"
    shot = make_photo(72, (1200, 800))
    make_dng(lib / "IMG_0001.DNG", shot)
    save(shot, lib / "IMG_0001.JPG", quality=92)
    save(shot.resize((400, 267)), lib / "small" / "IMG_0001_web.jpg", quality=80)
    user = Driver(qtbot, make_window()).add(lib).wait_for_scan()
    user.menu("Mark all but the best in all groups")
    assert user.marked() == {"IMG_0001_web.jpg"}
    tips = user.tile_tips()
    assert "One shot with IMG_0001.JPG (RAW+JPEG)" in tips["IMG_0001.DNG"]
    assert "RAW, hashed from its embedded JPEG preview" in tips["IMG_0001.DNG"]
    assert "One shot with" not in tips["IMG_0001_web.jpg"]


@pytest.mark.slow
def test_the_search_count_leaves_the_status_bar_with_its_window(user: Driver, library: Path) -> None:
    user.drop(library).wait_for_scan()
    summary = user.status()
    user.window.extras.find_like(str(library / "beach.jpg"))
    found = user.wait_for_search()
    assert "like beach.jpg" in user.status()
    found.close()
    assert user.status() == summary
