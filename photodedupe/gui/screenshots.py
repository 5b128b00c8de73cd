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

    window = MainWindow(cache_path=str(work / "cache.sqlite3"))
    window.settings.q = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window.resize(width, height)
    window.show()
    shot(window, "1-empty")
    window.add_folders([str(library)])
    # While scanning, groups found so far appear (read-only): catch that moment if there is one.
    wait(lambda: window.scan_job is None or (window.review is not None and bool(window.review.groups)))
    app.processEvents()
    window.grab()  # ask for the visible thumbnails; the scan goes on meanwhile
    app.processEvents()
    window.grab().save(str(args.out / "2-scanning.png"))
    print(args.out / "2-scanning.png")
    wait(lambda: window.scan_job is None)
    window.grid.setFocus()
    shot(window, "3-groups")
    window.mark_best_all()
    window.grid.setCurrentIndex(window.grid_model.index(1))
    shot(window, "4-marked")
    # The rule chooser, and the tooltip of a tile (its metadata).
    from photodedupe.gui.rules_dialog import RulesDialog

    rules = RulesDialog(window.keep_rules, [], True, window)
    rules.show()
    shot(rules, "4b-rules")
    rules.close()
    from PySide6.QtWidgets import QToolTip

    rect = window.grid.visualRect(window.grid_model.index(0))
    tip_text = window.grid_model.data(window.grid_model.index(0), Qt.ItemDataRole.ToolTipRole)
    QToolTip.showText(window.grid.viewport().mapToGlobal(rect.center()), tip_text, window.grid)
    wait(lambda: any(w.inherits("QTipLabel") and w.isVisible() for w in QApplication.topLevelWidgets()))
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    shot(tip, "4c-tooltip")
    QToolTip.hideText()
    # Search by example: the photos like the first group's reference.
    window.find_like(window.review.photos[window.review.groups[0].reference].path)
    wait(lambda: window.search_job is None and getattr(window, "search_dialog", None) is not None)
    shot(window.search_dialog, "4d-search")
    window.search_dialog.close()
    dialog = window.compare(1)
    shot(dialog, "5-compare", [dialog.loader])
    dialog.close()

    def grab_confirmation() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shot(box, "6-confirm")
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            QTimer.singleShot(50, grab_confirmation)

    QTimer.singleShot(50, grab_confirmation)
    window.trash_marked()
    window.review.unmark_all()
    window.review.mark_all_but_best(window.review.groups[:1])
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().buttons()[0].click())
    window.trash_marked()
    wait(lambda: window.file_job is None)
    shot(window, "7-after-trash")

    # A batch cut short by a crash (the process exits mid-batch): the prompt at the next start.
    victims = [p.path for p in window.review.photos if os.path.exists(p.path)][:4]
    subprocess.run([sys.executable, "-c", _DIES_MID_BATCH, *victims], check=False)

    def grab_prompt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shot(box, "8-interrupted")
            next(b for b in box.buttons() if b.text().startswith("Put them back")).click()
        else:
            QTimer.singleShot(50, grab_prompt)

    QTimer.singleShot(50, grab_prompt)
    window.check_interrupted()
    wait(lambda: window.file_job is None)
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
