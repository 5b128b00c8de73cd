"""The order the groups are listed in: space freed (the default), most photos, date taken, folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.model import GROUP_ORDERS
from photodedupe.core.review import Review
from tests.conftest import make_photo, save


def _taken(when: str) -> Image.Exif:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = when
    return exif


@pytest.fixture
def review(tmp_path: Path) -> Review:
    """Three pictures: "big" frees most, "many" has most copies, "old" is the oldest and its folder
    sorts first; "undated" has no date taken."""
    lib = tmp_path / "lib"
    big = make_photo(41, (1600, 1200))
    save(big, lib / "m" / "big.jpg", quality=95, exif=_taken("2020:05:01 10:00:00"))
    save(big, lib / "m" / "big copy.jpg", quality=94)
    many = make_photo(42, (400, 300))
    save(many, lib / "n" / "many.jpg", quality=90, exif=_taken("2019:05:01 10:00:00"))
    for k in range(3):
        save(many.resize((380 - 20 * k, 285 - 15 * k)), lib / "n" / f"many {k}.jpg", quality=80)
    old = make_photo(43, (600, 450))
    save(old, lib / "a" / "old.jpg", quality=92, exif=_taken("2001:01:01 09:00:00"))
    save(old.resize((300, 225)), lib / "a" / "old small.jpg", quality=80)
    undated = make_photo(44, (600, 450))
    save(undated, lib / "z" / "undated.jpg", quality=92)
    save(undated.resize((300, 225)), lib / "z" / "undated small.jpg", quality=80)
    with HashCache(str(tmp_path / "cache.db")) as cache:
        return Review(scan([str(lib)], cache=cache), 10)


def _leaders(review: Review) -> list[str]:
    return [Path(review.photos[g.reference].path).stem for g in review.groups]


def test_groups_are_listed_in_the_order_chosen(review: Review) -> None:
    assert review.sort_by == "saving" and _leaders(review)[0] == "big"
    review.sort_by = "photos"
    assert _leaders(review)[0] == "many"
    review.sort_by = "taken"
    assert _leaders(review) == ["old", "many", "big", "undated"]  # no date taken: last
    review.sort_by = "folder"
    assert _leaders(review) == ["old", "big", "many", "undated"]
    assert set(GROUP_ORDERS) == {"saving", "photos", "taken", "folder"}


def test_reordering_keeps_marks_and_each_photos_group(review: Review) -> None:
    review.mark_all_but_best()
    marked = set(review.marked)
    review.sort_by = "taken"
    assert review.marked == marked
    for row, group in enumerate(review.groups):
        assert all(review.row_of(m.index) == row for m in group.members)
    review.regroup(8)  # the slider moves: the chosen order stays
    assert review.sort_by == "taken" and _leaders(review)[0] == "old"


def test_an_unknown_order_is_refused(review: Review) -> None:
    with pytest.raises(ValueError):
        review.sort_by = "colour"
