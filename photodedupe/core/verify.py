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
from PIL import Image

from photodedupe.core.features import THUMB_SIDE, detail, orientations
from photodedupe.core.index import Edges
from photodedupe.core.model import Photo

#: Hash distance (per 128 bits) up to which upright, detailed pairs need no second look.
SAFE_BITS = 8
#: Thumbnail detail (mean neighbour difference, grey levels) below which a hash is not trusted.
MIN_DETAIL = 2.0
#: Correlation a pair needs to pass the second look, by hash distance (per 128 bits): the
#: further apart the hashes, the stronger the picture evidence must be.
MIN_SCORE = ((16, 0.7), (24, 0.75), (32, 0.8), (10_000, 0.85))

_SIDE = 16
_CROPS = (0.92, 0.84)  # window sizes, as shares of the side, for one photo being a crop of the other


def _high_pass(a: np.ndarray) -> np.ndarray:
    """Detail only: each pixel minus its 5×5 neighbourhood mean.

    Without this, any two photos with a bright sky over darker ground
    correlate well at 16×16.
    """
    padded = np.pad(a, 2, mode="edge")
    return a - np.lib.stride_tricks.sliding_window_view(padded, (5, 5)).mean(axis=(2, 3))


def _normalised(windows: np.ndarray) -> np.ndarray:
    flat = windows.reshape(len(windows), -1)
    flat = flat - flat.mean(axis=1, keepdims=True)
    norm = np.linalg.norm(flat, axis=1, keepdims=True)
    return flat / np.maximum(norm, 1e-6)


def _resize(a: np.ndarray) -> np.ndarray:
    return _high_pass(np.asarray(Image.fromarray(a, mode="F").resize((_SIDE, _SIDE), Image.Resampling.BOX)))


def windows(thumb: np.ndarray) -> np.ndarray:
    """The whole thumbnail and its crop windows (3×3 positions per size), normalised, one per row."""
    out = [_resize(thumb)]
    for share in _CROPS:
        w = round(THUMB_SIDE * share)
        for y in (0, (THUMB_SIDE - w) // 2, THUMB_SIDE - w):
            for x in (0, (THUMB_SIDE - w) // 2, THUMB_SIDE - w):
                out.append(_resize(np.ascontiguousarray(thumb[y : y + w, x : x + w])))
    return _normalised(np.stack(out))


class Verifier:
    """Scores pairs of photos, computing each photo's windows once per orientation."""

    def __init__(self, photos: Sequence[Photo]) -> None:
        self._photos = photos
        self._cache: dict[tuple[int, int], np.ndarray] = {}

    def _windows(self, k: int, orientation: int) -> np.ndarray:
        key = (k, orientation)
        found = self._cache.get(key)
        if found is None:
            thumb = np.frombuffer(self._photos[k].info.thumb, dtype=np.uint8).reshape(THUMB_SIDE, THUMB_SIDE)
            turned = orientations(thumb.astype(np.float32))[orientation]
            found = self._cache[key] = windows(np.ascontiguousarray(turned))
        return found

    def score(self, i: int, j: int, orientation: int) -> float:
        """Best correlation of i's picture with j's (j turned by ``orientation``), allowing crops."""
        a, b = self._windows(i, 0), self._windows(j, max(orientation, 0))
        return float(max((a[0] @ b.T).max(), (b[0] @ a.T).max()))


def verified(edges: Edges, photos: Sequence[Photo], hash_bits: int) -> Edges:
    """The candidate edges that pass: close and trustworthy, identical files, or verified thumbnails."""
    if len(edges) == 0 or not all(p.info.thumb for p in photos):
        return edges
    detailed = np.array([detail(p.info.thumb) >= MIN_DETAIL for p in photos])
    safe_bits = SAFE_BITS * hash_bits // 128
    orient = edges.o if edges.o is not None else np.full(len(edges), -1, np.int8)
    keep = (edges.d <= safe_bits) & (orient <= 0) & detailed[edges.i] & detailed[edges.j]
    verifier = Verifier(photos)
    scale = 128 / hash_bits
    for k in np.flatnonzero(~keep).tolist():
        i, j = int(edges.i[k]), int(edges.j[k])
        if photos[i].digest is not None and photos[i].digest == photos[j].digest:
            keep[k] = True
            continue
        needed = next(score for bits, score in MIN_SCORE if edges.d[k] * scale <= bits)
        keep[k] = verifier.score(i, j, int(orient[k])) >= needed
    return edges.select(keep)
