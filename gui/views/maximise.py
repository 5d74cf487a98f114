"""Activation maximisation: the input each unit (or conv filter) of a chosen layer likes best.

The worker synthesises the inputs (core.probes.maximise); this view draws them as one tiled
image in the data's own look (dark ink on white for sparse images such as digits, a diverging
map for centred data, colour for RGB), each tile captioned with its unit and the activation
reached. For 2-D data the synthesised inputs are points, drawn over the data.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from core.probes.maximise import MAX_UNITS, layer_units, sequence_nodes
from core.probes.registry import ProbeFailed
from gui.dataset.preview import class_colour
from gui.i18n import significant
from gui.views.base import InsightView, MessageStack
from gui.widgets.colours import RAMP
from gui.widgets.tile_grid import TileGrid, best_columns

INK = "#333333"


def colour_tiles(inputs: np.ndarray, low: float, high: float, ink: bool) -> np.ndarray:
    """(k, C, H, W) inputs -> (k, H, W, 3) bytes: RGB as is, one channel grey or diverging."""
    if inputs.shape[1] == 3:
        scaled = np.clip((inputs - low) / max(high - low, 1e-12), 0, 1)
        return (scaled.transpose(0, 2, 3, 1) * 255).astype(np.ubyte)
    plane = inputs.mean(1)  # one channel (or the mean of several)
    if low < 0 < high:  # centred data: zero is white, the sign is the hue (as weights are drawn)
        cmap, top = RAMP, max(-low, high)
        values = plane / top / 2 + 0.5
    else:
        cmap = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (0, 0, 0)] if ink else [(0, 0, 0), (255, 255, 255)])
        values = (plane - low) / max(high - low, 1e-12)
    return cmap.map(np.clip(values, 0, 1).reshape(-1), mode="byte").reshape(*plane.shape, -1)[..., :3]


def drawable(data) -> bool:
    """Synthesised inputs can be drawn: points of a plane, or images of at least 2×2 pixels."""
    shape = tuple(data.input_shape)
    return data.is_2d or (len(shape) == 3 and shape[1] >= 2 and shape[2] >= 2)


class MaximiseView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.project = self.data = None
        self.units: dict[str, int] = {}  # layer -> its units (filters), in depth order
        self.point_texts: list[pg.TextItem] = []  # the 2-D points' labels

        self.layer = QComboBox(objectName="layer")
        self.layer.setToolTip(self.tr("The layer whose unit (or conv filter) to excite"))
        self.unit = QSpinBox(objectName="unit", minimum=0, maximum=0)
        self.unit.setToolTip(self.tr("The unit; for a conv layer, the filter (its feature map's mean is excited)"))
        self.all_units = QCheckBox(self.tr("all units"), objectName="all_units")
        self.all_units.setToolTip(
            self.tr("Synthesise an input for every unit of the layer (the first {0} at most)").format(MAX_UNITS)
        )
        self.caption = QLabel(objectName="caption")
        self.caption.setStyleSheet(f"color: {INK}")
        self.caption.setWordWrap(True)
        self.layer.currentIndexChanged.connect(self._layer_chosen)
        self.unit.valueChanged.connect(self._options_changed)
        self.all_units.toggled.connect(self._options_changed)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("layer")), self.layer, QLabel(self.tr("unit")), self.unit, self.all_units):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.caption, 1)

        self.canvas = TileGrid()
        self.plane = pg.PlotWidget(background="w")  # for 2-D data
        self.plane.setAspectLocked(True)
        self.plane.setMenuEnabled(False)
        self.plane.hideButtons()
        self.data_points = pg.ScatterPlotItem(size=5, pen=None)
        self.found = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen(INK, width=1.2), brush="#ffd54f")
        self.plane.addItem(self.data_points)
        self.plane.addItem(self.found)
        self.stack = MessageStack(self.canvas, self.plane)
        self.message = self.stack.message
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.stack.say(
            self.tr("Open a project and train it: the input that excites the chosen unit most appears here.")
        )

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        layer = self.layer.currentData()
        if not layer or self.data is None or not drawable(self.data):
            return {}
        return {"maximise": {"layer": layer, "unit": "all" if self.all_units.isChecked() else self.unit.value()}}

    def set_context(self, project, data) -> None:
        self.project, self.data, self.result = project, data, None
        self.units = {}
        self._refresh_layers()
        if data is not None and data.is_2d:
            self._draw_data()
        if data is not None and not drawable(data):
            self.stack.say(
                self.tr(
                    "Activation maximisation draws its inputs as images (or as points for 2-D data); "
                    "this dataset's inputs have the shape {0}."
                ).format("×".join(map(str, data.input_shape)))
            )
        else:
            self.stack.say(
                self.tr("Train the network: the input that excites each chosen unit most appears here.")
                if self.units
                else self.tr("This network has no layer to look into yet.")
            )

    def keep(self) -> dict:
        """The chosen layer and unit (a language switch builds the view afresh)."""
        return {"layer": self.layer.currentData(), "unit": self.unit.value(), "all": self.all_units.isChecked()}

    def restore(self, kept: dict) -> None:
        index = self.layer.findData(kept["layer"])
        if index < 0:
            return
        self.layer.setCurrentIndex(index)
        self.unit.setValue(kept["unit"])
        self.all_units.setChecked(kept["all"])

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("maximise")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if result is None or self.data is None:
            return
        self.result = result
        self._draw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_layers()  # the network may have been edited while another tab was open

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.result is not None and self.stack.currentWidget() is self.canvas:
            self._draw_tiles()  # the number of columns follows the room there is

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
            text = self.tr("{0}  ({1} units)") if count != 1 else self.tr("{0}  (1 unit)")
            self.layer.addItem(text.format(layer, count), layer)
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

    def _draw(self) -> None:
        r, data = self.result, self.data
        if r.inputs.shape[1:] != tuple(data.input_shape) or not drawable(data):
            return  # a result for another dataset (a previous project's, still on its way)
        if r.units.size == 1:
            u = int(r.units[0])
            text = self.tr("{0}, unit {1}: activation {2} at the start, {3} reached").format(
                r.layer, u, significant(r.start[0]), significant(r.reached[0])
            )
        else:
            text = self.tr("{0}, {1} of {2} units: under each, the activation reached").format(
                r.layer, len(r.units), r.layer_units
            )
        x = data.x_train
        if not data.is_2d and float(np.median(x)) - float(x.min()) < 0.25 * float(np.ptp(x)):
            text += self.tr("; dark where the input is high")
        self.caption.setText(self.tr("{0} (step {1})").format(text, QLocale().toString(int(r.step))))
        if data.is_2d:
            self._draw_points()
        else:
            self._draw_tiles()

    def _draw_tiles(self) -> None:
        r, x = self.result, self.data.x_train
        low, high = float(x.min()), float(x.max())
        ink = float(np.median(x)) - low < 0.25 * (high - low)  # mostly background (digits): dark ink on white
        tiles = colour_tiles(r.inputs, low, high, ink)
        captions = (
            [f"{int(u)}: {significant(v, 2)}" for u, v in zip(r.units, r.reached, strict=True)]
            if len(tiles) > 1
            else None
        )
        area = (self.stack.width(), self.stack.height())  # (the canvas may not be laid out yet if it was hidden)
        columns = best_columns(len(tiles), tiles.shape[1:3], area, captions is not None)
        self.canvas.show_tiles(tiles, columns, captions)
        self.stack.show_content(self.canvas)

    def _draw_data(self) -> None:
        data = self.data
        x, y = data.x_train, data.y_train
        if data.num_classes:
            brushes = []
            for k in range(data.num_classes):
                colour = pg.mkColor(class_colour(k))  # a new colour each time: the palette's stay as they are
                colour.setAlpha(90)
                brushes.append(pg.mkBrush(colour))
            self.data_points.setData(x[:, 0], x[:, 1], brush=[brushes[int(c)] for c in y])
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
        self.stack.show_content(self.plane)


def _layers(project) -> dict[str, int]:
    """The nodes between Input and Output that lead to the Output, with their units, in depth order."""
    from core.network.graph import infer

    inference = infer(project.graph)
    if not inference.output_id or not inference.input_id:
        return {}
    needed = project.graph.reachable(inference.output_id, forward=False)
    sequences = sequence_nodes(project.graph, inference.order)
    return {
        node: layer_units(tuple(inference.shapes[node]), node in sequences)
        for node in inference.order
        if node in needed
        and node not in (inference.input_id, inference.output_id)
        and inference.shapes.get(node) is not None
    }
