"""``photodedupe clean`` and ``undo``: the CLI's safe path, run as a user runs it."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from photodedupe.cli import main
from tests.conftest import make_photo, save


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    beach = make_photo(21, (800, 600))
    save(beach, lib / "beach.jpg", quality=92)
    save(beach.resize((400, 300)), lib / "beach (1).jpg", quality=80)
    save(beach, lib / "beach.png")
    city = make_photo(22, (640, 480))
    save(city, lib / "city.jpg", quality=90)
    save(city.resize((320, 240)), lib / "archive" / "city_small.jpg", quality=85)
    save(make_photo(23), lib / "alone.jpg")
    return lib


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_dry_run_touches_nothing(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digests(lib)
    code, out = run(["clean", str(lib)], capsys)
    assert code == 0 and digests(lib) == before
    assert "Dry run: 3 photos" in out and "--apply" in out
    # Same picture as beach.jpg: the larger PNG made from it is no better, and came later
    assert f"keep   {lib / 'beach.jpg'}  (saved first" in out
    assert f"trash  {lib / 'beach (1).jpg'}" in out
    assert "Kept by rule: reference folders first, never a damaged photo, then from the camera" in out
    code, out = run(["clean", "--json", str(lib)], capsys)
    report = json.loads(out)
    assert report["applied"] is False and report["trashed"] == [] and report["failed"] == []
    assert sorted(os.path.basename(p) for p in report["would_trash"]) == [
        "beach (1).jpg",
        "beach.png",
        "city_small.jpg",
    ]
    assert sorted(os.path.basename(p) for p in report["kept"]) == ["beach.jpg", "city.jpg"]


def test_apply_json_then_undo_restores_every_byte(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digests(lib)
    code, out = run(["clean", "--apply", "--json", "--keep", "format,resolution", str(lib)], capsys)
    report = json.loads(out)
    keys = {"version", "applied", "rules", "kept", "why", "trashed", "failed", "merged_into", "notes"}
    assert code == 0 and set(report) == keys
    assert report["version"] == 1 and report["rules"] == ["format", "resolution"] and not report["failed"]
    # The format rule prefers the JPEG to its PNG copy.
    assert sorted(os.path.basename(p) for p in report["kept"]) == ["beach.jpg", "city.jpg"]
    for item in report["trashed"]:
        assert not os.path.exists(item["path"]) and os.path.exists(item["trash_path"])
        assert before[item["path"]] == hashlib.sha256(Path(item["trash_path"]).read_bytes()).hexdigest()
    assert len(report["trashed"]) == 3

    code, out = run(["undo", "--json"], capsys)
    undo = json.loads(out)
    assert code == 0 and not undo["failed"]
    assert sorted(r["path"] for r in undo["restored"]) == sorted(t["path"] for t in report["trashed"])
    assert digests(lib) == before
    code, out = run(["undo"], capsys)
    assert code == 0 and out.startswith("Nothing to undo")


def test_reference_folder_is_kept_and_never_trashed(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = lib / "archive"
    code, out = run(["clean", "--apply", "--reference", str(archive), str(lib)], capsys)
    assert code == 0
    assert (archive / "city_small.jpg").exists() and not (lib / "city.jpg").exists()
    assert f"keep   {archive / 'city_small.jpg'}" in out
    assert f"trashed {lib / 'city.jpg'} -> " in out and "Undo: photodedupe undo" in out
    code, out = run(["undo"], capsys)
    assert "restored" in out and (lib / "city.jpg").exists()


def test_bad_rule_is_a_usage_error(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["clean", "--keep", "biggest", str(lib)])
    assert stop.value.code == 2
    assert "unknown rule biggest; choose from original, picture" in capsys.readouterr().err
