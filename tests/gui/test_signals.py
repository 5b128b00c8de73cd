"""Ctrl+C in the terminal that started the window, or ``kill`` (SIGTERM), ends the app quietly.

A real ``photodedupe FOLDER`` process (offscreen), scanning, gets the signal.
Before, Ctrl+C raised KeyboardInterrupt inside a Qt call: a traceback, and a
window that hung on.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_photo, save


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_app_quietly_while_it_scans(tmp_path: Path, signum: int, code: int) -> None:
    photos = tmp_path / "photos"
    for k in range(24):
        save(make_photo(k, (1600, 1200)), photos / f"IMG_{k:04d}.jpg", quality=92)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "photodedupe", str(photos)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        time.sleep(3)  # the window is up, and its scan started
        assert app.poll() is None, app.stderr.read() if app.stderr else ""
        app.send_signal(signum)
        _, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == code, err
    assert "Traceback" not in err and "Error" not in err, err
