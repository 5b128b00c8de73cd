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

import functools
from collections.abc import Hashable, Sequence

import numpy as np

from photodedupe.core.find.index import Edges
from photodedupe.core.group_list import GroupList
from photodedupe.core.kernels import at_once, in_slices, kernel, parts_for
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
    starts: np.ndarray,
    dst: np.ndarray,
    dist: np.ndarray,
    threshold: int,
    excluded: np.ndarray,
    degree: np.ndarray,
    total: np.ndarray,
    first: int,
    last: int,
) -> None:
    lo, hi = starts[first], starts[last]
    rows = np.repeat(np.arange(first, last), np.diff(starts[first : last + 1]))
    keep = (dist[lo:hi] <= threshold) & ~excluded[dst[lo:hi]] & ~excluded[rows]
    degree[first:last] = np.bincount(rows[keep] - first, minlength=last - first)
    total[first:last] = np.bincount(rows[keep] - first, dist[lo:hi][keep], minlength=last - first)


@kernel(plain=_degrees_numpy)
def _degrees(
    starts: np.ndarray,
    dst: np.ndarray,
    dist: np.ndarray,
    threshold: int,
    excluded: np.ndarray,
    degree: np.ndarray,
    total: np.ndarray,
    first: int,
    last: int,
) -> None:
    """Photos ``first``..``last`` - 1: each one's number of neighbours within ``threshold`` and their
    total distance, leaving out the ``excluded``, into ``degree`` and ``total``.

    Read from the adjacency a photo after the other (its lists are sorted by distance), not from
    the edges: in photo order, the reads are in memory order, and slices run on the cores at once.
    """
    for v in range(first, last):
        count, distance = 0, 0
        if not excluded[v]:
            for e in range(starts[v], starts[v + 1]):
                if dist[e] > threshold:
                    break
                if not excluded[dst[e]]:
                    count += 1
                    distance += dist[e]
        degree[v], total[v] = count, distance


def degrees(adjacency: Adjacency, threshold: int, excluded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every photo's number of neighbours within ``threshold`` bits and their total distance,
    over photos not ``excluded``: the keys of the greedy order."""
    count = len(adjacency.starts) - 1
    degree, total = np.empty(count, np.int64), np.empty(count, np.int64)
    in_slices(
        lambda first, last: _degrees(
            adjacency.starts, adjacency.dst, adjacency.dist, threshold, excluded, degree, total, first, last
        ),
        count,
        least=100_000,
    )
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
    side: np.ndarray,
    which: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The greedy star groups, as flat member arrays and group offsets, from each photo's
    neighbours up to ``threshold`` bits (the first ones of its list) that are not ``excluded``.

    Only the photos whose ``side`` is ``which`` (all, if ``side`` has a single entry): a side
    holds whole components of the graph, so each side's groups are made apart, on a core each.
    """
    assigned = excluded.copy()
    members = np.empty(order.shape[0], np.int32)
    distance = np.empty(order.shape[0], np.uint16)
    identical = np.zeros(order.shape[0], np.bool_)
    offsets = np.zeros(order.shape[0] + 1, np.int64)
    n = 0
    groups = 0
    every = side.shape[0] == 1
    for ref in order:
        if assigned[ref] or not (every or side[ref] == which):
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
    if adjacency is None:
        adjacency = Adjacency(count, Edges(edges.i[:k], edges.j[:k], edges.d[:k], threshold))
    order = _greedy_order(*degrees(adjacency, threshold, excluded))
    parts = parts_for(len(order))
    side = adjacency.sides(parts) if parts > 1 else np.zeros(1, np.int8)
    made = at_once([
        functools.partial(
            _stars, order, adjacency.starts, adjacency.dst, adjacency.dist, threshold, excluded,
            np.full(1, _NO_DATE) if taken is None else taken,  # read only with use_taken
            np.full(count, -1, np.int64) if digests is None else digests,
            taken is not None, side, which,
        )
        for which in range(parts)
    ])  # fmt: skip
    groups = GroupList.joined([GroupList(*part) for part in made])
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


@kernel
def _components(starts: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Each photo's connected component, named by its lowest photo (union-find, path halving)."""
    count = starts.shape[0] - 1
    parent = np.arange(count)
    for v in range(count):
        for e in range(starts[v], starts[v + 1]):
            a, b = v, dst[e]
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            while parent[b] != b:
                parent[b] = parent[parent[b]]
                b = parent[b]
            if a != b:
                parent[max(a, b)] = min(a, b)
    for v in range(count):  # a root is never above its members: in order, each finds its root at once
        parent[v] = parent[parent[v]]
    return parent


class Adjacency:
    """Every photo's close neighbours within the slider's range, to measure groups from any member."""

    def __init__(self, count: int, edges: Edges) -> None:
        self.starts, self.dst, self.dist = _adjacency(count, edges.i, edges.j, edges.d)
        self._sides: dict[int, np.ndarray] = {}

    def sides(self, parts: int) -> np.ndarray:
        """Photos dealt into ``parts`` sides, whole components to a side (made once): at any
        threshold within the slider's range, no group spans two sides."""
        if parts not in self._sides:
            self._sides[parts] = (_components(self.starts, self.dst) % parts).astype(np.int8)
        return self._sides[parts]


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
