"""Culling: series by camera, time and look; the sharp frame first; copies, serials, file times."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from photodedupe.core.cull.ranking import cull
from photodedupe.core.cull_review import CullReview
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.quality import assess
from photodedupe.core.find.scan import scan
from tests.bursts import T0, burst, exif, scene, shifted
from tests.conftest import save


def run(folder: Path, cache: HashCache | None = None, window: float = 2.0):
    own = cache or HashCache(None)
    result = scan([str(folder)], cache=own)
    return result, cull(result, own, window=window)


def names(result, series) -> list[str]:
    return [os.path.basename(result.photos[f.index].path) for f in series.frames]


@pytest.mark.slow
def test_two_bursts_stay_apart_from_other_cameras_and_photos(tmp_path: Path) -> None:
    one = burst(tmp_path, 1, frames=5, sharp=3)
    two = burst(tmp_path, 2, frames=4, sharp=0, start=T0 + dt.timedelta(minutes=1))
    same_second = T0 + dt.timedelta(seconds=0.25)
    # The same scene by another camera, another photo by the same camera, a second body of the model:
    save(
        shifted(scene(1), 0.002, 1.01),
        tmp_path / "B.jpg",
        quality=92,
        exif=exif("NIKON Z 6", "B7", same_second),
    )
    save(scene(9), tmp_path / "other.jpg", quality=92, exif=exif("Canon EOS R6", "A1", same_second))
    save(
        shifted(scene(1), 0.0, 1.0),
        tmp_path / "A2.jpg",
        quality=92,
        exif=exif("Canon EOS R6", "A2", same_second),
    )
    result, culled = run(tmp_path)
    found = sorted(sorted(names(result, s)) for s in culled.series)
    assert found == sorted([sorted(p.name for p in one), sorted(p.name for p in two)])
    firsts = {names(result, s)[0] for s in culled.series}
    assert firsts == {one[3].name, two[0].name}
    best = next(s for s in culled.series if names(result, s)[0] == one[3].name).best
    assert best.why.startswith("sharpest (") and best.score == 1.0


@pytest.mark.slow
def test_motion_and_defocus_are_told_from_sharp(tmp_path: Path) -> None:
    frames = burst(tmp_path, 3, frames=3, sharp=0)
    sharp, motion_blurred, defocused = (assess(str(p)).sharpness for p in (frames[0], frames[2], frames[1]))
    assert sharp > 1.5 * motion_blurred and sharp > 1.5 * defocused


@pytest.mark.slow
def test_copies_of_a_frame_count_once(tmp_path: Path) -> None:
    frames = burst(tmp_path, 4, frames=3, sharp=1)
    (tmp_path / "copy.jpg").write_bytes(frames[1].read_bytes())  # byte-identical
    save_as = tmp_path / "export.png"  # the same frame as a PNG: another format, not a frame
    from PIL import Image

    Image.open(frames[1]).save(save_as)
    result, culled = run(tmp_path)
    [series] = culled.series
    assert len(series.frames) == 3 and names(result, series)[0] in {frames[1].name, "copy.jpg"}


@pytest.mark.slow
def test_photos_without_a_date_use_file_times_and_say_so(tmp_path: Path) -> None:
    """Without a date taken the file's time stands in; look-alikes within 16 bits are copies then."""
    base = scene(5)
    for i in range(3):
        # Handheld: 18–19 bits apart, more than copies (16) and within a series (36).
        path = save(shifted(base, 0.03 * i, 1 + 0.03 * i), tmp_path / f"f{i}.jpg", quality=90)
        os.utime(path, (1_700_000_000 + i * 0.3, 1_700_000_000 + i * 0.3))
    copy = save(shifted(base, 0.0, 1.0), tmp_path / "f0 copy.jpg", quality=90)  # a copy of f0
    os.utime(copy, (1_700_000_000.1, 1_700_000_000.1))
    result, culled = run(tmp_path)
    [series] = culled.series
    assert series.from_file_time and len(series.frames) == 3
    shots = CullReview(result, culled)
    assert shots.from_file_time(shots.groups[0])


@pytest.mark.slow
def test_measures_are_cached_and_a_vanished_frame_is_listed(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    frames = burst(lib, 6, frames=4, sharp=2)
    with HashCache(tmp_path / "c.db") as cache:
        result, first = run(lib, cache)
        assert len(result.sharpness) == 4  # the scan measured the frames of one moment: kept
        assert first.measured == 0 and first.from_cache == 4
        again = cull(result, cache)
        assert again.measured == 0 and again.from_cache == 4
    frames[0].unlink()  # gone between the scan and the measuring
    with HashCache(None) as fresh:  # nothing remembered: every frame is measured again
        culled = cull(result, fresh)
    assert [os.path.basename(e.path) for e in culled.errors] == [frames[0].name]
    assert len(culled.series[0].frames) == 3


@pytest.mark.slow
def test_keep_the_best_n_marks_the_rest(tmp_path: Path) -> None:
    burst(tmp_path, 7, frames=5, sharp=4)
    result, culled = run(tmp_path)
    shots = CullReview(result, culled, keep_best=2)
    shots.mark_all_but_best()
    group = shots.groups[0]
    assert [m.index in shots.marked for m in group.members] == [False, False, True, True, True]
    plan = shots.plan()
    assert plan.count == 3 and plan.emptied_groups == 0
    assert shots.member_note(group, group.members[1]).endswith("% as sharp as the best")
    frames = [result.photos[m.index].file.size for m in group.members]
    assert shots.reclaimable_total() == sum(frames[2:]) == sum(shots.reclaimable(g) for g in shots.groups)


@pytest.mark.slow
def test_flipped_and_turned_copies_of_one_photo_are_no_series(tmp_path: Path) -> None:
    """A library's copies keep the original's date taken: flipped or turned, they hash far from it, but
    they are one frame, not a burst (issue 24: Shots listed them first, one mixing 2312×1736 and
    1736×2312). Whole seconds only, as most copies keep."""
    import numpy as np
    from PIL import Image

    # A scene close to symmetric (as many are): its mirror image hashes ~29 bits of 128 away.
    one = scene(61)
    mirror = np.asarray(one.transpose(Image.Transpose.FLIP_LEFT_RIGHT), np.float32)
    photo = Image.fromarray(
        np.clip(np.asarray(one, np.float32) * 0.7 + mirror * 0.3, 0, 255).astype(np.uint8)
    )
    stamp = exif("Canon EOS R6", "A1", T0, subsec=False)
    save(photo, tmp_path / "IMG_0001.jpg", quality=92, exif=stamp)
    save(photo.transpose(Image.Transpose.FLIP_LEFT_RIGHT), tmp_path / "mirror.jpg", quality=92, exif=stamp)
    save(photo.transpose(Image.Transpose.ROTATE_180), tmp_path / "upside.jpg", quality=92, exif=stamp)
    save(photo.transpose(Image.Transpose.ROTATE_90), tmp_path / "turned.jpg", quality=92, exif=stamp)
    burst(tmp_path / "shoot", 62, frames=3, sharp=1, start=T0 + dt.timedelta(minutes=5))
    result, culled = run(tmp_path)
    assert [sorted(names(result, s)) for s in culled.series] == [
        ["IMG_62_0.jpg", "IMG_62_1.jpg", "IMG_62_2.jpg"]
    ]
