"""A look at a dataset before training: points for 2-D sets, the curve y(x) for a function of
one variable, a labelled grid of samples for images, a few curves (or text windows) for sequences."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStackedWidget

from core.data.catalog import Data
from gui.i18n import class_label
from gui.widgets.zoom_reset import ZoomReset

CLASS_COLOURS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
GRID_COLUMNS, GRID_ROWS = 8, 4


def class_colour(index: int) -> str:
    return CLASS_COLOURS[index % len(CLASS_COLOURS)]


def tile_images(x: np.ndarray, columns: int, row_gap: int = 1) -> np.ndarray:
    """Samples (N, C, H, W) side by side, each scaled to [0, 1] on its own, as one
    (rows·(H+row_gap), columns·(W+1), C) image: one ImageItem draws them all.
    The gap under each row leaves room for labels."""
    n, c, h, w = x.shape
    rows = -(-n // columns)
    low = x.reshape(n, -1).min(1)[:, None, None, None]
    high = x.reshape(n, -1).max(1)[:, None, None, None]
    scaled = (x - low) / np.maximum(high - low, 1e-8)
    canvas = np.ones((rows * (h + row_gap), columns * (w + 1), c), dtype=np.float32)
    for i in range(n):
        r, col = divmod(i, columns)
        top, left = r * (h + row_gap), col * (w + 1)
        canvas[top : top + h, left : left + w] = scaled[i].transpose(1, 2, 0)
    return canvas


class DataPreview(QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMinimumHeight(220)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.zoom_reset = ZoomReset(self.plot)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setFont(QFont("monospace"))
        self.addWidget(self.plot)
        self.addWidget(self.text)
        self.scatters: list[pg.ScatterPlotItem] = []  # per class: training points, then test points

    def show_data(self, data: Data) -> None:
        self.zoom_reset.button.hide()
        self.plot.clear()
        self.scatters = []
        self.setCurrentWidget(self.plot)
        rank = len(data.input_shape)
        if data.input_shape == (2,):
            self._points(data)
        elif data.input_shape == (1,) and not data.num_classes:
            self._function(data)
        elif rank == 3:
            self._images(data)
        elif rank == 2 and data.input_shape[1] > 4 and data.num_classes:
            self._text(data)
        elif rank == 2:
            self._sequences(data)
        else:
            self._table(data)
        self.plot.autoRange()

    def _points(self, data: Data) -> None:
        self._axes(True)
        self.plot.setAspectLocked(True)
        if not data.num_classes:
            self._coloured_by_value(data.x_train, data.y_train)
            return
        for k in range(data.num_classes):
            colour = class_colour(k)
            train, test = data.x_train[data.y_train == k], data.x_test[data.y_test == k]
            self.scatters += [
                pg.ScatterPlotItem(train[:, 0], train[:, 1], size=6, pen=None, brush=colour),
                pg.ScatterPlotItem(test[:, 0], test[:, 1], size=6, pen=pg.mkPen(colour, width=1.5), brush="w"),
            ]
            for item in self.scatters[-2:]:
                self.plot.addItem(item)

    def _coloured_by_value(self, x: np.ndarray, y: np.ndarray) -> None:
        colours = pg.colormap.get("viridis").getLookupTable(nPts=64)
        brushes = [pg.mkBrush(*c) for c in colours]  # built once, shared by the points
        span = max(float(y.max() - y.min()), 1e-8)
        index = ((y - y.min()) / span * 63).astype(int)
        self.plot.addItem(pg.ScatterPlotItem(x[:, 0], x[:, 1], size=6, pen=None, brush=[brushes[i] for i in index]))

    def _images(self, data: Data) -> None:
        self._axes(False)
        self.plot.setAspectLocked(True)
        count = min(len(data.x_train), GRID_COLUMNS * GRID_ROWS)
        x = data.x_train[:count]
        gap = max(3, x.shape[2] // 2) if data.num_classes else 1
        mosaic = tile_images(x, GRID_COLUMNS, gap)
        image = pg.ImageItem(mosaic[..., 0] if x.shape[1] == 1 else mosaic, axisOrder="row-major")
        image.setLevels([0, 1])
        self.plot.addItem(image)
        self.plot.getViewBox().invertY(True)
        if data.num_classes:
            h, w = x.shape[2], x.shape[3]
            for i in range(count):
                r, c = divmod(i, GRID_COLUMNS)
                label = pg.TextItem(
                    class_label(data.class_names[data.y_train[i]]),
                    color=class_colour(data.y_train[i]),
                    anchor=(0.5, 0.5),
                )
                label.setPos(c * (w + 1) + w / 2, r * (h + gap) + h + gap / 2)  # centred in the gap below
                self.plot.addItem(label)

    def _sequences(self, data: Data) -> None:
        self._axes(True)
        self.plot.setAspectLocked(False)
        self.plot.getViewBox().invertY(False)
        steps = data.input_shape[0]
        for i in range(min(4, len(data.x_train))):
            colour = class_colour(i)
            self.plot.plot(np.arange(steps), data.x_train[i, :, 0], pen=pg.mkPen(colour, width=2))
            if not data.num_classes:  # the value to predict, one step after the window
                self.plot.plot([steps], [float(data.y_train[i])], pen=None, symbol="o", symbolBrush=colour)
        self.plot.setLabel("bottom", "step")

    def _function(self, data: Data) -> None:
        """A function of x as a curve: the training points joined in order of x (thin), on them the
        training points and the test points (open), as the Approximation view draws them."""
        self._axes(True)
        self.plot.setAspectLocked(False)
        self.plot.setLabel("left", "y")
        self.plot.setLabel("bottom", "x")
        x, y = data.x_train[:, 0], np.asarray(data.y_train, np.float32).reshape(len(data.y_train), -1)[:, 0]
        order = np.argsort(x, kind="stable")
        self.curve = self.plot.plot(x[order], y[order], pen=pg.mkPen((21, 101, 192, 80), width=1))
        x_test = data.x_test[:, 0]
        y_test = np.asarray(data.y_test, np.float32).reshape(len(data.y_test), -1)[:, 0]
        self.scatters = [
            pg.ScatterPlotItem(x, y, size=5, pen=None, brush=pg.mkBrush(21, 101, 192, 170)),
            pg.ScatterPlotItem(x_test, y_test, size=6, pen=pg.mkPen((21, 101, 192), width=1.2), brush="w"),
        ]
        for item in self.scatters:
            self.plot.addItem(item)

    def _text(self, data: Data) -> None:
        vocab = data.class_names
        lines = []
        for i in range(min(8, len(data.x_train))):
            window = "".join(vocab[j] for j in data.x_train[i].argmax(1))
            lines.append(f"“{window}” → “{vocab[data.y_train[i]]}”")
        self.text.setText("Windows of the text and the character to predict:\n\n" + "\n".join(lines))
        self.setCurrentWidget(self.text)

    def _table(self, data: Data) -> None:
        self._axes(True)
        self.plot.setAspectLocked(False)
        x = data.x_train[:, :2] if data.x_train.shape[1] >= 2 else np.c_[data.x_train[:, 0], data.y_train]
        if data.num_classes:
            for k in range(data.num_classes):
                chosen = x[data.y_train == k]
                self.plot.addItem(
                    pg.ScatterPlotItem(chosen[:, 0], chosen[:, 1], size=6, pen=None, brush=class_colour(k))
                )
        else:
            self._coloured_by_value(x, data.y_train)

    def _axes(self, shown: bool) -> None:
        for side in ("left", "bottom"):
            self.plot.setLabel(side, "")  # (this shows the axis, so it goes first)
            self.plot.showAxis(side, shown)
        self.plot.getViewBox().invertY(False)
