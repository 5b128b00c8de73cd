"""Copies plain dHash misses, and look-alikes it wrongly pairs, pinned with images the tests make."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.features import CROP_WINDOWS, straighten, window_grids
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.thresholds import default_threshold, max_threshold
from tests.conftest import make_photo, save


def scan_folder(folder: Path) -> ScanResult:
    with HashCache(None) as cache:
        return scan([str(folder)], cache=cache)


def grouped(result: ScanResult, threshold: int) -> list[set[str]]:
    groups = result.groups(threshold, keeper_for(result))
    return [{os.path.basename(result.photos[m.index].path) for m in g.members} for g in groups]


def together(result: ScanResult, a: str, b: str, threshold: int) -> bool:
    return any({a, b} <= g for g in grouped(result, threshold))


@pytest.fixture
def photo() -> Image.Image:
    return make_photo(41, (1200, 900))


def screenshot_of(im: Image.Image, screen=(1920, 1080), dark=True) -> Image.Image:
    """The photo shown in an image viewer's window, as a screenshot captures it."""
    bg, chrome = ((30, 30, 32), (45, 45, 48)) if dark else ((245, 245, 245), (225, 225, 228))
    canvas = Image.new("RGB", screen, bg)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, screen[0], 36), fill=chrome)
    draw.rectangle((0, screen[1] - 36, screen[0], screen[1]), fill=chrome)
    for k in range(3):
        draw.ellipse((12 + 22 * k, 12, 24 + 22 * k, 24), fill=(237, 94, 84))
    draw.text((screen[0] // 2 - 40, 10), "Image Viewer", fill=(200, 200, 200))
    scale = min((screen[0] - 40) / im.width, (screen[1] - 112) / im.height)
    shown = im.resize((round(im.width * scale), round(im.height * scale)))
    canvas.paste(shown, ((screen[0] - shown.width) // 2, (screen[1] - shown.height) // 2))
    return canvas


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("letterbox.jpg", lambda im: _letterbox(im, (1600, 900), "black")),
        ("pillarbox_white.jpg", lambda im: _letterbox(im, (1200, 1200), "white")),
        ("crop10.jpg", lambda im: im.crop((60, 45, 1140, 855))),  # 10 % of each side removed, centred
        ("crop10_corner.jpg", lambda im: im.crop((0, 0, 1080, 810))),
        ("crop10_top.jpg", lambda im: im.crop((60, 0, 1140, 810))),  # between two corners
        ("crop10_side.jpg", lambda im: im.crop((0, 45, 1080, 855))),
        ("crop10_off.jpg", lambda im: im.crop((30, 80, 1110, 890))),  # anywhere in between
        ("straightened_3.jpg", lambda im: straighten(im, 3.0)),
        ("straightened_-1.5.jpg", lambda im: straighten(im, -1.5)),
        ("rot90.jpg", lambda im: im.transpose(Image.Transpose.ROTATE_270)),
        ("rot180.jpg", lambda im: im.transpose(Image.Transpose.ROTATE_180)),
        ("mirror.jpg", lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
        ("screenshot.png", lambda im: screenshot_of(im)),
        ("screenshot_light.png", lambda im: screenshot_of(im, dark=False)),
        ("screenshot_phone.png", lambda im: screenshot_of(im, screen=(1080, 2400), dark=False)),
    ],
)
@pytest.mark.slow
def test_copy_is_grouped_with_its_original(tmp_path: Path, photo: Image.Image, name: str, make) -> None:
    save(photo, tmp_path / "original.jpg", quality=92)
    save(make(photo), tmp_path / name, quality=90)
    save(make_photo(42, (1200, 900)), tmp_path / "other.jpg", quality=92)
    result = scan_folder(tmp_path)
    assert together(result, "original.jpg", name, default_threshold())
    assert not any("other.jpg" in g for g in grouped(result, max_threshold()))


def test_a_dark_photo_in_black_bars_is_known_by_its_picture(tmp_path: Path, photo: Image.Image) -> None:
    """Its dark area touches the bars, but fills no edge of the image: it is picture, not frame."""
    coat = with_dark_coat(photo)
    save(coat, tmp_path / "original.jpg", quality=92)
    save(_letterbox(coat, (1600, 900), "black"), tmp_path / "pillarbox.jpg", quality=90)
    result = scan_folder(tmp_path)
    assert together(result, "original.jpg", "pillarbox.jpg", default_threshold())


def with_dark_coat(im: Image.Image) -> Image.Image:
    """The photo with a large flat dark area along its top and left, as a dark coat or book gives."""
    out = im.copy()
    ImageDraw.Draw(out).rectangle((0, 0, 640, 700), fill=(34, 30, 28))
    return out


def _letterbox(im: Image.Image, canvas: tuple[int, int], colour: str) -> Image.Image:
    out = Image.new("RGB", canvas, colour)
    scale = min(canvas[0] / im.width, canvas[1] / im.height)
    shown = im.resize((round(im.width * scale), round(im.height * scale)))
    out.paste(shown, ((canvas[0] - shown.width) // 2, (canvas[1] - shown.height) // 2))
    return out


def dark_photo(seed: int) -> Image.Image:
    """A nearly black night shot: faint noise over a little shading, as a pocket photo gives."""
    rng = np.random.default_rng(seed)
    base = rng.uniform(4, 14, (3, 4))
    shading = np.asarray(Image.fromarray(base.astype(np.float32), "F").resize((800, 600)))
    noisy = shading + rng.normal(0, 2.0, (600, 800))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).convert("RGB")


def test_flat_dark_photos_are_not_paired(tmp_path: Path) -> None:
    for k in range(4):
        save(dark_photo(k), tmp_path / f"night{k}.jpg", quality=85)
    result = scan_folder(tmp_path)
    assert result.groups(default_threshold(), keeper_for(result)) == []
    assert result.groups(max_threshold(), keeper_for(result)) == []


def test_far_crops_of_one_photo_are_not_paired(tmp_path: Path) -> None:
    wide = make_photo(43, (2400, 1000))
    save(wide.crop((0, 0, 1100, 1000)), tmp_path / "left.jpg", quality=90)
    save(wide.crop((1300, 0, 2400, 1000)), tmp_path / "right.jpg", quality=90)
    save(wide, tmp_path / "whole.jpg", quality=90)
    result = scan_folder(tmp_path)
    for g in grouped(result, max_threshold()):
        assert not {"left.jpg", "right.jpg"} <= g
        assert not ({"whole.jpg"} & g and {"left.jpg", "right.jpg"} & g)


def test_burst_frames_only_at_loose(tmp_path: Path, photo: Image.Image) -> None:
    """Frames a second apart are different shots: not duplicates, but the Loose end finds them."""

    def with_date(when: str) -> Image.Exif:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = when
        return exif

    save(photo, tmp_path / "IMG_0001.JPG", quality=92, exif=with_date("2024:05:01 10:00:00"))
    save(photo, tmp_path / "IMG_0001_copy.jpg", quality=70, exif=with_date("2024:05:01 10:00:00"))
    frame = photo.crop((40, 30, 1160, 870)).resize((1200, 900))  # the camera moved a little
    save(frame, tmp_path / "IMG_0002.JPG", quality=92, exif=with_date("2024:05:01 10:00:01"))
    result = scan_folder(tmp_path)
    at_default = grouped(result, default_threshold())
    assert {"IMG_0001.JPG", "IMG_0001_copy.jpg"} in at_default
    assert not any("IMG_0002.JPG" in g for g in at_default)
    assert together(result, "IMG_0001.JPG", "IMG_0002.JPG", max_threshold())


def test_a_dim_flat_sky_and_ground_are_picture_but_bars_are_a_frame() -> None:
    """A dim photo's sky and ground fill its edges within a few grey levels, as bars do; unlike bars,
    they are not one level. Taken for a frame, they cut a different "picture" out of each copy, and
    the copies' hashes had nothing in common (issue 25: dim photos lost their copies)."""
    import numpy as np

    from photodedupe.core.find.features import content_box

    rng = np.random.default_rng(5)
    h, w = 120, 160
    picture = rng.uniform(5, 40, (h, w))
    picture[: h // 3] = 22 + rng.normal(0, 1.0, (h // 3, w))  # a dim sky: flat, but not one level
    picture[2 * h // 3 :] = 8 + rng.normal(0, 1.0, (h - 2 * h // 3, w))  # dark ground
    assert content_box(picture) == (0, 0, w, h)
    smooth = picture.copy()  # a dim sky with no noise at all is one level too: the photo is too flat
    smooth[: h // 3], smooth[2 * h // 3 :] = 22.0, 8.0  # for any edge of it to be told from bars
    assert content_box(smooth) == (0, 0, w, h)
    barred = picture.copy()
    barred[:20], barred[-20:] = 0.0, 0.0  # letterbox bars: one level
    x0, y0, x1, y1 = content_box(barred)
    assert (x0, x1) == (0, w) and abs(y0 - 20) <= 2 and abs(y1 - (h - 20)) <= 2


@pytest.mark.parametrize("side", [9, 17])
def test_crop_windows_are_what_pillow_resizing_makes(side: int) -> None:
    """The windows' matrices give Pillow's LANCZOS box resize to the bit, so no cached hash changes."""
    rng = np.random.default_rng(side)
    for size in [(64, 64), (47, 47)]:
        pixels = rng.uniform(0, 255, size[::-1]).astype(np.float32)
        pixels[:, :9] = 17.0  # a flat band: equal cells must stay exactly equal
        content = Image.fromarray(pixels, "F")
        w, h = content.size
        expected = []
        for fx, fy in CROP_WINDOWS:
            left, top = (w - 0.9 * w) * fx, (h - 0.9 * h) * fy
            box = (left, top, left + 0.9 * w, top + 0.9 * h)
            expected.append(np.asarray(content.resize((side, side), Image.Resampling.LANCZOS, box=box)))
        assert np.array_equal(window_grids(content, side), np.stack(expected))
