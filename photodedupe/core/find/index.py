"""Find which photos have close hashes.

``candidate_edges`` finds every pair within the slider's largest threshold
once, at the end of a scan (multi-index hashing, not all N² pairs), and keeps
them sorted by distance: moving the
slider then only takes a prefix of that list (see ``grouping``). ``PhotoTree``
(a BK-tree) answers "which photos are like this one?" for a single photo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pybktree

from photodedupe.core.find.hashing import hamming
from photodedupe.core.kernels import in_slices
from photodedupe.core.progress import CancelToken


@dataclass(frozen=True, slots=True)
class Edges:
    """Pairs (i < j) of photo indices with their Hamming distance, sorted by (d, i, j).

    ``o`` says which comparison gave the distance: -1 the hashes themselves,
    0 a window of one (a crop, or straightened) against the other's hash, 1..7 j's picture turned
    to orientation o (features.orientations).
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


#: Orientation o turned back: rotations by k quarter turns undo with 4 - k; mirrorings undo themselves.
_INVERSE_TURN = np.array([0, 3, 2, 1, 4, 5, 6, 7], np.int8)
#: Rotated and mirrored copies land within 6 bits of the turned hash on the development
#: corpus (224 pairs), so turned hashes are searched only this far (per 128 bits): the
#: seven extra hashes per photo then cost little.
TURN_BITS = 8
#: Window hashes (crops at 9 positions, 2 straightened) are searched up to the default level (per
#: 128 bits): a 10 % crop taken anywhere lands within 16 bits of one of them (55 of 56 on the
#: development corpus), and so do straightened copies (138 of 140).
WINDOW_BITS = 16


#: Up to this many (query, item) comparisons a search compares every pair in numpy: for a scan
#: of a few hundred photos that beats loading numba's multi-index code (0.4 s a process).
COMPARE_ALL_BELOW = 4_000_000
_BLOCK = 1 << 19  # comparisons per numpy step: 8 MB of XORed words for 128-bit hashes
_SLICE = 1 << 18  # comparisons from which a search is worth a thread of its own


