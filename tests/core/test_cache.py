"""The SQLite hash cache: validity keys, schema versions, locks, two processes at once."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from photodedupe.core.find.cache import SCHEMA_VERSION, HashCache
from photodedupe.core.model import FileEntry, PhotoInfo

INFO = PhotoInfo(
    hash=(1 << 127) | 5, width=4000, height=3000, taken="2020-01-02T03:04:05", camera="Pixel 7", format="JPEG"
)


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


@pytest.mark.parametrize("version", [SCHEMA_VERSION - 2, SCHEMA_VERSION - 1])
def test_older_schema_is_rebuilt(tmp_path: Path, version: int, caplog: pytest.LogCaptureFixture) -> None:
    """An older layout is rebuilt (version 7 too, when its tables are not laid out as 7's were),
    and the log says so when it happens."""
    db = cache_of_version(tmp_path / "c.db", version)
    logger = logging.getLogger("photodedupe")  # its own handler: logs.setup stops it propagating
    logger.addHandler(caplog.handler)
    try:
        with HashCache(db) as cache:
            assert any("another version" in n for n in cache.notices)
            assert any("another version" in r.getMessage() for r in caplog.records)
            cache.store([(FileEntry("/a.jpg", 1, 1), INFO, None)], 128)
            assert len(cache.lookup([FileEntry("/a.jpg", 1, 1)], 128)) == 1
    finally:
        logger.removeHandler(caplog.handler)


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
from photodedupe.core.find.cache import HashCache
from photodedupe.core.model import FileEntry, PhotoInfo
db = sys.argv[1]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))  # the disk is "full" at 256 KB
with HashCache(db) as cache:
    info = PhotoInfo(hash=7, width=1, height=1, content=bytes(128), thumb=bytes(1024))
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
from photodedupe.core.find.cache import HashCache
from photodedupe.core.model import FileEntry, PhotoInfo
db, who = sys.argv[1], sys.argv[2]
with HashCache(db, timeout=30) as cache:
    for batch in range(20):
        rows = [(FileEntry(f"/{who}/{batch}/{k}.jpg", k + 1, 1), PhotoInfo(hash=k, width=1, height=1), None)
                for k in range(200)]
        cache.store(rows, 128)
        cache.lookup([r[0] for r in rows], 128)
    assert not cache.notices, cache.notices
"""


@pytest.mark.slow
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
from photodedupe.core.find.cache import HashCache
db, start = sys.argv[1], float(sys.argv[2])
while time.time() < start:
    pass
with HashCache(db, timeout=30) as cache:
    print(len(cache.notices))
"""


@pytest.mark.slow
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


V7_PHOTOS = (
    "CREATE TABLE photos (path BLOB NOT NULL, bits INTEGER NOT NULL, size INTEGER NOT NULL, "
    "mtime_ns INTEGER NOT NULL, recipe INTEGER NOT NULL, hash BLOB, width INTEGER, height INTEGER, "
    "taken TEXT, camera TEXT, content BLOB, windows BLOB, details TEXT, format TEXT, quality INTEGER, "
    "picture_width INTEGER, picture_height INTEGER, damaged INTEGER, grey INTEGER, tone BLOB, error TEXT, "
    "PRIMARY KEY (path, bits)) WITHOUT ROWID"
)


def test_a_version_7_cache_is_kept_and_learns_each_files_inode_once(tmp_path: Path) -> None:
    """Upgrading decodes nothing again; the first rescan records inode and ctime, then they count."""
    from photodedupe.core.find.hashing import HASH_RECIPE, hash_to_bytes

    db = tmp_path / "c.db"
    conn = sqlite3.connect(db)
    conn.execute(V7_PHOTOS)
    stamp = "size INTEGER, mtime_ns INTEGER, recipe INTEGER"
    key = "PRIMARY KEY (path, bits)"
    conn.execute(f"CREATE TABLE thumbs (path BLOB, bits INTEGER, {stamp}, thumb BLOB, {key})")
    conn.execute(f"CREATE TABLE frames (path BLOB PRIMARY KEY, {stamp}, measures TEXT)")
    conn.execute("CREATE TABLE digests (path BLOB PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest BLOB)")
    row = [b"/a.jpg", 128, 10, 20, HASH_RECIPE, hash_to_bytes(INFO.hash, 128), 4000, 3000]
    conn.execute("INSERT INTO photos VALUES (" + ",".join("?" * 21) + ")", row + [None] * 13)
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    with HashCache(db) as cache:
        assert not cache.notices  # not rebuilt
        assert cache.lookup([FileEntry("/a.jpg", 10, 20, ino=7, ctime_ns=99)], 128)  # adopted, once
        assert cache.lookup([FileEntry("/a.jpg", 10, 20, ino=7, ctime_ns=99)], 128)
        # Another file of the same size and time under that name: not this row.
        assert not cache.lookup([FileEntry("/a.jpg", 10, 20, ino=8, ctime_ns=150)], 128)


def test_a_photo_swapped_for_another_of_the_same_size_and_time_is_decoded_again(tmp_path: Path) -> None:
    """Then it is not grouped with its predecessor's copies, and nothing is trashed for it."""
    from photodedupe.core.find.scan import scan
    from tests.conftest import make_photo, save

    lib = tmp_path / "lib"
    first, second = make_photo(141), make_photo(142)
    photo = save(first, lib / "a.jpg", quality=90)
    save(first.resize((320, 240)), lib / "copy.jpg", quality=80)
    stranger = save(second, tmp_path / "b.jpg", quality=90)
    with HashCache(tmp_path / "c.db") as cache:
        assert len(scan([str(lib)], cache=cache).members(16)) == 1
        # Swap: another photo, padded to the same size and given the same modification time.
        st = os.stat(photo)
        data = stranger.read_bytes()
        assert len(data) <= st.st_size
        photo.write_bytes(data + b"\0" * (st.st_size - len(data)))
        os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert (os.stat(photo).st_size, os.stat(photo).st_mtime_ns) == (st.st_size, st.st_mtime_ns)
        again = scan([str(lib)], cache=cache)
        assert again.stats.hashed >= 1 and len(again.members(16)) == 0


def test_an_upgrade_decodes_again_only_the_formats_whose_decoding_changed(tmp_path: Path) -> None:
    """Recipe 7 changed HEIF, PNG and RAW reading: a library's JPEGs are not decoded again for it."""
    import dataclasses
    import sqlite3

    from photodedupe.core.find.hashing import EARLIER_RECIPE, HASH_RECIPE

    jpeg, png = FileEntry("/p/a.jpg", 10, 1), FileEntry("/p/b.png", 10, 1)
    entries = [jpeg, png]
    cache = HashCache(tmp_path / "cache.db")
    info = dataclasses.replace(INFO, thumb=b"t" * 16)
    cache.store([(jpeg, info, None), (png, dataclasses.replace(info, format="PNG"), None)], 128)
    with sqlite3.connect(tmp_path / "cache.db") as conn:  # as the version before left them
        for table in ("photos", "thumbs"):
            conn.execute(f"UPDATE {table} SET recipe=?", (EARLIER_RECIPE,))
    assert HASH_RECIPE > EARLIER_RECIPE
    assert set(cache.lookup(entries, 128)) == {jpeg.path}
    assert set(cache.lookup_thumbs(entries, 128)) == {jpeg.path, png.path}


def test_every_field_of_a_photo_has_its_column(tmp_path: Path) -> None:
    """PhotoInfo's fields are the cache's columns, by name: a field added without one fails here."""
    import dataclasses
    import sqlite3

    from photodedupe.core.find.cache import INFO_COLUMNS

    with HashCache(tmp_path / "c.db"):
        pass
    conn = sqlite3.connect(tmp_path / "c.db")
    photos = {row[1] for row in conn.execute("PRAGMA table_info(photos)")}
    thumbs = {row[1] for row in conn.execute("PRAGMA table_info(thumbs)")}
    conn.close()
    names = {f.name for f in dataclasses.fields(PhotoInfo)}
    assert set(INFO_COLUMNS) == names - {"hash", "thumb"}
    assert names - {"thumb"} <= photos and "thumb" in thumbs
    info = PhotoInfo(
        hash=3, width=4, height=5, taken="2020-01-01T00:00:00", camera="C", content=b"c" * 128,
        windows=b"w" * 176, details='{"iso":100}', format="PNG", quality=0, picture_width=4,
        picture_height=5, damaged=True, grey=True, tone=b"t" * 64,
    )  # fmt: skip
    entry = FileEntry("/p/x.png", 10, 20)
    with HashCache(tmp_path / "c.db") as cache:
        cache.store([(entry, info, None)], 128)
        assert cache.lookup([entry], 128)[entry.path].info == info  # every field back as it went in
