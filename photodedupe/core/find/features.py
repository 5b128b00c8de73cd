"""What a photo is compared by, beyond its plain difference hash.

From the small grayscale image the decoder makes (about 16 pixels per grid
cell, upright), this finds the picture inside a uniform frame (letterbox
bars, an image viewer's window around a photo in a screenshot), hashes that
content in all eight orientations (rotated and mirrored copies) and in
windows a crop or a straighten tool would leave, and keeps a 32×32
thumbnail of it to verify candidate pairs (``verify``).
"""

from __future__ import annotations

import functools
import math

import numpy as np
from PIL import Image

from photodedupe.core.find.hashing import packed_dhashes

THUMB_SIDE = 32
_FLAT_RANGE = 4.0  # grey levels across a 3×3 neighbourhood for a pixel to count as flat
_LEVEL_TOLERANCE = 3  # grey levels: JPEG noise in letterbox bars stays within this
_EDGE_SHARE = 0.95  # an image edge this much frame is part of a frame
_LINE_SHARE = 0.9  # a level filling this share of an edge line is a frame level (not bars, a title bar)
#: Of the pixels within ±3 levels of a frame level, the share within ±1 of one level: bars and a
#: viewer's background are one level (measured 0.98–1.00); a dim, flat sky or ground spreads over
#: its ±3 (0.50–0.95) and is picture, however flat it looks next to the rest of a dim photo.
_NARROW_SHARE = 0.93
#: Grey levels between the image's 5th and 95th percentiles below which nothing is taken for a
#: frame: in so flat an image a sky or a dark ground is as flat as bars, and copies would each be
#: cut differently. Framed photos of the development corpus span 43 levels or more; dim photos 9–28.
_MIN_FRAMED_RANGE = 32.0
_PICTURE_LINE = 0.6  # a row or column with less frame than this is part of the picture
_MIN_CONTENT_SHARE = 0.2  # never trim to less than this share of a side


def _local_range(a: np.ndarray) -> np.ndarray:
    """Max minus min over each pixel's 3×3 neighbourhood (nine shifted views: fast in numpy)."""
    padded = np.pad(a, 1, mode="edge")
    h, w = a.shape
    views = [padded[y : y + h, x : x + w] for y in range(3) for x in range(3)]
    spread: np.ndarray = np.maximum.reduce(views) - np.minimum.reduce(views)
    return spread


