"""Plain value types shared by every stage of a scan."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from photodedupe.core.i18n import N_, Nn_, _, said

if TYPE_CHECKING:
    from photodedupe.core.xmp import Edits

#: ``Member.distance`` of a photo whose hash was never compared with the keeper's within the
#: slider's range: it joined the group through the photo its star was built around (uint16's
#: largest value: distances are stored as uint16).
NOT_COMPARED = 65535


class Flag(StrEnum):
    """What Lightroom's keys say of a frame: P picks it (kept, never marked), X rejects it (marked for the
    trash), U clears both. The values are what the app's settings keep."""

    PICK = "pick"
    REJECT = "reject"
    NONE = "none"


#: How the groups can be listed, in the words the window uses: the key, then what a user reads.
GROUP_ORDERS = {
    "saving": N_("Space freed"),
    "photos": N_("Most photos"),
    "taken": N_("Date taken"),
    "folder": N_("Folder"),
}


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file found on disk, and what tells whether it is still the same file.

    Size and modification time can be set by anyone (``touch -d``, a copy that keeps
    times), so another photo of the same size and time could pass for this one; the
    inode and the change time (``ctime``, which only the system sets) cannot. 0 means
    not known (an entry recorded by an earlier version): size and time decide alone.
    """

    path: str
    size: int
    mtime_ns: int
    ino: int = 0
    ctime_ns: int = 0

    @staticmethod
    def of(path: str, st: os.stat_result) -> FileEntry:
        return FileEntry(path, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)

    def same_as(self, st: os.stat_result) -> bool:
        """``st`` (the file on disk now) is this file as it was recorded."""
        if (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns):
            return False
        return not self.ino or (st.st_ino, st.st_ctime_ns) == (self.ino, self.ctime_ns)


#: Each kind of companion in a user's words.
#: (English: translate where shown, with ``i18n._``; JSON and the journal keep them as they are.)
KINDS: dict[str, str] = {
    "xmp": N_("XMP sidecar"),
    "pp3": N_("RawTherapee settings"),
    "dop": N_("DxO settings"),
    "live": N_("Live Photo video"),
    "aae": N_("iPhone edits"),
    "json": N_("Google Takeout metadata"),
}
#: Each kind counted: (one, many), with ``{n}`` for the count (``i18n.n_`` picks the form).
NOUNS: dict[str, tuple[str, str]] = {
    "xmp": Nn_("{n} XMP sidecar", "{n} XMP sidecars"),
    "pp3": Nn_("{n} RawTherapee profile", "{n} RawTherapee profiles"),
    "dop": Nn_("{n} DxO settings file", "{n} DxO settings files"),
    "live": Nn_("{n} Live Photo video", "{n} Live Photo videos"),
    "aae": Nn_("{n} iPhone edit file", "{n} iPhone edit files"),
    "json": Nn_("{n} Takeout JSON file", "{n} Takeout JSON files"),
}
#: The short word on a tile's badge.
BADGES: dict[str, str] = {
    "xmp": "XMP", "pp3": "PP3", "dop": "DxO", "live": "Live", "aae": "AAE", "json": "JSON"
}  # fmt: skip
#: Kinds that are the user's own work on the photo: keeping the copy that has them keeps the work.
WORK_KINDS = frozenset({"pp3", "dop", "live", "aae"})


@dataclass(frozen=True, slots=True)
class Companion:
    """A file that belongs to a photo and travels with it."""

    path: str
    kind: str  # a key of KINDS
    size: int
    mtime_ns: int
    #: every photo it belongs to, by path (more than one for a shared sidecar)
    owners: tuple[str, ...] = ()
    #: what an XMP sidecar records (None for other kinds, or when it could not be read)
    edits: Edits | None = None
    #: why an XMP sidecar's contents could not be read ("" if they could)
    problem: str = ""

    @property
    def entry(self) -> FileEntry:
        return FileEntry(self.path, self.size, self.mtime_ns)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def is_work(self) -> bool:
        """It holds the user's work: edits, a rating, a label, keywords, a video."""
        return self.kind in WORK_KINDS or bool(self.edits and self.edits.any)

    def badge(self) -> str:
        """ "XMP ★5", "Live", "AAE"…: what a tile shows."""
        word = BADGES[self.kind]
        if self.edits and self.edits.rating is not None and self.edits.rating < 0:
            return f"{word} ✕"
        if self.edits and self.edits.rating:
            return f"{word} ★{self.edits.rating}"
        return word

    def as_dict(self) -> dict[str, object]:
        """For JSON reports: where it is, what it is, and what an XMP sidecar records."""
        out: dict[str, object] = {"path": self.path, "kind": self.kind, "size": self.size}
        if len(self.owners) > 1:
            out["shared_with"] = list(self.owners)
        if self.edits is not None:
            e = self.edits
            out |= {"rating": e.rating, "label": e.label or None, "keywords": list(e.keywords)}
            out["develop"] = e.develop
        if self.problem:
            out["problem"] = self.problem
        return out

    def words(self) -> str:
        """ "DSC_1872.NEF.xmp (XMP sidecar: 5 stars · Red)", for lists and reports."""
        kind = _(KINDS[self.kind])
        if self.edits and self.edits.any:
            kind = _("{kind}: {edits}").format(kind=kind, edits=self.edits.words())
        elif self.problem:
            kind = _("{kind}: unreadable, {problem}").format(kind=kind, problem=said(self.problem))
        return f"{self.name} ({kind})"


