"""A picture's copies end in one group whatever else is in the library (issue 25): scanned alone,
or among many other photos and other pictures' copies, they make the same group."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.thresholds import default_threshold
from tests.conftest import make_photo, save


def _copies(picture: Image.Image, folder: Path, name: str) -> list[Path]:
    w, h = picture.size
    return [
        save(picture, folder / f"{name}.jpg", quality=92),
        save(picture.resize((w // 2, h // 2)), folder / "web" / f"{name}_half.jpg", quality=85),
        save(picture, folder / "web" / f"{name}_q60.jpg", quality=60),
        save(picture.transpose(Image.Transpose.ROTATE_90), folder / "turned" / f"{name}_90.jpg", quality=90),
        save(
            picture.transpose(Image.Transpose.ROTATE_180), folder / "turned" / f"{name}_180.jpg", quality=90
        ),
        save(picture.transpose(Image.Transpose.FLIP_LEFT_RIGHT), folder / "turned" / f"{name}_flip.jpg"),
        save(
            picture.crop((w // 40, h // 40, w - w // 40, h - h // 40)), folder / "crop" / f"{name}_crop.jpg"
        ),
    ]


def _groups_of(paths: list[Path], roots: list[Path], cache: HashCache) -> list[set[str]]:
    result = scan([str(r) for r in roots], cache=cache)
    wanted = {str(p) for p in paths}
    found = []
    for group in result.groups(default_threshold(), keeper_for(result)):
        names = {result.photos[m.index].path for m in group.members} & wanted
        if names:
            found.append(names)
    return found


@pytest.mark.slow
def test_a_pictures_copies_make_the_same_group_alone_and_in_a_library(tmp_path: Path) -> None:
    lib = tmp_path / "library"
    pictures = {
        seed: _copies(make_photo(seed, (800, 600)), lib / f"p{seed}", f"IMG_{seed}") for seed in range(60, 66)
    }
    for seed in range(100, 130):  # photos of their own
        save(make_photo(seed, (640, 480)), lib / "others" / f"DSC_{seed}.jpg", quality=90)
    with HashCache(str(tmp_path / "cache.db")) as cache:
        for seed, paths in pictures.items():
            inside = _groups_of(paths, [lib], cache)
            alone = _groups_of(paths, [lib / f"p{seed}"], cache)
            assert inside == alone == [{str(p) for p in paths}], seed


def test_a_dim_flat_photo_and_its_copies_make_one_group_and_dark_photos_stay_apart(tmp_path: Path) -> None:
    """Evening light: contrast ×0.4, brightness ×0.3, a little sensor noise; its copies (half size,
    q60, turned, mirrored, cropped, brightened by auto-levels) are one group, while near-black frames and
    dark skies with other stars group with nothing (issue 25)."""
    import numpy as np
    from PIL import ImageEnhance, ImageOps

    lib = tmp_path / "evening"
    rng = np.random.default_rng(4)
    base = np.asarray(make_photo(70, (1200, 800)), np.float32).copy()
    base[:260] = np.linspace(150, 190, 1200)[None, :, None]  # a plain sky along the top edge
    base[-200:] = 40.0  # and dark ground along the bottom one
    picture = Image.fromarray(np.clip(base + rng.normal(0, 3, base.shape), 0, 255).astype(np.uint8))
    dim = ImageEnhance.Brightness(ImageEnhance.Contrast(picture).enhance(0.4)).enhance(0.3)
    paths = _copies(dim, lib, "IMG_0070")
    paths.append(
        save(ImageOps.autocontrast(dim, cutoff=0.5), lib / "edit" / "IMG_0070_levels.jpg", quality=90)
    )
    for k in range(3):
        black = rng.normal(6 + 3 * k, 2.5, (600, 900, 1)).repeat(3, axis=2)
        save(Image.fromarray(np.clip(black, 0, 255).astype(np.uint8)), lib / "dark" / f"black_{k}.jpg")
        sky = np.full((600, 900, 3), (8, 10, 24), np.float32)
        for _ in range(200):
            x, y = int(rng.integers(0, 898)), int(rng.integers(0, 598))
            sky[y : y + 2, x : x + 2] = rng.uniform(120, 255)
        save(Image.fromarray(sky.astype(np.uint8)), lib / "dark" / f"sky_{k}.jpg")
    with HashCache(None) as cache:
        result = scan([str(lib)], cache=cache)
    groups = [
        {result.photos[m.index].path for m in g.members}
        for g in result.groups(default_threshold(), keeper_for(result))
    ]
    assert groups == [{str(p) for p in paths}]
