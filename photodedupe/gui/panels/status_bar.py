"""The status bar: one line of news, a progress bar with Cancel, and a warning about the cache."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSizePolicy, QStatusBar, QWidget

from photodedupe.core.i18n import said
from photodedupe.gui.icons import icon


def fit_words(text: str, width: int, advance: Callable[[str], int]) -> str:
    """``text``, or as many whole words of it as fit in ``width`` with "…" after them.

    >>> fit_words("12 photos found · 3 groups", 14, len)
    '12 photos…'
    """
    if advance(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shown = " ".join(words).rstrip(" ·,:;") + "…"
        if advance(shown) <= width:
            return shown
    return words[0] if words else ""


class _Message(QLabel):
    """One line of words that fits itself to its width whenever the width changes."""

    def __init__(self) -> None:
        super().__init__()
        self.whole = ""

    def say(self, text: str) -> None:
        self.whole = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(fit_words(self.whole, self.width(), self.fontMetrics().horizontalAdvance))


class StatusBar(QStatusBar):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = _Message()
        # A long line must not widen the window (it did: the window's width followed the news);
        # it ends with "…" after the last whole word that fits, and is whole in the tooltip.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop the scan (Esc); photos read so far are kept for next time")
        )
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.cancel_button.hide()
        # What went wrong with the hash cache (locked, full disk, newer version): the scan
        # worked without it, but the user should know why the next one may be slow.
        self.notice = QLabel()
        self.notice.hide()
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.notice)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)

    def say(self, text: str) -> None:
        self.message.say(text)

    def text(self) -> str:
        """The whole message (what shows may end in "…")."""
        return self.message.whole

    def working(self, total: int = 0, cancellable: bool = False) -> None:
        """Show the progress bar: of ``total`` steps, or busy without a count when 0."""
        self.progress.setRange(0, max(total, 0))
        self.progress.show()
        self.cancel_button.setVisible(cancellable)

    def step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def show_notices(self, notices: list[str]) -> None:
        """The first notice in a few words; all of them, whole, in its tooltip."""
        self.notice.setVisible(bool(notices))
        if notices:
            notices = [said(n) for n in notices]
            self.notice.setText(f"⚠ {notices[0].split(';')[0].split(' (')[0]}")
            self.notice.setToolTip("\n\n".join(notices))
