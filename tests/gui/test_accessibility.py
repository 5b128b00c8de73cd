"""What a screen reader hears: Qt's accessibility tree of every view and dialog, walked as assistive
tools do.

Every interactive element shown (buttons, check boxes, the slider, spin boxes, combo boxes, list
items, table cells, menu items, the compare panes) must have a name; two alike in one dialog (the
compare panes' buttons) must say, in their description, which photo each acts on. A photo tile must
say which photo it is, whether it is the one kept, its size, how far it is from the kept photo,
whether it is marked for the trash, and in Shots mode how sharp it is (its quality bar).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from photodedupe.gui.dialogs.messages import error_box
from tests.bursts import burst
from tests.conftest import make_photo, save
from tests.gui.conftest import wait_scan
from tests.gui.driver import Driver

R = QAccessible.Role
INTERACTIVE = {
    R.PushButton, R.CheckBox, R.RadioButton, R.Slider, R.SpinBox, R.ComboBox, R.ListItem, R.Cell,
    R.ButtonMenu, R.EditableText, R.MenuItem, R.PageTab,
}  # fmt: skip


def _walk(iface: QAccessibleInterface | None, found: list[QAccessibleInterface], depth: int = 0) -> None:
    if iface is None or not iface.isValid() or depth > 40 or iface.state().invisible:
        return
    found.append(iface)
    for k in range(iface.childCount()):
        _walk(iface.child(k), found, depth + 1)


def _tree(widget) -> list[QAccessibleInterface]:
    QAccessible.setActive(True)
    found: list[QAccessibleInterface] = []
    _walk(QAccessible.queryAccessibleInterface(widget), found)
    return found


def _name(i: QAccessibleInterface) -> str:
    return i.text(QAccessible.Text.Name).strip()


def _faults(widget: QWidget) -> tuple[int, list[str]]:
    """How many interactive elements ``widget`` shows, and what is wrong with them: unnamed, or alike
    (same name, same description) so that a listener cannot tell which is which."""
    interactive = [i for i in _tree(widget) if i.role() in INTERACTIVE]
    faults = [f"unnamed {i.role().name} {type(i.object()).__name__}" for i in interactive if not _name(i)]
    said: dict[tuple[str, str], int] = {}
    for i in interactive:
        if i.role() not in (R.Cell, R.ListItem, R.MenuItem):  # rows and menus are told by place
            key = (_name(i), i.text(QAccessible.Text.Description).strip())
            said[key] = said.get(key, 0) + 1
    faults += [f"{n} alike: {key}" for key, n in said.items() if n > 1 and key[0]]
    return len(interactive), faults


def _modal(qtbot, open_it, seen: dict[str, tuple[int, list[str]]], label: str) -> None:
    """Run ``open_it`` (which shows a modal dialog and waits), walk the dialog once it shows, close it."""

    def walk() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QDialog):
            QTimer.singleShot(20, walk)
            return
        seen[label] = _faults(box)
        box.reject()

    QTimer.singleShot(0, walk)
    open_it()
    qtbot.waitUntil(lambda: label in seen)


def test_every_element_is_named_and_tiles_say_their_state(qtbot, window, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.grid.photos.rowCount() > 1)
    window.panel.session.toggle([window.panel.grid.photos.members[1].index])  # a copy, marked
    tree = _tree(window)
    interactive = [i for i in tree if i.role() in INTERACTIVE]
    unnamed = [(i.role(), i.object()) for i in interactive if not i.text(QAccessible.Text.Name).strip()]
    assert len(interactive) > 15 and unnamed == []

    names = {i.text(QAccessible.Text.Name) for i in tree if i.role() == R.ListItem}
    tiles = [n for n in names if " by " in n]
    assert len(tiles) == window.panel.grid.photos.rowCount()
    kept = [t for t in tiles if ", kept," in t]
    assert len(kept) == 1 and "by" in kept[0] and ("kilobytes" in kept[0] or "megabytes" in kept[0])
    copies = [t for t in tiles if t not in kept]
    assert all("from the kept photo" in t or "identical file" in t for t in copies), copies
    assert sum("marked for the trash" in t for t in copies) == 1
    assert all("marked for the trash" in t or "not marked" in t for t in copies)


def test_the_details_table_reads_each_cell_and_its_mark(qtbot, window, library: Path) -> None:
    window.add_folders([str(library)])
    wait_scan(qtbot, window)
    window.panel.toggle_details()
    qtbot.waitUntil(lambda: window.panel.details.table.isVisible())
    cells = [i for i in _tree(window.panel.details.table) if i.role() == R.Cell]
    assert cells and all(i.text(QAccessible.Text.Name).strip() for i in cells)
    assert any(i.text(QAccessible.Text.Name) == "not marked" for i in cells)


@pytest.mark.slow
@pytest.mark.qt_log_ignore("does not support (raise|grabbing)")  # a menu's popup, offscreen
def test_every_dialog_and_menu_names_what_it_shows(qtbot, make_window, library: Path, tmp_path: Path) -> None:
    window = make_window()
    user = Driver(qtbot, window).add(library).wait_for_scan()
    user.show_group_of(3)
    seen: dict[str, tuple[int, list[str]]] = {}

    compare = user.open_compare(1)
    seen["compare"] = _faults(compare)
    compare.close()
    for label, show in (("shortcuts", window.show_shortcuts), ("problems", window.show_problems)):
        show()
        seen[label] = _faults(window.dialog)
        window.dialog.close()
    box = error_box("The disk is full.", "Traceback (most recent call last): …", window)
    seen["error"] = _faults(box)
    box.close()
    example = save(make_photo(21, (1200, 900)), tmp_path / "example.jpg")
    user.drop(example)
    found = user.wait_for_search()
    seen["search"] = _faults(found)
    found.close()
    for label in ("Which photo to keep", "About photodedupe", "Excluded folders"):
        _modal(qtbot, lambda label=label: user.menu(label), seen, label)
    window.commands.mark_best_all()
    for label in ("Move marked to Trash", "Move marked to folder"):
        _modal(qtbot, lambda label=label: user.menu(label), seen, label)
    for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu())):
        if menu.title():
            menu.popup(window.mapToGlobal(QPoint(10, 10)))
            qtbot.waitUntil(menu.isVisible)
            seen[f"menu {menu.title()}"] = _faults(menu)
            menu.hide()

    assert len(seen) >= 14
    assert {label: faults for label, (_n, faults) in seen.items() if faults} == {}
    assert all(n >= 1 for n, _faults_ in seen.values()), seen
    assert seen["compare"][0] >= 10 and seen["menu &Edit"][0] >= 8


@pytest.mark.slow
def test_shots_mode_reads_each_frame_its_quality_and_the_bar(qtbot, make_window, tmp_path: Path) -> None:
    shoot = tmp_path / "Shoot"
    burst(shoot, 21, frames=4, sharp=2)
    window = make_window()
    user = Driver(qtbot, window).drop(shoot).wait_for_scan()
    user.menu("Shots (culling)")
    user.wait_for_cull()
    user.select_group(0)
    count, faults = _faults(window)
    assert faults == [] and count > 15
    tiles = [i for i in _tree(window.panel.grid) if i.role() == R.ListItem]
    described = [i.text(QAccessible.Text.Description) for i in tiles]
    assert len(tiles) == 4 and described[0].startswith("Kept: sharpest")
    assert all(d.endswith("% as sharp as the best") for d in described[1:]), described
    names = {_name(i) for i in _tree(window.panel) if i.role() == R.SpinBox}
    assert names == {"Longest time between frames of a series", "Frames kept of each series"}
    user.select_photo(1)
    loupe = window.commands.loupe()
    assert loupe is not None
    count, faults = _faults(loupe)
    assert faults == [] and any(_name(i).endswith("at 100 %") for i in _tree(loupe))
    loupe.close()
