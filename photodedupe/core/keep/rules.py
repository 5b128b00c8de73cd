"""Which photo of a group to keep: the rules behind "Mark all but the best", ``--keep`` and the ★.

A photo in a reference folder always wins, and a photo whose data is damaged
never does while another is intact. After that the rules decide, in the
order chosen; each rule is a sort key, so a list of rules is a tuple key,
easy to read and to test. One rule, ``central``, compares a photo with the
rest of its group (``core.keep.keeper`` applies it). Ties left by every rule go to
the shortest path, then the path itself, so the choice never depends on scan
order.

The default order was chosen by measurement (``bench/keepers.py``): on the
development corpus, where each group holds a camera original and copies made
from it, it keeps the original (or a byte-identical copy of it) in every
group. Canvas size and file size, the old default, are misled by black bars,
screenshots and lossless re-exports.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from photodedupe.core.find.discover import RAW_EXTENSIONS, is_raw_name
from photodedupe.core.i18n import N_, _, date_time, time_of_day
from photodedupe.core.protection import in_folders
from photodedupe.core.units import human_size

if TYPE_CHECKING:  # the command line's --help reads the rules without importing numpy and Pillow
    from photodedupe.core.model import Group, Photo


def _taken(photo: Photo) -> float:
    """When the photo was taken (EXIF, else a date in its name), else the file's modification time."""
    from photodedupe.core.details import Details

    dates = (photo.info.taken,) if photo.info.taken else (Details.from_json(photo.info.details).date,)
    for date in dates:
        if date:
            try:
                return dt.datetime.fromisoformat(date).timestamp()
            except (ValueError, OverflowError, OSError):
                pass
    return photo.file.mtime_ns / 1e9


_RAW_FORMATS = frozenset(ext[1:].upper() for ext in RAW_EXTENSIONS)

#: Formats from most to least worth keeping: a camera's RAW holds the most, then
#: lossless TIFF, the efficient modern formats, JPEG, and formats that are
#: usually re-encoded copies (PNG screenshots of photos, web WebP, GIF, BMP).
FORMAT_ORDER = (
    tuple(sorted(_RAW_FORMATS)),
    ("TIFF",),
    ("HEIF", "AVIF", "JXL", "JPEG2000"),
    ("JPEG", "MPO"),
    ("PNG",),
    ("WEBP",),
    ("GIF", "BMP"),
)
_FORMAT_RANK = {fmt: rank for rank, group in enumerate(FORMAT_ORDER) for fmt in group}
_FORMAT_BY_EXTENSION = {".jpg": "JPEG", ".jpeg": "JPEG", ".tif": "TIFF", ".heic": "HEIF", ".webp": "WEBP"}


def format_of(photo: Photo) -> str:
    """The format the file really is (from its content); the extension only for old cache rows."""
    if photo.info.format:
        return photo.info.format
    ext = os.path.splitext(photo.path)[1].lower()
    return _FORMAT_BY_EXTENSION.get(ext, ext[1:].upper())


def is_raw(photo: Photo) -> bool:
    if photo.info.format:
        return photo.info.format in _RAW_FORMATS
    return is_raw_name(photo.path)


def _from_camera(photo: Photo) -> int:
    """0: a camera RAW; 1: a photo that kept its camera's metadata; 2: one without (stripped or made)."""
    if is_raw(photo):
        return 0
    return 1 if photo.info.camera or photo.info.taken else 2


#: A JPEG saved at this quality or more is as good as the camera's own; below it, each
#: band is a visibly lossier re-save (web exports, messaging apps).
_QUALITY_BANDS = (85, 70, 50)


def quality_band(photo: Photo) -> int:
    """0 for a high-quality JPEG or a format without a quality; more for lossier JPEGs.

    A lossless file does not rank above the JPEG it was made from: its pixels
    are no better than that photo's.

    >>> from photodedupe.core.model import FileEntry, Photo, PhotoInfo
    >>> def band(q):
    ...     return quality_band(Photo(FileEntry("a", 1, 1), PhotoInfo(hash=0, width=1, height=1, quality=q)))
    >>> [band(q) for q in (95, 80, 60, 30, 0)]
    [0, 1, 2, 3, 0]
    """
    q = photo.info.quality
    if not q:
        return 0
    return sum(q < band for band in _QUALITY_BANDS)


