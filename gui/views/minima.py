"""Minima are rare (course 004 §8.2.3): how seldom a random symmetric matrix has only positive
eigenvalues as its size grows, beside the Hessian of the network on screen (core.probes.hessian).

The matrices are sampled here, a size per timer tick so the window never waits on them; the
network's curvature comes from the training process like every probe."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from core.probes.hessian import positive_definite_share
from core.probes.registry import ProbeFailed
from gui.views.base import InsightView, MessageLabel
from gui.views.gradients import LogAxis
from gui.widgets.still_plot import still_plot
from gui.widgets.text_size import pt

INK = "#333333"
SIZES = range(1, 9)
SAMPLES = 20_000
CHUNK = 2_000  # matrices sampled per timer tick: a few milliseconds, so the window never stalls
SEED = 0
WAITING = QT_TRANSLATE_NOOP(
    "MinimaView", "Take a step or train a small network to see the curvature of its loss at its weights."
)


class MinimaView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.shares: dict[int, float] = {}
        self._rng = np.random.default_rng(SEED)
        self._todo = list(SIZES)
        self._positives = self._drawn = 0  # of the size being sampled: positive definite, sampled so far
        self.random_caption = QLabel(wordWrap=True)
        self.random_plot = still_plot(
            INK, self.tr("share positive definite"), self.tr("size n"), {"left": LogAxis("left")}
        )
        self.random_plot.setLogMode(y=True)
        self.random_plot.showGrid(x=True, y=True, alpha=0.15)
        self.random_plot.addLegend(offset=(-10, 4), labelTextColor=INK, labelTextSize=pt(8))
        self.measured = self.random_plot.plot(
            pen=pg.mkPen((21, 101, 192), width=2),
            symbol="o",
            symbolBrush=(21, 101, 192),
            name=self.tr("random symmetric matrices (sampled)"),
        )
        self.coins = self.random_plot.plot(
            pen=pg.mkPen((120, 120, 120), width=1.5, style=Qt.PenStyle.DashLine),
            name=self.tr("signs as coin flips: 2⁻ⁿ"),
        )
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.random_caption)
        column.addWidget(self.random_plot, 1)

        self.network_caption = QLabel(wordWrap=True)
        self.network_caption.setTextFormat(Qt.TextFormat.RichText)
        self.network_plot = still_plot(INK, self.tr("eigenvalue λ"), self.tr("eigenvalues, smallest first"))
        self.network_plot.showGrid(x=False, y=True, alpha=0.15)
        self.network_plot.addLine(y=0, pen=pg.mkPen("#9e9e9e", width=1))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.network_plot.addItem(self.bars)
        self.network_message = MessageLabel(self.tr(WAITING))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.network_caption)
        column.addWidget(self.network_plot, 1)
        column.addWidget(self.network_message, 1)
        self.network_plot.hide()

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._sample_next)
        self.timer.start()
        self._draw_random()

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"hessian": {}}

    def set_context(self, project, data) -> None:
        self.network_plot.hide()
        self.network_caption.clear()
        self.network_message.setText(self.tr(WAITING))
        self.network_message.show()

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("hessian")
        if isinstance(result, ProbeFailed):
            self.network_plot.hide()
            self.network_caption.clear()
            self.network_message.show_failure(result)
            return
        if result is not None:
            self._draw_network(result)

    def busy(self) -> bool:
        return bool(self._todo)

    # ---- the random matrices ----------------------------------------------------------------

    def _sample_next(self) -> None:
        if not self._todo:
            self.timer.stop()
            return
        n = self._todo[0]
        self._positives += round(positive_definite_share(n, CHUNK, self._rng) * CHUNK)
        self._drawn += CHUNK
        if self._drawn >= SAMPLES:
            self.shares[n] = self._positives / SAMPLES
            self._todo.pop(0)
            self._positives = self._drawn = 0
            self._draw_random()

    def _draw_random(self) -> None:
        loc = QLocale()
        sizes = np.array(list(SIZES), dtype=float)
        self.coins.setData(sizes, 0.5**sizes)
        seen = [n for n in SIZES if self.shares.get(n, 0) > 0]
        self.measured.setData(np.array(seen, dtype=float), np.array([self.shares[n] for n in seen]))
        self.random_plot.setRange(xRange=(0.5, max(SIZES) + 0.5), yRange=(np.log10(0.5 / SAMPLES), 0.15), padding=0)
        parts = [self.tr("n = {0}: {1}").format(n, self._share_text(self.shares[n])) for n in SIZES if n in self.shares]
        self.random_caption.setText(
            self.tr(
                "A critical point is a minimum only if the Hessian's n eigenvalues are all positive. Of {0} random "
                "symmetric n×n matrices, the share that were: {1}. The chance falls faster than coin flips would "
                "make it: in many dimensions almost every critical point is a saddle."
            ).format(loc.toString(SAMPLES), "; ".join(parts) if parts else "…")
        )

    def _share_text(self, share: float) -> str:
        if share == 0:
            return self.tr("none")
        return self.tr("{0}%").format(QLocale().toString(100 * share, "g", 3))

    # ---- the network ------------------------------------------------------------------------

    def _draw_network(self, r) -> None:
        loc = QLocale()
        values = r.eigenvalues
        brushes = [pg.mkBrush(198, 40, 40) if v < 0 else pg.mkBrush(21, 101, 192) for v in values]
        self.bars.setOpts(x=np.arange(len(values)), height=values, brushes=brushes)
        low, high = float(min(values.min(), 0.0)), float(max(values.max(), 0.0))
        pad = 0.08 * (high - low or 1.0)
        self.network_plot.setRange(xRange=(-0.6, len(values) - 0.4), yRange=(low - pad, high + pad), padding=0)
        self.network_message.hide()
        self.network_plot.show()
        kind = (
            self.tr("curving up in every direction: a minimum, if the gradient is small")
            if r.negative == 0
            else self.tr("curving down along {0} of them: a saddle, not a minimum").format(r.negative)
        )
        self.network_caption.setText(
            self.tr(
                "<b>The Hessian at step {0}</b>: {1} weights, the loss {2} over {3} training samples, gradient norm "
                "{4}. Its eigenvalues: <span style='color:#c62828'>{5} negative</span>, {6} flat, "
                "<span style='color:#1565c0'>{7} positive</span>; {8}."
            ).format(
                loc.toString(r.step),
                loc.toString(r.params),
                loc.toString(r.loss, "g", 4),
                loc.toString(r.samples),
                loc.toString(r.grad_norm, "g", 2),
                r.negative,
                r.flat,
                r.positive,
                kind,
            )
        )
