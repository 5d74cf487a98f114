"""Gradient flow: how fast each layer learns (the course's "speed of learning" chart).

Left, over the training steps on log axes: each layer's gradient norm ‖∂C/∂b‖ (or ‖∂C/∂W‖),
one colour per layer from the first (dark) to the last (light), and below it the weights' update
ratio ‖ΔW‖/‖W‖ (biases start at zero, so theirs says little). Right, the latest norms as bars.
In a deep sigmoid network the first layer's curve lies orders of magnitude below the last's:
it learns that much more slowly.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from core.probes.registry import ProbeFailed
from gui.views.base import InsightView, MessageStack
from gui.widgets.step_axis import StepAxis, new_end
from gui.widgets.still_plot import still_plot
from gui.widgets.text_size import pt, px, scale

INK = "#333333"
KINDS = {"biases": ("‖∂C/∂b‖", "‖Δb‖/‖b‖"), "weights": ("‖∂C/∂W‖", "‖ΔW‖/‖W‖")}


def layer_colours(count: int) -> list[tuple[int, int, int]]:
    """Depth as colour: dark violet for the first layer through to orange for the last."""
    cmap = pg.colormap.get("plasma")
    stops = np.linspace(0.0, 0.82, count) if count > 1 else [0.0] * count
    return [tuple(int(c) for c in cmap.map(s, mode="byte")[:3]) for s in stops]


def _positive(values: np.ndarray) -> np.ndarray:
    """A log axis cannot show zero or NaN: those become gaps."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(values) & (values > 0), values, np.nan)


def _log_range(arrays: list[np.ndarray]) -> tuple[float, float] | None:
    """log10 bounds around the finite values, at least a decade wide so the axis has labels."""
    finite = np.concatenate([a[np.isfinite(a)] for a in arrays]) if arrays else np.empty(0)
    if not len(finite):
        return None
    low, high = np.log10(finite.min()), np.log10(finite.max())
    pad = max(0.08 * (high - low), 0.15, (1.0 - (high - low)) / 2)
    return float(low - pad), float(high + pad)


def _still_fits(shown: list[float], wanted: tuple[float, float]) -> bool:
    """Whether a log axis showing `shown` can stay as it is for data that wants `wanted`: the data
    inside and filling more than half of it. Moving it every picture repainted its ticks every time."""
    return shown[0] <= wanted[0] and wanted[1] <= shown[1] and wanted[1] - wanted[0] > 0.5 * (shown[1] - shown[0])