# "IMG_1 copy.jpg", "IMG_1 - Copy (2).jpg", "Copy of IMG_1.jpg", "IMG_1 (1).jpg", "IMG_1-1.jpg"
_COPY_NAME = re.compile(r"(?i)(\bcopy\b|\bkopie\b|\bcopie\b|\(\d+\)\s*$|^copy of |[-~]\d\s*$)")


def _copy_like(photo: Photo) -> bool:
    name = photo.path[photo.path.rfind(os.sep) + 1 :]
    dot = name.rfind(".")
    return bool(_COPY_NAME.search(name[:dot] if dot > 0 else name))


def _size_text(photo: Photo) -> str:
    return f"{photo.info.width}×{photo.info.height}"


def _picture_text(photo: Photo) -> str:
    """ "4616×2600", or "1920×1080 inside a frame" for the picture inside bars or a window."""
    if not photo.info.framed:
        return _size_text(photo)
    return _("{width}×{height} inside a frame").format(
        width=photo.info.picture_width, height=photo.info.picture_height
    )


def _date_text(photo: Photo) -> str:
    return date_time(dt.datetime.fromtimestamp(_taken(photo)))


_FROM_CAMERA_WORDS = {
    0: N_("the camera's RAW file"),
    1: N_("has the camera's metadata"),
    2: N_("no camera metadata"),
}


class Compares(Enum):
    """What a rule compares the photos of a group by."""

    KEY = "key"  # its ``key`` of each photo alone
    SHARPNESS = "sharpness"  # the frames of one moment, as measured (core.find.frames)
    TONES = "tones"  # each photo's tones against the group's median: the original sits amid its copies


@dataclass(frozen=True, slots=True)
class Rule:
    """One way to prefer a photo: ``key`` is smaller for the photo to keep.

    ``why(kept, other)`` says in a few words why ``kept`` won over ``other``
    when this rule was the one that told them apart. A rule that ``compares`` a
    photo with its group or with measures (not by its ``key``) is applied by
    ``core.keep.keeper``.
    """

    name: str  # as typed after --keep
    label: str  # as shown in the app
    key: Callable[[Photo, Sequence[str]], float | tuple[float, ...]]  # (photo, preferred folders)
    why: Callable[[Photo, Photo], str]
    #: per element of ``key``: a share of the best value within which photos count as equal
    tolerance: tuple[float, ...] = ()
    compares: Compares = Compares.KEY


def _why_from_camera(kept: Photo, other: Photo) -> str:
    a, b = _from_camera(kept), _from_camera(other)
    if a == 0:
        return _("the camera's RAW file (the other is {format})").format(format=format_of(other))
    detail = " · ".join(x for x in (kept.info.camera, kept.info.taken and kept.info.taken[:10]) if x)
    if b == 2:
        return _("has the camera's metadata ({detail}); the other's was stripped").format(detail=detail)
    return _(_FROM_CAMERA_WORDS[a])


def _why_picture(kept: Photo, other: Photo) -> str:
    if other.info.framed and not kept.info.framed:
        return _("the picture itself ({kept}), not a copy in a frame ({other})").format(
            kept=_picture_text(kept), other=_picture_text(other)
        )
    if kept.info.picture_pixels == other.info.picture_pixels and other.info.grey:
        return _("in colour; the other copy is grey")
    return _("larger picture ({kept} vs {other})").format(
        kept=_picture_text(kept), other=_picture_text(other)
    )


