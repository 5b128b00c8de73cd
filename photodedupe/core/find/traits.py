"""What a file tells about how close it is to the camera's original, measured while it is decoded.

Choosing which copy to keep needs more than the canvas size and the file
size: a letterboxed copy has a larger canvas, a PNG re-export a larger file,
and neither is the original. These are read from the file itself, never from
its name: the format it really is, a JPEG's quality from its quantisation
tables, whether its data was damaged partway, and a tiny picture of its tones
(``tone``) that tells an edited copy from the photo it was made from.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

#: libjpeg's (IJG) standard luminance table at quality 50, the one every encoder scales.
_IJG_LUMA_SUM = sum(
    (
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    )
)  # fmt: skip

TONE_SIDE = 8  # the tone picture is 8×8 grey levels: 64 bytes a photo
#: Pillow modes of images stored without colour
GREY_MODES = frozenset({"1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"})


def jpeg_quality(im: Image.Image) -> int:
    """The quality (1–100) a JPEG was saved at, estimated from its luminance quantisation table.

    Encoders scale the IJG table by ``200 - 2q`` percent (q ≥ 50) or ``5000 / q``
    (q < 50); the ratio of the sums undoes that, whatever order the table is in.
    Returns 0 for anything that is not a JPEG with tables.
    """
    tables = getattr(im, "quantization", None)
    if not tables:
        return 0
    luma = tables.get(0) or next(iter(tables.values()))
    scale = 100.0 * sum(luma) / _IJG_LUMA_SUM
    quality = (200.0 - scale) / 2.0 if scale <= 100.0 else 5000.0 / scale
    return int(min(100, max(1, round(quality))))


def grey_filled(gray: np.ndarray) -> bool:
    """True if the bottom of a decoded JPEG is libjpeg's grey fill for data it could not read.

    When a JPEG's data is damaged or cut short, libjpeg keeps going and fills
    the rest with mid grey: every coefficient zero, so exactly level 128. A
    photo's last row is never one flat 128 across; letterbox bars that happen
    to be that grey are at the top too, so those are not taken for damage.

    >>> ok = np.full((4, 6), 40, np.uint8); bad = ok.copy(); bad[2:] = 128
    >>> grey_filled(ok), grey_filled(bad)
    (False, True)
    """
    if gray.ndim != 2 or gray.shape[0] < 2:
        return False
    return bool((gray[-1] == 128).all() and not (gray[0] == 128).all())


def tone(content: Image.Image) -> bytes:
    """The picture as 8×8 grey levels (row-major bytes): how bright each part is, not its detail.

    Copies made from one photo differ from it by their own edit (brighter,
    more contrast, grey, blurred…), so the photo they were all made from is
    the one whose tones are closest to all of them (``rules.central``).
    """
    small = content.resize((TONE_SIDE, TONE_SIDE), Image.Resampling.BOX)
    return np.clip(np.asarray(small, dtype=np.float32), 0, 255).round().astype(np.uint8).tobytes()
