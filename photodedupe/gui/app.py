"""Starting the desktop app: ``photodedupe [FOLDER...]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from photodedupe import __version__


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def create_app(argv: Sequence[str] = ()):
    """The QApplication, named before any QSettings is made (else settings land in "Unknown Organization")."""
    from PySide6.QtWidgets import QApplication

    from photodedupe.gui.icons import icon

    app = QApplication.instance() or QApplication(["photodedupe", *argv])
    app.setOrganizationName("photodedupe")
    app.setApplicationName("photodedupe")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("photodedupe")
    app.setWindowIcon(icon("photodedupe"))
    return app


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(prog="photodedupe", description="Open the photodedupe window.")
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="folders to add and scan right away")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system", help="colour theme")
    args = parser.parse_args(list(argv))
    missing = [f for f in args.folders if not os.path.isdir(f)]
    if missing:
        print(f"photodedupe: error: not a folder: {missing[0]}", file=sys.stderr)
        return 2
    if not _has_display():
        print(
            "photodedupe: error: no display to open the window on; to scan without one, run "
            "'photodedupe scan FOLDER'",
            file=sys.stderr,
        )
        return 2
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.theme import apply_theme

    app = create_app()
    apply_theme(app, args.theme)
    window = MainWindow()
    window.show()
    if args.folders:
        window.add_folders(args.folders)
    return app.exec()
