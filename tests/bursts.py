"""Bursts for tests: frames of one scene a few pixels apart, all but one blurred, with EXIF times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.conftest import make_photo, save

T0 = dt.datetime(2024, 6, 1, 10, 0, 0)


def scene(seed: int, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A photo-like image with fine, sharp detail (a blurred frame must lose something)."""
    im = make_photo(seed, size)
    rng = np.random.default_rng(seed + 1000)
    draw = ImageDraw.Draw(im)
    w, h = size
    for _ in range(400):
        x, y = int(rng.uniform(0, w - 12)), int(rng.uniform(0, h - 12))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        draw.rectangle((x, y, x + int(rng.integers(2, 10)), y + int(rng.integers(2, 10))), fill=colour)
    return im


def shifted(im: Image.Image, dx: float, zoom: float) -> Image.Image:
    w, h = im.size
    cw, ch = w / zoom, h / zoom
    x0, y0 = (w - cw) / 2 + dx * w, (h - ch) / 2
    return im.transform((w, h), Image.Transform.EXTENT, (x0, y0, x0 + cw, y0 + ch), Image.Resampling.BICUBIC)


def motion(im: Image.Image, length: int) -> Image.Image:
    a = np.asarray(im, np.float32)
    out = sum(np.roll(a, k - length // 2, axis=1) for k in range(length)) / length
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8))


def exif(camera: str, serial: str, when: dt.datetime, subsec: bool = True) -> Image.Exif:
    e = Image.Exif()
    e[0x010F], e[0x0110] = camera.split()[0], camera
    sub: dict[int, str] = {0x9003: when.strftime("%Y:%m:%d %H:%M:%S"), 0xA431: serial}
    if subsec:
        sub[0x9291] = f"{when.microsecond // 10_000:02d}"
    e[0x8769] = sub
    return e


def burst(
    folder: Path,
    seed: int,
    frames: int = 5,
    sharp: int = 2,
    start: dt.datetime = T0,
    camera: str = "Canon EOS R6",
    serial: str = "A1",
    name: str = "IMG",
) -> list[Path]:
    """``frames`` frames a tenth of a second apart; frame ``sharp`` is the only sharp one."""
    base = scene(seed)
    paths = []
    for i in range(frames):
        frame = shifted(base, 0.004 * (i - frames // 2), 1 + 0.006 * i)
        if i != sharp:
            frame = frame.filter(ImageFilter.GaussianBlur(1.5)) if i % 2 else motion(frame, 7)
        when = start + dt.timedelta(seconds=0.1 * i)
        paths.append(
            save(frame, folder / f"{name}_{seed}_{i}.jpg", quality=92, exif=exif(camera, serial, when))
        )
    return paths
