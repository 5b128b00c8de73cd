"""The hash cache: an unchanged file is never decoded twice.

A row is valid only while the file's path, size, mtime_ns, inode and change
time and the hash recipe all match, so a changed file is always decoded again,
even one swapped for another of the same size and time. Problems with the
cache itself never stop a scan: a corrupt file is set aside and rebuilt, a
cache locked by another program for too long is skipped for this scan, and
each such event is reported in ``notices``. SQLite's WAL mode lets two
processes read and write it at once.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from photodedupe.core.find.hashing import (
    EARLIER_RECIPE,
    HASH_RECIPE,
    UNCHANGED_FORMATS,
    hash_from_bytes,
    hash_to_bytes,
)
from photodedupe.core.i18n import N_
from photodedupe.core.model import FileEntry, PhotoInfo

_T = TypeVar("_T")

#: PhotoInfo's fields the photos table keeps, each in the column of its name: the hash is stored
#: as bytes of its length, the thumbnail in a table of its own (lookup_thumbs).
INFO_COLUMNS = tuple(f.name for f in fields(PhotoInfo) if f.name not in ("hash", "thumb"))
_DEFAULTS = {f.name: f.default for f in fields(PhotoInfo) if f.default is not MISSING}
_FLAGS = {f.name for f in fields(PhotoInfo) if f.type in ("bool", bool)}  # stored as 0 and 1
_PHOTO_COLUMNS = (
    "path",
    "bits",
    "size",
    "mtime_ns",
    "recipe",
    "hash",
    *INFO_COLUMNS,
    "error",
    "ino",
    "ctime_ns",
)
_INSERT_PHOTO = "INSERT OR REPLACE INTO photos ({}) VALUES ({})".format(
    ", ".join(_PHOTO_COLUMNS), ", ".join("?" * len(_PHOTO_COLUMNS))
)


def _field(name: str, value: object) -> Any:  # the field's own type, which its name tells
    """A stored column's value as the PhotoInfo field of its name holds it (NULL is its default)."""
    if name in _FLAGS:
        return bool(value)
    return _DEFAULTS.get(name) if value is None else value


log = logging.getLogger(__name__)

SCHEMA_VERSION = 8
#: Tables whose rows are valid only for the file as it was: since version 8 they also record the
#: file's inode and change time (a photo swapped for another of the same size and time is caught).
_FILE_TABLES = ("photos", "thumbs", "frames", "digests")
_CHUNK = 500  # paths per SELECT ... IN (...), well under SQLite's variable limit

_SCHEMA = """
CREATE TABLE IF NOT EXISTS photos (
    path     BLOB    NOT NULL,  -- os.fsencode(path): any bytes a file name may hold
    bits     INTEGER NOT NULL,  -- hash length: 128 or 512
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    recipe   INTEGER NOT NULL,  -- hashing.HASH_RECIPE that made the row
    hash     BLOB,              -- NULL when the file is not a usable photo
    width    INTEGER,
    height   INTEGER,
    taken    TEXT,
    camera   TEXT,
    content  BLOB,              -- 8 orientation hashes of the framed picture, concatenated
    windows  BLOB,              -- hashes of 90 % windows (3×3) and 2 straightened ones, concatenated
    details  TEXT,              -- metadata.Details as JSON (lens, exposure, GPS, ...)
    format   TEXT,              -- from the content: JPEG, PNG, HEIF, DNG... (traits)
    quality  INTEGER,           -- a JPEG's quality from its tables, 0 for other formats
    picture_width  INTEGER,     -- the picture inside any frame, in the photo's pixels
    picture_height INTEGER,
    damaged  INTEGER,           -- 1 when the decoder filled lost data with grey
    grey     INTEGER,           -- 1 when stored without colour
    tone     BLOB,              -- 8x8 grey levels of the picture
    error    TEXT,              -- why the file is not usable (NULL for photos)
    ino      INTEGER,           -- the file's inode and change time (NULL in rows of version 7)
    ctime_ns INTEGER,
    PRIMARY KEY (path, bits)
) WITHOUT ROWID;
-- Verification thumbnails (1 KB each) apart from the hashes: a rescan reads every row of
-- photos, and with the thumbnails inline it read 470 MB at 100,000 photos instead of 25 MB.
CREATE TABLE IF NOT EXISTS thumbs (
    path     BLOB    NOT NULL,
    bits     INTEGER NOT NULL,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    recipe   INTEGER NOT NULL,
    thumb    BLOB    NOT NULL,  -- 32x32 grayscale thumbnail for verification
    ino      INTEGER,
    ctime_ns INTEGER,
    PRIMARY KEY (path, bits)
);  -- a rowid table: WITHOUT ROWID spills 1 KB rows to overflow pages, 4 KB each
CREATE TABLE IF NOT EXISTS pairs (
    library  BLOB    NOT NULL PRIMARY KEY,  -- digest of every photo's path, size, mtime_ns + settings
    edges    BLOB    NOT NULL,              -- the verified pairs: i, j (int32), d (uint16), o (int8)
    used     INTEGER NOT NULL               -- unix time, to keep only the most recent few
) WITHOUT ROWID;
-- How good a frame of a burst is (core.find.quality), measured only for photos in a series.
-- A table of its own, so adding it needed no new schema version (no cache rebuilt).
CREATE TABLE IF NOT EXISTS frames (
    path     BLOB    NOT NULL PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    recipe   INTEGER NOT NULL,  -- quality.RECIPE that measured it
    measures TEXT    NOT NULL,  -- quality.Quality as JSON, or {"error": reason}
    ino      INTEGER,
    ctime_ns INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS digests (
    path     BLOB    NOT NULL PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest   BLOB    NOT NULL,
    ino      INTEGER,
    ctime_ns INTEGER
) WITHOUT ROWID;
"""