def _edits_key(photo: Photo) -> tuple[float, float]:
    """(0 if it carries the user's work, else 1; minus its rating): the edited, best-rated copy first.

    A rejected copy (rating -1) carries no work worth keeping it for.
    """
    from photodedupe.core.find.companions import is_work, photo_edits

    if not photo.companions and not photo.info.details:
        return (1.0, 0.0)
    edits = photo_edits(photo)
    rating = edits.rating or 0
    work = is_work(photo.companions) or edits.any
    return (0.0 if work and rating >= 0 else 1.0, -float(rating))


def _why_edits(kept: Photo, other: Photo) -> str:
    """ "has your edits (DSC_1872.NEF.xmp: 5 stars · Red; DSC_1872.AAE)"."""
    from photodedupe.core.details import Details, embedded

    parts = [
        c.name + (f": {c.edits.words()}" if c.edits is not None and c.edits.any else "")
        for c in kept.companions
        if c.is_work
    ]
    if (inside := embedded(Details.from_json(kept.info.details))) is not None and inside.any:
        parts.append(_("its own XMP: {edits}").format(edits=inside.words()))
    if not parts:
        return _("rated higher")
    return _("has your edits ({edits})").format(
        edits="; ".join(parts[:3]) + ("; …" if len(parts) > 3 else "")
    )


def _saved_times(kept: Photo, other: Photo) -> str:
    """ "10:02:03 vs 10:02:09" on one day, else the dates too; never milliseconds, which nobody
    reads at a glance (and a tile cut them off): "moments before" says the same."""
    a, b = (dt.datetime.fromtimestamp(p.file.mtime_ns / 1e9) for p in (kept, other))
    same_day = a.date() == b.date()
    fmt = "%H:%M:%S" if same_day else "%Y-%m-%d %H:%M"
    if a.strftime(fmt) == b.strftime(fmt):
        return _("moments before the other")
    if same_day:
        return _("{kept} vs {other}").format(kept=time_of_day(a), other=time_of_day(b))
    return _("{kept} vs {other}").format(kept=date_time(a), other=date_time(b))


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "original",
            N_("From the camera (its RAW, or with its metadata)"),
            lambda p, _: _from_camera(p),
            _why_from_camera,
        ),
        Rule(
            "picture",
            N_("Largest picture, in colour (bars and windows not counted)"),
            lambda p, _: (p.info.framed, -p.info.picture_pixels, p.info.grey),
            _why_picture,
            # Within 2 % the picture's size is measuring noise, not a crop: a frame found around a dark
            # or plain background moves by a few rows with noise or a 2 % crop; a 2 % crop is 4 % of the area.
            (0.0, 0.02, 0.0),
        ),
        Rule(
            "quality",
            N_("Highest JPEG quality"),
            lambda p, _: quality_band(p),
            lambda k, o: _("higher JPEG quality ({kept} vs {other})").format(
                kept=k.info.quality or format_of(k), other=o.info.quality
            ),
        ),
        Rule(
            "sharpest",
            N_("Sharpest (frames of one moment, none made from another)"),
            lambda p, _: 0.0,  # measured only for such frames (core.find.frames)
            lambda k, o: _("sharpest"),
            (0.1,),
            Compares.SHARPNESS,
        ),
        Rule(
            "central",
            N_("The one the others were made from"),
            lambda p, _: 0,  # compares photos with their group
            lambda k, o: _("the one the other copies were made from: closest to all of them"),
            compares=Compares.TONES,
        ),
        Rule(
            "edits",
            N_("Has your edits (a rated or developed sidecar, iPhone edits, Live Photo video)"),
            lambda p, _: _edits_key(p),
            _why_edits,
        ),
        Rule(
            "saved",
            N_("Saved first"),
            lambda p, _: p.file.mtime_ns,
            lambda k, o: _("saved first ({times})").format(times=_saved_times(k, o)),
        ),
        Rule(
            "resolution",
            N_("Highest resolution"),
            lambda p, _: -(p.info.width * p.info.height),
            lambda k, o: _("higher resolution ({kept} vs {other})").format(
                kept=_size_text(k), other=_size_text(o)
            ),
        ),
        Rule(
            "size",
            N_("Largest file"),
            lambda p, _: -p.file.size,
            lambda k, o: _("larger file ({kept} vs {other})").format(
                kept=human_size(k.file.size), other=human_size(o.file.size)
            ),
        ),
        Rule(
            "oldest",
            N_("Oldest (date taken)"),
            lambda p, _: _taken(p),
            lambda k, o: _("older ({kept} vs {other})").format(kept=_date_text(k), other=_date_text(o)),
        ),
        Rule(
            "newest",
            N_("Newest (date taken)"),
            lambda p, _: -_taken(p),
            lambda k, o: _("newer ({kept} vs {other})").format(kept=_date_text(k), other=_date_text(o)),
        ),
        Rule(
            "format",
            N_("Best format (RAW, TIFF, HEIC, JPEG, PNG…)"),
            lambda p, _: _FORMAT_RANK.get(format_of(p), len(FORMAT_ORDER)),
            lambda k, o: _("better format ({kept} vs {other})").format(kept=format_of(k), other=format_of(o)),
        ),
        Rule(
            "folder",
            N_("In a preferred folder"),
            lambda p, folders: not in_folders(p.path, folders),
            lambda k, o: _("in a preferred folder"),
        ),
        Rule(
            "name",
            N_("Name without “copy” or “(1)”, shortest path"),
            lambda p, _: (_copy_like(p), len(p.path)),
            lambda k, o: _("a name without “copy”") if _copy_like(o) else _("the shortest path"),
        ),
    )
}

