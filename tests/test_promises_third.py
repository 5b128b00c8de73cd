"""Never lose a photo, third round (issue 23): the trash as others use it, broken journals, strangers.

Each test is one way a photo could be lost later, or a command could crash,
tried with real files, real processes and the real trash.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from photodedupe.cli import main
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.paths import batches_dir
from tests.conftest import make_photo, save


def test_a_trash_is_never_scanned_even_with_include_hidden(tmp_path: Path, capsys) -> None:
    """A drive whose trash holds an older copy: the live photo is kept, the trash is not read."""
    drive = tmp_path / "drive"
    picture = make_photo(81, (900, 675))
    live = save(picture, drive / "Photos" / "IMG_1.jpg", quality=92)
    thrown = save(picture, drive / ".Trash-0" / "files" / "IMG_1.jpg", quality=92)
    os.utime(thrown, ns=(1, 1))  # older: "saved first" would keep it
    (drive / ".Trash-0" / "info").mkdir()
    (drive / ".Trash-0" / "info" / "IMG_1.jpg.trashinfo").write_text("[Trash Info]\nPath=/x\n")
    for other in (".Trash", ".Trashes", "$RECYCLE.BIN"):
        save(picture, drive / other / "IMG_1.jpg", quality=92)
    save(picture, drive / "Photos" / "copy" / "IMG_1.jpg", quality=92)
    assert main(["clean", "--apply", "--include-hidden", "--json", str(drive)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kept"] == [str(live)]
    assert [t["path"] for t in report["trashed"]] == [str(drive / "Photos" / "copy" / "IMG_1.jpg")]
    assert thrown.exists() and live.exists()
    # A trash given as a folder to scan is refused, with the reason.
    assert main(["scan", "--json", "--include-hidden", str(drive / ".Trash-0" / "files")]) == 0
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors == [
        {
            "path": str(drive / ".Trash-0" / "files"),
            "reason": "not scanned: it is in a trash, which photodedupe never reads",
        }
    ]


def test_the_home_trash_and_our_own_data_are_never_scanned(tmp_path: Path, capsys) -> None:
    home = Path(os.environ["XDG_DATA_HOME"])
    picture = make_photo(82)
    save(picture, home / "Trash" / "files" / "a.jpg", quality=90)
    save(picture, home / "photodedupe" / "batches" / "a.jpg", quality=90)
    save(picture, home / "Pictures" / "a.jpg", quality=90)
    assert main(["scan", "--json", "--include-hidden", str(home)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["groups"] == [] and report["stats"]["files"] == 1
    assert main(["scan", "--json", str(home / "Trash")]) == 0
    assert "never reads" in json.loads(capsys.readouterr().out)["errors"][0]["reason"]


@pytest.mark.parametrize("name", [".Trash-1000", ".Trash", ".Trashes", "$Recycle.Bin", "RECYCLER"])
def test_every_kind_of_trash_is_left_out(tmp_path: Path, name: str, capsys) -> None:
    lib = tmp_path / "lib"
    save(make_photo(83), lib / "a.jpg", quality=90)
    save(make_photo(83), lib / name / "a.jpg", quality=90)
    assert main(["scan", "--json", "--include-hidden", str(lib)]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["files"] == 1


# --- 2. a journal that can break ---------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "photodedupe", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _batch_of_three(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A real batch of three photos moved to the real trash; its journal and the photos."""
    lib = tmp_path / "lib"
    copies = []
    for n in range(3):
        picture = make_photo(90 + n)
        save(picture, lib / f"p{n}.jpg", quality=92)
        copies.append(save(picture.resize((320, 240)), lib / "small" / f"p{n}.jpg", quality=80))
    assert _cli("clean", "--apply", str(lib)).returncode == 0
    assert not any(c.exists() for c in copies)
    [journal_file] = sorted(batches_dir().glob("batch-*.jsonl"))
    return journal_file, copies


