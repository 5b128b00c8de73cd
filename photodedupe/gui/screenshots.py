"""Screenshots of the real window at each step, for the README and for review.

    QT_QPA_PLATFORM=offscreen python -m photodedupe.gui.screenshots OUTDIR --photos DIR [--theme dark]

Works on a copy of DIR with a private cache, settings and trash, so nothing
of yours is touched. Saves (PNG): 1-empty, 2-scanning, 3-groups, 4-marked,
4a-details, 4b-rules, 4c-tooltip, 4d-search, 4e-shortcuts, 4f-details-menu, 5-compare,
5b-compare-100, 6-confirm, 6b-move, 7-after-trash, 8-interrupted; with
``--shoot DIR`` (a folder of bursts) also 9-shots, 9b-loupe, 9c-two-up, 9d-keep-best-2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photodedupe.core.review import Review

_DIES_MID_BATCH = """
import os, sys
from photodedupe.core.files.actions import TrashPlan, move_to_trash
from photodedupe.core.find.decode import why_not_whole
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
from photodedupe.core.paths import batches_dir
from photodedupe.core.files.trash import FreedesktopTrash

class DiesAtTheThird(FreedesktopTrash):
    moves = 0

    def move(self, path, before=None):
        self.moves += 1
        if self.moves == 3:
            os._exit(1)  # like a crash: no cleanup, the journal is left unfinished
        return super().move(path, before)

photos = []
for p in sys.argv[1:]:
    st = os.stat(p)
    photos.append(Photo(FileEntry(p, st.st_size, st.st_mtime_ns), PhotoInfo(hash=0, width=1, height=1)))
