"""A question the window asks before it acts, as plain data: the controllers ask it, a dialog answers.

Tests answer it without a window (``FileOps(ask=...)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    title: str
    text: str
    informative: str
    choices: tuple[str, ...]  # the buttons, besides Cancel when ``cancel``
    default: str | None = None  # None: Cancel is the default
    cancel: bool = True
    warning: bool = False


#: Shows a question; the choice made, or None for Cancel.
Ask = Callable[[Question], str | None]
