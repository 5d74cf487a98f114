"""The neuron view: for a small dense network on 2-D data, every unit drawn as a
small heatmap of its output over the input plane, and every weight as a line
whose thickness is its size and whose colour its sign."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QStackedWidget

from core.probes.plane import Neurons, grid_points

UNIT, GAP, COLUMN = 1.0, 0.35, 4.0  # a unit's side, the space between units, between columns (scene units)
WIDTH_LEVELS = 5  # weights are drawn in this many thicknesses per sign, one curve item each
_RAMP = pg.ColorMap(
    [0.0, 0.5, 1.0], [(255, 127, 14), (247, 247, 247), (31, 119, 180)]
)  # negative orange, positive blue
_LUT = _RAMP.getLookupTable(nPts=256, mode="byte")


def _colours(planes: np.ndarray) -> np.ndarray:
    """(units, rows, cols) outputs as (units, rows, cols, RGB) bytes, each unit on its own symmetric
    scale, so the sign of its output reads as its colour. Row 0 is y min: it goes at the bottom.
    (One table lookup for a whole column: mapping each unit through the ramp cost 2 ms a picture.)"""
    planes = np.nan_to_num(planes[:, ::-1], nan=0.0, posinf=0.0, neginf=0.0)  # a diverged unit's nan: white
    scale = np.maximum(np.abs(planes).max(axis=(1, 2), keepdims=True), 1e-8)
    return _LUT[np.rint((planes / scale + 1) * 127.5).astype(np.uint8)]


class NeuronView(QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        # the columns' names under the box, in pixels: text inside the box shrinks with it and was cut off
        self.names = pg.AxisItem("bottom", pen=pg.mkPen(None), textPen="#455a64")
        self.names.setStyle(tickLength=0)
        self.names.linkToView(self.box)
        self.canvas.addItem(self.names, row=1, col=0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #607d8b")
        self.addWidget(self.canvas)
        self.addWidget(self.message)
        self.columns: list[tuple[str, str]] = []
        self.images: dict[str, list[pg.ImageItem]] = {}
        self.lines: list[pg.PlotCurveItem] = []
        self.positions: list[np.ndarray] = []  # per column (inputs first): each unit's top-left corner
        self.layout_of: tuple | None = None  # what the units were laid out for: columns, widths, bounds, inputs
        self.inputs: str | None = None  # the Features node drawn as the inputs, None for x and y
        self.show_message(self.tr("Train a small dense network on 2-D data to see each neuron here."))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def forget(self) -> None:
        """A new run: lay the units out again from its first result."""
        self.layout_of = None

    def show_neurons(self, neurons: Neurons) -> None:
        """Draw the neurons probe's result, laying the units out when the network is new."""
        widths = [neurons.surfaces[shown].shape[0] for _, shown in neurons.columns]
        layout = (neurons.columns, widths, neurons.bounds, neurons.inputs, neurons.input_names)
        if layout != self.layout_of:
            self.set_network(*layout)
            self.layout_of = layout
        self.show_snapshot(neurons.surfaces, neurons.weights)

    def set_network(
        self, columns: list[tuple[str, str]], widths: list[int], bounds, inputs=None, input_names=("x", "y")
    ) -> None:
        """Lay out units: the inputs (x and y, or the Features node's columns), then one column per
        Linear layer."""
        self.box.clear()
        self.columns, self.images, self.lines, self.inputs = columns, {}, [], inputs
        if not columns:
            self.show_message(
                self.tr("The neuron view draws dense networks on 2-D data whose layers have at most 12 units each.")
            )
            return
        self.setCurrentWidget(self.canvas)
        sizes = [len(input_names)] + widths
        tallest = max(sizes)
        self.positions = []
        for c, count in enumerate(sizes):
            top = (tallest - count) * (UNIT + GAP) / 2
            self.positions.append(np.array([(c * COLUMN, top + i * (UNIT + GAP)) for i in range(count)]))
        for sign in (1, -1):  # lines first, so units are drawn over them
            for level in range(WIDTH_LEVELS):
                colour = (31, 119, 180, 70 + 40 * level) if sign > 0 else (255, 127, 14, 70 + 40 * level)
                line = pg.PlotCurveItem(pen=pg.mkPen(colour, width=0.4 + 0.7 * level), connect="pairs")
                line.setZValue(-1)  # under the units
                self.box.addItem(line)
                self.lines.append(line)
        self.column_names = [", ".join(input_names)] + [shown for _, shown in columns]
        self._name_columns()
        bottom = tallest * (UNIT + GAP)
        points = grid_points(bounds, 28)
        planes = [points[:, 0].reshape(28, 28), points[:, 1].reshape(28, 28)]
        self._column_images("inputs", planes if inputs is None else [np.zeros((28, 28))] * sizes[0], 0)
        for c, (_, shown) in enumerate(columns, start=1):
            self._column_images(shown, [np.zeros((28, 28))] * sizes[c], c)
        self.box.setRange(QRectF(-GAP, -GAP, (len(sizes) - 1) * COLUMN + UNIT + 2 * GAP, bottom + GAP), padding=0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._name_columns()

    def _name_columns(self) -> None:
        """Every column's name under it, in the window's text size, or smaller when the view is too
        narrow for them (large text on a projector): overlapping names are read as none."""
        names = getattr(self, "column_names", [])
        if not names:
            return
        spacing = self.box.mapViewToDevice(QPointF(COLUMN, 0)).x() - self.box.mapViewToDevice(QPointF(0, 0)).x()
        font = QFont(self.font())
        widest = max(QFontMetrics(font).horizontalAdvance(name) for name in names)
        if spacing > 0 and widest + 8 > spacing:
            font.setPointSizeF(max(6.0, font.pointSizeF() * (spacing - 8) / widest))
        self.names.setStyle(tickFont=font)
        self.names.setTicks([[(c * COLUMN + UNIT / 2, name) for c, name in enumerate(names)], []])

    def _column_images(self, key: str, planes: list[np.ndarray], column: int) -> None:
        self.images[key] = []
        for rgb, (x, y) in zip(_colours(np.stack(planes)), self.positions[column], strict=True):
            image = pg.ImageItem(axisOrder="row-major")
            image.setImage(rgb, autoLevels=False, levels=None)  # bytes as they are: no rescaling
            image.setRect(QRectF(x, y, UNIT, UNIT))  # after the first image: the scale depends on its size
            self.box.addItem(image)
            self.images[key].append(image)

    def show_snapshot(self, neurons: dict[str, np.ndarray], weights: dict[str, np.ndarray]) -> None:
        if not self.columns:
            return
        drawn = [(shown, shown) for _, shown in self.columns]
        drawn += [("inputs", self.inputs)] if self.inputs is not None else []
        for key, node in drawn:
            for image, rgb in zip(self.images[key], _colours(neurons[node]), strict=True):
                image.setImage(rgb, autoLevels=False, levels=None)  # bytes as they are: no rescaling
        segments: list[list[np.ndarray]] = [[] for _ in self.lines]
        largest = max(float(np.abs(w).max()) for w in weights.values()) or 1.0
        for c, (linear, _) in enumerate(self.columns):
            w = weights[linear]  # (out, in)
            starts = np.broadcast_to(self.positions[c] + (UNIT, UNIT / 2), (*w.shape, 2))  # [o, i]: from input i ...
            ends = np.broadcast_to((self.positions[c + 1] + (0, UNIT / 2))[:, None], (*w.shape, 2))  # ... to unit o
            level = np.minimum((np.abs(w) / largest * WIDTH_LEVELS).astype(int), WIDTH_LEVELS - 1)
            bucket = level + np.where(w >= 0, 0, WIDTH_LEVELS)
            for b in np.unique(bucket):
                chosen = bucket == b
                segments[b].append(np.stack([starts[chosen], ends[chosen]], axis=1).reshape(-1, 2))
        for line, parts in zip(self.lines, segments, strict=True):
            points = np.concatenate(parts) if parts else np.zeros((0, 2))
            line.setData(points[:, 0], points[:, 1])
