"""``photodedupe --install-desktop``: the app in the desktop's menu, with its icon.

Writes the freedesktop.org entry and the scalable icon under the user's data
folder ($XDG_DATA_HOME, usually ~/.local/share), where desktops look for
applications the user installed. A distribution package installs the same two
files system-wide instead: ``resources/photodedupe.desktop`` to
/usr/share/applications/ and ``resources/photodedupe.svg`` to
/usr/share/icons/hicolor/scalable/apps/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from photodedupe.core.i18n import _, counted


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def targets() -> tuple[Path, Path]:
    """Where the entry and the icon go."""
    data = _data_home()
    return data / "applications" / "photodedupe.desktop", data / "icons/hicolor/scalable/apps/photodedupe.svg"


def _command() -> str:
    """How the menu starts this very install: its script if it is on the PATH, else Python with -m."""
    found = shutil.which("photodedupe")
    if found:
        return f'"{found}"'
    return f'"{sys.executable}" -m photodedupe'


def install() -> list[Path]:
    entry, icon = targets()
    resources = files("photodedupe.resources")
    text = (resources / "photodedupe.desktop").read_text(encoding="utf-8")
    text = text.replace("Exec=photodedupe %F", f"Exec={_command()} %F")
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(text, encoding="utf-8")
    icon.write_bytes((resources / "photodedupe.svg").read_bytes())
    _refresh(entry.parent)
    return [entry, icon]


def uninstall() -> list[Path]:
    removed = []
    for path in targets():
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(targets()[0].parent)
    return removed


def _refresh(applications: Path) -> None:
    """Tell the desktop (where the tool is there; menus also notice on their own)."""
    if shutil.which("update-desktop-database") and applications.is_dir():
        subprocess.run(["update-desktop-database", str(applications)], check=False, capture_output=True)


def main(action: str) -> int:
    try:
        done = install() if action == "--install-desktop" else uninstall()
    except OSError as exc:
        why, path = exc.strerror or str(exc), exc.filename or ""
        print(_("photodedupe: error: {why}: {path}").format(why=why, path=path), file=sys.stderr)
        return 1
    for path in done:
        print(path)
    if action == "--install-desktop":
        said = counted(len(done), "photodedupe: wrote {n} file", "photodedupe: wrote {n} files")
    else:
        said = counted(len(done), "photodedupe: removed {n} file", "photodedupe: removed {n} files")
    print(said, file=sys.stderr)
    return 0
