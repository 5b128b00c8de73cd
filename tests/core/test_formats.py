"""Every format a camera or phone writes: decoded, and grouped with its JPEG twin; metadata read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.details import Details
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.hashing import hamming
from photodedupe.core.find.metadata import date_from_name
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.thresholds import default_threshold
from tests.conftest import make_photo, save
from tests.rawfiles import make_dng

WRITERS = {
    "png": lambda im, p: save(im, p),
    "webp": lambda im, p: save(im, p, quality=85),
    "gif": lambda im, p: save(im.convert("P", palette=Image.Palette.ADAPTIVE), p),
    "bmp": lambda im, p: save(im, p),
    "tif": lambda im, p: save(im, p, compression="tiff_lzw"),
    "lab.tif": lambda im, p: save(im.convert("LAB"), p),  # CIELAB, as print and scan workflows save
    "heic": lambda im, p: save(im, p, quality=70),
    "avif": lambda im, p: save(im, p, quality=70),
    "jxl": lambda im, p: save(im, p, quality=80),
    # A 3D camera's or a Fujifilm's MPO: the picture a viewer shows, then a second frame.
    "mpo": lambda im, p: im.save(p, "MPO", save_all=True, append_images=[make_photo(52, im.size)]),
    # JPEG under the other names cameras, browsers and old Windows give it.
    "jfi": lambda im, p: save(im, p, format="JPEG", quality=90),
    "jif": lambda im, p: save(im, p, format="JPEG", quality=90),
    "pjpeg": lambda im, p: save(im, p, format="JPEG", quality=90),
    # SGI in grey (.bw) and with alpha (.rgba); HEIF and AVIF image sequences (a phone's burst).
    "bw": lambda im, p: save(im.convert("L"), p, format="SGI"),
    "rgba": lambda im, p: save(im.convert("RGBA"), p, format="SGI"),
    "heics": lambda im, p: save(im, p, format="HEIF", quality=70),
    "avifs": lambda im, p: save(im, p, format="AVIF", quality=70),
    "dng": lambda im, p: make_dng(p, im),
    "no_preview.dng": lambda im, p: make_dng(p, im, preview=False),
}


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One photo saved as a JPEG and in every other format, plus an unrelated JPEG."""
    lib = tmp_path_factory.mktemp("formats")
    photo = make_photo(50, (1200, 800))
    save(photo, lib / "photo.jpg", quality=90)
    for ext, write in WRITERS.items():
        write(photo, lib / f"photo.{ext}")
    save(make_photo(51, (1200, 800)), lib / "other.jpg", quality=90)
    return lib


@pytest.mark.slow
@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_each_format_decodes_close_to_its_jpeg_twin(twins: Path, ext: str) -> None:
    jpeg = decode_photo(str(twins / "photo.jpg"))
    info = decode_photo(str(twins / f"photo.{ext}"))
    assert (info.width, info.height) == (1200, 800)
    assert hamming(info.hash, jpeg.hash) <= default_threshold()
    assert hamming(info.hash, decode_photo(str(twins / "other.jpg")).hash) > 2 * default_threshold()


def test_every_format_groups_with_its_jpeg_twin(twins: Path) -> None:
    with HashCache(None) as cache:
        result = scan([str(twins)], cache=cache)
    assert not result.errors
    [group] = result.groups(default_threshold(), keeper_for(result))
    names = sorted(os.path.basename(result.photos[m.index].path) for m in group.members)
    assert names == sorted(["photo.jpg", *(f"photo.{ext}" for ext in WRITERS)])


def test_raw_uses_the_embedded_preview_and_reads_its_metadata(twins: Path) -> None:
    info = decode_photo(str(twins / "photo.dng"))
    details = Details.from_json(info.details)
    assert details.extra == {"raw": "embedded JPEG preview"}
    assert info.camera == "Canon EOS R5" and info.taken == "2021-07-04T18:30:00"
    bare = Details.from_json(decode_photo(str(twins / "photo.no_preview.dng")).details)
    assert bare.extra == {"raw": "demosaiced (no embedded preview)"}


