"""Writing to a kept photo's XMP sidecar: ratings merged from a trashed copy, culled picks, and Undo.

A photo's own bytes are never changed: ratings go into the sidecar the user's
editor reads. An existing sidecar decides where (``NAME.EXT.xmp`` or
``NAME.xmp``); without one, the style the user chose does: darktable and
digiKam read ``NAME.EXT.xmp``, Lightroom ``NAME.xmp``. Every write is
journaled first with a copy of the old bytes, so Undo puts the sidecar back
exactly as it was, or removes it if it was new, unless the user changed it
since (then it is left, and said so).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from photodedupe.core.files.journal import UNKNOWN_DIGEST, Journal, JournalUnusable, batch_lock
from photodedupe.core.files.trash import RecordedMove
from photodedupe.core.model import Problem
from photodedupe.core.progress import CancelToken
from photodedupe.core.xmp import Edits, XmpError, combined, read_bytes, with_changes, write_atomically

#: Where a new sidecar goes: the names darktable/digiKam and Lightroom read.
STYLES = {"darktable": "NAME.EXT.xmp (darktable, digiKam)", "lightroom": "NAME.xmp (Lightroom, Capture One)"}
DEFAULT_STYLE = "darktable"


def sidecar_path(photo: str, style: str = DEFAULT_STYLE) -> str:
    """The XMP sidecar a photo already has (any case), else where a new one goes in ``style``.

    ``NAME.EXT.xmp`` is preferred when both exist: it belongs to this file alone,
    while ``NAME.xmp`` may be shared with the RAW of the same shot.
    """
    folder, name = os.path.split(photo)
    stem = os.path.splitext(name)[0]
    wanted = [f"{name}.xmp".casefold(), f"{stem}.xmp".casefold()]
    try:
        present = {n.casefold(): n for n in os.listdir(folder or ".")}
    except OSError:
        present = {}
    for candidate in wanted:
        if candidate in present:
            return os.path.join(folder, present[candidate])
    return os.path.join(folder, f"{name}.xmp" if style == "darktable" else f"{stem}.xmp")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Recorder(Protocol):
    """What a sidecar write needs of the batch journal (``journal.Journal`` is one)."""

    def backup_path(self, n: int) -> os.PathLike[str]: ...
    def merging(self, sidecar: str, backup: str | None) -> None: ...
    def merged(self, sidecar: str, digest: str) -> None: ...


@dataclass(slots=True)
class SidecarWriter:
    """Writes sidecars for one batch, each write recorded before it happens."""

    journal: Recorder
    style: str = DEFAULT_STYLE
    written: list[str] = field(default_factory=list)

    def change(
        self, photo: str, *, rating: int | None = None, merge: Edits | None = None, own: Edits | None = None
    ) -> str | None:
        """Set a rating on, or merge edits into, ``photo``'s sidecar; its path if it changed, else None.

        ``own``: what the XMP inside ``photo`` records. A new sidecar starts from
        it (an editor reading the sidecar would otherwise lose it); an existing
        sidecar is what the user's editor already reads, so it is the base.
        Raises ``XmpError`` with the reason if the sidecar cannot be read or written.
        """
        path = sidecar_path(photo, self.style)
        exists = os.path.lexists(path)
        if exists and os.path.islink(path):
            raise XmpError(f"its sidecar {os.path.basename(path)} is a link; it is left as it is")
        base = read_bytes(path) if exists else None
        if base is None and own is not None and merge is not None:
            merge = combined([own, merge])
        new = with_changes(base, rating=rating, merge=merge)
        if new is None:
            return None
        backup = None
        if base is not None:
            backup = os.fspath(self.journal.backup_path(len(self.written)))
            try:
                with open(backup, "wb") as fh:
                    fh.write(base)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:
                reason = exc.strerror or exc
                raise XmpError(f"its old sidecar could not be kept for Undo ({reason})") from None
        self.journal.merging(path, backup)
        write_atomically(path, new)
        self.journal.merged(path, digest(new))
        self.written.append(path)
        return path


@dataclass(slots=True)
class Unmerge:
    restored: list[str] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)


def take_back(merges: Sequence[tuple[str, str | None, str]]) -> Unmerge:
    """Undo sidecar writes, newest first: the old bytes back, or a new sidecar removed.

    A sidecar changed since it was written (the user rated it again in their
    editor) is left as it is, with the reason.
    """
    out = Unmerge()
    for path, backup, expected in merges:
        if expected == UNKNOWN_DIGEST and backup is None and not os.path.lexists(path):
            out.restored.append(path)  # the new sidecar was never written
            continue
        try:
            current = read_bytes(path)
        except XmpError as exc:
            out.failed.append(Problem(path, f"its sidecar could not be taken back: {exc}"))
            continue
        if expected == UNKNOWN_DIGEST:  # a write a kill cut short: old bytes or ours, nobody else's
            pass
        elif digest(current) != expected:
            out.failed.append(
                Problem(path, "its sidecar changed after photodedupe wrote it; it is left as it is")
            )
            continue
        try:
            if backup is None:
                os.unlink(path)
            else:
                with open(backup, "rb") as fh:
                    write_atomically(path, fh.read())
        except (OSError, XmpError) as exc:
            out.failed.append(Problem(path, f"its sidecar could not be taken back: {exc}"))
            continue
        out.restored.append(path)
    return out


#: What the journal of a batch that only writes ratings says it was (``actions.mover_for`` reads it).
RATINGS_KIND = "ratings"


@dataclass(slots=True)
class RatingReport:
    written: list[tuple[str, str]] = field(default_factory=list)  # (photo, its sidecar)
    unchanged: list[str] = field(default_factory=list)  # photos whose sidecar already said so
    failed: list[Problem] = field(default_factory=list)
    cancelled: bool = False


def write_ratings(
    ratings: Sequence[tuple[str, int]],
    journal_folder: str | os.PathLike[str],
    style: str = DEFAULT_STYLE,
    cancel: CancelToken | None = None,
) -> RatingReport:
    """Write each photo's rating into its sidecar, as one batch that Undo takes back.

    Other fields of an existing sidecar are kept; a failure (a read-only
    folder, a damaged sidecar, a link) is reported and never stops the others.
    """
    report = RatingReport()
    try:
        with batch_lock(journal_folder, cancel) as free:
            if not free:
                report.cancelled = True
                return report
            with Journal.begin(journal_folder, [], RecordedMove(RATINGS_KIND)) as journal:
                _write_each(ratings, SidecarWriter(journal, style), cancel, report)
    except JournalUnusable as exc:  # raised only on taking the lock: before anything was written
        report.failed = [Problem(photo, f"{exc}; nothing was written") for photo, _ in ratings]
    return report


def _write_each(
    ratings: Sequence[tuple[str, int]],
    writer: SidecarWriter,
    cancel: CancelToken | None,
    report: RatingReport,
) -> None:
    for photo, rating in ratings:
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            return
        try:
            written = writer.change(photo, rating=rating)
        except XmpError as exc:
            report.failed.append(Problem(photo, str(exc)))
            continue
        if written is None:
            report.unchanged.append(photo)
        else:
            report.written.append((photo, written))
