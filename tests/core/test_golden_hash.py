"""A hash that changes must change its recipe: cached hashes of the old recipe are then made again.

The picture is made here from numbers alone (no resampling of another library in between) and
saved as a lossless PNG, so only photodedupe's own reading of it can change what it hashes to.
When this fails after a change to decoding, features or hashing, raise ``HASH_RECIPE`` in
core/find/hashing.py and add the new values under the new recipe: a library cached with the old
one would otherwise keep hashes the new code no longer makes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from PIL import Image

from photodedupe.core.find.decode import decode_photo
from photodedupe.core.find.hashing import HASH_RECIPE

#: By recipe: what the picture hashes to at 128 and 512 bits (digests of the longer fields).
GOLDEN = {
    7: {
        8: {
            "hash": 0x31478C31678C396633C79C33C68C33E6,
            "content": "8d24ccd12b152ac9",
            "windows": "23fa7c2beae68f30",
            "thumb": "2ab4d0416aee9af5",
            "tone": "fc4a768c4a4d646c",
        },
        16: {
            "hash": int(
                "87831f07381f7078e07887c187873f0f383ef878c1f0c7c30f873e0f7c3cf078"
                "0fc31e0f3c1ef0fce1f087e10f031e1f781ef070c1e187e10f0f3e0e783cf0f0",
                16,
            ),
            "content": "35e58ec7a41c79cf",
            "windows": "13611eb8a28b07ad",
        },
    },
}


def picture() -> np.ndarray:
    """Smooth waves in three channels: detail at every scale the hashes look at."""
    y, x = np.mgrid[0:480, 0:640].astype(np.float64)
    r = 128 + 100 * np.sin(x / 37.0) * np.cos(y / 23.0)
    g = 128 + 90 * np.sin((x + 2 * y) / 51.0)
    b = 128 + 80 * np.cos(np.hypot(x - 400, y - 150) / 19.0)
    return np.clip(np.stack([r, g, b], axis=2), 0, 255).astype(np.uint8)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def test_the_golden_picture_hashes_as_its_recipe_says(tmp_path: Path) -> None:
    path = tmp_path / "golden.png"
    Image.fromarray(picture()).save(path)
    assert HASH_RECIPE in GOLDEN, f"HASH_RECIPE {HASH_RECIPE} has no golden values: add what it makes"
    for hash_size, want in GOLDEN[HASH_RECIPE].items():
        info = decode_photo(str(path), hash_size)
        got = {
            "hash": info.hash,
            "content": _digest(info.content),
            "windows": _digest(info.windows),
            "thumb": _digest(info.thumb),
            "tone": _digest(info.tone),
        }
        changed = {k: got[k] for k in want if got[k] != want[k]}
        assert not changed, (
            f"the {hash_size * hash_size * 2}-bit hash changed under HASH_RECIPE {HASH_RECIPE}: {changed}; "
            "raise HASH_RECIPE (cached hashes are then made again) and add its golden values"
        )
