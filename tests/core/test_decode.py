"""Decoding and hashing real files: orientation, formats, and every kind of bad file."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from photodedupe.core.find.decode import PhotoError, decode_photo
from photodedupe.core.find.features import WINDOW_COUNT
from photodedupe.core.find.hashing import dhash_from_grid, hamming
from photodedupe.core.model import PhotoInfo
from tests.conftest import make_photo, save, with_orientation
from tests.rawfiles import make_dng


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_equals_upright_copy(tmp_path: Path, orientation: int) -> None:
    upright = make_photo(1, (600, 400))
    stored, exif = with_orientation(upright, orientation)
    # Pillow agrees that this file displays as the upright photo.
    assert np.array_equal(np.asarray(ImageOps.exif_transpose(stored_copy(stored, exif))), np.asarray(upright))
    a = decode_photo(str(save(upright, tmp_path / "up.png")))
    b = decode_photo(str(save(stored, tmp_path / "stored.jpg", exif=exif, quality=95)))
    assert hamming(a.hash, b.hash) <= 4
    assert (b.width, b.height) == (600, 400)


def stored_copy(stored: Image.Image, exif: Image.Exif) -> Image.Image:
    im = stored.copy()
    im.info["exif"] = exif.tobytes()
    im.getexif().update(exif)
    return im


def test_rotated_pixels_without_tag_differ(tmp_path: Path) -> None:
    a = decode_photo(str(save(make_photo(2), tmp_path / "a.png")))
    b = decode_photo(str(save(make_photo(2).transpose(Image.Transpose.ROTATE_90), tmp_path / "b.png")))
    assert hamming(a.hash, b.hash) > 30


def test_hash_lengths(tmp_path: Path) -> None:
    path = str(save(make_photo(3), tmp_path / "a.jpg", quality=90))
    assert decode_photo(path).hash < 1 << 128
    fine = decode_photo(path, hash_size=16).hash
    assert 1 << 400 < fine < 1 << 512  # 512 bits, the top ones used


def test_dhash_bit_order() -> None:
    grid = np.zeros((9, 9))
    grid[0, 1] = 1  # only the first row comparison is "brighter to the right"
    assert dhash_from_grid(grid) == 1 << 127


@pytest.mark.slow
def test_draft_decode_close_to_full_decode(tmp_path: Path) -> None:
    big = make_photo(4, (4000, 3000))
    path = save(big, tmp_path / "big.jpg", quality=92)
    drafted = decode_photo(str(path)).hash
    full = dhash_from_grid(
        np.asarray(Image.open(path).convert("L").convert("F").resize((9, 9), Image.Resampling.LANCZOS))
    )
    assert hamming(drafted, full) <= 3


def test_metadata_is_read(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D"
    exif.get_ifd(0x8769)[0x9003] = "2021:07:04 18:30:00"
    info = decode_photo(str(save(make_photo(5), tmp_path / "a.jpg", exif=exif)))
    assert info.camera == "Canon EOS 5D"
    assert info.taken == "2021-07-04T18:30:00"
    assert (info.width, info.height) == (640, 480)


def test_jpeg_named_png_is_fine(tmp_path: Path) -> None:
    path = save(make_photo(6), tmp_path / "really_a.png", format="JPEG")
    assert decode_photo(str(path)).width == 640


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


BAD_FILES = {
    "zero.jpg": (b"", "empty file"),
    "text.jpg": (b"Dear diary, today I took no photos.\n" * 3, "contains text"),
    "page.webp": (b"<!DOCTYPE html><html><body>404</body></html>", "HTML"),
    "noise.jpeg": (bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8)), "not a known"),
    "bomb.png": (_png_header(100_000, 100_000), "decompression bomb"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_get_a_reason(tmp_path: Path, name: str) -> None:
    data, words = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PhotoError, match=words):
        decode_photo(str(path))


def test_truncated_jpeg(tmp_path: Path) -> None:
    data = (save(make_photo(7), tmp_path / "ok.jpg", quality=90)).read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(PhotoError, match="truncated"):
        decode_photo(str(path))


def test_broken_exif_keeps_the_photo(tmp_path: Path) -> None:
    good = save(make_photo(8), tmp_path / "ok.jpg", quality=90).read_bytes()
    # An APP1 "Exif" segment whose TIFF header is garbage, right after SOI.
    junk = b"Exif\0\0" + b"XX\x00\x2a" + b"\xff" * 40
    broken = good[:2] + b"\xff\xe1" + struct.pack(">H", len(junk) + 2) + junk + good[2:]
    path = tmp_path / "broken_exif.jpg"
    path.write_bytes(broken)
    info = decode_photo(str(path))
    assert info.taken is None and (info.width, info.height) == (640, 480)


def test_vanished_file(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="vanished") as caught:
        decode_photo(str(tmp_path / "gone.jpg"))
    assert not caught.value.lasting


@pytest.mark.parametrize("size", [(1, 1), (1, 700), (700, 1), (2, 3), (9, 9)])
def test_tiny_and_thin_images_are_hashed(tmp_path: Path, size: tuple[int, int]) -> None:
    """An icon-sized or one-pixel-thin image is a picture like any other, not an unexpected error."""
    pixels = np.random.default_rng(3).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    path = tmp_path / "tiny.png"
    Image.fromarray(pixels).save(path)
    info = decode_photo(str(path))
    assert (info.width, info.height) == size and len(info.windows) == 16 * WINDOW_COUNT


def _both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, int]:
    """decode_photo's outcome with simplejpeg and with Pillow alone, and how often simplejpeg decoded."""
    import simplejpeg as real

    import photodedupe.core.find.decode as decode

    calls = []

    class Counting:
        def __getattr__(self, name: str) -> object:
            if name == "decode_jpeg":
                calls.append(path)
            return getattr(real, name)

    def outcome() -> object:
        try:
            return decode_photo(str(path))
        except PhotoError as exc:
            return str(exc)

    monkeypatch.setattr(decode, "simplejpeg", Counting())
    fast = outcome()
    monkeypatch.setattr(decode, "simplejpeg", None)
    return fast, outcome(), len(calls)


