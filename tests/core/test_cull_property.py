"""``cull`` (and Shots mode, which calls it) finishes on any set of photos (issue 26): with and
without dates, sub-seconds, serial numbers, in PNG and JPEG, with equal file times."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photodedupe.core.cull.ranking import cull
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from tests.bursts import T0, scene, shifted

_SCENES = {seed: scene(seed, (240, 180)) for seed in (1, 2)}

photo = st.fixed_dictionaries(
    {
        "scene": st.sampled_from(sorted(_SCENES)),
        "shift": st.integers(0, 3),
        "format": st.sampled_from(["JPEG", "PNG"]),
        "camera": st.sampled_from([None, "Canon EOS R6", "NIKON Z 6"]),
        "serial": st.sampled_from([None, "A1", "B7"]),
        "second": st.one_of(st.none(), st.integers(0, 3)),  # no date taken, or one of 4 seconds
        "subsec": st.one_of(st.none(), st.integers(0, 99)),
        "mtime": st.integers(0, 2),  # file times in whole seconds: often equal
    }
)


def _write(folder: Path, k: int, p: dict) -> None:
    im = shifted(_SCENES[p["scene"]], 0.01 * p["shift"], 1 + 0.01 * p["shift"])
    exif = Image.Exif()
    if p["camera"]:
        exif[0x010F], exif[0x0110] = p["camera"].split()[0], p["camera"]
    sub: dict[int, str] = {}
    if p["second"] is not None:
        sub[0x9003] = (T0 + dt.timedelta(seconds=p["second"])).strftime("%Y:%m:%d %H:%M:%S")
        if p["subsec"] is not None:
            sub[0x9291] = f"{p['subsec']:02d}"
    if p["serial"]:
        sub[0xA431] = p["serial"]
    if sub:
        exif[0x8769] = sub
    path = folder / f"IMG_{k:02d}.{'jpg' if p['format'] == 'JPEG' else 'png'}"
    im.save(path, p["format"], exif=exif, **({"quality": 90} if p["format"] == "JPEG" else {}))
    os.utime(path, ns=(1_700_000_000_000_000_000 + p["mtime"] * 1_000_000_000,) * 2)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(photo, min_size=2, max_size=7), st.sampled_from([0.5, 2.0, 10.0]))
def test_cull_finishes_on_any_photos(photos: list[dict], window: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for k, p in enumerate(photos):
            _write(folder, k, p)
        with HashCache(None) as cache:
            result = scan([str(folder)], cache=cache)
            culled = cull(result, cache, window=window)
        seen = [f.index for s in culled.series for f in s.frames]
        assert len(seen) == len(set(seen))  # a frame is in one series at most
        assert all(0 <= k < len(result.photos) for k in seen)
        assert all(len(s.frames) >= 2 for s in culled.series)


def test_cull_finishes_on_png_drawings_saved_within_one_second(tmp_path: Path) -> None:
    """The case that crashed with a KeyError: drawings with no date, only file times a moment apart."""
    from PIL import ImageDraw

    for k in range(5):
        im = Image.new("RGB", (320, 240), "white")
        draw = ImageDraw.Draw(im)
        draw.rectangle((20 + 3 * k, 30, 200 + 2 * k, 150), outline="black", width=3)
        draw.ellipse((100, 60 + k, 300, 220), outline="navy", width=2)
        path = tmp_path / f"drawing_{k}.png"
        im.save(path)
        os.utime(path, ns=(1_700_000_000_000_000_000 + k * 150_000_000,) * 2)
    with HashCache(None) as cache:
        result = scan([str(tmp_path)], cache=cache)
        culled = cull(result, cache)
    assert culled.errors == [] and all(len(s.frames) >= 2 for s in culled.series)
