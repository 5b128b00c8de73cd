"""What a screen reader hears: Qt's accessibility tree of the window, walked as assistive tools do.

Every interactive element shown (buttons, check boxes, the slider, combo boxes, list items, table
cells, menu items) must have a name; a photo tile must say which photo it is, whether it is the one
kept, its size, how far it is from the kept photo, and whether it is marked for the trash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible, QAccessibleInterface

from tests.gui.conftest import wait_scan

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
    assert len(kept) == 1 and "by" in kept[0] and ("KB" in kept[0] or "MB" in kept[0])
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
