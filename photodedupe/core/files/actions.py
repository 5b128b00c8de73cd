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

from photodedupe.core.details import edits_in_file, embedded
from photodedupe.core.files import folder_move
from photodedupe.core.files.journal import (
    Batch,
    Journal,
    JournalUnusable,
    batch_lock,
    record_abandoned,
    record_moved,
    record_moving,
    record_restored,
    record_settled,
    record_unmerged,
)
from photodedupe.core.files.sidecars import DEFAULT_STYLE, SidecarWriter, take_back
from photodedupe.core.files.trash import BeforeMove, Gone, RecordedMove, TrashedFile, TrashError, system_trash
from photodedupe.core.i18n import N_
from photodedupe.core.model import KINDS, Companion, FileEntry, Group, Photo, Problem
from photodedupe.core.progress import CancelToken
from photodedupe.core.protection import Protection
from photodedupe.core.xmp import Edits, XmpError, combined
from photodedupe.core.xmp import read as read_xmp

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TrashPlan:
    photos: tuple[Photo, ...]
    total_bytes: int
    emptied_groups: int  # groups every photo of which is marked: they would be gone entirely
    #: for each photo, the photos of its group that stay: one of them must still be on disk,
    #: as scanned, when it is moved (empty for a group the user agreed to empty)
    kept: tuple[tuple[FileEntry, ...], ...] = ()
    #: for each photo, the files that go with it (a sidecar shared with a photo that stays does not)
    companions: tuple[tuple[Companion, ...], ...] = ()
    #: copies of one picture: a trashed copy's rating and keywords go to the kept one's sidecar
    #: (not for a shoot's frames, each a picture of its own)
    merge_edits: bool = True

    @property
    def count(self) -> int:
        return len(self.photos)

    @property
    def companion_count(self) -> int:
        return sum(len(c) for c in self.companions)

    @property
    def companion_bytes(self) -> int:
        return sum(c.size for cs in self.companions for c in cs)


@dataclass(slots=True)
class TrashReport:
    moved: list[TrashedFile] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the batch stopped before its end, if a fault stopped it
    #: by photo path: the files that went with it
    carried: dict[str, list[TrashedFile]] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)  # kept photos' sidecars that took a trashed copy's rating
    notes: list[Problem] = field(default_factory=list)  # what went right but not wholly (a merge refused)

    @property
    def companions(self) -> list[TrashedFile]:
        """Every file that went with a photo."""
        return [t for went in self.carried.values() for t in went]


@dataclass(slots=True)
class RestoreReport:
    restored: list[TrashedFile] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    companions: list[TrashedFile] = field(default_factory=list)  # files put back with their photos
    unmerged: list[str] = field(default_factory=list)  # sidecars given back their own rating
    gone: list[str] = field(default_factory=list)  # files that can never be put back (trash.Gone)


