"""Plot text sized relative to the application's font, so presentation mode enlarges it too.

pyqtgraph titles and labels take explicit sizes; views ask here instead of writing "9pt", and
the view tabs rebuild their views when the application's font changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

NORMAL_POINT_SIZE = 10.0  # the application's font outside presentation mode


def scale() -> float:
    size = QApplication.font().pointSizeF()
    return size / NORMAL_POINT_SIZE if size > 0 else 1.0


def pt(points: float) -> str:
    """A pyqtgraph size string: `points` at the normal font, more in presentation mode."""
    return f"{points * scale():.3g}pt"


def px(pixels: int) -> int:
    """A length in pixels that must hold text (an axis's width), grown with the font."""
    return round(pixels * scale())
