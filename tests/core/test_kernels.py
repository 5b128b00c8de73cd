"""Kernels give the same answers as plain Python (small libraries) and compiled (large ones)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from photodedupe.core import kernels
from photodedupe.core.find.index import Edges


def test_a_kernel_runs_plain_below_the_size_and_compiles_above_it(monkeypatch) -> None:
    calls: list[str] = []

    def body(values):
        calls.append("plain")
        return values.sum()

    k = kernels.Kernel(body)
    assert k(np.arange(10)) == 45 and calls == ["plain"] and k.compiled is None
    assert kernels._size((5, np.zeros(3))) == 5 and kernels._size((True, np.zeros(3))) == 3


GROUP_BOTH_WAYS = """
import json, sys
import numpy as np
from photodedupe.core.find import grouping
from photodedupe.core.keep import keeper
from photodedupe.core import kernels
from photodedupe.core.find.index import Edges
if sys.argv[1] == "compiled":
    kernels.compile_all("photodedupe.core.find.grouping")
    kernels.compile_all("photodedupe.core.keep.keeper")
rng = np.random.default_rng(7)
n, m = 3000, 9000
i = rng.integers(0, n, m).astype(np.int32)
j = rng.integers(0, n, m).astype(np.int32)
keep = i != j
pairs = np.unique(np.stack([np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])], 1), axis=0)
i, j = pairs[:, 0].astype(np.int32), pairs[:, 1].astype(np.int32)  # each pair once, as the index gives them
d = rng.integers(0, 21, len(i)).astype(np.uint16)
order = np.argsort(d, kind="stable")
edges = Edges(i[order], j[order], d[order], 20)
taken = np.where(rng.random(n) < 0.5, rng.integers(0, 4, n) * 3600, np.iinfo(np.int64).min)
groups = grouping.group_photos(n, edges, 16, taken=taken)
positions = (groups.offsets[1:] - 1).astype(np.int64)
adjacency = grouping.Adjacency(n, edges)
again = grouping.rerooted(groups, positions, adjacency, np.full(n, -1, np.int64))
out = [again.members.tolist(), again.distance.tolist(), again.offsets.tolist()]
# The slider's way (every edge's adjacency, read up to the threshold) is the one-off way.
gone = rng.random(n) < 0.1
for t in (0, 7, 12, 20):
    one_off = grouping.group_photos(n, edges, t, exclude=gone)
    assert one_off == grouping.group_photos(n, edges, t, exclude=gone, adjacency=adjacency), t
    assert not gone[one_off.members].any()
    out.append(one_off.members.tolist())
