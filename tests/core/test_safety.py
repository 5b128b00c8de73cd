"""Never lose a photo: the trash journal, kills mid-batch, Undo with identical bytes, the promises.

Everything runs on real files, the real freedesktop trash (in a private
XDG_DATA_HOME) and real processes killed with SIGKILL.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from photodedupe.core.files import journal
from photodedupe.core.files.actions import (
    TrashPlan,
    WouldEmptyGroups,
    move_to_trash,
    plan_trash,
    resume_batch,
    undo_batch,
)
from photodedupe.core.files.trash import FreedesktopTrash
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.rules import RULES
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
from photodedupe.core.paths import batches_dir
from photodedupe.core.review import Review
from tests.conftest import make_photo, save
from tests.killing import KILLER


def digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def photo_at(path: Path) -> Photo:
    st = path.stat()
    return Photo(FileEntry(str(path), st.st_size, st.st_mtime_ns), PhotoInfo(hash=0, width=640, height=480))


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return [save(make_photo(k, (160, 120)), tmp_path / "lib" / f"IMG_{k:03d}.jpg") for k in range(8)]


def plan_of(paths: list[Path]) -> TrashPlan:
    photos = tuple(photo_at(p) for p in paths)
    return TrashPlan(photos, sum(p.file.size for p in photos), 0)


def test_undo_restores_identical_bytes_from_a_later_run(files: list[Path]) -> None:
    before = {str(p): digest(p) for p in files}
    report = move_to_trash(
        plan_of(files), FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
    )
    assert len(report.moved) == len(files) and not any(p.exists() for p in files)
    # A later run knows the batch from its journal alone.
    batch = journal.last_batch(batches_dir())
    assert batch is not None and batch.finished and not batch.interrupted
    assert sorted(t.original for t in batch.in_trash) == sorted(before)
    back = undo_batch(batch, FreedesktopTrash())
    assert not back.failed and len(back.restored) == len(files)
    assert {str(p): digest(p) for p in files} == before
    assert journal.last_batch(batches_dir()) is None  # nothing left to undo
    trash_info = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "info"
    assert list(trash_info.iterdir()) == []


def test_a_running_batch_is_not_taken_for_an_interrupted_one(files: list[Path], tmp_path: Path) -> None:
    with journal.Journal.begin(tmp_path / "j", [photo_at(p).file for p in files]):
        [batch] = journal.batches(tmp_path / "j")
        assert batch.running and not batch.interrupted
        assert journal.interrupted_batches(tmp_path / "j") == []
    [batch] = journal.batches(tmp_path / "j")
    assert batch.finished and not batch.running


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before-rename", "after-rename"])
def test_killed_mid_batch_nothing_is_lost_then_undo_or_resume(files: list[Path], when: str) -> None:
    before = {str(p): digest(p) for p in files}
    run = subprocess.run(
        [sys.executable, "-c", KILLER, when, "4", *map(str, files)], capture_output=True, timeout=120
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    [batch] = journal.interrupted_batches(batches_dir())
    moved = 4 if when == "after-rename" else 3
    assert len(batch.in_trash) == moved and len(batch.pending) == len(files) - moved
    # Every photo is in exactly one known place, with its bytes.
    for item in batch.in_trash:
        assert not os.path.exists(item.original) and digest(item.location) == before[item.original]
    for entry in batch.pending:
        assert digest(entry.path) == before[entry.path]
    info_dir = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "info"
    assert len(list(info_dir.iterdir())) == moved  # a record reserved but never used is gone

    # The CLI says so at its next start, and Undo puts back what moved.
    cli = [sys.executable, "-m", "photodedupe"]
    scan_run = subprocess.run([*cli, "scan", "--no-cache", str(files[0])], capture_output=True, text=True)
    assert "was interrupted" in scan_run.stderr and "photodedupe undo" in scan_run.stderr
    undo = subprocess.run([*cli, "undo"], capture_output=True, text=True, timeout=60)
    assert undo.returncode == 0 and f"Put {moved} photos back" in undo.stdout
    assert {str(p): digest(p) for p in files} == before
    assert journal.interrupted_batches(batches_dir()) == []

    # The other way out: run it again, killed again, then finish it.
    subprocess.run([sys.executable, "-c", KILLER, when, "2", *map(str, files)], timeout=120)
    [batch] = journal.interrupted_batches(batches_dir())
    report = resume_batch(batch, FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole)
    assert not report.failed and not any(p.exists() for p in files)
    assert journal.interrupted_batches(batches_dir()) == []


def test_resume_skips_a_file_changed_since_the_plan(files: list[Path]) -> None:
    subprocess.run([sys.executable, "-c", KILLER, "after-rename", "1", *map(str, files)], timeout=120)
    [batch] = journal.interrupted_batches(batches_dir())
    with open(files[5], "ab") as fh:
        fh.write(b"edited after the crash")
    report = resume_batch(batch, FreedesktopTrash(), whole=why_not_whole)
    assert [f.path for f in report.failed] == [str(files[5])] and files[5].exists()
    assert "changed on disk" in report.failed[0].reason


# --- the promises -------------------------------------------------------------------------------


def test_changed_size_or_time_is_never_trashed(files: list[Path]) -> None:
    plan = plan_of(files[:3])
    with open(files[0], "ab") as fh:
        fh.write(b"x")  # size changes
    st = files[1].stat()
    os.utime(files[1], ns=(st.st_atime_ns, st.st_mtime_ns + 1))  # only the time changes
    report = move_to_trash(plan, FreedesktopTrash(), whole=why_not_whole)
    assert sorted(f.path for f in report.failed) == sorted(map(str, files[:2]))
    assert files[0].exists() and files[1].exists() and not files[2].exists()


def test_reference_folders_are_never_trashed_whatever_is_marked(tmp_path: Path) -> None:
    ref = tmp_path / "archive"
    inside = save(make_photo(1, (160, 120)), ref / "deep" / "a.jpg")
    outside = save(make_photo(1, (160, 120)), tmp_path / "lib" / "a.jpg")
    # A plan made by hand, bypassing the review that refuses such marks.
    report = move_to_trash(plan_of([inside, outside]), FreedesktopTrash(), [str(ref)], whole=why_not_whole)
    assert [f.path for f in report.failed] == [str(inside)] and "reference folder" in report.failed[0].reason
    assert inside.exists() and not outside.exists()


@pytest.fixture(scope="module")
def groups_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("groups")
    for k in range(4):
        im = make_photo(40 + k, (480, 360))
        save(im, lib / f"p{k}.jpg", quality=90)
        save(im.resize((240, 180)), lib / f"p{k} copy.jpg", quality=80)
        save(im, lib / "raw" / f"p{k}.png")
    return lib


@pytest.mark.parametrize("rules", list(itertools.permutations(list(RULES), 2))[::5])
def test_keep_the_best_always_leaves_one(groups_library: Path, rules: tuple[str, ...]) -> None:
    with HashCache(None) as cache:
        result = scan([str(groups_library)], cache=cache)
    review = Review(result, 16)
    review.rules = rules
    review.preferred_folders = [str(groups_library / "raw")]
    assert len(review.groups) == 4
    review.mark_all_but_best()
    for group in review.groups:
        kept = [m.index for m in group.members if m.index not in review.marked]
        assert len(kept) == 1
    plan = review.plan()
    assert plan.emptied_groups == 0 and plan.count == 8


def test_emptying_a_group_needs_the_second_confirmation(groups_library: Path, tmp_path: Path) -> None:
    with HashCache(None) as cache:
        result = scan([str(groups_library)], cache=cache)
    review = Review(result, 16)
    group = review.groups[0]
    for m in group.members:
        review.set_marked(m.index, True)
    plan = plan_trash(review.photos, review.groups, review.marked)
    assert plan.emptied_groups == 1
    with pytest.raises(WouldEmptyGroups):
        move_to_trash(plan, FreedesktopTrash(), journal_folder=tmp_path / "j", whole=why_not_whole)
    assert all(os.path.exists(p.path) for p in plan.photos)
    assert journal.batches(tmp_path / "j") == []  # refused before anything was written or moved


# --- when the trash itself fails: the file stays, the reason is shown, nothing is deleted ----------


def test_no_usable_trash_leaves_the_file(files: list[Path], tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    report = move_to_trash(plan_of(files[:1]), FreedesktopTrash(), whole=why_not_whole)
    assert [f.path for f in report.failed] == [str(files[0])] and files[0].exists()
    assert "no trash folder can be used" in report.failed[0].reason


def test_vanished_file_is_reported_not_trashed(files: list[Path]) -> None:
    plan = plan_of(files[:2])
    files[0].unlink()
    report = move_to_trash(plan, FreedesktopTrash(), whole=why_not_whole)
    assert report.failed[0].path == str(files[0]) and "gone from its folder" in report.failed[0].reason
    assert len(report.moved) == 1


@pytest.mark.slow
def test_permission_denied_leaves_the_file(files: list[Path], tmp_path: Path) -> None:
    from tests.test_permissions import as_ordinary_user

    folder = files[0].parent
    copy = folder / "IMG_000 copy.jpg"
    copy.write_bytes(files[0].read_bytes())
    before = digest(copy)
    folder.chmod(0o555)  # files cannot be moved out of it
    try:
        run = subprocess.run(
            as_ordinary_user(
                [sys.executable, "-m", "photodedupe", "clean", "--apply", "--json", "--no-cache", str(folder)]
            ),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        folder.chmod(0o755)
    assert run.returncode == 1, run.stderr  # a move failed: like undo, not 0
    report = json.loads(run.stdout)
    assert report["trashed"] == []
    assert [(f["path"], f["reason"]) for f in report["failed"]] == [
        (str(copy), "could not move it to the trash: permission denied")
    ]
    assert digest(copy) == before and files[0].exists()


@pytest.mark.slow
def test_read_only_file_system_is_scanned_and_nothing_moved(tmp_path: Path) -> None:
    """Photos on a read-only mount: the scan works; trashing fails per file, with the reason."""
    import shutil

    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("mounting a read-only file system needs root and util-linux's unshare")
    src = tmp_path / "src"
    photo = make_photo(3, (320, 240))
    save(photo, src / "a.jpg", quality=90)
    save(photo.resize((160, 120)), src / "a_small.jpg", quality=80)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = (
        f"mount -t tmpfs -o size=8m tmpfs {mnt} && cp {src}/* {mnt}/ && mount -o remount,ro {mnt} && "
        f"{sys.executable} -m photodedupe clean --apply --json --no-cache {mnt}; "
        f"ls {mnt}"
    )
    run = subprocess.run(
        [unshare, "--mount", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    if "mount:" in run.stderr and "permission denied" in run.stderr.lower():
        pytest.skip(f"this machine does not allow mounts: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    report_text, listing = run.stdout.rsplit("}\n", 1)
    report = json.loads(report_text + "}")
    assert report["trashed"] == [] and len(report["kept"]) == 1
    [failed] = report["failed"]
    assert failed["path"] == str(mnt / "a_small.jpg") and "Read-only file system" in failed["reason"]
    assert sorted(listing.split()) == ["a.jpg", "a_small.jpg"]


def test_old_finished_journals_are_pruned_unfinished_ones_kept(tmp_path: Path, files: list[Path]) -> None:
    folder = tmp_path / "journals"
    entry = photo_at(files[0]).file
    for _ in range(journal._KEEP + 5):
        journal.Journal.begin(folder, [entry]).close()
    unfinished = folder / "batch-00000000-000000-000000-1.jsonl"  # the oldest name of all
    unfinished.write_text(json.dumps({"version": 1, "started": "2020-01-01T00:00:00", "planned": []}) + "\n")
    journal.Journal.begin(folder, [entry]).close()
    names = sorted(p.name for p in folder.glob("batch-*.jsonl"))
    assert unfinished.name in names  # never finished: kept, whatever its age
    assert len(names) == journal._KEEP + 2  # the last _KEEP before this batch, this one, the unfinished


def test_a_batch_emptied_from_the_trash_is_no_longer_offered_for_undo(files: list[Path]) -> None:
    report = move_to_trash(
        plan_of(files[:2]), FreedesktopTrash(), journal_folder=batches_dir(), whole=why_not_whole
    )
    Path(report.moved[0].location).unlink()  # the user emptied part of the trash
    batch = journal.last_batch(batches_dir())
    assert batch is not None and [t.original for t in batch.in_trash] == [str(files[1])]
    Path(report.moved[1].location).unlink()
    assert journal.last_batch(batches_dir()) is None  # Undo has nothing left to do: not offered
