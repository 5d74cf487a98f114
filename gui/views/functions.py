"""The activation functions explorer: each activation in the layer catalogue and its
derivative, with the course's table of values far out (±50) and at 0.

Values and derivatives come from the catalogue's own torch modules through autograd,
so what is drawn is exactly what a network built here computes and backpropagates.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.network.layers import KINDS, has_any_trait, has_trait, kinds_with
from gui.dataset.preview import class_colour
from gui.i18n import number, significant
from gui.views.base import InsightView
from gui.widgets.text_size import pt

TABLE_POINTS = (-50.0, 0.0, 50.0)
SOFTMAX_INPUTS = 3  # softmax is drawn over its first input, the other two held at 0
POINTS = 801
TEXT = "#37474f"
NOTES = {
    "Softmax": QT_TRANSLATE_NOOP("FunctionsView", "first output of softmax(z, 0, 0)"),
    "Step": QT_TRANSLATE_NOOP("FunctionsView", "no true derivative: training passes the gradient straight through (1)"),
}


def note(kind: str) -> str:
    """What the curve of `kind` is, in the reader's language (the name and its parameters if nothing else)."""
    return QCoreApplication.translate("FunctionsView", NOTES[kind]) if kind in NOTES else label(kind)


def _defaults(kind: str) -> dict:
    return {p.name: p.default for p in KINDS[kind].params}


def label(kind: str) -> str:
    """The name with the parameter values that shape the curve."""
    names = {"negative_slope": QCoreApplication.translate("FunctionsView", "slope")}
    extra = ", ".join(f"{names.get(k, k)} {number(v)}" for k, v in _defaults(kind).items())
    return f"{kind} ({extra})" if extra else kind


