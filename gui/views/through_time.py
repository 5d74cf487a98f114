"""The "Through time" view: a recurrent layer unrolled over the steps of a sequence (course ch. 10).

Left, for one test sample, with time running left to right: what the layer reads, the hidden
state h_t of every unit (the rows) at every step, and a gate of an LSTM or GRU, an LSTM's cell, or
a plain RNN's slope (where it is near 0 the unit is saturated and passes almost no gradient back).
Middle, back-propagation through time for the batch last trained on: ‖∂L/∂h_t‖ at every step on a
log scale, with the ratio between the last step and the first as the headline, and below it the
same curve at every recorded training step (one row per step), so a gradient that never reaches
the first steps shows as a dark left side. A time cursor (the slider, or drag its line) marks one
step in all these panels. Right, the recurrent matrix: its eigenvalues on the complex plane with
the unit circle, and ‖W_hhᵗ h₀‖ over t.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.network.layers import has_trait
from core.probes.recurrent import GATE_NAMES, PANELS, ThroughTime
from core.probes.registry import ProbeFailed
from gui.i18n import listed, number, significant, translated
from gui.views.base import InsightView, MessageStack
from gui.views.gradients import LogAxis, short
from gui.widgets.colours import RAMP
from gui.widgets.still_plot import still_plot
from gui.widgets.text_size import pt, px

INK = "#37474f"
CURSOR = "#c62828"
SHARE = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (8, 38, 84)])  # a gate's value in [0, 1]: white shut, blue open
GRADIENT = pg.colormap.get("viridis")
WAITING = QT_TRANSLATE_NOOP(
    "ThroughTimeView", "Run or step the training: the chosen recurrent layer appears here, unrolled over its steps."
)
NO_RECURRENT = QT_TRANSLATE_NOOP(
    "ThroughTimeView", "This network has no RNN, GRU or LSTM layer: add one to see it unrolled through time."
)
MIN_CHARTS_HEIGHT = 430  # below this the heatmaps' rows and the axes' labels run together
SQUASHED = {"i", "f", "o", "r", "z", "slope"}  # sigmoid gates and a plain RNN's slope, in [0, 1]


def _plot(title: str, left: str, bottom: str | None, log_y: bool = False) -> pg.PlotWidget:
    plot = still_plot(INK, left, bottom, {"left": LogAxis("left")} if log_y else None)
    plot.setTitle(title, color=INK, size=pt(9))
    plot.getAxis("left").setWidth(px(54))
    if log_y:
        plot.setLogMode(y=True)
        plot.showGrid(x=True, y=True, alpha=0.15)
    return plot


def _heatmap(title: str, left: str, bottom: str | None) -> tuple[pg.PlotWidget, pg.ImageItem]:
    plot = _plot(title, left, bottom)
    plot.getViewBox().invertY(True)  # the first unit at the top
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    return plot, image


def _finite_log(values: np.ndarray) -> np.ndarray:
    """log10 of the positive values; zero and non-finite become NaN (drawn as a gap or the lowest colour)."""
    values = np.asarray(values, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isfinite(values) & (values > 0), np.log10(values), np.nan)


def ratio_text(grads: np.ndarray) -> str:
    """The headline: how the gradient at the last step compares with the one at the first."""
    first, last = float(grads[0]), float(grads[-1])
    steps = len(grads)
    if last <= 0 or not np.isfinite(last):
        return QCoreApplication.translate("ThroughTimeView", "no gradient reaches step {0}").format(steps)
    if first <= 0:
        return QCoreApplication.translate(
            "ThroughTimeView", "‖∂L/∂h_1‖ is 0: nothing of the loss reaches step 1 (‖∂L/∂h_{0}‖ = {1})"
        ).format(steps, short(last))
    return QCoreApplication.translate(
        "ThroughTimeView",
        "last / first = ‖∂L/∂h_{0}‖ / ‖∂L/∂h_1‖ = {1}: step 1 gets {2} of the gradient step {0} gets",
    ).format(steps, plain(last / first), plain(first / last))


def plain(value: float) -> str:
    """47 or 0.021 when that reads well, 3.2e-11 when it does not."""
    return significant(value, 2) if 1e-3 <= value < 1e4 else short(value)


class ThroughTimeView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: ThroughTime | None = None
        self.samples = 0

        self.layer = QComboBox(objectName="layer")
        self.layer.setToolTip(self.tr("The recurrent layer to unroll"))
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layer.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.level = QSpinBox(objectName="level", minimum=0, maximum=0)
        self.level.setToolTip(self.tr("Which layer of the stack (0 reads the input)"))
        self.level.valueChanged.connect(lambda _: self.options_changed.emit())
        self.level_label = QLabel(self.tr("level"))
        self.sample = QSpinBox(objectName="sample", minimum=0, maximum=0)
        self.sample.setToolTip(self.tr("The test sample drawn in the left panels"))
        self.sample.valueChanged.connect(lambda _: self.options_changed.emit())
        self.gate = QComboBox(objectName="gate")
        self.gate.setToolTip(
            self.tr(
                "What is drawn under the hidden state: a gate or the cell of an LSTM or GRU, the slope of a plain RNN"
            )
        )
        self.gate.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.gate.currentIndexChanged.connect(lambda _: self._draw_gate())
        self.time = QSlider(Qt.Orientation.Horizontal, objectName="time")
        self.time.setToolTip(self.tr("The time cursor: one step marked in every panel (or drag its red line)"))
        self.time.setMinimumWidth(120)
        self.time.valueChanged.connect(self._cursor_moved)
        controls = QHBoxLayout()
        layer, sample = QLabel(self.tr("layer")), QLabel(self.tr("test sample"))
        for widget in (layer, self.layer, self.level_label, self.level, sample, self.sample):
            controls.addWidget(widget)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("under h_t")))
        controls.addWidget(self.gate)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("step t")))
        controls.addWidget(self.time, 1)
        self.headline = QLabel(objectName="headline")
        self.headline.setStyleSheet(f"color: {INK}; font-weight: bold")
        self.headline.setWordWrap(True)
        self.readout = QLabel(objectName="readout")
        self.readout.setStyleSheet(f"color: {INK}")
        self.readout.setWordWrap(True)

        self.input_plot, self.input_image = _heatmap(self.tr("input x_t"), self.tr("feature"), None)
        self.hidden_plot, self.hidden_image = _heatmap(self.tr("hidden state h_t"), self.tr("unit"), None)
        self.gate_plot, self.gate_image = _heatmap(self.tr("gate"), self.tr("unit"), self.tr("step t"))
        self.grad_plot = _plot(self.tr("‖∂L/∂h_t‖ for the last batch"), self.tr("norm"), None, log_y=True)
        self.grad_curve = pg.PlotDataItem(pen=pg.mkPen("#1565c0", width=2), connect="finite", symbol="o", symbolSize=4)
        self.grad_curve.setSymbolBrush("#1565c0")
        self.grad_curve.setSymbolPen(None)
        self.grad_plot.addItem(self.grad_curve)
        self.history_plot, self.history_image = _heatmap(
            self.tr("log₁₀ ‖∂L/∂h_t‖ over training"), self.tr("training step"), self.tr("step t")
        )
        self.history_image.setColorMap(GRADIENT)
        self.history_plot.getAxis("left").setWidth(px(64))  # step numbers run to five digits
        self.history_plot.getViewBox().invertY(False)  # later training steps higher up
        self.time_plots = [self.input_plot, self.hidden_plot, self.gate_plot, self.grad_plot, self.history_plot]
        for plot in (self.input_plot, self.hidden_plot, self.grad_plot):  # the panel below labels the steps
            plot.getAxis("bottom").setStyle(showValues=False)
        for plot in self.time_plots[1:]:
            plot.setXLink(self.input_plot)
        self.cursors = []
        for plot in self.time_plots:
            line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen(CURSOR, width=1.5))
            line.setZValue(10)
            line.sigDragged.connect(lambda ln: self.time.setValue(round(ln.value())))
            plot.addItem(line)
            self.cursors.append(line)

        self.eigen_plot = _plot(self.tr("eigenvalues of W_hh"), self.tr("imaginary"), self.tr("real"))
        self.eigen_plot.setAspectLocked(True)
        self.eigen_plot.showGrid(x=True, y=True, alpha=0.15)
        angle = np.linspace(0, 2 * np.pi, 181)
        self.circle = pg.PlotDataItem(
            np.cos(angle), np.sin(angle), pen=pg.mkPen("#9e9e9e", width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.eigen_plot.addItem(self.circle)
        self.eigen_points = pg.ScatterPlotItem(size=8, brush=pg.mkBrush("#e65100"), pen=pg.mkPen("w", width=0.5))
        self.eigen_plot.addItem(self.eigen_points)
        self.powers_plot = _plot(self.tr("‖W_hhᵗ h₀‖, h₀ a fixed unit vector"), self.tr("norm"), "t", log_y=True)
        self.powers_curve = pg.PlotDataItem(pen=pg.mkPen("#e65100", width=2), connect="finite")
        self.powers_plot.addItem(self.powers_curve)
        self.powers_plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#9e9e9e", style=Qt.PenStyle.DashLine)))

        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        grid.addWidget(self.input_plot, 0, 0)
        grid.addWidget(self.hidden_plot, 1, 0)
        grid.addWidget(self.gate_plot, 2, 0)
        grid.addWidget(self.grad_plot, 0, 1, 2, 1)
        grid.addWidget(self.history_plot, 2, 1)
        grid.addWidget(self.eigen_plot, 0, 2, 2, 1)
        grid.addWidget(self.powers_plot, 2, 2)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 3)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 4)
        charts.setMinimumHeight(px(MIN_CHARTS_HEIGHT))
        scroll = QScrollArea(widgetResizable=True)  # a short dock scrolls rather than squash the panels
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(charts)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(self.headline)
        inner.addWidget(self.readout)
        inner.addWidget(scroll, 1)
        self.stack = MessageStack(content, text=self.tr(WAITING))
        self.stack.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)

    # ---- InsightView ---------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {
            "through_time": {
                "layer": self.layer.currentData(),
                "sample": self.sample.value(),
                "level": self.level.value(),
            }
        }

    def set_context(self, project, data) -> None:
        """A new model: nothing of the old one stays on screen."""
        self.result = None
        for image in (self.input_image, self.hidden_image, self.gate_image, self.history_image):
            image.clear()
        for item in (self.grad_curve, self.powers_curve):
            item.setData([], [])
        self.eigen_points.setData([], [])
        self.headline.setText("")
        self.readout.setText("")
        self.samples = len(data.x_test) if data is not None else 0
        with _quiet(self.sample, self.layer, self.level, self.gate, self.time):
            self.sample.setMaximum(max(self.samples - 1, 0))
            self.layer.clear()
            self.gate.clear()
            self.level.setMaximum(0)
            self.time.setRange(0, 0)
            recurrent = (
                [] if project is None else [n for n in project.graph.nodes.values() if has_trait(n.kind, "recurrent")]
            )
            for node in recurrent:
                self.layer.addItem(f"{node.id} ({node.kind})", node.id)
            if recurrent:  # what the first layer will show, until its result says more
                self.level.setMaximum(max(int(recurrent[0].params.get("num_layers", 1)) - 1, 0))
                for name in PANELS[recurrent[0].kind]:
                    self.gate.addItem(translated("gates", GATE_NAMES[name]), name)
        self.level.setVisible(self.level.maximum() > 0)
        self.level_label.setVisible(self.level.maximum() > 0)
        has_layer = self.layer.count() > 0
        self.stack.say(self.tr(WAITING) if has_layer or project is None else self.tr(NO_RECURRENT))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("through_time")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if not isinstance(result, ThroughTime):
            return
        self.result = result
        self._fit_controls(result)
        self.stack.show_content()
        self._draw(result)

    def keep(self) -> dict:
        """The choices and the picture, for the view built afresh in presentation mode (same model)."""
        return {
            "layer": self.layer.currentData(),
            "sample": self.sample.value(),
            "level": self.level.value(),
            "gate": self.gate.currentData(),
            "time": self.time.value(),
            "result": self.result,
        }

    def restore(self, kept: dict) -> None:
        with _quiet(self.layer, self.sample, self.level, self.gate, self.time):
            self.layer.setCurrentIndex(max(self.layer.findData(kept["layer"]), 0))
            self.sample.setValue(kept["sample"])
            self.level.setMaximum(max(self.level.maximum(), kept["level"]))
            self.level.setValue(kept["level"])
        if kept["result"] is not None:
            self.show_insights({"through_time": kept["result"]})
            with _quiet(self.gate):
                self.gate.setCurrentIndex(max(self.gate.findData(kept["gate"]), 0))
            self._draw_gate()
            self.time.setValue(kept["time"])

    # ---- what is drawn (for tests) ---------------------------------------------------------------

    def hidden_shown(self) -> np.ndarray:
        """The hidden-state heatmap as given to the image: (units, steps)."""
        return self.hidden_image.image

    def gradient_shown(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps t, ‖∂L/∂h_t‖) as given to the curve (before its log scale)."""
        return self.grad_curve.getOriginalDataset()

    def eigenvalues_shown(self) -> np.ndarray:
        x, y = self.eigen_points.getData()
        return np.asarray(x) + 1j * np.asarray(y)

    # ---- drawing --------------------------------------------------------------------------------

    def _fit_controls(self, r: ThroughTime) -> None:
        """The layer list, level range, gate list and time range of the result, without asking again."""
        with _quiet(self.layer, self.level, self.gate, self.time):
            if [self.layer.itemData(i) for i in range(self.layer.count())] != r.layers:
                self.layer.clear()
                for node in r.layers:
                    self.layer.addItem(node, node)  # the network changed since the project was opened
            self.layer.setCurrentIndex(max(self.layer.findData(r.node), 0))
            self.level.setMaximum(r.levels - 1)
            self.level.setValue(r.level)
            names = list(r.gates)
            if [self.gate.itemData(i) for i in range(self.gate.count())] != names:
                wanted = self.gate.currentData()
                self.gate.clear()
                for name in names:
                    self.gate.addItem(translated("gates", GATE_NAMES[name]), name)
                if wanted in names:
                    self.gate.setCurrentIndex(names.index(wanted))
            steps, fresh = len(r.grad_norms), self.time.maximum() < 1
            self.time.setRange(1, steps)
            if fresh:  # the cursor starts at the last step, where the loss is read
                self.time.setValue(steps)
        self.level.setVisible(r.levels > 1)
        self.level_label.setVisible(r.levels > 1)
        self.gate.setEnabled(len(r.gates) > 1)

    def _draw(self, r: ThroughTime) -> None:
        steps = len(r.grad_norms)
        self._image(self.input_plot, self.input_image, r.inputs.T, None)
        self.input_plot.setTitle(
            self.tr("input x_t") if r.level == 0 else self.tr("input: the states of level {0}").format(r.level - 1),
            color=INK,
            size=pt(9),
        )
        self._image(self.hidden_plot, self.hidden_image, r.hidden.T, "state")
        self.hidden_plot.setTitle(
            self.tr("hidden state h_t, {0} units: orange −, blue +").format(r.hidden.shape[1]),
            color=INK,
            size=pt(9),
        )
        self._draw_gate()
        t = np.arange(1, steps + 1, dtype=np.float64)
        self.grad_curve.setData(t, np.where(r.grad_norms > 0, r.grad_norms, np.nan))
        logs = _finite_log(r.grad_norms)
        if np.isfinite(logs).any():
            low, high = np.nanmin(logs), np.nanmax(logs)
            pad = max(0.1 * (high - low), 0.3)
            self.grad_plot.setYRange(low - pad, high + pad, padding=0)
        title = self.tr("‖∂L/∂h_t‖, batch of step {0}") if r.batch_step else self.tr("‖∂L/∂h_t‖, first {1} samples")
        self.grad_plot.setTitle(title.format(r.batch_step, r.batch_size), color=INK, size=pt(9))
        tip = (
            self.tr(
                "The gradient of the loss with respect to each step's state, over the {0} samples of the batch "
                "trained at step {1}, at the current weights: every path back from the loss to that step, summed"
            )
            if r.batch_step
            else self.tr(
                "The gradient of the loss with respect to each step's state, over the {0} samples of the first "
                "batch (nothing trained yet), at the current weights: every path back from the loss to that step, "
                "summed"
            )
        )
        self.grad_plot.setToolTip(tip.format(r.batch_size, r.batch_step))
        self._draw_history(r)
        for plot in self.time_plots:
            plot.setXRange(0.5, steps + 0.5, padding=0)
        self._draw_matrix(r)
        self.headline.setText(self.tr("Step {0}: {1}").format(r.step, ratio_text(r.grad_norms)))
        self._cursor_moved(self.time.value())

    def _image(self, plot: pg.PlotWidget, image: pg.ImageItem, values: np.ndarray, kind: str | None) -> None:
        """A (rows, steps) heatmap, each cell centred on its step (1..T) and row (0..n-1)."""
        values = np.asarray(values, dtype=np.float64)
        rows, steps = values.shape
        finite = values[np.isfinite(values)]
        if kind in SQUASHED:
            image.setColorMap(SHARE)
            levels = (0.0, 1.0)
        else:
            image.setColorMap(RAMP)
            top = float(np.abs(finite).max()) if finite.size else 1.0
            bounded = kind in ("state", "g", "n") and top <= 1.0  # tanh: the full range ±1
            top = 1.0 if bounded or top == 0 else top
            low = -top
            if kind is None and finite.size and finite.min() >= 0:  # inputs that are never negative
                image.setColorMap(SHARE)
                low = 0.0
            levels = (low, top)
        image.setImage(values, levels=levels, autoLevels=False)
        image.setRect(QRectF(0.5, -0.5, steps, rows))
        plot.setYRange(-0.5, rows - 0.5, padding=0)
        plot.getAxis("left").setTicks(None if rows > 12 else [[(k, str(k)) for k in range(rows)]])

    def _draw_gate(self) -> None:
        r, name = self.result, self.gate.currentData()
        if r is None:
            return
        if name is None or name not in r.gates:
            self.gate_image.clear()
            return
        self._image(self.gate_plot, self.gate_image, r.gates[name].T, name)
        gate = translated("gates", GATE_NAMES[name])
        if name == "slope":
            title = self.tr("slope act′(a_t): 0 blocks the gradient (white) … 1 passes it (blue)")
        elif name in SQUASHED:
            title = self.tr("{0}: 0 shut (white) … 1 open (blue)").format(gate)
        else:
            title = self.tr("{0}: orange negative, blue positive").format(gate)
        self.gate_plot.setTitle(title, color=INK, size=pt(9))

    def _draw_history(self, r: ThroughTime) -> None:
        logs = _finite_log(r.grad_history)
        finite = logs[np.isfinite(logs)]
        if not finite.size:
            self.history_image.clear()
            return
        low, high = float(finite.min()), float(finite.max())
        logs = np.where(np.isfinite(logs), logs, low)  # a zero gradient: the darkest colour
        rows, steps = logs.shape
        self.history_image.setImage(logs, levels=(low, max(high, low + 1e-9)), autoLevels=False)
        self.history_image.setRect(QRectF(0.5, -0.5, steps, rows))
        self.history_plot.setYRange(-0.5, rows - 0.5, padding=0)
        picks = sorted({0, rows - 1, *np.linspace(0, rows - 1, 4).round().astype(int).tolist()})
        self.history_plot.getAxis("left").setTicks([[(k, str(int(r.grad_steps[k]))) for k in picks]])
        self.history_plot.setTitle(
            self.tr("log₁₀ ‖∂L/∂h_t‖ over training: {0} (dark) … {1} (yellow)").format(short(10**low), short(10**high)),
            color=INK,
            size=pt(9),
        )

    def _draw_matrix(self, r: ThroughTime) -> None:
        values = r.eigenvalues[r.state_block]
        self.eigen_points.setData(values.real, values.imag)
        reach = max(1.15, 1.1 * r.spectral_radius)
        self.eigen_plot.getViewBox().setRange(xRange=(-reach, reach), yRange=(-reach, reach), padding=0)
        name = "W_hh" if r.kind == "RNN" else f"W_h{r.state_block}"
        self.eigen_plot.setTitle(
            self.tr("eigenvalues of {0}: radius {1}").format(name, significant(r.spectral_radius)),
            color=INK,
            size=pt(9),
        )
        tip = (
            self.tr(
                "The eigenvalues of the recurrent weight matrix, with the unit circle: inside it, powers of the "
                "matrix shrink a vector; outside, they grow it"
            )
            if r.kind == "RNN"
            else self.tr(
                "The eigenvalues of the recurrent weight matrix's {0} block, the part that writes the new state, "
                "with the unit circle: inside it, powers of the matrix shrink a vector; outside, they grow it"
            ).format(translated("gates", GATE_NAMES[r.state_block]))
        )
        self.eigen_plot.setToolTip(tip)
        t = np.arange(len(r.powers), dtype=np.float64)
        powers = np.where(np.isfinite(r.powers) & (r.powers > 0), r.powers, np.nan)
        self.powers_curve.setData(t, powers)
        logs = _finite_log(powers)
        low, high = min(np.nanmin(logs), 0.0), max(np.nanmax(logs), 0.0)  # 1 always in sight
        pad = max(0.08 * (high - low), 0.3)
        self.powers_plot.setYRange(low - pad, high + pad, padding=0)
        self.powers_plot.setXRange(0, t[-1], padding=0.02)
        self.powers_plot.setTitle(self.tr("‖{0}ᵗ h₀‖ for a fixed unit vector h₀").format(name), color=INK, size=pt(9))

    def _cursor_moved(self, value: int) -> None:
        for line in self.cursors:
            line.blockSignals(True)
            line.setValue(value)
            line.blockSignals(False)
        r = self.result
        if r is None or not 1 <= value <= len(r.grad_norms):
            return
        i = value - 1
        x = r.inputs[i]
        shown = listed([significant(v) for v in x[:4]] + (["…"] if len(x) > 4 else []))
        units = r.hidden[i]
        text = self.tr("t = {0}: x_t = ({1}) · h_t from {2} to {3} · ‖∂L/∂h_t‖ = {4}").format(
            value,
            shown,
            number(units.min(), 2),
            number(units.max(), 2),
            short(r.grad_norms[i]) if r.grad_norms[i] > 0 else "0",
        )
        self.readout.setText(self.tr("{0} · test sample {1}: {2}").format(text, r.sample, _answer(r)))


def _answer(r: ThroughTime) -> str:
    """The network's output for the sample beside its target, as numbers."""
    out = listed([significant(v) for v in r.output[:4]] + (["…"] if len(r.output) > 4 else []))
    if len(r.output) > 1 and r.target.size == 1 and float(r.target[0]).is_integer():
        return QCoreApplication.translate("ThroughTimeView", "predicted class {0}, true class {1}").format(
            int(np.argmax(r.output)), int(r.target[0])
        )
    target = listed([significant(v) for v in r.target[:4]] + (["…"] if len(r.target) > 4 else []))
    return QCoreApplication.translate("ThroughTimeView", "output {0}, target {1}").format(out, target)


class _quiet:
    """Block the widgets' signals while the view sets them itself (so it does not ask the worker again)."""

    def __init__(self, *widgets):
        self.widgets = widgets

    def __enter__(self):
        for widget in self.widgets:
            widget.blockSignals(True)

    def __exit__(self, *exc):
        for widget in self.widgets:
            widget.blockSignals(False)
