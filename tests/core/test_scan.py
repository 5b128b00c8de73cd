"""Whole scans of real files: grouping, problem files, the cache, cancelling."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageEnhance

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.progress import Cancelled, CancelToken, Progress, Stage
from photodedupe.core.thresholds import default_threshold
from tests.conftest import make_photo, save, with_orientation


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Three different photos, copies of the first two, and a few broken files."""
    lib = tmp_path / "library"
    beach, forest, city = make_photo(10, (1200, 900)), make_photo(11, (1200, 900)), make_photo(12)
    save(beach, lib / "DCIM" / "beach.jpg", quality=92)
    save(beach.resize((600, 450)), lib / "web" / "beach_small.jpg", quality=80)
    save(beach, lib / "web" / "beach_q40.jpg", quality=40)
    save(ImageEnhance.Brightness(beach).enhance(1.15), lib / "edits" / "beach_bright.png")
    stored, exif = with_orientation(beach, 6)
    save(stored, lib / "phone" / "beach_sideways.jpg", quality=90, exif=exif)
    save(forest, lib / "DCIM" / "forest.jpg", quality=92)
    save(forest, lib / "export" / "forest.webp", quality=85)
    (lib / "backup").mkdir()
    shutil.copyfile(lib / "DCIM" / "forest.jpg", lib / "backup" / "forest copy.jpg")
    save(city, lib / "DCIM" / "city.jpg", quality=92)
    (lib / "broken").mkdir()
    (lib / "broken" / "empty.jpg").write_bytes(b"")
    (lib / "broken" / "notes.jpg").write_text("not a photo\n")
    data = (lib / "DCIM" / "city.jpg").read_bytes()
    (lib / "broken" / "half.jpg").write_bytes(data[: len(data) // 3])
    return lib


def run(lib: Path, cache: HashCache, **kw: object) -> ScanResult:
    return scan([str(lib)], cache=cache, **kw)  # type: ignore[arg-type]


def group_names(result: ScanResult, threshold: int) -> list[list[str]]:
    return sorted(
        sorted(os.path.basename(result.photos[m.index].path) for m in g.members)
        for g in result.groups(threshold, keeper_for(result))
    )


@pytest.mark.slow
def test_copies_grouped_different_photos_not(library: Path, tmp_path: Path) -> None:
    with HashCache(tmp_path / "cache.db") as cache:
        result = run(library, cache)
    assert group_names(result, default_threshold()) == [
        ["beach.jpg", "beach_bright.png", "beach_q40.jpg", "beach_sideways.jpg", "beach_small.jpg"],
        ["forest copy.jpg", "forest.jpg", "forest.webp"],
    ]
    assert {os.path.basename(e.path): e.reason for e in result.errors} == {
        "empty.jpg": "empty file (0 bytes)",
        "notes.jpg": "not an image: the file contains text",
        "half.jpg": "the image data is truncated (incomplete file)",
    }
    assert result.stats.files == 12 and len(result.photos) == 9


@pytest.mark.slow
def test_identical_files_marked_and_decoded_once(library: Path) -> None:
    with HashCache(None) as cache:
        result = run(library, cache)
    assert result.stats.hashed == 11  # 12 files, one of them a byte-identical copy
    forest = next(
        g for g in result.groups(0, keeper_for(result)) if "forest" in result.photos[g.reference].path
    )
    identical = {os.path.basename(result.photos[m.index].path): m.identical for m in forest.members}
    assert identical == {"forest copy.jpg": False, "forest.jpg": True} or identical == {
        "forest.jpg": False,
        "forest copy.jpg": True,
    }
    assert all(m.distance == 0 for m in forest.members)


def test_same_size_files_are_read_whole_only_when_their_starts_are_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import photodedupe.core.find.scan as scan_module

    folder = tmp_path / "photos"
    folder.mkdir()
    one = save(make_photo(1), tmp_path / "one.jpg", quality=90).read_bytes()
    other = save(make_photo(2), tmp_path / "two.jpg", quality=90).read_bytes()
    size = 200_000  # padded after the picture's end: decoders ignore it; the digests do not
    (folder / "a.jpg").write_bytes(one.ljust(size, b"\0"))
    (folder / "a copy.jpg").write_bytes(one.ljust(size, b"\0"))
    (folder / "a late change.jpg").write_bytes(one.ljust(size - 1, b"\0") + b"\1")  # alike for 64 KB
    (folder / "b.jpg").write_bytes(other.ljust(size, b"\0"))  # the same size, another start
    read_whole: list[str] = []
    real = scan_module.digest_file
    monkeypatch.setattr(scan_module, "digest_file", lambda path: read_whole.append(path) or real(path))
    with HashCache(None) as cache:
        result = run(folder, cache)
    assert sorted(os.path.basename(p) for p in read_whole) == ["a copy.jpg", "a late change.jpg", "a.jpg"]
    digests = {os.path.basename(p.path): p.digest for p in result.photos}
    assert digests["a.jpg"] == digests["a copy.jpg"] != digests["a late change.jpg"]
    assert digests["b.jpg"] is None and result.stats.hashed == 3  # the copy shares a.jpg's decode
    # A new copy of b.jpg: the two are alike at the start now, so both are read whole.
    db = tmp_path / "cache.db"
    with HashCache(db) as cache:
        run(folder, cache)
    (folder / "b copy.jpg").write_bytes(other.ljust(size, b"\0"))
    read_whole.clear()
    with HashCache(db) as cache:
        again = run(folder, cache)
    assert sorted(os.path.basename(p) for p in read_whole) == ["b copy.jpg", "b.jpg"]
    digests = {os.path.basename(p.path): p.digest for p in again.photos}
    assert digests["b copy.jpg"] == digests["b.jpg"] is not None and again.stats.hashed == 0
    # A new file the size of three whose digests are cached is read whole, whatever its start.
    (folder / "c.jpg").write_bytes(other[:1000].ljust(size, b"\0"))
    read_whole.clear()
    with HashCache(db) as cache:
        run(folder, cache)
    assert [os.path.basename(p) for p in read_whole] == ["c.jpg"]


@pytest.mark.slow
def test_second_scan_decodes_nothing_and_touch_rehashes_one(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    with HashCache(db) as cache:
        first = run(library, cache)
    with HashCache(db) as cache:
        second = run(library, cache)
    assert second.stats.hashed == 0 and second.stats.from_cache == second.stats.files == 12
    # Cached photos come without their verification thumbnail (1 KB each), read only when needed.
    assert [p.info for p in second.photos] == [replace(p.info, thumb=b"") for p in first.photos]
    with HashCache(db) as cache:
        thumbs = cache.lookup_thumbs([p.file for p in second.photos], 128)
    assert [thumbs[p.path] for p in second.photos] == [p.info.thumb for p in first.photos]
    assert second.errors == first.errors
    target = library / "DCIM" / "city.jpg"
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    with HashCache(db) as cache:
        third = run(library, cache)
    assert third.stats.hashed == 1 and third.stats.from_cache == 11


@pytest.mark.slow
def test_changed_content_is_rehashed(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    with HashCache(db) as cache:
        run(library, cache)
    target = library / "DCIM" / "city.jpg"
    save(make_photo(99), target, quality=92)  # a different photo under the same name
    with HashCache(db) as cache:
        result = run(library, cache)
    assert result.stats.hashed == 1
    city = next(p for p in result.photos if p.path == str(target))
    assert city.info.width == 640


@pytest.mark.slow
def test_corrupt_cache_is_recovered(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    with HashCache(db) as cache:
        run(library, cache)
    db.write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    with HashCache(db) as cache:
        result = run(library, cache)
        assert any("damaged" in n for n in cache.notices)
    assert result.stats.hashed == 11 and len(result.photos) == 9
    assert any(p.name.startswith("cache.db.corrupt-") for p in tmp_path.iterdir())
    with HashCache(db) as cache:
        assert run(library, cache).stats.hashed == 0


@pytest.mark.slow
def test_cancel_keeps_what_was_hashed(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    cancel = CancelToken()
    seen: list[Progress] = []

    def on_progress(p: Progress) -> None:
        seen.append(p)
        if p.stage is Stage.HASHING and p.done >= 1:
            cancel.cancel()

    with HashCache(db) as cache, pytest.raises(Cancelled):
        run(library, cache, cancel=cancel, on_progress=on_progress, options=ScanOptions(workers=1))
    hashed_before = max(p.done for p in seen if p.stage is Stage.HASHING)
    # Only the decodes already under way finish after the cancel: at most 4 per worker.
    assert 1 <= hashed_before <= 4
    with HashCache(db) as cache:
        result = run(library, cache)
    assert result.stats.hashed == 11 - hashed_before


@pytest.mark.slow
def test_fine_hash(library: Path) -> None:
    with HashCache(None) as cache:
        result = run(library, cache, options=ScanOptions(hash_bits=512))
    assert result.hash_bits == 512
    assert group_names(result, default_threshold(512))[1] == ["forest copy.jpg", "forest.jpg", "forest.webp"]


@pytest.mark.slow
def test_vanished_between_listing_and_hashing(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import photodedupe.core.find.scan as scan_module

    real = scan_module.find_photos

    def find_then_delete(*args, **kwargs):
        files, errors = real(*args, **kwargs)
        (library / "DCIM" / "city.jpg").unlink()
        return files, errors

    monkeypatch.setattr(scan_module, "find_photos", find_then_delete)
    with HashCache(None) as cache:
        result = run(library, cache)
    reasons = {os.path.basename(e.path): e.reason for e in result.errors}
    assert reasons["city.jpg"] == "the file vanished before it could be read"


@pytest.mark.slow
def test_image_size_is_as_displayed(library: Path) -> None:
    with HashCache(None) as cache:
        result = run(library, cache)
    sideways = next(p for p in result.photos if p.path.endswith("beach_sideways.jpg"))
    assert (sideways.info.width, sideways.info.height) == (1200, 900)
    with Image.open(sideways.path) as stored:
        assert stored.size == (900, 1200)


@pytest.mark.slow
def test_interrupted_scan_keeps_what_was_hashed(library: Path, tmp_path: Path) -> None:
    """Ctrl+C (or any failure) mid-scan: the photos hashed so far are in the cache."""
    db = tmp_path / "cache.db"

    class Interrupt(Exception):
        pass

    def on_progress(p: Progress) -> None:
        if p.stage is Stage.HASHING and p.done >= 3:
            raise Interrupt

    with HashCache(db) as cache, pytest.raises(Interrupt):
        run(library, cache, on_progress=on_progress, options=ScanOptions(workers=1))
    with HashCache(db) as cache:
        assert run(library, cache).stats.hashed <= 11 - 3


@pytest.mark.slow
def test_snapshots_of_groups_while_scanning(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("photodedupe.core.find.scan._FIRST_PARTIAL", 0.0)
    monkeypatch.setattr("photodedupe.core.find.scan._PARTIAL_INTERVAL", 0.0)
    snapshots: list[ScanResult] = []
    with HashCache(None) as cache:
        final = run(library, cache, on_partial=snapshots.append, options=ScanOptions(workers=1))
    assert snapshots and all(not s.complete for s in snapshots) and final.complete
    sizes = [len(s.photos) + len(s.errors) for s in snapshots]
    assert sizes == sorted(sizes) and sizes[-1] <= len(final.photos) + len(final.errors)
    last = snapshots[-1]
    final_paths = {p.path: p.info for p in final.photos}
    assert all(final_paths[p.path] == p.info for p in last.photos)


@pytest.mark.slow
def test_verified_pairs_are_reused_only_for_the_same_library(library: Path, tmp_path: Path) -> None:
    import numpy as np

    db = tmp_path / "cache.db"
    with HashCache(db) as cache:
        first = run(library, cache)
    with HashCache(db) as cache:
        second = run(library, cache)
        assert cache.lookup_pairs(b"no such library") is None
    for name in ("i", "j", "d", "o"):
        assert np.array_equal(getattr(first.edges, name), getattr(second.edges, name))
    assert second.groups(default_threshold(), keeper_for(second)) == first.groups(
        default_threshold(), keeper_for(first)
    )
    # A changed library (one photo gone) gets its pairs found again, not the stored ones.
    (library / "web" / "beach_q40.jpg").unlink()
    with HashCache(db) as cache:
        third = run(library, cache)
    assert len(third.photos) == len(first.photos) - 1
    assert all(max(i, j) < len(third.photos) for i, j in zip(third.edges.i, third.edges.j, strict=True))
    assert sorted(len(g.members) for g in third.groups(default_threshold(), keeper_for(third))) == [3, 4]
