"""Each keep rule on its own, and the rules in order: which photo "Mark all but the best" keeps."""

from __future__ import annotations

import pytest

from photodedupe.core.details import Details
from photodedupe.core.keep.keeper import Keeper
from photodedupe.core.keep.rules import DEFAULT_RULES, RULES, describe, parse_rules
from photodedupe.core.model import Companion, FileEntry, Photo, PhotoInfo
from photodedupe.core.protection import Protection
from photodedupe.core.xmp import Edits


def with_sidecar(p: Photo, rating: int, kind: str = "xmp") -> Photo:
    """``p`` with a rated XMP sidecar (or another kind of companion) beside it."""
    edits = Edits(rating) if kind == "xmp" else None
    companion = Companion(p.path + "." + kind, kind, 10, 0, (p.path,), edits)
    return Photo(p.file, p.info, p.digest, (companion,))


def photo(path: str, *, size: int = 1000, wh: tuple[int, int] = (4000, 3000), taken: str | None = None,
          named_date: str | None = None, mtime: int = 0, **traits) -> Photo:  # fmt: skip
    details = Details(date=named_date, date_from="file name").to_json() if named_date else ""
    return Photo(
        FileEntry(path, size, mtime),
        PhotoInfo(hash=0, width=wh[0], height=wh[1], taken=taken, details=details, **traits),
    )


def best_photo(indices, photos, references=(), rules=DEFAULT_RULES, preferred_folders=()) -> int:
    return Keeper(photos, rules, Protection(references), preferred_folders).best(list(indices))


def toned(level: int) -> bytes:
    return bytes([level]) * 64


# For each rule: two photos that differ in what the rule looks at (and are made to lose on
# everything else), and the one the rule keeps.
CASES = {
    "resolution": (
        photo("/a/small.jpg", wh=(2000, 1500), size=9000),
        photo("/a/big.jpg", size=10),
        "/a/big.jpg",
    ),
    "size": (photo("/a/light.jpg", size=10), photo("/a/heavy.jpg", size=9000), "/a/heavy.jpg"),
    "oldest": (
        photo("/a/new.jpg", taken="2022-01-01T00:00:00"),
        photo("/a/old.jpg", taken="2019-01-01T00:00:00"),
        "/a/old.jpg",
    ),
    "newest": (
        photo("/a/old.jpg", taken="2019-01-01T00:00:00"),
        photo("/a/new.jpg", taken="2022-01-01T00:00:00"),
        "/a/new.jpg",
    ),
    "format": (photo("/a/IMG_1.jpg"), photo("/a/IMG_1.cr3"), "/a/IMG_1.cr3"),
    "folder": (photo("/a/x.jpg"), photo("/preferred/deep/x.jpg"), "/preferred/deep/x.jpg"),
    "name": (photo("/a/IMG_1 copy.jpg"), photo("/a/longer/IMG_1.jpg"), "/a/longer/IMG_1.jpg"),
    "original": (photo("/a/a.png"), photo("/a/cam/b.jpg", taken="2020-01-01T10:00:00"), "/a/cam/b.jpg"),
    "picture": (  # a bigger canvas, but bars around a smaller picture
        photo("/a/bars.jpg", wh=(4000, 4000), picture_width=3000, picture_height=2250),
        photo("/a/photo/pic.jpg", wh=(3000, 2250)),
        "/a/photo/pic.jpg",
    ),
    "quality": (photo("/a/q60.jpg", quality=60), photo("/a/longer/q92.jpg", quality=92), "/a/longer/q92.jpg"),
    "saved": (photo("/a/new.jpg", mtime=2 * 10**18), photo("/a/older/x.jpg", mtime=10**18), "/a/older/x.jpg"),
    "edits": (  # a rated sidecar beats none, whatever the path
        photo("/a/x.jpg"),
        with_sidecar(photo("/a/edited/x.jpg"), 5),
        "/a/edited/x.jpg",
    ),
    "central": (  # alone, two photos are equally central: the shorter path decides
        photo("/a/x.jpg", tone=toned(10)),
        photo("/a/y/x.jpg", tone=toned(200)),
        "/a/x.jpg",
    ),
}


@pytest.mark.parametrize("rule", sorted(set(RULES) - {"sharpest"}))  # measured: tested below
def test_each_rule_keeps_what_it_says(rule: str) -> None:
    loser, winner, expected = CASES[rule]
    for photos in ([loser, winner], [winner, loser]):  # whatever the order
        kept = best_photo(range(2), photos, rules=(rule,), preferred_folders=["/preferred"])
        assert photos[kept].path == expected


