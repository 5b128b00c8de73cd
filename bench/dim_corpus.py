#!/usr/bin/env python3
"""Dim and flat photos with their copies, and dark photos that must never merge: a labeled corpus.

    python3 bench/dim_corpus.py --sysroot ../bench-src/root --out ../dim-dev [--pictures 30] [--skip 0]
    python3 bench/accuracy.py --corpus ../dim-dev --thresholds 8,16,20 --transforms 16
    python3 bench/one_group.py --corpus ../dim-dev

Evening, indoor, concert and night photos have small differences between
neighbouring cells, so their hashes are fragile. For each of ``--pictures``
photos of ../shared/bench/dev_sources.json (``--skip`` of them first, so a held-out
set can use others) it makes a dim, flat original (contrast ×0.3–0.6, brightness
×0.2–0.5, a third with sensor-like noise) and five ordinary copies of it: half
size, JPEG q60, a 5 % crop, turned 90°, and brightened with auto-levels. Beside
them, dark hard negatives: near-black frames, night skies with other stars, dark
hills under a dark sky; each is a picture of its own. The labels are in the shared
format (``make_corpus.py``), so ``score.py`` and the benches read them. Run by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

SPEC = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev_sources.json"
WIDTH = 2000


def dim(im: Image.Image, contrast: float, brightness: float, noise: float, rng) -> Image.Image:
    im = ImageEnhance.Brightness(ImageEnhance.Contrast(im).enhance(contrast)).enhance(brightness)
    if noise:
        a = np.asarray(im, np.float32)
        grain = rng.normal(0, noise, a.shape[:2])[..., None] + rng.normal(0, noise / 2, a.shape)
        im = Image.fromarray(np.clip(a + grain, 0, 255).astype(np.uint8))
    return im


def copies(im: Image.Image) -> dict[str, tuple[str, Image.Image, dict]]:
    """transform → (class, picture, save options)."""
    w, h = im.size
    cx, cy = round(w * 0.05 / 2), round(h * 0.05 / 2)
    return {
        "resize_50": ("near", im.resize((w // 2, h // 2), Image.Resampling.LANCZOS), {"quality": 90}),
        "jpeg_q60": ("near", im, {"quality": 60}),
        "crop_5": ("near", im.crop((cx, cy, w - cx, h - cy)), {"quality": 90}),
        "rot90": ("geometric", im.transpose(Image.Transpose.ROTATE_90), {"quality": 90}),
        "levels": ("near", ImageOps.autocontrast(im, cutoff=0.5), {"quality": 90}),
    }


def dark_negatives(rng, size: tuple[int, int]) -> dict[str, tuple[str, Image.Image]]:
    """Pictures that are all dark and alike to a hash, each different: kind → (name, picture)."""
    w, h = size
    out = {}
    for k in range(4):  # near-black frames: a lens cap, a dark room, each with its own noise
        a = rng.normal(6 + 3 * k, 2.5, (h, w, 1)).repeat(3, axis=2)
        out[f"black_{k}"] = ("near_black", Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    yy = np.linspace(0, 1, h)[:, None, None]
    for k in range(4):  # night skies: the same dark gradient, other stars
        sky = np.broadcast_to(np.array([8, 10, 24]) * (1 - 0.6 * yy) + 4, (h, w, 3)).copy()
        for _ in range(300):
            x, y, r = int(rng.integers(0, w)), int(rng.integers(0, h)), int(rng.integers(1, 3))
            sky[max(0, y - r) : y + r, max(0, x - r) : x + r] = rng.uniform(120, 255)
        out[f"sky_{k}"] = (
            "night_sky",
            Image.fromarray(sky.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7)),
        )
    xx = np.arange(w)
    for k in range(4):  # dark hills under a dark sky: other ridges
        sky = np.broadcast_to(np.array([14, 16, 30]) * (1 - 0.5 * yy) + 6, (h, w, 3)).copy()
        phase, freq = rng.uniform(0, 6.3, 3), rng.uniform(1.5, 7, 3)
        ridge = h * (
            0.55 + sum(0.06 * np.sin(f * 6.28 * xx / w + p) for f, p in zip(freq, phase, strict=True))
        )
        below = np.arange(h)[:, None] > ridge[None, :]
        sky[below] = np.array([5, 6, 5])
        a = sky + rng.normal(0, 1.5, sky.shape)
        out[f"hills_{k}"] = ("dark_hills", Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    return out


def make(args: argparse.Namespace) -> None:
    spec = json.loads(SPEC.read_text())
    sources = spec["sources"][args.skip : args.skip + args.pictures]
    rng = np.random.default_rng(args.seed)
    out = Path(args.out)
    photos = out / "photos"
    files: list[dict] = []
    pairs: dict[str, list[list[str]]] = {"exact": [], "near": [], "geometric": [], "similar-shot": []}
    for n, source in enumerate(sources):
        im = ImageOps.exif_transpose(Image.open(Path(args.sysroot) / source["path"])).convert("RGB")
        if im.width > WIDTH:
            im = im.resize((WIDTH, round(im.height * WIDTH / im.width)), Image.Resampling.LANCZOS)
        contrast, brightness = float(rng.uniform(0.3, 0.6)), float(rng.uniform(0.2, 0.5))
        noise = float(rng.uniform(3, 7)) if n % 3 == 2 else 0.0
        original = dim(im, contrast, brightness, noise, rng)
        group = f"d{n:03d}"
        base = f"{group}/IMG_{n:04d}.jpg"
        (photos / group).mkdir(parents=True, exist_ok=True)
        original.save(photos / base, quality=92)
        params = {
            "contrast": round(contrast, 2),
            "brightness": round(brightness, 2),
            "noise": round(noise, 1),
        }
        members = [base]
        files.append(
            {
                "path": base,
                "group": group,
                "class": "original",
                "transform": "original",
                "source": source["id"],
                "params": params,
            }
        )
        for transform, (cls, copy, options) in copies(original).items():
            path = f"{group}/IMG_{n:04d}_{transform}.jpg"
            copy.save(photos / path, **options)
            files.append(
                {
                    "path": path,
                    "group": group,
                    "class": cls,
                    "transform": transform,
                    "of": base,
                    "source": source["id"],
                    "params": params,
                }
            )
            members.append(path)
        classes = {f["path"]: f["class"] for f in files[-len(members) :]}
        for a, b in itertools.combinations(members, 2):
            kind = "geometric" if "geometric" in (classes[a], classes[b]) else "near"
            pairs[kind].append([a, b])
        print(
            f"{n + 1}/{len(sources)} {source['id']}: contrast ×{contrast:.2f}, brightness ×{brightness:.2f}"
            f"{f', noise {noise:.1f}' if noise else ''}"
        )
    negatives = []
    (photos / "dark").mkdir(parents=True, exist_ok=True)
    for name, (kind, picture) in dark_negatives(rng, (1600, 1067)).items():
        path = f"dark/{name}.jpg"
        picture.save(photos / path, quality=92)
        files.append(
            {"path": path, "group": f"n_{name}", "class": "original", "transform": "original", "source": kind}
        )
        negatives.append((path, kind))
    hard = [[a, b, ka] for (a, ka), (b, kb) in itertools.combinations(negatives, 2) if ka == kb]
    labels = {
        "format": "photodedupe-bench-labels/1",
        "root": "photos",
        "generator": {
            "script": "bench/dim_corpus.py",
            "seed": args.seed,
            "pictures": args.pictures,
            "skip": args.skip,
        },
        "files": files,
        "pairs": pairs,
        "hard_negative_pairs": hard,
    }
    (out / "labels.json").write_text(json.dumps(labels, indent=1))
    print(
        f"{len(files)} files, {len(sources)} dim pictures × 6, {len(negatives)} dark negatives "
        f"({len(hard)} hard-negative pairs) in {out}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sysroot", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pictures", type=int, default=30)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    make(ap.parse_args())


if __name__ == "__main__":
    main()
