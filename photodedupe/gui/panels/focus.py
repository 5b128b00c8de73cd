"""Keyboard focus in reading order: which widgets Tab reaches, and the chain it follows."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focusables(parent: QWidget) -> list[QWidget]:
    """The widgets under ``parent`` that Tab can reach, in the order they were made (our panels
    make them top to bottom, left to right). A spin box's own line edit is its part, not a stop."""
    return [
        w
        for w in parent.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and not _inner(w)
    ]


def _inner(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and parent.focusProxy() is widget


def chain(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each widget to the next (each once; Qt skips the hidden ones)."""
    for before, after in itertools.pairwise(dict.fromkeys(widgets)):
        QWidget.setTabOrder(before, after)
