"""Nothing the user did is lost when the app dies: marks and folders are saved as they change.

A real window in a child process marks photos, then is killed with SIGKILL (no
clean quit, no closeEvent); a new window on the same settings brings them back.
"""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.gui.driver import Driver

MARK_THEN_DIE = textwrap.dedent(
    """
    import os, signal, sys, time
    from PySide6.QtCore import QSettings
    from photodedupe.gui.app import create_app
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings

    settings_file, cache, library = sys.argv[1:]
    app = create_app()
    window = MainWindow(Settings(QSettings(settings_file, QSettings.Format.IniFormat)), cache_path=cache)
    window.show()
    window.add_folders([library])
    end = time.monotonic() + 60
    while (window.scans.running or window.review is None) and time.monotonic() < end:
        app.processEvents(); time.sleep(0.01)
    window.commands.mark_best_all()
    print(sorted(window.review.photos[k].path for k in window.review.marked), flush=True)
    end = time.monotonic() + 1.5  # the user goes on working for a moment...
    while time.monotonic() < end:
        app.processEvents(); time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGKILL)  # ...and the app dies: no quit, no closeEvent
    """
)


@pytest.mark.slow
def test_marks_and_folders_come_back_after_a_kill_9(
    qtbot, make_window, library: Path, settings_file: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = [str(settings_file), str(tmp_path / "cache.sqlite3"), str(library)]
    command = [sys.executable, "-c", MARK_THEN_DIE, *argv]
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    marked_before = set(ast.literal_eval(run.stdout.strip().splitlines()[-1]))
    assert marked_before
    user = Driver(qtbot, make_window())  # the next start: folders and results come back
    assert user.folders() == [str(library)]
    user.wait_for_scan()
    qtbot.waitUntil(lambda: user.marked_paths() == marked_before, timeout=30_000)
