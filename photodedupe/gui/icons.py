"""Icons from the SVG files in ``resources/`` (sharp at any scale, no build step)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/NAME.svg``."""
    return QIcon(str(files("photodedupe.resources") / f"{name}.svg"))
