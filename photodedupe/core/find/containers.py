"""Whether a file still holds all the data its container says it holds.

A HEIC cut short still has its thumbnail, and a RAW cut short its preview:
both decode, and both would pass for intact if the hash were the only test.
Their containers say where every piece of data lies (HEIF's item locations,
a TIFF's strips and tiles, which DNG and most camera RAWs are), so a piece
that would end past the end of the file shows the cut without decoding a
pixel: a few kilobytes read from the front of the file.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from PIL.TiffImagePlugin import ImageFileDirectory_v2

_MAX_BOXES = 4096  # a real HEIF has a handful of top-level boxes and a few hundred items
_MAX_IFDS = 64  # IFD chains and sub-IFDs: a camera RAW has fewer than ten

# TIFF tags giving where pixel data lies, and how long each piece is.
_PIECES = ((273, 279), (324, 325))  # StripOffsets/StripByteCounts, TileOffsets/TileByteCounts
_SUB_IFDS = (330,)  # SubIFDs: where DNG and many RAWs keep the sensor data


def cut_short(fh: BinaryIO) -> bool:
    """True when the container in ``fh`` places data past the end of the file.

    False for what it cannot tell (formats without such a table, a table it
    cannot read): a damaged table is the decoder's to report.
    """
    size = os.fstat(fh.fileno()).st_size
    fh.seek(0)
    head = fh.read(16)
    try:
        if head[4:8] == b"ftyp":
            return _isobmff_cut_short(fh, size)
        if head[:4] in (b"II*\0", b"MM\0*"):
            return _tiff_cut_short(fh, head[:8], size)
    except (OSError, ValueError, struct.error, KeyError, SyntaxError):
        return False
    finally:
        fh.seek(0)
    return False


def _boxes(fh: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of the ISO base media boxes between ``start`` and ``end``."""
    at = start
    for _ in range(_MAX_BOXES):
        if at + 8 > end:
            return
        fh.seek(at)
        size, kind = struct.unpack(">I4s", fh.read(8))
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", fh.read(8))[0], 16
        elif size == 0:  # "to the end of the file"
            size = end - at
        if size < header:
            return
        yield kind, at + header, at + size
        at += size


def _isobmff_cut_short(fh: BinaryIO, size: int) -> bool:
    """A top-level box, or an item's extent in ``iloc``, that ends past the file's end."""
    meta = None
    for kind, payload, box_end in _boxes(fh, 0, 1 << 62):
        if payload > size:
            break
        if box_end > size:
            return True
        if kind == b"meta":
            meta = (payload + 4, box_end)  # a full box: version and flags first
    if meta is None:
        return False
    for kind, payload, box_end in _boxes(fh, *meta):
        if kind == b"iloc":
            fh.seek(payload)
            return any(end > size for end in _iloc_ends(fh.read(box_end - payload)))
    return False


def _iloc_ends(box: bytes) -> list[int]:
    """Where each extent stored in the file itself (construction method 0) ends (ISO/IEC 14496-12 8.11.3)."""
    version = box[0]
    sizes = box[4] >> 4, box[4] & 15, box[5] >> 4, (box[5] & 15) if version in (1, 2) else 0
    offset_size, length_size, base_size, index_size = sizes
    at = 6

    def number(width: int) -> int:
        nonlocal at
        value = int.from_bytes(box[at : at + width], "big")
        at += width
        return value

    ends = []
    for _ in range(number(2 if version < 2 else 4)):
        number(2 if version < 2 else 4)  # item id
        method = number(2) & 15 if version in (1, 2) else 0
        number(2)  # data reference index
        base = number(base_size)
        for _ in range(number(2)):
            number(index_size)
            offset, length = number(offset_size), number(length_size)
            if method == 0 and length:
                ends.append(base + offset + length)
    if at > len(box):
        raise ValueError("iloc shorter than it says")
    return ends


def _tiff_cut_short(fh: BinaryIO, header: bytes, size: int) -> bool:
    """A strip or tile of any IFD (the chain and the sub-IFDs) that ends past the file's end."""
    order = "<" if header[:2] == b"II" else ">"
    pending = [struct.unpack(order + "I", header[4:8])[0]]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_IFDS:
        offset = pending.pop()
        if not offset or offset in seen:
            continue
        if offset + 2 > size:
            return True
        seen.add(offset)
        fh.seek(offset)
        ifd = ImageFileDirectory_v2(header)
        ifd.load(fh)
        for where, length in _PIECES:
            starts, counts = ifd.get(where) or (), ifd.get(length) or ()
            if any(s + c > size for s, c in zip(starts, counts, strict=False)):
                return True
        for tag in _SUB_IFDS:
            pending.extend(ifd.get(tag) or ())
        pending.append(ifd.next or 0)
    return False
