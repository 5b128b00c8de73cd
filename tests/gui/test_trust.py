"""The window acts on what the user sees (issue 24): keys where the focus is, the table's own commands,
and nothing hidden or cut at 900 px."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from photodedupe.gui.panels.details_table import PATH_MIN
from photodedupe.gui.window_actions import TOOLBAR
from tests.gui.driver import Driver


def _star_rows(details) -> set[int]:
    return {r for r in range(details.proxy.rowCount()) if details.proxy.index(r, 7).data() == "★ kept"}


def _table(user: Driver, library: Path):
    """The library scanned, and the details table shown."""
    user.drop(library).wait_for_scan()
    user.menu("Details table")
    return user.details()


@pytest.mark.slow
def test_keys_in_the_table_act_on_its_rows(user: Driver, library: Path, qtbot) -> None:
    details = _table(user, library)
    table = details.table
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by size: rows no longer in group order
    row = min(set(range(details.proxy.rowCount())) - _star_rows(details))
    table.setCurrentIndex(details.proxy.index(row, 2))
    table.setFocus()
    name = details.shown_names()[row]
    qtbot.keyClick(table, Qt.Key.Key_X)  # reject: this row's photo, then on to the next row
    assert user.marked() == {name} and table.currentIndex().row() == row + 1
    table.setCurrentIndex(details.proxy.index(row, 2))
    qtbot.keyClick(table, Qt.Key.Key_U)
    assert user.marked() == set()
    # The group of the current row is the group the window shows (title, list, commands).
    current = details.shown_names()[table.currentIndex().row()]
    group = user.window.panel.groups.current_group()
    assert current in {os.path.basename(user.review.photos[m.index].path) for m in group.members}

    table.setCurrentIndex(details.proxy.index(row, 2))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: beside its group's ★, at full size
    dialog = user.window.dialog
    assert os.path.basename(dialog.right.photo.path) == name
    dialog.close()

    star = min(_star_rows(details))
    table.clearSelection()
    table.setCurrentIndex(details.proxy.index(star, 2))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # a key never marks the ★
    assert user.marked() == set() and "keys never mark it" in user.status()
    box = details.proxy.index(star, 0)
    details.proxy.setData(box, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # its box
    assert user.marked() == {details.shown_names()[star]} and user.status().startswith("Marked ★")


@pytest.mark.slow
def test_double_click_a_row_compares_it_and_the_menu_marks_what_is_shown(
    user: Driver, library: Path, qtbot
) -> None:
    details = _table(user, library)
    table = details.table
    texts = [a.text().replace("&", "") for a in table.actions()]
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert {"Toggle mark", "Compare…", "Mark all shown", "Show in folder", "Open"} <= set(texts)

    row = min(set(range(details.proxy.rowCount())) - _star_rows(details))
    rect = table.visualRect(details.proxy.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # first press
    dialog = user.window.dialog
    assert os.path.basename(dialog.right.photo.path) == details.shown_names()[row]
    dialog.close()

    details.filter.setText("web")
    shown = set(details.shown_names())
    stars = {details.shown_names()[r] for r in _star_rows(details)}
    user.menu("Mark all shown")
    assert user.marked() == shown - stars and user.marked()


@pytest.mark.slow
def test_the_path_column_shows_the_part_under_the_scanned_folder_and_stretches(
    user: Driver, library: Path, qtbot
) -> None:
    details = _table(user, library)
    paths = [details.proxy.index(r, 2).data() for r in range(details.proxy.rowCount())]  # as shown
    assert "Pictures/web/beach_small.jpg" in paths  # the scanned folder's name, then what is under it
    assert not any(p.startswith(str(library.parent)) for p in paths)
    tip = details.proxy.index(paths.index("Pictures/web/beach_small.jpg"), 2).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tip == str(library / "web" / "beach_small.jpg")

    def fills() -> bool:
        """The path takes the room the other columns leave, never less than PATH_MIN (then it scrolls)."""
        header = details.table.horizontalHeader()
        room = details.table.viewport().width() - sum(
            header.sectionSize(c) for c in range(header.count()) if c != 2
        )
        return abs(header.sectionSize(2) - max(PATH_MIN, room)) <= 2

    qtbot.waitUntil(fills)
    user.resize(1600, 1000)
    qtbot.waitUntil(fills)
    user.slide_to(user.slider_value() - 2)  # regrouped: the table is made again, and still fills
    qtbot.waitUntil(fills)
    assert details.table.horizontalHeader().sectionSize(2) > PATH_MIN


@pytest.mark.slow
def test_the_path_column_fills_a_window_that_grew_while_the_table_was_hidden(
    user: Driver, library: Path, qtbot
) -> None:
    """Seen in a screenshot at 1600 px: the path stayed at its narrowest beside empty space."""
    user.drop(library).wait_for_scan()
    user.resize(1600, 1000)
    qtbot.wait(100)
    user.menu("Details table")
    table = user.details().table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.isVisible() and header.length() >= table.viewport().width() - 2)
    assert header.sectionSize(2) > PATH_MIN
    assert table.isColumnHidden(8)  # no photo here has a sidecar or a video: no empty Companions column


@pytest.mark.slow
def test_at_900_pixels_compare_trash_and_undo_are_in_sight_and_words_are_whole(
    user: Driver, library: Path, qtbot
) -> None:
    user.drop(library).wait_for_scan()
    user.resize(900, 600)
    bar = user.window.findChild(QToolBar)
    for act in (a for a in TOOLBAR if a is not None):
        button = bar.widgetForAction(user.window.actions_[act])
        assert button is not None and button.isVisible(), act
        assert bar.rect().contains(button.geometry()), act
    long = "40 photos found: 36 read, 4 identical copies · 4 groups · 51.2 MB could be freed · " * 3
    user.window.say(long)
    shown = user.window.status.message.text()
    assert shown.endswith("…") and long.startswith(shown[:-1]) and long[len(shown) - 1] == " "
    assert user.window.status.message.toolTip() == long
