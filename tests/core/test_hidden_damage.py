"""Damage a thumbnail or preview hides, and thumbnails that fail or lie (issue 26).

A HEIC keeps its thumbnail, and a DNG its preview, when the file is cut short;
either would hash as intact. A thumbnail that libheif cannot decode, or that is
not a scaled copy of the picture, must not decide what the photo is.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import PhotoError, decode_photo, why_not_whole
from photodedupe.core.find.hashing import hamming
from photodedupe.core.find.scan import scan
from photodedupe.core.review import Review
from tests.conftest import make_photo, save
from tests.heiffiles import break_image, picture_last, replace_thumbnail
from tests.rawfiles import make_dng


def _cut(path: Path, keep: float) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def _phone_heic(path: Path, photo: Image.Image) -> Path:
    save(photo, path, quality=80, thumbnails=[320])
    picture_last(path)
    return path


@pytest.mark.slow
def test_a_heic_thumbnail_that_fails_to_decode_is_passed_over(tmp_path: Path) -> None:
    """The camera HIF case: the thumbnail fails, the picture decodes; the photo is not damaged."""
    photo = make_photo(61, (1200, 900))
    twin = decode_photo(str(save(photo, tmp_path / "twin.jpg", quality=92)))
    path = save(photo, tmp_path / "camera.hif", format="HEIF", quality=80, thumbnails=[320])
    break_image(path, (320, 240))
    info = decode_photo(str(path))
    assert not info.damaged and "preview" not in info.details
    assert hamming(info.hash, twin.hash) <= 4


@pytest.mark.slow
def test_a_heic_thumbnail_of_another_shape_is_not_its_picture(tmp_path: Path) -> None:
    """A thumbnail that is not a scaled copy (another aspect ratio) is another picture: not hashed."""
    photo, stranger = make_photo(62, (1200, 900)), make_photo(63, (256, 248))
    twin = decode_photo(str(save(photo, tmp_path / "twin.jpg", quality=92)))
    donor = save(stranger, tmp_path / "donor.heic", quality=80, thumbnails=[])
    path = save(photo, tmp_path / "edited.heic", quality=80, thumbnails=[320])
    replace_thumbnail(path, (320, 240), donor)
    with Image.open(path):  # the file really carries the stranger as its thumbnail
        import pillow_heif

        heif = pillow_heif.open_heif(path)
        assert heif[heif.primary_index].get_thumbnail(0).size == (256, 248)
    info = decode_photo(str(path))
    assert "preview" not in info.details and not info.damaged
    assert hamming(info.hash, twin.hash) <= 4


@pytest.mark.slow
def test_a_heic_cut_short_is_damaged_and_never_kept_over_its_original(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(64, (1600, 1200))
    original = _phone_heic(lib / "new" / "IMG_0001.HEIC", photo)
    (lib / "old").mkdir()
    for keep in (0.3, 0.6, 0.99):
        cut = _cut(Path(shutil.copy(original, lib / "old" / f"IMG_0001-{keep}.HEIC")), keep)
        info = decode_photo(str(cut))  # its thumbnail is still whole, and still hashes
        assert info.damaged and '"preview":"the HEIF thumbnail"' in info.details
    result = scan([str(lib)], cache=HashCache(tmp_path / "cache.db"))
    [group] = Review(result, 20).groups
    assert len(group.members) == 4
    assert result.photos[group.reference].path == str(original)


def test_a_dng_cut_short_is_damaged_and_its_jpeg_twin_kept(tmp_path: Path) -> None:
    """Its preview reads; its sensor data does not. It is not 'the camera's RAW' to keep."""
    lib = tmp_path / "lib"
    photo = make_photo(65, (1600, 1200))
    raw = _cut(make_dng(lib / "IMG_0002.DNG", photo, sensor_last=True), 0.6)
    assert decode_photo(str(raw)).damaged
    save(photo, lib / "IMG_0002.JPG", quality=92)
    whole = make_dng(tmp_path / "whole.dng", photo, sensor_last=True)
    assert not decode_photo(str(whole)).damaged
    result = scan([str(lib)], cache=HashCache(tmp_path / "cache.db"))
    [group] = Review(result, 20).groups
    assert result.photos[group.reference].path == str(lib / "IMG_0002.JPG")


def test_a_png_with_a_corrupt_byte_is_not_hashed_from_the_half_it_read(tmp_path: Path) -> None:
    """Its EXIF read (getexif) loads the pixels for a PNG; the decode error it met was swallowed."""
    buf = io.BytesIO()
    make_photo(66, (800, 600)).save(buf, "PNG")
    path = tmp_path / "drawing.png"
    for at in range(len(buf.getvalue()) // 2, len(buf.getvalue()) // 2 + 64):
        data = bytearray(buf.getvalue())
        data[at] ^= 0xFF  # one byte inside the image data: most such bytes break the deflate stream
        path.write_bytes(bytes(data))
        try:
            with Image.open(path) as im:
                im.load()
        except (OSError, SyntaxError, ValueError):
            break  # Pillow itself finds this one damaged
    else:
        raise AssertionError("no byte found that Pillow reports damaged")
    try:
        info = decode_photo(str(path))
    except PhotoError as exc:
        assert "damaged" in str(exc) or "truncated" in str(exc)
    else:
        raise AssertionError(f"hashed from what it could read: {info.hash:x}")


@pytest.mark.slow
def test_a_batch_leaves_the_copies_of_a_kept_photo_that_cannot_be_read_in_full(tmp_path: Path) -> None:
    """The kept HEIC's picture is broken, its thumbnail is not: the scan cannot tell; the batch can."""
    from photodedupe.core.files.actions import move_to_trash
    from photodedupe.core.files.trash import FreedesktopTrash
    from photodedupe.core.paths import batches_dir

    lib = tmp_path / "lib"
    photo = make_photo(68, (1600, 1200))
    kept = _phone_heic(lib / "IMG_0003.HEIC", photo)
    break_image(kept, (1600, 1200))
    copy = save(photo.resize((800, 600)), lib / "small copy.jpg", quality=80)
    other = make_photo(69, (1600, 1200))
    whole = save(other, lib / "other" / "IMG_0004.HEIC", quality=80, thumbnails=[320])
    save(other.resize((800, 600)), lib / "other" / "small copy.jpg", quality=80)
    result = scan([str(lib)], cache=HashCache(tmp_path / "cache.db"))
    review = Review(result, 20)
    kept_paths = {result.photos[g.reference].path for g in review.groups}
    assert str(kept) in kept_paths and str(whole) in kept_paths  # the scan took both for whole
    review.mark_all_but_best()
    report = move_to_trash(
        review.plan(), FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
    )
    assert copy.exists() and not (lib / "other" / "small copy.jpg").exists()
    [failure] = report.failed
    assert failure.path == str(copy) and "cannot be read in full" in failure.reason


def test_libraw_errors_are_said_in_plain_words_and_are_lasting(tmp_path: Path) -> None:
    """A RAW cut short makes LibRaw raise an "Input/output error": it is the file, so it is cached."""
    import rawpy

    from photodedupe.core.find.decode import libraw_in_words

    raw = _cut(make_dng(tmp_path / "IMG_6.DNG", make_photo(70, (800, 600)), sensor_last=True), 0.6)
    try:
        with libraw_in_words(), rawpy.imread(str(raw)) as opened:
            opened.unpack()  # the sensor data, which is cut
    except PhotoError as exc:
        assert str(exc) == "the RAW data is truncated (incomplete file)" and exc.lasting
    else:
        raise AssertionError("LibRaw read a cut sensor image")
