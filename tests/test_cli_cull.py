"""``photodedupe cull``: the series as JSON and text; --keep N --apply through the real trash; undo."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from photodedupe.cli import main
from tests.bursts import T0, burst


@pytest.fixture
def shoot(tmp_path: Path) -> tuple[Path, list[Path], list[Path]]:
    folder = tmp_path / "Shoot"
    one = burst(folder, 11, frames=4, sharp=2)
    two = burst(folder, 12, frames=3, sharp=0, start=T0 + dt.timedelta(minutes=5))
    return folder, one, two


@pytest.mark.slow
def test_json_lists_series_best_first(shoot, capsys: pytest.CaptureFixture[str]) -> None:
    folder, one, two = shoot
    assert main(["cull", "--json", "--no-cache", str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1 and report["stats"]["series"] == 2 and report["errors"] == []
    first = report["series"][0]["files"]
    assert first[0]["path"] == str(one[2]) and len(first) == 4
    assert set(first[0]) >= {"path", "taken", "sharpness", "exposure", "score", "why"}
    assert (
        first[0]["score"] == 1.0
        and first[1]["score"] < 1.0
        and first[0]["taken"].startswith("2024-06-01T10:00")
    )
    assert report["series"][1]["files"][0]["path"] == str(two[0])


@pytest.mark.slow
def test_text_then_keep_one_apply_and_undo(shoot, capsys: pytest.CaptureFixture[str]) -> None:
    folder, one, two = shoot
    assert main(["cull", "--no-cache", str(folder)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Series 1: 4 frames, 2024-06-01 10:00:00") and f"best  {one[2]}" in text
    assert main(["cull", "--keep", "1", "--apply", "--no-cache", str(folder)]) == 0
    assert "Moved 5 frames" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == sorted([one[2].name, two[0].name])
    assert main(["undo"]) == 0
    assert len(list(folder.iterdir())) == 7


@pytest.mark.slow
def test_bad_window_is_a_usage_error(shoot, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cull", "--window", "0", str(shoot[0])]) == 2
    assert "--window" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_write_xmp_hands_picks_and_rejects_to_an_editor(shoot, capsys: pytest.CaptureFixture[str]) -> None:
    """Every pick and reject as exiftool reads it; an existing sidecar keeps its other fields; undo."""
    from tests.companion_library import lightroom_xmp

    folder, one, two = shoot
    lightroom = folder / (one[0].stem + ".xmp")  # an existing Lightroom sidecar decides its own name
    lightroom.write_text(lightroom_xmp(0, "Red"))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["cull", "--write-xmp", "--stars", "3", "--no-cache", str(folder)]) == 0
    assert "Wrote the ratings of 7 frames" in capsys.readouterr().out
    picks = {one[2], two[0]}
    for frame in [*one, *two]:
        sidecar = lightroom if frame == one[0] else Path(f"{frame}.xmp")
        read = json.loads(
            subprocess.run(["exiftool", "-json", "-Rating", "-Label", "-Exposure2012", str(sidecar)],
                           capture_output=True, text=True, check=True).stdout
        )[0]  # fmt: skip
        assert read["Rating"] == (3 if frame in picks else -1), frame.name
    read = json.loads(subprocess.run(["exiftool", "-json", "-all", str(lightroom)], capture_output=True,
                                     text=True, check=True).stdout)[0]  # fmt: skip
    assert (read["Label"], read["Exposure2012"], read["ColorClass"]) == ("Red", "+0.35", "2 (Winner alt)")
    assert not (folder / f"{one[0].name}.xmp").exists()
    # the photos themselves are untouched
    photos = [name for name in before if name != lightroom.name]
    assert all((folder / name).read_bytes() == before[name] for name in photos)
    assert main(["undo"]) == 0
    assert "Gave 7 sidecars back" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert main(["cull", "--write-xmp", "--apply", str(folder)]) == 2


@pytest.mark.slow
def test_apply_moves_each_frames_sidecar_with_it_and_merges_no_rating(
    shoot, capsys: pytest.CaptureFixture[str]
) -> None:
    """Frames are pictures of their own: a rejected frame's sidecar goes with it, its stars stay its own."""
    from tests.companion_library import darktable_xmp

    folder, one, two = shoot
    for frame in one:
        Path(f"{frame}.xmp").write_text(darktable_xmp(2, "Red", ("burst",)))
    best = Path(f"{one[2]}.xmp").read_bytes()
    assert main(["cull", "--keep", "1", "--apply", "--no-cache", str(folder)]) == 0
    assert "Moved 5 frames and 3 files that belong to them" in capsys.readouterr().out
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([one[2].name, f"{one[2].name}.xmp", two[0].name])  # no orphan sidecar
    assert Path(f"{one[2]}.xmp").read_bytes() == best  # nothing merged into the best frame's sidecar
    assert main(["undo"]) == 0
    assert len(list(folder.iterdir())) == 11
