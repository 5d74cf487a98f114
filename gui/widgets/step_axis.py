"""An axis of training steps or epochs: whole numbers only. pyqtgraph's default axis divides a
short range into tenths ("60.1, 60.2 …"), which no step or epoch is."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLocale


class StepAxis(pg.AxisItem):
    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation, **kwargs)

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [QLocale().toString(round(value * scale)) for value in values]  # 1,000 / 1.000: the reader's way
