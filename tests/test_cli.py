"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photodedupe import __version__
from photodedupe.cli import main
from photodedupe.core.thresholds import default_threshold
from tests.conftest import make_photo, save


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    save(make_photo(1), lib / "a.jpg", quality=90)
    save(make_photo(1).resize((320, 240)), lib / "a_small.jpg", quality=70)
    save(make_photo(2), lib / "b.png")
    (lib / "broken.jpg").write_text("hello")
    return lib


def test_json_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "notes.txt").write_text("not a photo")
    (folder / "clip.mp4").write_bytes(b"\0" * 64)
    assert main(["scan", "--json", str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    keys = {"version", "threshold", "groups", "errors", "skipped", "skipped_by_kind", "reclaimable", "stats"}
    assert set(report) == keys
    # Files that are not photos are counted and listed, by kind, not silently dropped.
    assert report["skipped"] == [str(folder / "clip.mp4"), str(folder / "notes.txt")]
    by_kind = {"documents": [str(folder / "notes.txt")], "videos": [str(folder / "clip.mp4")]}
    assert report["skipped_by_kind"] == by_kind
    assert report["stats"]["skipped"] == 2
    assert report["reclaimable"]["files"] == 1
    assert report["version"] == 1 and report["threshold"] == default_threshold()
    [group] = report["groups"]
    ref, other = group["files"]
    assert ref["distance"] == 0 and other["distance"] <= default_threshold()
    assert {os.path.basename(f["path"]) for f in group["files"]} == {"a.jpg", "a_small.jpg"}
    assert all(os.path.isabs(f["path"]) for f in group["files"])
    assert {(f["width"], f["height"]) for f in group["files"]} == {(640, 480), (320, 240)}
    # The ★ is the photo kept, and it says why; formats come from the content.
    assert ref["width"] == 640 and group["why"].startswith("larger picture (640×480 vs 320×240)")
    assert {f["format"] for f in group["files"]} == {"jpeg"} and not ref["damaged"]
    assert group["files"][0]["size"] == os.path.getsize(ref["path"])
    assert report["errors"] == [
        {"path": str(folder / "broken.jpg"), "reason": "not an image: the file contains text"}
    ]
    assert report["stats"]["files"] == 4 and report["stats"]["hashed"] == 4
    assert main(["scan", "--json", str(folder)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["stats"]["hashed"] == 0 and again["stats"]["from_cache"] == 4
    assert main(["scan", "--json", "--no-cache", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["hashed"] == 4


def test_text_report_and_threshold(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Group 1: 2 photos" in out and "★" in out and "broken.jpg: not an image" in out
    assert "1 group (2 photos) at Similar (16 of 128 bits)" in out
    assert main(["scan", "--json", "--threshold", "0", str(folder)]) == 0
    strict = json.loads(capsys.readouterr().out)
    assert strict["threshold"] == 0
    assert all(f["distance"] == 0 for g in strict["groups"] for f in g["files"])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "/no/such/folder"], "no such file or folder: /no/such/folder"),
        (["scan", "--threshold", "999", "."], "--threshold must be between 0 and 20 for a 128-bit hash"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"photodedupe: error: {message}"


def test_python_dash_m(folder: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "--version"], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == f"photodedupe {__version__}"
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "scan", "--json", str(folder)], capture_output=True, text=True
    )
    assert run.returncode == 0 and json.loads(run.stdout)["version"] == 1
    assert "Traceback" not in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "scan", "/missing"], capture_output=True, text=True
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


@pytest.mark.slow
def test_core_never_imports_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, photodedupe.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'photodedupe.core.'): importlib.import_module(m.name)\n"
        "import photodedupe.cli\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_terminal_progress_line() -> None:
    import io

    from photodedupe.commands import TerminalProgress
    from photodedupe.core.progress import Progress, Stage

    out = io.StringIO()
    bar = TerminalProgress(out)
    bar(Progress(Stage.FINDING, 120, None, "/photos/2019"))
    bar(Progress(Stage.HASHING, 50, 200, "/photos/a.jpg", elapsed=5.0))
    bar.clear()
    text = out.getvalue()
    assert "Finding photos: 120 found" in text
    assert "50/200 (10/s, 0:15 left)" in text and "[######" in text
    assert text.endswith("\r")


def test_csv_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    assert main(["scan", "--csv", str(folder)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["group"], r["role"]) for r in rows] == [("1", "kept"), ("1", "copy"), ("", "problem")]
    ref = rows[0]
    assert ref["width"] == "640" and ref["format"] == "jpeg" and ref["identical"] == "no"
    assert ref["why"].startswith("larger picture") and rows[1]["why"] == ""
    assert rows[2]["path"].endswith("broken.jpg") and rows[2]["problem"].startswith("not an image")
    assert main(["scan", "--csv", "--json", str(folder)]) == 2


def test_text_report_says_what_can_be_freed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(folder)]) == 0
    out = capsys.readouterr().out
    small = os.path.getsize(folder / "a_small.jpg")
    from photodedupe.core.report import human_size

    assert f"Space reclaimable: {human_size(small)} in 1 photo, keeping one photo (★) of each group." in out


