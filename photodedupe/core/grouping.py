"""Turn close pairs into groups, fast enough to redo on every slider move.

Groups are stars: each is built around a reference photo and every member is
within the threshold of it, so A~B~C chains never pull unrelated photos
together. References are taken greedily, the photo with the most close
neighbours first (then the smallest total distance, then the lowest index),
so the output depends only on the input.

The greedy pass is a loop over photos, compiled with numba: a million photos
regroup in well under a second, and the result stays in flat arrays
(``GroupList``) instead of a Python object per photo.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from photodedupe.core.group_list import GroupList
from photodedupe.core.index import Edges
from photodedupe.core.kernels import kernel
from photodedupe.core.model import NOT_COMPARED


def codes(values: Sequence[Hashable | None]) -> np.ndarray:
    """Small integers standing for ``values``: equal values, equal codes; -1 for None.

    >>> codes(["b", None, "a", "b"]).tolist()
    [0, -1, 1, 0]
    """
    seen: dict[Hashable, int] = {}
    return np.array([-1 if v is None else seen.setdefault(v, len(seen)) for v in values], np.int64)


@kernel
def _adjacency(count, i, j, d):
    """Neighbours of each photo as (starts, dst, dist), each photo's closest first (then lowest index).

    Edges come sorted by (d, i, j), so placing them in that order keeps every
    photo's list sorted by (distance, neighbour) without sorting again.
    """
    degree = np.zeros(count, np.int64)
    total = np.zeros(count, np.int64)
    for e in range(i.shape[0]):
        degree[i[e]] += 1
        degree[j[e]] += 1
        total[i[e]] += d[e]
        total[j[e]] += d[e]
    starts = np.zeros(count + 1, np.int64)
    for k in range(count):
        starts[k + 1] = starts[k] + degree[k]
    cursor = starts[:-1].copy()
    dst = np.empty(starts[count], np.int32)
    dist = np.empty(starts[count], np.uint16)
    for e in range(i.shape[0]):
        a, b = i[e], j[e]
        dst[cursor[a]], dist[cursor[a]] = b, d[e]
        cursor[a] += 1
        dst[cursor[b]], dist[cursor[b]] = a, d[e]
        cursor[b] += 1
    return starts, dst, dist, degree, total


_NO_DATE = np.iinfo(np.int64).min  # moments.UNKNOWN


@kernel
def _one_moment(a, b):
    """moments.same_moment, compiled: equal, or whole quarter-hours apart within a day."""
    shift = abs(a - b)
    return shift == 0 or (shift <= 26 * 3600 and shift % 900 == 0)


@kernel
def _stars(order, starts, dst, dist, taken, digest, use_taken):
    """The greedy star groups, as flat member arrays and group offsets."""
    assigned = np.zeros(starts.shape[0] - 1, np.bool_)
    members = np.empty(order.shape[0], np.int32)
    distance = np.empty(order.shape[0], np.uint16)
    identical = np.zeros(order.shape[0], np.bool_)
    offsets = np.zeros(order.shape[0] + 1, np.int64)
    n = 0
    groups = 0
    for ref in order:
        if assigned[ref]:
            continue
        first = n
        members[n], distance[n], identical[n] = ref, 0, False
        n += 1
        when = taken[ref]
        for e in range(starts[ref], starts[ref + 1]):
            other = dst[e]
            if assigned[other]:
                continue
            if use_taken:
                # Copies and edits keep the camera's date (maybe shifted to another time
                # zone); frames taken at other times are different shots (a burst).
                if taken[other] != _NO_DATE and when != _NO_DATE and not _one_moment(taken[other], when):
                    continue
                if when == _NO_DATE:
                    when = taken[other]  # the group's moment, from its first dated photo
            members[n], distance[n] = other, dist[e]
            identical[n] = digest[ref] >= 0 and digest[other] == digest[ref]
            n += 1
        if n == first + 1:
            n = first  # nobody left to group with
            continue
        for k in range(first, n):
            assigned[members[k]] = True
        groups += 1
        offsets[groups] = n
    return members[:n], distance[:n], identical[:n], offsets[: groups + 1]


def group_photos(
    count: int,
    edges: Edges,
    threshold: int,
    digests: np.ndarray | None = None,
    exclude: np.ndarray | None = None,
    taken: np.ndarray | None = None,
) -> GroupList:
    """Groups of at least two photos among ``count``, from the edges within ``threshold`` bits.

    ``digests`` (``codes`` of the content digests) mark members that are
    byte-identical to their reference. ``exclude`` (a boolean mask) leaves
    photos out, e.g. those moved to the trash. With ``taken`` (dates taken as
    ``moments.seconds``), a group never holds two photos taken at different
    moments: those are different shots (a burst), not copies. Groups come sorted by
    their reference's index.
    """
    k = edges.count_within(threshold)
    i, j, d = edges.i[:k], edges.j[:k], edges.d[:k]
    if exclude is not None and exclude.any():
        keep = ~(exclude[i] | exclude[j])
        i, j, d = i[keep], j[keep], d[keep]
    if len(d) == 0:
        return GroupList.empty()
    starts, dst, dist, degree, total = _adjacency(count, i.astype(np.int32), j.astype(np.int32), d)
    nodes = np.flatnonzero(degree)
    # Most neighbours first, then the smallest total distance; the stable sort keeps index order.
    key = -degree[nodes] * (int(total.max()) + 1) + total[nodes]
    order = nodes[np.argsort(key, kind="stable")]
    none = np.full(count, -1, np.int64)
    members, distance, identical, offsets = _stars(
        order, starts, dst, dist, np.full(count, _NO_DATE) if taken is None else taken,
        none if digests is None else digests,
        taken is not None,
    )  # fmt: skip
    groups = GroupList(members, distance, identical, offsets)
    return groups.reordered(np.argsort(groups.references, kind="stable"))


@kernel
def _reroot(members, distance, identical, offsets, positions, starts, dst, dist, digest):
    """Each group with its keeper first and distances measured from it."""
    out_m = np.empty_like(members)
    out_d = np.empty_like(distance)
    out_i = np.zeros_like(identical)
    for g in range(offsets.shape[0] - 1):
        lo, hi = offsets[g], offsets[g + 1]
        keep = members[positions[g]]
        out_m[lo], out_d[lo] = keep, 0
        n = lo + 1
        for p in range(lo, hi):
            m = members[p]
            if m == keep:
                continue
            d = NOT_COMPARED
            for e in range(starts[keep], starts[keep + 1]):
                if dst[e] == m:
                    d = dist[e]
                    break
            out_m[n], out_d[n] = m, d
            out_i[n] = digest[keep] >= 0 and digest[m] == digest[keep]
            n += 1
    return out_m, out_d, out_i


class Adjacency:
    """Every photo's close neighbours within the slider's range, to measure groups from any member."""

    def __init__(self, count: int, edges: Edges) -> None:
        i, j = edges.i.astype(np.int32), edges.j.astype(np.int32)
        self.starts, self.dst, self.dist, _, _ = _adjacency(count, i, j, edges.d)


def rerooted(
    groups: GroupList, positions: np.ndarray, adjacency: Adjacency, digests: np.ndarray
) -> GroupList:
    """``groups`` with the member at ``positions[k]`` as group k's reference (the photo kept).

    Distances become distances to that photo (``NOT_COMPARED`` where the pair
    is beyond the slider's range), so what the app and reports show is
    measured from the photo that stays. Groups come sorted by their new reference.
    """
    if not len(groups):
        return groups
    members, distance, identical = _reroot(
        groups.members, groups.distance, groups.identical, groups.offsets, positions,
        adjacency.starts, adjacency.dst, adjacency.dist, digests,
    )  # fmt: skip
    out = GroupList(members, distance, identical, groups.offsets)
    return out.reordered(np.argsort(out.references, kind="stable"))
