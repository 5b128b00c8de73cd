"""Move marked photos to a folder: never overwrite, keep or flatten folders, Undo puts them back."""

from __future__ import annotations

import hashlib
from pathlib import Path

from photodedupe.core.files import journal
from photodedupe.core.files.actions import TrashPlan, move_to_trash, mover_for, undo_batch
from photodedupe.core.files.folder_move import FolderMove
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
from photodedupe.core.paths import batches_dir
from tests.conftest import make_photo, save


def plan_of(paths: list[Path]) -> TrashPlan:
    photos = []
    for p in paths:
        st = p.stat()
        photos.append(
            Photo(FileEntry(str(p), st.st_size, st.st_mtime_ns), PhotoInfo(hash=0, width=64, height=48))
        )
    return TrashPlan(tuple(photos), sum(x.file.size for x in photos), 0)


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_keep_folders_then_undo_from_the_journal(tmp_path: Path) -> None:
    lib = tmp_path / "Pictures"
    files = [save(make_photo(k, (64, 48)), lib / sub / "IMG_1.jpg") for k, sub in enumerate(("2019", "2020"))]
    before = {str(p): digest(p) for p in files}
    dest = tmp_path / "Rejects"
    (dest / "Pictures" / "2019").mkdir(parents=True)
    (dest / "Pictures" / "2019" / "IMG_1.jpg").write_bytes(b"someone else's file")  # never overwritten
    report = move_to_trash(
        plan_of(files), FolderMove(str(dest), [str(lib)]), journal_folder=batches_dir(), whole=why_not_whole
    )
    assert not report.failed and not any(p.exists() for p in files)
    assert sorted(str(Path(t.location).relative_to(dest)) for t in report.moved) == [
        "Pictures/2019/IMG_1 (2).jpg",
        "Pictures/2020/IMG_1.jpg",
    ]
    assert (dest / "Pictures" / "2019" / "IMG_1.jpg").read_bytes() == b"someone else's file"
    batch = journal.last_batch(batches_dir())
    assert batch is not None and batch.mover.kind == "folder"
    undone = undo_batch(batch, mover_for(batch))  # what `photodedupe undo` and the app do
    assert not undone.failed and {str(p): digest(p) for p in files} == before


def test_flat_moves_never_clash(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    files = [save(make_photo(k, (64, 48)), lib / sub / "same.jpg") for k, sub in enumerate("abc")]
    report = move_to_trash(
        plan_of(files),
        FolderMove(str(tmp_path / "flat"), [str(lib)], keep_folders=False),
        whole=why_not_whole,
    )
    names = sorted(Path(t.location).name for t in report.moved)
    assert names == ["same (2).jpg", "same (3).jpg", "same.jpg"]
