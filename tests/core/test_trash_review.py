"""Trash, Undo and the review session, on real files and a real (temporary) trash."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from photodedupe.core.files.actions import WouldEmptyGroups, move_to_trash, restore
from photodedupe.core.files.trash import FreedesktopTrash, original_path
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.find.scan import scan
from photodedupe.core.review import Review
from tests.conftest import make_photo, save


def test_trash_and_restore_when_trash_folder_is_missing(tmp_path: Path, private_dirs: Path) -> None:
    trash_root = private_dirs / "data" / "Trash"
    assert not trash_root.exists()
    photo = save(make_photo(1), tmp_path / "photos" / "a b ✓.jpg")
    data = photo.read_bytes()
    trash = FreedesktopTrash()
    item = trash.move(str(photo))
    assert not photo.exists()
    assert Path(item.location).read_bytes() == data
    assert Path(item.location).parent == trash_root / "files"
    assert oct(trash_root.stat().st_mode & 0o777) == "0o700"
    info = Path(item.info).read_text()
    assert info.startswith("[Trash Info]\nPath=") and "DeletionDate=" in info
    assert original_path(item.info) == str(photo)
    trash.restore(item)
    assert photo.read_bytes() == data and not Path(item.location).exists() and not Path(item.info).exists()


def test_same_name_twice_and_restore_conflict(tmp_path: Path) -> None:
    first = save(make_photo(1), tmp_path / "one" / "IMG_0001.JPG")
    second = save(make_photo(2), tmp_path / "two" / "IMG_0001.JPG")
    trash = FreedesktopTrash()
    a, b = trash.move(str(first)), trash.move(str(second))
    assert a.location != b.location and Path(b.location).name == "IMG_0001.2.JPG"
    first.write_bytes(b"a new file took the name")
    report = restore([a, b], trash)
    assert [r.original for r in report.restored] == [str(second)]
    assert report.failed[0].path == str(first) and "another file now has its name" in report.failed[0].reason
    assert Path(a.location).exists()  # still safe in the trash


def test_other_volume_uses_its_own_trash() -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK) or shm.stat().st_dev == Path.home().stat().st_dev:
        pytest.skip("needs a writable /dev/shm on a volume of its own")
    folder = shm / f"photodedupe-test-{uuid.uuid4().hex}"
    photo = save(make_photo(3), folder / "x.png")
    trash_dir = shm / f".Trash-{os.getuid()}"
    existed = trash_dir.exists()
    try:
        item = FreedesktopTrash().move(str(photo))
        assert Path(item.location).parent == trash_dir / "files"
        assert f"Path={folder.name}/x.png" in Path(item.info).read_text()  # relative to the volume's top
        FreedesktopTrash().restore(item)
        assert photo.exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if not existed:
            shutil.rmtree(trash_dir, ignore_errors=True)


@pytest.fixture
def session(tmp_path: Path) -> Review:
    lib = tmp_path / "lib"
    big = make_photo(5, (1200, 900))
    save(big, lib / "best.jpg", quality=95)
    save(big.resize((600, 450)), lib / "small.jpg", quality=85)
    save(big.resize((300, 225)), lib / "archive" / "tiny.jpg", quality=85)
    other = make_photo(6, (800, 600))
    save(other, lib / "b1.jpg", quality=90)
    save(other, lib / "b2.png")
    with HashCache(None) as cache:
        result = scan([str(lib)], cache=cache)
    return Review(result, 14, reference_folders=[str(lib / "archive")])


def names(review: Review, indices) -> set[str]:
    return {os.path.basename(review.photos[k].path) for k in indices}


def test_mark_all_but_best_and_reference_folders(session: Review) -> None:
    assert sorted(len(g.members) for g in session.groups) == [2, 3]
    session.mark_all_but_best()
    # The archive copy is in a reference folder: it is the one kept, however small.
    # Same picture: the PNG re-export is no better than the JPEG it was made from.
    assert names(session, session.marked) == {"best.jpg", "small.jpg", "b2.png"}
    archive = next(k for k, p in enumerate(session.photos) if p.path.endswith("tiny.jpg"))
    assert session.set_marked(archive, True) is False  # protected
    plan = session.plan()
    assert plan.count == 3 and plan.emptied_groups == 0
    assert plan.total_bytes == sum(p.file.size for p in plan.photos)


def test_marks_survive_regrouping_and_trash_undo(session: Review) -> None:
    b2 = next(k for k, p in enumerate(session.photos) if p.path.endswith("b2.png"))
    small = next(k for k, p in enumerate(session.photos) if p.path.endswith("small.jpg"))
    session.toggle(b2)
    session.toggle(small)
    session.regroup(16)
    assert session.marked == {b2, small}
    session.regroup(0)  # fewer photos are grouped: marks on the others are dropped
    assert session.marked <= {m.index for g in session.groups for m in g.members}
    session.regroup(14)
    session.set_marked(b2, True)
    session.set_marked(small, True)
    trash = FreedesktopTrash()
    report = move_to_trash(session.plan(), trash, session.reference_folders, whole=why_not_whole)
    assert sorted(os.path.basename(t.original) for t in report.moved) == ["b2.png", "small.jpg"]
    assert not report.failed
    session.apply(report)
    assert not os.path.exists(session.photos[b2].path)
    assert [len(g.members) for g in session.groups] == [2]  # b1 is alone now, so its group is gone
    session.regroup(16)  # met before the move: the moved photos are not brought back with it
    assert {m.index for g in session.groups for m in g.members}.isdisjoint({b2, small})
    back = restore(report.moved, trash)
    session.apply_restore(back)
    assert os.path.exists(session.photos[b2].path) and [len(g.members) for g in session.groups] == [2, 3]
    session.regroup(0)
    session.regroup(16)
    assert {b2, small} <= {m.index for g in session.groups for m in g.members}


def test_changed_file_is_not_trashed_and_emptied_group_is_counted(session: Review) -> None:
    group = next(g for g in session.groups if len(g.members) == 2)
    for m in group.members:
        session.set_marked(m.index, True)
    plan = session.plan()
    assert plan.emptied_groups == 1
    changed = session.photos[group.members[0].index].path
    with pytest.raises(WouldEmptyGroups):  # the app must ask a second time first
        move_to_trash(plan, FreedesktopTrash(), session.reference_folders, whole=why_not_whole)
    assert all(os.path.exists(p.path) for p in plan.photos)
    with open(changed, "ab") as fh:
        fh.write(b"edited")
    report = move_to_trash(
        plan, FreedesktopTrash(), session.reference_folders, confirmed_emptying=True, whole=why_not_whole
    )
    assert [f.path for f in report.failed] == [changed]
    assert "changed on disk since the scan" in report.failed[0].reason
    assert os.path.exists(changed) and len(report.moved) == 1
