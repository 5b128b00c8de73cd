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
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from photodedupe.core.model import FileEntry
from photodedupe.core.progress import CancelToken
from photodedupe.core.trash import TrashedFile

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh, wait: bool) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _lock(fh, wait: bool) -> bool:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


VERSION = 1
_KEEP = 20  # finished batches kept for Undo; older journals are removed


@dataclass(slots=True)
class Batch:
    """What a journal says about one batch, once checked against the disk."""

    path: Path
    started: str
    planned: list[FileEntry]
    moved: list[TrashedFile] = field(default_factory=list)  # in the trash now (or restored: see below)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    restored: list[str] = field(default_factory=list)
    finished: bool = False  # the writer got to the end without dying or being stopped
    running: bool = False  # another process is writing it right now
    stopped: bool = False  # the writer was stopped (Cancel, Ctrl+C, a full disk) with files left
    #: where the files went: {} for the trash, else the mover's own record (folder_move)
    mover: dict = field(default_factory=dict)
    #: by planned path: the photos of its group that stay (re-checked before it moves)
    kept: dict[str, tuple[FileEntry, ...]] = field(default_factory=dict)

    @property
    def interrupted(self) -> bool:
        """The writer died mid-batch: planned files may be left that were never handled."""
        return not self.finished and not self.running

    @property
    def in_trash(self) -> list[TrashedFile]:
        """The moved files still in the trash: not put back since, nor emptied out of it."""
        back = set(self.restored)
        return [
            t
            for t in self.moved
            if t.original not in back and (t.location is None or os.path.lexists(t.location))
        ]

    @property
    def pending(self) -> list[FileEntry]:
        """Planned files the batch never got to (an interrupted batch)."""
        done = {t.original for t in self.moved} | {p for p, _ in self.failed}
        return [f for f in self.planned if f.path not in done]


class Journal:
    """The writer of one batch's journal; use ``Journal.begin`` and close it (or use ``with``)."""

    def __init__(self, path: Path, fh) -> None:
        self.path = path
        self._fh = fh

    @classmethod
    def begin(
        cls,
        folder: str | os.PathLike[str],
        planned: Sequence[FileEntry] | Sequence[tuple[FileEntry, Sequence[FileEntry]]],
        mover: dict | None = None,
    ) -> Journal:
        """Start a batch: its whole plan is on disk before the first file moves.

        ``planned`` holds files, or (file, the photos of its group that stay) pairs.
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
                f, kept = item if isinstance(item, tuple) else (item, ())
                files.append({"path": f.path, "size": f.size, "mtime_ns": f.mtime_ns} | (
                    {"kept": [[k.path, k.size, k.mtime_ns] for k in kept]} if kept else {}
                ))  # fmt: skip
            head = {"version": VERSION, "started": dt.datetime.now().isoformat(), "planned": files}
            journal._write(head | ({"mover": mover} if mover else {}))
            os.fsync(fh.fileno())
        except BaseException:  # a full disk: no batch starts, and no empty journal is left
            fh.close()
            path.unlink(missing_ok=True)
            raise
        return journal

    def _write(self, record: dict) -> None:
        self._fh.write(json.dumps(record) + "\n")  # ensure_ascii: non-UTF-8 names survive as \udcXX
        self._fh.flush()

    def moving(self, path: str, location: str | None, info: str | None) -> None:
        self._write({"moving": path, "to": location, "info": info})

    def moved(self, item: TrashedFile) -> None:
        self._write({"moved": item.original, "to": item.location, "info": item.info})

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


def _records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                return  # the last line, cut short by a kill: the lines before it hold


def _is_running(path: Path) -> bool:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            return not _lock(fh, wait=False)
    except OSError:
        return False


def read(path: Path) -> Batch | None:
    """The batch in the journal at ``path``, with each interrupted move settled from the disk."""
    records = _records(path)
    head = next(records, None)
    if not head or head.get("version") != VERSION:
        return None
    planned = [FileEntry(f["path"], f["size"], f["mtime_ns"]) for f in head["planned"]]
    batch = Batch(path, head["started"], planned, running=_is_running(path), mover=head.get("mover") or {})
    batch.kept = {
        f["path"]: tuple(FileEntry(*k) for k in f["kept"]) for f in head["planned"] if f.get("kept")
    }
    moving: dict[str, TrashedFile] = {}
    moved: dict[str, TrashedFile] = {}
    for rec in records:
        if "moving" in rec:
            moving[rec["moving"]] = TrashedFile(rec["moving"], rec["to"], rec["info"])
        elif "moved" in rec:
            moving.pop(rec["moved"], None)
            moved[rec["moved"]] = TrashedFile(rec["moved"], rec["to"], rec["info"])
        elif "failed" in rec:
            moving.pop(rec["failed"], None)
            batch.failed.append((rec["failed"], rec["reason"]))
        elif "restored" in rec:
            batch.restored.append(rec["restored"])
        elif rec.get("finished"):
            batch.finished = True
        elif rec.get("stopped"):
            batch.stopped = True
    if not batch.running:
        for item in moving.values():  # killed between "moving" and "moved": which side is it on?
            if item.location is not None and os.path.lexists(item.location):
                moved[item.original] = item
            elif item.info is not None and os.path.lexists(item.original):
                Path(item.info).unlink(missing_ok=True)  # the rename never happened: drop its record
    batch.moved = list(moved.values())
    return batch


def batches(folder: str | os.PathLike[str]) -> list[Batch]:
    """Every batch on record, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = (read(p) for p in sorted(folder.glob("batch-*.jsonl")))
    return [b for b in found if b is not None]


def last_batch(folder: str | os.PathLike[str]) -> Batch | None:
    """The newest batch that still has files in the trash or left to move, if any."""
    for batch in reversed(batches(folder)):
        if batch.running:
            continue
        if batch.in_trash or (batch.interrupted and batch.pending):
            return batch
    return None


def interrupted_batches(folder: str | os.PathLike[str]) -> list[Batch]:
    """Batches whose writer died before their end: the app reports these when it starts."""
    return [b for b in batches(folder) if b.interrupted and (b.pending or b.in_trash)]


def record_restored(batch: Batch, paths: Sequence[str]) -> None:
    """Note in the batch's journal which of its files Undo put back."""
    with open(batch.path, "a", encoding="utf-8") as fh:
        for p in paths:
            fh.write(json.dumps({"restored": p}) + "\n")
    batch.restored.extend(paths)


def record_settled(batch: Batch) -> None:
    """Close an interrupted batch once it was resumed or undone: it is no longer reported."""
    with open(batch.path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"finished": True}) + "\n")
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
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(folder / "batch.lock", "a", encoding="utf-8") as fh:
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
        batch = read(path)
        if batch is not None and batch.finished:
            path.unlink(missing_ok=True)
