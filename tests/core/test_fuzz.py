"""Fuzzing the decode + hash path with mutated real image bytes (hypothesis).

Whatever the bytes, ``decode_photo`` must give a hash or a ``PhotoError`` with
a reason, quickly. CI runs a fixed, reproducible set of examples; a longer
run is ``FUZZ_EXAMPLES=20000 python3 -m pytest tests/core/test_fuzz.py
--hypothesis-show-statistics -p no:cacheprovider`` (see bench/README).
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photodedupe.core.find.decode import PhotoError, decode_photo
from photodedupe.core.model import PhotoInfo
from tests.conftest import make_photo

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "250"))
SECONDS_PER_FILE = 3.0  # generous: a slow CI machine; a hang is what this catches


def _seed_files() -> dict[str, bytes]:
    """One small real image per format the app reads, with the metadata blocks decoders parse."""
    im = make_photo(11, (160, 120))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation
    exif[0x010F] = "Canon"
    exif[0x8769] = {0x9003: "2021:07:04 18:30:00"}
    out: dict[str, bytes] = {}
    for name, fmt, kwargs in (
        ("jpg", "JPEG", {"quality": 85, "exif": exif}),
        ("progressive.jpg", "JPEG", {"quality": 85, "progressive": True}),
        ("png", "PNG", {}),
        ("webp", "WEBP", {"quality": 80}),
        ("gif", "GIF", {}),
        ("tif", "TIFF", {"compression": "tiff_deflate"}),
        ("bmp", "BMP", {}),
        ("heic", "HEIF", {"quality": 60}),
        ("avif", "AVIF", {"quality": 60}),
    ):
        buf = io.BytesIO()
        im.save(buf, fmt, **kwargs)
        out[name] = buf.getvalue()
    return out


SEEDS = _seed_files()

# An edit: (kind, position as a fraction of the length, byte value, length of the run)
edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat"]),
        st.floats(0, 1, allow_nan=False),
        st.integers(0, 255),
        st.integers(1, 64),
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, changes: list[tuple[str, float, int, int]]) -> bytes:
    """Apply the edits; headers (the first bytes) are hit as often as the body."""
    buf = bytearray(data)
    for kind, where, value, run in changes:
        if not buf:
            break
        # Half the edits land in the first 64 bytes, where the header fields are.
        pos = int(where * 2 * min(64, len(buf))) if where < 0.5 else int(where * len(buf))
        pos = min(pos, len(buf) - 1)
        if kind == "flip":
            buf[pos] ^= 1 << (value % 8)
        elif kind == "set":
            buf[pos : pos + run] = bytes([value]) * len(buf[pos : pos + run])
        elif kind == "insert":
            buf[pos:pos] = bytes([value]) * run
        elif kind == "delete":
            del buf[pos : pos + run]
        elif kind == "truncate":
            del buf[pos:]
        else:  # repeat a stretch: chunk and segment lengths stop matching
            buf[pos:pos] = buf[pos : pos + run] * (value % 8 + 1)
    return bytes(buf)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=EXAMPLES,
    deadline=None,  # the bound below is ours, measured per file
    derandomize=EXAMPLES <= 1000,  # CI: the same inputs every run; long runs explore
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@pytest.mark.slow
@given(fmt=st.sampled_from(sorted(SEEDS)), changes=edits)
def test_mutated_images_give_a_hash_or_a_reason(fuzz_dir: Path, fmt: str, changes: list) -> None:
    data = mutate(SEEDS[fmt], changes)
    path = fuzz_dir / f"input.{fmt.rsplit('.', 1)[-1]}"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        info = decode_photo(str(path))
    except PhotoError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(info, PhotoInfo) and 0 <= info.hash < 2**128
        assert info.width > 0 and info.height > 0 and len(info.content) == 8 * 16
    assert time.perf_counter() - start < SECONDS_PER_FILE


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_every_seed_decodes(tmp_path: Path, fmt: str) -> None:
    """The fuzzer starts from good files: each format is read as it is."""
    path = tmp_path / f"seed.{fmt.rsplit('.', 1)[-1]}"
    path.write_bytes(SEEDS[fmt])
    assert decode_photo(str(path)).width in (160, 120)


def _camera_seeds() -> dict[str, bytes]:
    """JPEGs simplejpeg decodes: camera-sized (1/8 scale), baseline, progressive and grey; smaller
    ones (1/2 and 1/4 scale)."""
    exif = Image.Exif()
    exif[0x0112] = 3
    exif[0x8769] = {0x9003: "2022:01:02 03:04:05"}
    out = {}
    for name, im, kwargs in (
        ("camera.jpg", make_photo(12, (1200, 1160)), {"quality": 80, "exif": exif}),
        ("progressive.jpg", make_photo(13, (1160, 1200)), {"quality": 75, "progressive": True}),
        ("grey.jpg", make_photo(14, (1200, 1200)).convert("L"), {"quality": 85}),
        ("half.jpg", make_photo(15, (600, 450)), {"quality": 85}),
        ("quarter.jpg", make_photo(16, (800, 640)), {"quality": 90, "progressive": True}),
    ):
        buf = io.BytesIO()
        im.save(buf, "JPEG", **kwargs)
        out[name] = buf.getvalue()
    return out


CAMERA_SEEDS = _camera_seeds()


def _outcome(path: Path) -> object:
    try:
        return decode_photo(str(path))
    except PhotoError as exc:
        return str(exc), exc.lasting


@settings(
    max_examples=max(60, EXAMPLES // 2),
    deadline=None,
    derandomize=EXAMPLES <= 1000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@pytest.mark.slow
@given(name=st.sampled_from(sorted(CAMERA_SEEDS)), changes=edits)
def test_simplejpeg_takes_nothing_pillow_would_read_otherwise(
    fuzz_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, changes: list
) -> None:
    """Whatever the bytes, decoding with simplejpeg gives what Pillow alone gives: the same photo,
    or the same reason (a JPEG libjpeg warns about is handed back to Pillow)."""
    import photodedupe.core.find.decode as decode

    path = fuzz_dir / name
    path.write_bytes(mutate(CAMERA_SEEDS[name], changes))
    fast = _outcome(path)
    with monkeypatch.context() as m:
        m.setattr(decode, "simplejpeg", None)
        assert _outcome(path) == fast
