"""Universal approximation (course 002): the points of a function of x, the network's fitted
curve through them, live, and for one hidden layer each unit's share of the fit
(core.probes.approximation)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.views.base import InsightView, MessageStack
from gui.widgets.still_plot import still_plot

INK = "#333333"
FIT = (198, 40, 40)  # dark red
TRAIN = (21, 101, 192)  # blue
WAITING = QT_TRANSLATE_NOOP(
    "ApproximationView",
    "Train the network, or take a single step, to see its curve through the points of the function.",
)


# the hidden units' colours: Tableau's ten without its red, which is the fit's
UNIT_COLOURS = [(255, 127, 14), (44, 160, 44), (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127)]
UNIT_COLOURS += [(188, 189, 34), (23, 190, 207), (31, 119, 180)]


def unit_pen(i: int) -> pg.QtGui.QPen:
    """A thin, half-transparent pen for hidden unit i."""
    return pg.mkPen((*UNIT_COLOURS[i % len(UNIT_COLOURS)], 170), width=1.2)


def compact(value: float) -> str:
    """Three significant digits, in the reader's language (0,0123 in Spanish)."""
    return QLocale().toString(float(value), "g", 3)


class ApproximationView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.headline = QLabel(wordWrap=True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.show_units = QCheckBox(self.tr("each hidden unit's share"))
        self.show_units.setChecked(True)
        self.show_units.setToolTip(
            self.tr("Draw w·h(x) for every hidden unit: its activation times its weight into the output")
        )
        self.show_units.toggled.connect(self._units_toggled)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.headline, 1)
        bar.addWidget(self.show_units, 0, Qt.AlignmentFlag.AlignTop)

        self.plot = still_plot(INK, self.tr("y"), self.tr("x"))
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen((190, 190, 190), width=1))
        self.plot.addItem(self.zero)
        self.bias_line = pg.InfiniteLine(
            pos=0, angle=0, pen=pg.mkPen((90, 90, 90), width=1, style=Qt.PenStyle.DashLine)
        )
        self.plot.addItem(self.bias_line)
        self.unit_curves: list[pg.PlotDataItem] = []
        self.train_points = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(*TRAIN, 160))
        self.test_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen(TRAIN, width=1.2), brush=pg.mkBrush("w"))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.fit = self.plot.plot(pen=pg.mkPen(FIT, width=3))
        self.fit.setZValue(10)
        self.caption = QLabel(wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.plot, 1)
        inner.addWidget(self.caption)
        self.stack = MessageStack(self.content, text=self.tr(WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"approximation": {}}

    def set_context(self, project, data) -> None:
        self.result = None
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = self.stack.accept(insights.get("approximation"))
        if result is None:
            return
        self.result = result
        self._draw()

    def keep(self) -> object:
        return self.show_units.isChecked()

    def restore(self, kept) -> None:
        if isinstance(kept, bool):
            self.show_units.setChecked(kept)

    # ---- drawing ----------------------------------------------------------------------------

    def _units_toggled(self) -> None:
        if self.result is not None:
            self._draw()

    def _draw(self) -> None:
        r, loc = self.result, QLocale()
        self.train_points.setData(r.x_train, r.y_train)
        self.test_points.setData(r.x_test, r.y_test)
        self.fit.setData(r.xs, r.fit)
        shown = len(r.contributions) if self.show_units.isChecked() else 0
        while len(self.unit_curves) < shown:
            item = pg.PlotDataItem()
            self.plot.addItem(item)
            self.unit_curves.append(item)
        for i, item in enumerate(self.unit_curves):
            if i < shown:
                item.setPen(unit_pen(i))
                item.setData(r.xs, r.contributions[i])
            item.setVisible(i < shown)
        self.bias_line.setPos(r.bias)
        self.bias_line.setVisible(shown > 0)
        self.show_units.setEnabled(bool(r.hidden))
        values = np.concatenate([r.y_train, r.y_test, r.fit])
        values = values[np.isfinite(values)]
        low, high = (float(values.min()), float(values.max())) if len(values) else (-1.0, 1.0)
        pad = 0.1 * max(high - low, 1e-3)
        self.plot.setRange(xRange=(float(r.xs[0]), float(r.xs[-1])), yRange=(low - pad, high + pad), padding=0)

        mse = self.tr("training MSE {0}, test MSE {1}").format(compact(r.train_mse), compact(r.test_mse))
        if r.hidden:
            self.headline.setText(
                self.tr("Step {0}: {1}. {2} {3} units; the fit is the output bias, {4}, plus their {2} shares.").format(
                    loc.toString(r.step), mse, loc.toString(r.units), r.activation, compact(r.bias)
                )
            )
            beyond = (
                self.tr(" (the first {0} of {1} units drawn)").format(len(r.contributions), r.units)
                if len(r.contributions) < r.units
                else ""
            )
            self.caption.setText(
                self.tr(
                    "<span style='color:#1565c0'>● training points</span>, "
                    "<span style='color:#1565c0'>○ test points</span>, "
                    "<span style='color:#c62828'><b>━ the network's fit</b></span>, thin lines: each hidden unit's "
                    "activation times its weight into the output, w·h(x){0}; dashed: the output bias. "
                    "Training moves and scales these pieces until their sum follows the points."
                ).format(beyond)
            )
        else:
            self.headline.setText(self.tr("Step {0}: {1}.").format(loc.toString(r.step), mse))
            self.caption.setText(
                self.tr(
                    "<span style='color:#1565c0'>● training points</span>, "
                    "<span style='color:#1565c0'>○ test points</span>, "
                    "<span style='color:#c62828'><b>━ the network's fit</b></span>. Each unit's share is drawn "
                    "for a network Input → Linear → activation → Linear(1) → Output; this one has another shape."
                )
            )
