"""Which photo of a group to keep: the rules behind "Mark all but the best" and ``--keep``.

A photo in a reference folder always wins. After that the user's rules decide,
in the order chosen; each rule is a sort key, so a list of rules is a tuple
key, easy to read and to test. Ties left by every rule go to the shortest path,
then the path itself, so the choice never depends on scan order.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from photodedupe.core.discover import RAW_EXTENSIONS, is_raw_name
from photodedupe.core.metadata import Details
from photodedupe.core.model import Group, Photo


def in_folders(path: str, folders: Iterable[str]) -> bool:
    """True if ``path`` is inside one of ``folders`` (or is one of them).

    >>> in_folders("/a/b/c.jpg", ["/a/b"]), in_folders("/a/bc/d.jpg", ["/a/b"])
    (True, False)
    """
    for folder in folders:
        folder = os.path.abspath(folder)
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


def _taken(photo: Photo) -> float:
    """When the photo was taken (EXIF, else a date in its name), else the file's modification time."""
    for date in (photo.info.taken, Details.from_json(photo.info.details).date):
        if date:
            try:
                return dt.datetime.fromisoformat(date).timestamp()
            except (ValueError, OverflowError, OSError):
                pass
    return photo.file.mtime_ns / 1e9


#: Formats from most to least worth keeping: a camera's RAW holds the most, then
#: lossless TIFF, the efficient modern formats, JPEG, and formats that are
#: usually re-encoded copies (PNG screenshots of photos, web WebP, GIF, BMP).
FORMAT_ORDER = (
    tuple(sorted(RAW_EXTENSIONS)),
    (".tif", ".tiff"),
    (".heic", ".heif", ".hif", ".avif", ".jxl"),
    (".jpg", ".jpeg", ".jpe", ".jfif"),
    (".png",),
    (".webp",),
    (".gif", ".bmp"),
)
_FORMAT_RANK = {ext: rank for rank, group in enumerate(FORMAT_ORDER) for ext in group}

# "IMG_1 copy.jpg", "IMG_1 - Copy (2).jpg", "Copy of IMG_1.jpg", "IMG_1 (1).jpg", "IMG_1-1.jpg"
_COPY_NAME = re.compile(r"(?i)(\bcopy\b|\bkopie\b|\bcopie\b|\(\d+\)\s*$|^copy of |[-~]\d\s*$)")


def _copy_like(photo: Photo) -> bool:
    stem = os.path.splitext(os.path.basename(photo.path))[0]
    return bool(_COPY_NAME.search(stem))


@dataclass(frozen=True, slots=True)
class Rule:
    """One way to prefer a photo: ``key`` is smaller for the photo to keep."""

    name: str  # as typed after --keep
    label: str  # as shown in the app
    key: Callable[[Photo, Sequence[str]], object]  # (photo, preferred folders)


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("resolution", "Highest resolution", lambda p, _: -(p.info.width * p.info.height)),
        Rule("size", "Largest file", lambda p, _: -p.file.size),
        Rule("oldest", "Oldest (date taken)", lambda p, _: _taken(p)),
        Rule("newest", "Newest (date taken)", lambda p, _: -_taken(p)),
        Rule(
            "format",
            "Best format (RAW, TIFF, HEIC, JPEG, PNG…)",
            lambda p, _: _FORMAT_RANK.get(os.path.splitext(p.path)[1].lower(), len(FORMAT_ORDER)),
        ),
        Rule("folder", "In a preferred folder", lambda p, folders: not in_folders(p.path, folders)),
        Rule(
            "name", "Name without “copy” or “(1)”, shortest path", lambda p, _: (_copy_like(p), len(p.path))
        ),
    )
}

DEFAULT_RULES: tuple[str, ...] = ("resolution", "size", "oldest", "name")


def parse_rules(text: str) -> tuple[str, ...]:
    """``"format,resolution"`` → ("format", "resolution"); ValueError names an unknown rule."""
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in RULES]
    if unknown or not names:
        raise ValueError(
            f"unknown rule {', '.join(unknown) or '(none given)'}; choose from {', '.join(RULES)}"
        )
    return names


def describe(rules: Sequence[str] = DEFAULT_RULES) -> str:
    """The rules as a sentence, for every place a mark is made automatically."""
    words = [RULES[n].label[0].lower() + RULES[n].label[1:] for n in rules] or ["the shortest path"]
    return "reference folders first, then " + ", then ".join(words)


RULE_TEXT = describe()


def keeper_key(
    photo: Photo,
    reference_folders: Sequence[str] = (),
    rules: Sequence[str] = DEFAULT_RULES,
    preferred_folders: Sequence[str] = (),
) -> tuple:
    """Sort key: the smallest is the photo to keep."""
    keys = tuple(RULES[n].key(photo, preferred_folders) for n in rules)
    return (not in_folders(photo.path, reference_folders), *keys, len(photo.path), photo.path)


def best_photo(
    indices: Iterable[int],
    photos: Sequence[Photo],
    reference_folders: Sequence[str] = (),
    rules: Sequence[str] = DEFAULT_RULES,
    preferred_folders: Sequence[str] = (),
) -> int:
    """The index of the photo to keep among ``indices``."""
    return min(indices, key=lambda k: keeper_key(photos[k], reference_folders, rules, preferred_folders))


def raw_jpeg_pairs(photos: Sequence[Photo], group: Group) -> list[tuple[int, int]]:
    """(a, b) for each RAW and non-RAW photo of ``group`` from one shot, both ways round.

    A camera set to RAW+JPEG writes IMG_0001.CR2 and IMG_0001.JPG side by side:
    same folder, same name but for the extension.
    """
    shots: dict[tuple[str, str], list[int]] = {}
    for m in group.members:
        stem, _ = os.path.splitext(photos[m.index].path)
        shots.setdefault((os.path.dirname(stem), os.path.basename(stem).casefold()), []).append(m.index)
    pairs = []
    for members in shots.values():
        raws = [k for k in members if is_raw_name(photos[k].path)]
        others = [k for k in members if not is_raw_name(photos[k].path)]
        for raw in raws:
            for other in others:
                pairs += [(raw, other), (other, raw)]
    return pairs