def test_sharpest_keeps_the_sharper_measured_frame_and_ties_within_a_tenth() -> None:
    from photodedupe.core.model import Group, Member

    blurred, sharp, unmeasured = photo("/a/x.jpg"), photo("/a/longer/y.jpg"), photo("/b.jpg")
    keeper = Keeper([blurred, sharp, unmeasured], rules=("sharpest",), sharpness={0: 10.0, 1: 40.0})
    assert keeper.best([0, 1]) == 1 and keeper.best([1, 0, 2]) == 1  # an unmeasured photo ranks last
    assert keeper.why(Group((Member(1, 0), Member(0, 0))), 1) == "sharpest (4.0× the next)"
    close = Keeper([blurred, sharp], rules=("sharpest",), sharpness={0: 38.0, 1: 40.0})
    assert close.best([0, 1]) == 0  # 5 % apart: measuring noise; the shorter path decides
    assert close.why(Group((Member(0, 0), Member(1, 0))), 0) == "sharpest (as sharp as y.jpg)"


def test_edits_prefer_the_best_rated_and_never_a_rejected_copy() -> None:
    bare, rejected = photo("/a/x.jpg"), with_sidecar(photo("/a/b/x.jpg"), -1)
    three, five = with_sidecar(photo("/a/c/x.jpg"), 3), with_sidecar(photo("/a/d/long/x.jpg"), 5)
    live = with_sidecar(photo("/a/e/x.jpg"), 0, "live")
    assert best_photo(range(2), [bare, rejected]) == 0
    assert best_photo(range(3), [bare, three, five]) == 2
    assert best_photo(range(2), [bare, live]) == 1
    keeper = Keeper([bare, five])
    from photodedupe.core.model import Group, Member

    why = keeper.why(Group((Member(1, 0), Member(0, 0))), 1)
    assert why == "has your edits (x.jpg.xmp: 5 stars)"


def test_oldest_falls_back_to_the_date_in_the_name_then_the_file_time() -> None:
    named = photo("/a/IMG_20150101_000000.jpg", named_date="2015-01-01T00:00:00", mtime=2 * 10**18)
    exif = photo("/a/b.jpg", taken="2018-01-01T00:00:00")
    by_time = photo("/a/c.jpg", mtime=10**18)  # 2001
    photos = [named, exif, by_time]
    assert photos[best_photo(range(3), photos, rules=("oldest",))].path == "/a/c.jpg"
    assert photos[best_photo(range(2), photos, rules=("oldest",))].path == "/a/IMG_20150101_000000.jpg"


def test_a_picture_a_few_rows_larger_is_measuring_noise_but_a_2_percent_crop_is_smaller() -> None:
    """A frame found around a plain background moves by a row or two with noise (a held-out miss)."""
    original = photo("/a/orig.jpg", quality=95, picture_width=2784, picture_height=2106)
    noisy = photo("/a/noisy.jpg", quality=90, picture_width=2784, picture_height=2138)  # 1.5 % more
    cropped = photo("/a/crop.jpg", wh=(3920, 2940), quality=95)  # 2 % off each side
    rules = ("picture", "quality")
    assert best_photo(range(2), [noisy, original], rules=rules) == 1
    assert best_photo(range(2), [cropped, photo("/a/whole.jpg", quality=90)], rules=rules) == 1


def test_rules_apply_in_order_and_references_come_first() -> None:
    big_light = photo("/lib/big.jpg", size=10)
    small_heavy = photo("/lib/small.png", wh=(1000, 750), size=9000)
    archived = photo("/archive/tiny.jpg", wh=(100, 75), size=1)
    photos = [big_light, small_heavy, archived]
    assert best_photo(range(2), photos, rules=("resolution", "size")) == 0
    assert best_photo(range(2), photos, rules=("size", "resolution")) == 1
    assert best_photo(range(3), photos, ["/archive"], rules=("size",)) == 2


def test_parse_and_describe() -> None:
    assert parse_rules(" Format, size ") == ("format", "size")
    with pytest.raises(ValueError, match="unknown rule biggest"):
        parse_rules("biggest")
    assert describe(DEFAULT_RULES).startswith(
        "reference folders first, never a damaged photo, then from the camera"
    )
    assert describe(()) == "reference folders first, never a damaged photo, then the shortest path"
