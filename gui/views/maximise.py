"""Activation maximisation: the input each unit (or conv filter) of a chosen layer likes best.

The worker synthesises the inputs (core.probe_maximise); this view draws them as one tiled
image in the data's own look (dark ink on white for sparse images such as digits, a diverging
map for centred data, colour for RGB), each tile labelled with its unit and the activation
reached. For 2-D data the synthesised inputs are points, drawn over the data.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QStackedWidget, QVBoxLayout

from core.insights import ProbeFailed
from core.probe_maximise import MAX_UNITS, layer_units
from gui.views.insight_view import InsightView, MessageLabel

INK = "#333333"
BACKGROUND = (244, 246, 247, 255)  # between tiles
CLASS_COLOURS = [pg.intColor(i, 10, maxValue=200) for i in range(10)]
LABEL_ROOM = 0.26  # first guess of the room under each tile for its label, as a share of the tile's height
LABEL_PIXELS = 20  # the room a label needs on screen


def colour_tiles(inputs: np.ndarray, low: float, high: float, ink: bool) -> np.ndarray:
    """(k, C, H, W) inputs -> (k, H, W, 4) bytes: RGB as is, one channel grey or diverging."""
    if inputs.shape[1] == 3:
        scaled = np.clip((inputs - low) / max(high - low, 1e-12), 0, 1)
        rgb = (scaled.transpose(0, 2, 3, 1) * 255).astype(np.ubyte)
        return np.concatenate([rgb, np.full((*rgb.shape[:3], 1), 255, np.ubyte)], -1)
    plane = inputs.mean(1)  # one channel (or the mean of several)
    if low < 0 < high:  # centred data: zero is white, the sign is the hue
        cmap, top = pg.colormap.get("CET-D1"), max(-low, high)
        values = plane / top / 2 + 0.5
    else:
        cmap = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (0, 0, 0)] if ink else [(0, 0, 0), (255, 255, 255)])
        values = (plane - low) / max(high - low, 1e-12)
    return cmap.map(np.clip(values, 0, 1).reshape(-1), mode="byte").reshape(*plane.shape, -1)


def grid_shape(count: int, tile_aspect: float, box_aspect: float) -> tuple[int, int]:
    """(rows, columns) that make the tiles largest in a box of width/height `box_aspect`."""
    best = (count, 1, 0.0)
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        size = min(box_aspect / (columns * tile_aspect), 1.0 / rows)
        if size > best[2] + 1e-9:
            best = (rows, columns, size)
    return best[0], best[1]


class MaximiseView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.project = self.data = None
        self.units: dict[str, int] = {}  # layer -> its units (filters), in depth order
        self.texts: list[pg.TextItem] = []  # the tiles' labels
        self.point_texts: list[pg.TextItem] = []  # the 2-D points' labels

        self.layer = QComboBox(objectName="layer")
        self.layer.setToolTip("The layer whose unit (or conv filter) to excite")
        self.unit = QSpinBox(objectName="unit", minimum=0, maximum=0)
        self.unit.setToolTip("The unit; for a conv layer, the filter (its feature map's mean is excited)")
        self.all_units = QCheckBox("all units", objectName="all_units")
        self.all_units.setToolTip(f"Synthesise an input for every unit of the layer (the first {MAX_UNITS} at most)")
        self.caption = QLabel(objectName="caption")
        self.caption.setStyleSheet(f"color: {INK}")
        self.caption.setWordWrap(True)
        self.layer.currentIndexChanged.connect(self._layer_chosen)
        self.unit.valueChanged.connect(self._options_changed)
        self.all_units.toggled.connect(self._options_changed)
        bar = QHBoxLayout()
        for widget in (QLabel("layer"), self.layer, QLabel("unit"), self.unit, self.all_units):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.caption, 1)

        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.image)
        self.plane = pg.PlotWidget(background="w")  # for 2-D data
        self.plane.setAspectLocked(True)
        self.plane.setMenuEnabled(False)
        self.plane.hideButtons()
        self.data_points = pg.ScatterPlotItem(size=5, pen=None)
        self.found = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen(INK, width=1.2), brush="#ffd54f")
        self.plane.addItem(self.data_points)
        self.plane.addItem(self.found)
        self.message = MessageLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for widget in (self.message, self.canvas, self.plane):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._say("Open a project and train it: the input that excites the chosen unit most appears here.")

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        layer = self.layer.currentData()
        if not layer or self.data is None:
            return {}
        return {"maximise": {"layer": layer, "unit": "all" if self.all_units.isChecked() else self.unit.value()}}

    def set_context(self, project, data) -> None:
        self.project, self.data, self.result = project, data, None
        self.units = {}
        self._refresh_layers()
        if data is not None and data.is_2d:
            self._draw_data()
        self._say(
            "Train the network: the input that excites each chosen unit most appears here."
            if self.units
            else "This network has no layer to look into yet."
        )

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("maximise")
        if isinstance(result, ProbeFailed):
            self.message.show_failure(result)
            self.stack.setCurrentWidget(self.message)
            return
        if result is None or self.data is None:
            return
        self.result = result
        self._draw()

    # ---- what is drawn (for tests) -----------------------------------------------------------

    def tile_origins(self) -> list[tuple[float, float]]:
        """Each unit's tile's top-left corner in the image (x, y), in the result's order."""
        return list(self._origins)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_layers()  # the network may have been edited while another tab was open

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.result is not None and self.stack.currentWidget() is self.canvas:
            self._draw_tiles()  # the grid's shape follows the room it has

    # ---- choices -----------------------------------------------------------------------------

    def _refresh_layers(self) -> None:
        """List the project's layers; keep the chosen one if it is still there, else take the last
        (for a classifier: its classes)."""
        units = _layers(self.project) if self.project is not None else {}
        if units == self.units:
            return
        self.units, chosen = units, self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for layer, count in units.items():
            self.layer.addItem(f"{layer}  ({count} unit{'s' if count != 1 else ''})", layer)
        index = self.layer.findData(chosen)
        self.layer.setCurrentIndex(index if index >= 0 else self.layer.count() - 1)
        self.layer.blockSignals(False)
        self._layer_chosen()

    def _layer_chosen(self) -> None:
        count = self.units.get(self.layer.currentData(), 1)
        for widget in (self.unit, self.all_units):
            widget.blockSignals(True)
        self.unit.setMaximum(max(count - 1, 0))
        self.all_units.setChecked(count <= MAX_UNITS)
        self.unit.setEnabled(not self.all_units.isChecked())
        for widget in (self.unit, self.all_units):
            widget.blockSignals(False)
        self.options_changed.emit()

    def _options_changed(self) -> None:
        self.unit.setEnabled(not self.all_units.isChecked())
        self.options_changed.emit()

    # ---- drawing -----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip("")
        self.stack.setCurrentWidget(self.message)
        self._origins = []

    def _draw(self) -> None:
        r, data = self.result, self.data
        shape = tuple(data.input_shape)
        if r.units.size == 1:
            u = int(r.units[0])
            text = f"{r.layer}, unit {u}: activation {r.start[0]:.3g} at the start, {r.reached[0]:.3g} reached"
        else:
            text = f"{r.layer}, {len(r.units)} of {r.layer_units} units: under each, the activation reached"
        x = data.x_train
        if not data.is_2d and float(np.median(x)) - float(x.min()) < 0.25 * float(np.ptp(x)):
            text += "; dark where the input is high"
        self.caption.setText(f"{text} (step {r.step})")
        if data.is_2d:
            self._draw_points()
        elif len(shape) == 3 and shape[1] >= 2 and shape[2] >= 2:
            self._draw_tiles()
        else:
            self._say(
                "Activation maximisation draws its inputs as images (or as points for 2-D data); "
                f"this dataset's inputs have the shape {'×'.join(map(str, shape))}."
            )

    def _draw_tiles(self) -> None:
        r, x = self.result, self.data.x_train
        k, (_, h, w) = len(r.units), r.inputs.shape[1:]
        low, high = float(x.min()), float(x.max())
        ink = float(np.median(x)) - low < 0.25 * (high - low)  # mostly background (digits): dark ink on white
        tiles = colour_tiles(r.inputs, low, high, ink)
        gap, room = max(1, w // 6), LABEL_ROOM * h if k > 1 else 0.0
        size = self.stack.size()  # (the canvas may not have been laid out yet if it was hidden)
        width, height = max(size.width(), 1), max(size.height(), 1)
        for _ in range(2):  # the labels need LABEL_PIXELS on screen: as image pixels, that depends on the zoom
            cell_w, cell_h = w + gap, h + room + gap
            rows, columns = grid_shape(k, cell_w / cell_h, width / height)
            zoom = min(width / (columns * cell_w + gap), height / (rows * cell_h + gap))  # screen px per pixel
            room = LABEL_PIXELS / zoom if k > 1 else 0.0
        image_h, image_w = int(math.ceil(rows * cell_h + gap)), columns * cell_w + gap  # a frame of `gap` around
        canvas = np.empty((image_h, image_w, 4), np.ubyte)
        canvas[:] = BACKGROUND
        self._origins = []
        for i in range(k):
            top, left = gap + int(round((i // columns) * cell_h)), gap + (i % columns) * cell_w
            canvas[top : top + h, left : left + w] = tiles[i]
            self._origins.append((float(left), float(top)))
        self.image.setImage(canvas, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(0, 0, image_w, image_h))
        self._label_tiles(k > 1, h)
        self.box.setRange(QRectF(0, 0, image_w, image_h), padding=0)
        self.stack.setCurrentWidget(self.canvas)

    def _label_tiles(self, labelled: bool, h: int) -> None:
        r = self.result
        wanted = len(r.units) if labelled else 0
        while len(self.texts) < wanted:
            text = pg.TextItem("", color=INK, anchor=(0.5, 0))
            self.box.addItem(text)
            self.texts.append(text)
        for i, text in enumerate(self.texts):
            text.setVisible(i < wanted)
            if i < wanted:
                left, top = self._origins[i]
                text.setText(f"{int(r.units[i])}: {r.reached[i]:.2g}")
                text.setPos(left + self.result.inputs.shape[-1] / 2, top + h)

    def _draw_data(self) -> None:
        data = self.data
        x, y = data.x_train, data.y_train
        if data.num_classes:
            brushes = []
            for colour in CLASS_COLOURS:
                colour.setAlpha(90)
                brushes.append(pg.mkBrush(colour))
            self.data_points.setData(x[:, 0], x[:, 1], brush=[brushes[int(c) % 10] for c in y])
        else:
            self.data_points.setData(x[:, 0], x[:, 1], brush=pg.mkBrush(120, 144, 156, 90))

    def _draw_points(self) -> None:
        r = self.result
        self.found.setData(r.inputs[:, 0], r.inputs[:, 1], data=r.units)
        while len(self.point_texts) < len(r.units):
            text = pg.TextItem("", color=INK, anchor=(-0.15, 1.0))
            self.plane.addItem(text)
            self.point_texts.append(text)
        for i, text in enumerate(self.point_texts):
            text.setVisible(i < len(r.units))
            if i < len(r.units):
                text.setText(str(int(r.units[i])))
                text.setPos(float(r.inputs[i, 0]), float(r.inputs[i, 1]))
        self._origins = []
        self.stack.setCurrentWidget(self.plane)


def _layers(project) -> dict[str, int]:
    """The nodes between Input and Output that lead to the Output, with their units, in depth order."""
    from core.graph import infer

    inference = infer(project.graph)
    if not inference.output_id or not inference.input_id:
        return {}
    needed = project.graph.reachable(inference.output_id, forward=False)
    return {
        node: layer_units(tuple(inference.shapes[node]))
        for node in inference.order
        if node in needed
        and node not in (inference.input_id, inference.output_id)
        and inference.shapes.get(node) is not None
    }
