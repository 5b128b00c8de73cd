"""A photo and everything that belongs to it travel together: found, moved, kept, undone (issue 22)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from photodedupe.cli import main
from photodedupe.core.cache import HashCache
from photodedupe.core.scan import scan
from tests.companion_library import build, check, digests


def exiftool(path: str | Path, *tags: str) -> dict:
    """What exiftool, a reader nobody here wrote, says of a file."""
    out = subprocess.run(
        ["exiftool", "-json", *(f"-{t}" for t in tags), str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)[0]


needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")


def trash_files() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files"


def test_every_naming_is_found(tmp_path: Path) -> None:
    exp = build(tmp_path)
    with HashCache(None) as cache:
        result = scan([str(exp.library)], cache=cache)
    by_path = {p.path: {os.path.basename(c.path): c.kind for c in p.companions} for p in result.photos}
    lib = exp.library
    assert by_path[str(lib / "darktable" / "DSC_1872.jpg")] == {
        "DSC_1872.jpg.xmp": "xmp",
        "DSC_1872_01.jpg.xmp": "xmp",
    }
    assert by_path[str(lib / "backup" / "DSC_1872.jpg")] == {}
    assert by_path[str(lib / "iphone" / "IMG_0420.JPG")] == {
        "IMG_0420.AAE": "aae",
        "IMG_0420.MOV": "live",
        "IMG_O0420.AAE": "aae",
    }
    assert by_path[str(lib / "takeout" / "PXL_20190612.jpg")] == {"PXL_20190612.jpg.json": "json"}
    assert by_path[str(lib / "takeout" / "PXL_20190612(1).jpg")] == {"PXL_20190612.jpg(1).json": "json"}
    assert by_path[str(lib / "takeout" / "PXL_20200101_101010123.jpg")] == {
        "PXL_20200101_101010123.jpg.supplemental-metadata.json": "json"
    }
    assert by_path[str(lib / "takeout" / "PXL_20210202_202020202.MP.jpg")] == {
        "PXL_20210202_202020202.MP.jpg.supplemental-met.json": "json"
    }
    assert by_path[str(lib / "decoy" / "alone.jpg")] == {
        "alone.AAE": "aae",
        "alone.MOV": "live",
        "alone.jpg.json": "json",
        "alone.jpg.pp3": "pp3",
        "alone.jpg.xmp": "xmp",
    }
    shared = [c for c in next(p for p in result.photos if p.path.endswith("DSC_0100.JPG")).companions]
    assert [os.path.basename(c.path) for c in shared] == ["DSC_0100.xmp"]
    assert sorted(os.path.basename(o) for o in shared[0].owners) == ["DSC_0100.DNG", "DSC_0100.JPG"]
    edited = next(p for p in result.photos if p.path.endswith(os.path.join("darktable", "DSC_1872.jpg")))
    sidecar = next(c for c in edited.companions if c.name == "DSC_1872.jpg.xmp")
    assert sidecar.edits is not None
    edits = sidecar.edits
    assert (edits.rating, edits.label, edits.keywords) == (5, "Red", ("family", "beach"))
    assert sidecar.edits.develop and sidecar.badge() == "XMP ★5"


@needs_exiftool
def test_clean_moves_companions_with_their_photos_and_undo_is_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exp = build(tmp_path)
    before = digests(exp.library)
    folders = [str(exp.library), str(exp.reference)]
    assert main(["clean", "--apply", "--reference", str(exp.reference), *folders]) == 0
    out = capsys.readouterr().out
    figures = check(exp, before, trash_files())
    assert figures == {
        "companions_trashed": 8,
        "orphaned": 0,
        "companions_lost": 0,
        "edited_copy_trashed": 0,
        "decoys_touched": 0,
        "photo_left_behind": 0,
    }, out
    assert "has your edits (DSC_1872.jpg.xmp: 5 stars · Red · 2 keywords · develop history" in out
    # the half-size copy's 4 stars, label and keyword reached the original, in a new sidecar
    merged = exp.library / "darktable" / "IMG_3001.jpg.xmp"
    read = exiftool(merged, "Rating", "Label", "Subject")
    assert (read["Rating"], read["Label"], read["Subject"]) == (4, "Green", "trip")
    assert "Moved 9 photos and 8 files that belong to them" in out
    # the reference folder is untouched
    assert main(["undo"]) == 0
    assert digests(exp.library) == before
    assert not merged.exists()


@needs_exiftool
def test_merge_keeps_the_kept_sidecars_other_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.companion_library import darktable_xmp, lightroom_xmp
    from tests.conftest import make_photo, save

    lib = tmp_path / "lib"
    picture = make_photo(7, (1000, 750))
    keep = save(picture, lib / "IMG_1.jpg", quality=95)
    (lib / "IMG_1.xmp").write_text(lightroom_xmp(2))  # Lightroom style: the keeper's own sidecar decides
    copy = save(picture.resize((500, 375)), lib / "small" / "IMG_1.jpg", quality=80)
    (lib / "small" / "IMG_1.jpg.xmp").write_text(darktable_xmp(5, "Red", ("a", "b")))
    original = (lib / "IMG_1.xmp").read_bytes()
    assert main(["clean", "--apply", str(lib)]) == 0
    assert not copy.exists() and keep.exists()
    read = exiftool(lib / "IMG_1.xmp", "Rating", "Label", "Subject", "Exposure2012", "ColorClass")
    assert read["Rating"] == 5 and read["Label"] == "Red" and read["Subject"] == ["a", "b"]
    # the other tools' fields stay
    assert read["Exposure2012"] == "+0.35" and read["ColorClass"] == "2 (Winner alt)"
    assert not (lib / "IMG_1.jpg.xmp").exists()
    capsys.readouterr()
    assert main(["undo"]) == 0
    assert (lib / "IMG_1.xmp").read_bytes() == original and copy.exists()
