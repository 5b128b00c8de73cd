"""Search by example: every scanned photo within a threshold of one photo, nearest first.

The BK-tree's natural job (``index.PhotoTree``): one query against a library
already hashed, without comparing it to every photo. The example is compared
in each of its 8 orientations, so a rotated or mirrored copy is found too.
"""

from __future__ import annotations

from dataclasses import dataclass

from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.index import PhotoTree
from photodedupe.core.find.result import ScanResult
from photodedupe.core.keep.differences import differences
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
from photodedupe.core.moments import date_note
from photodedupe.core.thresholds import HASH_SIZES


@dataclass(frozen=True, slots=True)
class Match:
    photo: Photo
    distance: int
    turned: bool  # found through one of the example's turned or mirrored versions
    #: what the two dates taken say (another shot, or a time-zone fix), if anything: why a
    #: photo this close may still not be grouped with the example
    note: str | None = None
    #: what the files tell apart (black and white, smaller, another format…): differences.differences
    differs: tuple[str, ...] = ()


class ExampleSearch:
    """One per scan result: its tree is built once, then asked as often as the user likes."""

    def __init__(self, result: ScanResult) -> None:
        self.result = result
        self._tree: PhotoTree | None = None  # built by the first search, in the thread that runs it

    def similar_to(self, path: str, threshold: int) -> list[Match]:
        """Photos within ``threshold`` bits of the photo at ``path`` (PhotoError if it is unusable)."""
        info = decode_photo(path, HASH_SIZES[self.result.hash_bits])
        return self.similar_to_info(info, threshold)

    def similar_to_info(self, info: PhotoInfo, threshold: int) -> list[Match]:
        example = Photo(FileEntry("", 0, 0), info)
        if self._tree is None:
            self._tree = PhotoTree([p.info.hash for p in self.result.photos])
        best: dict[int, tuple[int, bool]] = {}
        for k, value in enumerate(info.orientations()):
            for distance, index in self._tree.similar_to(value, threshold):
                if index not in best or distance < best[index][0]:
                    best[index] = (distance, k > 0)
        ranked = sorted(best.items(), key=lambda item: (item[1][0], self.result.photos[item[0]].path))
        photos = self.result.photos
        return [
            Match(photos[k], d, turned, date_note(example, photos[k]), tuple(differences(example, photos[k])))
            for k, (d, turned) in ranked
        ]
