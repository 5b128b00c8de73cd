"""Which photo a group keeps: the camera original, not the copy with the bigger canvas or file.

Each test builds a real library the way copies are made in life (letterboxed,
re-exported as PNG, screenshotted in a viewer, edited, damaged) and checks the
default rules keep the original, that the ★ is that photo, and why it says so.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image, ImageEnhance

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import scan
from photodedupe.core.review import Review
from photodedupe.core.thresholds import default_threshold
from tests.conftest import jpeg_bytes, make_photo, save


def camera_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Canon", "Canon EOS 80D", "2021:07:04 18:30:05"
    exif.get_ifd(0x8769)[0x9003] = "2021:07:04 18:30:05"
    return exif


def aged(path: Path, seconds_ago: float) -> Path:
    """Give a file an older modification time: copies are saved after their original."""
    when = time.time() - seconds_ago
    os.utime(path, (when, when))
    return path


def run_scan(lib: Path) -> ScanResult:
    with HashCache(None) as cache:
        return scan([str(lib)], cache=cache)


def kept_in_group_of(result: ScanResult, name: str) -> tuple[str, str]:
    """(name of the photo kept, why) in the default grouping of the group that holds ``name``."""
    review = Review(result, default_threshold(128))
    for group in review.groups:
        names = {os.path.basename(result.photos[m.index].path) for m in group.members}
        if name in names:
            return os.path.basename(result.photos[group.reference].path), review.why_kept(group)
    raise AssertionError(f"{name} is in no group")


@pytest.mark.slow
def test_original_beats_letterbox_png_screenshot_and_edits(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(3, (1200, 800))
    original = aged(save(photo, lib / "DCIM" / "IMG_0001.jpg", quality=92, exif=camera_exif()), 3600)
    # A letterboxed copy: a larger canvas (black bars), the same picture inside.
    canvas = Image.new("RGB", (1200, 1000), "black")
    canvas.paste(photo, (0, 100))
    save(canvas, lib / "web" / "boxed.jpg", quality=92)
    # A lossless PNG made from the JPEG: a much larger file, no better pixels, no metadata.
    save(Image.open(original).convert("RGB"), lib / "export" / "IMG_0001.png")
    # A screenshot of the photo shown in a viewer on a bigger screen.
    screen = Image.new("RGB", (1920, 1080), (60, 60, 60))
    screen.paste(photo.resize((1400, 933)), (260, 80))
    save(screen, lib / "Screenshots" / "shot.png")
    # A brighter edit that kept the camera's metadata, saved at a higher quality.
    save(
        ImageEnhance.Brightness(photo).enhance(1.2),
        lib / "Edited" / "bright.jpg",
        quality=95,
        exif=camera_exif(),
    )
    result = run_scan(lib)
    kept, why = kept_in_group_of(result, "IMG_0001.jpg")
    assert kept == "IMG_0001.jpg", why
    review = Review(result, default_threshold(128))
    [group] = review.groups
    assert len(group.members) == 5
    # "Space reclaimable" is what keeping the ★ frees: every other photo's bytes.
    others = sum(result.photos[m.index].file.size for m in group.members[1:])
    assert review.reclaimable(group) == others
    review.mark_all_but_best()
    assert result.photos[group.reference].path not in {p.path for p in review.plan().photos}


def test_why_names_the_frame_the_format_and_the_quality(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(5, (1000, 750))
    aged(save(photo, lib / "a" / "photo.jpg", quality=90), 3600)
    canvas = Image.new("RGB", (1000, 1000), "white")
    canvas.paste(photo, (0, 125))
    save(canvas, lib / "b" / "boxed.jpg", quality=90)
    kept, why = kept_in_group_of(run_scan(lib), "boxed.jpg")
    assert kept == "photo.jpg"
    assert why.startswith("the picture itself (1000×750), not a copy in a frame"), why

    lib2 = tmp_path / "lib2"
    aged(save(photo, lib2 / "q92.jpg", quality=92), 60)
    save(photo, lib2 / "q40.jpg", quality=40)
    kept, why = kept_in_group_of(run_scan(lib2), "q40.jpg")
    assert (kept, why) == ("q92.jpg", "higher JPEG quality (92 vs 40)")


def test_why_passes_the_kernels_lists_of_the_kinds_a_grouping_has(tmp_path: Path, monkeypatch) -> None:
    """numba compiles a kernel once per kind of array: the one-group list ``why`` makes had int32
    distances, and explaining the first ★ compiled the copy kernel again on the window's thread."""
    from photodedupe.core.group_list import GroupList

    lib = tmp_path / "lib"
    photo = make_photo(5, (1000, 750))
    for k, quality in enumerate((95, 80, 60)):
        save(photo.resize((1000 - 100 * k, 750 - 75 * k)), lib / f"copy{k}.jpg", quality=quality)
    review = Review(run_scan(lib), default_threshold())
    kinds = set()
    reordered = GroupList.reordered

    def seen(self: GroupList, order):
        kinds.add(tuple(str(a.dtype) for a in (self.members, self.distance, self.identical, self.offsets)))
        return reordered(self, order)

    monkeypatch.setattr(GroupList, "reordered", seen)
    grouping = tuple(str(a.dtype) for a in (review.groups.members, review.groups.distance,
                                            review.groups.identical, review.groups.offsets))  # fmt: skip
    review.keeper.positions(review.groups)
    assert review.why_kept(review.groups[0])
    assert kinds == {grouping}, kinds


