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

from photodedupe.core.find.index import Edges
from photodedupe.core.group_list import GroupList
from photodedupe.core.kernels import in_slices, kernel
from photodedupe.core.model import NOT_COMPARED


def codes(values: Sequence[Hashable | None]) -> np.ndarray:
    """Small integers standing for ``values``: equal values, equal codes; -1 for None.

    >>> codes(["b", None, "a", "b"]).tolist()
    [0, -1, 1, 0]
    """
    seen: dict[Hashable, int] = {}
    return np.array([-1 if v is None else seen.setdefault(v, len(seen)) for v in values], np.int64)


@kernel
def _adjacency(
    count: int, i: np.ndarray, j: np.ndarray, d: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Neighbours of each photo as (starts, dst, dist), each photo's closest first (then lowest index).

    Edges come sorted by (d, i, j), so placing them in that order keeps every
    photo's list sorted by (distance, neighbour) without sorting again.
    """
    starts = np.zeros(count + 1, np.int64)
    for e in range(i.shape[0]):
        starts[i[e] + 1] += 1
        starts[j[e] + 1] += 1
    for k in range(count):
        starts[k + 1] += starts[k]
    cursor = starts[:-1].copy()
    dst = np.empty(starts[count], np.int32)
    dist = np.empty(starts[count], np.uint16)
    for e in range(i.shape[0]):
        a, b = i[e], j[e]
        dst[cursor[a]], dist[cursor[a]] = b, d[e]
        cursor[a] += 1
        dst[cursor[b]], dist[cursor[b]] = a, d[e]
        cursor[b] += 1
    return starts, dst, dist


def _degrees_numpy(
    count: int, i: np.ndarray, j: np.ndarray, d: np.ndarray, excluded: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    keep = ~(excluded[i] | excluded[j])
    i, j, d = i[keep], j[keep], d[keep].astype(np.int64)
    degree = np.bincount(i, minlength=count) + np.bincount(j, minlength=count)
    total = np.bincount(i, d, minlength=count) + np.bincount(j, d, minlength=count)
    return degree.astype(np.int64), total.astype(np.int64)


@kernel(plain=_degrees_numpy)
def _degrees(
    count: int, i: np.ndarray, j: np.ndarray, d: np.ndarray, excluded: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each photo's number of close neighbours and their total distance, over edges (i, j, d)
    whose photos are both not ``excluded``."""
    degree = np.zeros(count, np.int64)
    total = np.zeros(count, np.int64)
    for e in range(i.shape[0]):
        a, b = i[e], j[e]
        if excluded[a] or excluded[b]:
            continue
        degree[a] += 1
        degree[b] += 1
        total[a] += d[e]
        total[b] += d[e]
    return degree, total


def _greedy_order_numpy(degree: np.ndarray, total: np.ndarray) -> np.ndarray:
    nodes = np.flatnonzero(degree)
    return nodes[np.lexsort((total[nodes], -degree[nodes]))]


@kernel(plain=_greedy_order_numpy)
def _greedy_order(degree: np.ndarray, total: np.ndarray) -> np.ndarray:
    """The photos with a neighbour, most neighbours first, then smallest total distance, then lowest
    index: a counting sort (one pass over the photos, one scatter), where a comparison sort took
    20 ms at a million photos; two passes (by total, then stably by degree) when the keys span
    too many values for one table."""
    count, most, largest = 0, degree[:0].sum(), total[:0].sum()  # zeros of their own types
    for v in range(degree.shape[0]):
        if degree[v]:
            count += 1
            most = max(most, degree[v])
            largest = max(largest, total[v])
    order = np.empty(count, np.int64)
    span = largest + 1
    if most * span <= 4 * degree.shape[0] + 1024:
        slots = np.zeros(most * span + 1, np.int64)
        for v in range(degree.shape[0]):
            if degree[v]:
                slots[(most - degree[v]) * span + total[v] + 1] += 1
        for t in range(most * span):
            slots[t + 1] += slots[t]
        for v in range(degree.shape[0]):
            if degree[v]:
                key = (most - degree[v]) * span + total[v]
                order[slots[key]] = v
                slots[key] += 1
        return order
    slots = np.zeros(span + 1, np.int64)
    for v in range(degree.shape[0]):
        if degree[v]:
            slots[total[v] + 1] += 1
    for t in range(span):
        slots[t + 1] += slots[t]
    by_total = np.empty(count, np.int64)
    for v in range(degree.shape[0]):
        if degree[v]:
            by_total[slots[total[v]]] = v
            slots[total[v]] += 1
    slots = np.zeros(most + 2, np.int64)
    for node in by_total:
        slots[most - degree[node] + 1] += 1
    for t in range(most + 1):
        slots[t + 1] += slots[t]
    for node in by_total:
        order[slots[most - degree[node]]] = node
        slots[most - degree[node]] += 1
    return order


_NO_DATE = np.iinfo(np.int64).min  # moments.UNKNOWN


@kernel
def _one_moment(a: int, b: int) -> bool:
    """moments.same_moment, compiled: equal, or whole quarter-hours apart within a day."""
    shift = abs(a - b)
    return shift == 0 or (shift <= 26 * 3600 and shift % 900 == 0)


@kernel
def _stars(
    order: np.ndarray,
    starts: np.ndarray,
    dst: np.ndarray,
    dist: np.ndarray,
    threshold: int,
    excluded: np.ndarray,
    taken: np.ndarray,
    digest: np.ndarray,
    use_taken: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The greedy star groups, as flat member arrays and group offsets, from each photo's
    neighbours up to ``threshold`` bits (the first ones of its list) that are not ``excluded``."""
    assigned = excluded.copy()
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
        when = taken[ref] if use_taken else _NO_DATE
        for e in range(starts[ref], starts[ref + 1]):
            if dist[e] > threshold:
                break
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
    adjacency: Adjacency | None = None,
    ordered: bool = True,
) -> GroupList:
    """Groups of at least two photos among ``count``, from the edges within ``threshold`` bits.

    ``digests`` (``codes`` of the content digests) mark members that are
    byte-identical to their reference. ``exclude`` (a boolean mask) leaves
    photos out, e.g. those moved to the trash. With ``taken`` (dates taken as
    ``moments.seconds``), a group never holds two photos taken at different
    moments: those are different shots (a burst), not copies. Groups come sorted by
    their reference's index (unless not ``ordered``: a caller that sorts them again saves a sort).
    ``adjacency``: the ``Adjacency`` of ``edges``, made once for a slider's many groupings.
    """
    k = edges.count_within(threshold)
    if k == 0:
        return GroupList.empty()
    excluded = np.zeros(count, np.bool_) if exclude is None else exclude.astype(np.bool_, copy=False)
    degree, total = _degrees(count, edges.i[:k], edges.j[:k], edges.d[:k], excluded)
    if adjacency is None:
        adjacency = Adjacency(count, Edges(edges.i[:k], edges.j[:k], edges.d[:k], threshold))
    members, distance, identical, offsets = _stars(
        _greedy_order(degree, total), adjacency.starts, adjacency.dst, adjacency.dist, threshold, excluded,
        np.full(1, _NO_DATE) if taken is None else taken,  # read only with use_taken
        np.full(count, -1, np.int64) if digests is None else digests,
        taken is not None,
    )  # fmt: skip
    groups = GroupList(members, distance, identical, offsets)
    return groups.reordered(np.argsort(groups.references, kind="stable")) if ordered else groups


@kernel
def _reroot(
    members: np.ndarray,
    distance: np.ndarray,
    identical: np.ndarray,
    offsets: np.ndarray,
    positions: np.ndarray,
    starts: np.ndarray,
    dst: np.ndarray,
    dist: np.ndarray,
    digest: np.ndarray,
    out_m: np.ndarray,
    out_d: np.ndarray,
    out_i: np.ndarray,
    first: int,
    last: int,
) -> None:
    """Groups ``first``..``last`` - 1 with their keeper first and distances measured from it, into the
    ``out_`` arrays."""
    for g in range(first, last):
        lo, hi = offsets[g], offsets[g + 1]
        if positions[g] == lo:  # kept the star's centre: distances are measured from it already
            for p in range(lo, hi):
                out_m[p], out_d[p], out_i[p] = members[p], distance[p], identical[p]
            continue
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


class Adjacency:
    """Every photo's close neighbours within the slider's range, to measure groups from any member."""

    def __init__(self, count: int, edges: Edges) -> None:
        self.starts, self.dst, self.dist = _adjacency(count, edges.i, edges.j, edges.d)


def rerooted(
    groups: GroupList, positions: np.ndarray, adjacency: Adjacency, digests: np.ndarray, ordered: bool = True
) -> GroupList:
    """``groups`` with the member at ``positions[k]`` as group k's reference (the photo kept).

    Distances become distances to that photo (``NOT_COMPARED`` where the pair
    is beyond the slider's range), so what the app and reports show is
    measured from the photo that stays. Groups come sorted by their new reference (if ``ordered``).
    """
    if not len(groups):
        return groups
    out = GroupList(
        np.empty_like(groups.members), np.empty_like(groups.distance), np.zeros_like(groups.identical),
        groups.offsets,
    )  # fmt: skip
    in_slices(
        lambda first, last: _reroot(
            groups.members, groups.distance, groups.identical, groups.offsets, positions,
            adjacency.starts, adjacency.dst, adjacency.dist, digests,
            out.members, out.distance, out.identical, first, last,
        ),
        len(groups),
    )  # fmt: skip
    return out.reordered(np.argsort(out.references, kind="stable")) if ordered else out
