"""What a photo records beyond its pixels, as tooltips and reports show it, and the edits inside it.

Shared by every stage: finding reads it (``find.metadata`` from EXIF, with the photo), keeping
ranks by it, moving files reads a kept photo's own XMP again before merging a copy's rating into
it, and the reports write it. Reading the XMP inside a file reads its header only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from photodedupe.core.xmp import Edits, XmpError, parse

if TYPE_CHECKING:  # the facts need no Pillow: reading the XMP inside a file imports it
    from PIL import Image


@dataclass(slots=True)
class Details:
    """The metadata beyond date and camera, as shown in tooltips and written in reports."""

    lens: str | None = None
    iso: int | None = None
    exposure: str | None = None  # "1/250 s"
    aperture: str | None = None  # "f/2.8"
    focal_length: str | None = None  # "35 mm"
    gps: bool = False
    orientation: int = 1
    date: str | None = None  # best date known: EXIF, else from the file name
    date_from: str | None = None  # "exif" or "file name"
    extra: dict[str, str] = field(default_factory=dict)  # e.g. "raw preview": "embedded JPEG"
    #: what XMP inside the photo records (a Lightroom export's stars, label and keywords)
    rating: int | None = None
    label: str | None = None
    keywords: list[str] = field(default_factory=list)
    #: the XMP inside was looked at (False in rows cached before it was: see scan._with_edits)
    xmp_read: bool = False
    #: sub-seconds of the date taken, in seconds as text ("0.35"; "0" when none is recorded), which
    #: tell a burst's frames apart; None in rows cached before it was read (see core.find.frames)
    subsec: str | None = None

    def to_json(self) -> str:
        """Compact: only what is known ("" when nothing is), for the cache."""
        data = {k: v for k, v in asdict(self).items() if v not in (None, False, {}, [])}
        if data.get("orientation") == 1:
            del data["orientation"]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) if data else ""

    @staticmethod
    def from_json(text: str | None) -> Details:
        if not text:
            return Details()
        try:
            data = json.loads(text)
            return Details(**{k: v for k, v in data.items() if k in Details.__slots__})
        except (ValueError, TypeError):
            return Details()


def embedded(details: Details) -> Edits | None:
    """The edits the XMP inside a photo records (from its cached metadata), if any."""
    if details.rating is None and not details.label and not details.keywords:
        return None
    return Edits(details.rating, details.label or "", tuple(details.keywords))


#: Words an XMP packet holds when it records a user's rating, label or keywords: without any,
#: a phone's XMP (HDR and depth data) is not parsed at all.
_EDIT_WORDS = (b"Rating", b"Label", b"subject")


def embedded_edits(im: Image.Image, details: Details) -> None:
    """The rating, label and keywords in the XMP inside a photo (JPEG, PNG, WebP, TIFF…), into ``details``."""
    details.xmp_read = True
    xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if xmp is None and hasattr(im, "tag_v2"):
        xmp = im.tag_v2.get(700)  # TIFF's XMP tag
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    if not isinstance(xmp, bytes | bytearray) or not any(word in xmp for word in _EDIT_WORDS):
        return
    try:
        edits = parse(bytes(xmp))
    except XmpError:
        return  # damaged XMP only loses the edits it held
    details.rating, details.label, details.keywords = edits.rating, edits.label or None, list(edits.keywords)


def edits_in_file(path: str) -> Details:
    """The XMP edits inside the photo at ``path``, read now (its header only; no pixel is decoded)."""
    from PIL import Image

    details = Details()
    try:
        with Image.open(path) as im:
            embedded_edits(im, details)
    except Exception:  # not readable by Pillow (a RAW), damaged, gone: no embedded edits
        pass
    details.xmp_read = True
    return details
