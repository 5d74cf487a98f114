"""An axis of training steps or epochs: whole numbers only. pyqtgraph's default axis divides a
short range into tenths ("60.1, 60.2 …"), which no step or epoch is."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale

NICE = (1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10)  # axis ends: data fills >= 4/5


def round_up(value: float) -> float:
    """The next round number of NICE times a power of ten: 137 -> 150, 461 -> 500, 598 -> 600."""
    power = 10 ** np.floor(np.log10(max(value, 1e-12)))
    return float(next(m * power for m in NICE if m * power >= value))


def new_end(end: float, last: float) -> float | None:
    """Where a step axis that ends at `end` should end once the data reaches step `last`; None: where it
    does. The end jumps to a round number rather than follow every frame: each change lays out and
    repaints the axis's ticks, which cost more than the curves themselves."""
    return None if last < end <= 1.3 * last + 10 else round_up(last * 1.02 + 1)


class StepAxis(pg.AxisItem):
    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation, **kwargs)

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [QLocale().toString(round(value * scale)) for value in values]  # 1,000 / 1.000: the reader's way
