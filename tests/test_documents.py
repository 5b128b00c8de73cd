"""Each JSON document keeps its shape, and journals written before are still read.

``tests/golden/documents.json`` holds the shape (keys, and the kind of each value) of what
every command prints with ``--json`` for one small library. A key renamed or gone fails here:
that is a new ``documents.VERSION``, and programs that read us must be told. To accept a
deliberate change, run with ``PHOTODEDUPE_WRITE_GOLDEN=1`` and commit the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from photodedupe.cli import main
from photodedupe.core.documents import VERSION
from photodedupe.core.files import journal
from tests.conftest import make_photo, save

GOLDEN = Path(__file__).parent / "golden"


def shape(value: Any) -> Any:
    """Keys with the shape of their values; a list as the shape of its first item; a map keyed by
    paths (``why``: each kept photo's reason) as one ``<path>`` key."""
    if isinstance(value, dict):
        if value and all(os.path.isabs(k) for k in value):
            return {"<path>": shape(next(iter(value.values())))}
        return {k: shape(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return "null" if value is None else type(value).__name__


@pytest.mark.slow
def test_every_document_keeps_its_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    save(make_photo(1), lib / "a.jpg", quality=90)
    save(make_photo(1).resize((320, 240)), lib / "a_small.jpg", quality=70)
    save(make_photo(2), lib / "b.png")
    (lib / "broken.jpg").write_text("hello")
    commands = {
        "scan": ["scan", "--json", str(lib)],
        "find": ["find", "--json", str(lib / "a.jpg"), str(lib)],
        "cull": ["cull", "--json", str(lib)],
        "clean": ["clean", "--json", str(lib)],
        "clean --apply": ["clean", "--apply", "--json", str(lib)],
        "undo": ["undo", "--json"],
        "resume": ["resume", "--json"],
    }
    shapes = {}
    for name, argv in commands.items():
        main(argv)
        out = json.loads(capsys.readouterr().out)
        assert out["version"] == VERSION, name
        shapes[name] = shape(out)
    path = GOLDEN / "documents.json"
    if os.environ.get("PHOTODEDUPE_WRITE_GOLDEN"):
        path.write_text(json.dumps(shapes, indent=1, sort_keys=True) + "\n")
    assert shapes == json.loads(path.read_text())


def test_a_journal_written_before_is_read(tmp_path: Path) -> None:
    """A batch journal in the format this version writes (VERSION 1), as an earlier run left it."""
    lib = tmp_path / "lib"
    kept = save(make_photo(3), lib / "kept.jpg")
    gone = save(make_photo(3).resize((320, 240)), lib / "copy.jpg")
    trash = tmp_path / "Trash"
    (trash / "files").mkdir(parents=True)
    (trash / "info").mkdir()
    moved = trash / "files" / "copy.jpg"
    gone.rename(moved)
    info = "[Trash Info]\nPath=x\nDeletionDate=2026-01-01T00:00:00\n"
    (trash / "info" / "copy.jpg.trashinfo").write_text(info)
    text = (GOLDEN / "journal-v1.jsonl").read_text()
    places = {"{kept}": kept, "{copy}": lib / "copy.jpg", "{moved}": moved, "{trash}": trash}
    for key, value in places.items():
        text = text.replace(key, str(value))
    record = tmp_path / "batches" / "batch.jsonl"
    record.parent.mkdir()
    record.write_text(text)
    batch = journal.read(record)
    assert [f.path for f in batch.planned] == [str(lib / "copy.jpg")]
    assert [t.original for t in batch.moved] == [str(lib / "copy.jpg")]
    assert batch.kept[str(lib / "copy.jpg")][0].path == str(kept)
    assert batch.mover.kind == "trash" and not batch.failed and not batch.unreadable
