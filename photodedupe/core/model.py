"""Plain value types shared by every stage of a scan."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file found on disk; ``size`` and ``mtime_ns`` decide whether the cache is still valid."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    """What decoding a photo tells us: its hash and what the app shows about it.

    ``width`` and ``height`` are as displayed (EXIF orientation applied).
    ``taken`` is the EXIF date taken as ISO 8601 ("2021-07-04T18:30:00"), if any.
    """

    hash: int
    width: int
    height: int
    taken: str | None = None
    camera: str | None = None
    #: dHash of the picture inside any frame, in the 8 orientations (features.orientations)
    content: tuple[int, ...] = ()
    #: 32×32 grayscale thumbnail of that picture, for verifying candidate pairs
    thumb: bytes = b""
    #: dHash of 90 % windows of that picture (4 corners, centre): a cropped copy is close to one
    windows: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo that was hashed: the file plus its decoded information."""

    file: FileEntry
    info: PhotoInfo
    digest: bytes | None = None

    @property
    def path(self) -> str:
        return self.file.path


@dataclass(frozen=True, slots=True)
class ScanError:
    """A file that could not be used, and why, in words a user understands."""

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