plan = TrashPlan(tuple(photos), 0, 0)
move_to_trash(plan, DiesAtTheThird(), journal_folder=batches_dir(), whole=why_not_whole)
"""


class Shooter:
    """The real window on a copy of the photos; ``shot`` waits for thumbnails, then saves a PNG."""

    def __init__(
        self, out: Path, work: Path, library: Path, theme: str, size: str, language: str | None = None
    ) -> None:
        from PySide6.QtCore import QSettings

        from photodedupe.gui.app import create_app
        from photodedupe.gui.main_window import MainWindow
        from photodedupe.gui.theme import apply_theme
        from photodedupe.gui.translations import install

        self.app = create_app()
        install(self.app, language)
        apply_theme(self.app, theme)
        self.out, self.work, self.library = out, work, library
        out.mkdir(parents=True, exist_ok=True)
        self.window = MainWindow(cache_path=str(work / "cache.sqlite3"))
        self.window.settings.q = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        self.window.resize(*(int(v) for v in size.split("x")))
        self.window.show()

    def wait(self, condition, timeout: float = 120.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            self.app.processEvents()
            time.sleep(0.01)

    def shot(self, widget, name: str, loaders=()) -> None:
        for _ in range(3):  # painting asks for thumbnails; let them load, then paint again
            widget.grab()
            for loader in (self.window.loader, *loaders):
                self.wait(lambda loader=loader: loader.wait_idle(20))
            self.app.processEvents()
        widget.grab().save(str(self.out / f"{name}.png"))
        print(self.out / f"{name}.png")

    def with_menu(self, table, row: int, name: str) -> None:
        """The window with ``table``'s right-click menu open on ``row``, as the user sees it (the menu is
        a window of its own: it is painted onto the window's picture where it opened)."""
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QMenu

        table.selectRow(row)
        at = table.visualRect(table.model().index(row, 2)).center()
        menu = QMenu(table)
        menu.addActions(table.actions())
        menu.popup(table.viewport().mapToGlobal(at))
        self.wait(menu.isVisible)
        self.app.processEvents()
        picture = self.window.grab()
        painter = QPainter(picture)
        painter.drawPixmap(self.window.mapFromGlobal(menu.pos()), menu.grab())
        painter.end()
        menu.close()
        picture.save(str(self.out / f"{name}.png"))
        print(self.out / f"{name}.png")

    def answer(self, cancel: bool, name: str | None = None) -> None:
        """Soon, in the next message box: save it as ``name`` and cancel it, or click its first
        button that says yes (by role, not by words: they are in the language shown)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(50, click)
                return
            if name:
                self.shot(box, name)
            role = QMessageBox.ButtonRole.RejectRole if cancel else QMessageBox.ButtonRole.AcceptRole
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()

        QTimer.singleShot(50, click)

    # --- the steps, in order -------------------------------------------------------------

    def scan(self) -> None:
        window = self.window
        self.shot(window, "1-empty")
        window.add_folders([str(self.library)])
        # While scanning, groups found so far appear (read-only): catch that moment if there is one.
        self.wait(
            lambda: not window.scans.running or (window.review is not None and bool(window.review.groups))
        )
        window.grab()  # ask for the visible thumbnails; the scan goes on meanwhile
        self.app.processEvents()
        window.grab().save(str(self.out / "2-scanning.png"))
        self.wait(lambda: not window.scans.running)
        window.panel.grid.fit()
        window.panel.grid.setFocus()
        self.shot(window, "3-groups")

    def review(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QToolTip

        from photodedupe.gui.dialogs.rules import RulesDialog

        window, panel, grid = self.window, self.window.panel, self.window.panel.grid
        window.commands.mark_best_all()
        grid.setCurrentIndex(grid.photos.index(1))
        self.shot(window, "4-marked")
        panel.toggle_details()
        self.shot(window, "4a-details")
        self.with_menu(panel.details.table, 3, "4f-details-menu")
        panel.toggle_details()
        rules = RulesDialog(window.keep_rules, [], True, window)
        rules.show()
        self.shot(rules, "4b-rules")
        rules.close()
        tip_text = grid.photos.data(grid.photos.index(0), Qt.ItemDataRole.ToolTipRole)
        QToolTip.showText(
            grid.viewport().mapToGlobal(grid.visualRect(grid.photos.index(0)).center()), tip_text, grid
        )

        def tips() -> list:
            return [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()]

        self.wait(lambda: bool(tips()))
        self.shot(tips()[0], "4c-tooltip")
        QToolTip.hideText()

    def shown(self) -> Review:
        """The window's review: every step after the scan has one."""
        review = self.window.review
        assert review is not None, "no scan has ended"
        return review

    def dialogs(self) -> None:
        window = self.window
        review = self.shown()
        window.extras.find_like(review.photos[review.groups[0].reference].path)
        self.wait(lambda: window.extras.job is None and window.extras.dialog is not None)
        search = window.extras.dialog
        assert search is not None
        self.shot(search, "4d-search")
        search.close()
        window.show_shortcuts()
        shortcuts = window.dialog
        assert shortcuts is not None
        self.shot(shortcuts, "4e-shortcuts")
        shortcuts.close()
        dialog = window.commands.compare(1)
        assert dialog is not None
        self.shot(dialog, "5-compare", [dialog.loader])
        dialog.actual_size()
        self.shot(dialog, "5b-compare-100", [dialog.loader])
        dialog.close()

    def shots(self, shoot: Path) -> None:
        """Shots mode on a folder of bursts: series with quality bars, the loupe, the two-up view."""
        from photodedupe.gui.window_actions import Act

        window = self.window
        window.folders.list.clear()
        window.add_folders([str(shoot)])
        self.wait(lambda: not window.scans.running and window.review is not None)
        window.actions_[Act.SHOTS].trigger()
        self.wait(lambda: not window.cull_mode.running and type(window.review).__name__ == "CullReview")
        window.panel.groups.select_group(0)
        window.panel.grid.fit()
        window.panel.grid.setCurrentIndex(window.panel.grid.photos.index(2))
        window.commands.reject()  # X on the third frame: marked, and on to the next
        window.panel.grid.scrollToTop()
        self.shot(window, "9-shots")
        window.panel.grid.setCurrentIndex(window.panel.grid.photos.index(0))
        loupe = window.commands.loupe()
        self.shot(loupe, "9b-loupe", [loupe.loader])
        loupe.close()
        two_up = window.commands.compare(min(3, window.panel.grid.photos.rowCount() - 1))
        assert two_up is not None
        self.shot(two_up, "9c-two-up", [two_up.loader])
        two_up.close()
        window.cull_mode.bar.keep.setValue(2)
        window.commands.mark_best_all()
        window.panel.grid.scrollToTop()
        self.shot(window, "9d-keep-best-2")

    def moves(self) -> None:
        from photodedupe.gui.window_actions import Act

        window = self.window
        window.actions_[Act.DUPLICATES].trigger()
        if window.folders.folders() != [str(self.library)]:
            window.folders.list.clear()
            window.add_folders([str(self.library)])
            self.wait(lambda: not window.scans.running and window.review is not None)
            window.commands.mark_best_all()
        self.answer(True, "6-confirm")
        window.files.trash()
        window.files.pick_folder = lambda: str(self.work / "Rejects")
        self.answer(True, "6b-move")
        window.files.move_to_folder()
        review = self.shown()
        review.unmark_all()
        review.mark_all_but_best(review.groups[:1])
        self.answer(False)
        window.files.trash()
        self.wait(lambda: not window.files.running)
        self.shot(window, "7-after-trash")
        # A batch cut short by a crash (the process exits mid-batch): the prompt at the next start.
        victims = [p.path for p in self.shown().photos if os.path.exists(p.path)][:4]
        subprocess.run([sys.executable, "-c", _DIES_MID_BATCH, *victims], check=False)
        self.answer(False, "8-interrupted")
        window.files.check_interrupted()
        self.wait(lambda: not window.files.running)
        window.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--photos", required=True, type=Path, help="a folder of photos (copied first)")
    ap.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    ap.add_argument("--size", default="1280x800")
    ap.add_argument(
        "--shoot", type=Path, help="a folder of bursts, for the Shots mode pictures (copied first)"
    )
    ap.add_argument("--lang", help="the language to show (default: the system's)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="photodedupe-shots-"))
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(work / var.lower())
    library = work / "Pictures"
    shutil.copytree(args.photos, library)
    shooter = Shooter(args.out, work, library, args.theme, args.size, args.lang)
    for step in (shooter.scan, shooter.review, shooter.dialogs):
        step()
    if args.shoot:
        shutil.copytree(args.shoot, work / "Shoot")
        shooter.shots(work / "Shoot")
    shooter.moves()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