BROKEN = {
    "a JSON array": b"[1, 2, 3]\n",
    "a number": b"42\n",
    "not UTF-8": b"\xff\xfe\x00garbage\n",
    "a record missing a key": b'{"version": 1, "started": "2026-01-01T00:00:00"}\n',
    "planned files not whole": b'{"version": 1, "started": "x", "planned": [{"path": 3}]}\n',
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", [*BROKEN, "a folder"])
def test_a_malformed_journal_never_crashes_a_command(tmp_path: Path, kind: str) -> None:
    folder = batches_dir()
    folder.mkdir(parents=True, exist_ok=True)
    broken = folder / "batch-20200101-000000-000000-1.jsonl"
    if kind == "a folder":
        broken.mkdir()
    else:
        broken.write_bytes(BROKEN[kind])
    lib = tmp_path / "lib"
    save(make_photo(95), lib / "a.jpg", quality=90)
    said = []
    for command in (["scan", str(lib)], ["clean", str(lib)], ["cull", str(lib)], ["undo"], ["resume"]):
        run = _cli(*command)
        assert run.returncode == 0 and "Traceback" not in run.stderr, (command, run.stderr)
        said.append(run.stderr)
    # Said once, with its path, then set aside: it never stops a command again.
    assert "a damaged record of an earlier batch" in said[0] and str(broken) in said[0]
    assert not any("damaged" in s for s in said[1:])
    assert (folder / (broken.name + ".damaged")).exists() and not broken.exists()


@pytest.mark.slow
def test_a_garbage_line_loses_only_itself_and_undo_says_so(tmp_path: Path) -> None:
    journal_file, copies = _batch_of_three(tmp_path)
    lines = journal_file.read_bytes().split(b"\n")
    lines.insert(3, b"\x00\x01 not a record")  # between the moves
    journal_file.write_bytes(b"\n".join(lines))
    run = _cli("undo")
    assert run.returncode == 1, run.stdout + run.stderr  # it says what it could not read
    assert all(c.exists() for c in copies), run.stdout
    assert "1 record of this batch could not be read" in run.stdout


@pytest.mark.slow
def test_after_a_torn_last_line_undo_is_remembered_and_resume_moves_nothing(tmp_path: Path) -> None:
    """Killed mid-batch, then a power cut tore the journal's last line: after undo, resume moves nothing."""
    from tests.killing import KILLER

    photos = [save(make_photo(100 + n), tmp_path / f"p{n}.jpg", quality=90) for n in range(3)]
    run = subprocess.run([sys.executable, "-c", KILLER, "after-rename", "3", *map(str, photos)], timeout=120)
    assert run.returncode == -signal.SIGKILL
    [journal_file] = sorted(batches_dir().glob("batch-*.jsonl"))
    with open(journal_file, "ab") as fh:
        fh.write(b'{"moving": "/somewhere/else.jpg", "to')  # torn: no end, no newline
    undo = _cli("undo")
    assert undo.returncode == 0 and all(p.exists() for p in photos), undo.stdout + undo.stderr
    resumed = _cli("resume")
    assert resumed.returncode == 0 and "Nothing to resume" in resumed.stdout, resumed.stdout
    assert all(p.exists() for p in photos)  # the user chose Undo: nothing goes to the trash again


# --- 3. undo restores only what it moved ------------------------------------------------


def _pair(folder: Path, seed: int) -> Path:
    """A photo and a smaller copy of it; the copy, which a clean moves to the trash."""
    picture = make_photo(seed)
    save(picture, folder / f"photo{seed}.jpg", quality=92)
    return save(picture.resize((320, 240)), folder / "copies" / "IMG_0001.jpg", quality=80)


@pytest.mark.slow
def test_undo_never_restores_a_stranger_that_took_our_place_in_the_trash(tmp_path: Path) -> None:
    copy = _pair(tmp_path / "lib", 110)
    assert _cli("clean", "--apply", str(tmp_path / "lib")).returncode == 0
    trash = Path(os.environ["XDG_DATA_HOME"]) / "Trash"
    # The user empties the trash; the file manager then trashes another IMG_0001.jpg.
    for folder in ("files", "info"):
        for f in (trash / folder).iterdir():
            f.unlink()
    stranger = trash / "files" / "IMG_0001.jpg"
    stranger.write_bytes(b"somebody else's photo")
    stranger_info = trash / "info" / "IMG_0001.jpg.trashinfo"
    stranger_info.write_text("[Trash Info]\nPath=/home/x/Desktop/IMG_0001.jpg\nDeletionDate=2026-01-01T00:00")
    run = _cli("undo")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "another file in its place is not ours and was left as it is" in run.stdout, run.stdout
    assert stranger.read_bytes() == b"somebody else's photo" and stranger_info.exists()
    assert not copy.exists()
    assert "Nothing to undo" in _cli("undo").stdout  # said once, not in the way again


@pytest.mark.slow
def test_a_conflict_in_one_batch_does_not_block_older_ones(tmp_path: Path) -> None:
    older = _pair(tmp_path / "a", 111)
    assert _cli("clean", "--apply", str(tmp_path / "a")).returncode == 0
    newer = _pair(tmp_path / "b", 112)
    assert _cli("clean", "--apply", str(tmp_path / "b")).returncode == 0
    newer.write_bytes(b"a new file the user saved under that name")  # the name is taken again
    first = _cli("undo")
    assert first.returncode == 1 and "another file now has its name" in first.stdout
    assert newer.read_bytes() == b"a new file the user saved under that name"
    second = _cli("undo")
    assert second.returncode == 0 and older.exists(), second.stdout + second.stderr


# --- 5. reports are data ------------------------------------------------------------------


def _library_of_weapons(tmp_path: Path) -> Path:
    """Names that are formulas, that forge lines, that are not UTF-8."""
    lib = tmp_path / "lib"
    picture = make_photo(120)
    save(picture, lib / "=HYPERLINK(1).jpg", quality=92)
    save(picture.resize((400, 300)), lib / "x\n  keep   forged.jpg", quality=80)
    save(picture.resize((300, 225)), lib / os.fsdecode(b"caf\xe9.jpg"), quality=80)
    return lib


@pytest.mark.slow
def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    import csv
    import io

    lib = _library_of_weapons(tmp_path)
    run = _cli("scan", "--csv", str(lib))
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    paths = [r["path"] for r in rows]
    assert all(not p.startswith(("=", "+", "-", "@")) for p in paths)
    assert f"'{lib}" not in paths and any(p.endswith("=HYPERLINK(1).jpg") for p in paths)


@pytest.mark.slow
def test_text_output_cannot_be_forged_by_a_name(tmp_path: Path) -> None:
    lib = _library_of_weapons(tmp_path)
    run = _cli("clean", str(lib))
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert not any(line.lstrip().startswith("keep   forged") for line in run.stdout.splitlines())
    assert "x\\n  keep   forged.jpg" in run.stdout and "caf\\xe9.jpg" in run.stdout


@pytest.mark.slow
def test_json_carries_names_that_are_not_utf8_losslessly(tmp_path: Path) -> None:
    import base64

    lib = _library_of_weapons(tmp_path)
    run = _cli("scan", "--json", str(lib))
    assert run.returncode == 0, run.stderr
    assert "\\udc" not in run.stdout  # no lone surrogates: every string is valid Unicode
    report = json.loads(run.stdout)
    readable = str(lib / "caf\ufffd.jpg")
    assert base64.b64decode(report["path_bytes"][readable]) == os.fsencode(lib) + b"/caf\xe9.jpg"
    names = {os.path.basename(f["path"]) for g in report["groups"] for f in g["files"]}
    assert "caf\ufffd.jpg" in names
    # Applied and undone with such a name: no "Logging error" anywhere.
    applied = _cli("clean", "--apply", str(lib))
    undone = _cli("undo")
    assert "Logging error" not in applied.stderr + undone.stderr and undone.returncode == 0
    assert os.path.exists(os.fsencode(lib) + b"/caf\xe9.jpg")


# --- 6. no traceback, no lie, at the edges -------------------------------------------------


@pytest.mark.slow
def test_an_unusable_data_folder_moves_nothing_and_says_why(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    copy = _pair(lib, 130)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    env = dict(os.environ, XDG_DATA_HOME=str(blocked))
    run = subprocess.run([sys.executable, "-m", "photodedupe", "clean", "--apply", str(lib)],
                         capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "its journal cannot be kept in" in run.stderr + run.stdout and copy.exists()


@pytest.mark.slow
def test_cull_interrupted_by_ctrl_c_says_what_is_left_and_exits_130(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt
    import signal as signals

    from photodedupe.core.files.trash import FreedesktopTrash
    from tests.bursts import T0, burst

    burst(tmp_path / "Shoot", 11, frames=5, sharp=2)
    burst(tmp_path / "Shoot", 12, frames=4, sharp=0, start=T0 + dt.timedelta(minutes=5))
    real_move, moves = FreedesktopTrash.move, []

    def move_then_ctrl_c(self, path, before=None, beside=None):
        moves.append(path)
        if len(moves) == 2:
            os.kill(os.getpid(), signals.SIGINT)
        return real_move(self, path, before, beside)

    monkeypatch.setattr(FreedesktopTrash, "move", move_then_ctrl_c)
    assert main(["cull", "--apply", "--no-cache", str(tmp_path / "Shoot")]) == 130
    captured = capsys.readouterr()
    assert "interrupted; 5 frames were not moved yet" in captured.err and "Traceback" not in captured.err


def test_a_link_to_a_photo_is_never_trashed_in_its_place(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    picture = make_photo(131)
    photo = save(picture, lib / "a.jpg", quality=92)
    copy = save(picture.resize((320, 240)), lib / "copies" / "a.jpg", quality=80)
    link = lib / "aa-link.jpg"
    link.symlink_to(copy)  # sorts first: it used to stand for the copy
    assert main(["scan", "--json", str(lib)]) == 0
    assert json.loads(capsys.readouterr().out)["skipped_by_kind"] == {"links to photos": [str(link)]}
    assert main(["clean", "--apply", "--json", str(lib)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [t["path"] for t in report["trashed"]] == [str(copy)] and photo.exists()


def test_hard_linked_copies_free_nothing_and_say_so(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    picture = make_photo(132)
    save(picture, lib / "a.jpg", quality=92)
    copy = save(picture.resize((320, 240)), lib / "copies" / "a.jpg", quality=80)
    os.link(copy, tmp_path / "elsewhere.jpg")  # another name for the same bytes, outside the library
    assert main(["clean", "--apply", str(lib)]) == 0
    assert "Moved 1 photo to the trash; emptying it frees 0 B." in capsys.readouterr().out


@pytest.mark.slow
def test_clean_says_an_unreadable_folder_and_does_not_end_as_if_all_was_seen(tmp_path: Path) -> None:
    from tests.test_permissions import as_ordinary_user

    lib = tmp_path / "lib"
    _pair(lib, 133)
    locked = lib / "locked"
    save(make_photo(134), locked / "b.jpg", quality=90)
    locked.chmod(0)
    try:
        run = subprocess.run(as_ordinary_user([sys.executable, "-m", "photodedupe", "clean", str(lib)]),
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    finally:
        locked.chmod(0o755)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{locked}: folder cannot be read: permission denied" in run.stderr


# --- 4. "unchanged" is more than size and time -------------------------------------------------


def test_a_kept_photo_swapped_behind_our_back_keeps_its_copy_out_of_the_trash(tmp_path: Path) -> None:
    """The kept photo is overwritten by another of the same size and time: its copy must stay."""
    from photodedupe.core.files.actions import move_to_trash
    from photodedupe.core.files.trash import FreedesktopTrash
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan
    from photodedupe.core.review import Review

    lib = tmp_path / "lib"
    picture = make_photo(150)
    kept = save(picture, lib / "a.jpg", quality=92)
    copy = save(picture.resize((320, 240)), lib / "copies" / "a.jpg", quality=80)
    with HashCache(None) as cache:
        review = Review(scan([str(lib)], cache=cache), 16)
    review.mark_all_but_best()
    st = os.stat(kept)
    other = save(make_photo(151), tmp_path / "other.jpg", quality=92).read_bytes()[: st.st_size]
    kept.write_bytes(other + b"\0" * (st.st_size - len(other)))  # same size...
    os.utime(kept, ns=(st.st_atime_ns, st.st_mtime_ns))  # ...and the same time: only ctime tells
    report = move_to_trash(
        review.plan(), FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
    )
    assert not report.moved and copy.exists()
    assert "no photo of its group is left on disk as it was scanned" in report.failed[0].reason
