"""Moving the marked photos to the trash, safely, and Undo.

``plan_trash`` says what would happen (counts, bytes, emptied groups) so the
app can ask for confirmation; ``move_to_trash`` carries it out file by file,
skipping any file that changed on disk since it was scanned or that lies in a
reference folder, and journals the batch; ``undo_batch`` puts a batch back and
``resume_batch`` finishes one a crash interrupted. Every file ends up in the
report as moved or failed, with the reason: nothing is silent.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from photodedupe.core import folder_move
from photodedupe.core.journal import Batch, Journal, batch_lock, record_restored, record_settled
from photodedupe.core.model import FileEntry, Group, Photo
from photodedupe.core.progress import CancelToken
from photodedupe.core.protection import Protection
from photodedupe.core.trash import BeforeMove, TrashedFile, TrashError, system_trash

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TrashPlan:
    photos: tuple[Photo, ...]
    total_bytes: int
    emptied_groups: int  # groups every photo of which is marked: they would be gone entirely
    #: for each photo, the photos of its group that stay: one of them must still be on disk,
    #: as scanned, when it is moved (empty for a group the user agreed to empty)
    kept: tuple[tuple[FileEntry, ...], ...] = ()

    @property
    def count(self) -> int:
        return len(self.photos)


@dataclass(slots=True)
class Failure:
    path: str
    reason: str


@dataclass(slots=True)
class TrashReport:
    moved: list[TrashedFile] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the batch stopped before its end, if a fault stopped it


@dataclass(slots=True)
class RestoreReport:
    restored: list[TrashedFile] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


def plan_trash(
    photos: Sequence[Photo],
    groups: Sequence[Group],
    marked: set[int],
    reference_folders: Sequence[str] | Protection = (),
) -> TrashPlan:
    """The marked photos that may go (never one in a reference folder), in group order."""
    protection = (
        reference_folders if isinstance(reference_folders, Protection) else Protection(reference_folders)
    )
    chosen: list[Photo] = []
    kept: list[tuple[FileEntry, ...]] = []
    emptied = 0
    for group in groups:
        members = [m.index for m in group.members]
        picked = [k for k in members if k in marked and not protection.covers(photos[k].path)]
        if picked and len(picked) == len(members):
            emptied += 1
        staying = tuple(photos[k].file for k in members if k not in picked)
        chosen.extend(photos[k] for k in picked)
        kept.extend(staying for _ in picked)
    return TrashPlan(tuple(chosen), sum(p.file.size for p in chosen), emptied, tuple(kept))


class Trash(Protocol):
    """What ``move_to_trash`` needs of a trash (``core.trash`` has the real ones)."""

    def move(self, path: str, before: BeforeMove | None = None) -> TrashedFile: ...
    def restore(self, item: TrashedFile) -> None: ...


class WouldEmptyGroups(Exception):
    """The plan leaves no photo of some group, and that was not confirmed."""


def _unchanged(entry: FileEntry) -> str | None:
    """None if the file is as scanned, else why not."""
    try:
        st = os.stat(entry.path)
    except FileNotFoundError:
        return "it is gone from its folder already"
    except OSError as exc:
        return f"it cannot be checked ({exc.strerror or exc})"
    if st.st_size != entry.size or st.st_mtime_ns != entry.mtime_ns:
        return "it changed on disk since the scan; scan again to review it"
    return None


def move_to_trash(
    plan: TrashPlan,
    trash: Trash,
    reference_folders: Sequence[str] | Protection = (),
    *,
    journal_folder: str | os.PathLike[str] | None = None,
    confirmed_emptying: bool = False,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> TrashReport:
    """Move the plan's photos to ``trash`` one by one; a failure never stops the others.

    Raises ``WouldEmptyGroups`` before touching anything if the plan leaves a
    group with no photo and ``confirmed_emptying`` is not set (the app asks a
    second time). With ``journal_folder`` the batch is journaled (see ``journal``):
    Undo works from any later run, and a kill mid-batch loses nothing; and it
    waits for any other batch (another window, a ``clean --apply``) to end
    first, calling ``on_wait`` once if it has to.
    """
    if plan.emptied_groups and not confirmed_emptying:
        raise WouldEmptyGroups(f"{plan.emptied_groups} group(s) would have no photo left")
    kept = plan.kept or tuple(() for _ in plan.photos)
    moves = [(p.file, k) for p, k in zip(plan.photos, kept, strict=True)]
    return _move_files(moves, trash, reference_folders, journal_folder, cancel, on_progress, on_wait)


def mover_for(batch: Batch) -> Trash:
    """What put a journaled batch's files where they are: the trash, or a folder move."""
    if batch.mover.get("kind") == folder_move.KIND:
        m = batch.mover
        return folder_move.FolderMove(m["destination"], m.get("roots", ()), m.get("keep", True))
    return system_trash()