def test_a_broken_raw_file_gets_a_reason(tmp_path: Path) -> None:
    from photodedupe.core.find.decode import PhotoError

    for name, data in (("empty.nef", b""), ("text.cr2", b"not a raw file at all\n" * 20)):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(PhotoError, match=r"empty file|not a RAW photo"):
            decode_photo(str(path))


def test_exif_details(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "NIKON CORPORATION", "NIKON D750", 1
    exif[0x8769] = {
        0x9003: "2019:05:06 07:08:09",
        0x829A: 1 / 250,
        0x829D: 2.8,
        0x8827: 400,
        0x920A: 35.0,
        0xA434: "AF-S NIKKOR 35mm f/1.8G",
    }
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}
    path = save(make_photo(52), tmp_path / "d750.jpg", quality=90, exif=exif)
    info = decode_photo(str(path))
    assert info.taken == "2019-05-06T07:08:09" and info.camera == "NIKON D750"
    d = Details.from_json(info.details)
    assert (d.exposure, d.aperture, d.iso, d.focal_length) == ("1/250 s", "f/2.8", 400, "35 mm")
    assert d.lens == "AF-S NIKKOR 35mm f/1.8G" and d.gps is True
    assert (d.date, d.date_from) == ("2019-05-06T07:08:09", "exif")


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("IMG_20210704_183000.jpg", "2021-07-04T18:30:00"),
        ("PXL_20230715_121718027.jpg", "2023-07-15T12:17:18"),
        ("2019-07-18 12.46.42.JPG", "2019-07-18T12:46:42"),
        ("IMG-20170328-WA7652.jpeg", "2017-03-28T00:00:00"),
        ("Screenshot_2020-01-02-10-11-12.png", "2020-01-02T10:11:12"),
        ("DSC_1483.jpeg", None),
        ("photo_20211399.jpg", None),  # no 13th month
    ],
)
def test_date_from_the_file_name(name: str, date: str | None) -> None:
    assert date_from_name(f"/photos/{name}") == date


def test_date_from_name_when_there_is_no_exif(tmp_path: Path) -> None:
    path = save(make_photo(53), tmp_path / "IMG_20210704_183000.jpg", quality=90)
    info = decode_photo(str(path))
    assert info.taken is None  # only the camera's clock counts as "taken" for bursts
    assert Details.from_json(info.details).date_from == "file name"


def test_raw_and_jpeg_of_one_shot_are_kept_together(tmp_path: Path) -> None:
    from photodedupe.core.review import Review

    lib = tmp_path / "DCIM"
    shot = make_photo(60, (1200, 800))
    make_dng(lib / "IMG_0001.DNG", shot)
    save(shot, lib / "IMG_0001.JPG", quality=95)
    save(shot.resize((600, 400)), tmp_path / "web" / "IMG_0001_small.jpg", quality=80)
    with HashCache(None) as cache:
        result = scan([str(tmp_path)], cache=cache)
    review = Review(result, default_threshold())
    [group] = review.groups
    names = {m.index: os.path.basename(result.photos[m.index].path) for m in group.members}

    def kept() -> set[str]:
        return {names[k] for k in names if k not in review.marked}

    # Whichever of the shot's two files the rules pick, the other stays too; the web copy goes.
    for rules in (("size",), ("format",), ("resolution", "name")):
        review.rules = rules
        review.mark_all_but_best()
        assert kept() == {"IMG_0001.DNG", "IMG_0001.JPG"}, rules
    # If the rules keep another photo, the shot goes as a whole: never the RAW without its JPEG.
    review.rules = ("folder",)
    review.preferred_folders = [str(tmp_path / "web")]
    review.mark_all_but_best()
    assert kept() == {"IMG_0001_small.jpg"}
    review.preferred_folders = []
    review.keep_raw_pairs = False  # the user chose to split them
    review.rules = ("format",)
    review.mark_all_but_best()
    assert kept() == {"IMG_0001.DNG"}


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_the_app_can_show_every_format(twins: Path, ext: str) -> None:
    from photodedupe.core.find.preview import load_preview

    thumb = load_preview(str(twins / f"photo.{ext}"), 160)
    assert max(thumb.size) == 160 and thumb.width > thumb.height  # landscape, as shot
    full = load_preview(str(twins / f"photo.{ext}"))
    assert full.width >= 600


