"""The speed control beside Run: from slow motion, a few steps a second with every step drawn,
so a teacher can talk over each one, to full speed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from gui.i18n import keep

PACES = (1.0, 2.0, 5.0, 10.0, 25.0, 100.0, 0.0)  # steps a second; 0: as fast as the machine can


def pace_text(pace: float) -> str:
    if not pace:
        return QCoreApplication.translate("SpeedControl", "full speed")
    if pace == 1:
        return QCoreApplication.translate("SpeedControl", "1 step/s")
    return QCoreApplication.translate("SpeedControl", "{0} steps/s").format(f"{pace:g}")


class SpeedControl(QWidget):
    pace_changed = Signal(float)  # steps a second, 0 for full speed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=len(PACES) - 1, pageStep=1)
        self.slider.setValue(len(PACES) - 1)
        self.slider.setFixedWidth(110)
        self.slider.setToolTip(self.tr("Training speed: slow motion draws every step, so a class can follow each one"))
        self.label = QLabel(pace_text(0.0))
        self._fit_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        speed = QLabel()
        keep(speed.setText, "SpeedControl", QT_TRANSLATE_NOOP("SpeedControl", "Speed"))
        row.addWidget(speed)
        row.addWidget(self.slider)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self._moved)

    def _fit_label(self) -> None:
        """Room for the longest pace in the current language, so moving the slider never clips it."""
        metrics = self.label.fontMetrics()
        self.label.setMinimumWidth(max(metrics.horizontalAdvance(pace_text(p) + "  ") for p in PACES))

    @property
    def pace(self) -> float:
        return PACES[self.slider.value()]

    def set_pace(self, pace: float) -> None:
        """Show the nearest speed on the slider (a lesson may set one)."""
        nearest = min(range(len(PACES)), key=lambda i: abs((PACES[i] or 1e9) - (pace or 1e9)))
        self.slider.setValue(nearest)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.label.setText(pace_text(self.pace))
            self._fit_label()

    def _moved(self, index: int) -> None:
        self.label.setText(pace_text(PACES[index]))
        self.pace_changed.emit(PACES[index])
