"""How good a frame of a burst is: sharpness where it is sharpest, and clipped highlights and shadows.

The 1/8-scale decode used for hashing cannot tell a sharp frame from one
defocused by 1.6 px at 3000 px wide: at that scale the blur is a fifth of a
pixel. So frames that are in a series are decoded again, at about
``WORKING_SIDE`` pixels on their long side (libjpeg scales by 1/2, 1/4… while
it decodes, so this costs 15–25 ms for a 12 MP JPEG), and measured there.

Sharpness is the second difference of the grey image in four directions
(0°, 45°, 90°, 135°), squared and averaged over 16×16 tiles; a tile counts
the *weakest* direction, because a motion blur leaves edges across it sharp,
and the frame's sharpness is the mean of its best tenth of tiles: the
subject, not the bokeh. Measured on a 3000 px photo (bench/bursts.py): the
sharp frame scores 8× a 1.5 px Gaussian blur and 2.3–2.8× a 6–12 px motion
blur. The value depends on the scene, so it only ranks frames of one series.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image

from photodedupe.core.find.decode import MAX_PIXELS, PhotoError, open_raw_picture, reasons_for_people, upright
from photodedupe.core.find.discover import is_raw_name
from photodedupe.core.find.metadata import read_metadata, subsec_seconds
from photodedupe.core.i18n import N_

#: Bumped whenever the measures change: cached measures of another recipe are measured again.
RECIPE = 1
WORKING_SIDE = 1600  # px, long side: a 3000–6000 px photo is decoded at 1/2–1/4 scale
_TILES = 16
_CLIP_HIGH, _CLIP_LOW = 250, 5
_SUBSEC_ORIGINAL, _BODY_SERIAL = 0x9291, 0xA431
_EXIF_IFD = 0x8769


@dataclass(frozen=True, slots=True)
class Quality:
    """One frame's measures; ``region`` is the centre of its sharpest tile, as fractions of the
    photo as shown (EXIF orientation applied): where the loupe looks first."""

    sharpness: float
    highlights: float  # share of pixels at 250 or more (blown)
    shadows: float  # share of pixels at 5 or less (crushed)
    region: tuple[float, float] = (0.5, 0.5)

    @property
    def clipped(self) -> float:
        return self.highlights + self.shadows

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @staticmethod
    def from_json(text: str) -> Quality | str:
        """The measures, or the reason the frame could not be measured."""
        data = json.loads(text)
        if "error" in data:
            return str(data["error"])
        data["region"] = tuple(data["region"])
        return Quality(**{k: v for k, v in data.items() if k in Quality.__slots__})  # older keys: ignored


#: A share of clipped pixels any good frame may have (a sun, a black coat).
CLIP_TOLERATED = 0.02


def exposure_factor(q: Quality) -> float:
    """1 for a frame with little clipping; down to 0.5 as more of it is blown or crushed."""
    return 1.0 - min(0.5, 1.5 * max(0.0, q.clipped - CLIP_TOLERATED))


def sharpness_map(gray: np.ndarray) -> np.ndarray:
    """Per tile (``_TILES``×``_TILES``), the energy of the second difference in its weakest direction."""
    g = gray.astype(np.float32, copy=False)
    c = 2 * g[1:-1, 1:-1]
    diffs = (
        g[1:-1, :-2] + g[1:-1, 2:] - c,  # across columns
        g[:-2, 1:-1] + g[2:, 1:-1] - c,  # across rows
        g[:-2, :-2] + g[2:, 2:] - c,  # the diagonals
        g[:-2, 2:] + g[2:, :-2] - c,
    )
    h, w = c.shape
    th, tw = max(1, h // _TILES), max(1, w // _TILES)
    rows, cols = min(_TILES, h // th), min(_TILES, w // tw)
    energy = [(d[: rows * th, : cols * tw] ** 2).reshape(rows, th, cols, tw).mean(axis=(1, 3)) for d in diffs]
    weakest: np.ndarray = np.minimum.reduce(energy)
    return weakest


def measure(gray: np.ndarray) -> tuple[float, tuple[float, float]]:
    """The frame's sharpness (its best tenth of tiles) and the centre of its sharpest tile."""
    tiles = sharpness_map(gray)
    flat = tiles.ravel()
    best = max(1, flat.size // 10)
    sharpness = float(np.sort(flat)[-best:].mean())
    row, col = divmod(int(flat.argmax()), tiles.shape[1])
    return sharpness, ((col + 0.5) / tiles.shape[1], (row + 0.5) / tiles.shape[0])


def timing(path: str) -> tuple[float, str]:
    """A photo's EXIF sub-seconds and body serial, read without decoding a pixel (about 1 ms)."""
    if is_raw_name(path):
        return 0.0, ""
    try:
        with Image.open(path) as im:
            exif = im.getexif().get_ifd(_EXIF_IFD)
            serial = str(exif.get(_BODY_SERIAL) or "").strip("\x00 ")
            return subsec_seconds(exif.get(_SUBSEC_ORIGINAL)), serial
    except Exception:  # unreadable now: the measure that follows says why
        return 0.0, ""


def _open(path: str) -> Image.Image:
    """The picture in grey, decoded at about ``WORKING_SIDE``, upright."""
    if is_raw_name(path):
        raw = open_raw_picture(path)
        return upright(_gray(raw.picture), raw.orientation)
    with Image.open(path) as im:
        if im.width * im.height > MAX_PIXELS:
            raise PhotoError(N_("too large to decode safely (possible decompression bomb)"))
        return upright(_gray(im), read_metadata(im, path).orientation)


def _gray(im: Image.Image) -> Image.Image:
    """``im`` in grey at about ``WORKING_SIDE`` px: libjpeg scales while it decodes, others after."""
    scale = max(1, max(im.size) // WORKING_SIDE)
    if im.format in ("JPEG", "MPO"):
        im.draft("L", (im.width // scale, im.height // scale))
    gray = im.convert("L")
    if max(gray.size) >= 2 * WORKING_SIDE:
        gray = gray.reduce(max(gray.size) // WORKING_SIDE)
    return gray


def assess(path: str) -> Quality:
    """Decode ``path`` at about ``WORKING_SIDE`` px and measure it; a ``PhotoError`` says why not."""
    with reasons_for_people():  # the same words as when the photo was hashed
        gray = np.asarray(_open(path))
    sharpness, region = measure(gray)
    n = gray.size or 1
    return Quality(
        sharpness=sharpness,
        highlights=float(np.count_nonzero(gray >= _CLIP_HIGH)) / n,
        shadows=float(np.count_nonzero(gray <= _CLIP_LOW)) / n,
        region=region,
    )
