"""Find which photos have close hashes.

``candidate_edges`` finds every pair within the slider's largest threshold
once, at the end of a scan, and keeps them sorted by distance: moving the
slider then only takes a prefix of that list (see ``grouping``). ``PhotoTree``
(a BK-tree) answers "which photos are like this one?" for a single photo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pybktree

from photodedupe.core.hashing import hamming
from photodedupe.core.progress import CancelToken

_TILE = 2048  # photos per side of one block of the distance matrix (32 MiB of XORs)


@dataclass(frozen=True, slots=True)
class Edges:
    """Pairs (i < j) of photo indices with their Hamming distance, sorted by (d, i, j)."""

    i: np.ndarray
    j: np.ndarray
    d: np.ndarray
    max_distance: int

    def __len__(self) -> int:
        return len(self.d)

    def count_within(self, threshold: int) -> int:
        """How many edges have d <= threshold: they are the first ones."""
        if threshold > self.max_distance:
            raise ValueError(f"edges were found up to {self.max_distance} bits, not {threshold}")
        return int(np.searchsorted(self.d, threshold, side="right"))


def _empty(max_distance: int) -> Edges:
    nothing = np.zeros(0, np.int32)
    return Edges(nothing, nothing, np.zeros(0, np.uint16), max_distance)


def candidate_edges(words: np.ndarray, max_distance: int, cancel: CancelToken | None = None) -> Edges:
    """All pairs of rows of ``words`` (N × W uint64) within ``max_distance`` bits.

    Exhaustive and exact: the distance matrix is computed tile by tile with
    XOR and popcount, so memory stays bounded whatever N is.
    """
    n = len(words)
    if n < 2:
        return _empty(max_distance)
    found_i, found_j, found_d = [], [], []
    for a in range(0, n, _TILE):
        block_a = words[a : a + _TILE]
        for b in range(a, n, _TILE):
            if cancel is not None:
                cancel.raise_if_cancelled()
            block_b = words[b : b + _TILE]
            dist = np.zeros((len(block_a), len(block_b)), np.uint16)
            for w in range(words.shape[1]):
                dist += np.bitwise_count(block_a[:, None, w] ^ block_b[None, :, w])
            close = dist <= max_distance
            if a == b:
                close &= np.triu(np.ones_like(close), 1)  # each pair once, no self-pairs
            ii, jj = np.nonzero(close)
            found_i.append(ii.astype(np.int32) + a)
            found_j.append(jj.astype(np.int32) + b)
            found_d.append(dist[ii, jj])
    i, j, d = (np.concatenate(x) for x in (found_i, found_j, found_d))
    order = np.lexsort((j, i, d))
    return Edges(i[order], j[order], d[order], max_distance)


class _Item(NamedTuple):
    hash: int
    index: int


def _item_distance(a: _Item, b: _Item) -> int:
    return hamming(a.hash, b.hash)


class PhotoTree:
    """A BK-tree over the photos' hashes, for "find photos like this one"."""

    def __init__(self, hashes: Sequence[int]) -> None:
        self._tree = pybktree.BKTree(_item_distance, [_Item(h, k) for k, h in enumerate(hashes)])

    def similar_to(self, hash_value: int, radius: int) -> list[tuple[int, int]]:
        """(distance, photo index) of every photo within ``radius`` bits, closest first."""
        return [(d, item.index) for d, item in self._tree.find(_Item(hash_value, -1), radius)]
