"""Never lose a photo, third round (issue 23): the trash as others use it, broken journals, strangers.

Each test is one way a photo could be lost later, or a command could crash,
tried with real files, real processes and the real trash.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from photodedupe.cli import main
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
