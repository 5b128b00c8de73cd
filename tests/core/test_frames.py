"""Frames of one moment under Duplicates: the sharpest is kept, and a file time never decides in
milliseconds; copies of one photo are judged as before (issue 25)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from PIL import ImageEnhance

from photodedupe.core.details import Details
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.scan import scan
from photodedupe.core.review import Review
from photodedupe.core.thresholds import default_threshold
from tests.bursts import T0, burst, exif, scene
from tests.conftest import save


def _review(folder: Path, cache_path: Path | None = None) -> Review:
    with HashCache(None if cache_path is None else str(cache_path)) as cache:
        return Review(scan([str(folder)], cache=cache), default_threshold())


@pytest.mark.slow
def test_a_burst_under_duplicates_keeps_its_sharp_frame_and_says_so(tmp_path: Path) -> None:
    frames = burst(tmp_path / "shoot", 5, frames=5, sharp=3)
    for k, path in enumerate(frames):  # the sharp frame saved last: file times would pick another
        os.utime(path, ns=(1_700_000_000_000_000_000 + k * 1_000_000,) * 2)
    review = _review(tmp_path / "shoot")
    [group] = review.groups
    assert review.photos[group.reference].path == str(frames[3])
    why = review.why_kept(group)
    assert re.fullmatch(r"sharpest \(\d+\.\d× the next\)", why), why
    assert len(review.result.sharpness) == 5
    blurred = next(m for m in group.members if m.index != group.reference)
    assert re.search(r" · \d+ % as sharp as the ★$", review.member_note(group, blurred))


def test_copies_of_one_instant_are_not_measured_and_the_original_stays(tmp_path: Path) -> None:
    """A brightened and a re-saved copy keep the original's date and sub-seconds: one instant, so
    no frame to measure, and the original is kept as before (it is what the others were made from)."""
    lib = tmp_path / "lib"
    picture, when = scene(8), exif("Canon EOS R6", "A1", T0 + dt.timedelta(seconds=0.3))
    original = save(picture, lib / "IMG_0001.jpg", quality=92, exif=when)
    save(ImageEnhance.Brightness(picture).enhance(1.15), lib / "edit" / "bright.jpg", quality=92, exif=when)
    save(ImageEnhance.Contrast(picture).enhance(1.1), lib / "edit" / "contrast.jpg", quality=92, exif=when)
    review = _review(lib)
    [group] = review.groups
    assert review.result.sharpness == {}
    assert review.photos[group.reference].path == str(original)


@pytest.mark.slow
def test_saved_first_never_says_milliseconds(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    picture = scene(9)
    first = save(picture, lib / "a" / "photo.png")
    second = save(picture, lib / "b" / "photo.png")
    os.utime(first, ns=(1_700_000_000_100_000_000,) * 2)
    os.utime(second, ns=(1_700_000_000_400_000_000,) * 2)  # 300 ms later
    review = _review(lib)
    [group] = review.groups
    assert review.photos[group.reference].path == str(first)
    assert review.why_kept(group).startswith("saved first (moments before the other)")


@pytest.mark.slow
def test_sub_seconds_are_kept_at_decode_and_caught_up_for_older_rows(tmp_path: Path) -> None:
    path = save(
        scene(10),
        tmp_path / "f.jpg",
        quality=90,
        exif=exif("Canon EOS R6", "A1", T0.replace(microsecond=350_000)),
    )
    assert Details.from_json(decode_photo(str(path)).details).subsec == "0.35"
    frames = burst(tmp_path / "shoot", 11, frames=3, sharp=1)
    cache_path = tmp_path / "cache.db"
    first = _review(tmp_path / "shoot", cache_path)
    # An older row: the same photo cached without its sub-seconds.
    with HashCache(str(cache_path)) as cache:
        rows = [(p.file, p.info, None) for p in first.photos]
        older = []
        for f, info, _ in rows:
            details = Details.from_json(info.details)
            details.subsec = None
            older.append(
                (
                    f,
                    type(info)(
                        **{**{s: getattr(info, s) for s in info.__slots__}, "details": details.to_json()}
                    ),
                    None,
                )
            )
        cache.store(older, 128)
    again = _review(tmp_path / "shoot", cache_path)  # reads them, keeps them, keeps the sharp frame
    assert again.photos[again.groups[0].reference].path == str(frames[1])
    with HashCache(str(cache_path)) as cache:
        third = scan([str(tmp_path / "shoot")], cache=cache)
    assert {Details.from_json(p.info.details).subsec for p in third.photos} == {"0", "0.1", "0.2"}
