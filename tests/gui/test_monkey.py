"""The monkey (tests/gui/monkey.py), short: random user actions with a fixed seed, invariants after each.

The long run is a script: ``python -m tests.gui.monkey --actions 50000 --seeds 1 2 3``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from photodedupe.gui.panels.details_table import DetailsModel
from tests.gui.conftest import wait_scan
from tests.gui.monkey import Monkey, make_library


def _monkey(qtbot, make_window, tmp_path: Path, seed: int) -> Monkey:
    os.environ["XDG_DATA_HOME"] = str(tmp_path / "data")
    window = make_window()
    window.add_folders([str(f) for f in make_library(tmp_path)])
    wait_scan(qtbot, window)
    (tmp_path / "moved").mkdir()

    def wait(ms: int) -> None:
        busy = lambda: window.scans.running or window.files.running or window.cull_mode.running  # noqa: E731
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: not busy(), timeout=ms) if ms > 1000 else qtbot.wait(ms)

    return Monkey(window, seed, tmp_path / "moved", wait)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [7, 11])
def test_a_thousand_random_actions_break_nothing(qtbot, make_window, tmp_path: Path, seed: int) -> None:
    findings = _monkey(qtbot, make_window, tmp_path, seed).run(1000)
    assert findings.clean, findings.summary()
    # It did what users do: marked by keys and clicks, sorted, filtered, culled, moved and undid.
    done = findings.done
    for action in ("key Space", "key X", "click mark box", "click row box", "sort", "filter", "key Ctrl+2"):
        assert done.get(action, 0) >= 3, (action, done)


@pytest.mark.slow
def test_the_monkey_finds_a_model_that_breaks_qts_protocol(
    qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    """The defect that crashed the window, put back: the monkey reports it."""

    def old_marks_changed(self: DetailsModel) -> None:
        self.layoutChanged.emit()

    monkeypatch.setattr(DetailsModel, "marks_changed", old_marks_changed)
    monkey = _monkey(qtbot, make_window, tmp_path, 7)
    for tester in monkey.window.model_testers:  # conftest's testers would fail this test first
        tester.setParent(None)
        tester.deleteLater()
    findings = monkey.run(200)
    assert findings.warnings and "LayoutChanged" in findings.warnings[0]