@pytest.mark.slow
def test_a_heic_is_hashed_from_its_thumbnail_when_it_carries_one(tmp_path: Path) -> None:
    """Phones store a thumbnail in every HEIC: ~10 ms to decode where the picture takes ~500."""
    import time

    from photodedupe.core.find.hashing import hamming

    photo = make_photo(41, (2400, 1800))
    save(photo, tmp_path / "twin.jpg", quality=92)
    save(photo, tmp_path / "phone.heic", quality=80, thumbnails=[320])
    save(photo, tmp_path / "bare.heic", quality=80, thumbnails=[])
    twin, phone, bare = (decode_photo(str(tmp_path / n)) for n in ("twin.jpg", "phone.heic", "bare.heic"))
    assert (phone.width, phone.height) == (2400, 1800)  # the photo's size, not the thumbnail's
    assert hamming(phone.hash, twin.hash) <= 4 and hamming(phone.hash, bare.hash) <= 4
    assert '"preview":"the HEIF thumbnail"' in phone.details and "preview" not in bare.details
    timings = {}
    for name in ("phone.heic", "bare.heic"):
        started = time.perf_counter()
        decode_photo(str(tmp_path / name))
        timings[name] = time.perf_counter() - started
    assert timings["phone.heic"] * 5 < timings["bare.heic"]


@pytest.mark.slow
def test_a_heic_thumbnail_too_small_to_hash_is_not_used(tmp_path: Path) -> None:
    photo = make_photo(42, (1600, 1200))
    save(photo, tmp_path / "tiny-thumb.heic", quality=80, thumbnails=[96])
    assert "preview" not in decode_photo(str(tmp_path / "tiny-thumb.heic")).details


def test_a_lab_tiff_is_shown_in_its_colours(twins: Path) -> None:
    """Pillow cannot convert CIELAB to RGB itself: it is colour-managed to sRGB, not read as RGBA."""
    import numpy as np

    from photodedupe.core.find.preview import load_preview

    lab, jpeg = (load_preview(str(twins / name), 200) for name in ("photo.lab.tif", "photo.jpg"))
    assert lab.mode == "RGB" and np.abs(np.asarray(lab, float) - np.asarray(jpeg, float)).mean() < 4


def test_marking_every_group_at_once_marks_what_group_by_group_does(tmp_path: Path) -> None:
    """The all-groups path is numpy over the grouping; each group's is the loop it replaced."""
    from photodedupe.core.review import Review

    lib = tmp_path / "DCIM"
    for k, seed in enumerate((61, 62, 63)):
        shot = make_photo(seed, (1200, 800))
        make_dng(lib / f"IMG_000{k}.DNG", shot)
        save(shot, lib / f"IMG_000{k}.JPG", quality=95 - 10 * k)
        save(shot.resize((600, 400)), tmp_path / "web" / f"IMG_000{k}_small.jpg", quality=80)
        save(shot.resize((700, 466)), tmp_path / "archive" / f"IMG_000{k}_a.jpg", quality=85)
    with HashCache(None) as cache:
        result = scan([str(tmp_path)], cache=cache)
    for rules, references, pairs in [
        (("format",), [], True),
        (("size",), [str(tmp_path / "archive")], True),
        (("folder",), [], False),
        (("resolution", "name"), [str(tmp_path / "web"), str(tmp_path / "archive")], True),
    ]:
        at_once, one_by_one = (
            Review(result, default_threshold(), references, rules, [str(tmp_path / "web")]) for _ in "ab"
        )
        for review in (at_once, one_by_one):
            review.keep_raw_pairs = pairs
            review.marked = {m.index for g in review.groups for m in g.members}  # all marked, to be undone
            review.picked = {g.reference for g in review.groups}
        at_once.mark_all_but_best()
        one_by_one.mark_all_but_best(list(one_by_one.groups))
        assert len(at_once.groups) == 3 and at_once.marked, rules
        assert (at_once.marked, at_once.picked) == (one_by_one.marked, one_by_one.picked), rules
        plan = at_once.plan()
        assert at_once.marked_total() == (plan.count, plan.total_bytes), rules
