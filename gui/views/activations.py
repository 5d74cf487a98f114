"""The activations view: each layer's histogram of activations over training, with its
dead or saturated units, and for image data the feature maps of every conv layer
for a test sample the user picks.

Histograms over time are drawn as heatmaps (training on x, the activation value on y,
colour the log of the count), so sigmoid saturation shows as colour piling up at the
edges and dying ReLUs as a growing band at zero.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLocale, QRectF, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget

from core.network.layers import has_trait
from core.probes.activations import PROBE_SAMPLES, SATURATION_MARGIN, SATURATION_SHARE
from core.probes.registry import ProbeFailed
from gui.dataset.preview import class_colour
from gui.i18n import class_label, percent, significant
from gui.views.base import InsightView, MessageLabel
from gui.views.receptive_overlay import FieldOverlay, tile_of, unit_at
from gui.views.reverse_panel import ReversePanel
from gui.widgets.colours import RAMP
from gui.widgets.step_axis import StepAxis
from gui.widgets.text_size import pt

ROW_HEIGHT = 118  # pixels per layer before the histograms scroll
MAX_COLUMNS = 300  # heatmap columns across the steps trained
MIN_STEPS = 20  # the narrowest span of steps the history shows
COUNTS = pg.ColorMap([0.0, 0.12, 0.5, 1.0], [(255, 255, 255), (198, 219, 239), (49, 130, 189), (8, 38, 84)])
GREY = pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])
TEXT = "#37474f"


def definitions() -> str:
    """What dead and saturated mean here, in the reader's language."""
    return QCoreApplication.translate(
        "ActivationsView",
        "<b>dead</b>: a ReLU unit (a feature,<br>or a channel) that is 0 for every<br>"
        "probe sample (the first {0}<br>training samples)<br>"
        "<b>saturated</b>: a sigmoid or tanh unit<br>(or a recurrent layer's tanh state)<br>"
        "within {1} of an asymptote for<br>"
        "over {2} of the samples: its slope,<br>and the gradient through it, is gone",
    ).format(PROBE_SAMPLES, significant(SATURATION_MARGIN), percent(SATURATION_SHARE))


def log_counts(counts: np.ndarray) -> np.ndarray:
    """What the colours and bars show: log10(1 + count), so rare values stay visible beside a spike."""
    return np.log10(1.0 + counts.astype(np.float64))


def map_columns(channels: int) -> int:
    """Maps per mosaic row: a power of two giving a mosaic at least four times as wide as tall
    (a layer gets a wide, short row of the panel)."""
    return min(channels, 2 ** math.ceil(math.log2(2 * math.sqrt(channels))))


