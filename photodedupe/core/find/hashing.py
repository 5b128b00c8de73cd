"""The difference hash (dHash) of a small grayscale grid, and Hamming distance.

An (n+1)×(n+1) grid gives n×n "row" bits (is the cell to the right brighter?)
followed by n×n "column" bits (is the cell below brighter?): 128 bits for the
usual 9×9 grid, 512 bits for 17×17. Bits are packed most significant first,
so a hash is an ``int`` and ``(a ^ b).bit_count()`` is the distance.
"""

from __future__ import annotations

import numpy as np

from photodedupe.core.thresholds import HASH_SIZES  # noqa: F401 - part of this module's interface

#: Bump whenever the pixels that reach the grid change (decoder settings, filter,
#: orientation handling): hashes of different recipes must never be compared.
HASH_RECIPE = 7  # 7: HEIF thumbnails checked, cut-off containers and PNG errors found; 6: frames one level
#: Cached rows of the recipe before that stay valid, by format: 7 changed nothing in how these
#: decode, so a library of camera JPEGs is not decoded again after an upgrade.
EARLIER_RECIPE, UNCHANGED_FORMATS = 6, ("JPEG", "MPO", "WEBP")

#: Grid sizes n the app knows; bits = 2·n².


def dhash_from_grid(grid: np.ndarray) -> int:
    """Row bits then column bits of an (n+1)×(n+1) grayscale grid.

    >>> import numpy as np
    >>> bin(dhash_from_grid(np.array([[0, 1, 2], [3, 4, 5], [6, 7, 8]])))  # all brighter
    '0b11111111'
    >>> bin(dhash_from_grid(np.array([[2, 1, 0], [5, 4, 3], [8, 7, 6]])))  # darker to the right
    '0b1111'
    """
    return int.from_bytes(packed_dhashes(grid[np.newaxis]), "big")


def packed_dhashes(grids: np.ndarray) -> bytes:
    """The dHashes of a (K, n+1, n+1) stack of grids, packed as ``pack`` does, in one numpy pass."""
    n = grids.shape[-1] - 1
    if grids.ndim != 3 or grids.shape[1:] != (n + 1, n + 1) or n < 2 or n % 2:
        raise ValueError(f"expected odd square grids of at least 3×3, got {grids.shape[1:]}")
    top_left = grids[:, :n, :n]
    rows = top_left < grids[:, :n, 1:]
    cols = top_left < grids[:, 1:, :n]
    bits = np.concatenate([rows.reshape(len(grids), -1), cols.reshape(len(grids), -1)], axis=1)
    return np.packbits(bits, axis=1).tobytes()


def hamming(a: int, b: int) -> int:
    """Number of differing bits.

    >>> hamming(0b1011, 0b0001)
    2
    """
    return (a ^ b).bit_count()


def hash_to_bytes(value: int, bits: int) -> bytes:
    return value.to_bytes(bits // 8, "big")


def hash_from_bytes(data: bytes) -> int:
    return int.from_bytes(data, "big")


def pack(hashes: tuple[int, ...], bits: int) -> bytes:
    """Hashes side by side, big-endian: what PhotoInfo.content and .windows hold.

    >>> pack((1, 2), 128).hex()
    '0000000000000000000000000000000100000000000000000000000000000002'
    """
    return b"".join(hash_to_bytes(h, bits) for h in hashes)


def packed_words(blobs: list[bytes], bits: int) -> np.ndarray:
    """(K, N, bits/64) uint64 words from N blobs of K packed hashes each."""
    words = bits // 64
    arr = np.frombuffer(b"".join(blobs), dtype=">u8").astype(np.uint64)
    return arr.reshape(len(blobs), -1, words).transpose(1, 0, 2).copy()


def hashes_to_words(hashes: list[int], bits: int) -> np.ndarray:
    """Pack hashes into an (N, bits/64) uint64 array for vectorised distances."""
    words = bits // 64
    buf = b"".join(h.to_bytes(bits // 8, "big") for h in hashes)
    arr = np.frombuffer(buf, dtype=">u8").astype(np.uint64)
    return arr.reshape(len(hashes), words)
