"""Moving the marked photos to the trash, safely, and Undo.

``plan_trash`` says what would happen (counts, bytes, emptied groups) so the
app can ask for confirmation; ``move_to_trash`` carries it out file by file,
skipping any file that changed on disk since it was scanned or that lies in a
reference folder, and journals the batch; ``undo_batch`` puts a batch back and
``resume_batch`` finishes one a crash interrupted. Every file ends up in the
report as moved or failed, with the reason: nothing is silent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from photodedupe.core.journal import Batch, Journal, record_restored, record_settled
from photodedupe.core.model import FileEntry, Group, Photo
from photodedupe.core.progress import CancelToken
from photodedupe.core.rules import in_folders
from photodedupe.core.trash import BeforeMove, TrashedFile, TrashError


@dataclass(frozen=True, slots=True)
class TrashPlan:
    photos: tuple[Photo, ...]
    total_bytes: int
    emptied_groups: int  # groups every photo of which is marked: they would be gone entirely

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


@dataclass(slots=True)
class RestoreReport:
    restored: list[TrashedFile] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


def plan_trash(
    photos: Sequence[Photo], groups: Sequence[Group], marked: set[int], reference_folders: Sequence[str] = ()
) -> TrashPlan:
    """The marked photos that may go (never one in a reference folder), in group order."""
    chosen: list[Photo] = []
    emptied = 0
    for group in groups:
        members = [m.index for m in group.members]
        picked = [k for k in members if k in marked and not in_folders(photos[k].path, reference_folders)]
        if picked and len(picked) == len(members):
            emptied += 1
        chosen.extend(photos[k] for k in picked)
    return TrashPlan(tuple(chosen), sum(p.file.size for p in chosen), emptied)


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
    reference_folders: Sequence[str] = (),
    *,
    journal_folder: str | os.PathLike[str] | None = None,
    confirmed_emptying: bool = False,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> TrashReport:
    """Move the plan's photos to ``trash`` one by one; a failure never stops the others.

    Raises ``WouldEmptyGroups`` before touching anything if the plan leaves a
    group with no photo and ``confirmed_emptying`` is not set (the app asks a
    second time). With ``journal_folder`` the batch is journaled (see ``journal``):
    Undo works from any later run, and a kill mid-batch loses nothing.
    """
    if plan.emptied_groups and not confirmed_emptying:
        raise WouldEmptyGroups(f"{plan.emptied_groups} group(s) would have no photo left")
    return _move_files(
        [p.file for p in plan.photos], trash, reference_folders, journal_folder, cancel, on_progress
    )


def _move_files(
    files: Sequence[FileEntry],
    trash: Trash,
    reference_folders: Sequence[str],
    journal_folder: str | os.PathLike[str] | None,
    cancel: CancelToken | None,
    on_progress: Callable[[int, int], None] | None,
) -> TrashReport:
    report = TrashReport()
    journal = Journal.begin(journal_folder, files) if journal_folder is not None and files else None

    def fail(path: str, reason: str) -> None:
        report.failed.append(Failure(path, reason))
        if journal is not None:
            journal.failed(path, reason)

    try:
        for done, entry in enumerate(files):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            if in_folders(entry.path, reference_folders):
                fail(entry.path, "it is in a reference folder, which is never touched")
            elif (why := _unchanged(entry)) is not None:
                fail(entry.path, why)
            else:
                before = None
                if journal is not None:
                    before = partial(journal.moving, entry.path)
                try:
                    item = trash.move(entry.path, before)
                except TrashError as exc:
                    fail(entry.path, str(exc))
                else:
                    report.moved.append(item)
                    if journal is not None:
                        journal.moved(item)
            if on_progress is not None:
                on_progress(done + 1, len(files))
    finally:
        if journal is not None:
            journal.close()
    return report


def restore(items: Sequence[TrashedFile], trash: Trash) -> RestoreReport:
    """Put trashed files back where they were (Undo)."""
    report = RestoreReport()
    for item in items:
        try:
            trash.restore(item)
            report.restored.append(item)
        except TrashError as exc:
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
    report = _move_files(batch.pending, trash, reference_folders, journal_folder, None, None)
    record_settled(batch)
    return report
