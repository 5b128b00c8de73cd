"""Second look at candidate pairs: do their thumbnails really show the same picture?

The hashes find candidates generously; this keeps precision. A pair is kept
without a second look only when its hashes are very close, upright, and both
photos have enough detail for their hash bits to mean something. Every other
pair must show a high normalised correlation between the two 32×32
thumbnails' fine detail, where one may be a crop of the other (up to ~16 % per side) —
so cropped copies pass, while different photos, far crops of one photo, and
near-flat dark photos whose hashes are noise, do not.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from photodedupe.core.find.features import THUMB_SIDE, detail, oriented
from photodedupe.core.find.index import Edges
from photodedupe.core.kernels import in_slices
from photodedupe.core.model import Photo

#: Bump whenever what ``verified`` keeps changes: stored pairs of other recipes are not reused.
PAIRS_RECIPE = 2

#: Hash distance (per 128 bits) up to which upright, detailed pairs need no second look.
SAFE_BITS = 8
#: Thumbnail detail (mean neighbour difference, grey levels) below which a hash is not trusted.
MIN_DETAIL = 2.0
#: Correlation a pair needs to pass the second look, by hash distance (per 128 bits): the
#: further apart the hashes, the stronger the picture evidence must be.
MIN_SCORE = ((16, 0.7), (24, 0.75), (32, 0.8), (10_000, 0.85))

_SIDE = 16
_BATCH = 2048  # pairs scored per numpy call
_CROPS = (0.92, 0.84)  # window sizes, as shares of the side, for one photo being a crop of the other


def _area_matrix(start: float, length: float, cells: int, size: int) -> np.ndarray:
    """Rows average the pixels of [start, start+length) of a line of ``size`` into ``cells`` equal parts."""
    m = np.zeros((cells, size), np.float32)
    step = length / cells
    for c in range(cells):
        lo, hi = start + c * step, start + (c + 1) * step
        for p in range(int(lo), min(size, int(np.ceil(hi)))):
            m[c, p] = min(hi, p + 1) - max(lo, p)
    rows: np.ndarray = m / m.sum(axis=1, keepdims=True)
    return rows


def _blur_matrix(size: int, radius: int) -> np.ndarray:
    """Rows average 2·radius+1 neighbours, repeating the edge pixels (like np.pad 'edge')."""
    m = np.zeros((size, size), np.float32)
    for r in range(size):
        for k in range(r - radius, r + radius + 1):
            m[r, min(max(k, 0), size - 1)] += 1
    return m / (2 * radius + 1)


def _window_matrices() -> np.ndarray:
    """One area-averaging matrix per window position along an axis: the whole line, then the crops."""
    mats = [_area_matrix(0, THUMB_SIDE, _SIDE, THUMB_SIDE)]
    for share in _CROPS:
        w = round(THUMB_SIDE * share)
        mats += [_area_matrix(o, w, _SIDE, THUMB_SIDE) for o in (0, (THUMB_SIDE - w) // 2, THUMB_SIDE - w)]
    return np.stack(mats)


_AXIS = _window_matrices()  # (7, 16, 32): whole, then 3 positions for each crop size
# The windows: the whole picture, then 3×3 positions for each crop size (same size on both axes).
_PAIRS = [(0, 0)] + [
    (1 + 3 * s + y, 1 + 3 * s + x) for s in range(len(_CROPS)) for y in range(3) for x in range(3)
]
_ROWS = np.stack([_AXIS[y] for y, _ in _PAIRS])
_COLS_T = np.stack([_AXIS[x] for _, x in _PAIRS]).transpose(0, 2, 1)
_BLUR = _blur_matrix(_SIDE, 2)


def windows(thumbs: np.ndarray) -> np.ndarray:
    """For each thumbnail (N × 32 × 32), the whole and its crop windows at 16×16, high-passed and
    normalised, one per row (N × 19 × 256).

    High-pass (each cell minus its 5×5 mean) keeps only detail: without it any
    two photos with a bright sky over darker ground correlate well at 16×16.
    All windows of all thumbnails are made with a few batched matrix products.
    """
    small = _ROWS @ thumbs.astype(np.float32)[:, None] @ _COLS_T  # (N, 19, 16, 16)
    detail_only = small - _BLUR @ small @ _BLUR.T
    flat = detail_only.reshape(len(thumbs), len(_ROWS), -1)
    flat = flat - flat.mean(axis=2, keepdims=True)
    unit: np.ndarray = flat / np.maximum(np.linalg.norm(flat, axis=2, keepdims=True), 1e-6)
    return unit


#: Pairs scored at once, and thumbnails made into windows at once: blocks whose temporaries stay in
#: the CPU's cache and the allocator's free memory. In a scan of 387 camera JPEGs (952 thumbnails,
#: 1,596 pairs), 256 pairs at once (10 MB gathered, mapped afresh) took 17-36 ms against 4-6 ms,
#: 64 thumbnails 45 ms against 21 ms at first; 1,024 thumbnails at once took 2-4× longer still.
_PAIRS_AT_ONCE = 64
_THUMBS_AT_ONCE = 32


class Verifier:
    """Scores pairs of photos from their thumbnails, each turned as the pair needs."""

    def __init__(self, thumbs: Sequence[bytes]) -> None:
        self._thumbs = thumbs

    def scores(self, i: np.ndarray, j: np.ndarray, orientation: np.ndarray) -> np.ndarray:
        """For each pair: the best correlation of i's picture with j's (j turned by its
        orientation), allowing either to be a crop of the other."""
        rows: dict[tuple[int, int], int] = {}  # each photo's windows once per orientation, in ``table``
        a = np.array([rows.setdefault((int(x), 0), len(rows)) for x in i], np.int64)
        turned = zip(j.tolist(), np.maximum(orientation, 0).tolist(), strict=True)
        b = np.array([rows.setdefault(key, len(rows)) for key in turned], np.int64)
        keys = list(rows)
        table = np.empty((len(keys), len(_PAIRS), _SIDE * _SIDE), np.float32)
        # Every thumbnail at once (one join, not a small array per photo), then turned where asked.
        thumbs = np.frombuffer(b"".join(self._thumbs[k] for k, _ in keys), np.uint8)
        thumbs = thumbs.reshape(len(keys), THUMB_SIDE, THUMB_SIDE)
        to_turn = [n for n, (_, o) in enumerate(keys) if o]
        if to_turn:
            thumbs = thumbs.copy()
            for n in to_turn:
                thumbs[n] = oriented(thumbs[n], keys[n][1])

        def fill(lo: int, hi: int) -> None:
            for start in range(lo, hi, _THUMBS_AT_ONCE):
                end = min(start + _THUMBS_AT_ONCE, hi)
                table[start:end] = windows(thumbs[start:end])

        best = np.empty(len(a), np.float32)

        def compare(lo: int, hi: int) -> None:
            for start in range(lo, hi, _PAIRS_AT_ONCE):  # gathered a block at a time: 20 KB a pair
                end = min(start + _PAIRS_AT_ONCE, hi)
                one, other = table[a[start:end]], table[b[start:end]]
                # The windows first: einsum sums each window's products in the same order as
                # with the whole picture first, and loops over them twice as fast.
                best[start:end] = np.maximum(
                    np.einsum("kwd,kd->kw", other, one[:, 0]).max(axis=1),
                    np.einsum("kwd,kd->kw", one, other[:, 0]).max(axis=1),
                )

        # numpy's products release the GIL: both halves run on both cores.
        in_slices(fill, len(keys), least=_THUMBS_AT_ONCE)
        in_slices(compare, len(a), least=_PAIRS_AT_ONCE)
        return best


def verified(edges: Edges, photos: Sequence[Photo], hash_bits: int, thumbs: Sequence[bytes]) -> Edges:
    """The candidate edges that pass: close and trustworthy, identical files, or verified thumbnails.

    ``thumbs`` are the photos' thumbnails (PhotoInfo.thumb, which a cached
    photo does not carry: see HashCache.lookup_thumbs); b"" where unknown,
    and then only close upright hashes or identical files can pass.
    """
    if len(edges) == 0:
        return edges
    have = np.zeros(len(photos), bool)
    detailed = np.zeros(len(photos), bool)
    for k in np.unique(np.concatenate([edges.i, edges.j])).tolist():
        if thumbs[k]:
            have[k] = True
            detailed[k] = detail(thumbs[k]) >= MIN_DETAIL
    i, j = edges.i, edges.j
    safe_bits = SAFE_BITS * hash_bits // 128
    orient = edges.o if edges.o is not None else np.full(len(edges), -1, np.int8)
    seen = have[i] & have[j]
    keep = (edges.d <= safe_bits) & (orient <= 0) & ((detailed[i] & detailed[j]) | ~seen)
    verifier = Verifier(thumbs)
    scale = 128 / hash_bits
    needed = np.array(
        [next(score for bits, score in MIN_SCORE if d * scale <= bits) for d in range(256 * 4 + 1)]
    )
    todo = np.flatnonzero(~keep & seen)
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        scores = verifier.scores(i[batch], j[batch], orient[batch])
        keep[batch] = scores >= needed[edges.d[batch]]
    digests = [p.digest for p in photos]
    for k in np.flatnonzero(~keep).tolist():  # byte-identical files: the same photo, whatever it shows
        a, b = int(i[k]), int(j[k])
        if digests[a] is not None and digests[a] == digests[b]:
            keep[k] = True
    return edges.select(keep)
