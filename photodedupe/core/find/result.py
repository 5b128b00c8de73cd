"""What a scan found, and the groups it makes at any threshold.

Its own module, apart from the pipeline that makes it (``scan``): the review,
reports and search use a result without importing the scanning machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from photodedupe.core.find.grouping import Adjacency, codes, group_photos, rerooted
from photodedupe.core.find.index import Edges
from photodedupe.core.group_list import GroupList
from photodedupe.core.model import Photo, Problem, ScanStats
from photodedupe.core.moments import seconds
from photodedupe.core.thresholds import default_threshold


class Chooser(Protocol):
    """What picks the photo each group keeps (``keep.keeper.Keeper``): finding photos knows
    nothing of the rules that choose among them."""

    def positions(self, groups: GroupList) -> np.ndarray:
        """For each group, the position in ``groups.members`` of the photo it keeps."""
        ...


@dataclass(slots=True)
class ScanResult:
    """Everything a scan found. ``photos`` are sorted by path, so indices are stable."""

    photos: list[Photo]
    errors: list[Problem]
    stats: ScanStats
    hash_bits: int
    edges: Edges
    notices: list[str] = field(default_factory=list)
    complete: bool = True  # False for the snapshots ``on_partial`` gets while the scan runs
    skipped: list[str] = field(default_factory=list)  # files left out as not photos, by path
    #: frames of one moment, by photo: how sharp and well exposed (core.find.frames), for ``sharpest``
    sharpness: dict[int, float] = field(default_factory=dict)
    _codes: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    _adjacency: Adjacency | None = field(default=None, repr=False, compare=False)
    #: what later stages work out from this result once and keep with it (a keeper per set of
    #: rules: ``keep.keeper.keeper_for``); emptied when what they depend on changes
    derived: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def groups(
        self,
        threshold: int,
        chooser: Chooser,
        exclude: np.ndarray | None = None,
        ordered: bool = True,
    ) -> GroupList:
        """The groups at ``threshold`` bits, without the ``exclude``d photos.

        Each group's reference (listed first) is the photo ``chooser`` keeps, and distances are
        measured from it. Groups come sorted by reference unless not ``ordered`` (for a caller
        that sorts them its way). Cheap: call it on every slider move.
        """
        groups = self._members(threshold, exclude, ordered=False)
        digests, _ = self._digests_and_moments()
        return rerooted(groups, chooser.positions(groups), self._neighbours(), digests, ordered)

    def members(self, threshold: int, exclude: np.ndarray | None = None) -> GroupList:
        """Who is in each group at ``threshold``, before any photo is chosen to keep (cheaper)."""
        return self._members(threshold, exclude, ordered=True)

    def _members(self, threshold: int, exclude: np.ndarray | None, ordered: bool) -> GroupList:
        digests, moments = self._digests_and_moments()
        taken: np.ndarray | None = moments
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
        self.derived.clear()

    def in_pairs(self) -> np.ndarray:
        """The photos that have a close pair at all: the only ones a group can hold."""
        return np.unique(np.concatenate([self.edges.i, self.edges.j]))
