"""The similarity slider: a threshold in bits, named in words.

Moving it emits ``thresholdChanged`` at most every ``debounce_ms`` while it
moves and once when it stops, so regrouping keeps up with a dragging hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

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
        names = " · ".join(f"{lv.name} ≤{lv.bits}" for lv in levels(hash_bits))
        self.slider.setToolTip(
            "How different two photos may be and still be grouped,\n"
            f"in bits of a {hash_bits}-bit hash: {names}"
        )
        self.slider.setAccessibleName("Similarity")
        self.caption = QLabel("Similarity:")
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(
            self.value_label.fontMetrics().horizontalAdvance("Near-identical (32 bits)")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        # The ends say which way is which; the level's own name is on the right of them.
        layout.addWidget(QLabel("Stricter"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel("Looser"))
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
        self.value_label.setText(f"{level_name(bits, self.hash_bits)} ({bits} bit{'s' if bits != 1 else ''})")