def test_find_by_example(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    example = save(make_photo(1).transpose(Image.Transpose.ROTATE_90), tmp_path / "sideways.jpg", quality=85)
    assert main(["find", "--json", str(example), str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["example"] == str(example)
    paths = [os.path.basename(m["path"]) for m in report["matches"]]
    assert sorted(paths) == ["a.jpg", "a_small.jpg"]  # not b.png, not the broken file
    distances = [m["distance"] for m in report["matches"]]
    assert distances == sorted(distances) and all(m["turned"] for m in report["matches"])
    assert main(["find", str(folder / "b.png"), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "0 bits" in out and "the example itself" in out and "1 found among 3 photos" in out
    assert main(["find", str(folder / "broken.jpg"), str(folder)]) == 1
    assert "not an image" in capsys.readouterr().err


def test_verbose_says_what_happens_and_the_log_keeps_it(
    folder: Path, capsys: pytest.CaptureFixture[str], private_dirs: Path
) -> None:
    from photodedupe.core.logs import log_path

    assert main(["--verbose", "scan", "--json", str(folder)]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)  # the data stays clean on stdout
    assert "photodedupe: INFO scanned 4 files" in captured.err
    assert log_path().is_relative_to(private_dirs) and "scan of" in log_path().read_text()
    assert main(["clean", "--apply", str(folder), "-v"]) == 0  # after the command works too
    assert "moved to the trash:" in capsys.readouterr().err
    assert "moved to the trash:" in log_path().read_text()
    assert main(["scan", str(folder)]) == 0
    assert "INFO" not in capsys.readouterr().err  # quiet without it


def test_exclude_leaves_folders_and_files_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "Backup").mkdir()
    (folder / "Backup" / "a_copy.jpg").write_bytes((folder / "a.jpg").read_bytes())
    assert main(["scan", "--json", str(folder)]) == 0
    every = {
        os.path.basename(f["path"]) for g in json.loads(capsys.readouterr().out)["groups"] for f in g["files"]
    }
    assert "a_copy.jpg" in every
    for pattern in ("Backup", "*/Backup", str(folder / "Backup"), "a_copy.*"):
        assert main(["scan", "--json", "--exclude", pattern, str(folder)]) == 0
        report = json.loads(capsys.readouterr().out)
        names = {os.path.basename(f["path"]) for g in report["groups"] for f in g["files"]}
        assert "a_copy.jpg" not in names and "a.jpg" in names, pattern


@pytest.mark.slow
def test_numba_kernels_are_cached_in_the_users_cache_folder(folder: Path, tmp_path: Path) -> None:
    """An installed or bundled copy cannot write beside its package: kernels go to the user's cache."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("NUMBA_CACHE_DIR", None)
    # A library large enough for the compiled pair search (a small one compares in numpy).
    code = (
        "import numpy as np, photodedupe\n"
        "from photodedupe.core.find import index\n"
        "words = np.random.default_rng(1).integers(0, 2**63, (3000, 2), dtype=np.uint64)\n"
        "index.candidate_edges(words, 16)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True)
    assert run.returncode == 0, run.stderr
    assert list((tmp_path / "cache" / "photodedupe" / "numba").rglob("*.nbi"))


def test_help_does_not_load_numpy() -> None:
    """--help answers at once: the heavy modules are imported only once there is work."""
    code = (
        "import sys\nfrom photodedupe.cli import build_parser\nbuild_parser()\nprint('numpy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_install_and_uninstall_the_desktop_entry(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["--install-desktop"]) == 0
    entry = tmp_path / "data" / "applications" / "photodedupe.desktop"
    icon = tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps" / "photodedupe.svg"
    assert capsys.readouterr().out.split() == [str(entry), str(icon)]
    text = entry.read_text()
    assert "Type=Application" in text and "MimeType=inode/directory;" in text and "Icon=photodedupe" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %F") and "photodedupe" in exec_line
    assert icon.read_text().startswith("<svg")
    assert main(["--uninstall-desktop"]) == 0
    assert not entry.exists() and not icon.exists()
    assert main(["--uninstall-desktop"]) == 0  # nothing left to remove: still fine


def _talking_tiff(path: Path) -> Path:
    """An LZW TIFF whose strips were partly zeroed: libtiff prints its complaints on stderr."""
    from PIL import Image

    save(make_photo(31, (400, 300)), path, compression="tiff_lzw", rowsperstrip=16)
    data = bytearray(path.read_bytes())
    with Image.open(path) as im:
        strips = im.tag_v2[273]
    for start in strips[3:9]:
        data[start : start + 40] = bytes(40)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.slow
def test_c_libraries_talk_to_the_log_not_to_stderr(tmp_path: Path) -> None:
    """libtiff writes to stderr itself; the user sees only photodedupe's words, and -v shows its."""
    lib = tmp_path / "lib"
    _talking_tiff(lib / "fuzzed.tif")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "photodedupe", "scan", "--no-cache", str(lib)]
    quiet = subprocess.run(command, capture_output=True, text=True, env=env)
    loud = subprocess.run([*command, "--verbose"], capture_output=True, text=True, env=env)
    assert quiet.returncode == loud.returncode == 0, quiet.stderr
    assert "Using code not yet in table" not in quiet.stderr
    assert all(line.startswith("photodedupe") for line in quiet.stderr.splitlines()), quiet.stderr
    said = "photodedupe: WARNING a decoding library said: tempfile.tif: Using code not yet in table."
    assert said in loud.stderr.splitlines(), loud.stderr
    from photodedupe.core.logs import log_path

    assert "a decoding library said" in log_path().read_text()
