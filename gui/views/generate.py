"""The "Generate" view: a model run on its own outputs beside the truth.

For a next-value model on the noisy sine, a plot: the truth is grey; the prompt (the first window,
which both read) ends at the dashed line. Blue predictions each read the true window before them
(teacher forcing, as in training); orange ones read the model's own earlier predictions (free
running). The headline gives both mean squared errors over the predicted values, beside the
noise's own, which no predictor can beat.

For a next-character model (the grammar's sentences or the user's text), the text page
(gui/views/generate_text.py): the truth, the likeliest character after each true window, and
characters sampled at a temperature the user sets, each reading the ones drawn before.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.probes.generate import HORIZON, MAX_HORIZON, Generation
from core.probes.generate_text import CHARACTERS, MAX_CHARACTERS, TEXT_DATASETS, TextGeneration
from core.probes.registry import ProbeFailed
from gui.i18n import number
from gui.views.base import InsightView, MessageStack
from gui.views.generate_text import SAMPLED, TextPanel
from gui.views.generate_text import TEACHER as TEXT_TEACHER
from gui.widgets.text_size import pt, px

INK = "#37474f"
TRUTH, TEACHER, FREE = "#9e9e9e", "#1565c0", "#e65100"
WAITING = QT_TRANSLATE_NOOP(
    "GenerateView", "Run or step the training: the model then continues a fresh noisy sine here, two ways."
)
WAITING_TEXT = QT_TRANSLATE_NOOP(
    "GenerateView", "Run or step the training: the model then writes text here, beside the true text."
)
NOT_SINE = QT_TRANSLATE_NOOP(
    "GenerateView",
    "Generating is for a next-value model on the noisy-sine dataset or a next-character model on a text: "
    "open the sine or the next-character lesson, or choose one of those datasets.",
)


class GenerateView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: Generation | TextGeneration | None = None
        self.text_mode = False
        self.series = QSpinBox(objectName="series", minimum=0, maximum=1_000_000)
        self.series.setToolTip(
            self.tr("Which fresh series or passage to continue (each number draws another; it also seeds the sampling)")
        )
        self.series.valueChanged.connect(lambda _: self.options_changed.emit())
        self.horizon = QSpinBox(objectName="horizon", minimum=1, maximum=MAX_HORIZON, value=HORIZON)
        self.horizon.setToolTip(self.tr("How many values to predict after the prompt"))
        self.horizon.valueChanged.connect(lambda _: self.options_changed.emit())
        self.temperature = QDoubleSpinBox(
            objectName="temperature", minimum=0.0, maximum=5.0, singleStep=0.1, decimals=2, value=1.0
        )
        self.temperature.setToolTip(
            self.tr(
                "Characters are drawn from softmax(logits / T): low T picks the likeliest almost always, "
                "high T flattens the choice towards noise; 0 always takes the likeliest"
            )
        )
        self.temperature.valueChanged.connect(lambda _: self.options_changed.emit())
        self.characters = QSpinBox(objectName="characters", minimum=1, maximum=MAX_CHARACTERS, value=CHARACTERS)
        self.characters.setToolTip(self.tr("How many characters to generate after the prompt"))
        self.characters.valueChanged.connect(lambda _: self.options_changed.emit())
        self.sine_controls = _row(QLabel(self.tr("predict")), self.horizon, QLabel(self.tr("values")))
        self.text_controls = _row(
            QLabel(self.tr("temperature T")), self.temperature, QLabel(self.tr("write")), self.characters,
            QLabel(self.tr("characters")),
        )  # fmt: skip
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("series")), self.series, self.sine_controls, self.text_controls):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.text_controls.hide()
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
        self.text = TextPanel()

        self.stack = MessageStack(self.plot, self.text, text=self.tr(WAITING))
        self.stack.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.stack, 1)

    # ---- InsightView ---------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        if self.text_mode:
            options = {"temperature": self.temperature.value(), "characters": self.characters.value()}
        else:
            options = {"horizon": self.horizon.value()}
        return {"generate": {"series_seed": self.series.value(), **options}}

    def set_context(self, project, data) -> None:
        """A new model: the old one's curves and text go."""
        self.result = None
        for curve in (self.truth, self.teacher, self.free):
            curve.setData([], [])
        self.text.show_result(None)
        self.headline.setText("")
        dataset = None if project is None else project.dataset
        self.text_mode = dataset in TEXT_DATASETS
        self.sine_controls.setVisible(not self.text_mode)
        self.text_controls.setVisible(self.text_mode)
        if self.text_mode:
            self.stack.say(self.tr(WAITING_TEXT))
        else:
            self.stack.say(self.tr(WAITING) if dataset in (None, "sine") else self.tr(NOT_SINE))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("generate")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if isinstance(result, TextGeneration):
            self._show_text(result)
            return
        if not isinstance(result, Generation):
            return
        self.result = result
        self.stack.show_content(self.plot)
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
                result.step, result.series, n - w, TEACHER, _g3(result.teacher_mse), FREE, _g3(result.free_mse),
                _g3(result.noise**2),
            )
        )  # fmt: skip

    def _show_text(self, result: TextGeneration) -> None:
        self.result = result
        self.stack.show_content(self.text)
        self.text.show_result(result)
        first = self.tr(
            "Step {0}, passage {1}: loss per character <b style='color:{2}'>{3}</b> nats on the true text "
            "(guessing among {4} characters: ln {4} = {5}); the likeliest character is right {6}% of the time."
        ).format(
            result.step, result.series, TEXT_TEACHER, _g3(result.loss), round(np.exp(result.uniform)),
            _g3(result.uniform), number(100 * result.accuracy, 0),
        )  # fmt: skip
        if result.words:
            second = self.tr(
                "Sampled at T = {0}: <b style='color:{1}'>{2}%</b> of its {3} words occur in the training text "
                "(invented ones underlined), {4}% of them are different words."
            ).format(
                number(result.temperature, 2), SAMPLED, number(100 * result.real_words, 0), result.words,
                number(100 * result.distinct_words, 0),
            )  # fmt: skip
        else:
            second = self.tr("Sampled at T = {0}: not one whole word.").format(number(result.temperature, 2))
        self.headline.setText(first + "<br>" + second)

    def keep(self) -> dict:
        """The choices and the picture, for the view built afresh in presentation mode (same model)."""
        return {
            "series": self.series.value(),
            "horizon": self.horizon.value(),
            "temperature": self.temperature.value(),
            "characters": self.characters.value(),
            "result": self.result,
        }

    def restore(self, kept: dict) -> None:
        boxes = (self.series, self.horizon, self.temperature, self.characters)
        for box, name in zip(boxes, ("series", "horizon", "temperature", "characters"), strict=True):
            if name not in kept:
                continue
            box.blockSignals(True)
            box.setValue(kept[name])
            box.blockSignals(False)
        if kept["result"] is not None:
            self.show_insights({"generate": kept["result"]})

    # ---- what is drawn (for tests) ---------------------------------------------------------------

    def curves(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {
            name: curve.getOriginalDataset()
            for name, curve in (("truth", self.truth), ("teacher", self.teacher), ("free", self.free))
        }


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side in one that can be hidden as a whole."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row


def _g3(value: float) -> str:
    """Three significant digits as the reader's language writes them."""
    return QLocale().toString(float(value), "g", 3)
