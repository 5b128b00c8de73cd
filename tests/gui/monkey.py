"""A monkey at the real window: thousands of random user actions, with a fixed seed, and the invariants
checked after each one.

Keys, clicks on tiles, their boxes and the table's rows, double-clicks, the slider, sorting, filtering,
Shots and back, trash and undo. After every action: no Python exception, no Qt warning (Qt's model
tester watches every model and reports through warnings), a key never marked a ★, and the group list,
the grid and the table show the same groups and the same marks.

    python -m tests.gui.monkey --actions 50000 --seeds 1 2 3     # the long run (a script, not a test)

Each seed runs in a process of its own, so a crash (a segmentation fault) is counted, not fatal.
``tests/gui/test_monkey.py`` runs a short one in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

Key = Qt.Key
Mod = Qt.KeyboardModifier


def make_library(root: Path) -> list[Path]:
    """Copies of a few photos in several folders, a photo alone, a broken file, and a shoot of bursts."""
    from tests.bursts import T0, burst, scene
    from tests.conftest import make_photo, save

    lib = root / "Pictures"
    for seed in range(31, 37):
        im = make_photo(seed, (900, 675))
        save(im, lib / f"photo{seed}.jpg", quality=92)
        save(im.resize((450, 338)), lib / "web" / f"photo{seed}_small.jpg", quality=80)
        if seed % 2:
            save(im, lib / "backup" / f"photo{seed}.png")
            save(im.convert("L").convert("RGB"), lib / "edits" / f"photo{seed}_bw.jpg", quality=85)
    save(make_photo(40), lib / "alone.jpg", quality=90)
    (lib / "broken.jpg").write_bytes(b"not a photo")
    shoot = root / "Shoot"
    import datetime as dt

    burst(shoot, 41, frames=4, sharp=2)
    burst(shoot, 42, frames=3, sharp=1, start=T0 + dt.timedelta(minutes=3))
    save(scene(43), shoot / "landscape.jpg", quality=90)
    return [lib, shoot]


@dataclass
class Findings:
    actions: int = 0
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # invariants that did not hold
    done: dict[str, int] = field(default_factory=dict)  # how often each action ran

    @property
    def clean(self) -> bool:
        return not (self.exceptions or self.warnings or self.broken)

    def summary(self) -> str:
        first = [found[0].strip() for found in (self.exceptions, self.warnings, self.broken) if found]
        return (
            f"{self.actions} actions: {len(self.exceptions)} exceptions, {len(self.warnings)} Qt warnings, "
            f"{len(self.broken)} broken invariants" + "".join(f"\n  {line}" for line in first)
        )


IGNORED_WARNINGS = ("propagateSizeHints",)  # the offscreen platform's own


class Monkey:
    """Random actions on ``window``; ``findings`` holds what went wrong."""

    def __init__(self, window, seed: int, move_to: Path, wait: Callable[[int], None]) -> None:
        self.window, self.rng, self.wait = window, random.Random(seed), wait
        self.panel = window.panel
        self.findings = Findings()
        self.move_to = move_to
        window.files.ask = self._answer  # the questions, answered at random (Cancel too)
        window.files.pick_folder = lambda: str(self.move_to)
        mode = QAbstractItemModelTester.FailureReportingMode.Warning
        models = (self.panel.groups.model, self.panel.grid.photos, self.panel.details.model)
        self._testers = [QAbstractItemModelTester(m, mode) for m in (*models, self.panel.details.proxy)]
        self.actions: list[tuple[str, int, Callable[[], None]]] = [
            ("key", 30, self.key),
            ("click tile", 10, self.click_tile),
            ("click mark box", 8, self.click_mark_box),
            ("double-click tile", 2, self.double_click_tile),
            ("click row", 8, self.click_row),
            ("click row box", 6, self.click_row_box),
            ("double-click row", 2, self.double_click_row),
            ("sort", 3, self.sort),
            ("filter", 3, self.filter),
            ("only marked", 2, self.only_marked),
            ("slider", 4, self.slide),
            ("group", 6, self.click_group),
            ("keep best", 1, self.keep_best),
            ("resize", 1, self.resize),
            ("dialog", 4, self.in_dialog),
            ("wait", 3, self.rest),
        ]

    # --- running ---------------------------------------------------------------------------

    def run(self, count: int) -> Findings:
        previous = qInstallMessageHandler(self._qt_message)
        hook = sys.excepthook
        sys.excepthook = self._exception
        names, weights = zip(*[(a[0], a[1]) for a in self.actions], strict=True)
        table = dict((a[0], a[2]) for a in self.actions)
        try:
            for _ in range(count):
                name = self.rng.choices(names, weights)[0]
                before = self._unmarked_stars()
                try:
                    label = table[name]() or name
                except Exception:
                    self.findings.exceptions.append(traceback.format_exc(limit=4))
                    label = name
                QApplication.processEvents()
                self.findings.actions += 1
                self.findings.done[label] = self.findings.done.get(label, 0) + 1
                self.check(label, before)
            self.wait(5000)
            self.check("end", None)
        finally:
            sys.excepthook = hook
            qInstallMessageHandler(previous)
        return self.findings

    def _qt_message(self, kind: QtMsgType, context, text: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not any(ignored in text for ignored in IGNORED_WARNINGS):
            self.findings.warnings.append(f"after {self.findings.actions} actions: {text}")

    def _exception(self, kind, value, tb) -> None:
        self.findings.exceptions.append("".join(traceback.format_exception(kind, value, tb, limit=6)))

    def _answer(self, question) -> str | None:
        return self.rng.choice([*question.choices, None])

    # --- the invariants -----------------------------------------------------------------------

    def _unmarked_stars(self) -> tuple[object, set[int]] | None:
        review = self.window.review
        if review is None:
            return None
        return review, {g.reference for g in review.groups} - review.marked

    def check(self, action: str, before: tuple[object, set[int]] | None) -> None:
        review, broken = self.window.review, self.findings.broken
        where = f"after {self.findings.actions} actions ({action})"
        by_key = action.startswith("key ") and before is not None and before[0] is review
        if by_key and (marked := before[1] & review.marked):
            broken.append(f"{where}: a key marked the ★ {[review.photos[k].path for k in marked]}")
        if review is None:
            return
        groups, grid, details = self.panel.groups.model, self.panel.grid.photos, self.panel.details.model
        if groups.rowCount() != len(review.groups):
            broken.append(f"{where}: the list shows {groups.rowCount()} groups of {len(review.groups)}")
        grouped = sorted(m.index for g in review.groups for m in g.members)
        # Hidden, the table may list nothing (its rows are made when shown); whatever it lists is right.
        shown = self.panel.table_shown() or bool(details.rows)
        if shown and sorted(row[1] for row in details.rows) != grouped:
            broken.append(f"{where}: the table's photos are not the groups' photos")
        if (group := self.panel.groups.current_group()) is not None and [m.index for m in grid.members] != [
            m.index for m in group.members
        ]:
            broken.append(f"{where}: the grid does not show the selected group")
        table_marks = {
            details.photo_index(r)
            for r in range(details.rowCount())
            if details.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        }
        if shown and table_marks != review.marked & set(grouped):
            broken.append(f"{where}: the table's ticks are not the marks")
        if not shown:
            table_marks = review.marked & set(grouped)  # what the grid must show
        for row in range(grid.rowCount()):
            index = grid.index(row)
            if grid.data(index, grid.MarkedRole) != (grid.photo_index(row) in table_marks):
                broken.append(f"{where}: the grid and the table disagree on {grid.data(index)}")

    # --- what a user does -----------------------------------------------------------------------

    KEYS = (
        (Key.Key_Space, Mod.NoModifier), (Key.Key_P, Mod.NoModifier), (Key.Key_X, Mod.NoModifier),
        (Key.Key_U, Mod.NoModifier), (Key.Key_Return, Mod.NoModifier), (Key.Key_Z, Mod.NoModifier),
        (Key.Key_Delete, Mod.NoModifier), (Key.Key_Z, Mod.ControlModifier), (Key.Key_A, Mod.ControlModifier),
        (Key.Key_Right, Mod.NoModifier), (Key.Key_Down, Mod.NoModifier), (Key.Key_Left, Mod.ShiftModifier),
        (Key.Key_Down, Mod.ControlModifier), (Key.Key_Up, Mod.ControlModifier),
        (Key.Key_T, Mod.ControlModifier), (Key.Key_1, Mod.ControlModifier), (Key.Key_2, Mod.ControlModifier),
        (Key.Key_B, Mod.ControlModifier), (Key.Key_B, Mod.ControlModifier | Mod.ShiftModifier),
        (Key.Key_U, Mod.ControlModifier), (Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier),
        (Key.Key_Escape, Mod.NoModifier), (Key.Key_F5, Mod.NoModifier), (Key.Key_Plus, Mod.ControlModifier),
        (Key.Key_Minus, Mod.ControlModifier), (Key.Key_M, Mod.ControlModifier | Mod.ShiftModifier),
    )  # fmt: skip

    def _focus(self) -> QWidget:
        table = self.panel.views.currentWidget() is self.panel.details
        widget = self.rng.choice(
            [self.panel.details.table if table else self.panel.grid, self.panel.groups.view]
        )
        widget.setFocus()
        return widget

    def key(self) -> str:
        key, mods = self.rng.choice(self.KEYS)
        if key == Key.Key_Delete and self.rng.random() < 0.5:
            return self.key()  # moves are slow to settle: half as often as the others
        widget = self._focus()
        QTest.keyClick(widget, key, mods)
        name = Qt.Key(key).name.removeprefix("Key_")
        return f"key {'Ctrl+' if mods & Mod.ControlModifier else ''}{name}"

    def _tile(self) -> tuple[QWidget, QPoint] | None:
        grid = self.panel.grid
        if not grid.isVisible() or not (rows := grid.photos.rowCount()):
            return None
        rect = grid.visualRect(grid.photos.index(self.rng.randrange(rows)))
        return grid.viewport(), rect.center()

    def click_tile(self) -> None:
        if (at := self._tile()) is not None:
            mods = self.rng.choice([Mod.NoModifier, Mod.NoModifier, Mod.ControlModifier, Mod.ShiftModifier])
            QTest.mouseClick(at[0], Qt.MouseButton.LeftButton, mods, at[1])

    def click_mark_box(self) -> None:
        grid = self.panel.grid
        if grid.isVisible() and (rows := grid.photos.rowCount()):
            QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Mod.NoModifier,
                             grid.mark_box_at(self.rng.randrange(rows)))  # fmt: skip

    def double_click_tile(self) -> None:
        if (at := self._tile()) is not None:
            QTest.mouseDClick(at[0], Qt.MouseButton.LeftButton, Mod.NoModifier, at[1])

    def _row(self, column: int) -> QPoint | None:
        table = self.panel.details.table
        if not table.isVisible() or not (rows := table.model().rowCount()):
            return None
        rect = table.visualRect(table.model().index(self.rng.randrange(rows), column))
        return rect.center() if rect.isValid() and table.viewport().rect().contains(rect.center()) else None

    def click_row(self) -> None:
        if (at := self._row(self.rng.randrange(1, 9))) is not None:
            mods = self.rng.choice([Mod.NoModifier, Mod.ControlModifier, Mod.ShiftModifier])
            QTest.mouseClick(self.panel.details.table.viewport(), Qt.MouseButton.LeftButton, mods, at)

    def click_row_box(self) -> None:
        table = self.panel.details.table
        if (at := self._row(0)) is not None:
            box = QPoint(table.visualRect(table.indexAt(at)).left() + 12, at.y())
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Mod.NoModifier, box)

    def double_click_row(self) -> None:
        if (at := self._row(self.rng.randrange(1, 9))) is not None:
            viewport = self.panel.details.table.viewport()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, at)  # a double-click's
            QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, at)  # first press

    def sort(self) -> None:
        table = self.panel.details.table
        if table.isVisible():
            header = table.horizontalHeader()
            column = self.rng.randrange(header.count())
            at = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Mod.NoModifier, at)

    def filter(self) -> None:
        box = self.panel.details.filter
        if box.isVisible():
            box.setFocus()
            box.selectAll()
            word = self.rng.choice(["", "web", "photo3", "jpg", "backup", "IMG", "zz", "/"])
            if word:
                QTest.keyClicks(box, word)
            else:
                QTest.keyClick(box, Key.Key_Delete)

    def only_marked(self) -> None:
        box = self.panel.details.only_marked
        if box.isVisible():
            box.click()

    def slide(self) -> None:
        slider = self.panel.slider.slider
        if slider.isVisible():
            slider.setValue(self.rng.randint(slider.minimum(), slider.maximum()))

    def click_group(self) -> None:
        view = self.panel.groups.view
        if rows := view.model().rowCount():
            rect = view.visualRect(view.model().index(self.rng.randrange(rows), 0))
            if view.viewport().rect().contains(rect.center()):
                QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Mod.NoModifier, rect.center())

    def keep_best(self) -> None:
        spin = self.window.cull_mode.bar.keep
        if spin.isVisible():
            spin.setValue(self.rng.randint(1, 3))

    def resize(self) -> None:
        self.window.resize(self.rng.randint(700, 1700), self.rng.randint(500, 1100))

    def in_dialog(self) -> str | None:
        """Keys in an open compare or loupe window (next, previous, zoom, mark), or close it."""
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        if not dialogs:
            return "dialog (none open)"
        dialog = self.rng.choice(dialogs)
        key = self.rng.choice([Key.Key_Left, Key.Key_Right, Key.Key_Space, Key.Key_F, Key.Key_1,
                               Key.Key_Plus, Key.Key_Escape, Key.Key_Escape])  # fmt: skip
        QTest.keyClick(dialog, key)
        if key == Key.Key_Escape and dialog.isVisible():
            dialog.close()
        return f"dialog {Qt.Key(key).name.removeprefix('Key_')}"

    def rest(self) -> None:
        """A user who waits for the scan, the cull or the move to finish."""
        self.wait(self.rng.choice([50, 300, 2000]))


def _wait(app: QApplication, window) -> Callable[[int], None]:
    def wait(ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            busy = window.scans.running or window.files.running or window.cull_mode.running
            if not busy and ms > 1000:
                break
            time.sleep(0.005)

    return wait


def run_one(seed: int, actions: int, workdir: Path) -> Findings:
    """A window on a fresh library, its first scan done, then ``actions`` random actions."""
    os.environ["XDG_DATA_HOME"] = str(workdir / "data")  # the real trash, in a private place
    from photodedupe.gui.app import create_app
    from photodedupe.gui.main_window import MainWindow
    from photodedupe.gui.settings import Settings

    app = create_app()
    folders = make_library(workdir)
    settings = Settings(QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, cache_path=str(workdir / "cache.sqlite3"))
    window.resize(1200, 800)
    window.show()
    wait = _wait(app, window)
    window.add_folders([str(f) for f in folders])
    deadline = time.monotonic() + 120
    while (window.scans.running or window.review is None) and time.monotonic() < deadline:
        wait(100)
    (workdir / "moved").mkdir()
    findings = Monkey(window, seed, workdir / "moved", wait).run(actions)
    window.close()
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a seed, in this process
    args = parser.parse_args(argv)
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            findings = run_one(args.seeds[0], args.actions, Path(tmp))
        print(findings.summary())
        print("most done:", sorted(findings.done.items(), key=lambda kv: -kv[1])[:12])
        return 0 if findings.clean else 1
    crashes = failed = 0
    for seed in args.seeds:
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "tests.gui.monkey", "--one", "--seeds", str(seed),
             "--actions", str(args.actions)],
            capture_output=True, text=True, cwd=Path(__file__).parents[2],
        )  # fmt: skip
        crashed = run.returncode < 0 or "Fatal Python error" in run.stderr
        crashes += crashed
        failed += run.returncode != 0
        print(f"seed {seed}: exit {run.returncode}{' CRASH' if crashed else ''}, "
              f"{time.monotonic() - started:.0f} s\n{run.stdout.strip()}")  # fmt: skip
        if run.returncode:
            print(run.stderr.strip()[-3000:])
    print(f"{len(args.seeds)} seeds × {args.actions} actions: {crashes} crashes, {failed} runs with findings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