class _NewerCache(Exception):
    """The cache file belongs to a newer version: never rebuild (destroy) it."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _disk_full(exc: sqlite3.Error) -> bool:
    """SQLITE_FULL, or an I/O error writing (a file size limit, a quota): not a damaged cache."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)


@dataclass(frozen=True, slots=True)
class CachedResult:
    """A cached decode: either ``info`` (a photo) or ``error`` (why it is not one)."""

    info: PhotoInfo | None
    error: str | None


def _add_identity_columns(conn: sqlite3.Connection) -> bool:
    """Bring a version 7 cache to version 8 in place (no photo decoded again); False if it is not one."""
    try:
        with conn:
            for table in _FILE_TABLES:
                have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                if not {"path", "size", "mtime_ns"} <= have:
                    raise sqlite3.OperationalError(f"{table} is not laid out as in version 7")
                conn.execute(f"ALTER TABLE {table} ADD COLUMN ino INTEGER")
                conn.execute(f"ALTER TABLE {table} ADD COLUMN ctime_ns INTEGER")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.OperationalError:
        return False  # rolled back: rebuilt as any other version
    return True


def _identity(f: FileEntry) -> tuple[int | None, int | None]:
    """A row's (ino, ctime_ns): NULLs when the entry does not know them."""
    return (f.ino, f.ctime_ns) if f.ino else (None, None)


def _valid_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: str,
    where: str,
    params: tuple[object, ...],
    files: Sequence[FileEntry],
) -> Iterator[tuple[FileEntry, tuple[Any, ...]]]:
    """Rows of ``table`` for ``files`` that are still of the same file, in bulk queries.

    Same size and mtime_ns, and the same inode and change time where the row has
    them. A row written before they were recorded is taken on size and time, once:
    they are recorded then (``_adopt``), so from that scan on a swapped file is caught.
    A generator (a list of 100,000 rows kept the cyclic garbage collector busy for
    a second), with rows sliced rather than unpacked into a new tuple.
    """
    adopted: list[tuple[int, int, bytes]] = []
    for start in range(0, len(files), _CHUNK):
        wanted = {os.fsencode(f.path): f for f in files[start : start + _CHUNK]}
        sql = (
            f"SELECT path, size, mtime_ns, ino, ctime_ns, {columns} FROM {table} "
            f"WHERE {where} AND path IN ({','.join('?' * len(wanted))})"
        )
        for row in conn.execute(sql, (*params, *wanted)):
            entry = wanted[row[0]]
            if entry.size != row[1] or entry.mtime_ns != row[2]:
                continue
            if row[3] is None:
                if entry.ino:
                    adopted.append((entry.ino, entry.ctime_ns, row[0]))
            elif entry.ino and (entry.ino, entry.ctime_ns) != (row[3], row[4]):
                continue  # another file of the same size and time took this name
            yield entry, row[5:]
    if adopted:
        with conn:
            conn.executemany(f"UPDATE {table} SET ino=?, ctime_ns=? WHERE path=?", adopted)