def pairs_within(
    queries: np.ndarray,
    items: np.ndarray,
    radius: int,
    symmetric: bool = False,
    cancel: CancelToken | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``mih.pairs_within``, by comparing every pair when there are few (the same pairs)."""
    if len(queries) * len(items) >= COMPARE_ALL_BELOW:
        from photodedupe.core.find import mih  # numba: only for libraries large enough to need it

        return mih.pairs_within(queries, items, radius, symmetric, cancel)
    return compare_all(queries, items, radius, symmetric, cancel)


def compare_all(
    queries: np.ndarray,
    items: np.ndarray,
    radius: int,
    symmetric: bool = False,
    cancel: CancelToken | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (query q, item v) of different photos (v's is v % len(queries)) within ``radius`` bits;
    with ``symmetric`` (the items are the queries), only q < v."""
    queries = np.ascontiguousarray(queries, np.uint64)
    items = np.ascontiguousarray(items, np.uint64)
    owner = np.arange(len(items), dtype=np.int64) % max(1, len(queries))
    none = (np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0, np.uint16))
    found: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # by each block's first query
    columns = np.ascontiguousarray(items.T)  # one row per word: each word XORed at once over all items
    step = max(1, _BLOCK // max(1, len(items)))

    def search(first: int, end: int) -> None:
        for lo in range(first, end, step):
            if cancel is not None:
                cancel.raise_if_cancelled()
            block = queries[lo : min(lo + step, end)]
            distance = np.zeros((len(block), len(items)), np.uint16)
            for word in range(items.shape[1]):
                distance += np.bitwise_count(block[:, word, None] ^ columns[word])
            q = np.arange(lo, lo + len(block))[:, None]
            close = (distance <= radius) & (owner != q) & ((q < owner) if symmetric else True)
            rows, v = np.nonzero(close)
            found[lo] = ((rows + lo).astype(np.int32), v.astype(np.int64), distance[rows, v])

    # numpy's XORs and counts release the GIL: the queries are cut in one slice per core.
    in_slices(search, len(queries), least=max(1, _SLICE // max(1, len(items))))
    blocks = [none, *(found[lo] for lo in sorted(found))]
    q, v, d = (np.concatenate(parts) for parts in zip(*blocks, strict=True))
    return q, v, d


def candidate_edges(
    words: np.ndarray,
    max_distance: int,
    cancel: CancelToken | None = None,
    oriented: np.ndarray | None = None,
    windows: np.ndarray | None = None,
) -> Edges:
    """All pairs of photos whose hashes (N × W uint64 ``words``) are within ``max_distance`` bits.

    With ``oriented`` (8 × N × W: each photo's framed picture in the 8
    orientations, ``oriented[0]`` being ``words``), a photo's hash may also meet
    another's picture turned or mirrored (within TURN_BITS): rotated, mirrored,
    letterboxed and screenshotted copies. With ``windows`` (K × N × W: hashes
    of crop and straightened windows of each picture), a photo's hash may also
    meet another's window (within WINDOW_BITS): cropped and straightened copies.
    A pair's distance is the smallest of these. Exact, and far from comparing
    every pair: see ``mih``.
    """
    n, word_count = words.shape
    if n < 2:
        return _empty(max_distance)
    hash_bits = 64 * word_count
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    # The hashes themselves, up to the full distance; each pair once.
    q, v, d = pairs_within(words, words, max_distance, True, cancel)
    found.append((q, v, d, np.full(len(q), -1, np.int8)))
    if windows is not None:
        # The windows, only as far as the default level: beyond it, a window is as likely to
        # meet another frame of a burst, and the search would cost twice as much.
        radius = min(max_distance, WINDOW_BITS * hash_bits // 128)
        q, v, d = pairs_within(words, windows.reshape(-1, word_count), radius, False, cancel)
        found.append((q, v % n, d, np.zeros(len(q), np.int8)))
    if oriented is not None:
        # The other 7 orientations, only as far as turned copies need.
        turned = oriented[1:].reshape(-1, word_count)
        radius = min(max_distance, TURN_BITS * hash_bits // 128)
        q, v, d = pairs_within(words, turned, radius, False, cancel)
        found.append((q, v % n, d, (v // n + 1).astype(np.int8)))
    q, owner, d, how = (np.concatenate(parts) for parts in zip(*found, strict=True))
    # Store each pair once as i < j, with j's turn: where the query was the higher
    # photo, the lower one was turned, so turning the higher one back matches.
    swap = q > owner
    i = np.where(swap, owner, q).astype(np.int32)
    j = np.where(swap, q, owner).astype(np.int32)
    how = np.where(swap & (how > 0), _INVERSE_TURN[np.maximum(how, 0)], how).astype(np.int8)
    d = d.astype(np.uint16)
    order = np.lexsort((how, d, j, i))  # per pair: closest first, then the plainest comparison
    i, j, d, how = i[order], j[order], d[order], how[order]
    first = np.ones(len(i), bool)
    first[1:] = (i[1:] != i[:-1]) | (j[1:] != j[:-1])
    i, j, d, how = i[first], j[first], d[first], how[first]
    order = np.lexsort((j, i, d))
    return Edges(i[order], j[order], d[order], max_distance, how[order])


class _Item(NamedTuple):
    hash: int
    photo: int


def _item_distance(a: _Item, b: _Item) -> int:
    return hamming(a.hash, b.hash)


class PhotoTree:
    """A BK-tree over the photos' hashes, for "find photos like this one"."""

    def __init__(self, hashes: Sequence[int]) -> None:
        self._tree = pybktree.BKTree(_item_distance, [_Item(h, k) for k, h in enumerate(hashes)])

    def similar_to(self, hash_value: int, radius: int) -> list[tuple[int, int]]:
        """(distance, photo index) of every photo within ``radius`` bits, closest first."""
        return [(d, item.photo) for d, item in self._tree.find(_Item(hash_value, -1), radius)]