# A keeper's choices, made, then recalled (the slider coming back), are the same.
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
photos = [
    Photo(FileEntry(f"/p/{k:05d}.jpg", 1000, int(rng.integers(0, 3))),
          PhotoInfo(hash=k, width=400, height=300, quality=int(rng.choice([60, 90])), tone=rng.bytes(64)))
    for k in range(n)
]
chooser = keeper.Keeper(photos)
fresh = chooser.positions(groups)
assert np.array_equal(fresh, chooser.positions(groups))
out.append(fresh.tolist())
print(json.dumps(out))
"""


@pytest.mark.slow
def test_grouping_is_the_same_plain_and_compiled() -> None:
    out = {
        mode: subprocess.run(
            [sys.executable, "-c", GROUP_BOTH_WAYS, mode], capture_output=True, text=True, check=True
        ).stdout
        for mode in ("plain", "compiled")
    }
    assert out["plain"] == out["compiled"] and len(out["plain"]) > 1000


def test_the_greedy_order_and_degrees_are_the_same_in_numpy_and_in_loops() -> None:
    """Most neighbours first, then the smallest total distance, then the lowest index; ties abound."""
    from photodedupe.core.find import grouping

    rng = np.random.default_rng(5)
    n = 2000
    i = rng.integers(0, n - 1, 5000).astype(np.int32)
    j = (i + rng.integers(1, 30, 5000)).clip(max=n - 1).astype(np.int32)
    d = rng.integers(0, 4, 5000).astype(np.uint16)
    gone = rng.random(n) < 0.2
    by = np.lexsort((j, i, d))
    adjacency = grouping.Adjacency(n, Edges(i[by], j[by], d[by], 3))
    runs = []
    for run in (grouping._degrees.py_func, grouping._degrees.plain):
        degree, total = np.full(n, -1), np.full(n, -1)
        for first, last in ((0, 700), (700, 701), (701, n)):  # in slices, as on the cores
            run(adjacency.starts, adjacency.dst, adjacency.dist, 2, gone, degree, total, first, last)
        runs.append((degree, total))
    # The same as counting the edges within 2 bits whose photos are both there.
    keep = (d <= 2) & ~gone[i] & ~gone[j]
    ends = np.concatenate([i[keep], j[keep]])
    counted = np.bincount(ends, minlength=n), np.bincount(ends, np.tile(d[keep], 2), minlength=n)
    for degree, total in runs:
        assert np.array_equal(degree, counted[0]) and np.array_equal(total, counted[1])
    degree, total = runs[0]
    assert (degree[gone] == 0).all() and degree.sum() > 1000
    order = grouping._greedy_order.py_func(degree, total)
    assert np.array_equal(order, grouping._greedy_order.plain(degree, total))
    assert np.array_equal(order, sorted(np.flatnonzero(degree), key=lambda v: (-degree[v], total[v], v)))
    # A photo with very many neighbours spans too many keys for one table: sorted in two passes.
    degree, total = rng.integers(0, 4, n), rng.integers(0, 60, n)
    degree[7], total[7] = 90_000, 1_500_000
    total[degree == 0] = 0
    order = grouping._greedy_order.py_func(degree, total)
    assert order[0] == 7
    assert np.array_equal(order, sorted(np.flatnonzero(degree), key=lambda v: (-degree[v], total[v], v)))


def test_the_off_centre_kernel_is_the_same_in_numpy_in_python_and_compiled() -> None:
    """``central``'s distance from the median tones: numpy when small, its loops when compiled
    (the median taken apart for two and three members, a bit at a time past that)."""
    import numba

    from photodedupe.core.keep import keeper

    rng = np.random.default_rng(3)
    runs = {
        "numpy": keeper._off_centre.plain,
        "loops": keeper._off_centre.py_func,
        "compiled": numba.njit(keeper._off_centre.py_func),
    }
    rows = rng.permutation(60).astype(np.int64)
    members = rng.permutation(60).astype(np.int64)
    block, scratch = np.empty((60, 64), np.int16), np.empty((2, 64), np.int32)
    for values in (np.arange(256), np.array([0, 7, 128, 255])):  # all levels; few, so many ties
        tone = rng.choice(values, (60, 64)).astype(np.uint8)
        # every size to 5, odd and even, 1 included, then larger groups
        for lo, hi in ((0, 1), (1, 3), (3, 6), (6, 10), (10, 15), (15, 30), (30, 60)):
            got = {}
            for name, run in runs.items():
                out = np.full(60, -1.0)
                run(members, lo, hi, rows, tone, out, block, scratch)
                got[name] = out
            assert np.array_equal(got["numpy"], got["loops"]), (lo, hi)
            assert np.array_equal(got["numpy"], got["compiled"]), (lo, hi)
            assert (got["numpy"][lo:hi] >= 0).all() and (got["numpy"][hi:] == -1).all()


@pytest.mark.slow
def test_comparing_every_pair_finds_what_multi_index_hashing_finds() -> None:
    """Small searches compare all pairs in numpy (no numba to load); the pairs must be the same."""
    from photodedupe.core.find import index, mih

    rng = np.random.default_rng(11)
    base = rng.integers(0, 2**63, (40, 2), dtype=np.uint64)
    near = base.repeat(6, axis=0)
    flips = rng.integers(0, 128, (len(near), 10))
    for k in range(len(near)):  # copies 0-10 bits from their original
        for b in flips[k, : k % 11]:
            near[k, b // 64] ^= np.uint64(1) << np.uint64(b % 64)
    for queries, symmetric in ((near[:37], False), (near, True)):  # other hashes of a photo; its own
        for radius in (0, 3, 8, 20):
            fast = index.compare_all(queries, near, radius, symmetric)
            slow = mih.pairs_within(queries, near, radius, symmetric)
            as_set = [set(zip(*(a.tolist() for a in found), strict=True)) for found in (fast, slow)]
            assert all(v % len(queries) != q and (q < v or not symmetric) for q, v, _ in as_set[0])
            assert as_set[0] == as_set[1]
            assert len(as_set[0]) > 10 or radius == 0


def test_groups_reordered_are_the_same_in_numpy_in_loops_and_on_every_core() -> None:
    """Reordering groups (the list's order, the keeper's todo) copies each group whole to its place."""
    import numba

    from photodedupe.core import group_list
    from photodedupe.core.group_list import GroupList

    rng = np.random.default_rng(9)
    sizes = rng.integers(2, 9, 60_000)
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    groups = GroupList(
        rng.permutation(offsets[-1]).astype(np.int32), rng.integers(0, 21, offsets[-1]).astype(np.uint16),
        rng.random(offsets[-1]) < 0.3, offsets,
    )  # fmt: skip
    order = rng.permutation(len(groups))[: len(groups) // 2 * 2 - 7]  # a subset, as the keeper asks
    whole = groups.reordered(order)  # on every core, compiled
    assert len(whole) == len(order)
    for k in (0, 1, len(order) // 2, len(order) - 1):
        assert whole[k] == groups[int(order[k])]
    runs = (
        group_list._copy_groups_numpy,
        group_list._copy_groups.py_func,
        numba.njit(group_list._copy_groups.py_func),
    )
    for run in runs:
        out = GroupList(
            *(np.zeros_like(a) for a in (whole.members, whole.distance, whole.identical)), whole.offsets
        )
        for first, last in ((0, 1000), (1000, 1001), (1001, len(order))):
            run(groups.members, groups.distance, groups.identical, groups.offsets, order,
                out.members, out.distance, out.identical, whole.offsets, first, last)  # fmt: skip
        assert out == whole
