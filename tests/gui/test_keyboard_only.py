"""One whole review with the keyboard alone: scan, move between groups and photos, mark, compare,
move to the Trash, undo, and Shots mode. Keys go where a person's keys go: to the widget that has
the focus, and the focus is where they can see it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from photodedupe.gui.window_actions import Act
from tests.gui.conftest import wait_scan

Key = Qt.Key
WAIT = 20_000  # ms: activation and jobs are slower on a busy machine
Mod = Qt.KeyboardModifier


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def test_one_review_by_keys_alone(qtbot, window, library: Path) -> None:
    window.folders.add(str(library))  # as the command line or the last session leaves it
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)

    _press(qtbot, Key.Key_F5)  # Scan
    wait_scan(qtbot, window)
    panel = window.panel
    qtbot.waitUntil(lambda: panel.groups.model.rowCount() == 2, timeout=WAIT)
    first = panel.groups.current_row()
    _press(qtbot, Key.Key_Down, Mod.ControlModifier)  # the next group
    assert panel.groups.current_row() == first + 1
    _press(qtbot, Key.Key_Up, Mod.ControlModifier)
    assert panel.groups.current_row() == first

    for _ in range(12):  # Tab, in reading order, to the photos
        if QApplication.focusWidget() is panel.grid:
            break
        _press(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is panel.grid
    _press(qtbot, Key.Key_Right)  # the second photo: a copy
    assert panel.grid.currentIndex().row() == 1
    _press(qtbot, Key.Key_Space)  # marked
    assert window.review.marked

    _press(qtbot, Key.Key_Return)  # side by side with the ★
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget() or window.dialog, QDialog), timeout=WAIT
    )
    dialog = window.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    qtbot.keyClick(dialog, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)

    marked = set(window.review.marked)
    moved: list[str] = []

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, confirm)
            return
        if QApplication.activeWindow() is not box:  # the keys go to it once it is the active window
            box.activateWindow()
            QTimer.singleShot(20, confirm)
            return
        for _ in range(len(box.buttons()) + 1):  # Tab to the button that moves, as a person would
            focused = QApplication.focusWidget()
            accept = QMessageBox.ButtonRole.AcceptRole
            if isinstance(focused, QPushButton) and box.buttonRole(focused) == accept:
                moved.append(focused.text())
                qtbot.keyClick(focused, Key.Key_Space)
                return
            qtbot.keyClick(QApplication.focusWidget() or box, Key.Key_Tab)
        moved.append("")  # Tab never reached the button that moves
        box.reject()

    QTimer.singleShot(0, confirm)
    panel.grid.setFocus()
    _press(qtbot, Key.Key_Delete)  # Move marked to Trash…
    qtbot.waitUntil(lambda: not window.files.running and bool(moved), timeout=WAIT)
    assert moved != [""], "Tab never reached the button that moves"
    qtbot.waitUntil(lambda: not window.review.marked, timeout=WAIT)
    gone = [window.review.photos[k].path for k in marked]
    assert all(not Path(p).exists() for p in gone)

    window.activateWindow()  # the dialog closed: the window has the keys again
    qtbot.waitUntil(
        lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None, timeout=WAIT
    )
    _press(qtbot, Key.Key_Z, Mod.ControlModifier)  # Undo
    qtbot.waitUntil(lambda: all(Path(p).exists() for p in gone), timeout=10_000)

    # Shots applies once nothing is moving or scanning (a put-back photo may ask for a rescan).
    shots = window.actions_[Act.SHOTS]
    qtbot.waitUntil(
        lambda: not window.files.running and not window.scans.running and shots.isEnabled(), timeout=WAIT
    )
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    _press(qtbot, Key.Key_2, Mod.ControlModifier)  # Shots mode
    qtbot.waitUntil(lambda: window.review is not None and window.review.culling, timeout=30_000)
    qtbot.waitUntil(lambda: not window.cull_mode.running, timeout=WAIT)
    _press(qtbot, Key.Key_1, Mod.ControlModifier)  # Duplicates again
    qtbot.waitUntil(lambda: window.review is not None and not window.review.culling, timeout=30_000)


def _tab_stops(qtbot, window, first) -> list:
    """Press Tab from ``first`` round the window until it comes back: each stop, and whether the
    focus showed there (the stop looks different with the focus than once the focus has moved on)."""
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=WAIT)
    _press(qtbot, Key.Key_Backtab)  # and back: keys brought the focus there, as a person's would
    _press(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is first
    stops, shown = [], []
    for _ in range(30):
        widget = QApplication.focusWidget()
        look = widget.grab().toImage()
        _press(qtbot, Key.Key_Tab)
        stops.append(widget)
        shown.append(widget.grab().toImage() != look)  # the focus has moved on: it looks different
        if QApplication.focusWidget() is first:
            break
    return list(zip(stops, shown, strict=True))


def _reading_order(window, widgets: list) -> list:
    """Left column top to bottom (row by row, left to right), then the right column."""
    split = window.panel.groups.width()

    def place(widget):
        p = widget.mapTo(window, widget.rect().topLeft())
        return (p.x() >= split, p.y() // 8, p.x())

    return sorted(widgets, key=place)


def test_tab_follows_reading_order_and_the_focus_always_shows(qtbot, window, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    panel = window.panel
    stops = _tab_stops(qtbot, window, window.folders.list)
    widgets = [w for w, _shown in stops]
    assert widgets == _reading_order(window, widgets)
    assert widgets[0] is window.folders.list and widgets[-1] is panel.grid and len(widgets) >= 8
    assert panel.groups.view in widgets and panel.slider.slider in widgets
    assert [type(w).__name__ for w, shown in stops if not shown] == []

    panel.toggle_details()  # the table instead of the grid: its filter, its box, then its rows
    qtbot.waitUntil(panel.details.table.isVisible, timeout=WAIT)
    stops = _tab_stops(qtbot, window, window.folders.list)
    widgets = [w for w, _shown in stops]
    details = panel.details
    assert widgets[-3:] == [details.filter, details.only_marked, details.table]
    assert widgets == _reading_order(window, widgets)
    assert [type(w).__name__ for w, shown in stops if not shown] == []
