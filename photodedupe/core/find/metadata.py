"""What a photo's metadata says: date taken, camera, lens, exposure, GPS, orientation.

Read once, while the photo is decoded, and cached with its hash. A broken
EXIF block only loses the metadata, never the photo. ``taken`` is the
camera's own clock (EXIF); when a file has none, ``Details.date`` may still
come from its name ("IMG_20210704_183000.jpg", "PXL_20230715_121718027.jpg",
"2019-07-18 12.46.42.jpg"), and says so, because a date in a name is a
weaker fact (a copy may carry another name): the burst rule trusts only EXIF.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, SupportsFloat, cast

from photodedupe.core.details import Details, embedded_edits

if TYPE_CHECKING:  # Details (the tooltips' facts) need no Pillow: reading EXIF imports it
    from PIL import Image

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
_MAKE, _MODEL, _DATETIME = 0x010F, 0x0110, 0x0132
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_SUBSEC_ORIGINAL = 0x9291
_EXPOSURE_TIME, _F_NUMBER, _ISO, _FOCAL_LENGTH = 0x829A, 0x829D, 0x8827, 0x920A
_LENS_MAKE, _LENS_MODEL = 0xA433, 0xA434


@dataclass(slots=True)
class Metadata:
    orientation: int = 1
    taken: str | None = None
    camera: str | None = None
    details: Details = field(default_factory=Details)


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.strip("\x00 ").strip() if isinstance(value, str) else ""


def exif_date(value: object) -> str | None:
    """ "2021:07:04 18:30:00" → "2021-07-04T18:30:00"; None if it is not a real date."""
    text = _text(value)
    try:
        return dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def _number(value: object) -> float | None:
    try:
        number = float(cast(SupportsFloat, value))  # IFDRational, int, float
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if number == number and number > 0 else None  # not NaN, positive


def _exposure(value: object) -> str | None:
    seconds = _number(value)
    if seconds is None:
        return None
    if seconds >= 1:
        return f"{seconds:g} s"
    return f"1/{round(1 / seconds)} s" if 1 / seconds >= 2 else f"{Fraction(seconds).limit_denominator(10)} s"


def camera_name(make: str, model: str) -> str | None:
    """ "Canon EOS 5D" rather than "Canon Canon EOS 5D"."""
    if make and model.lower().startswith(make.lower().split()[0]):
        return model or None
    return f"{make} {model}".strip() or None


# IMG_20210704_183000, PXL_20230715_121718027, VID-20200314-WA0001, 2019-07-18 12.46.42,
# Screenshot_2020-01-02-10-11-12
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)"
    r"(?:[ _T-]?(?P<H>[0-2]\d)[-_.:]?(?P<M>[0-5]\d)[-_.:]?(?P<S>[0-5]\d))?"
)


def date_from_name(path: str) -> str | None:
    """A date the file's name gives, as ISO 8601, if it holds a plausible one."""
    match = _NAME_DATE.search(os.path.basename(path))
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    try:
        y, mo, d, h, mi, s = (parts.get(k, 0) for k in "ymdHMS")
        when = dt.datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    if when > dt.datetime.now() + dt.timedelta(days=1):
        return None
    return when.isoformat()


def read_metadata(im: Image.Image, path: str) -> Metadata:
    """Everything ``im``'s EXIF says, with the file name as a fallback for the date."""
    from PIL import Image

    try:
        exif = im.getexif()
    except Exception:  # a broken EXIF block only loses the metadata
        exif = Image.Exif()
    meta = metadata_from_exif(exif, path)
    embedded_edits(im, meta.details)
    return meta


def tiff_metadata(path: str, limit: int = 1 << 20) -> Metadata:
    """The metadata in a TIFF-based RAW file's own header (DNG, CR2, NEF, ARW, PEF...).

    Only the first ``limit`` bytes are read: cameras write their tag directories
    before the sensor data, and LibRaw has just read the whole file already.
    """
    from PIL import Image

    exif = Image.Exif()
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit)
        if data[:4] in (b"II*\0", b"MM\0*"):
            exif.load(data)
    except Exception:  # not TIFF inside (CR3, RAF...) or damaged: no metadata
        exif = Image.Exif()
    return metadata_from_exif(exif, path)


def subsec_seconds(value: object) -> float:
    """EXIF sub-seconds: "07" → 0.07 s (the digits are a decimal fraction), anything else → 0."""
    text = value.decode("ascii", "ignore") if isinstance(value, bytes) else str(value or "")
    digits = "".join(ch for ch in text.strip("\x00 ") if ch.isdigit())
    return int(digits) / 10 ** len(digits) if digits else 0.0


def metadata_from_exif(exif: Image.Exif, path: str) -> Metadata:
    """Date, camera and details from an EXIF block; the file name as a fallback for the date."""
    meta = Metadata()
    try:
        sub = exif.get_ifd(_EXIF_IFD)
        orientation = exif.get(_ORIENTATION, 1)
        meta.orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
        meta.taken = (
            exif_date(sub.get(_DATETIME_ORIGINAL))
            or exif_date(sub.get(_DATETIME_DIGITIZED))
            or exif_date(exif.get(_DATETIME))
        )
        meta.camera = camera_name(_text(exif.get(_MAKE)), _text(exif.get(_MODEL)))
        d = meta.details
        d.orientation = meta.orientation
        d.lens = _text(sub.get(_LENS_MODEL)) or None
        iso = sub.get(_ISO)
        iso = iso[0] if isinstance(iso, tuple) and iso else iso
        d.iso = int(iso) if isinstance(iso, int) and iso > 0 else None
        d.exposure = _exposure(sub.get(_EXPOSURE_TIME))
        f_number = _number(sub.get(_F_NUMBER))
        d.aperture = f"f/{f_number:.1f}".replace(".0", "") if f_number else None
        focal = _number(sub.get(_FOCAL_LENGTH))
        d.focal_length = f"{focal:g} mm" if focal else None
        d.gps = bool(exif.get_ifd(_GPS_IFD))
    except Exception:  # any damage in the metadata only loses the metadata
        meta = Metadata()
    details = meta.details
    if meta.taken:
        details.date, details.date_from = meta.taken, "exif"
        with contextlib.suppress(Exception):
            details.subsec = f"{subsec_seconds(exif.get_ifd(_EXIF_IFD).get(_SUBSEC_ORIGINAL)):g}"
    elif (named := date_from_name(path)) is not None:
        details.date, details.date_from = named, "file name"
    return meta
