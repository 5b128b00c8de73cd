"""Turn close pairs into groups, fast enough to redo on every slider move.

Groups are stars: each is built around a reference photo and every member is
within the threshold of it, so A~B~C chains never pull unrelated photos
together. References are taken greedily, the photo with the most close
neighbours first (then the smallest total distance, then the lowest index),
so the output depends only on the input.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from photodedupe.core.index import Edges
from photodedupe.core.model import Group, Member


def group_photos(
    count: int,
    edges: Edges,
    threshold: int,
    digests: Sequence[bytes | None] | None = None,
    exclude: np.ndarray | None = None,
    taken: Sequence[str | None] | None = None,
) -> list[Group]:
    """Groups of at least two photos among ``count``, from the edges within ``threshold`` bits.

    ``digests`` (content digests, None where unknown) mark members that are
    byte-identical to their reference. ``exclude`` (a boolean mask) leaves
    photos out, e.g. those moved to the trash. With ``taken`` (dates taken,
    None where unknown), a group never holds two photos taken at different
    times: those are different shots (a burst), not copies — copies and edits
    keep the camera's date. Groups come sorted by their reference's index.
    """
    k = edges.count_within(threshold)
    i, j, d = edges.i[:k], edges.j[:k], edges.d[:k]
    if exclude is not None and exclude.any():
        keep = ~(exclude[i] | exclude[j])
        i, j, d = i[keep], j[keep], d[keep]
    if len(d) == 0:
        return []
    src = np.concatenate([i, j])
    dst = np.concatenate([j, i])
    dist = np.concatenate([d, d]).astype(np.int64)
    degree = np.bincount(src, minlength=count)
    total = np.bincount(src, weights=dist, minlength=count)
    order = np.lexsort((np.arange(count), total, -degree))
    order = order[degree[order] > 0]
    by_src = np.argsort(src, kind="stable")
    # Plain lists: the loop below touches a few neighbours per photo, where
    # numpy's per-call overhead would cost more than the work.
    dst_list, dist_list = dst[by_src].tolist(), dist[by_src].tolist()
    offsets = np.concatenate([[0], np.cumsum(degree)]).tolist()

    assigned = [False] * count
    groups: list[Group] = []
    for ref in order.tolist():
        if assigned[ref]:
            continue
        lo, hi = offsets[ref], offsets[ref + 1]
        free = sorted((dist_list[k], dst_list[k]) for k in range(lo, hi) if not assigned[dst_list[k]])
        if taken is not None:
            free = _one_shot(ref, free, taken)
        if not free:
            continue
        assigned[ref] = True
        ref_digest = digests[ref] if digests is not None else None
        members = [Member(ref, 0)]
        for d, idx in free:
            assigned[idx] = True
            identical = ref_digest is not None and digests is not None and digests[idx] == ref_digest
            members.append(Member(idx, d, identical))
        groups.append(Group(tuple(members)))
    groups.sort(key=lambda g: g.reference)
    return groups


def _one_shot(
    ref: int, candidates: list[tuple[int, int]], taken: Sequence[str | None]
) -> list[tuple[int, int]]:
    """The candidates (closest first) that keep the group to one date taken."""
    when = taken[ref]
    kept = []
    for d, idx in candidates:
        other = taken[idx]
        if other is not None and when is not None and other != when:
            continue
        if other is not None:
            when = other
        kept.append((d, idx))
    return kept
