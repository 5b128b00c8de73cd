"""The SQLite hash cache: validity keys, schema versions, locks, two processes at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from photodedupe.core.cache import SCHEMA_VERSION, HashCache
from photodedupe.core.model import FileEntry, PhotoInfo

INFO = PhotoInfo(hash=(1 << 127) | 5, width=4000, height=3000, taken="2020-01-02T03:04:05", camera="Pixel 7")


def test_round_trip_and_validity(tmp_path: Path) -> None:
    f = FileEntry("/photos/a.jpg", 1000, 123)
    bad = FileEntry("/photos/b.jpg", 10, 5)
    weird = FileEntry(os.fsdecode(b"/photos/caf\xe9.jpg"), 7, 8)  # not UTF-8
    with HashCache(tmp_path / "c.db") as cache:
        cache.store([(f, INFO, None), (bad, None, "empty file (0 bytes)"), (weird, INFO, None)], 128)
    with HashCache(tmp_path / "c.db") as cache:
        got = cache.lookup([f, bad, weird], 128)
        assert got[f.path].info == INFO and got[bad.path].error == "empty file (0 bytes)"
        assert got[weird.path].info == INFO
        assert cache.lookup([f], 512) == {}  # another hash length is another entry
        assert cache.lookup([FileEntry(f.path, 1001, 123)], 128) == {}  # size changed
        assert cache.lookup([FileEntry(f.path, 1000, 124)], 128) == {}  # mtime changed
        assert cache.notices == []


def test_many_paths_in_one_lookup(tmp_path: Path) -> None:
    files = [FileEntry(f"/p/{k}.jpg", k, k) for k in range(2000)]
    with HashCache(tmp_path / "c.db") as cache:
        cache.store([(f, INFO, None) for f in files], 128)
        assert len(cache.lookup(files, 128)) == 2000


def cache_of_version(db: Path, version: int) -> Path:
    """A cache file as another photodedupe version left it: its own photos table."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (another_layout)")
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()
    return db


def test_older_schema_is_rebuilt(tmp_path: Path) -> None:
    db = cache_of_version(tmp_path / "c.db", SCHEMA_VERSION - 1)
    with HashCache(db) as cache:
        assert any("another version" in n for n in cache.notices)
        cache.store([(FileEntry("/a.jpg", 1, 1), INFO, None)], 128)
        assert len(cache.lookup([FileEntry("/a.jpg", 1, 1)], 128)) == 1


def test_newer_schema_is_left_untouched(tmp_path: Path) -> None:
    db = cache_of_version(tmp_path / "c.db", SCHEMA_VERSION + 1)
    before = db.read_bytes()
    with HashCache(db) as cache:
        assert any("newer photodedupe" in n and "left as it is" in n for n in cache.notices)
        f = FileEntry("/a.jpg", 1, 1)
        cache.store([(f, INFO, None)], 128)  # works, in memory
        assert cache.lookup([f], 128)[f.path].info == INFO
    assert db.read_bytes() == before


FULL_DISK = """
import resource, signal, sys
from photodedupe.core.cache import HashCache
from photodedupe.core.model import FileEntry, PhotoInfo
db = sys.argv[1]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))  # the disk is "full" at 256 KB
with HashCache(db) as cache:
    info = PhotoInfo(7, 1, 1, None, None, bytes(128), bytes(1024))
    rows = [(FileEntry(f"/p/{k}.jpg", k + 1, 1), info, None) for k in range(2000)]
    for start in range(0, 2000, 100):
        cache.store(rows[start:start + 100], 128)  # must not raise
    found = cache.lookup([r[0] for r in rows], 128)
    print(len(found))
    for notice in cache.notices:
        print(notice)
"""


def test_full_disk_is_reported_and_the_cache_kept(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(db)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    _, *notices = run.stdout.splitlines()
    assert any("cannot be written" in n and "disk may be full" in n for n in notices)
    assert not any("damaged" in n for n in notices)
    assert not list(tmp_path.glob("*.corrupt-*"))  # a full disk is not a damaged cache: nothing set aside
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with HashCache(db) as cache:  # room again: the same cache file works as before
        f = FileEntry("/a.jpg", 1, 1)
        cache.store([(f, INFO, None)], 128)
        assert cache.lookup([f], 128)[f.path].info == INFO and cache.notices == []


def test_locked_cache_does_not_stop_a_scan(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    HashCache(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with HashCache(db, timeout=0.2) as cache:
            f = FileEntry("/a.jpg", 1, 1)
            cache.store([(f, INFO, None)], 128)  # must not raise
            assert cache.notices
    finally:
        holder.execute("ROLLBACK")
        holder.close()


WRITER = """
import sys
from photodedupe.core.cache import HashCache
from photodedupe.core.model import FileEntry, PhotoInfo
db, who = sys.argv[1], sys.argv[2]
with HashCache(db, timeout=30) as cache:
    for batch in range(20):
        rows = [(FileEntry(f"/{who}/{batch}/{k}.jpg", k + 1, 1), PhotoInfo(k, 1, 1), None)
                for k in range(200)]
        cache.store(rows, 128)
        cache.lookup([r[0] for r in rows], 128)
    assert not cache.notices, cache.notices
"""


def test_two_processes_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db, who]) for who in ("a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM photos").fetchone() == (8000,)
    conn.close()


OPENER = """
import sys, time
from photodedupe.core.cache import HashCache
db, start = sys.argv[1], float(sys.argv[2])
while time.time() < start:
    pass
with HashCache(db, timeout=30) as cache:
    print(len(cache.notices))
"""


def test_scans_started_together_all_use_the_new_cache(tmp_path: Path) -> None:
    """Turning a new file to WAL answers "locked" without waiting; each opener retries instead."""
    for trial in range(3):
        db = str(tmp_path / f"c{trial}.db")
        start = time.time() + 0.8
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, db, str(start)], stdout=subprocess.PIPE, text=True
            )
            for _ in range(5)
        ]
        assert [p.communicate(timeout=60)[0].strip() for p in procs] == ["0"] * 5
