"""GUI fixtures: the real main window, offscreen, with a private cache, settings and trash."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox

from photodedupe.gui.app import create_app
from photodedupe.gui.main_window import MainWindow
from photodedupe.gui.settings import Settings
from tests.conftest import make_photo, save


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Two photos with copies, one photo alone, a broken file, and an archive folder."""
    lib = tmp_path / "Pictures"
    beach = make_photo(21, (1200, 900))
    save(beach, lib / "beach.jpg", quality=92)
    save(beach.resize((600, 450)), lib / "web" / "beach_small.jpg", quality=80)
    save(beach, lib / "web" / "beach_q50.jpg", quality=50)
    forest = make_photo(22, (1000, 750))
    save(forest, lib / "forest.jpg", quality=92)
    save(forest, lib / "export" / "forest.png")
    save(make_photo(23), lib / "alone.jpg", quality=90)
    (lib / "broken.jpg").write_bytes(b"not a photo at all")
    save(beach.resize((900, 675)), tmp_path / "Archive" / "beach_archive.jpg", quality=90)
    return lib


def watch_models(window: MainWindow) -> list[QAbstractItemModelTester]:
    """Qt's own model tester on every model of the window, for as long as it lives: a change that
    breaks Qt's model protocol is logged as a Qt warning, which fails the test (qt_log_level_fail)."""
    panel = window.panel
    models = (panel.groups.model, panel.grid.photos, panel.details.model, panel.details.proxy)
    mode = QAbstractItemModelTester.FailureReportingMode.Warning
    return [QAbstractItemModelTester(model, mode, window) for model in models]


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, tmp_path: Path, settings_file: Path) -> Iterator[Callable[[], MainWindow]]:
    create_app()
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, cache_path=str(tmp_path / "cache.sqlite3"))
        qtbot.addWidget(window)
        if settings.window_geometry is None:
            window.resize(1200, 800)
        window.show()
        window.model_testers = watch_models(window)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.scans.cancel()
        w.jobs_pool.waitForDone(10_000)
        w.loader.wait_idle(10_000)


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def drop_folders(window: MainWindow, folders: list[Path]) -> None:
    """What a file manager does when folders are dragged onto the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in folders])
    pos = QPointF(window.rect().center())
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter = QDragEnterEvent(pos, *args)  # Qt >= 6.11 takes a QPointF
    except TypeError:
        enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, event)


def answer_dialogs(answers: list[str], seen: list[str]) -> None:
    """Click, in each message box that opens next, the button whose text starts with the answer."""

    def handle() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, handle)
            return
        seen.append(f"{box.text()} | {box.informativeText()}")
        wanted = answers.pop(0)
        button = next(b for b in box.buttons() if b.text().replace("&", "").startswith(wanted))
        button.click()
        if answers:
            QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)


def wait_scan(qtbot, window: MainWindow, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not window.scans.running and window.review is not None, timeout=timeout)


@pytest.fixture
def user(qtbot, window: MainWindow):
    """A person at a fresh window (see tests/gui/driver.py)."""
    from tests.gui.driver import Driver

    return Driver(qtbot, window)