@dataclass(frozen=True, slots=True, kw_only=True)
class PhotoInfo:
    """What decoding a photo tells us: its hash and what the app shows about it.

    Made by keyword only: the cache stores each field in a column of its name (find.cache).
    ``width`` and ``height`` are as displayed (EXIF orientation applied).
    ``taken`` is the EXIF date taken as ISO 8601 ("2021-07-04T18:30:00"), if any.
    """

    hash: int
    width: int
    height: int
    taken: str | None = None
    camera: str | None = None
    #: dHash of the picture inside any frame, in the 8 orientations (features.orientations),
    #: packed big-endian one after the other: bytes, not ints, so a million of them load
    #: from the cache and reach numpy without a Python object per hash
    content: bytes = b""
    #: 32×32 grayscale thumbnail of that picture, for verifying candidate pairs
    thumb: bytes = b""
    #: dHash of 90 % windows of that picture (3×3 positions) and of it straightened by ±2.25°
    #: (features.WINDOW_COUNT), packed like ``content``: a cropped or straightened copy is close
    #: to one of them
    windows: bytes = b""
    #: the rest of the metadata (lens, exposure, GPS, …) as compact JSON: metadata.Details
    details: str = ""
    #: the format the file really is, from its content ("JPEG", "PNG", "HEIF", "DNG"…), not its name
    format: str = ""
    #: a JPEG's quality (1–100) from its quantisation tables; 0 for other formats (traits.jpeg_quality)
    quality: int = 0
    #: the picture inside any frame (letterbox bars, a viewer's window), in the photo's own pixels
    picture_width: int = 0
    picture_height: int = 0
    #: the decoder filled lost data with grey: shown as damaged, never the copy to keep
    damaged: bool = False
    #: stored without colour (one grey channel): a grey copy of a colour photo holds less
    grey: bool = False
    #: 8×8 grey levels of that picture (traits.tone): which copy the others were made from
    tone: bytes = b""

    @property
    def picture_pixels(self) -> int:
        """Pixels of the picture itself; the canvas where no frame was measured."""
        return (self.picture_width * self.picture_height) or self.width * self.height

    def orientations(self) -> list[int]:
        """The hash, then the picture's in the other 7 orientations (when ``content`` holds them):
        a flipped or turned copy is close to one of them."""
        size = len(self.content) // 8
        if not size:
            return [self.hash]
        chunks = range(size, len(self.content), size)
        return [self.hash, *(int.from_bytes(self.content[k : k + size], "big") for k in chunks)]

    @property
    def framed(self) -> bool:
        """The picture sits inside a frame (bars, a window) that is not part of the photo."""
        return bool(self.picture_width) and (self.picture_width, self.picture_height) != (
            self.width,
            self.height,
        )


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo that was hashed: the file plus its decoded information."""

    file: FileEntry
    info: PhotoInfo
    digest: bytes | None = None
    #: the files that belong to it and travel with it (sidecars, a Live Photo's video…)
    companions: tuple[Companion, ...] = ()

    @property
    def path(self) -> str:
        return self.file.path


class Problem(NamedTuple):
    """A file that could not be read, used, moved or written, and why, in words a user understands.

    The one shape of (path, reason) every stage reports in: a scan's unreadable files, a batch's
    files that stayed, the sidecars a merge or an Undo could not write.
    """

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Member:
    """One photo in a group: an index into the scan's photos and its distance to the reference."""

    index: int
    distance: int
    identical: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """Near-duplicate photos built around ``members[0]``, the reference photo.

    Every other member is within the threshold of the reference, so groups
    never chain unrelated photos together.
    """

    members: tuple[Member, ...]

    @property
    def reference(self) -> int:
        return self.members[0].index


@dataclass(slots=True)
class ScanStats:
    files: int = 0
    hashed: int = 0
    from_cache: int = 0
    seconds: float = 0.0
    skipped: int = 0  # files that are not photos by their name (videos, documents, sidecars)
