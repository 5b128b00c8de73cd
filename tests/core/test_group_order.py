"""The order the groups are listed in: space freed (the default), most photos, date taken, folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.rules import DEFAULT_RULES
from photodedupe.core.model import GROUP_ORDERS
from photodedupe.core.review import Review, prepare_review, review_for
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


def _listing(review: Review) -> list[tuple[tuple[int, ...], tuple[int, ...], int]]:
    """What the window lists: each group's photos (★ first), distances and bytes freed, in order."""
    return [
        (tuple(m.index for m in g.members), tuple(m.distance for m in g.members), review.reclaimable(g))
        for g in review.groups
    ]


def test_a_threshold_met_again_is_listed_as_a_new_review_lists_it(review: Review) -> None:
    """Groupings are kept for the slider's way back: they must be what regrouping anew gives,
    in the order chosen since, and follow a change of rules."""

    def fresh(threshold: int) -> Review:
        new = Review(review.result, threshold, rules=review.rules)
        new.sort_by = review.sort_by
        return new

    for threshold in (10, 0, 20, 10, 0, 20):
        review.regroup(threshold)
        assert _listing(review) == _listing(fresh(threshold))
        assert all(review.row_of(m.index) == row for row, g in enumerate(review.groups) for m in g.members)
    review.sort_by = "taken"
    for threshold in (0, 10):
        review.regroup(threshold)
        assert _listing(review) == _listing(fresh(threshold)) and _leaders(review)[0] == "old"
    before = _listing(review)
    review.rules = ("newest",)  # copies without a date taken are kept now
    review.regroup(20)
    review.regroup(10)
    assert _listing(review) == _listing(fresh(10)) and _listing(review) != before


def test_a_review_made_in_the_scans_thread_is_handed_out_once_and_up_to_date(review: Review) -> None:
    """The window's review is made with the scan (``prepare_review``); by the time it is shown the
    slider, rules or reference folders may have moved, and it must list what a new review would."""
    result = review.result
    made = prepare_review(result, 10)
    assert review_for(result, 10) is made
    assert review_for(result, 10) is not made  # handed out once: a second asks for a new one
    changes = [
        (0, ("newest",), ()),
        (20, DEFAULT_RULES, (str(Path(result.photos[0].path).parent),)),
        (10, DEFAULT_RULES, ()),
    ]
    for threshold, rules, references in changes:
        prepare_review(result, 10)
        handed = review_for(result, threshold, references, rules)
        fresh = Review(result, threshold, references, rules)
        assert _listing(handed) == _listing(fresh)
        assert [handed.why_kept(g) for g in handed.groups] == [fresh.why_kept(g) for g in fresh.groups]
        settings = (handed.rules, handed.reference_folders, handed.threshold)
        assert settings == (rules, list(references), threshold)


def test_the_bytes_freed_in_all_are_each_groups_summed(review: Review) -> None:
    """The heading's and status bar's total, made from the grouping's savings at once."""
    for threshold in (0, 10, 20):
        review.regroup(threshold)
        for order in ("taken", "saving"):
            review.sort_by = order
            assert review.reclaimable_total() == sum(review.reclaimable(g) for g in review.groups) > 0
