"""HEIF files whose thumbnail fails or lies, made by the tests from files pillow_heif writes.

pillow_heif writes honest thumbnails only (scaled copies of the picture). The
files phones, cameras and editors leave behind are not all honest: a thumbnail
that libheif cannot decode, or one of another picture. These helpers take a
HEIF apart at its boxes (ISO/IEC 14496-12 and 23008-12) and change one item:
the thumbnail's coded data, its size (``ispe``) and its decoder setup (``hvcC``),
so that the rest of the file stays as libheif wrote it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, payload start, end) of each box between ``start`` and ``end``."""
    found, at = [], start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        found.append((kind, at + 8, at + size))
        at += size
    return found


def _child(data: bytes, boxes: list[tuple[bytes, int, int]], kind: bytes) -> tuple[int, int]:
    return next((start, end) for k, start, end in boxes if k == kind)


@dataclass
class _Item:
    location: int  # where its base offset is written, then its one extent's (offset, length): 4 bytes each
    offset: int
    length: int
    properties: list[int]  # 0-based indices into ipco


def _items(data: bytes) -> tuple[dict[int, _Item], list[tuple[bytes, int, int]]]:
    """Each item's one extent and properties, and ipco's boxes (what pillow_heif writes: iloc v0/v1)."""
    meta = _child(data, _boxes(data, 0, len(data)), b"meta")
    inner = _boxes(data, meta[0] + 4, meta[1])
    start, _ = _child(data, inner, b"iloc")
    version = data[start]
    sizes = data[start + 4], data[start + 5]
    assert sizes[0] == 0x44 and version in (0, 1), "only 4-byte offsets and lengths are handled"
    at, items = start + 6, {}
    (count,) = struct.unpack(">H", data[at : at + 2])
    at += 2
    for _ in range(count):
        (item,) = struct.unpack(">H", data[at : at + 2])
        at += 2 + (2 if version == 1 else 0) + 2  # item id, construction method, data reference
        assert sizes[1] >> 4 == 4, "a 4-byte base offset"
        (base, extents) = struct.unpack(">IH", data[at : at + 6])
        assert extents == 1, "one extent per item"
        offset, length = struct.unpack(">II", data[at + 6 : at + 14])
        items[item] = _Item(at, base + offset, length, [])
        at += 14
    iprp = _child(data, inner, b"iprp")
    parts = _boxes(data, *iprp)
    ipco = _boxes(data, *_child(data, parts, b"ipco"))
    start, _ = _child(data, parts, b"ipma")
    flags = data[start + 3]
    (entries,) = struct.unpack(">I", data[start + 4 : start + 8])
    at = start + 8
    for _ in range(entries):
        (item,) = struct.unpack(">H", data[at : at + 2])
        count = data[at + 2]
        at += 3
        for _ in range(count):
            width = 2 if flags & 1 else 1
            index = int.from_bytes(data[at : at + width], "big") & (0x7FFF if width == 2 else 0x7F)
            at += width
            items[item].properties.append(index - 1)
    return items, ipco


def _size_of(data: bytes, ipco: list[tuple[bytes, int, int]], item: _Item) -> tuple[int, int]:
    _kind, start, _ = next(ipco[i] for i in item.properties if ipco[i][0] == b"ispe")
    return struct.unpack(">II", data[start + 4 : start + 12])


def _property(ipco: list[tuple[bytes, int, int]], item: _Item, kind: bytes) -> tuple[int, int]:
    _, start, end = next(ipco[i] for i in item.properties if ipco[i][0] == kind)
    return start - 8, end


def _thumbnail(data: bytes, size: tuple[int, int]) -> tuple[_Item, list[tuple[bytes, int, int]]]:
    items, ipco = _items(data)
    return next(i for i in items.values() if _size_of(data, ipco, i) == size), ipco


def break_image(path: Path, size: tuple[int, int]) -> None:
    """Leave the image of ``size`` (the picture, or a thumbnail) 12 bytes of its coded data.

    libheif then refuses to decode it, while the file's length and table stay as they
    were. (Noise in its data would not do: libde265 decodes noise into noise without a word.)
    """
    data = bytearray(path.read_bytes())
    item, _ = _thumbnail(bytes(data), size)
    data[item.location + 10 : item.location + 14] = struct.pack(">I", 12)
    path.write_bytes(bytes(data))


def replace_thumbnail(path: Path, size: tuple[int, int], donor: Path) -> None:
    """Make the thumbnail of ``size`` in ``path`` the picture of ``donor`` (a HEIF without thumbnails).

    The donor's coded data is appended in a box of its own and the thumbnail's
    extent points at it; its size and decoder setup replace the thumbnail's in
    place (they must be as long, which holds for pictures of similar size).
    """
    data = bytearray(path.read_bytes())
    item, ipco = _thumbnail(bytes(data), size)
    theirs = donor.read_bytes()
    donor_items, donor_ipco = _items(theirs)
    (picture,) = donor_items.values()
    for kind in (b"hvcC", b"ispe"):
        mine, other = _property(ipco, item, kind), _property(donor_ipco, picture, kind)
        assert mine[1] - mine[0] == other[1] - other[0], f"{kind!r} boxes differ in length"
        data[mine[0] : mine[1]] = theirs[other[0] : other[1]]
    coded = theirs[picture.offset : picture.offset + picture.length]
    start = len(data) + 8
    data += struct.pack(">I4s", len(coded) + 8, b"mdat") + coded
    data[item.location : item.location + 14] = struct.pack(">IHII", start, 1, 0, len(coded))
    path.write_bytes(bytes(data))


def picture_last(path: Path) -> None:
    """Store the thumbnails' coded data before the picture's, as phones do (pillow_heif writes it after).

    A copy cut short then keeps its thumbnail and loses only picture data.
    """
    data = bytearray(path.read_bytes())
    items, _ = _items(bytes(data))
    order = sorted(items.values(), key=lambda item: item.offset)
    start, end = order[0].offset, order[-1].offset + order[-1].length
    assert sum(item.length for item in order) == end - start, "the items' data is contiguous"
    at, coded = start, []
    for item in order[1:] + order[:1]:  # the picture (written first) goes last
        coded.append(data[item.offset : item.offset + item.length])
        data[item.location : item.location + 14] = struct.pack(">IHII", at, 1, 0, item.length)
        at += item.length
    data[start:end] = b"".join(coded)
    path.write_bytes(bytes(data))
