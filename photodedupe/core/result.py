"""What a scan found, and the groups it makes at any threshold.

Its own module, apart from the pipeline that makes it (``scan``): the review,
reports and search use a result without importing the scanning machinery.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from photodedupe.core.group_list import GroupList
from photodedupe.core.grouping import Adjacency, codes, group_photos, rerooted
from photodedupe.core.index import Edges
from photodedupe.core.keeper import Keeper
from photodedupe.core.model import Photo, ScanError, ScanStats
from photodedupe.core.moments import seconds
from photodedupe.core.protection import Protection
from photodedupe.core.rules import DEFAULT_RULES
from photodedupe.core.thresholds import default_threshold


@dataclass(slots=True)
class ScanResult:
    """Everything a scan found. ``photos`` are sorted by path, so indices are stable."""

    photos: list[Photo]
    errors: list[ScanError]
    stats: ScanStats
    hash_bits: int
    edges: Edges
    notices: list[str] = field(default_factory=list)
    complete: bool = True  # False for the snapshots ``on_partial`` gets while the scan runs
    skipped: list[str] = field(default_factory=list)  # files left out as not photos, by path
    #: frames of one moment, by photo: how sharp and well exposed (core.frames), for ``sharpest``
    sharpness: dict[int, float] = field(default_factory=dict)
    _codes: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    _adjacency: Adjacency | None = field(default=None, repr=False, compare=False)
    _keeper: tuple[tuple, Keeper] | None = field(default=None, repr=False, compare=False)

    def groups(
        self,
        threshold: int,
        exclude: np.ndarray | None = None,
        keeper: Keeper | None = None,
        ordered: bool = True,
    ) -> GroupList:
        """The groups at ``threshold`` bits, without the ``exclude``d photos.

        Each group's reference (listed first) is the photo ``keeper`` keeps
        (the default rules if None), and distances are measured from it.
        Groups come sorted by reference unless not ``ordered`` (for a caller that sorts them its way).
        Cheap: call it on every slider move.
        """
        groups = self._members(threshold, exclude, ordered=False)
        digests, _ = self._digests_and_moments()
        keeper = keeper or self.keeper()
        return rerooted(groups, keeper.positions(groups), self._neighbours(), digests, ordered)

    def members(self, threshold: int, exclude: np.ndarray | None = None) -> GroupList:
        """Who is in each group at ``threshold``, before any photo is chosen to keep (cheaper)."""
        return self._members(threshold, exclude, ordered=True)

    def _members(self, threshold: int, exclude: np.ndarray | None, ordered: bool) -> GroupList:
        digests, taken = self._digests_and_moments()
        # Below Loose, photos taken at different times (burst frames) are not duplicates.
        if threshold > default_threshold(self.hash_bits):
            taken = None
        return group_photos(
            len(self.photos), self.edges, threshold, digests, exclude, taken, self._neighbours(), ordered
        )

    def _neighbours(self) -> Adjacency:
        """Every photo's neighbours over all the edges, made once: each grouping reads its threshold's."""
        if self._adjacency is None:
            self._adjacency = Adjacency(len(self.photos), self.edges)
        return self._adjacency

    def _digests_and_moments(self) -> tuple[np.ndarray, np.ndarray]:
        """``codes`` of the photos' digests and their dates taken in seconds, made once."""
        if self._codes is None:
            moments = np.array([seconds(p.info.taken) for p in self.photos], np.int64)
            self._codes = (codes([p.digest for p in self.photos]), moments)
        return self._codes

    def set_sharpness(self, sharpness: dict[int, float]) -> None:
        """Frames of one moment were measured: the ★ of their groups may change."""
        self.sharpness = sharpness
        self._keeper = None

    def in_pairs(self) -> np.ndarray:
        """The photos that have a close pair at all: the only ones a group can hold."""
        return np.unique(np.concatenate([self.edges.i, self.edges.j]))

    def keeper(
        self,
        rules: Sequence[str] = DEFAULT_RULES,
        protection: Protection | None = None,
        preferred_folders: Sequence[str] = (),
    ) -> Keeper:
        """A ``Keeper`` for these photos; the last one made is kept for the same settings."""
        key = (
            tuple(rules),
            tuple(protection.folders) if protection else (),
            tuple(preferred_folders),
        )
        if self._keeper is None or self._keeper[0] != key:
            keeper = Keeper(
                self.photos, rules, protection, preferred_folders, self.in_pairs(), self.sharpness
            )
            self._keeper = (key, keeper)
        return self._keeper[1]
