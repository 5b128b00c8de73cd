"""A photo and everything that belongs to it travel together: found, moved, kept, undone (issue 22)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from photodedupe.cli import main
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.find.scan import scan
from tests.companion_library import CLEAN_FIGURES, build, check, darktable_xmp, digests


def exiftool(path: str | Path, *tags: str) -> dict:
    """What exiftool, a reader nobody here wrote, says of a file."""
    out = subprocess.run(
        ["exiftool", "-json", *(f"-{t}" for t in tags), str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)[0]


needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")


def trash_files() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files"


@pytest.mark.slow
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


@pytest.mark.slow
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
    assert figures == CLEAN_FIGURES, out
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


# --- bad input, failures and crashes ------------------------------------------------------

KILL_BETWEEN = textwrap.dedent(
    """
    import os, signal, sys
    from photodedupe.core.files.actions import move_to_trash
    from photodedupe.core.find.decode import why_not_whole
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.paths import batches_dir
    from photodedupe.core.review import Review
    from photodedupe.core.find.scan import scan
    from photodedupe.core.files.trash import FreedesktopTrash

    class DiesBetween(FreedesktopTrash):
        def move(self, path, before=None, beside=None):
            if beside is not None:  # the photo went; its first companion is next
                os.kill(os.getpid(), signal.SIGKILL)
            return super().move(path, before, beside)

    with HashCache(None) as cache:
        result = scan(sys.argv[1:], cache=cache)
    review = Review(result, 16)
    review.mark_all_but_best()
    move_to_trash(review.plan(), DiesBetween(), journal_folder=batches_dir(), whole=why_not_whole)
    """
)


def live_photo(lib: Path) -> tuple[Path, Path, list[Path]]:
    """A Live Photo (still, video, edits) and a larger copy of its still elsewhere, which is kept."""
    from tests.conftest import make_photo, save

    picture = make_photo(31, (1200, 900))
    kept = save(picture, lib / "originals" / "IMG_0001.JPG", quality=95)
    still = save(picture.resize((600, 450)), lib / "phone" / "IMG_0001.JPG", quality=85)
    companions = [lib / "phone" / "IMG_0001.MOV", lib / "phone" / "IMG_0001.AAE"]
    for c in companions:
        c.write_bytes(os.urandom(3000))
    return kept, still, companions


@pytest.mark.slow
def test_killed_between_a_photo_and_its_companion_then_resume_or_undo(tmp_path: Path) -> None:
    from photodedupe.core.files import journal
    from photodedupe.core.files.actions import resume_batch, undo_batch
    from photodedupe.core.files.trash import FreedesktopTrash
    from photodedupe.core.paths import batches_dir

    lib = tmp_path / "lib"
    _, still, companions = live_photo(lib)
    before = digests(lib)
    for way_out in ("undo", "resume"):
        run = subprocess.run([sys.executable, "-c", KILL_BETWEEN, str(lib)], capture_output=True, timeout=120)
        assert run.returncode == -signal.SIGKILL, run.stderr
        [batch] = journal.interrupted_batches(batches_dir())
        assert not still.exists() and all(c.exists() for c in companions)  # the photo went, alone
        assert [p.original for p, _ in batch.pending_companions] == [str(still)]
        if way_out == "undo":
            report = undo_batch(batch, FreedesktopTrash())
            assert [t.original for t in report.restored] == [str(still)] and not report.failed
            assert digests(lib) == before
        else:
            report = resume_batch(
                batch, FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
            )
            assert sorted(t.original for t in report.companions) == sorted(map(str, companions))
            assert not still.exists() and not any(c.exists() for c in companions)
        assert journal.interrupted_batches(batches_dir()) == []


def test_a_companion_that_cannot_move_keeps_its_photo(tmp_path: Path, capsys) -> None:
    """A Live Photo's video that is a mount point cannot be renamed: the still stays with it."""
    lib = tmp_path / "lib"
    _, still, companions = live_photo(lib)
    source = tmp_path / "elsewhere"
    source.write_bytes(b"x")
    mounted = subprocess.run(["mount", "--bind", str(source), str(companions[0])], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("bind mounts need root")
    try:
        before = digests(lib)
        assert main(["clean", "--apply", str(lib)]) == 1
        out = capsys.readouterr().out
        assert f"NOT MOVED {still}: its Live Photo video IMG_0001.MOV could not be moved" in out
        assert "it stays where it was" in out
        assert still.exists() and all(c.exists() for c in companions)
        assert digests(lib) == before
    finally:
        subprocess.run(["umount", str(companions[0])], check=True)


def test_a_changed_companion_keeps_its_photo(tmp_path: Path, capsys) -> None:
    from photodedupe.core.files.actions import move_to_trash
    from photodedupe.core.files.trash import FreedesktopTrash
    from photodedupe.core.paths import batches_dir
    from photodedupe.core.review import Review

    lib = tmp_path / "lib"
    _, still, companions = live_photo(lib)
    with HashCache(None) as cache:
        result = scan([str(lib)], cache=cache)
    review = Review(result, 16)
    review.mark_all_but_best()
    companions[1].write_bytes(b"edited again on the phone")
    report = move_to_trash(
        review.plan(), FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
    )
    assert [f.path for f in report.failed] == [str(still)]
    assert "iPhone edits IMG_0001.AAE changed since the scan" in report.failed[0].reason
    assert still.exists() and all(c.exists() for c in companions)


@pytest.mark.parametrize("bad", ["malformed", "huge", "link", "folder", "empty", "doctype"])
def test_bad_sidecars_never_stop_the_photo(tmp_path: Path, bad: str, capsys) -> None:
    from tests.conftest import make_photo, save

    lib = tmp_path / "lib"
    picture = make_photo(41)
    save(picture, lib / "a.jpg", quality=95)
    copy = save(picture.resize((320, 240)), lib / "b" / "a.jpg", quality=85)
    sidecar = lib / "b" / "a.jpg.xmp"
    if bad == "malformed":
        sidecar.write_bytes(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF")
    elif bad == "huge":
        sidecar.write_bytes(b"<x:xmpmeta>" + b" " * (5 << 20))
    elif bad == "link":
        target = tmp_path / "real.xmp"
        target.write_text(darktable_xmp(3))
        sidecar.symlink_to(target)
    elif bad == "folder":
        sidecar.mkdir()
    elif bad == "empty":
        sidecar.write_bytes(b"")
    else:
        sidecar.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    assert main(["scan", "--json", str(lib)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == []
    [group] = report["groups"]
    files = {f["path"]: f for f in group["files"]}
    assert set(files) == {str(lib / "a.jpg"), str(copy)}
    companions = files[str(copy)]["companions"]
    if bad == "folder":
        assert companions == []
    elif bad == "link":
        assert companions[0]["rating"] == 3
    elif bad != "empty":
        assert companions[0]["problem"], companions
    # and the copy goes to the trash with it, the link as a link: nothing outside the library moves
    assert main(["clean", "--apply", str(lib)]) == 0
    assert not copy.exists()
    assert os.path.lexists(sidecar) == (bad == "folder")  # a folder named like a sidecar stays
    if bad == "link":
        assert (tmp_path / "real.xmp").exists()


def test_move_to_folder_takes_companions_along_renamed_with_their_photo(tmp_path: Path) -> None:
    from photodedupe.core.files.actions import move_to_trash, mover_for, undo_batch
    from photodedupe.core.files.folder_move import FolderMove
    from photodedupe.core.files.journal import last_batch
    from photodedupe.core.paths import batches_dir
    from photodedupe.core.review import Review

    lib = tmp_path / "lib"
    live_photo(lib)
    target = tmp_path / "rejects"
    (target / "IMG_0001.JPG").parent.mkdir(parents=True)
    (target / "IMG_0001.JPG").write_bytes(b"another photo of that name")  # a clash: " (2)"
    before = digests(lib)
    with HashCache(None) as cache:
        result = scan([str(lib)], cache=cache)
    review = Review(result, 16)
    review.mark_all_but_best()
    report = move_to_trash(
        review.plan(),
        FolderMove(str(target), [str(lib)], keep_folders=False),
        journal_folder=batches_dir(),
        whole=why_not_whole,
    )
    assert not report.failed
    names = ["IMG_0001 (2).AAE", "IMG_0001 (2).JPG", "IMG_0001 (2).MOV", "IMG_0001.JPG"]
    assert sorted(os.listdir(target)) == names
    batch = last_batch(batches_dir())
    restored = undo_batch(batch, mover_for(batch))
    assert len(restored.restored) == 1 and len(restored.companions) == 2
    assert digests(lib) == before and sorted(os.listdir(target)) == ["IMG_0001.JPG"]


@pytest.mark.slow
@needs_exiftool
def test_ratings_inside_the_photo_count_and_travel_too(tmp_path: Path, capsys) -> None:
    """A copy that exiftool gave an embedded rating is the one kept; a rated export's stars are merged."""
    from tests.conftest import make_photo, save

    lib = tmp_path / "lib"
    picture = make_photo(51, (1000, 750))
    plain = save(picture, lib / "a" / "IMG_7.jpg", quality=94)
    rated = lib / "b" / "IMG_7.jpg"
    rated.parent.mkdir()
    write = ["exiftool", "-q"]
    subprocess.run([*write, "-o", str(rated), "-XMP:Rating=4", "-XMP:Label=Blue", str(plain)], check=True)
    export = save(picture.resize((500, 375)), lib / "web" / "IMG_7.jpg", quality=80)
    in_place = [*write, "-overwrite_original"]
    subprocess.run([*in_place, "-XMP:Rating=5", "-XMP:Subject=web", str(export)], check=True)
    assert main(["scan", "--json", str(lib)]) == 0
    [group] = json.loads(capsys.readouterr().out)["groups"]
    assert group["files"][0]["path"] == str(rated)  # same pixels, size and quality: the rated file is kept
    assert group["why"].startswith("has your edits (its own XMP: 4 stars · Blue)")
    assert {f["path"]: f.get("edits", {}).get("rating") for f in group["files"]} == {
        str(rated): 4,
        str(plain): None,
        str(export): 5,
    }
    assert main(["clean", "--apply", str(lib)]) == 0
    assert rated.exists() and not plain.exists() and not export.exists()
    read = exiftool(f"{rated}.xmp", "Rating", "Label", "Subject")  # the sidecar, not the photo
    assert (read["Rating"], read["Label"], read["Subject"]) == (5, "Blue", "web")


KILL_IN_MERGE = textwrap.dedent(
    """
    import os, signal, sys
    from photodedupe.core.files import sidecars
    from photodedupe.cli import main

    written = sidecars.write_atomically

    def then_die(path, data):
        written(path, data)  # the kept photo's sidecar holds the merge...
        os.kill(os.getpid(), signal.SIGKILL)  # ...but the journal never says so

    sidecars.write_atomically = then_die
    main(["clean", "--apply", *sys.argv[1:]])
    """
)


@pytest.mark.slow
def test_killed_while_merging_a_rating_undo_gives_the_sidecar_back(tmp_path: Path) -> None:
    from tests.companion_library import lightroom_xmp
    from tests.conftest import make_photo, save

    lib = tmp_path / "lib"
    picture = make_photo(61, (1000, 750))
    save(picture, lib / "IMG_9.jpg", quality=95)
    (lib / "IMG_9.xmp").write_text(lightroom_xmp(1))
    save(picture.resize((500, 375)), lib / "small" / "IMG_9.jpg", quality=80)
    (lib / "small" / "IMG_9.jpg.xmp").write_text(darktable_xmp(5, "Red"))
    before = digests(lib)
    run = subprocess.run([sys.executable, "-c", KILL_IN_MERGE, str(lib)], capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert digests(lib) != before
    undo = subprocess.run([sys.executable, "-m", "photodedupe", "undo"], capture_output=True, text=True)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert digests(lib) == before


def test_a_photo_cached_before_ratings_were_read_is_caught_up_once(tmp_path: Path) -> None:
    """An old cache row has no embedded rating: the next scan reads it (header only) and caches it."""
    import sqlite3

    from tests.conftest import make_photo, save

    packet = darktable_xmp(5, "Red", history=False).encode()
    lib = tmp_path / "lib"
    picture = make_photo(71, (800, 600))
    rated = save(picture, lib / "rated.jpg", quality=90, xmp=packet)
    save(picture.resize((400, 300)), lib / "small.jpg", quality=80)
    db = tmp_path / "cache.sqlite3"

    def rating() -> int | None:
        with HashCache(db) as cache:
            result = scan([str(lib)], cache=cache)
        from photodedupe.core.find.companions import photo_edits

        return photo_edits(next(p for p in result.photos if p.path == str(rated))).rating

    assert rating() == 5
    with sqlite3.connect(db) as conn:  # as an earlier version cached it: no XMP looked at
        conn.execute("UPDATE photos SET details = ''")
    assert rating() == 5
    with sqlite3.connect(db) as conn:
        details = [row[0] for row in conn.execute("SELECT details FROM photos")]
    assert all('"xmp_read":true' in d for d in details), details
