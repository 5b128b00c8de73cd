"""The files that belong to a photo: sidecars, a Live Photo's video, iPhone edits, Takeout metadata.

They are found by the names other tools give them, case-insensitively, in the
photo's own folder:

- XMP sidecars: ``NAME.xmp`` (Lightroom, Capture One, Bridge), ``NAME.EXT.xmp``
  (darktable, digiKam) and darktable's duplicates ``NAME_01.EXT.xmp``;
  RawTherapee's ``NAME.EXT.pp3`` and DxO's ``NAME.EXT.dop``;
- an iPhone's Live Photo video ``NAME.MOV`` and its edit files ``NAME.AAE``,
  ``NAME_O.AAE`` and ``IMG_O1234.AAE``;
- Google Takeout's ``NAME.EXT.json``, ``NAME.EXT.supplemental-metadata.json``
  and the shorter forms Takeout cuts long names to, and ``NAME.EXT(1).json``
  for ``NAME(1).EXT``.

A companion moves with its photo. One that belongs to several photos (a
Lightroom ``NAME.xmp`` beside ``NAME.CR2`` and ``NAME.JPG``, a Live Photo's
video beside its HEIC and JPEG) moves only with the last of them. Finding them
reads no photo: only the names the folder listing already gave, and the XMP
sidecars themselves for the ratings they hold.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from photodedupe.core.details import Details, embedded
from photodedupe.core.find.discover import (
    DOCUMENT_EXTENSIONS,
    SIDECAR_EXTENSIONS,
    VIDEO_EXTENSIONS,
    is_photo_name,
)
from photodedupe.core.i18n import N_, Nn_, n_
from photodedupe.core.model import NOUNS, Companion
from photodedupe.core.xmp import Edits, XmpError, combined
from photodedupe.core.xmp import read as read_xmp

if TYPE_CHECKING:
    from photodedupe.core.model import Photo

_SUPPLEMENTAL = "supplemental-metadata"
_DUPLICATE = re.compile(r"^(.*)(\(\d+\))$")  # "NAME(1)": Takeout's second file of one name
_DARKTABLE_DUPLICATE = re.compile(r"^(.*)_\d+(\.[^.]+)\.xmp$")  # NAME_01.EXT.xmp
_IPHONE = re.compile(r"^img_(\d+)$")  # IMG_1234 → IMG_O1234.AAE
#: Takeout cuts a JSON's name to this many characters (".json" included) and older exports to 47.
_TAKEOUT_CUT = 46


def edits_of(companions: Sequence[Companion]) -> Edits:
    """A photo's edits from all its XMP sidecars together."""
    return combined(c.edits for c in companions if c.edits is not None)


def photo_edits(photo: Photo, details: Details | None = None) -> Edits:
    """All a photo's edits: its sidecars' and the XMP inside it (``details``: its metadata, if read)."""
    inside = embedded(details if details is not None else Details.from_json(photo.info.details))
    sidecars = [c.edits for c in photo.companions if c.edits is not None]
    return combined([*sidecars, inside] if inside is not None else sidecars)


def is_work(companions: Sequence[Companion]) -> bool:
    return any(c.is_work for c in companions)


def _own_names(name: str) -> list[tuple[str, str]]:
    """(casefolded companion name, kind) that ``name`` (a photo's, casefolded) would have.

    >>> sorted(n for n, _ in _own_names("img_0420.jpg"))  # doctest: +NORMALIZE_WHITESPACE
    ['img_0420.aae', 'img_0420.jpg.dop', 'img_0420.jpg.json', 'img_0420.jpg.pp3', 'img_0420.jpg.xmp',
     'img_0420.mov', 'img_0420.xmp', 'img_0420_o.aae', 'img_o0420.aae']
    """
    stem = os.path.splitext(name)[0]
    names = [
        (f"{stem}.xmp", "xmp"),
        (f"{name}.xmp", "xmp"),
        (f"{name}.pp3", "pp3"),
        (f"{name}.dop", "dop"),
        (f"{stem}.mov", "live"),
        (f"{stem}.aae", "aae"),
        (f"{stem}_o.aae", "aae"),
        (f"{name}.json", "json"),
    ]
    if m := _IPHONE.match(stem):
        names.append((f"img_o{m.group(1)}.aae", "aae"))
    return names


