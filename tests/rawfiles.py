"""Real DNG files, written by the tests to the DNG 1.4 layout (no package ships a RAW sample).

A DNG is a TIFF: IFD 0 holds the camera's preview (a JPEG), a sub-IFD the
sensor's colour-filter mosaic (16-bit, RGGB), the EXIF IFD the date taken.
LibRaw reads these as it reads a camera's.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
from PIL import Image

BYTE, ASCII, SHORT, LONG = 1, 2, 3, 4
_FORMAT = {BYTE: "B", SHORT: "H", LONG: "I"}


class _TiffWriter:
    """Little-endian TIFF assembled front to back: data first, each IFD after what it points to."""

    def __init__(self) -> None:
        self.buf = bytearray(b"II*\0\0\0\0\0")

    def blob(self, data: bytes) -> int:
        if len(self.buf) % 2:
            self.buf.append(0)
        offset = len(self.buf)
        self.buf += data
        return offset

    def ifd(self, entries: list[tuple[int, int, object]]) -> int:
        packed = []
        for tag, kind, value in sorted(entries, key=lambda e: e[0]):
            if kind == ASCII:
                data, count = str(value).encode() + b"\0", len(str(value)) + 1
            else:
                values = value if isinstance(value, tuple) else (value,)
                data, count = struct.pack(f"<{len(values)}{_FORMAT[kind]}", *values), len(values)
            field = data.ljust(4, b"\0") if len(data) <= 4 else struct.pack("<I", self.blob(data))
            packed.append(struct.pack("<HHI", tag, kind, count) + field)
        return self.blob(struct.pack("<H", len(packed)) + b"".join(packed) + b"\0\0\0\0")

    def finish(self, first_ifd: int) -> bytes:
        self.buf[4:8] = struct.pack("<I", first_ifd)
        return bytes(self.buf)


def _mosaic(photo: Image.Image) -> np.ndarray:
    """The RGGB colour-filter image a sensor would record for ``photo`` (14-bit values)."""
    rgb = np.asarray(photo.convert("RGB"), dtype=np.uint16) * 64
    cfa = np.empty(rgb.shape[:2], np.uint16)
    cfa[0::2, 0::2] = rgb[0::2, 0::2, 0]
    cfa[0::2, 1::2] = rgb[0::2, 1::2, 1]
    cfa[1::2, 0::2] = rgb[1::2, 0::2, 1]
    cfa[1::2, 1::2] = rgb[1::2, 1::2, 2]
    return cfa


def make_dng(
    path: Path,
    photo: Image.Image,
    *,
    preview: bool = True,
    make: str = "Canon",
    model: str = "Canon EOS R5",
    taken: str = "2021:07:04 18:30:00",
    preview_side: int = 1024,
    sensor_last: bool = False,
) -> Path:
    """Write ``photo`` as a DNG: sensor data, plus (if ``preview``) the camera's JPEG preview.

    ``sensor_last`` stores the sensor data after everything else, as cameras do: a file cut
    short then still has its preview and its header, and loses only sensor data.
    """
    tiff = _TiffWriter()
    width, height = photo.size
    cfa = _mosaic(photo).tobytes()
    strips = 0 if sensor_last else tiff.blob(cfa)  # placed at the end by _write when sensor_last
    raw_entries = [
        (254, LONG, 0),  # the full-resolution image
        (256, LONG, width),
        (257, LONG, height),
        (258, SHORT, 16),
        (259, SHORT, 1),
        (262, SHORT, 32803),  # colour filter array
        (273, LONG, strips),
        (277, SHORT, 1),
        (278, LONG, height),
        (279, LONG, len(cfa)),
        (284, SHORT, 1),
        (33421, SHORT, (2, 2)),
        (33422, BYTE, (0, 1, 1, 2)),  # R G / G B
        (50717, LONG, 16383),  # white level
    ]
    exif = tiff.ifd([(36867, ASCII, taken), (33434, LONG, 0)] if taken else [(33434, LONG, 0)])
    camera = [
        (271, ASCII, make),
        (272, ASCII, model),
        (34665, LONG, exif),
        (50706, BYTE, (1, 4, 0, 0)),  # DNG version
        (50708, ASCII, model),
    ]
    sensor = cfa if sensor_last else None
    if not preview:
        return _write(path, tiff, tiff.ifd(raw_entries + camera), sensor)
    raw_ifd = tiff.ifd(raw_entries)
    buf = io.BytesIO()
    small = photo.copy()
    small.thumbnail((preview_side, preview_side))  # cameras embed 1,000 px to full size
    small.save(buf, "JPEG", quality=90)
    jpeg = buf.getvalue()
    preview_ifd = tiff.ifd(
        [
            (254, LONG, 1),  # a reduced-resolution copy
            (256, LONG, small.width),
            (257, LONG, small.height),
            (258, SHORT, (8, 8, 8)),
            (259, SHORT, 7),  # JPEG
            (262, SHORT, 6),  # YCbCr
            (273, LONG, tiff.blob(jpeg)),
            (274, SHORT, 1),
            (277, SHORT, 3),
            (278, LONG, small.height),
            (279, LONG, len(jpeg)),
            (330, LONG, raw_ifd),  # SubIFDs: the sensor data
            *camera,
        ]
    )
    return _write(path, tiff, preview_ifd, sensor)


def _write(path: Path, tiff: _TiffWriter, first: int, sensor: bytes | None = None) -> Path:
    if sensor is not None:  # the last blob; its StripOffsets entry, written as 0, now points at it
        placeholder = struct.pack("<HHII", 273, LONG, 1, 0)
        entry = tiff.buf.index(placeholder)
        tiff.buf[entry + 8 : entry + 12] = struct.pack("<I", tiff.blob(sensor))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tiff.finish(first))
    return path
