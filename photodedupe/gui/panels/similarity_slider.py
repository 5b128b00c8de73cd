"""The similarity slider: a threshold in bits, named in words.

Moving it emits ``thresholdChanged`` at most every ``debounce_ms`` while it
moves and once when it stops, so regrouping keeps up with a dragging hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from photodedupe.core.i18n import _, counted
from photodedupe.core.thresholds import level_name, levels, max_threshold


class SimilaritySlider(QWidget):
    thresholdChanged = Signal(int)

    def __init__(self, hash_bits: int = 128, parent: QWidget | None = None, debounce_ms: int = 60) -> None:
        super().__init__(parent)
        self.hash_bits = hash_bits
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, max_threshold(hash_bits))
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(2)
        self.slider.setMinimumWidth(140)  # the window fits a 800 px screen
        names = " · ".join(f"{_(lv.name)} ≤{lv.bits}" for lv in levels(hash_bits))
        self.slider.setToolTip(
            self.tr(
                "How different two photos may be and still be grouped,\n"
                "in bits of a {bits}-bit hash: {levels}"
            ).format(bits=hash_bits, levels=names)
        )
        self.slider.setAccessibleName(self.tr("Similarity"))
        self.caption = QLabel(self.tr("Similarity:"))
        self.value_label = QLabel()
        widest = max(
            (self._level_text(lv.bits) for lv in levels(hash_bits)),
            key=self.value_label.fontMetrics().horizontalAdvance,
        )
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance(widest))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        # The ends say which way is which; the level's own name is on the right of them.
        layout.addWidget(QLabel(self.tr("Stricter")))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel(self.tr("Looser")))
        layout.addWidget(self.value_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(lambda: self.thresholdChanged.emit(self.slider.value()))
        self.slider.valueChanged.connect(self._moved)
        self._update_label(self.slider.value())

    def value(self) -> int:
        return self.slider.value()

    def setValue(self, bits: int) -> None:
        self.slider.setValue(bits)

    def _moved(self, bits: int) -> None:
        self._update_label(bits)
        if not self._timer.isActive():
            self._timer.start()

    def _update_label(self, bits: int) -> None:
        self.value_label.setText(self._level_text(bits))

    def _level_text(self, bits: int) -> str:
        """ "Similar (16 bits)": the level's name and the threshold in bits."""
        return counted(
            bits, "{level} ({n} bit)", "{level} ({n} bits)", level=_(level_name(bits, self.hash_bits))
        )
