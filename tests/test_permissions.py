"""Unreadable folders and files, with real permissions.

Root reads everything, so when the tests run as root (as CI does) the scan
runs in a child process whose bounding set lacks the capabilities that let
root ignore file permissions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_photo, save


def as_ordinary_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("running as root needs util-linux's setpriv to drop root's file-permission powers")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *argv]


def scan_locked(lib: Path, *locked: Path) -> subprocess.CompletedProcess[str]:
    """``photodedupe scan --json`` of ``lib`` as an ordinary user, with ``locked`` unreadable meanwhile."""
    modes = [p.stat().st_mode for p in locked]
    for p in locked:
        p.chmod(0)
    try:
        command = [sys.executable, "-m", "photodedupe", "scan", "--json", "--no-cache", str(lib)]
        return subprocess.run(as_ordinary_user(command), capture_output=True, text=True, timeout=120)
    finally:
        for p, mode in zip(locked, modes, strict=True):
            p.chmod(mode)


@pytest.mark.slow
def test_unreadable_folder_and_file_are_reported(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    save(make_photo(1), lib / "ok.jpg", quality=90)
    save(make_photo(1), lib / "ok_copy.png")
    locked_dir = lib / "private"
    save(make_photo(2), locked_dir / "secret.jpg")
    locked_file = save(make_photo(3), lib / "locked.jpg")
    run = scan_locked(lib, locked_dir, locked_file)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["errors"] == [
        {"path": str(locked_file), "reason": "cannot read: permission denied"},
        {"path": str(locked_dir), "reason": "folder cannot be read: permission denied"},
    ]
    [group] = report["groups"]
    assert sorted(os.path.basename(f["path"]) for f in group["files"]) == ["ok.jpg", "ok_copy.png"]


@pytest.mark.slow
def test_an_unreadable_sidecar_is_listed_and_the_photo_still_grouped(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    save(make_photo(1), lib / "ok.jpg", quality=90)
    copy = save(make_photo(1).resize((320, 240)), lib / "small" / "ok.jpg", quality=80)
    sidecar = lib / "small" / "ok.jpg.xmp"
    sidecar.write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")
    run = scan_locked(lib, sidecar)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    report = json.loads(run.stdout)
    assert report["errors"] == []
    [group] = report["groups"]
    [companion] = next(f for f in group["files"] if f["path"] == str(copy))["companions"]
    assert companion["path"] == str(sidecar)
    assert companion["problem"] == "it cannot be read (Permission denied)"