def test_camera_metadata_beats_a_stripped_copy_saved_earlier(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(8, (900, 600))
    save(photo, lib / "camera.jpg", quality=90, exif=camera_exif())
    aged(save(photo, lib / "stripped.jpg", quality=90), 7200)  # older file, but no camera metadata
    kept, why = kept_in_group_of(run_scan(lib), "camera.jpg")
    assert kept == "camera.jpg"
    assert why == "has the camera's metadata (Canon EOS 80D · 2021-07-04); the other's was stripped"


def test_a_damaged_jpeg_is_never_kept(tmp_path: Path) -> None:
    """A JPEG whose data is cut short decodes with grey fill: it is shown damaged and never kept."""
    lib = tmp_path / "lib"
    photo = make_photo(11, (1200, 900))
    data = jpeg_bytes(photo, quality=95, exif=camera_exif())
    scan_start = data.find(b"\xff\xda")
    damaged = data[: scan_start + (len(data) - scan_start) * 2 // 3] + b"\xff\xd9"  # lost the last third
    (lib / "old").mkdir(parents=True)
    path = lib / "old" / "IMG_1.jpg"
    path.write_bytes(damaged)
    aged(path, 7200)  # saved first, same size and metadata: only the damage tells them apart
    save(photo, lib / "new" / "IMG_1.jpg", quality=95, exif=camera_exif())
    result = run_scan(lib)
    by_name = {os.path.relpath(p.path, lib): p for p in result.photos}
    assert by_name["old/IMG_1.jpg"].info.damaged and not by_name["new/IMG_1.jpg"].info.damaged
    review = Review(result, 20)
    [group] = review.groups
    assert result.photos[group.reference].path == str(lib / "new" / "IMG_1.jpg")
    assert review.why_kept(group) == "intact: the other copy's data is damaged"


def test_traits_come_from_the_content_not_the_name(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(13, (640, 480))
    lib.mkdir()
    (lib / "really_a_jpeg.png").write_bytes(jpeg_bytes(photo, quality=75))
    save(photo.convert("L"), lib / "grey.jpg", quality=90)
    buf = io.BytesIO()
    photo.save(buf, "PPM")
    (lib / "scan.ppm").write_bytes(buf.getvalue())
    result = run_scan(lib)
    info = {os.path.basename(p.path): p.info for p in result.photos}
    assert set(info) == {"really_a_jpeg.png", "grey.jpg", "scan.ppm"}  # Netpbm is a photo format
    assert (info["really_a_jpeg.png"].format, info["really_a_jpeg.png"].quality) == ("JPEG", 75)
    assert info["grey.jpg"].grey and not info["really_a_jpeg.png"].grey
    assert info["scan.ppm"].format == "PPM" and info["scan.ppm"].quality == 0


def test_remembered_choices_equal_fresh_ones() -> None:
    """A keeper reuses its choice for a group met before; it must be the choice made afresh."""
    import numpy as np

    from photodedupe.core.group_list import GroupList
    from photodedupe.core.keep.keeper import Keeper
    from photodedupe.core.model import FileEntry, Photo, PhotoInfo

    rng = np.random.default_rng(4)
    photos = [
        Photo(
            FileEntry(f"/p/{k:03d}.jpg", 1000, int(rng.integers(0, 5))),
            PhotoInfo(hash=k, width=400, height=300, quality=int(rng.choice([60, 90])), tone=rng.bytes(64)),
        )
        for k in range(300)
    ]

    def groups(seed: int) -> GroupList:
        order = np.random.default_rng(seed).permutation(300).astype(np.int32)
        cuts = np.unique(np.random.default_rng(seed + 1).integers(1, 300, 60))
        offsets = np.concatenate([[0], cuts, [300]]).astype(np.int64)
        return GroupList(order, np.zeros(300, np.uint16), np.zeros(300, bool), offsets)

    remembering = Keeper(photos)
    for seed in (1, 2, 1, 3, 2):
        g = groups(seed)
        assert np.array_equal(remembering.positions(g), Keeper(photos).positions(g))


def test_a_full_memory_of_choices_keeps_the_present_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past 8 choices per group the keeper starts again, from the groups on screen: a slider
    moving on from them does not choose their keepers anew."""
    import numpy as np

    from photodedupe.core.group_list import GroupList
    from photodedupe.core.keep import keeper
    from photodedupe.core.model import FileEntry, Photo, PhotoInfo

    rng = np.random.default_rng(6)
    photos = [
        Photo(
            FileEntry(f"/p/{k:03d}.jpg", 1000 + k, 0),
            PhotoInfo(hash=k, width=400, height=300, tone=rng.bytes(64)),
        )
        for k in range(200)
    ]

    def pairs(seed: int) -> GroupList:
        """Photos 0-99 paired the same way each time, 100-199 another way each time."""
        order = np.concatenate([np.arange(100), 100 + np.random.default_rng(seed).permutation(100)])
        return GroupList(
            order.astype(np.int32), np.zeros(200, np.uint16), np.zeros(200, bool), np.arange(0, 201, 2)
        )

    chosen: list[int] = []
    real = keeper._choose
    monkeypatch.setattr(keeper, "_choose", lambda *a: chosen.append(a[-1] - a[-2]) or real(*a))
    remembering = keeper.Keeper(photos)
    seed, known = 0, 0
    while remembering._memo[2] >= known:  # 50 new groups each time: past 800, it starts again
        known = remembering._memo[2]
        seed += 1
        fresh = keeper.Keeper(photos).positions(pairs(seed))
        assert np.array_equal(remembering.positions(pairs(seed)), fresh)
    assert seed < 20
    chosen.clear()
    remembering.positions(pairs(seed))  # what was on screen when it started again is still known
    assert chosen == []
