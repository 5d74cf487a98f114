"""Drawing a function of x with the mouse on a plot (universal approximation: "draw your own").

A gesture as a small state object: pressing the left button starts a core.data.drawn.Sketch,
moving paints it (the stroke is drawn live on the plot), releasing finishes it and Esc cancels it.
Finishing asks the core whether the stroke is a function of x: `drawn` carries the `drawing`
parameter of the dataset, `refused` the sentence that says why not. The tool never edits the
project itself; its view turns `drawn` into one undoable dataset change.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal

from core.data.drawn import DrawingError, Sketch

STROKE = (55, 71, 79)  # the pencil's ink: dark blue-grey, apart from the fit's red and the points' blue


class StrokeTool(QObject):
    drawn = Signal(str)  # the drawing as the dataset's `drawing` parameter (JSON [[x, y], ...])
    refused = Signal(str)  # why the stroke is no function of x, for the user

    def __init__(self, plot: pg.PlotWidget):
        super().__init__(plot)
        self.plot = plot
        self.sketch: Sketch | None = None
        self.line = pg.PlotDataItem(pen=pg.mkPen(STROKE, width=2.5))
        self.line.setZValue(30)
        self.line.hide()
        plot.addItem(self.line, ignoreBounds=True)
        self.active = False

    def set_active(self, on: bool) -> None:
        """Drawing on (a crosshair: the next drag draws) or off (the plot is a picture again)."""
        if on == self.active:
            return
        self.active = on
        viewport = self.plot.viewport()
        if on:  # the mouse reaches the viewport, the keys (Esc) the plot
            for widget in (viewport, self.plot):
                widget.installEventFilter(self)
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        else:
            for widget in (viewport, self.plot):
                widget.removeEventFilter(self)
            viewport.unsetCursor()
            self.cancel()

    @property
    def drawing(self) -> bool:
        return self.sketch is not None

    def cancel(self) -> None:
        self.sketch = None
        self.line.hide()

    def _point(self, event) -> QPointF:
        scene = self.plot.mapToScene(event.position().toPoint())
        return self.plot.getViewBox().mapSceneToView(scene)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self.sketch = Sketch()
            self._add(event)
            return True
        if kind == QEvent.Type.MouseMove and self.sketch is not None:
            self._add(event)
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            if self.sketch is not None:
                self._add(event)
                self._finish()
            return True
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self.sketch is not None:
            self.cancel()
            return True
        return False

    def _add(self, event) -> None:
        point = self._point(event)
        self.sketch.add(point.x(), point.y())
        xs, ys = self.sketch.points()
        self.line.setData(xs, ys)
        self.line.show()

    def _finish(self) -> None:
        sketch, self.sketch = self.sketch, None
        try:
            drawing = sketch.curve_json()
        except DrawingError as err:
            self.line.hide()
            self.refused.emit(str(err))
            return
        self.drawn.emit(drawing)
