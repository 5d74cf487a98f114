"""The speed control beside Run: from slow motion, a few steps a second with every step drawn,
so a teacher can talk over each one, to full speed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

PACES = (1.0, 2.0, 5.0, 10.0, 25.0, 100.0, 0.0)  # steps a second; 0: as fast as the machine can


def pace_text(pace: float) -> str:
    if not pace:
        return "full speed"
    return f"{pace:g} step{'s' * (pace != 1)}/s"


class SpeedControl(QWidget):
    pace_changed = Signal(float)  # steps a second, 0 for full speed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=len(PACES) - 1, pageStep=1)
        self.slider.setValue(len(PACES) - 1)
        self.slider.setFixedWidth(110)
        self.slider.setToolTip("Training speed: slow motion draws every step, so a class can follow each one")
        self.label = QLabel(pace_text(0.0))
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("100 steps/s "))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(QLabel("Speed"))
        row.addWidget(self.slider)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self._moved)

    @property
    def pace(self) -> float:
        return PACES[self.slider.value()]

    def set_pace(self, pace: float) -> None:
        """Show the nearest speed on the slider (a lesson may set one)."""
        nearest = min(range(len(PACES)), key=lambda i: abs((PACES[i] or 1e9) - (pace or 1e9)))
        self.slider.setValue(nearest)

    def _moved(self, index: int) -> None:
        self.label.setText(pace_text(PACES[index]))
        self.pace_changed.emit(PACES[index])
