"""The "Generate" view: a next-value model continuing a noisy sine, teacher-forced and free-running.

The truth is grey; the prompt (the first window, which both read) ends at the dashed line. Blue
predictions each read the true window before them (teacher forcing, as in training); orange ones
read the model's own earlier predictions (free running). The headline gives both mean squared
errors over the predicted values, beside the noise's own, which no predictor can beat.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from core.probes.generate import HORIZON, MAX_HORIZON, Generation
from core.probes.registry import ProbeFailed
from gui.i18n import significant
from gui.views.base import InsightView, MessageStack
from gui.widgets.text_size import pt, px

INK = "#37474f"
TRUTH, TEACHER, FREE = "#9e9e9e", "#1565c0", "#e65100"
WAITING = QT_TRANSLATE_NOOP(
    "GenerateView", "Run or step the training: the model then continues a fresh noisy sine here, two ways."
)
NOT_SINE = QT_TRANSLATE_NOOP(
    "GenerateView",
    "Generating is for a next-value model on the noisy-sine dataset: open the sine lesson or choose that dataset.",
)


class GenerateView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: Generation | None = None
        self.series = QSpinBox(objectName="series", minimum=0, maximum=1_000_000)
        self.series.setToolTip(self.tr("Which fresh series to continue (each number draws another period and phase)"))
        self.series.valueChanged.connect(lambda _: self.options_changed.emit())
        self.horizon = QSpinBox(objectName="horizon", minimum=1, maximum=MAX_HORIZON, value=HORIZON)
        self.horizon.setToolTip(self.tr("How many values to predict after the prompt"))
        self.horizon.valueChanged.connect(lambda _: self.options_changed.emit())
        controls = QHBoxLayout()
        labels = QLabel(self.tr("series")), QLabel(self.tr("predict")), QLabel(self.tr("values"))
        for widget in (labels[0], self.series, labels[1], self.horizon, labels[2]):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.headline = QLabel(objectName="headline")
        self.headline.setStyleSheet(f"color: {INK}")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)

        self.plot = pg.PlotWidget(background="w")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", self.tr("step"), color=INK)
        self.plot.setLabel("left", self.tr("value"), color=INK)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(INK)
            axis.setTextPen(INK)
        self.plot.getAxis("left").setWidth(px(46))
        legend = self.plot.addLegend(offset=(-10, 6), labelTextColor=INK, labelTextSize=pt(9), colCount=3)
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))  # one row at the top right, over the room kept free
        self.truth = self.plot.plot(pen=pg.mkPen(TRUTH, width=2), symbol="o", symbolSize=4, name=self.tr("truth"))
        self.truth.setSymbolBrush(TRUTH)
        self.truth.setSymbolPen(None)
        self.teacher = self.plot.plot(pen=pg.mkPen(TEACHER, width=2), name=self.tr("teacher forcing (reads the truth)"))
        self.free = self.plot.plot(pen=pg.mkPen(FREE, width=2.5), name=self.tr("free running (reads its own outputs)"))
        self.prompt_end = pg.InfiniteLine(angle=90, pen=pg.mkPen(INK, style=Qt.PenStyle.DashLine))
        self.prompt_label = pg.TextItem(self.tr("prompt ◂"), color=INK, anchor=(1.05, 0))
        self.plot.addItem(self.prompt_end)
        self.plot.addItem(self.prompt_label)

        self.stack = MessageStack(self.plot, text=self.tr(WAITING))
        self.stack.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.stack, 1)

    # ---- InsightView ---------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"generate": {"series_seed": self.series.value(), "horizon": self.horizon.value()}}

    def set_context(self, project, data) -> None:
        """A new model: the old one's curves go."""
        self.result = None
        for curve in (self.truth, self.teacher, self.free):
            curve.setData([], [])
        self.headline.setText("")
        sine = project is None or project.dataset == "sine"
        self.stack.say(self.tr(WAITING) if sine else self.tr(NOT_SINE))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("generate")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if not isinstance(result, Generation):
            return
        self.result = result
        self.stack.show_content()
        n, w = len(result.truth), result.window
        steps = np.arange(1, n + 1, dtype=np.float64)
        self.truth.setData(steps, result.truth)
        ahead = steps[w:]
        # each prediction line starts from the prompt's last value, so it is read as a continuation
        self.teacher.setData(np.r_[w, ahead], np.r_[result.truth[w - 1], result.teacher])
        self.free.setData(np.r_[w, ahead], np.r_[result.truth[w - 1], result.free])
        self.prompt_end.setValue(w + 0.5)
        values = np.concatenate([result.truth, result.teacher, result.free])
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
        pad = 0.1 * max(high - low, 1e-6)
        self.plot.setXRange(0.5, n + 0.5, padding=0)
        self.plot.setYRange(low - pad, high + 3 * pad, padding=0)  # room above the waves for the legend
        self.prompt_label.setPos(w + 0.5, high + 3 * pad)
        self.headline.setText(
            self.tr(
                "Step {0}, series {1}: mean squared error over the {2} predicted values "
                "<b style='color:{3}'>{4}</b> with teacher forcing, <b style='color:{5}'>{6}</b> running free "
                "(the noise alone: {7})"
            ).format(
                result.step,
                result.series,
                n - w,
                TEACHER,
                significant(result.teacher_mse),
                FREE,
                significant(result.free_mse),
                significant(result.noise**2),
            )
        )

    def keep(self) -> dict:
        """The choices and the picture, for the view built afresh in presentation mode (same model)."""
        return {"series": self.series.value(), "horizon": self.horizon.value(), "result": self.result}

    def restore(self, kept: dict) -> None:
        for box, value in ((self.series, kept["series"]), (self.horizon, kept["horizon"])):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        if kept["result"] is not None:
            self.show_insights({"generate": kept["result"]})

    # ---- what is drawn (for tests) ---------------------------------------------------------------

    def curves(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {
            name: curve.getOriginalDataset()
            for name, curve in (("truth", self.truth), ("teacher", self.teacher), ("free", self.free))
        }