def _kept_on_disk(kept: Sequence[FileEntry]) -> str | None:
    """None if a photo its group keeps is still on disk as scanned (or none was planned), else why not."""
    if not kept or any(_unchanged(entry) is None for entry in kept):
        return None
    return "no photo of its group is left on disk as it was scanned (another batch moved it); it stays"


_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS)


def _move_files(
    moves: Sequence[tuple[FileEntry, Sequence[FileEntry]]],
    trash: Trash,
    reference_folders: Sequence[str] | Protection,
    journal_folder: str | os.PathLike[str] | None,
    cancel: CancelToken | None,
    on_progress: Callable[[int, int], None] | None,
    on_wait: Callable[[], None] | None = None,
) -> TrashReport:
    """Each file, in order: still allowed and as planned right before it moves, or left with the reason."""
    report = TrashReport()
    if not moves:
        return report
    protection = (
        reference_folders if isinstance(reference_folders, Protection) else Protection(reference_folders)
    )
    with batch_lock(journal_folder, cancel, on_wait) as free:
        if not free:  # cancelled while another batch ran
            report.cancelled = True
            return report
        try:
            head = trash.journal_head() if hasattr(trash, "journal_head") else None
            journal = Journal.begin(journal_folder, moves, head) if journal_folder is not None else None
        except OSError as exc:
            reason = f"the batch's journal cannot be written ({exc.strerror or exc}); nothing was moved"
            report.failed = [Failure(f.path, reason) for f, _ in moves]
            return report
        _move_each(moves, trash, protection, journal, cancel, on_progress, report)
    return report


def _move_each(
    moves: Sequence[tuple[FileEntry, Sequence[FileEntry]]],
    trash: Trash,
    protection: Protection,
    journal: Journal | None,
    cancel: CancelToken | None,
    on_progress: Callable[[int, int], None] | None,
    report: TrashReport,
) -> None:
    def fail(path: str, reason: str) -> None:
        log.warning("not moved to the trash: %s: %s", path, reason)
        report.failed.append(Failure(path, reason))
        if journal is not None:
            journal.failed(path, reason)

    ended = False
    try:
        for done, (entry, kept) in enumerate(moves):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            if protection.covers(entry.path):
                fail(entry.path, "it is in a reference folder, which is never touched")
            elif (why := _unchanged(entry) or _kept_on_disk(kept)) is not None:
                fail(entry.path, why)
            else:
                before = partial(journal.moving, entry.path) if journal is not None else None
                try:
                    item = trash.move(entry.path, before)
                except TrashError as exc:
                    fail(entry.path, str(exc))
                else:
                    log.info("moved to the trash: %s -> %s", entry.path, item.location)
                    report.moved.append(item)
                    if journal is not None:
                        journal.moved(item)
            if on_progress is not None:
                on_progress(done + 1, len(moves))
        ended = not report.cancelled
    except OSError as exc:  # the journal's own disk is full or failing: stop while nothing is unknown
        if exc.errno not in _DISK_FULL:
            raise
        log.error("batch stopped: its journal cannot be written (%s)", exc)
        handled = {t.original for t in report.moved} | {f.path for f in report.failed}
        reason = f"not moved: the batch stopped because its journal cannot be written ({exc.strerror})"
        report.failed += [Failure(f.path, reason) for f, _ in moves if f.path not in handled]
        report.stopped = reason
    finally:
        if journal is not None:
            # A batch stopped before its end (cancelled, Ctrl+C, a fault) stays resumable.
            journal.close(finished=ended)


def restore(items: Sequence[TrashedFile], trash: Trash) -> RestoreReport:
    """Put trashed files back where they were (Undo)."""
    report = RestoreReport()
    for item in items:
        try:
            trash.restore(item)
            report.restored.append(item)
            log.info("put back from the trash: %s", item.original)
        except TrashError as exc:
            log.warning("not put back: %s: %s", item.original, exc)
            report.failed.append(Failure(item.original, str(exc)))
    return report


def undo_batch(batch: Batch, trash: Trash) -> RestoreReport:
    """Put back every file of a journaled batch still in the trash, and write down what came back."""
    report = restore(batch.in_trash, trash)
    record_restored(batch, [item.original for item in report.restored])
    if batch.interrupted:
        record_settled(batch)  # what it never moved stays where it is
    return report


def resume_batch(
    batch: Batch,
    trash: Trash,
    reference_folders: Sequence[str] = (),
    *,
    journal_folder: str | os.PathLike[str] | None = None,
) -> TrashReport:
    """Finish an interrupted batch: move the files it never got to, if they are as planned."""
    moves = [(f, batch.kept.get(f.path, ())) for f in batch.pending]
    report = _move_files(moves, trash, reference_folders, journal_folder, None, None)
    record_settled(batch)
    return report
