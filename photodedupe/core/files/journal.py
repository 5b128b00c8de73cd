"""A write-ahead record of every batch of photos moved to the trash.

Before a file is renamed into the trash, the batch's journal says where it is
going; after the rename, that it went. If the process is killed in between,
the next run reads the journal, looks on disk which side of the rename each
file is on, and reports the batch as interrupted: the rest can be moved
(``resume``) or everything put back (``undo``). No photo is ever in an unknown
place. The same journal is how Undo works across runs, from the CLI or the app.

One JSON-lines file per batch, in the app's data folder. While a batch runs,
its writer holds an exclusive lock on the file, so another instance never
takes a running batch for an interrupted one. Each line is flushed before the
file moves: it survives the process being killed (the OS has it); the
trash's own ``.trashinfo`` records cover a power cut.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from photodedupe.core.files.trash import RecordedMove, TrashedFile
from photodedupe.core.i18n import N_
from photodedupe.core.model import Companion, FileEntry, Problem
from photodedupe.core.progress import CancelToken

#: One line of a journal, as JSON reads it.
Record = dict[str, Any]


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh: IO[Any], wait: bool) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _lock(fh: IO[Any], wait: bool) -> bool:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


log = logging.getLogger(__name__)

VERSION = 1
#: The digest of a sidecar write that a kill cut short: what it holds now is not known.
UNKNOWN_DIGEST = ""
_KEEP = 20  # finished batches kept for Undo; older journals are removed


@dataclass(slots=True)
class Batch:
    """What a journal says about one batch, once checked against the disk."""

    path: Path
    started: str
    planned: list[FileEntry]
    moved: list[TrashedFile] = field(default_factory=list)  # in the trash now (or restored: see below)
    failed: list[Problem] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    finished: bool = False  # the writer got to the end without dying or being stopped
    running: bool = False  # another process is writing it right now
    stopped: bool = False  # the writer was stopped (Cancel, Ctrl+C, a full disk) with files left
    #: where the files went: the trash, or a folder (what Undo and resume move them back with)
    mover: RecordedMove = field(default_factory=lambda: RecordedMove())
    #: by planned path: the photos of its group that stay (re-checked before it moves)
    kept: dict[str, tuple[FileEntry, ...]] = field(default_factory=dict)
    #: by planned path: the files that travel with it (model.Companion)
    companions: dict[str, tuple[Companion, ...]] = field(default_factory=dict)
    #: records that could not be read (a garbage line): Undo says so
    unreadable: int = 0
    #: sidecars of kept photos that received a trashed copy's rating, in order: (path, backup, digest)
    merged: list[tuple[str, str | None, str]] = field(default_factory=list)
    unmerged: list[str] = field(default_factory=list)  # merges Undo took back
    abandoned: list[str] = field(default_factory=list)  # files Undo can never put back (trash.Gone)

    @property
    def merges_left(self) -> list[tuple[str, str | None, str]]:
        """Merges into kept photos' sidecars that Undo has not taken back, newest first."""
        undone = list(self.unmerged)
        left = []
        for merge in reversed(self.merged):
            if merge[0] in undone:
                undone.remove(merge[0])
            else:
                left.append(merge)
        return left

    @property
    def companion_of(self) -> dict[str, str]:
        """Companion path → the planned photo it travels with."""
        return {c.path: photo for photo, cs in self.companions.items() for c in cs}

    @property
    def photos_in_trash(self) -> list[TrashedFile]:
        """``in_trash`` without the companions: what messages count as photos."""
        companions = self.companion_of
        return [t for t in self.in_trash if t.original not in companions]

    @property
    def pending_companions(self) -> list[tuple[TrashedFile, tuple[Companion, ...]]]:
        """Moved photos whose companions a kill left behind: (the photo, its companions still to move)."""
        done = {t.original for t in self.moved} | {p for p, _ in self.failed}
        back = set(self.restored)
        left = []
        for item in self.moved:
            if item.original in back:
                continue
            own = self.companions.get(item.original, ())
            rest = tuple(c for c in own if c.path not in done and os.path.lexists(c.path))
            if rest:
                left.append((item, rest))
        return left

    @property
    def interrupted(self) -> bool:
        """The writer died mid-batch: planned files may be left that were never handled."""
        return not self.finished and not self.running

    @property
    def vanished(self) -> list[TrashedFile]:
        """Moved files no longer in the trash as they went (emptied, a stranger in their place), unsaid."""
        return [t for t in self._unsettled if not t.still_there()]

    @property
    def _unsettled(self) -> list[TrashedFile]:
        """Moved files neither put back nor given up on."""
        done = set(self.restored) | set(self.abandoned)
        return [t for t in self.moved if t.original not in done]

    @property
    def in_trash(self) -> list[TrashedFile]:
        """The moved files still in the trash, as they went: not put back, emptied out or replaced."""
        return [t for t in self._unsettled if t.still_there()]

    @property
    def pending(self) -> list[FileEntry]:
        """Planned files the batch never got to (an interrupted batch)."""
        done = {t.original for t in self.moved} | {p for p, _ in self.failed}
        return [f for f in self.planned if f.path not in done]

    @property
    def unfinished(self) -> bool:
        """Something planned is still to move: photos, or companions of moved photos."""
        return bool(self.pending or self.pending_companions)


