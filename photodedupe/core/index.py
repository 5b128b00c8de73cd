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
    """Pairs (i < j) of photo indices with their Hamming distance, sorted by (d, i, j).

    ``o`` says which comparison gave the distance: -1 the plain hashes, 0..7
    the framed pictures with j turned to orientation o (features.orientations).
    """

    i: np.ndarray
    j: np.ndarray
    d: np.ndarray
    max_distance: int
    o: np.ndarray | None = None

    def to_bytes(self) -> bytes:
        o = self.o if self.o is not None else np.full(len(self.d), -1, np.int8)
        head = np.array([len(self.d), self.max_distance], np.int64).tobytes()
        parts = (
            self.i.astype(np.int32),
            self.j.astype(np.int32),
            self.d.astype(np.uint16),
            o.astype(np.int8),
        )
        return head + b"".join(a.tobytes() for a in parts)

    @staticmethod
    def from_bytes(data: bytes) -> Edges:
        n, max_distance = np.frombuffer(data[:16], np.int64).tolist()
        offset, arrays = 16, []
        for dtype in (np.int32, np.int32, np.uint16, np.int8):
            size = n * np.dtype(dtype).itemsize
            arrays.append(np.frombuffer(data[offset : offset + size], dtype).copy())
            offset += size
        i, j, d, o = arrays
        return Edges(i, j, d, int(max_distance), o)

    def select(self, keep: np.ndarray) -> Edges:
        """The edges where ``keep`` is True, still sorted."""
        o = self.o[keep] if self.o is not None else None
        return Edges(self.i[keep], self.j[keep], self.d[keep], self.max_distance, o)

    def __len__(self) -> int:
        return len(self.d)

    def count_within(self, threshold: int) -> int:
        """How many edges have d <= threshold: they are the first ones."""
        if threshold > self.max_distance:
            raise ValueError(f"edges were found up to {self.max_distance} bits, not {threshold}")
        return int(np.searchsorted(self.d, threshold, side="right"))


def _empty(max_distance: int) -> Edges:
    nothing = np.zeros(0, np.int32)
    return Edges(nothing, nothing, np.zeros(0, np.uint16), max_distance, np.zeros(0, np.int8))


def _distances(block_a: np.ndarray, block_b: np.ndarray) -> np.ndarray:
    dist = np.zeros((len(block_a), len(block_b)), np.uint16)
    for w in range(block_a.shape[1]):
        dist += np.bitwise_count(block_a[:, None, w] ^ block_b[None, :, w])
    return dist


def candidate_edges(
    words: np.ndarray,
    max_distance: int,
    cancel: CancelToken | None = None,
    oriented: np.ndarray | None = None,
    windows: np.ndarray | None = None,
) -> Edges:
    """All pairs of rows of ``words`` (N × W uint64) within ``max_distance`` bits.

    With ``oriented`` (8 × N × W: each photo's framed picture in the 8
    orientations), a pair's distance is the smallest of its plain distance and
    those between i's upright picture and j's in every orientation, so rotated,
    mirrored, letterboxed and screenshotted copies come close too. With
    ``windows`` (K × N × W: hashes of crop windows of each upright picture),
    one photo's window may also meet the other's whole picture: cropped copies.
    Exhaustive and exact: distances are computed tile by tile with XOR and
    popcount, so memory stays bounded whatever N is.
    """
    n = len(words)
    if n < 2:
        return _empty(max_distance)
    found_i, found_j, found_d, found_o = [], [], [], []
    for a in range(0, n, _TILE):
        for b in range(a, n, _TILE):
            if cancel is not None:
                cancel.raise_if_cancelled()
            dist = _distances(words[a : a + _TILE], words[b : b + _TILE])
            how = np.full(dist.shape, -1, np.int8)
            if oriented is not None:
                upright = oriented[0, a : a + _TILE]
                for o in range(len(oriented)):
                    turned = _distances(upright, oriented[o, b : b + _TILE])
                    better = turned < dist
                    dist[better] = turned[better]
                    how[better] = o
                if windows is not None:
                    for crop in windows:
                        for turned in (
                            _distances(crop[a : a + _TILE], oriented[0, b : b + _TILE]),
                            _distances(upright, crop[b : b + _TILE]),
                        ):
                            better = turned < dist
                            dist[better] = turned[better]
                            how[better] = 0
            close = dist <= max_distance
            if a == b:
                close &= np.triu(np.ones_like(close), 1)  # each pair once, no self-pairs
            ii, jj = np.nonzero(close)
            found_i.append(ii.astype(np.int32) + a)
            found_j.append(jj.astype(np.int32) + b)
            found_d.append(dist[ii, jj])
            found_o.append(how[ii, jj])
    i, j, d, o = (np.concatenate(x) for x in (found_i, found_j, found_d, found_o))
    order = np.lexsort((j, i, d))
    return Edges(i[order], j[order], d[order], max_distance, o[order])


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
