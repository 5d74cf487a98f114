"""Dropout, seen (course 003): the units a Dropout layer switched off in the batch just trained,
and how the average over many random masks approaches the network used at test time
(core.probes.dropout)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from core.probes.dropout import DROPPED, KEPT, ZERO
from gui.i18n import number
from gui.views.base import InsightView, MessageStack
from gui.views.gradients import LogAxis
from gui.widgets.still_plot import still_plot
from gui.widgets.text_size import pt

INK = "#333333"
COLOURS = {KEPT: (21, 101, 192), DROPPED: (239, 108, 0), ZERO: (224, 224, 224)}  # blue, orange, light grey
WAITING = QT_TRANSLATE_NOOP(
    "DropoutView", "Train the network, or take a single step, to see which units its Dropout layers switch off."
)


class CountAxis(pg.AxisItem):
    """A log axis of counts labelled 1, 2, 5, 10, 20, 50, 100…: plain numbers, no superscripts."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802
        counts = 10 ** np.asarray(values, dtype=float)
        mantissas = counts / 10 ** np.floor(np.log10(counts) + 1e-9)
        keep = np.isclose(mantissas[:, None], [1, 2, 5], rtol=1e-3).any(1)
        return [QLocale().toString(int(round(c))) if kept else "" for c, kept in zip(counts, keep, strict=True)]


def mask_rgb(mask: np.ndarray) -> np.ndarray:
    """(rows, units) mask values as (rows, units, 3) uint8 colours."""
    rgb = np.zeros((*mask.shape, 3), np.uint8)
    for value, colour in COLOURS.items():
        rgb[mask == value] = colour
    return rgb


def percent(share: float) -> str:
    """12.5% in English, 12,5 % in Spanish."""
    return QCoreApplication.translate("DropoutView", "{0}%").format(number(100 * share, 1))


