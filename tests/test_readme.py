"""The README's quick start must stay true: CI runs its test command word for word."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines() if line and not line.startswith("#")]


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    app, tests = quick_start_commands()
    assert "photodedupe" in app
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests in ci.splitlines()
    install = app.split(" && ")[0]  # the part before it opens the window
    assert f"{install} >/dev/null" in ci  # CI installs it so, under the system's own python3
