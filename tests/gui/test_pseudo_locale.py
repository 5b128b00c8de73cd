"""The pseudo-locale: every word the catalogs know comes out bracketed and 40 % longer, so a word
shown without its brackets was never marked for translation, and a word that no longer fits is cut.

The CLI's output and every text of the window (menus, buttons, labels, tooltips, lists, headers, the
status bar and the group and tile texts) are read back; what is left after taking out the bracketed
words and the data (paths, file names, numbers, sizes) must hold no word.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from photodedupe.cli import COMMANDS
from photodedupe.core import i18n
from photodedupe.gui.translations import install
from tests.gui.conftest import wait_scan

_WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
#: Words that are data, not language: formats and units the code writes as they are everywhere.
_DATA_WORDS = {
    "jpg",
    "png",
    "JPEG",
    "PNG",
    "JPG",
    "XMP",
    "RAW",
    "photodedupe",
    "Ctrl",
    "Shift",
    "Esc",
    "Del",
    "Ins",
}


def _unwrapped(text: str, data: list[str]) -> list[str]:
    """The words of ``text`` left outside the pseudo-locale's brackets, once the data is taken out."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    while _WRAPPED.search(text):
        text = _WRAPPED.sub(" ", text)
    text = re.sub(r"<[^>]+>", " ", text)  # rich text's tags
    text = re.sub(r"photodedupe [^⟦\n]*", " ", text)  # example commands (data for a shell)
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # command-line options
    return [w for w in _WORD.findall(text) if w not in _DATA_WORDS]


@pytest.fixture
def pseudo():
    yield
    i18n.use("en")


def _library(tmp_path: Path) -> Path:
    from tests.conftest import make_photo, save

    lib = tmp_path / "in"
    photo = make_photo(31, (800, 600))
    save(photo, lib / "1.jpg", quality=92)
    save(photo, lib / "2.jpg", quality=60)
    save(photo.resize((400, 300)), lib / "3.png")
    (lib / "4.jpg").write_bytes(b"not a photo")
    (lib / "5.txt").write_text("notes")
    return lib


def test_the_command_line_says_nothing_unmarked(tmp_path: Path) -> None:
    lib = _library(tmp_path)
    found = []
    for args in (
        ["scan", "--no-cache", str(lib)],
        ["clean", "--no-cache", str(lib)],
        ["scan", "--help"],
        ["--help"],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "photodedupe", "--lang", "pseudo", *args],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")},
        )
        assert run.returncode == 0, run.stderr
        # Whole: argparse wraps a bracketed help text over several lines.
        if words := _unwrapped(run.stdout + run.stderr, [str(lib), str(tmp_path), *COMMANDS]):
            found.append((args, words))
    assert found == []


def _texts(widget: QWidget) -> list[str]:
    """Every text a person can see or hear from ``widget``: its words, its tooltip, its items."""
    texts = [widget.toolTip(), widget.accessibleName(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, QLabel) and not _elided_whole_in_tooltip(widget):
        texts.append(widget.text())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(k) for k in range(widget.count())]
    return [t for t in texts if t]


def _elided_whole_in_tooltip(label: QLabel) -> bool:
    """A long line shortened on purpose to what fits, ending in "…", with the whole in its tooltip."""
    text = label.text()
    return text.endswith("…") and label.toolTip().startswith(text[:-1].rstrip())


def _cut_off(widget: QWidget) -> str | None:
    """A one-line label or a button whose words are wider than the room it has."""
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != 1 and widget.text():
        text = widget.text()
        if (
            "<" not in text
            and "\n" not in text
            and widget.fontMetrics().horizontalAdvance(text) > widget.width() + 1
        ):
            return text
    if (
        isinstance(widget, QAbstractButton)
        and widget.text()
        and widget.sizeHint().width() > widget.width() + 1
    ):
        return widget.text()
    return None


@pytest.mark.parametrize("size", [(900, 600), (1600, 1000)])
def test_the_window_shows_nothing_unmarked_or_cut_off(
    qtbot, make_window, tmp_path: Path, pseudo, size: tuple[int, int]
) -> None:
    from PySide6.QtCore import QCoreApplication, Qt

    install(QCoreApplication.instance(), i18n.PSEUDO)
    try:
        window = make_window()
        window.resize(*size)
        lib = _library(tmp_path)
        window.add_folders([str(lib)])
        wait_scan(qtbot, window)
        qtbot.waitUntil(lambda: window.panel.groups.model.rowCount() > 0)
        data = [str(lib), str(tmp_path), *(p.name for p in lib.iterdir())]
        texts: list[str] = [window.status.text(), window.panel.title.text()]
        for action in window.menuBar().actions():
            texts.append(action.text())
            for item in action.menu().actions() if action.menu() else ():
                texts += [item.text(), item.toolTip()]
        for widget in window.findChildren(QWidget):
            if widget.isVisible():
                texts += _texts(widget)
        model = window.panel.groups.model
        for row in range(model.rowCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(str(model.data(model.index(row), role) or ""))
        grid = window.panel.grid.photos
        for row in range(grid.rowCount()):
            texts.append(str(grid.data(grid.index(row), Qt.ItemDataRole.ToolTipRole) or ""))
        details = window.panel.details.model
        texts += [str(details.headerData(c, Qt.Orientation.Horizontal)) for c in range(details.columnCount())]
        texts = [t for t in texts if t]
        assert len(texts) > 100 and sum("⟦" in t for t in texts) > 90  # it read the window, in pseudo
        unmarked = [(t, w) for t in texts if (w := _unwrapped(t, data))]
        cut = [c for w in window.findChildren(QWidget) if w.isVisible() and (c := _cut_off(w))]
        assert unmarked == [] and cut == []
    finally:
        install(QCoreApplication.instance(), "en")


def test_german_fits_at_900_by_600(qtbot, make_window, tmp_path: Path, pseudo) -> None:
    """The longest shipped words, at the smallest window we support: nothing cut off in the window,
    the details table and the compare window (long German words must wrap or fit, never be clipped)."""
    from PySide6.QtCore import QCoreApplication

    from tests.bursts import burst
    from tests.gui.driver import Driver

    install(QCoreApplication.instance(), "de")
    try:
        window = make_window()
        window.resize(900, 600)
        library = _library(tmp_path)
        burst(library / "Shoot", 21, frames=3, sharp=1)
        user = Driver(qtbot, window).add(library).wait_for_scan()
        qtbot.waitUntil(lambda: window.panel.groups.model.rowCount() > 0)
        assert "Gruppe" in window.panel.groups.heading.text()  # it speaks German
        seen: dict[str, list[str]] = {}

        def look(name: str, top: QWidget) -> None:
            seen[name] = [c for w in top.findChildren(QWidget) if w.isVisible() and (c := _cut_off(w))]

        look("window", window)
        compare = user.open_compare(1)
        qtbot.wait(200)  # the zoom it shows, once the photos fit
        look("compare", compare)
        compare.close()
        window.panel.toggle_details()
        qtbot.waitUntil(window.panel.details.table.isVisible)
        look("details", window)
        assert seen == {"window": [], "compare": [], "details": []}
        user.menu("Serien (Auswahl)")  # Shots: the best frame's reason, made in English, said in German
        user.wait_for_cull()
        user.select_group(0)
        assert user.tiles()[0].why.startswith("am schärfsten"), user.tiles()[0].why
    finally:
        install(QCoreApplication.instance(), "en")
