"""The fast candidate search against pybktree and brute force; grouping invariants."""

from __future__ import annotations

import itertools
import os

import numpy as np
import pytest

from photodedupe.core.find.grouping import group_photos
from photodedupe.core.find.hashing import hamming, hashes_to_words
from photodedupe.core.find.index import TURN_BITS, WINDOW_BITS, Edges, PhotoTree, candidate_edges
from photodedupe.core.progress import Cancelled, CancelToken


def random_hashes(n: int, bits: int, seed: int) -> list[int]:
    rng = np.random.default_rng(seed)
    return [int.from_bytes(rng.bytes(bits // 8), "big") for _ in range(n)]


def clustered_hashes(n_clusters: int, per: int, bits: int, flips: int, seed: int) -> list[int]:
    """Clusters of hashes a few random bit flips away from a centre, like copies of one photo."""
    rng = np.random.default_rng(seed)
    out = []
    for centre in random_hashes(n_clusters, bits, seed + 1):
        for _ in range(per):
            h = centre
            for b in rng.choice(bits, size=int(rng.integers(0, flips + 1)), replace=False):
                h ^= 1 << int(b)
            out.append(h)
    order = rng.permutation(len(out))
    return [out[k] for k in order]


def brute_force(hashes: list[int], radius: int) -> set[tuple[int, int, int]]:
    return {
        (i, j, hamming(hashes[i], hashes[j]))
        for i, j in itertools.combinations(range(len(hashes)), 2)
        if hamming(hashes[i], hashes[j]) <= radius
    }


def as_set(edges: Edges) -> set[tuple[int, int, int]]:
    return set(zip(edges.i.tolist(), edges.j.tolist(), edges.d.tolist(), strict=True))


@pytest.mark.parametrize(
    ("hashes", "bits", "radius"),
    [
        (random_hashes(300, 128, 1), 128, 52),
        (clustered_hashes(40, 8, 128, 12, 2), 128, 20),
        (clustered_hashes(10, 6, 512, 40, 3), 512, 80),
    ],
)
def test_candidate_edges_exact(hashes: list[int], bits: int, radius: int) -> None:
    edges = candidate_edges(hashes_to_words(hashes, bits), radius)
    expected = brute_force(hashes, radius)
    assert as_set(edges) == expected and len(edges) == len(expected) > 0
    keys = list(zip(edges.d.tolist(), edges.i.tolist(), edges.j.tolist(), strict=True))
    assert keys == sorted(keys)
    tree = PhotoTree(hashes)
    for k in range(0, len(hashes), 7):
        from_tree = {idx for d, idx in tree.similar_to(hashes[k], radius) if idx != k}
        from_edges = {j if i == k else i for i, j, d in expected if k in (i, j)}
        assert from_tree == from_edges


def brute_force_variants(
    up: np.ndarray, turned: np.ndarray, windows: np.ndarray, radius: int, turn_radius: int, window_radius: int
) -> dict[tuple[int, int], int]:
    """The pair distances ``candidate_edges`` promises, comparing every pair of every kind."""

    def dist(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.bitwise_count(a[:, None, :] ^ b[None, :, :]).sum(axis=2)

    best = dist(up, up)
    for w in windows:
        d = dist(up, w)
        best = np.minimum(best, np.where(d <= window_radius, d, 10_000))
    for t in turned[1:]:
        d = dist(up, t)
        best = np.minimum(best, np.where(d <= turn_radius, d, 10_000))
    best = np.minimum(best, best.T)  # either photo may be the one cropped or turned
    i, j = np.nonzero(np.triu(best <= radius, 1))
    return {(a, b): int(best[a, b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)}


@pytest.mark.parametrize(("seed", "n", "radius"), [(7, 120, 20), (8, 200, 40), (9, 60, 70)])
def test_candidate_edges_with_turns_and_windows_exact(seed: int, n: int, radius: int) -> None:
    rng = np.random.default_rng(seed)

    def near(base: np.ndarray, flips: int) -> np.ndarray:
        out = base.copy()
        for row in out:
            for b in rng.choice(128, size=int(rng.integers(0, flips + 1)), replace=False):
                row[b // 64] ^= np.uint64(1) << np.uint64(b % 64)
        return out

    up = rng.integers(0, 2**63, (n, 2), dtype=np.uint64)
    up[1::3] = near(up[0::3][: len(up[1::3])], 12)  # copies
    turned = rng.integers(0, 2**63, (8, n, 2), dtype=np.uint64)
    turned[0] = up
    turned[3, 2::5] = near(up[0::5][: len(up[2::5])], 10)  # a photo turned: its hash meets another's turn
    windows = np.stack([near(up, 24) for _ in range(5)])  # windows resemble their own photo
    windows[1, 4::7] = near(up[3::7][: len(up[4::7])], 14)  # crops of another photo
    edges = candidate_edges(up, radius, None, turned, windows)
    expected = brute_force_variants(up, turned, windows, radius, TURN_BITS, WINDOW_BITS)
    got = {(i, j): d for i, j, d in zip(edges.i.tolist(), edges.j.tolist(), edges.d.tolist(), strict=True)}
    assert got == expected and len(edges) == len(got) > 0
    keys = list(zip(edges.d.tolist(), edges.i.tolist(), edges.j.tolist(), strict=True))
    assert keys == sorted(keys)
    assert edges.o is not None and set(edges.o.tolist()) >= {-1, 0, 3}
    rows = zip(edges.i.tolist(), edges.j.tolist(), edges.d.tolist(), edges.o.tolist(), strict=True)
    for i, j, d, o in rows:
        if o > 0:  # j turned by o meets i: the turn the verifier will apply
            forward = int(np.bitwise_count(up[i] ^ turned[o, j]).sum())
            back = int(np.bitwise_count(up[j] ^ turned[(4 - o) % 4 if o < 4 else o, i]).sum())
            assert d in (forward, back)


def test_search_gives_up_when_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        candidate_edges(hashes_to_words(random_hashes(50, 128, 3), 128), 16, token)


def test_groups_are_stars_and_deterministic() -> None:
    hashes = clustered_hashes(30, 6, 128, 16, 5)
    edges = candidate_edges(hashes_to_words(hashes, 128), 32)
    previous = 0
    for t in range(0, 33, 4):
        groups = group_photos(len(hashes), edges, t)
        assert groups == group_photos(len(hashes), edges, t)
        seen: set[int] = set()
        for g in groups:
            assert len(g.members) >= 2 and g.members[0].distance == 0
            ref = hashes[g.reference]
            for m in g.members:
                assert m.index not in seen
                seen.add(m.index)
                assert m.distance == hamming(ref, hashes[m.index]) <= t
        grouped = len(seen)
        assert grouped >= previous  # a looser threshold never leaves more photos alone
        previous = grouped


def test_chain_is_not_one_group() -> None:
    # a - b - c - d, each 8 bits from the next: at 8 bits no group may span a..d.
    a = 0
    b = a ^ 0xFF
    c = b ^ (0xFF << 8)
    d = c ^ (0xFF << 16)
    hashes = [a, b, c, d]
    groups = group_photos(4, candidate_edges(hashes_to_words(hashes, 128), 32), 8)
    for g in groups:
        assert all(hamming(hashes[g.reference], hashes[m.index]) <= 8 for m in g.members)
    # b and c both reach two others; the tie goes to the lower index, and d is left alone.
    assert [[m.index for m in g.members] for g in groups] == [[1, 0, 2]]


def test_threshold_above_search_radius_is_refused() -> None:
    edges = candidate_edges(hashes_to_words(random_hashes(5, 128, 6), 128), 10)
    with pytest.raises(ValueError, match="up to 10"):
        group_photos(5, edges, 11)


def test_groups_made_on_every_core_are_those_made_on_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large library's star groups are made a side at a time, one side per core (whole
    components to a side): the groups must be those made in one pass, at every threshold, with
    photos left out, dates taken and digests."""
    from photodedupe.core.find import grouping

    rng = np.random.default_rng(8)
    n, m = 120_000, 45_000
    i = rng.integers(0, n - 60, m)
    j = i + rng.integers(1, 60, m)  # near neighbours: chains make components of many sizes
    pairs = np.unique(np.stack([i, j], axis=1), axis=0)
    d = rng.integers(0, 21, len(pairs)).astype(np.uint16)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], d))
    edges = Edges(pairs[order, 0], pairs[order, 1], d[order], 20)
    adjacency = grouping.Adjacency(n, edges)
    digests = rng.integers(-1, 3, n)  # a few photos byte-identical to others
    taken = np.where(rng.random(n) < 0.5, np.iinfo(np.int64).min, rng.integers(0, 3, n) * 900)
    exclude = rng.random(n) < 0.05
    side = adjacency.sides(2)
    assert grouping.parts_for(len(np.unique(pairs))) == 2 or (os.cpu_count() or 1) == 1
    assert 0.3 < side.mean() < 0.7  # the work is shared
    for threshold in (0, 8, 16, 20):
        for dated in (taken, None):
            split = group_photos(n, edges, threshold, digests, exclude, dated, adjacency)
            spans = [set(side[split.members[a:b]].tolist()) for a, b in itertools.pairwise(split.offsets)]
            assert all(len(s) == 1 for s in spans)
            with monkeypatch.context() as one_core:
                one_core.setattr(grouping, "parts_for", lambda count, least=0: 1)
                assert split == group_photos(n, edges, threshold, digests, exclude, dated, adjacency)
            assert len(split) > 1000
