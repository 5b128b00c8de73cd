"""Dates taken: a time-zone fix is the same moment, a second later is another shot, and the app says so."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.search import ExampleSearch
from photodedupe.core.thresholds import default_threshold
from tests.conftest import make_photo, save


def taken_at(when: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "SONY", "ILCE-6400"
    exif.get_ifd(0x8769)[0x9003] = when
    return exif


def test_time_zone_fixes_group_and_burst_frames_do_not(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    photo = make_photo(31, (900, 600))
    save(photo, lib / "original.jpg", quality=92, exif=taken_at("2022:05:01 10:00:05"))
    save(photo, lib / "shifted_1h.jpg", quality=92, exif=taken_at("2022:05:01 11:00:05"))
    save(photo, lib / "shifted_5h45.jpg", quality=92, exif=taken_at("2022:05:01 15:45:05"))
    save(photo, lib / "next_second.jpg", quality=92, exif=taken_at("2022:05:01 10:00:06"))
    with HashCache(None) as cache:
        result = scan([str(lib)], cache=cache)

    def grouped(threshold: int) -> list[set[str]]:
        return [
            {os.path.basename(result.photos[m.index].path) for m in g.members}
            for g in result.groups(threshold, keeper_for(result))
        ]

    # Below Loose: the zone-fixed copies are the same moment; the frame a second later is another shot.
    assert grouped(default_threshold(128)) == [{"original.jpg", "shifted_1h.jpg", "shifted_5h45.jpg"}]
    assert grouped(20) == [{"original.jpg", "shifted_1h.jpg", "shifted_5h45.jpg", "next_second.jpg"}]

    matches = ExampleSearch(result).similar_to(str(lib / "original.jpg"), default_threshold(128))
    notes = {os.path.basename(m.photo.path): m.note for m in matches}
    assert notes["original.jpg"] is None
    assert notes["shifted_1h.jpg"].endswith("1 h apart, a time-zone fix of the same moment")
    assert notes["shifted_5h45.jpg"].endswith("5 h 45 apart, a time-zone fix of the same moment")
    assert (
        "different moments" in notes["next_second.jpg"]
        and "grouped only at Loose" in notes["next_second.jpg"]
    )