#: Measured on the development corpus (bench/keepers.py): see the module docstring.
DEFAULT_RULES: tuple[str, ...] = (
    "original", "picture", "quality", "sharpest", "central", "edits", "saved", "name",
)  # fmt: skip
#: The default of earlier versions; a saved setting equal to it is taken as the new default.
OLD_DEFAULT_RULES: tuple[str, ...] = ("resolution", "size", "oldest", "name")
#: Every earlier default: a setting saved as one of them follows the default as it is now.
EARLIER_DEFAULTS: tuple[tuple[str, ...], ...] = (
    OLD_DEFAULT_RULES,
    ("original", "picture", "quality", "central", "saved", "name"),
    ("original", "picture", "quality", "central", "edits", "saved", "name"),
)


def parse_rules(text: str) -> tuple[str, ...]:
    """``"format,resolution"`` → ("format", "resolution"); ValueError names an unknown rule."""
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in RULES]
    if unknown or not names:
        raise ValueError(
            _("unknown rule {rule}; choose from {rules}").format(
                rule=", ".join(unknown) or _("(none given)"), rules=", ".join(RULES)
            )
        )
    return names


def describe(rules: Sequence[str] = DEFAULT_RULES) -> str:
    """The rules as a sentence, for every place a mark is made automatically."""
    words = [_lower_first(_(RULES[n].label)) for n in rules] or [_("the shortest path")]
    return _("reference folders first, never a damaged photo, then {rules}").format(
        rules=_(", then ").join(words)
    )


def _lower_first(label: str) -> str:
    """A label inside a sentence: N_("Saved first") → "saved first" (not lower(): "JPEG" stays)."""
    return label[:1].lower() + label[1:]


def raw_jpeg_pairs(photos: Sequence[Photo], group: Group) -> list[tuple[int, int]]:
    """(a, b) for each RAW and non-RAW photo of ``group`` from one shot, both ways round.

    A camera set to RAW+JPEG writes IMG_0001.CR2 and IMG_0001.JPG side by side:
    same folder, same name but for the extension.
    """
    shots: dict[tuple[str, str], list[int]] = {}
    for m in group.members:
        stem = os.path.splitext(photos[m.index].path)[0]
        shots.setdefault((os.path.dirname(stem), os.path.basename(stem).casefold()), []).append(m.index)
    pairs = []
    for members in shots.values():
        raws = [k for k in members if is_raw(photos[k])]
        others = [k for k in members if not is_raw(photos[k])]
        for raw in raws:
            for other in others:
                pairs += [(raw, other), (other, raw)]
    return pairs