class DropoutView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.layer: str | None = None
        self.chooser = QComboBox()
        self.chooser.setToolTip(self.tr("The Dropout layer to look at"))
        self.chooser.currentTextChanged.connect(self._layer_chosen)
        self.headline = QLabel(wordWrap=True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("layer")))
        bar.addWidget(self.chooser)
        bar.addWidget(self.headline, 1)

        self.mask_caption = QLabel(wordWrap=True)
        self.mask_plot = still_plot(INK, self.tr("sample of the batch"), self.tr("unit"))
        self.mask_plot.getViewBox().invertY(True)
        self.mask_image = pg.ImageItem(axisOrder="row-major")
        self.mask_plot.addItem(self.mask_image)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.mask_caption)
        column.addWidget(self.mask_plot, 1)

        self.average_caption = QLabel(wordWrap=True)
        self.average_plot = still_plot(
            INK,
            self.tr("distance to test time"),
            self.tr("masks averaged"),
            {"left": LogAxis("left"), "bottom": CountAxis("bottom")},
        )
        self.average_plot.setLogMode(x=True, y=True)
        self.average_plot.showGrid(x=True, y=True, alpha=0.15)
        self.average_plot.addLegend(offset=(-10, 4), labelTextColor=INK, labelTextSize=pt(8))
        self.geometric = self.average_plot.plot(
            pen=pg.mkPen((21, 101, 192), width=2), name=self.tr("geometric mean (the weight-scaling rule's)")
        )
        self.arithmetic = self.average_plot.plot(
            pen=pg.mkPen((120, 120, 120), width=2, style=Qt.PenStyle.DashLine), name=self.tr("arithmetic mean")
        )
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.average_caption)
        column.addWidget(self.average_plot, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(split, 1)
        self.stack = MessageStack(self.content, text=self.tr(WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"dropout": {"layer": self.layer}}

    def set_context(self, project, data) -> None:
        self.result = None
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = self.stack.accept(insights.get("dropout"))
        if result is None:
            return
        self.result = result
        self._fill_chooser([name for name, _ in result.layers], result.layer)
        self._draw()

    def keep(self) -> object:
        return self.layer

    def restore(self, kept) -> None:
        self.layer = kept

    # ---- drawing ----------------------------------------------------------------------------

    def _fill_chooser(self, names: list[str], current: str) -> None:
        if [self.chooser.itemText(i) for i in range(self.chooser.count())] != names:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            self.chooser.addItems(names)
            self.chooser.blockSignals(False)
        self.chooser.blockSignals(True)
        self.chooser.setCurrentText(current)
        self.chooser.blockSignals(False)

    def _draw(self) -> None:
        r, loc = self.result, QLocale()
        rows, units = r.mask.shape
        self.mask_image.setImage(mask_rgb(r.mask), autoLevels=False, levels=(0, 255))
        self.mask_image.setRect(QRectF(-0.5, -0.5, units, rows))
        self.mask_plot.setRange(xRange=(-0.5, units - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
        where = (
            self.tr("the batch trained at step {0}").format(loc.toString(r.step))
            if r.source == "batch"
            else self.tr(
                "a forward pass of its own on {0} training samples (nothing trained since the view opened)"
            ).format(loc.toString(rows))
        )
        shown = self.tr(" (the first {0} of {1} values)").format(units, r.units) if units < r.units else ""
        self.mask_caption.setText(
            self.tr(
                "<b>{0}</b> (p = {1}) in {2}{3}: <span style='color:#1565c0'>■ kept</span>, "
                "<span style='color:#ef6c00'>■ dropped</span>, <span style='color:#9e9e9e'>■ already zero</span> "
                "(dropping it changes nothing)."
            ).format(r.layer, loc.toString(r.p, "g", 3), where, shown)
        )
        self.geometric.setData(r.masks, np.maximum(r.distance, 1e-9))
        self.arithmetic.setData(r.masks, np.maximum(r.arithmetic, 1e-9))
        self.arithmetic.setVisible(r.output == "probabilities")
        low = max(1e-6, float(min(r.distance.min(), r.arithmetic.min())))
        high = float(max(r.distance.max(), r.arithmetic.max(), low * 10))
        self.average_plot.setRange(
            xRange=(0, np.log10(r.masks[-1])), yRange=(np.log10(low) - 0.2, np.log10(high) + 0.5), padding=0
        )
        if r.output == "probabilities":
            self.average_caption.setText(
                self.tr(
                    "The mean over {0} random masks of the class probabilities for {1} test samples, against the "
                    "network at test time: the largest gap over the classes, averaged over the samples. PyTorch "
                    "scales the kept units by 1/(1 − p) while training; the course multiplies the weights by 1 − p "
                    "at test time: the same expected values. Through the network's nonlinearities the test-time "
                    "network approximates the ensemble's geometric mean, not its arithmetic mean."
                ).format(len(r.masks), r.samples)
            )
            self.headline.setText(
                self.tr(
                    "{0} of the units with a value dropped in this batch. Averaging {1} masks: the geometric mean "
                    "is within {2} of the test-time probabilities (the arithmetic mean {3}); the same prediction "
                    "for {4} of the samples."
                ).format(
                    percent(r.dropped_share),
                    len(r.masks),
                    percent(float(r.distance[-1])),
                    percent(float(r.arithmetic[-1])),
                    percent(r.agreement),
                )
            )
        else:
            self.average_caption.setText(
                self.tr(
                    "The mean over {0} random masks of the outputs for {1} test samples, against the network at "
                    "test time: the largest gap over the outputs, averaged over the samples."
                ).format(len(r.masks), r.samples)
            )
            self.headline.setText(
                self.tr("{0} of the units with a value dropped in this batch. Averaging {1} masks: within {2}.").format(
                    percent(r.dropped_share), len(r.masks), loc.toString(float(r.distance[-1]), "g", 3)
                )
            )

    def _layer_chosen(self, name: str) -> None:
        if name and name != self.layer:
            self.layer = name
            self.options_changed.emit()
