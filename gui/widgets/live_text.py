"""Text that changes many times a second (a run's counters) without laying out the window again.

A QLabel asks its parents for a new layout on every setText, and while training that request went
up to the main window 25 times a second, which then repainted whole (bench/training_overhead.py).
LiveText wraps its words the same way but asks only when it needs another number of lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
PREFERRED_WIDTH = 400  # the width it asks for; it takes whatever its layout gives


class LiveText(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text, self._height = text, 0
        self.setAutoFillBackground(True)  # opaque: an update repaints only itself
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, so it stands in for one
        if text == self._text:
            return
        self._text = text
        height = self.heightForWidth(self.width())
        if height != self._height:  # another number of lines: the layout must make room
            self._height = height
            self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        bounds = QRect(0, 0, max(width, 1), 1 << 20)
        return max(self.fontMetrics().boundingRect(bounds, FLAGS, self._text).height(), self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(PREFERRED_WIDTH, self.heightForWidth(PREFERRED_WIDTH))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self.fontMetrics().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._height = self.heightForWidth(self.width())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.contentsRect(), FLAGS, self._text)
