"""Light, dark or the system's look. The app paints with palette roles only."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 80, 80),
        QPalette.ColorRole.Highlight: QColor(61, 126, 205),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Link: QColor(110, 170, 240),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return p


def dark_check_boxes() -> str:
    """Check boxes a dark window can show: Fusion outlines them in a shade of the window colour,
    which on a dark ground is all but invisible (the reference tick of a folder was)."""
    tick = Path(str(files("photodedupe.resources") / "check.svg")).as_posix()
    box = "QCheckBox::indicator, QAbstractItemView::indicator"
    return (
        f"{box} {{ width: 13px; height: 13px; border: 1px solid #a0a0a0; border-radius: 3px; "
        "background: #1e1e20; }"
        f"{box.replace('indicator', 'indicator:checked')} "
        f"{{ background: #3d7ecd; border-color: #7fb0ec; image: url({tick}); }}"
        f"{box.replace('indicator', 'indicator:disabled')} {{ border-color: #5a5a5a; }}"
    )


def apply_theme(app: QApplication, theme: str) -> None:
    """ "dark" and "light" force Fusion with a matching palette; "system" leaves the platform's look.

    A forced theme also uses Qt's own file dialogs: the desktop's would stay in its own colours.
    """
    if theme == "system":
        return
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    app.setStyleSheet(dark_check_boxes() if theme == "dark" else "")
