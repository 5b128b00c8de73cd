"""Groups held as flat numpy arrays (apart from core.model, which stays free of numpy so that
the command line's --help and the first paint of the window need not import it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import numpy as np

from photodedupe.core.kernels import in_slices, kernel
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

    @staticmethod
    def joined(parts: Sequence[GroupList]) -> GroupList:
        """The groups of ``parts``, one list after the other."""
        if len(parts) == 1:
            return parts[0]
        ends = np.cumsum([0] + [len(p.members) for p in parts[:-1]])
        offsets = np.concatenate([p.offsets[:-1] + end for p, end in zip(parts, ends, strict=True)])
        return GroupList(
            np.concatenate([p.members for p in parts]),
            np.concatenate([p.distance for p in parts]),
            np.concatenate([p.identical for p in parts]),
            np.append(offsets, ends[-1] + len(parts[-1].members)),
        )

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
        out = GroupList(
            np.empty(offsets[-1], self.members.dtype), np.empty(offsets[-1], self.distance.dtype),
            np.empty(offsets[-1], self.identical.dtype), offsets,
        )  # fmt: skip
        arrays = (self.members, self.distance, self.identical, self.offsets, order)
        in_slices(
            lambda first, last: _copy_groups(
                *arrays, out.members, out.distance, out.identical, offsets, first, last
            ),
            len(order),
        )
        return out


def _copy_groups_numpy(
    members: np.ndarray,
    distance: np.ndarray,
    identical: np.ndarray,
    offsets: np.ndarray,
    order: np.ndarray,
    out_m: np.ndarray,
    out_d: np.ndarray,
    out_i: np.ndarray,
    out_offsets: np.ndarray,
    first: int,
    last: int,
) -> None:
    lo, hi = out_offsets[first], out_offsets[last]
    sizes = np.diff(out_offsets[first : last + 1])
    take = np.repeat(offsets[order[first:last]] - out_offsets[first:last], sizes) + np.arange(lo, hi)
    out_m[lo:hi], out_d[lo:hi], out_i[lo:hi] = members[take], distance[take], identical[take]


@kernel(plain=_copy_groups_numpy)
def _copy_groups(
    members: np.ndarray,
    distance: np.ndarray,
    identical: np.ndarray,
    offsets: np.ndarray,
    order: np.ndarray,
    out_m: np.ndarray,
    out_d: np.ndarray,
    out_i: np.ndarray,
    out_offsets: np.ndarray,
    first: int,
    last: int,
) -> None:
    """Groups ``order[first:last]`` copied to places ``first``..``last`` - 1 of the ``out_`` arrays."""
    for k in range(first, last):
        source = offsets[order[k]]
        for p in range(out_offsets[k], out_offsets[k + 1]):
            out_m[p], out_d[p], out_i[p] = members[source], distance[source], identical[source]
            source += 1
