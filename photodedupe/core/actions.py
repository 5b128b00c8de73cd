"""Moving the marked photos to the trash, safely, and Undo.

``plan_trash`` says what would happen (counts, bytes, emptied groups) so the
app can ask for confirmation; ``move_to_trash`` carries it out file by file,
skipping any file that changed on disk since it was scanned or that lies in a
reference folder; ``restore`` puts a batch back. Every file ends up in the
report as moved or failed, with the reason: nothing is silent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from photodedupe.core.model import Group, Photo
from photodedupe.core.progress import CancelToken
from photodedupe.core.rules import in_folders
from photodedupe.core.trash import TrashedFile, TrashError


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

    def move(self, path: str) -> TrashedFile: ...
    def restore(self, item: TrashedFile) -> None: ...


def _unchanged(photo: Photo) -> str | None:
    """None if the file is as scanned, else why not."""
    try:
        st = os.stat(photo.path)
    except FileNotFoundError:
        return "it is gone from its folder already"
    except OSError as exc:
        return f"it cannot be checked ({exc.strerror or exc})"
    if st.st_size != photo.file.size or st.st_mtime_ns != photo.file.mtime_ns:
        return "it changed on disk since the scan; scan again to review it"
    return None


def move_to_trash(
    plan: TrashPlan,
    trash: Trash,
    reference_folders: Sequence[str] = (),
    *,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> TrashReport:
    """Move the plan's photos to ``trash`` one by one; a failure never stops the others."""
    report = TrashReport()
    for done, photo in enumerate(plan.photos):
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        if in_folders(photo.path, reference_folders):
            report.failed.append(Failure(photo.path, "it is in a reference folder, which is never touched"))
        elif (why := _unchanged(photo)) is not None:
            report.failed.append(Failure(photo.path, why))
        else:
            try:
                report.moved.append(trash.move(photo.path))
            except TrashError as exc:
                report.failed.append(Failure(photo.path, str(exc)))
        if on_progress is not None:
            on_progress(done + 1, plan.count)
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
