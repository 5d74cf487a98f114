"""A visible way back after zooming a plot: a "Reset zoom" button appears in the plot's
corner once the user has zoomed or panned it, and puts the whole picture back."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton


class ZoomReset(QObject):
    def __init__(self, plot: pg.PlotWidget):
        super().__init__(plot)
        self.plot = plot
        self.button = QPushButton("Reset zoom", plot)
        self.button.setToolTip("Show the whole picture again")
        self.button.hide()
        self.button.clicked.connect(self.reset)
        plot.getViewBox().sigRangeChangedManually.connect(self._zoomed)
        plot.installEventFilter(self)

    def reset(self) -> None:
        self.plot.getViewBox().autoRange()
        self.button.hide()

    def _zoomed(self, *_) -> None:
        self._place()
        self.button.show()
        self.button.raise_()

    def _place(self) -> None:
        hint = self.button.sizeHint()
        self.button.setGeometry(self.plot.width() - hint.width() - 6, 6, hint.width(), hint.height())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