def plan_trash(
    photos: Sequence[Photo],
    groups: Sequence[Group],
    marked: set[int],
    reference_folders: Sequence[str] | Protection = (),
    *,
    merge_edits: bool = True,
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
    size = sum(p.file.size for p in chosen)
    return TrashPlan(tuple(chosen), size, emptied, tuple(kept), _travelling(chosen), merge_edits)


def _travelling(going: Sequence[Photo]) -> tuple[tuple[Companion, ...], ...]:
    """For each photo going, its companions that go too.

    A companion shared by several photos goes with the last of them, and only
    if every one of them goes: otherwise it stays with the photo that stays.
    """
    order = {p.path: n for n, p in enumerate(going)}
    out = []
    for n, photo in enumerate(going):
        out.append(
            tuple(
                c
                for c in photo.companions
                if all(o in order for o in c.owners) and max(order[o] for o in c.owners) == n
            )
        )
    return tuple(out)


class Trash(Protocol):
    """What ``move_to_trash`` needs of a trash (``core.files.trash`` has the real ones).

    ``beside``: for a companion, where its photo went (a folder move names it to match).
    """

    def move(
        self, path: str, before: BeforeMove | None = None, beside: TrashedFile | None = None
    ) -> TrashedFile: ...
    def restore(self, item: TrashedFile) -> None: ...
    def journal_head(self) -> RecordedMove:
        """Where it moves files, for the batch's journal (Undo and resume rebuild it from that)."""
        ...


#: One file to move: (the photo, the photos of its group that stay, the companions that go with it).
Unit = tuple[FileEntry, Sequence[FileEntry], Sequence[Companion]]


class WouldEmptyGroups(Exception):
    """The plan leaves no photo of some group, and that was not confirmed."""


def _unchanged(entry: FileEntry) -> str | None:
    """None if the file is as scanned, else why not."""
    try:
        st = os.stat(entry.path)
    except FileNotFoundError:
        return N_("it is gone from its folder already")
    except OSError as exc:
        return N_("it cannot be checked ({error})").format(error=exc.strerror or exc)
    if not entry.same_as(st):  # size and time, and the inode and change time that nobody sets
        return N_("it changed on disk since the scan; scan again to review it")
    return None


def move_to_trash(
    plan: TrashPlan,
    trash: Trash,
    reference_folders: Sequence[str] | Protection = (),
    *,
    whole: WholeCheck,
    journal_folder: str | os.PathLike[str] | None = None,
    confirmed_emptying: bool = False,
    cancel: CancelToken | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
    sidecar_style: str = DEFAULT_STYLE,
) -> TrashReport:
    """Move the plan's photos, each with its companions, to ``trash``; a failure never stops the others.

    Raises ``WouldEmptyGroups`` before touching anything if the plan leaves a
    group with no photo and ``confirmed_emptying`` is not set (the app asks a
    second time). A copy goes only while a photo its group keeps is on disk and ``whole``
    finds it readable in full. With ``journal_folder`` the batch is journaled (see ``journal``):
    Undo works from any later run, and a kill mid-batch loses nothing; and it
    waits for any other batch (another window, a ``clean --apply``) to end
    first, calling ``on_wait`` once if it has to. A trashed photo's rating,
    label and keywords are merged into the sidecar of the photo its group keeps
    (journaled batches only: Undo takes the merge back); ``sidecar_style``
    names a new sidecar (``sidecars.STYLES``).
    """
    if plan.emptied_groups and not confirmed_emptying:
        raise WouldEmptyGroups(f"{plan.emptied_groups} group(s) would have no photo left")
    kept = plan.kept or tuple(() for _ in plan.photos)
    companions = plan.companions or tuple(() for _ in plan.photos)
    moves = [(p.file, k, c) for p, k, c in zip(plan.photos, kept, companions, strict=True)]
    style = sidecar_style if plan.merge_edits else None
    return _move_files(
        moves, trash, reference_folders, journal_folder, whole, cancel, on_progress, on_wait, style
    )


def mover_for(batch: Batch) -> Trash:
    """What put a journaled batch's files where they are: the trash, or a folder move."""
    m = batch.mover
    if m.kind == folder_move.KIND:
        return folder_move.FolderMove(m.destination, m.roots, m.keep_folders)
    return system_trash()


#: Why a photo cannot be read in full, or None when it can (``decode.why_not_whole``): reading
#: photos is finding's work; moving files asks it of each photo a group keeps before its copies go.
WholeCheck = Callable[[str], "str | None"]


class _KeptPhotos:
    """Whether a group still keeps a photo on disk, as scanned and readable in full, when a copy goes.

    The scan hashed from a reduced decode, a thumbnail or a preview: a kept photo whose data
    was damaged there would pass. Each kept photo is read in full once per batch (``whole``),
    and only when a copy of it is about to go.
    """

    def __init__(self, whole: WholeCheck) -> None:
        self._whole = whole
        self._read: dict[str, str | None] = {}  # path: why it cannot be read in full, or None

    def missing(self, kept: Sequence[FileEntry]) -> str | None:
        """None if a photo its group keeps is on disk and whole (or none was planned), else why not."""
        if not kept:
            return None
        on_disk = [entry for entry in kept if _unchanged(entry) is None]
        if not on_disk:
            return (
                "no photo of its group is left on disk as it was scanned (another batch moved it); it stays"
            )
        for entry in on_disk:
            if (damage := self._damage(entry.path)) is None:
                return None
        return N_("the photo its group keeps cannot be read in full ({damage}); its copies stay").format(
            damage=damage
        )

    def _damage(self, path: str) -> str | None:
        if path not in self._read:
            self._read[path] = why = self._whole(path)
            if why is not None:
                log.warning("a kept photo cannot be read in full: %s (%s)", path, why)
        return self._read[path]


_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS)