def tile_maps(maps: np.ndarray) -> np.ndarray:
    """(channels, h, w) maps as one (rows·(h+1)-1, columns·(w+1)-1) mosaic; NaN between them draws as a gap."""
    c, h, w = maps.shape
    columns = map_columns(c)
    rows = -(-c // columns)
    mosaic = np.full((rows * (h + 1) - 1, columns * (w + 1) - 1), np.nan, np.float32)
    for k in range(c):
        top, left = tile_corner(k, columns, h, w)
        mosaic[top : top + h, left : left + w] = maps[k]
    return mosaic


def tile_corner(k: int, columns: int, h: int, w: int) -> tuple[int, int]:
    r, col = divmod(k, columns)
    return r * (h + 1), col * (w + 1)


def step_columns(steps: np.ndarray, most: int = MAX_COLUMNS) -> np.ndarray:
    """Which histogram each heatmap column shows when the columns evenly split steps[0]..steps[-1]:
    the latest one recorded by the column's right edge (the probes come at uneven steps)."""
    span = int(steps[-1] - steps[0])
    if span <= 0:
        return np.array([len(steps) - 1])
    count = min(span, most)
    right = steps[0] + span * np.arange(1, count + 1) / count
    return np.searchsorted(steps, right, side="right") - 1


# bar lengths are log10(1 + count): labelled ticks at 1, 100, 10k, 1M and plain ticks between them
COUNT_TICKS = [
    [(float(np.log10(1 + 10**k)), label) for k, label in ((0, "1"), (2, "100"), (4, "10k"), (6, "1M"))],
    [(float(np.log10(1 + 10**k)), "") for k in (1, 3, 5)],
]


class _LayerRow:
    """One layer's heatmap over time, its current histogram as bars, and its numbers."""

    def __init__(self, canvas: pg.GraphicsLayoutWidget, row: int, node: str, kind: str):
        self.heat = canvas.addPlot(row, 0, axisItems={"bottom": StepAxis()})
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(COUNTS)
        self.heat.addItem(self.image)
        self.heat.setLabel("left", node, color=TEXT)
        self.bars_plot = canvas.addPlot(row, 1)
        self.bars_plot.getAxis("bottom").setTicks(COUNT_TICKS)
        self.bars = pg.BarGraphItem(x0=[0], y0=[0], width=[0], height=[0], brush=(49, 130, 189), pen=None)
        self.bars_plot.addItem(self.bars)
        self.bars_plot.setYLink(self.heat)
        self.bars_plot.getAxis("left").setStyle(showValues=False)
        for plot in (self.heat, self.bars_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
        self.text = canvas.addLabel("", row, 2, justify="left", color=TEXT, size=pt(9))
        self.text.setMinimumWidth(150)
        self.node, self.kind = node, kind

    def show(self, layer, steps: np.ndarray) -> None:
        heat = log_counts(layer.history[step_columns(steps)]).T  # (bins, columns): value on y, step on x
        low, high = float(layer.edges[0]), float(layer.edges[-1])
        first, width = float(steps[0]), float(max(steps[-1] - steps[0], 1))
        self.image.setImage(heat, autoLevels=False, levels=(0.0, max(float(heat.max()), 1e-6)))
        self.image.setRect(QRectF(first, low, width, high - low))
        self.heat.setRange(xRange=step_range(steps), yRange=(low, high), padding=0)
        widths = log_counts(layer.counts)
        self.bars.setOpts(x0=np.zeros_like(widths), y0=layer.edges[:-1], width=widths, height=np.diff(layer.edges))
        self.bars_plot.setXRange(0, max(float(widths.max()), 1.0) * 1.05, padding=0)
        self.text.setText(layer_text(layer), color=TEXT)


def step_range(steps: np.ndarray) -> tuple[float, float]:
    """The steps recorded, at least MIN_STEPS wide: a history that has just begun (a view opened
    after training) is a narrow band at its left edge, not one column stretched across."""
    first = float(steps[0])
    return first, first + float(max(steps[-1] - steps[0], MIN_STEPS))


def layer_text(layer) -> str:
    if len(layer.shape) > 1 and not has_trait(layer.kind, "recurrent"):
        units = QCoreApplication.translate("ActivationsView", "{0} channels").format(layer.units)
    else:
        units = QCoreApplication.translate("ActivationsView", "{0} units").format(layer.units)
    lines = [f"<b>{layer.node}</b> ({layer.kind})", units]
    lines.append(QCoreApplication.translate("ActivationsView", "mean {0}").format(significant(layer.mean)))
    lines.append(QCoreApplication.translate("ActivationsView", "std {0}").format(significant(layer.std)))
    told = (
        (QCoreApplication.translate("ActivationsView", "dead {0} of {1} ({2})"), layer.dead),
        (QCoreApplication.translate("ActivationsView", "saturated {0} of {1} ({2})"), layer.saturated),
    )
    for what, share in told:
        if share is not None:
            colour = "#c62828" if share > 0 else TEXT  # red once any unit has stopped learning
            count = round(share * layer.units)
            lines.append(f"<span style='color:{colour}'>{what.format(count, layer.units, percent(share))}</span>")
    return "<br>".join(lines)


class HistogramPanel(QScrollArea):
    """Every probed layer as a row, then the share of dead and saturated units over training."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.canvas.ci.layout.setColumnStretchFactor(0, 5)
        self.canvas.ci.layout.setColumnStretchFactor(1, 2)
        self.setWidget(self.canvas)
        self.rows: list[_LayerRow] = []
        self.fractions: pg.PlotItem | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.layout_key: tuple = ()

    def clear(self) -> None:
        self.canvas.clear()
        self.rows, self.fractions, self.curves, self.layout_key = [], None, {}, ()

    def show_activations(self, result) -> None:
        key = tuple((layer.node, layer.kind) for layer in result.layers)
        if key != self.layout_key:
            self._build(result)
        for row, layer in zip(self.rows, result.layers, strict=True):
            row.show(layer, result.steps)
        for layer in result.layers:
            share = layer.dead_history if layer.dead_history is not None else layer.saturated_history
            if share is not None:
                self.curves[layer.node].setData(result.steps, 100 * share)
        if self.fractions is not None:
            self.fractions.setXRange(*step_range(result.steps), padding=0)
        if result.steps[0] > 0:
            title = self.tr("activations over training, recorded from step {0} (colour: log count)").format(
                QLocale().toString(int(result.steps[0]))
            )
        else:
            title = self.tr("activations over training (colour: log count)")
        self.rows[0].heat.setTitle(title, color=TEXT, size=pt(9))

    def _build(self, result) -> None:
        self.clear()
        self.layout_key = tuple((layer.node, layer.kind) for layer in result.layers)
        self.rows = [_LayerRow(self.canvas, r, layer.node, layer.kind) for r, layer in enumerate(result.layers)]
        self.rows[0].bars_plot.setTitle(self.tr("now"), color=TEXT, size=pt(9))
        self.rows[-1].heat.setLabel("bottom", self.tr("step"), color=TEXT)
        counted = [layer for layer in result.layers if layer.dead is not None or layer.saturated is not None]
        if counted:
            row = len(result.layers)
            self.fractions = self.canvas.addPlot(row, 0, axisItems={"bottom": StepAxis()})  # on the heatmaps' steps
            title = self.tr("dead (ReLU) and saturated (sigmoid, tanh) units")
            self.fractions.setTitle(title, color=TEXT, size=pt(9))
            self.fractions.setLabel("left", self.tr("% of units"), color=TEXT)
            self.fractions.setLabel("bottom", self.tr("step"), color=TEXT)
            self.fractions.setYRange(0, 100, padding=0.02)
            self.fractions.setMenuEnabled(False)
            self.fractions.hideButtons()
            self.fractions.setMouseEnabled(x=False, y=False)
            legend = self.fractions.addLegend(offset=(8, 4), labelTextColor=TEXT)
            legend.setColumnCount(min(4, len(counted)))
            for i, layer in enumerate(counted):
                what = self.tr("{0} dead") if layer.dead is not None else self.tr("{0} saturated")
                pen = pg.mkPen(class_colour(i), width=2)
                self.curves[layer.node] = self.fractions.plot(pen=pen, name=what.format(layer.node))
            self.canvas.addLabel(definitions(), row, 1, 1, 2, justify="left", color=TEXT, size=pt(9))
        rows = len(result.layers) + (1 if counted else 0)
        self.canvas.setMinimumHeight(rows * ROW_HEIGHT)


def moved_text(moved) -> str:
    """How a map answered the sample's shift (core.convolution.equivariance.MapShift), in a few words."""
    if moved.moved_difference is not None and moved.moved_difference <= 1e-6:
        followed = QCoreApplication.translate("ActivationsView", "moved with it exactly")
    elif moved.moved_difference is not None:
        followed = QCoreApplication.translate("ActivationsView", "moved, off by {0}").format(
            significant(moved.moved_difference, 2)
        )
    else:
        followed = QCoreApplication.translate("ActivationsView", "cells of {0} px: no whole move").format(moved.step)
    return (
        followed
        + "<br>"
        + QCoreApplication.translate("ActivationsView", "{0} changed in place").format(percent(moved.changed_share))
    )


class FeatureMapPanel(QWidget):
    """The chosen test sample, then each conv and pooling layer's maps for it as one mosaic."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sample = QSpinBox(minimum=0, maximum=0)
        self.sample.setObjectName("sample")
        self.sample.setToolTip(self.tr("Which test sample to run through the network"))
        self.next = QPushButton(self.tr("Next sample"))
        self.next.clicked.connect(self._next)
        self.caption = QLabel()
        self.caption.setStyleSheet(f"color: {TEXT}")
        self.caption.setWordWrap(True)
        self.right = QSpinBox(minimum=0, maximum=0)
        self.down = QSpinBox(minimum=0, maximum=0)
        tips = (
            self.tr("Move the sample this many pixels right (negative: the other way); nothing wraps round"),
            self.tr("Move the sample this many pixels down (negative: the other way); nothing wraps round"),
        )
        for spin, name, tip in ((self.right, "shift_right", tips[0]), (self.down, "shift_down", tips[1])):
            spin.setObjectName(name)
            spin.setToolTip(tip)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("test sample")))
        controls.addWidget(self.sample)
        controls.addWidget(self.next)
        controls.addWidget(QLabel(self.tr("shift →")))
        controls.addWidget(self.right)
        controls.addWidget(QLabel("↓"))
        controls.addWidget(self.down)
        controls.addStretch(1)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.message = MessageLabel(self.tr("Train or step the network to see its feature maps."))
        self.field_text = QLabel(self.tr("Click a unit of a map to see its receptive field."))
        self.field_text.setWordWrap(True)
        self.field_text.setStyleSheet(f"color: {TEXT}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.caption)
        layout.addWidget(self.message)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.field_text)
        self.reverse = ReversePanel()
        layout.addWidget(self.reverse)
        self.input_image: pg.ImageItem | None = None
        self.images: dict[str, pg.ImageItem] = {}
        self.layout_key: tuple = ()
        self.class_names: list[str] = []
        self.overlay = FieldOverlay()  # receptive fields: core.convolution.receptive on the project's graph
        self.boxes: dict[str, pg.ViewBox] = {}
        self.labels: dict[str, pg.LabelItem] = {}
        self.shapes: dict[str, tuple] = {}
        self.canvas.scene().sigMouseClicked.connect(self._clicked)

    def _next(self) -> None:
        self.sample.setValue((self.sample.value() + 1) % (self.sample.maximum() + 1))

    def set_samples(self, count: int, side: int = 0) -> None:
        self.sample.setMaximum(max(0, count - 1))
        self.next.setEnabled(count > 1)
        for spin in (self.right, self.down):
            spin.setRange(-(side // 2), side // 2)

    def options(self) -> dict:
        """The feature-map probe's options: the sample, and its shift when there is one."""
        shift = {"down": self.down.value(), "right": self.right.value()}
        reverse = self.reverse.wanted(self.overlay.chosen)
        return (
            {"sample": self.sample.value()}
            | (shift if any(shift.values()) else {})
            | ({"reverse": reverse} if reverse else {})
        )

    def show_failure(self, failed: ProbeFailed) -> None:
        self.message.show_failure(failed)
        self.canvas.hide()

    def show_maps(self, result) -> None:
        self.message.hide()
        self.canvas.show()
        key = tuple((m.node, m.maps.shape) for m in result.layers) + (result.image.shape,)
        if key != self.layout_key:
            self._build(result)
        image = result.image
        low, high = float(image.min()), float(image.max())
        high = max(high, low + 1e-8)
        if image.shape[0] == 3:  # colour: scaled to [0, 1] as one RGB picture
            self.input_image.setImage(((image - low) / (high - low)).transpose(1, 2, 0), levels=(0, 1))
        else:
            self.input_image.setImage(image[0], levels=(low, high))
        for fmap in result.layers:
            largest = max(float(np.percentile(np.abs(fmap.maps), 99)), 1e-8)  # a few peaks must not wash out the rest
            self.images[fmap.node].setImage(tile_maps(fmap.maps), autoLevels=False, levels=(-largest, largest))
        told = self.tr("label {0}, predicted {1}; ").format(result.label, result.predicted) if result.label else ""
        wrong = result.label and result.label != result.predicted
        moved = (
            self.tr("moved {0} right, {1} down; ").format(result.shift[1], result.shift[0]) if any(result.shift) else ""
        )
        sure = ""
        if result.probabilities is not None:
            names = self.class_names or [str(k) for k in range(len(result.probabilities))]
            best = np.argsort(result.probabilities)[::-1][:3]
            likely = ", ".join(f"{names[k] if k < len(names) else k}: {percent(result.probabilities[k])}" for k in best)
            sure = self.tr("most likely {0}; ").format(likely)
        colours = self.tr("maps: blue positive, orange negative")
        self.caption.setText(
            f"<span style='color:{'#c62828' if wrong else TEXT}'>{told}</span>"
            f"<span style='color:{TEXT}'>{moved}{sure}{colours}</span>"
        )
        for fmap in result.layers:
            base = f"<b>{fmap.node}</b><br>{fmap.kind}<br>{'×'.join(map(str, fmap.maps.shape))}"
            moved = (result.moved or {}).get(fmap.node)
            self.labels[fmap.node].setText(base + (f"<br>{moved_text(moved)}" if moved else ""), color=TEXT, size=pt(9))
        if result.reverse is not None or self.reverse.box.isChecked():
            self.reverse.show_result(result.reverse, self.overlay.chosen)

    def _build(self, result) -> None:
        self.canvas.clear()
        self.images, self.boxes, self.labels = {}, {}, {}
        self.shapes = {"input": result.image.shape} | {m.node: m.maps.shape for m in result.layers}
        self.layout_key = tuple((m.node, m.maps.shape) for m in result.layers) + (result.image.shape,)
        entries = [("input", self.tr("the sample"), result.image.shape)]
        entries += [(m.node, m.kind, m.maps.shape) for m in result.layers]
        for r, (node, kind, shape) in enumerate(entries):
            self.labels[node] = self.canvas.addLabel(
                f"<b>{node}</b><br>{kind}<br>{'×'.join(map(str, shape))}", r, 0, color=TEXT, size=pt(9)
            )
            box = self.canvas.addViewBox(r, 1, lockAspect=True, invertY=True, enableMouse=False)
            image = pg.ImageItem(axisOrder="row-major")
            box.addItem(image)
            self.boxes[node] = box
            if node == "input":
                image.setColorMap(GREY)
                self.input_image = image
            else:
                image.setColorMap(RAMP)  # orange negative, blue positive, as the weights
                self.images[node] = image
        self.canvas.ci.layout.setColumnStretchFactor(1, 1)
        self.overlay.attach(self.boxes)
        self.field_text.setText(self.tr("Click a unit of a map to see its receptive field."))
        self.reverse.clear()

    def tile(self, node: str, k: int) -> tuple[int, int]:
        return (0, 0) if node == "input" else tile_of(k, self.shapes[node], map_columns)

    def _clicked(self, event) -> None:
        for node, box in self.boxes.items():
            if node == "input" or not box.sceneBoundingRect().contains(event.scenePos()):
                continue
            pos = box.mapSceneToView(event.scenePos())
            unit = unit_at(pos.x(), pos.y(), self.shapes[node], map_columns)
            if unit is not None:
                text = self.overlay.show(node, *unit, self.shapes, self.boxes, self.tile)
                self.field_text.setText(text)
                self.reverse.clear()
                self.reverse.toggled.emit()  # the probe is asked again, for this unit
            return

    def forget_fields(self, graph) -> None:
        """A new project or model: the fields are traced through its graph, none is chosen."""
        self.overlay.graph = graph
        self.overlay.clear()
        self.field_text.setText(self.tr("Click a unit of a map to see its receptive field."))
        self.reverse.clear()


class ActivationsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.histograms = HistogramPanel()
        self.maps = FeatureMapPanel()
        for spin in (self.maps.sample, self.maps.right, self.maps.down):
            spin.valueChanged.connect(lambda _: self.options_changed.emit())
        self.maps.reverse.toggled.connect(self.options_changed.emit)
        self.message = MessageLabel(
            self.tr("Train or step the network to see how each layer's activations are spread.")
        )
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.message)
        column.addWidget(self.histograms, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.maps)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # scaled to the width it gets
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.images_in = False
        self.set_context(None, None)

    def keep(self) -> dict:
        """The sample, its shift and the reverse correlation box (a language switch builds the view afresh)."""
        spins = (self.maps.sample, self.maps.right, self.maps.down)
        return {"spins": [s.value() for s in spins], "reverse": self.maps.reverse.box.isChecked()}

    def restore(self, kept: dict) -> None:
        for spin, value in zip((self.maps.sample, self.maps.right, self.maps.down), kept["spins"], strict=True):
            spin.setValue(value)
        self.maps.reverse.box.setChecked(kept["reverse"])

    def wanted(self) -> dict[str, dict]:
        wanted = {"activations": {}}
        if self.images_in:
            wanted["feature_maps"] = self.maps.options()
        return wanted

    def set_context(self, project, data) -> None:
        has_maps = project is not None and any(
            has_trait(node.kind, "feature_map") for node in project.graph.nodes.values()
        )
        self.images_in = data is not None and len(data.input_shape) == 3 and has_maps  # feature maps to show
        self.maps.setVisible(self.images_in)
        if data is not None:
            self.maps.set_samples(len(data.x_test), min(data.input_shape[1:]) if self.images_in else 0)
            self.maps.class_names = [class_label(name) for name in data.class_names]
        self.maps.forget_fields(project.graph if project is not None else None)
        self.histograms.clear()
        self.histograms.hide()
        self.message.setText(self.tr("Train or step the network to see how each layer's activations are spread."))
        self.message.show()

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("activations")
        if isinstance(result, ProbeFailed):
            self.message.show_failure(result)
            self.histograms.hide()
        elif result is not None:
            self.message.hide()
            self.histograms.show()
            self.histograms.show_activations(result)
        maps = insights.get("feature_maps")
        if isinstance(maps, ProbeFailed):
            self.maps.show_failure(maps)
        elif maps is not None:
            self.maps.show_maps(maps)