def short(value: float) -> str:
    """0.00038 -> "3.8e-4": narrow enough to sit over a bar."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.replace('.', QLocale().decimalPoint())}e{int(exponent)}"


class LogAxis(pg.AxisItem):
    """Labels 1, 2 and 5 times a power of ten only: on a short axis all nine would overlap."""

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        mantissas = 10 ** (np.asarray(values, dtype=float) % 1)
        keep = np.isclose(mantissas[:, None], [1, 2, 5, 10], rtol=1e-3).any(1)
        return [text if kept else "" for text, kept in zip(strings, keep, strict=True)]


def _name_left_axis(plot: pg.PlotWidget, text: str) -> None:
    """Only a new name: setting one, even the same, redraws the whole axis, grid included (2.5 ms)."""
    if plot.getAxis("left").labelText != text:
        plot.setLabel("left", text, color=INK)


def _plot(left: str, bottom: str | None) -> pg.PlotWidget:
    plot = still_plot(INK, left, bottom, {"left": LogAxis("left"), "bottom": StepAxis()})
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.getAxis("left").setWidth(px(62))
    return plot


class GradientsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.flow = None
        self.layers: list[str] = []
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.ratio_curves: dict[str, pg.PlotDataItem] = {}
        self.value_labels: list[pg.TextItem] = []

        self.kind = QComboBox(objectName="kind")
        self.kind.addItem(self.tr("biases  ‖∂C/∂b‖"), "biases")
        self.kind.addItem(self.tr("weights  ‖∂C/∂W‖"), "weights")
        self.kind.setToolTip(self.tr("Whose gradient to draw: each layer's biases (as in the course) or its weights"))
        self.kind.currentIndexChanged.connect(self._redraw)
        self.summary = QLabel(objectName="summary", wordWrap=True)  # a long headline wraps, never widens the window
        self.summary.setStyleSheet(f"color: {INK}")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("gradient of the")))
        bar.addWidget(self.kind)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)

        self.norm_plot = _plot(self.tr("gradient norm"), None)
        self.ratio_plot = _plot(self.tr("update ratio"), self.tr("step"))
        self.ratio_plot.setXLink(self.norm_plot)
        self.bar_plot = _plot(self.tr("now"), self.tr("layer"))
        for plot in (self.norm_plot, self.ratio_plot, self.bar_plot):
            plot.setLogMode(y=True)  # the bars are drawn in log10 units themselves: the axis labels them
        self.norm_plot.getAxis("bottom").setStyle(showValues=False)
        # the legend gets a column of its own, right of the curves, so it never hides them
        self.legend_box = pg.GraphicsLayoutWidget()
        self.legend_box.setBackground("w")
        self.legend_box.setFixedWidth(120)
        self.legend = pg.LegendItem(labelTextColor=INK, labelTextSize=pt(8), verSpacing=-6)
        self.legend_box.addItem(self.legend, 0, 0)
        self.legend_box.ci.layout.setRowStretchFactor(1, 1)  # the legend at the top
        self.legend_box.addLabel("", 1, 0)
        self.ratio_plot.setLabel("left", self.tr("update {0}").format(KINDS["weights"][1]), color=INK)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, y0=0)
        self.bar_plot.addItem(self.bars)

        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        grid.addWidget(self.norm_plot, 0, 0)
        grid.addWidget(self.ratio_plot, 1, 0)
        grid.addWidget(self.legend_box, 0, 1, 2, 1)
        grid.addWidget(self.bar_plot, 0, 2, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        self.stack = MessageStack(
            charts, text=self.tr("Train the network: each layer's gradient norm appears here, step by step.")
        )
        self.message = self.stack.message
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar, 0, 0)
        layout.addWidget(self.stack, 1, 0)
        layout.setRowStretch(1, 1)

    # ---- InsightView ---------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"gradients": {}}

    def set_context(self, project, data) -> None:
        self.flow = None
        self._set_layers([], [])
        self.summary.setText("")
        self.stack.say(self.tr("Train the network: each layer's gradient norm appears here, step by step."))

    def show_insights(self, insights: dict[str, object]) -> None:
        flow = insights.get("gradients")
        if isinstance(flow, ProbeFailed):
            self.stack.fail(flow)
            return
        if flow is None:
            return
        self.flow = flow
        if flow.layers != self.layers:
            self._set_layers(flow.layers, flow.kinds)
        self._redraw()

    # ---- what is drawn (for tests) ---------------------------------------------------------

    def shown_kind(self) -> str:
        """ "biases" or "weights": the chosen one, unless no layer has biases."""
        wanted = self.kind.currentData()
        if wanted == "biases" and self.flow is not None and not np.isfinite(self.flow.bias_norms).any():
            return "weights"
        return wanted

    def curve_data(self, layer: str) -> tuple[np.ndarray, np.ndarray]:
        """(steps, gradient norms) of a layer's curve, as given to the plot (before its log scale)."""
        return self.curves[layer].getOriginalDataset()

    def ratio_data(self, layer: str) -> tuple[np.ndarray, np.ndarray]:
        return self.ratio_curves[layer].getOriginalDataset()

    def bar_values(self) -> np.ndarray:
        """The bars' heights as values (10 ** the drawn top)."""
        opts = self.bars.opts
        return 10.0 ** (np.asarray(opts["y0"], dtype=float) + np.asarray(opts["height"], dtype=float))

    # ---- drawing -------------------------------------------------------------------------------

    def _set_layers(self, layers: list[str], kinds: list[str]) -> None:
        for plot, items in (
            (self.norm_plot, self.curves.values()),
            (self.ratio_plot, self.ratio_curves.values()),
            (self.bar_plot, self.value_labels),
        ):
            for item in items:
                plot.removeItem(item)
        self.legend.clear()
        self.layers, self.curves, self.ratio_curves, self.value_labels = list(layers), {}, {}, []
        self.colours = layer_colours(len(layers))
        font = QFont()
        font.setPointSizeF(8 * scale())  # the legend's text size
        names = [f"{layer} ({kind})" for layer, kind in zip(layers, kinds, strict=True)]
        widest = max((QFontMetricsF(font).horizontalAdvance(name) for name in names), default=0.0)
        self.legend_box.setFixedWidth(max(120, round(widest) + px(44)))  # the names whole, beside their line
        for layer, name, colour in zip(layers, names, self.colours, strict=True):
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), connect="finite")
            self.norm_plot.addItem(curve)
            self.legend.addItem(curve, name)
            self.curves[layer] = curve
            ratio = pg.PlotDataItem(pen=pg.mkPen(colour, width=1.5), connect="finite")
            self.ratio_plot.addItem(ratio)
            self.ratio_curves[layer] = ratio
            for item in (curve, ratio):  # a long run's history at most a few points a pixel, its spikes kept
                item.setDownsampling(auto=True, method="peak")
            label = pg.TextItem("", color=INK, anchor=(0.5, 1.0))
            self.bar_plot.addItem(label)
            self.value_labels.append(label)
        self.bar_plot.getAxis("bottom").setTicks([list(enumerate(layers)), []])
        self.bars.setOpts(x=np.arange(len(layers)), height=np.zeros(len(layers)), y0=0, brushes=self.colours)

    def _redraw(self) -> None:
        flow = self.flow
        if flow is None or not len(flow.steps):
            return
        self.stack.show_content()
        kind = self.shown_kind()
        norms = _positive(flow.bias_norms if kind == "biases" else flow.weight_norms)
        ratios = _positive(flow.weight_ratios)  # biases start at zero: their ratio says little
        norm_label = KINDS[kind][0]
        _name_left_axis(self.norm_plot, self.tr("gradient {0}").format(norm_label))
        _name_left_axis(self.bar_plot, norm_label)
        self.bar_plot.setTitle(self.tr("at step {0}").format(int(flow.steps[-1])), color=INK, size=pt(9))
        steps = flow.steps.astype(np.float64)
        for i, layer in enumerate(self.layers):
            self.curves[layer].setData(steps, norms[:, i])
            self.ratio_curves[layer].setData(steps, ratios[:, i])
        first, right = self.norm_plot.viewRange()[0]
        end = new_end(right, float(steps[-1]))
        if end is not None or first != steps[0]:
            self.norm_plot.setXRange(float(steps[0]), end or right, padding=0)
        for plot, values in ((self.norm_plot, norms), (self.ratio_plot, ratios)):
            span = _log_range([values])
            if span and not _still_fits(plot.viewRange()[1], span):
                room = 0.1 * (span[1] - span[0])  # beyond the data: its next small moves stay inside
                plot.setYRange(span[0] - room, span[1] + room, padding=0)
        self._draw_bars(norms[-1])
        self._summarise(norms[-1], norm_label, int(flow.steps[-1]))

    def _draw_bars(self, now: np.ndarray) -> None:
        span = _log_range([now])
        if span is None:
            self.bars.setOpts(height=np.zeros(len(self.layers)))
            return
        bottom = np.floor(span[0])
        logs = np.log10(now)
        drawn = np.isfinite(logs)
        heights = np.where(drawn, logs - bottom, 0.0)
        self.bars.setOpts(x=np.arange(len(now)), height=heights, y0=bottom, brushes=self.colours)
        for i, label in enumerate(self.value_labels):
            label.setText(short(now[i]) if drawn[i] else "")
            label.setPos(i, logs[i] if drawn[i] else bottom)
        self.bar_plot.setXRange(-0.6, len(now) - 0.4, padding=0)
        self.bar_plot.setYRange(bottom, span[1] + 0.25 * (span[1] - bottom), padding=0)

    def _summarise(self, now: np.ndarray, label: str, step: int) -> None:
        """The first layer against the last hidden one (the output layer's gradient is large in any
        network), as the course and the lessons compare them."""
        first, last = 0, len(now) - 2 if len(now) >= 3 else len(now) - 1
        if last <= first or not np.isfinite(now[[first, last]]).all() or min(now[first], now[last]) <= 0:
            self.summary.setText(self.tr("step {0}").format(step))
            return
        ratio = now[last] / now[first]
        times = max(ratio, 1 / ratio)
        text = (
            self.tr("step {0}: {1} learns {2}× slower than {3}, the last hidden layer ({4} {5} against {6})")
            if ratio >= 1
            else self.tr("step {0}: {1} learns {2}× faster than {3}, the last hidden layer ({4} {5} against {6})")
        )
        how_many = QLocale().toString(float(times), "f", 0 if times >= 10 else 1)
        self.summary.setText(
            text.format(
                step, self.layers[first], how_many, self.layers[last], label, short(now[first]), short(now[last])
            )
        )