def _move_files(
    moves: Sequence[Unit],
    trash: Trash,
    reference_folders: Sequence[str] | Protection,
    journal_folder: str | os.PathLike[str] | None,
    whole: WholeCheck,
    cancel: CancelToken | None,
    on_progress: Callable[[int, int], None] | None,
    on_wait: Callable[[], None] | None = None,
    sidecar_style: str | None = DEFAULT_STYLE,
) -> TrashReport:
    """Each file, in order: still allowed and as planned right before it moves, or left with the reason."""
    report = TrashReport()
    if not moves:
        return report
    protection = (
        reference_folders if isinstance(reference_folders, Protection) else Protection(reference_folders)
    )
    try:
        with batch_lock(journal_folder, cancel, on_wait) as free:
            if not free:  # cancelled while another batch ran
                report.cancelled = True
                return report
            try:
                head = trash.journal_head()
                journal = Journal.begin(journal_folder, moves, head) if journal_folder is not None else None
            except OSError as exc:
                reason = N_("the batch's journal cannot be written ({error}); nothing was moved").format(
                    error=exc.strerror or exc
                )
                report.failed = [Problem(f.path, reason) for f, _, _ in moves]
                return report
            mover = _Mover(trash, journal, report, sidecar_style, protection)
            _move_each(moves, mover, protection, _KeptPhotos(whole), cancel, on_progress)
    except JournalUnusable as exc:  # raised only on taking the lock: before anything moved
        report.failed = [
            Problem(f.path, N_("{error}; nothing was moved").format(error=exc)) for f, _, _ in moves
        ]
        report.stopped = str(exc)
    return report


