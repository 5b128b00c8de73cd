"""Starting the desktop app: ``photodedupe [FOLDER...]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from photodedupe import __version__
from photodedupe.core.i18n import _
from photodedupe.gui.collector import collect_on_gui_thread


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def create_app(argv: Sequence[str] = ()):
    """The QApplication, named before any QSettings is made (else settings land in "Unknown Organization")."""
    from PySide6.QtWidgets import QApplication

    from photodedupe.gui.icons import icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["photodedupe", *argv])
    app.setOrganizationName("photodedupe")
    app.setApplicationName("photodedupe")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("photodedupe")
    app.setWindowIcon(icon("photodedupe"))
    collect_on_gui_thread(app)
    return app


class _EndOnSignal:
    """Ctrl+C in the terminal that started the window, or a polite ``kill`` (SIGTERM), ends the
    app as closing its windows does: a scan is cancelled, what was read is kept, settings are
    saved, and the process exits quietly with 128 + the signal's number.

    Python runs a signal handler only between its own bytecodes, and raising KeyboardInterrupt
    from there would land inside a Qt call (a traceback, or a window left hanging). So the
    handler only asks the event loop to close the windows, and a timer wakes Python up while
    Qt waits for events.
    """

    def __init__(self, app) -> None:
        import signal

        from PySide6.QtCore import QTimer

        self.app = app
        self.received = 0
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._handle)
        self._tick = QTimer(app)
        self._tick.setInterval(200)
        self._tick.timeout.connect(lambda: None)
        self._tick.start()

    def _handle(self, signum: int, frame) -> None:
        from PySide6.QtCore import QTimer

        self.received = signum
        QTimer.singleShot(0, self._end)

    def _end(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.closeAllWindows()  # each window's closeEvent: cancel, wait, save
        self.app.quit()  # also ends any dialog's own event loop

    def exit_code(self, code: int) -> int:
        return 128 + self.received if self.received else code


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(prog="photodedupe", description=_("Open the photodedupe window."))
    parser.add_argument(
        "folders", nargs="*", metavar=_("FOLDER"), help=_("folders to add and scan right away")
    )
    parser.add_argument(
        "--theme", choices=("system", "light", "dark"), default="system", help=_("colour theme")
    )
    parser.add_argument("--lang", help=_("the language to speak (the command line has set it already)"))
    args = parser.parse_args(list(argv))
    missing = [f for f in args.folders if not os.path.isdir(f)]
    if missing:
        print(_("photodedupe: error: not a folder: {path}").format(path=missing[0]), file=sys.stderr)
        return 2
    if not _has_display():
        print(
            _(
                "photodedupe: error: no display to open the window on; to scan without one, run "
                "'photodedupe scan FOLDER'"
            ),
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QTimer

    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings
    from photodedupe.gui.theme import apply_theme
    from photodedupe.gui.translations import install, language_to_speak

    app = create_app()
    install(app, language_to_speak(Settings().language, args.lang))
    ending = _EndOnSignal(app)
    apply_theme(app, args.theme)
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, window.files.check_interrupted)  # a batch a crash cut short: ask
    if args.folders:
        window.add_folders(args.folders)
    return ending.exit_code(app.exec())