def _takeout_target(json_name: str) -> tuple[str, bool]:
    """(the casefolded photo name a Takeout JSON is about, whether that name may be cut short).

    >>> _takeout_target("pxl_20190612.jpg(1).json")
    ('pxl_20190612(1).jpg', False)
    >>> _takeout_target("img_1.jpg.supplemental-metadata.json"), _takeout_target("img_1.jpg.supp.json")
    (('img_1.jpg', False), ('img_1.jpg', False))
    """
    base = json_name[: -len(".json")]
    duplicate = ""
    if m := _DUPLICATE.match(base):
        base, duplicate = m.group(1), m.group(2)
    head, dot, tail = base.rpartition(".")
    if dot and head and tail and _SUPPLEMENTAL.startswith(tail) and "." in head:
        base = head
    cut = len(json_name) >= _TAKEOUT_CUT
    if duplicate:
        stem, ext = os.path.splitext(base)
        return f"{stem}{duplicate}{ext}", cut
    return base, cut


def _takeout_owner(target: str, cut: bool, photos: Mapping[str, list[str]]) -> list[str]:
    """The photos a Takeout JSON is about: by full name, else (for a cut name) by its start."""
    if target in photos:
        return photos[target]
    if not cut:
        return []
    stem = os.path.splitext(target)[0]
    duplicate = m.group(2) if (m := _DUPLICATE.match(stem)) else ""
    start = m.group(1) if m else target
    found = []
    for name, paths in photos.items():
        own_stem = os.path.splitext(name)[0]
        own_duplicate = d.group(2) if (d := _DUPLICATE.match(own_stem)) else ""
        plain = (d.group(1) + os.path.splitext(name)[1]) if d else name
        if own_duplicate == duplicate and plain.startswith(start) and len(start) >= 8:
            found += paths
    return found


def _find_in_folder(
    photo_names: Mapping[str, list[str]], others: Mapping[str, list[str]]
) -> dict[str, tuple[str, list[str]]]:
    """Companion path → (its kind, the photos it belongs to), for one folder's casefolded names."""
    found: dict[str, tuple[str, list[str]]] = {}

    def add(path: str, kind: str, owners: list[str]) -> None:
        found.setdefault(path, (kind, []))[1].extend(owners)

    duplicates: dict[tuple[str, str], list[str]] = defaultdict(list)  # darktable NAME_01.EXT.xmp
    for name, paths in others.items():
        if m := _DARKTABLE_DUPLICATE.match(name):
            duplicates[(m.group(1), m.group(2))] += paths
    for name, paths in photo_names.items():
        stem, ext = os.path.splitext(name)
        for companion, kind in _own_names(name):
            for path in others.get(companion, ()):
                add(path, kind, paths)
        for path in duplicates.get((stem, ext), ()):
            add(path, "xmp", paths)
    for name, paths in others.items():
        if name.endswith(".json"):
            target, cut = _takeout_target(name)
            owners = _takeout_owner(target, cut, photo_names)
            for path in paths:
                if owners and path not in found:
                    add(path, "json", owners)
    return found


def find_companions(
    photos: Sequence[str], others: Sequence[str], *, read_edits: bool = True
) -> dict[str, tuple[Companion, ...]]:
    """For each photo (by path) that has any, the files among ``others`` that belong to it.

    ``photos`` are every photo file found (decodable or not: a sidecar of a
    damaged photo is still its own), ``others`` the files left out as not
    photos. XMP sidecars are read for their ratings unless ``read_edits`` is
    False; one that cannot be read is still a companion, with the reason.
    """
    folders_others: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in others:
        folder, name = os.path.split(path)
        folders_others[folder][name.casefold()].append(path)
    folders_photos: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in photos:
        folder, name = os.path.split(path)
        if folder in folders_others:
            folders_photos[folder][name.casefold()].append(path)
    by_photo: dict[str, list[Companion]] = defaultdict(list)
    for folder, photo_names in folders_photos.items():
        for path, (kind, owners) in _find_in_folder(photo_names, folders_others[folder]).items():
            companion = _companion(path, kind, tuple(sorted(set(owners))), read_edits)
            if companion is None:
                continue
            for owner in companion.owners:
                by_photo[owner].append(companion)
    return {photo: tuple(sorted(found, key=lambda c: c.path)) for photo, found in by_photo.items()}