def _companions_going(photo: str, companions: Sequence[Companion]) -> tuple[list[Companion], str | None]:
    """(the companions to move now, None) or ([], why the photo must stay).

    One gone already is left out; one shared with a photo still on disk stays
    with it; one changed since the scan stops its photo (the user may have
    rated it since).
    """
    going = []
    for c in companions:
        try:
            st = os.lstat(c.path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            return [], N_("its {kind} {name} cannot be checked ({error}); it stays").format(
                kind=KINDS[c.kind], name=c.name, error=exc.strerror or exc
            )
        if any(o != photo and os.path.lexists(o) for o in c.owners):
            continue
        if (st.st_size, st.st_mtime_ns) != (c.size, c.mtime_ns) and not os.path.islink(c.path):
            return [], N_("its {kind} {name} changed since the scan; scan again to review it").format(
                kind=KINDS[c.kind], name=c.name
            )
        going.append(c)
    return going, None


class _Mover:
    """Moves one photo and its companions as one: all of them go, or none does."""

    def __init__(
        self,
        trash: Trash,
        journal: Journal | None,
        report: TrashReport,
        style: str | None,
        protection: Protection | None = None,
    ) -> None:
        """``style``: how a new sidecar is named when edits are merged; None merges nothing.

        Nothing is ever written under a ``protection`` (reference) folder, a sidecar included.
        """
        self.trash, self.journal, self.report = trash, journal, report
        self.protection = protection or Protection()
        self.writer = SidecarWriter(journal, style) if journal is not None and style is not None else None

    def fail(self, path: str, reason: str) -> None:
        log.warning("not moved to the trash: %s: %s", path, reason)
        self.report.failed.append(Problem(path, reason))
        if self.journal is not None:
            self.journal.failed(path, reason)

    def _one(self, path: str, beside: TrashedFile | None = None) -> TrashedFile:
        """Move one file and write it down; a journal that cannot be written still reports the move."""
        before = partial(self.journal.moving, path) if self.journal is not None else None
        item = self.trash.move(path, before, beside) if beside is not None else self.trash.move(path, before)
        if self.journal is not None:
            try:
                self.journal.moved(item, beside.original if beside is not None else None)
            except OSError:  # the disk filled: the file did move (its "moving" record says where)
                self._landed(item) if beside is None else self._landed(beside, [item])
                raise
        return item

    def _landed(self, photo: TrashedFile, companions: Sequence[TrashedFile] = ()) -> None:
        """A unit cut short by a journal that cannot be written: what did move is reported as moved."""
        if photo not in self.report.moved:
            self.report.moved.append(photo)
        if companions:
            went = self.report.carried.setdefault(photo.original, [])
            went.extend(c for c in companions if c not in went)

    def unit(self, entry: FileEntry, kept: Sequence[FileEntry], companions: Sequence[Companion]) -> None:
        going, why = _companions_going(entry.path, companions)
        if why is not None:
            self.fail(entry.path, why)
            return
        # Read before the sidecars move, and only where a merge can follow (it opens the photo).
        mergeable = bool(kept) and self.writer is not None
        edits = _edits(entry.path, [c for c in companions if c.kind == "xmp"]) if mergeable else None
        try:
            item = self._one(entry.path)
        except TrashError as exc:
            self.fail(entry.path, str(exc))
            return
        carried = self.companions(item, going)
        if carried is None:
            return
        log.info("moved to the trash: %s -> %s", entry.path, item.location)
        for c in carried:
            log.info("  with its companion %s -> %s", c.original, c.location)
        self.report.moved.append(item)
        if carried:
            self.report.carried[item.original] = carried
        if edits is not None and edits.any:
            self._merge(entry.path, kept[0].path, edits)

    def companions(self, item: TrashedFile, going: Sequence[Companion]) -> list[TrashedFile] | None:
        """Move ``going`` after their photo; if one cannot go, put all back and say why (None)."""
        carried: list[TrashedFile] = []
        for c in going:
            try:
                carried.append(self._one(c.path, item))
            except OSError:  # the journal's disk filled mid-unit: what moved is said as moved
                self._landed(item, carried)
                raise
            except TrashError as exc:
                stuck = self._put_back([item, *carried])
                where = (
                    N_("{file} could not be put back: undo the batch").format(file=stuck)
                    if stuck
                    else N_("it stays where it was")
                )
                self.fail(
                    item.original,
                    N_("its {kind} {name} could not be moved ({error}); {where}").format(
                        kind=KINDS[c.kind], name=c.name, error=exc, where=where
                    ),
                )
                return None
        return carried

    def _put_back(self, items: Sequence[TrashedFile]) -> str:
        """Restore what a failed unit had moved, last first; the names that stay in the trash, if any."""
        stuck = []
        for item in reversed(items):
            try:
                self.trash.restore(item)
            except TrashError:
                stuck.append(os.path.basename(item.original))
                continue
            if self.journal is not None:
                self.journal.restored(item.original)
        return ", ".join(stuck)

    def _merge(self, trashed: str, keeper: str, edits: Edits) -> None:
        assert self.writer is not None
        if self.protection.covers(keeper):
            note = N_(
                "its rating and keywords were not copied to {photo}: it is in a "
                "reference folder, which is never touched (they are in the trash, in its sidecar)"
            ).format(photo=os.path.basename(keeper))
            log.info("%s: %s", trashed, note)
            self.report.notes.append(Problem(trashed, note))
            return
        try:
            written = self.writer.change(keeper, merge=edits, own=embedded(edits_in_file(keeper)))
        except XmpError as exc:
            note = N_("its rating and keywords were not copied to {photo}'s sidecar: {error}").format(
                photo=os.path.basename(keeper), error=exc
            )
            log.warning("%s: %s", trashed, note)
            self.report.notes.append(Problem(trashed, note))
            return
        if written is not None:
            log.info("merged the edits of %s into %s", trashed, written)
            self.report.merged.append(written)


def _edits(photo: str, sidecars: Sequence[Companion]) -> Edits | None:
    """A photo's edits from its XMP sidecars and the XMP inside it, as they are now (None: none)."""
    found = [inside] if (inside := embedded(edits_in_file(photo))) is not None else []
    for c in sidecars:
        try:
            found.append(read_xmp(c.path))
        except XmpError:
            continue
    return combined(found) if found else None


def _move_each(
    moves: Sequence[Unit],
    mover: _Mover,
    protection: Protection,
    kept_photos: _KeptPhotos,
    cancel: CancelToken | None,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    report, journal = mover.report, mover.journal
    ended = False
    try:
        for done, (entry, kept, companions) in enumerate(moves):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            if protection.covers(entry.path):
                mover.fail(entry.path, N_("it is in a reference folder, which is never touched"))
            elif (why := _unchanged(entry) or kept_photos.missing(kept)) is not None:
                mover.fail(entry.path, why)
            else:
                mover.unit(entry, kept, companions)
            if on_progress is not None:
                on_progress(done + 1, len(moves))
        ended = not report.cancelled
    except OSError as exc:  # the journal's own disk is full or failing: stop while nothing is unknown
        if exc.errno not in _DISK_FULL:
            raise
        log.error("batch stopped: its journal cannot be written (%s)", exc)
        handled = {t.original for t in report.moved} | {f.path for f in report.failed}
        reason = N_("not moved: the batch stopped because its journal cannot be written ({error})").format(
            error=exc.strerror
        )
        report.failed += [Problem(f.path, reason) for f, _, _ in moves if f.path not in handled]
        report.stopped = reason
    finally:
        if journal is not None:
            # A batch stopped before its end (cancelled, Ctrl+C, a fault) stays resumable.
            journal.close(finished=ended)


def freed_bytes(report: TrashReport) -> int:
    """The bytes a batch really freed: a file with another hard link frees nothing.

    (Copy-on-write clones, which share blocks without a link count, still count whole.)
    """
    freed = 0
    for item in [*report.moved, *report.companions]:
        if item.location is None:
            continue
        try:
            st = os.lstat(item.location)
        except OSError:
            continue
        if st.st_nlink <= 1:
            freed += st.st_size
    return freed


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
            report.failed.append(Problem(item.original, str(exc)))
            if isinstance(exc, Gone):
                report.gone.append(item.original)
    return report


def undo_batch(batch: Batch, trash: Trash) -> RestoreReport:
    """Put back every file of a journaled batch still in the trash, companions included, and take
    back what it wrote into kept photos' sidecars; write down what came back."""
    vanished = batch.vanished
    report = restore(batch.in_trash, trash)
    for item in vanished:
        reason = (
            N_(
                "it is no longer in the trash as it went there (the trash was emptied since); another file "
                "in its place is not ours and was left as it is"
            )
            if item.location is not None and os.path.lexists(item.location)
            else N_("it is no longer in the trash (restored by hand, or the trash was emptied, since)")
        )
        report.failed.append(Problem(item.original, reason))
        report.gone.append(item.original)
    record_restored(batch, [item.original for item in report.restored])
    record_abandoned(batch, report.gone)  # said now; never again in the way of older batches
    companions = batch.companion_of
    report.companions = [t for t in report.restored if t.original in companions]
    report.restored = [t for t in report.restored if t.original not in companions]
    report.failed = [
        Problem(
            companions[f.path],
            N_("{file}, which travels with it: {reason}").format(
                file=os.path.basename(f.path), reason=f.reason
            ),
        )
        if f.path in companions
        else f
        for f in report.failed
    ]
    if n := batch.unreadable:
        # Kept in English in the report (``said`` translates it where shown): one template per form.
        lost = (
            N_(
                "1 record of this batch could not be read; files it names may still be in the trash; "
                "restore them from it"
            )
            if n == 1
            else N_(
                "{n} records of this batch could not be read; files they name may still be in the trash; "
                "restore them from it"
            ).format(n=n)
        )
        report.failed.append(Problem(str(batch.path), lost))
    unmerge = take_back(batch.merges_left)
    record_unmerged(batch, unmerge.restored)
    report.unmerged = unmerge.restored
    report.failed += [Problem(path, reason) for path, reason in unmerge.failed]
    if batch.interrupted:
        record_settled(batch)  # what it never moved stays where it is
    return report


def resume_batch(
    batch: Batch,
    trash: Trash,
    reference_folders: Sequence[str] = (),
    *,
    whole: WholeCheck,
    journal_folder: str | os.PathLike[str] | None = None,
) -> TrashReport:
    """Finish an interrupted batch: move the files it never got to, if they are as planned.

    A photo that went without all its companions (a kill in between) gets them now.
    """
    report = TrashReport()
    for photo, companions in batch.pending_companions:
        going, why = _companions_going(photo.original, companions)
        if why is not None:
            report.failed.append(Problem(photo.original, why))
            continue
        for c in going:
            try:
                item = trash.move(c.path, partial(record_moving, batch, c.path), photo)
            except TrashError as exc:
                report.failed.append(
                    Problem(
                        photo.original,
                        N_("{file} could not be moved: {error}").format(file=c.name, error=exc),
                    )
                )
                continue
            record_moved(batch, item, photo.original)
            report.carried.setdefault(photo.original, []).append(item)
    moves = [(f, batch.kept.get(f.path, ()), batch.companions.get(f.path, ())) for f in batch.pending]
    done = _move_files(moves, trash, reference_folders, journal_folder, whole, None, None)
    report.moved += done.moved
    for original, went in done.carried.items():
        report.carried.setdefault(original, []).extend(went)
    report.failed += done.failed
    report.merged += done.merged
    record_settled(batch)
    return report
