"""A picture's copies end in one group whatever else is in the library (issue 25): scanned alone,
or among many other photos and other pictures' copies, they make the same group."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from photodedupe.core.cache import HashCache
from photodedupe.core.scan import scan
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
    for group in result.groups(default_threshold()):
        names = {result.photos[m.index].path for m in group.members} & wanted
        if names:
            found.append(names)
    return found


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