def evaluate(kind: str, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(z) and df/dz from the catalogue's torch module for `kind`, in float64."""
    import torch

    across = has_trait(kind, "across_units")
    width = SOFTMAX_INPUTS if across else 1
    module = KINDS[kind].make([(width,)], _defaults(kind))
    x = torch.tensor(np.asarray(z, np.float64), requires_grad=True)
    if across:
        inputs = torch.cat([x[:, None], torch.zeros(len(x), width - 1, dtype=x.dtype)], 1)
        y = module(inputs)[:, 0]
    else:
        y = module(x)
    (slope,) = torch.autograd.grad(y.sum(), x)
    return y.detach().numpy(), slope.numpy()


SHOWN_AS_ZERO = 1e-12  # float64 gives σ′(−50) = 1.9e-22 but σ′(50) = 0 exactly (1 − σ(50) rounds to 0)


def _number(v: float) -> str:
    """Far out, a function's tiny leftovers are rounding, not a difference between the two sides:
    below SHOWN_AS_ZERO both sides read 0 (the exact value is in the cell's tooltip)."""
    if abs(v) < SHOWN_AS_ZERO:
        return "0"
    return significant(v) if 1e-3 <= abs(v) < 1e4 else QLocale().toString(float(v), "e", 1)


class FunctionsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.functions = kinds_with("activation")  # every activation in the catalogue, in its order
        self.boxes: dict[str, QCheckBox] = {}
        controls = QHBoxLayout()
        for kind in self.functions:
            # at first the course's contrast: the curves that saturate beside the one that can die
            box = QCheckBox(kind, checked=has_any_trait(kind, "saturating", "can_die"))
            box.setObjectName(kind)
            box.setToolTip(note(kind))
            box.setStyleSheet(f"QCheckBox {{ color: {class_colour(self.functions.index(kind))}; font-weight: bold }}")
            box.toggled.connect(self._redraw)
            controls.addWidget(box)
            self.boxes[kind] = box
        controls.addStretch(1)
        controls.addWidget(QLabel(self.tr("z from −r to r, r =")))
        self.range = QDoubleSpinBox(minimum=0.5, maximum=60.0, value=5.0, singleStep=1.0, decimals=1)
        self.range.setObjectName("range")
        self.range.setToolTip(self.tr("Half-width of the input range drawn"))
        self.range.valueChanged.connect(self._redraw)
        controls.addWidget(self.range)
        self.value_plot = self._plot("f(z)")
        self.slope_plot = self._plot(self.tr("f′(z), by autograd"))
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.slopes: dict[str, pg.PlotDataItem] = {}
        self.legend = self.value_plot.addLegend(offset=(6, 6), labelTextColor=TEXT)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        for i, kind in enumerate(self.functions):
            style = Qt.PenStyle.DashLine if has_trait(kind, "straight_through") else Qt.PenStyle.SolidLine
            self.curves[kind] = self.value_plot.plot(pen=pg.mkPen(class_colour(i), width=2.5))
            self.slopes[kind] = self.slope_plot.plot(pen=pg.mkPen(class_colour(i), width=2.5, style=style))
        self.table = self._table()
        told = QLabel(
            self.tr(
                "Far out, sigmoid and tanh are flat: their slope, and the gradient through them, vanishes. "
                "Step has no useful derivative; training passes its gradient straight through (the dashed 1). "
                "Softmax is drawn as the first output of softmax(z, 0, 0)."
            )
        )
        told.setWordWrap(True)
        told.setStyleSheet(f"color: {TEXT}")
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(told)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.value_plot, self.slope_plot, side):
            splitter.addWidget(widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self._redraw()

    def _plot(self, title: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setTitle(title, color=TEXT, size=pt(10))
        plot.setLabel("bottom", "z", color=TEXT)
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.addLine(x=0, pen=pg.mkPen("#b0bec5"))
        plot.addLine(y=0, pen=pg.mkPen("#b0bec5"))
        return plot

    def _table(self) -> QTableWidget:
        """The course's table: values and derivatives far out and at 0, for every function."""
        headers = [f"f({z:g})" for z in TABLE_POINTS] + [f"f′({z:g})" for z in TABLE_POINTS]
        table = QTableWidget(len(self.functions), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels(list(self.functions))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumWidth(460)
        self.table_values: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for row, kind in enumerate(self.functions):
            values, slopes = evaluate(kind, np.array(TABLE_POINTS))
            self.table_values[kind] = (values, slopes)
            for col, v in enumerate([*values, *slopes]):
                item = QTableWidgetItem(_number(float(v)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                tips = [note(kind)] if kind in NOTES else []
                if 0 < abs(v) < SHOWN_AS_ZERO:
                    tips.append(self.tr("computed: {0}, shown as 0 (below 10⁻¹²)").format(significant(v, 2)))
                if tips:
                    item.setToolTip("; ".join(tips))
                table.setItem(row, col, item)
            table.verticalHeaderItem(row).setToolTip(note(kind))
            table.verticalHeaderItem(row).setForeground(pg.mkColor(class_colour(row)))
        return table

    def keep(self) -> dict:
        """The functions ticked and the range (a language switch builds the view afresh)."""
        return {"shown": self.shown(), "range": self.range.value()}

    def restore(self, kept: dict) -> None:
        for kind, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in kept["shown"])
            box.blockSignals(False)
        self.range.setValue(kept["range"])
        self._redraw()

    def shown(self) -> list[str]:
        return [kind for kind in self.functions if self.boxes[kind].isChecked()]

    def _redraw(self, *_) -> None:
        r = self.range.value()
        z = np.linspace(-r, r, POINTS)
        low, high = 0.0, 1.0
        self.legend.clear()
        for kind in self.functions:
            visible = self.boxes[kind].isChecked()
            values, slopes = evaluate(kind, z) if visible else (np.zeros(0), np.zeros(0))
            self.curves[kind].setData(z[: len(values)], values)
            self.slopes[kind].setData(z[: len(slopes)], slopes)
            if visible:
                self.legend.addItem(self.curves[kind], label(kind))
                low, high = min(low, float(values.min())), max(high, float(values.max()))
        self.value_plot.setRange(xRange=(-r, r), yRange=(low, high), padding=0.05)
        self.slope_plot.setRange(xRange=(-r, r), yRange=(-0.2, 1.2), padding=0.02)
