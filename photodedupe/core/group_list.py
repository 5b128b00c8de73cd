"""Groups held as flat numpy arrays (apart from core.model, which stays free of numpy so that
the command line's --help and the first paint of the window need not import it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import numpy as np

from photodedupe.core.model import Group, Member


class GroupList(Sequence[Group]):
    """Groups held as flat arrays; a ``Group`` object is made only for the group asked for.

    A million photos make hundreds of thousands of groups: building them all as
    Python objects on every slider move would take seconds. ``members`` holds
    every group's photo indices one group after the other (reference first),
    ``offsets[k]:offsets[k + 1]`` is group k's slice, ``distance`` and
    ``identical`` go with ``members``.
    """

    __slots__ = ("distance", "identical", "members", "offsets")

    def __init__(
        self, members: np.ndarray, distance: np.ndarray, identical: np.ndarray, offsets: np.ndarray
    ) -> None:
        self.members, self.distance, self.identical, self.offsets = members, distance, identical, offsets

    @staticmethod
    def empty() -> GroupList:
        nothing = np.zeros(0, np.int32)
        return GroupList(nothing, np.zeros(0, np.uint16), np.zeros(0, bool), np.zeros(1, np.int64))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, k: int) -> Group: ...
    @overload
    def __getitem__(self, k: slice) -> list[Group]: ...
    def __getitem__(self, k: int | slice) -> Group | list[Group]:
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        lo, hi = int(self.offsets[k]), int(self.offsets[k + 1])
        photos, distances = self.members[lo:hi].tolist(), self.distance[lo:hi].tolist()
        rows = zip(photos, distances, self.identical[lo:hi].tolist(), strict=True)
        return Group(tuple(Member(i, d, same) for i, d, same in rows))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, GroupList):
            return all(
                np.array_equal(a, b)
                for a, b in (
                    (self.offsets, other.offsets),
                    (self.members, other.members),
                    (self.distance, other.distance),
                    (self.identical, other.identical),
                )
            )
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container, like list

    def __repr__(self) -> str:
        return f"GroupList({len(self)} groups, {len(self.members)} photos)"

    @property
    def references(self) -> np.ndarray:
        references: np.ndarray = self.members[self.offsets[:-1]]
        return references

    @property
    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)

    def group_of_member(self) -> np.ndarray:
        """For each entry of ``members``, the number of its group."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.sizes)

    def reordered(self, order: np.ndarray) -> GroupList:
        """The same groups, group ``order[k]`` becoming group k."""
        sizes = self.sizes[order]
        offsets = np.zeros(len(order) + 1, np.int64)
        np.cumsum(sizes, out=offsets[1:])
        take = np.repeat(self.offsets[:-1][order] - offsets[:-1], sizes) + np.arange(offsets[-1])
        return GroupList(self.members[take], self.distance[take], self.identical[take], offsets)