def _companion(path: str, kind: str, owners: tuple[str, ...], read_edits: bool) -> Companion | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # gone since the folder was listed
    companion = Companion(path, kind, st.st_size, st.st_mtime_ns, owners)
    return read_edits_of(companion) if read_edits else companion


def read_edits_of(companion: Companion) -> Companion:
    """An XMP sidecar with what it records read (or why it cannot be); other kinds as they are."""
    if companion.kind != "xmp" or companion.edits is not None or companion.problem:
        return companion
    try:
        return replace(companion, edits=read_xmp(companion.path))
    except XmpError as exc:
        return replace(companion, problem=str(exc))


def kinds_words(companions: Sequence[Companion]) -> str:
    """ "3 Takeout JSON files, 1 Live Photo video", most first.

    >>> kinds_words([Companion("a", "aae", 1, 0), Companion("b", "aae", 1, 0), Companion("c", "live", 1, 0)])
    '2 iPhone edit files, 1 Live Photo video'
    """
    counts: dict[str, int] = defaultdict(int)
    for c in companions:
        counts[c.kind] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(n_(*NOUNS[kind], n).format(n=n) for kind, n in ordered)


def count_words(photos: int, companions: int, frames: bool = False) -> str:
    """ "30 photos and 12 files that belong to them", for confirmations and summaries.

    >>> count_words(1, 0), count_words(2, 1), count_words(30, 12)
    ('1 photo', '2 photos and 1 file that belongs to them', '30 photos and 12 files that belong to them')
    """
    if frames:
        text = n_("{n} frame", "{n} frames", photos).format(n=photos)
    else:
        text = n_("{n} photo", "{n} photos", photos).format(n=photos)
    if not companions:
        return text
    if photos == 1:
        more = n_(
            "{what} and {n} file that belongs to it", "{what} and {n} files that belong to it", companions
        )
    else:
        more = n_(
            "{what} and {n} file that belongs to them", "{what} and {n} files that belong to them", companions
        )
    return more.format(what=text, n=companions)


def skipped_by_kind(paths: Sequence[str]) -> dict[str, list[str]]:
    """Files left out as not photos, by what they are (``kind_of_other``), largest kind first."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        kinds[kind_of_other(path)].append(path)
    return dict(sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def skipped_words(paths: Sequence[str], companions: int = 0) -> str:
    """ "3 videos, 5 sidecars and metadata (6 of them belong to photos)".

    >>> skipped_words(["a.mov", "b.xmp", "c.xmp"], 2)
    '2 sidecars and metadata, 1 video (2 of them belong to photos)'
    """
    kinds = skipped_by_kind(paths)
    text = ", ".join(n_(*_COUNTED[k], len(v)).format(n=len(v)) for k, v in kinds.items())
    if companions:
        text = n_(
            "{what} ({n} of them belongs to photos)", "{what} ({n} of them belong to photos)", companions
        ).format(what=text, n=companions)
    return text


#: Each kind of file left out, counted (``kind_of_other`` names them by their plural, in English).
_COUNTED = {
    "links to photos": Nn_("{n} link to a photo", "{n} links to photos"),
    "videos": Nn_("{n} video", "{n} videos"),
    "sidecars and metadata": Nn_("{n} sidecar or metadata file", "{n} sidecars and metadata"),
    "documents": Nn_("{n} document", "{n} documents"),
    "other files": Nn_("{n} other file", "{n} other files"),
}


def kind_of_other(path: str) -> str:
    """What a file left out as not a photo is, in a word, for the list of skipped files.

    >>> [kind_of_other(p) for p in ("a.MOV", "a.xmp", "b.pdf", "c")]
    ['videos', 'sidecars and metadata', 'documents', 'other files']
    """
    if os.path.islink(path) and is_photo_name(os.path.basename(path)):
        return N_("links to photos")
    ext = os.path.splitext(path)[1].lower()
    if ext in VIDEO_EXTENSIONS:
        return N_("videos")
    if ext in SIDECAR_EXTENSIONS:
        return N_("sidecars and metadata")
    if ext in DOCUMENT_EXTENSIONS:
        return N_("documents")
    return N_("other files")
