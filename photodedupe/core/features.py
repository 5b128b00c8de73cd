"""What a photo is compared by, beyond its plain difference hash.

From the small grayscale image the decoder makes (about 16 pixels per grid
cell, upright), this finds the picture inside a uniform frame (letterbox
bars, an image viewer's window around a photo in a screenshot), hashes that
content in all eight orientations (rotated and mirrored copies), and keeps a
32×32 thumbnail of it to verify candidate pairs (``verify``).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from photodedupe.core.hashing import dhash_from_grid

THUMB_SIDE = 32
_FLAT_RANGE = 4.0  # grey levels across a 3×3 neighbourhood for a pixel to count as flat
_LEVEL_TOLERANCE = 3  # grey levels: JPEG noise in letterbox bars stays within this
_DOMINANT_SHARE = 0.02  # a flat level covering this share of the image is a frame colour
_EDGE_SHARE = 0.95  # an image edge this much frame is part of a frame
_PEEL_SHARE = 0.75  # a row or column this much frame is peeled off (window titles and buttons are the rest)
_MIN_CONTENT_SHARE = 0.2  # never trim to less than this share of a side


def _local_range(a: np.ndarray) -> np.ndarray:
    """Max minus min over each pixel's 3×3 neighbourhood (nine shifted views: fast in numpy)."""
    padded = np.pad(a, 1, mode="edge")
    h, w = a.shape
    views = [padded[y : y + h, x : x + w] for y in range(3) for x in range(3)]
    return np.maximum.reduce(views) - np.minimum.reduce(views)


def _frame_mask(a: np.ndarray) -> np.ndarray | None:
    """Pixels of one of the image's few dominant flat grey levels, as frames are made of.

    Letterbox bars and an image viewer's window are made of a handful of flat
    levels; a photo's flat areas (sky) spread over many.
    """
    flat = _local_range(a) <= _FLAT_RANGE
    if flat.mean() < 0.05:
        return None
    levels = np.clip(np.round(a), 0, 255).astype(np.int64)
    hist = np.bincount(levels[flat], minlength=256).astype(np.float64)
    near = np.convolve(hist, np.ones(2 * _LEVEL_TOLERANCE + 1), mode="same")  # flat pixels within ± tolerance
    dominant = near >= _DOMINANT_SHARE * a.size
    # Levels that make up much of the outer edge count too (a side panel's strips are too thin to be flat).
    ring = np.concatenate([levels[0], levels[-1], levels[1:-1, 0], levels[1:-1, -1]])
    ring_near = np.convolve(np.bincount(ring, minlength=256), np.ones(2 * _LEVEL_TOLERANCE + 1), mode="same")
    dominant |= ring_near >= 0.1 * ring.size
    if not dominant.any():
        return None
    return dominant[levels]


def content_box(a: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the picture inside a uniform frame; the whole image if none.

    A frame must run along two opposite edges (letterbox bars, or a window's
    title and status bars), so a photo with a flat sky at the top is left whole.
    Rows and columns that are mostly frame are then peeled off each edge.
    """
    h, w = a.shape
    whole = (0, 0, w, h)
    frame = _frame_mask(a)
    if frame is None:
        return whole
    top, bottom, left, right = frame[0].mean(), frame[-1].mean(), frame[:, 0].mean(), frame[:, -1].mean()
    if not ((top >= _EDGE_SHARE and bottom >= _EDGE_SHARE) or (left >= _EDGE_SHARE and right >= _EDGE_SHARE)):
        return whole
    x0, y0, x1, y1 = 0, 0, w, h
    changed = True
    while changed and x1 - x0 > 2 and y1 - y0 > 2:  # peel frame rows and columns off each edge
        changed = False
        inner = frame[y0:y1, x0:x1]
        if inner[0].mean() >= _PEEL_SHARE:
            y0, changed = y0 + 1, True
        if inner[-1].mean() >= _PEEL_SHARE:
            y1, changed = y1 - 1, True
        if inner[:, 0].mean() >= _PEEL_SHARE:
            x0, changed = x0 + 1, True
        if inner[:, -1].mean() >= _PEEL_SHARE:
            x1, changed = x1 - 1, True
    if x1 - x0 < _MIN_CONTENT_SHARE * w or y1 - y0 < _MIN_CONTENT_SHARE * h:
        return whole  # (almost) all frame: a flat picture, not a framed one
    return x0, y0, x1, y1


def orientations(grid: np.ndarray) -> list[np.ndarray]:
    """The grid in all 8 orientations: 4 rotations, then the same mirrored left to right."""
    turns = [np.rot90(grid, k) for k in range(4)]
    return turns + [np.fliplr(g) for g in turns]


def oriented_hashes(grid: np.ndarray) -> tuple[int, ...]:
    return tuple(dhash_from_grid(np.ascontiguousarray(g)) for g in orientations(grid))


#: Where the crop windows sit, as (left, top) shares of the 10 % a window leaves out.
CROP_WINDOWS = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (0.5, 0.5))
_WINDOW_SHARE = 0.9


def window_grids(content: Image.Image, side: int) -> list[np.ndarray]:
    """Grids of the 90 % windows of ``content`` at the corners and the centre."""
    w, h = content.size
    ww, wh = w * _WINDOW_SHARE, h * _WINDOW_SHARE
    grids = []
    for fx, fy in CROP_WINDOWS:
        left, top = (w - ww) * fx, (h - wh) * fy
        window = content.resize((side, side), Image.Resampling.LANCZOS, box=(left, top, left + ww, top + wh))
        grids.append(np.asarray(window, dtype=np.float32))
    return grids


def thumbnail(content: Image.Image) -> bytes:
    """A 32×32 grayscale thumbnail (row-major bytes) for verification."""
    small = content.resize((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BOX)
    return np.clip(np.asarray(small, dtype=np.float32), 0, 255).round().astype(np.uint8).tobytes()


def detail(thumb: bytes) -> float:
    """How much structure a picture has: the mean absolute neighbour difference of its thumbnail.

    Flat, dark or foggy photos score low; their hash bits are mostly noise.
    """
    t = np.frombuffer(thumb, dtype=np.uint8).reshape(THUMB_SIDE, THUMB_SIDE).astype(np.float32)
    return float((np.abs(np.diff(t, axis=0)).mean() + np.abs(np.diff(t, axis=1)).mean()) / 2)
