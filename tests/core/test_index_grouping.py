"""The fast candidate search against pybktree and brute force; grouping invariants."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from photodedupe.core.grouping import group_photos
from photodedupe.core.hashing import hamming, hashes_to_words
from photodedupe.core.index import Edges, PhotoTree, candidate_edges


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


def test_candidate_edges_across_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("photodedupe.core.index._TILE", 16)
    hashes = clustered_hashes(15, 5, 128, 10, 4)
    assert as_set(candidate_edges(hashes_to_words(hashes, 128), 16)) == brute_force(hashes, 16)


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