class Journal:
    """The writer of one batch's journal; use ``Journal.begin`` and close it (or use ``with``)."""

    def __init__(self, path: Path, fh: IO[str]) -> None:
        self.path = path
        self._fh = fh

    @classmethod
    def begin(
        cls,
        folder: str | os.PathLike[str],
        planned: Sequence[FileEntry] | Sequence[tuple[FileEntry, Sequence[FileEntry], Sequence[Companion]]],
        mover: RecordedMove | None = None,
    ) -> Journal:
        """Start a batch: its whole plan is on disk before the first file moves.

        ``planned`` holds files, or (file, the photos of its group that stay) pairs,
        or (file, those photos, the companions that travel with it) triples.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _forget_old(folder)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"batch-{stamp}-{os.getpid()}.jsonl"
        fh = open(path, "x", encoding="utf-8")  # noqa: SIM115 - held open for the batch's life
        try:
            _lock(fh, wait=True)
            journal = cls(path, fh)
            files = []
            for item in planned:
                f, kept, companions = (*item, (), ())[:3] if isinstance(item, tuple) else (item, (), ())
                record = {"path": f.path, "size": f.size, "mtime_ns": f.mtime_ns, "ino": f.ino}
                record["ctime_ns"] = f.ctime_ns
                if kept:
                    record["kept"] = [[k.path, k.size, k.mtime_ns, k.ino, k.ctime_ns] for k in kept]
                if companions:
                    record["companions"] = [
                        [c.path, c.size, c.mtime_ns, c.kind, list(c.owners)] for c in companions
                    ]
                files.append(record)
            head = {"version": VERSION, "started": dt.datetime.now().isoformat(), "planned": files}
            recorded = mover.to_json() if mover is not None else None
            journal._write(head | ({"mover": recorded} if recorded else {}))
            os.fsync(fh.fileno())
        except BaseException:  # a full disk: no batch starts, and no empty journal is left
            fh.close()
            path.unlink(missing_ok=True)
            raise
        return journal

    def _write(self, record: Record) -> None:
        self._fh.write(json.dumps(record) + "\n")  # ensure_ascii: non-UTF-8 names survive as \udcXX
        self._fh.flush()

    def moving(self, path: str, location: str | None, info: str | None) -> None:
        self._write({"moving": path, "to": location, "info": info})

    def moved(self, item: TrashedFile, of: str | None = None) -> None:
        """``item`` went; ``of``: the photo it travels with, for a companion."""
        self._write(_moved_record(item, of))

    def restored(self, path: str) -> None:
        """A file this batch moved was put back at once (its photo's move was rolled back)."""
        self._write({"restored": path})

    def merging(self, sidecar: str, backup: str | None) -> None:
        """About to write into ``sidecar``; ``backup`` holds its old bytes (None: it is new)."""
        self._write({"merging": sidecar, "backup": backup})
        os.fsync(self._fh.fileno())

    def merged(self, sidecar: str, digest: str) -> None:
        self._write({"merged": sidecar, "digest": digest})

    def backup_path(self, n: int) -> Path:
        """Where the old bytes of the n-th sidecar this batch changes are kept, for Undo."""
        folder = self.path.with_suffix(".d")
        folder.mkdir(exist_ok=True, mode=0o700)
        return folder / f"{n}.xmp"

    def failed(self, path: str, reason: str) -> None:
        self._write({"failed": path, "reason": reason})

    def close(self, finished: bool = True) -> None:
        """The batch ended. Finished, it is only undoable; stopped early, it stays resumable too."""
        if self._fh.closed:
            return
        try:
            self._write({"finished": True} if finished else {"stopped": True})
            os.fsync(self._fh.fileno())
        except OSError:
            pass  # a full disk: without the last line the batch reads as interrupted, which it is
        finally:
            with contextlib.suppress(OSError):
                self._fh.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(finished=exc[0] is None)


class JournalUnusable(Exception):
    """The folder of batch journals cannot be written: no batch may start (Undo would be blind)."""


class DamagedJournal(Exception):
    """A journal that cannot be read as one; ``str(exc)`` says why."""


def _records(path: Path) -> tuple[list[Record], int]:
    """The journal's records, and how many lines could not be read (a torn last line is not counted).

    A bad line in the middle (a disk error, a hand edit) loses only itself: the records after it
    are still read.
    """
    with open(path, "rb") as fh:
        lines = fh.read().split(b"\n")
    records, bad = [], 0
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            record = None
        if isinstance(record, dict):
            records.append(record)
        elif n != len(lines) - 1:  # the last line, cut short by a kill or a power cut, is expected
            bad += 1
    return records, bad


def _entry(value: object) -> FileEntry:
    """A planned file as the head records it; DamagedJournal if it is not one."""
    if isinstance(value, dict):
        keys = ("path", "size", "mtime_ns", "ino", "ctime_ns")
        value = [value.get(k) for k in keys if k in value]
    if isinstance(value, list) and len(value) >= 3:
        path, size, mtime, *identity = value[:5]
        ino, ctime = [*identity, 0, 0][:2]
        if isinstance(path, str) and all(isinstance(v, int) for v in (size, mtime, ino, ctime)):
            return FileEntry(path, size, mtime, ino, ctime)
    raise DamagedJournal("a planned file is not recorded whole")


def _head(records: list[Record]) -> Record:
    if not records:
        raise DamagedJournal("it is empty or holds no record")
    head = records[0]
    if head.get("version") != VERSION:
        raise DamagedJournal(f"it is not a journal this version writes (version {head.get('version')!r})")
    if not isinstance(head.get("planned"), list) or not isinstance(head.get("started"), str):
        raise DamagedJournal("its first record does not say what the batch planned")
    return head


def _is_running(path: Path) -> bool:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            return not _lock(fh, wait=False)
    except OSError:
        return False


def read(path: Path) -> Batch:
    """The batch in the journal at ``path``, with each interrupted move settled from the disk.

    Raises ``DamagedJournal`` (or OSError) if it cannot be read as a batch at all.
    """
    records, bad = _records(path)
    head = _head(records)
    planned = [_entry(f) for f in head["planned"]]
    mover = RecordedMove.from_json(head.get("mover"))
    batch = Batch(path, head["started"], planned, running=_is_running(path), mover=mover)
    batch.unreadable = bad
    try:
        batch.kept = {
            f["path"]: tuple(_entry(k) for k in f["kept"]) for f in head["planned"] if f.get("kept")
        }
        batch.companions = {
            f["path"]: tuple(Companion(c[0], c[3], c[1], c[2], tuple(c[4])) for c in f["companions"])
            for f in head["planned"]
            if f.get("companions")
        }
    except (KeyError, IndexError, TypeError, AttributeError):
        raise DamagedJournal("what each planned file's group keeps is not recorded whole") from None
    merging: dict[str, str | None] = {}
    moving: dict[str, TrashedFile] = {}
    moved: dict[str, TrashedFile] = {}
    for rec in records[1:]:
        if not _settle(rec, batch, moving, moved, merging):
            batch.unreadable += 1
    if not batch.running:
        sizes = {f.path: (f.size, f.mtime_ns) for f in planned}
        sizes |= {c.path: (c.size, c.mtime_ns) for cs in batch.companions.values() for c in cs}
        for item in moving.values():  # killed between "moving" and "moved": which side is it on?
            if item.location is not None and os.path.lexists(item.location):
                # A rename keeps size and time: the planned ones tell ours from a stranger.
                size, mtime = sizes.get(item.original, (None, None))
                moved[item.original] = replace(item, identity=(None, None, size, mtime))
            elif item.info is not None and os.path.lexists(item.original):
                Path(item.info).unlink(missing_ok=True)  # the rename never happened: drop its record
                log.warning("batch %s stopped before %s moved: its record dropped", path, item.original)
    batch.moved = list(moved.values())
    if not batch.running:
        # Killed between keeping a sidecar's old bytes and saying it was written: it holds the old
        # bytes or the new ones (the write is a rename); Undo puts the old ones back either way.
        batch.merged += [(path, backup, UNKNOWN_DIGEST) for path, backup in merging.items()]
    if bad or batch.unreadable:
        log.warning("batch %s: %d records could not be read and were passed over", path, batch.unreadable)
    return batch


def _identity(value: object) -> tuple[int | None, int | None, int | None, int | None] | None:
    if isinstance(value, list) and len(value) == 4 and all(v is None or isinstance(v, int) for v in value):
        return (value[0], value[1], value[2], value[3])
    return None


def _text(rec: Record, key: str) -> str | None:
    value = rec.get(key)
    return value if isinstance(value, str) else None


def _settle(
    rec: Record,
    batch: Batch,
    moving: dict[str, TrashedFile],
    moved: dict[str, TrashedFile],
    merging: dict[str, str | None],
) -> bool:
    """Apply one record to what is known of the batch; False if it is not a record we write."""
    if (path := _text(rec, "moving")) is not None:
        moving[path] = TrashedFile(path, _text(rec, "to"), _text(rec, "info"))
    elif (path := _text(rec, "moved")) is not None:
        moving.pop(path, None)
        moved[path] = TrashedFile(path, _text(rec, "to"), _text(rec, "info"), _identity(rec.get("id")))
    elif (path := _text(rec, "failed")) is not None:
        moving.pop(path, None)
        batch.failed.append(Problem(path, _text(rec, "reason") or "unknown"))
    elif (path := _text(rec, "restored")) is not None:
        batch.restored.append(path)
    elif (path := _text(rec, "merging")) is not None:
        merging[path] = _text(rec, "backup")
    elif (path := _text(rec, "merged")) is not None:
        batch.merged.append((path, merging.pop(path, None), _text(rec, "digest") or UNKNOWN_DIGEST))
    elif (path := _text(rec, "unmerged")) is not None:
        batch.unmerged.append(path)
    elif (path := _text(rec, "abandoned")) is not None:
        batch.abandoned.append(path)
    elif rec.get("finished") is True:
        batch.finished = True
    elif rec.get("stopped") is True:
        batch.stopped = True
    else:
        return False
    return True


#: What was said about damaged journals set aside, until someone (the CLI, the app) says it.
_notices: list[str] = []


def take_notices() -> list[str]:
    """The damaged journals set aside since the last call, in a user's words."""
    said = list(_notices)
    _notices.clear()
    return said


def _set_aside(path: Path, why: str) -> None:
    """Rename a damaged journal out of the way, so that it never stops a command again."""
    aside = path.with_name(path.name + ".damaged")
    try:
        path.rename(aside)
    except OSError:
        aside = path
    message = N_(
        "a damaged record of an earlier batch ({path}: {why}) was set aside as {name}; "
        "its photos are in the trash and can be restored from there"
    ).format(path=path, why=why, name=aside.name)
    log.warning("%s", message)
    _notices.append(message)


def batches(folder: str | os.PathLike[str]) -> list[Batch]:
    """Every batch on record, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("batch-*.jsonl")):
        try:
            found.append(read(path))
        except (DamagedJournal, OSError) as exc:
            if _is_running(path):
                continue  # another process is writing it right now: not damaged
            why = str(exc) if isinstance(exc, DamagedJournal) else (exc.strerror or str(exc))
            _set_aside(path, why)
    return found


def last_batch(folder: str | os.PathLike[str]) -> Batch | None:
    """The newest batch that still has files in the trash or left to move, if any."""
    for batch in reversed(batches(folder)):
        if batch.running:
            continue
        # A batch whose place in the trash a stranger took is offered once, to say so; one merely
        # emptied out of the trash is not offered at all.
        strangers = any(t.location and os.path.lexists(t.location) for t in batch.vanished)
        if batch.in_trash or batch.merges_left or strangers or (batch.interrupted and batch.unfinished):
            return batch
    return None


def interrupted_batches(folder: str | os.PathLike[str]) -> list[Batch]:
    """Batches whose writer died before their end: the app reports these when it starts."""
    return [b for b in batches(folder) if b.interrupted and (b.unfinished or b.in_trash)]


def record_restored(batch: Batch, paths: Sequence[str]) -> None:
    """Note in the batch's journal which of its files Undo put back."""
    _append(batch, *({"restored": p} for p in paths))
    batch.restored.extend(paths)


def _append(batch: Batch, *records: Record) -> None:
    """Add records to a batch's journal, flushed; after a torn last line, on a line of their own."""
    if not records:
        return
    with open(batch.path, "a+b") as fh:  # reads anywhere, writes at the end
        if fh.seek(0, os.SEEK_END):
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                fh.write(b"\n")  # a power cut tore the last line: never glue a record to it
        fh.write("".join(json.dumps(r) + "\n" for r in records).encode("utf-8"))
        fh.flush()


def record_moving(batch: Batch, path: str, location: str | None, info: str | None) -> None:
    """Before a resumed move: where the file is going (a kill then loses nothing)."""
    _append(batch, {"moving": path, "to": location, "info": info})


def record_moved(batch: Batch, item: TrashedFile, of: str) -> None:
    """A companion a resume moved after its photo."""
    _append(batch, _moved_record(item, of))
    batch.moved.append(item)


def _moved_record(item: TrashedFile, of: str | None) -> Record:
    record: Record = {"moved": item.original, "to": item.location, "info": item.info}
    if item.identity is not None:
        record["id"] = list(item.identity)  # Undo restores only this file, never a stranger of its name
    return record | ({"of": of} if of else {})


def record_abandoned(batch: Batch, paths: Sequence[str]) -> None:
    """Files Undo can never put back (the trash was emptied, a stranger has the place): not offered again."""
    _append(batch, *({"abandoned": p} for p in paths))
    batch.abandoned.extend(paths)


def record_unmerged(batch: Batch, paths: Sequence[str]) -> None:
    """Note which merged sidecars Undo took back."""
    _append(batch, *({"unmerged": p} for p in paths))
    batch.unmerged.extend(paths)


def record_settled(batch: Batch) -> None:
    """Close an interrupted batch once it was resumed or undone: it is no longer reported."""
    _append(batch, {"finished": True})
    batch.finished = True


_WAIT_STEP = 0.2  # seconds between two looks at another batch's lock


@contextlib.contextmanager
def batch_lock(
    folder: str | os.PathLike[str] | None,
    cancel: CancelToken | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[bool]:
    """Hold the one lock all batches take, so two never run at once (another window, a CLI).

    Yields True once it is held (at once when ``folder`` is None), or False if
    ``cancel`` was set while another batch held it.
    """
    if folder is None:
        yield True
        return
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fh = open(folder / "batch.lock", "a", encoding="utf-8")  # noqa: SIM115 - held for the batch
    except OSError as exc:
        raise JournalUnusable(f"its journal cannot be kept in {folder} ({exc.strerror or exc})") from None
    with fh:
        if not _lock(fh, wait=False):
            if on_wait is not None:
                on_wait()
            while not _lock(fh, wait=False):
                if cancel is not None and cancel.cancelled:
                    yield False
                    return
                time.sleep(_WAIT_STEP)
        yield True  # closing the file releases the lock


def _forget_old(folder: Path) -> None:
    """Keep the journals of the last few batches (Undo needs only the last one)."""
    old = sorted(folder.glob("batch-*.jsonl"))[:-_KEEP]
    for path in old:
        try:
            batch = read(path)
        except (DamagedJournal, OSError):
            continue  # set aside when batches() next meets it
        if batch.finished:
            path.unlink(missing_ok=True)
            shutil.rmtree(path.with_suffix(".d"), ignore_errors=True)