def _frame_levels(levels: np.ndarray) -> np.ndarray | None:
    """The grey levels that fill whole lines along the image's edges, as frames do; None if none.

    Letterbox bars, and an image viewer's title bar, status bar and background,
    each fill an edge of the image with one flat level. A photo's own flat or
    dark areas (a sky, a dark coat next to black bars) may touch an edge too,
    but do not fill it: they are picture, whatever their level. Only eight lines
    are read: most photos are known to be unframed from them alone. ``levels`` is
    the image as whole grey levels (``_levels``); the eight lines are counted at once.
    """
    h, w = levels.shape
    # and a little inside: past a window's thin outline (a one-pixel image has no inside)
    dy, dx = min(h - 1, max(1, h // 30)), min(w - 1, max(1, w // 30))
    rows = levels[[0, -1, dy, -1 - dy]]
    columns = levels[:, [0, -1, dx, -1 - dx]].T
    counts = np.concatenate([_histograms(rows), _histograms(columns)])  # (8, 256)
    length = np.array([w] * 4 + [h] * 4)
    below = np.zeros((8, 257), np.int64)  # below[:, v]: pixels of a level under v
    np.cumsum(counts, axis=1, out=below[:, 1:])
    near = below[:, _UP_TO[_LEVEL_TOLERANCE]] - below[:, _FROM[_LEVEL_TOLERANCE]]  # within ± tolerance
    one = below[:, _UP_TO[1]] - below[:, _FROM[1]]  # within ±1
    level = near.argmax(axis=1)
    around = np.abs(_GREY - level[:, None]) <= _LEVEL_TOLERANCE
    most = near[np.arange(8), level]
    one_level = np.where(around, one, -1).max(axis=1)  # within ±1 of one level, near the line's level
    framing = (most >= _LINE_SHARE * length) & (one_level >= _NARROW_SHARE * most)
    if not framing.any():
        return None
    dominant: np.ndarray = around[framing].any(axis=0)
    return dominant


_GREY = np.arange(256)
# Per grey level v, the bounds of the levels within ±d of it: [_FROM[d][v], _UP_TO[d][v]).
_FROM = {d: np.maximum(_GREY - d, 0) for d in (1, _LEVEL_TOLERANCE)}
_UP_TO = {d: np.minimum(_GREY + d + 1, 256) for d in (1, _LEVEL_TOLERANCE)}


def _histograms(lines: np.ndarray) -> np.ndarray:
    """How many pixels of each line (a row of ``lines``) have each grey level 0..255."""
    offsets = 256 * np.arange(len(lines))[:, None]
    return np.bincount((lines + offsets).ravel(), minlength=256 * len(lines)).reshape(len(lines), 256)


def _levels(a: np.ndarray) -> np.ndarray:
    return np.clip(np.round(a), 0, 255).astype(np.int64)


def content_box(a: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the picture inside a uniform frame; the whole image if none.

    A frame must run along two opposite edges (letterbox bars, or a window's
    title and status bars), so a photo with a flat sky at the top is left whole.
    The picture is then the longest run of rows, and of columns, that are
    mostly not frame (window titles and buttons are thin, and do not count).
    Each test that can only leave the image whole runs before the costlier ones.
    """
    h, w = a.shape
    whole = (0, 0, w, h)
    levels = _levels(a)
    dominant = _frame_levels(levels)
    if dominant is None:
        return whole
    top, bottom, left, right = (
        dominant[line].mean() for line in (levels[0], levels[-1], levels[:, 0], levels[:, -1])
    )
    if not ((top >= _EDGE_SHARE and bottom >= _EDGE_SHARE) or (left >= _EDGE_SHARE and right >= _EDGE_SHARE)):
        return whole
    if (_local_range(a) <= _FLAT_RANGE).mean() < 0.05:
        return whole
    low, high = np.percentile(a, (5, 95))
    if high - low < _MIN_FRAMED_RANGE:
        return whole
    frame = dominant[levels]
    y0, y1 = _picture_run(frame.mean(axis=1))
    x0, x1 = _picture_run(frame[y0:y1].mean(axis=0))
    y0, y1 = _picture_run(frame[:, x0:x1].mean(axis=1))  # again, now without the side panels
    if x1 - x0 < _MIN_CONTENT_SHARE * w or y1 - y0 < _MIN_CONTENT_SHARE * h:
        return whole  # (almost) all frame: a flat picture, not a framed one
    return x0, y0, x1, y1


def _picture_run(frame_share: np.ndarray) -> tuple[int, int]:
    """[start, end) of the longest run of lines that are mostly picture, bridging thin gaps.

    A line counts as picture when less than ``_PICTURE_LINE`` of it is frame;
    gaps of a few lines (a dark band in the photo that matches black bars)
    do not split the picture.
    """
    picture = frame_share < _PICTURE_LINE
    n = len(picture)
    gap = max(2, n // 30)
    best, start, last = (0, n), None, -1
    runs = []
    for k, value in enumerate(picture.tolist()):
        if value:
            if start is None or k - last > gap + 1:
                if start is not None:
                    runs.append((start, last + 1))
                start = k
            last = k
    if start is not None:
        runs.append((start, last + 1))
    if runs:
        best = max(runs, key=lambda r: r[1] - r[0])
    return best


def orientations(grid: np.ndarray) -> list[np.ndarray]:
    """The grid in all 8 orientations: 4 rotations, then the same mirrored left to right."""
    turns = [np.rot90(grid, k) for k in range(4)]
    return turns + [np.fliplr(g) for g in turns]


def oriented(grid: np.ndarray, orientation: int) -> np.ndarray:
    """The grid in one of the 8 orientations of ``orientations``."""
    turned = np.rot90(grid, orientation % 4)
    return np.fliplr(turned) if orientation >= 4 else turned


def oriented_hashes(grid: np.ndarray) -> bytes:
    """The dHashes of the grid in all 8 orientations, packed (PhotoInfo.content)."""
    return packed_dhashes(np.stack(orientations(grid)))


#: Where the crop windows sit, as (left, top) shares of the 10 % a window leaves out: a 3×3
#: grid, so a 10 % crop taken anywhere is within a quarter of that 10 % of one of them.
CROP_WINDOWS = tuple((fx, fy) for fy in (0.0, 0.5, 1.0) for fx in (0.0, 0.5, 1.0))
_WINDOW_SHARE = 0.9


def window_grids(content: Image.Image, side: int) -> np.ndarray:
    """Grids of the 90 % windows of ``content`` at CROP_WINDOWS: corners, edge middles, centre.

    What nine LANCZOS resizes with a box make (the same coefficients, the same float32
    rounding after each pass: equal to the bit), as two stacked matrix products in a
    tenth of their time. ``content`` is square (decode's 64×64 copy): Pillow resizes a
    square across first, then down, as this does; some versions turn the order for tall images.
    """
    if content.width != content.height:
        raise ValueError(f"crop windows are made from a square copy, not {content.width}×{content.height}")
    across, down = _window_weights(*content.size, side)
    pixels = np.asarray(content, dtype=np.float64)
    rows = (pixels @ across).astype(np.float32).astype(np.float64)  # (9, h, side): Pillow's first pass
    grids: np.ndarray = (down @ rows).astype(np.float32)
    return grids


@functools.cache
def _window_weights(width: int, height: int, side: int) -> tuple[np.ndarray, np.ndarray]:
    """Per crop window: (width, side) weights across and (side, height) weights down."""
    ww, wh = width * _WINDOW_SHARE, height * _WINDOW_SHARE
    across, down = [], []
    for fx, fy in CROP_WINDOWS:
        left, top = (width - ww) * fx, (height - wh) * fy
        across.append(lanczos_weights(width, left, left + ww, side).T)
        down.append(lanczos_weights(height, top, top + wh, side))
    return np.stack(across), np.stack(down)


def lanczos_weights(size: int, start: float, end: float, out: int) -> np.ndarray:
    """The (out, size) matrix Pillow's LANCZOS resize applies along one axis for a box [start, end).

    As Pillow computes it: the box in single precision, each output pixel centred on
    ``start + (k + 0.5) · scale``, the 3-lobed filter spread by the scale when
    shrinking, the window's ends rounded, and each row normalised to sum 1.
    """
    start32, end32 = np.float32(start), np.float32(end)
    start, scale = float(start32), float(end32 - start32) / out  # the width in single precision too
    spread = max(scale, 1.0)
    support, step = 3.0 * spread, 1.0 / spread
    weights = np.zeros((out, size))
    for k in range(out):
        centre = start + (k + 0.5) * scale
        first = max(int(centre - support + 0.5), 0)
        last = min(int(centre + support + 0.5), size)
        x = (np.arange(first, last) - centre + 0.5) * step
        w = np.where((x >= -3.0) & (x < 3.0), np.sinc(x) * np.sinc(x / 3.0), 0.0)
        total = w.sum()
        weights[k, first:last] = w / total if total != 0.0 else w
    return weights


#: Straightened windows: the picture turned by these degrees and cropped to the largest upright
#: rectangle of its shape inside, as an editor's straighten tool does (its most common edit).
STRAIGHTEN_DEGREES = (-2.25, 2.25)
_STRAIGHTEN_SIDE = 48  # short side of the copy that is turned (5 pixels per grid cell)


def straightened_box(width: int, height: int, degrees: float) -> tuple[float, float, float, float]:
    """The largest centred rectangle of the picture's shape inside it once turned by ``degrees``.

    >>> [round(v) for v in straightened_box(4000, 3000, 3.0)]
    [128, 96, 3872, 2904]
    """
    a = math.radians(abs(degrees))
    scale = 1 / (math.cos(a) + math.sin(a) * max(width / height, height / width))
    w, h = width * scale, height * scale
    return (width - w) / 2, (height - h) / 2, (width + w) / 2, (height + h) / 2


def straighten(im: Image.Image, degrees: float) -> Image.Image:
    """What an editor's straighten tool makes: turned, cropped upright, at the same size again."""
    left, top, right, bottom = (round(v) for v in straightened_box(*im.size, degrees))
    turned = im.rotate(degrees, resample=Image.Resampling.BICUBIC)
    return turned.crop((left, top, right, bottom)).resize(im.size, Image.Resampling.LANCZOS)


def straightened_grids(picture: Image.Image, side: int) -> np.ndarray:
    """Grids of ``picture`` straightened by each of STRAIGHTEN_DEGREES.

    Made from the picture in its own proportions (not the square 64×64 copy,
    where turning would also shear it).
    """
    scale = _STRAIGHTEN_SIDE / min(picture.size)
    if scale < 1:  # turning ~3,000 pixels instead of ~100,000
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.Resampling.BOX)
    grids = []
    for degrees in STRAIGHTEN_DEGREES:
        box = straightened_box(*picture.size, degrees)
        turned = picture.rotate(degrees, resample=Image.Resampling.BICUBIC)
        grids.append(np.asarray(turned.resize((side, side), Image.Resampling.LANCZOS, box=box), np.float32))
    return np.stack(grids)


#: Hashes in PhotoInfo.windows: the crop windows, then the straightened ones.
WINDOW_COUNT = len(CROP_WINDOWS) + len(STRAIGHTEN_DEGREES)


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
