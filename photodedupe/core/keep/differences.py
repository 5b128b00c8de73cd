"""What differs between a copy and the photo its group keeps, in words.

Near-duplicate hashes ignore colour, size and small marks, so "0 bits apart" is
not "the same picture": a black-and-white edit hashes like its colour original.
The window names what the files themselves tell apart (colour, crop, frame,
size, format, JPEG quality) and says "same picture" of nothing but an
identical file.
"""

from __future__ import annotations

import math

from photodedupe.core.i18n import _
from photodedupe.core.keep.rules import format_of
from photodedupe.core.model import Photo

#: Picture shapes (width/height) further apart than this (as a log ratio) mean one was cropped.
CROP = 0.015
#: Pixel counts further apart than this share are "smaller" or "larger".
SIZE = 0.1


def _shape(photo: Photo) -> float:
    info = photo.info
    w, h = (info.picture_width, info.picture_height) if info.picture_width else (info.width, info.height)
    return math.log(max(w, 1) / max(h, 1))


def differences(kept: Photo, copy: Photo) -> list[str]:
    """What ``copy`` is, beside ``kept``, in a few words each (empty: nothing its file tells)."""
    a, b = kept.info, copy.info
    words = []
    if b.grey and not a.grey:
        words.append(_("black and white"))
    elif a.grey and not b.grey:
        words.append(_("in colour"))
    shape = abs(_shape(kept) - _shape(copy))
    if min(shape, abs(_shape(kept) + _shape(copy))) > CROP:  # a turned copy has the inverse shape
        words.append(_("cropped"))
    if b.framed and not a.framed:
        words.append(_("in a frame"))
    ratio = b.picture_pixels / max(a.picture_pixels, 1)
    if ratio < 1 - SIZE:
        words.append(_("smaller ({width}×{height})").format(width=b.width, height=b.height))
    elif ratio > 1 + SIZE:
        words.append(_("larger ({width}×{height})").format(width=b.width, height=b.height))
    if (fa := format_of(kept)) != (fb := format_of(copy)):
        words.append(
            _("{format} copy of a {original}").format(format=fb, original=fa)
            if fa and fb
            else _("another format")
        )
    elif b.quality and a.quality and b.quality < a.quality - 5:
        words.append(_("saved at JPEG quality {quality}").format(quality=b.quality))
    return words