class HashCache:
    """SQLite-backed cache of hashes, metadata and content digests.

    ``HashCache(None)`` keeps everything in memory (``--no-cache``). All
    methods are safe to call from any one thread at a time.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, timeout: float = 10.0) -> None:
        self.path = Path(path) if path is not None else None
        self.notices: list[str] = []
        self._timeout = timeout
        self._lock = threading.Lock()
        self._conn = self._open()

    # --- opening and recovering -------------------------------------------------

    def _connect(self, target: str) -> sqlite3.Connection:
        conn = sqlite3.connect(target, timeout=self._timeout, check_same_thread=False)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _NewerCache(version)  # before anything is written to it, even the journal mode
            if target != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            if version == 7 and _add_identity_columns(conn):
                version = SCHEMA_VERSION  # the same rows, plus each file's inode and change time
            if version not in (0, SCHEMA_VERSION):
                with conn:
                    for table in ("photos", "digests", "thumbs", "pairs", "frames"):
                        conn.execute(f"DROP TABLE IF EXISTS {table}")
                self._notice(
                    N_("The hash cache was from another version ({version}); it was rebuilt.").format(
                        version=version
                    )
                )
            with conn:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("SELECT count(*) FROM photos WHERE 0").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_patiently(self, target: str) -> sqlite3.Connection:
        """Connect, retrying while another process holds the file.

        Switching a new file to WAL, or a second process finding the WAL index
        half made, reports "locked" at once without SQLite's busy handler, so two
        scans started together would otherwise see the cache as taken.
        """
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                return self._connect(target)
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect_patiently(str(self.path))
        except _NewerCache as exc:
            self._notice(
                N_(
                    "The hash cache {path} was written by a newer photodedupe (schema {version}); "
                    "it is left as it is and this scan runs without it."
                ).format(path=self.path, version=exc.version)
            )
            return self._connect(":memory:")
        except sqlite3.OperationalError as exc:
            if _disk_full(exc):
                return self._without_cache(exc)
            if "locked" in str(exc) or "busy" in str(exc):
                self._notice(
                    N_(
                        "The hash cache {path} is in use by another program; this scan runs without it."
                    ).format(path=self.path)
                )
                return self._connect(":memory:")
            return self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            return self._rebuild(exc)
        except OSError as exc:
            self._notice(
                N_("The hash cache {path} cannot be created ({why}); this scan runs without it.").format(
                    path=self.path, why=exc.strerror
                )
            )
            return self._connect(":memory:")

    def _without_cache(self, exc: Exception) -> sqlite3.Connection:
        """The disk is full: keep the cache file as it is (it is fine) and go on in memory."""
        self._notice(
            N_(
                "The hash cache {path} cannot be written ({why}: the disk may be full); "
                "the rest of this scan runs without it."
            ).format(path=self.path, why=exc)
        )
        return self._connect(":memory:")

    def _notice(self, text: str) -> None:
        """Something about the cache the user should know (it was rebuilt, busy, read-only): shown by
        the front ends after the scan, and logged now, with when it happened."""
        log.warning("%s", text)
        self.notices.append(text)

    def _rebuild(self, exc: Exception) -> sqlite3.Connection:
        """Set a damaged cache file aside (never delete user data blindly) and start a new one."""
        assert self.path is not None
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                try:
                    src.replace(f"{aside}{suffix}")
                except OSError:
                    src.unlink(missing_ok=True)
        self._notice(
            N_("The hash cache was damaged ({why}); it was moved to {name} and rebuilt.").format(
                why=exc, name=aside.name
            )
        )
        try:
            return self._connect(str(self.path))
        except sqlite3.Error as again:
            self._notice(
                N_("The hash cache could not be rebuilt ({why}); this scan runs without it.").format(
                    why=again
                )
            )
            return self._connect(":memory:")

    def _guarded(self, action: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        """Run a cache query; a cache that breaks mid-scan is rebuilt, never fatal."""
        with self._lock:
            try:
                return action(self._conn)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    self._notice(
                        N_("The hash cache was busy; some results were not cached ({why}).").format(why=exc)
                    )
                    return default
                self._conn.close()
                if _disk_full(exc):
                    self._conn = self._without_cache(exc)
                    return default
                self._conn = self._rebuild(exc) if self.path else self._connect(":memory:")
            except sqlite3.DatabaseError as exc:
                self._conn.close()
                self._conn = self._rebuild(exc) if self.path else self._connect(":memory:")
            return default

    # --- hashes ---------------------------------------------------------------

    def lookup(self, files: Sequence[FileEntry], bits: int) -> dict[str, CachedResult]:
        """The still-valid cached results for ``files``, by path."""

        def query(conn: sqlite3.Connection) -> dict[str, CachedResult]:
            found: dict[str, CachedResult] = {}
            columns = ", ".join(("hash", *INFO_COLUMNS, "error"))
            formats = ",".join("?" * len(UNCHANGED_FORMATS))
            where = f"bits=? AND (recipe=? OR (recipe=? AND format IN ({formats})))"
            recipes = (bits, HASH_RECIPE, EARLIER_RECIPE, *UNCHANGED_FORMATS)
            for entry, (blob, *values, error) in _valid_rows(conn, "photos", columns, where, recipes, files):
                info = None
                if blob is not None:
                    stored: dict[str, Any] = {
                        name: _field(name, v) for name, v in zip(INFO_COLUMNS, values, strict=True)
                    }
                    # the thumbnail (1 KB a photo) is needed only when pairs are verified: lookup_thumbs
                    info = PhotoInfo(hash=hash_from_bytes(blob), **stored)
                found[entry.path] = CachedResult(info, error)
            return found

        return self._guarded(query, {})

    def lookup_thumbs(self, files: Sequence[FileEntry], bits: int) -> dict[str, bytes]:
        """The still-valid cached verification thumbnails of ``files``, by path."""

        def query(conn: sqlite3.Connection) -> dict[str, bytes]:
            # An earlier recipe's thumbnail is replaced when its photo is decoded again.
            where, recipes = "bits=? AND recipe IN (?, ?)", (bits, HASH_RECIPE, EARLIER_RECIPE)
            rows = _valid_rows(conn, "thumbs", "thumb", where, recipes, files)
            return {entry.path: thumb for entry, (thumb,) in rows if thumb}

        return self._guarded(query, {})

    def store(self, results: Iterable[tuple[FileEntry, PhotoInfo | None, str | None]], bits: int) -> None:
        """Save decoded results (photo info, or the reason it is not a photo) in one transaction."""
        results = list(results)
        rows = [
            (
                os.fsencode(f.path),
                bits,
                f.size,
                f.mtime_ns,
                HASH_RECIPE,
                None if info is None else hash_to_bytes(info.hash, bits),
                *(None if info is None else getattr(info, name) for name in INFO_COLUMNS),
                error,
                *_identity(f),
            )
            for f, info, error in results
        ]
        thumbs = [
            (os.fsencode(f.path), bits, f.size, f.mtime_ns, HASH_RECIPE, info.thumb, *_identity(f))
            for f, info, _ in results
            if info is not None and info.thumb
        ]

        def write(conn: sqlite3.Connection) -> None:
            with conn:
                conn.executemany(_INSERT_PHOTO, rows)
                conn.executemany("INSERT OR REPLACE INTO thumbs VALUES (?,?,?,?,?,?,?,?)", thumbs)

        if rows:
            self._guarded(write, None)

    # --- content digests --------------------------------------------------------

    def lookup_digests(self, files: Sequence[FileEntry]) -> dict[str, bytes]:
        def query(conn: sqlite3.Connection) -> dict[str, bytes]:
            rows = _valid_rows(conn, "digests", "digest", "1", (), files)
            return {entry.path: digest for entry, (digest,) in rows}

        return self._guarded(query, {})

    def store_digests(self, digests: Iterable[tuple[FileEntry, bytes]]) -> None:
        rows = [(os.fsencode(f.path), f.size, f.mtime_ns, d, *_identity(f)) for f, d in digests]

        def write(conn: sqlite3.Connection) -> None:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO digests VALUES (?,?,?,?,?,?)", rows)

        if rows:
            self._guarded(write, None)

    # --- frame quality (culling) ------------------------------------------------------------

    def lookup_frames(self, files: Sequence[FileEntry], recipe: int) -> dict[str, str]:
        """The stored measures (JSON text) of ``files`` that are unchanged, by path."""

        def query(conn: sqlite3.Connection) -> dict[str, str]:
            rows = _valid_rows(conn, "frames", "measures", "recipe = ?", (recipe,), files)
            return {entry.path: text for entry, (text,) in rows}

        return self._guarded(query, {})

    def store_frames(self, measures: Iterable[tuple[FileEntry, str]], recipe: int) -> None:
        rows = [(os.fsencode(f.path), f.size, f.mtime_ns, recipe, t, *_identity(f)) for f, t in measures]

        def write(conn: sqlite3.Connection) -> None:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO frames VALUES (?,?,?,?,?,?,?)", rows)

        if rows:
            self._guarded(write, None)

    # --- verified pairs of a whole library -------------------------------------------------

    def lookup_pairs(self, library: bytes) -> bytes | None:
        """The verified pairs stored for exactly this set of unchanged photos, if any."""

        def query(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute("SELECT edges FROM pairs WHERE library=?", (library,)).fetchone()
            return row[0] if row else None

        return self._guarded(query, None)

    def store_pairs(self, library: bytes, edges: bytes, keep: int = 8) -> None:
        """Remember a library's verified pairs; only the ``keep`` most recent libraries stay."""

        def write(conn: sqlite3.Connection) -> None:
            with conn:
                conn.execute(
                    "INSERT OR REPLACE INTO pairs VALUES (?,?,?)", (library, edges, int(time.time()))
                )
                conn.execute(
                    "DELETE FROM pairs WHERE library NOT IN "
                    "(SELECT library FROM pairs ORDER BY used DESC LIMIT ?)",
                    (keep,),
                )

        self._guarded(write, None)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HashCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