@pytest.mark.parametrize(
    ("size", "mode", "options"),
    [
        ((1600, 1200), "RGB", {"quality": 90}),  # 1/8 scale, as camera photos
        ((1200, 1700), "RGB", {"quality": 75, "subsampling": 0}),
        ((1300, 1250), "L", {"quality": 85}),
        ((1800, 1200), "RGB", {"quality": 88, "progressive": True}),
        ((900, 700), "RGB", {"quality": 80}),  # 1/4
        ((500, 333), "RGB", {"quality": 92, "progressive": True}),  # 1/2
        ((250, 187), "L", {"quality": 70}),  # whole
    ],
)
def test_jpegs_decode_alike_with_simplejpeg_and_pillow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], mode: str, options: dict
) -> None:
    path = tmp_path / "photo.jpg"
    make_photo(3, size).convert(mode).save(path, **options)
    fast, pillow, used = _both_ways(path, monkeypatch)
    assert used == 1  # decoded the fast way, at the scale Pillow's draft would take
    assert fast == pillow


@pytest.mark.parametrize("side", [1024, 3000])
def test_raw_previews_decode_alike_with_simplejpeg_and_pillow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, side: int
) -> None:
    """A RAW's JPEG preview (1024 px or full size, at 1/4 and 1/8 scale) is decoded as a JPEG is."""
    path = make_dng(tmp_path / "raw.dng", make_photo(8, (3000, 2000)), preview_side=side)
    fast, pillow, used = _both_ways(path, monkeypatch)
    assert used == 1 and isinstance(fast, PhotoInfo)
    assert fast == pillow


def test_damaged_camera_jpegs_are_decoded_and_reported_by_pillow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = save(make_photo(5, (1600, 1200)), tmp_path / "ok.jpg", quality=90).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) // 2])
    fast, pillow, _ = _both_ways(cut, monkeypatch)
    assert fast == pillow and "truncated" in str(fast)
    # Bytes missing inside the data (libjpeg warns, Pillow still decodes): the same photo both ways.
    holed = tmp_path / "holed.jpg"
    holed.write_bytes(data[: len(data) // 2] + data[len(data) // 2 + 300 :])
    fast, pillow, _ = _both_ways(holed, monkeypatch)
    assert fast == pillow


def test_the_log_names_the_decoders_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import photodedupe.core.find.decode as decode

    assert "simplejpeg 1." in decode.decoders()
    monkeypatch.setattr(decode, "simplejpeg", None)
    assert "simplejpeg missing (Pillow instead)" in decode.decoders()
