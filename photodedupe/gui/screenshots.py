"""Screenshots of the real window at each step, for the README and for review.

    QT_QPA_PLATFORM=offscreen python -m photodedupe.gui.screenshots OUTDIR --photos DIR [--theme dark]

Works on a copy of DIR with a private cache, settings and trash, so nothing
of yours is touched. Saves: 1-empty, 2-scanning, 3-groups, 4-marked,
5-compare, 6-confirm, 7-after-trash, 8-interrupted (PNG).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_DIES_MID_BATCH = """
import os, sys
from photodedupe.core.actions import TrashPlan, move_to_trash
from photodedupe.core.model import FileEntry, Photo, PhotoInfo
from photodedupe.core.paths import batches_dir
from photodedupe.core.trash import FreedesktopTrash

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
    photos.append(Photo(FileEntry(p, st.st_size, st.st_mtime_ns), PhotoInfo(0, 1, 1)))
move_to_trash(TrashPlan(tuple(photos), 0, 0), DiesAtTheThird(), journal_folder=batches_dir())
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--photos", required=True, type=Path, help="a folder of photos (copied first)")
    ap.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    ap.add_argument("--size", default="1280x800")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="photodedupe-shots-"))
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(work / var.lower())
    library = work / "Pictures"
    shutil.copytree(args.photos, library)

    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from photodedupe.gui.app import create_app
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.theme import apply_theme

    app = create_app()
    apply_theme(app, args.theme)
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    def wait(condition, timeout: float = 120.0) -> None:
        import time

        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            app.processEvents()
            time.sleep(0.01)

    def shot(widget, name: str, loaders=()) -> None:
        # Painting asks for thumbnails; let them load, then paint again.
        for _ in range(3):
            widget.grab()
            for loader in (window.loader, *loaders):
                wait(lambda loader=loader: loader.wait_idle(20))
            app.processEvents()
        widget.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    def answer(start: str, name: str | None = None) -> None:
        """Soon, in the next message box: save it as ``name`` and click the button starting with ``start``."""

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(50, click)
                return
            if name:
                shot(box, name)
            next(b for b in box.buttons() if b.text().replace("&", "").startswith(start)).click()

        QTimer.singleShot(50, click)

    window = MainWindow(cache_path=str(work / "cache.sqlite3"))
    window.settings.q = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window.resize(width, height)
    window.show()
    panel, grid = window.panel, window.panel.grid
    shot(window, "1-empty")
    window.add_folders([str(library)])
    # While scanning, groups found so far appear (read-only): catch that moment if there is one.
    wait(lambda: not window.scans.running or (window.review is not None and bool(window.review.groups)))
    app.processEvents()
    window.grab()  # ask for the visible thumbnails; the scan goes on meanwhile
    app.processEvents()
    window.grab().save(str(args.out / "2-scanning.png"))
    print(args.out / "2-scanning.png")
    wait(lambda: not window.scans.running)
    wait(lambda: (grid.fit(), True)[1], 1)
    grid.setFocus()
    shot(window, "3-groups")
    panel.mark_best_all()
    grid.setCurrentIndex(grid.photos.index(1))
    shot(window, "4-marked")
    panel.toggle_details()
    shot(window, "4a-details")
    panel.toggle_details()
    # The rule chooser, and the tooltip of a tile (its metadata).
    from photodedupe.gui.rules_dialog import RulesDialog

    rules = RulesDialog(window.keep_rules, [], True, window)
    rules.show()
    shot(rules, "4b-rules")
    rules.close()
    from PySide6.QtWidgets import QToolTip

    rect = grid.visualRect(grid.photos.index(0))
    tip_text = grid.photos.data(grid.photos.index(0), Qt.ItemDataRole.ToolTipRole)
    QToolTip.showText(grid.viewport().mapToGlobal(rect.center()), tip_text, grid)
    wait(lambda: any(w.inherits("QTipLabel") and w.isVisible() for w in QApplication.topLevelWidgets()))
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    shot(tip, "4c-tooltip")
    QToolTip.hideText()
    # Search by example: the photos like the first group's reference.
    window.extras.find_like(window.review.photos[window.review.groups[0].reference].path)
    wait(lambda: window.extras.job is None and window.extras.dialog is not None)
    shot(window.extras.dialog, "4d-search")
    window.extras.dialog.close()
    window.show_shortcuts()
    shot(window.dialog, "4e-shortcuts")
    window.dialog.close()
    dialog = panel.compare(1)
    shot(dialog, "5-compare", [dialog.loader])
    dialog.actual_size()
    shot(dialog, "5b-compare-100", [dialog.loader])
    dialog.close()

    answer("Cancel", "6-confirm")
    window.files.trash()
    window.files.pick_folder = lambda: str(work / "Rejects")
    answer("Cancel", "6b-move")
    window.files.move_to_folder()
    window.review.unmark_all()
    window.review.mark_all_but_best(window.review.groups[:1])
    answer("Move")
    window.files.trash()
    wait(lambda: not window.files.running)
    shot(window, "7-after-trash")

    # A batch cut short by a crash (the process exits mid-batch): the prompt at the next start.
    victims = [p.path for p in window.review.photos if os.path.exists(p.path)][:4]
    subprocess.run([sys.executable, "-c", _DIES_MID_BATCH, *victims], check=False)
    answer("Put them back", "8-interrupted")
    window.check_interrupted()
    wait(lambda: not window.files.running)
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
