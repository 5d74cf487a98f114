"""The "By position" view: how often the network finds the key, position by position (LESSONS #34).

Bars give the share of samples classified right with their key at each step: grey for training
samples, blue for test samples; the band behind the positions training never saw is shaded, and
the dashed line is chance. A network that shares its weights across positions keeps its blue
bars up in the shaded band; a dense one falls to chance or below there.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from core.probes.positions import PositionAccuracy
from core.probes.registry import ProbeFailed
from gui.i18n import number
from gui.views.base import InsightView, MessageStack
from gui.widgets.text_size import pt, px

INK, TRAIN, TEST, UNSEEN = "#37474f", "#b0bec5", "#1565c0", "#fff3e0"
TOP = 1.22  # the y range's top: the legend and the band's name sit above the 100% line
WAITING = QT_TRANSLATE_NOOP(
    "PositionsView", "Run or step the training: the share of keys found at each position appears here."
)
NOT_KEYS = QT_TRANSLATE_NOOP(
    "PositionsView",
    "Accuracy by position is for the key-position dataset (a key among distractors): open a "
    "sharing-across-positions lesson or choose that dataset.",
)


class PositionsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: PositionAccuracy | None = None
        self.headline = QLabel(objectName="headline")
        self.headline.setStyleSheet(f"color: {INK}")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.plot = pg.PlotWidget(background="w")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(y=True, alpha=0.15)
        self.plot.setLabel("bottom", self.tr("position of the key (step)"), color=INK)
        self.plot.setLabel("left", self.tr("share right"), color=INK)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(INK)
            axis.setTextPen(INK)
        self.plot.getAxis("left").setWidth(px(58))
        self.unseen_band = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(UNSEEN), pen=pg.mkPen(None))
        self.unseen_band.setZValue(-10)
        self.plot.addItem(self.unseen_band)
        self.unseen_label = pg.TextItem(self.tr("never in training"), color="#e65100", anchor=(0.5, 0))
        self.plot.addItem(self.unseen_label)
        legend = self.plot.addLegend(offset=(10, 6), labelTextColor=INK, labelTextSize=pt(9), colCount=3)
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.train_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=TRAIN, pen=None, name=self.tr("training"))
        self.test_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=TEST, pen=None, name=self.tr("test"))
        for bars in (self.train_bars, self.test_bars):
            self.plot.addItem(bars)  # named: the legend lists it
        self.chance = pg.InfiniteLine(angle=0, pen=pg.mkPen(INK, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.chance)
        legend.addItem(pg.PlotDataItem(pen=pg.mkPen(INK, style=Qt.PenStyle.DashLine)), self.tr("chance"))
        self.stack = MessageStack(self.plot, text=self.tr(WAITING))
        self.stack.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.headline)
        layout.addWidget(self.stack, 1)

    def wanted(self) -> dict[str, dict]:
        return {"positions": {}}

    def set_context(self, project, data) -> None:
        """A new model: the old one's bars go."""
        self.result = None
        self.train_bars.setOpts(x=[], height=[])
        self.test_bars.setOpts(x=[], height=[])
        self.headline.setText("")
        keys = project is None or project.dataset == "key_position"
        self.stack.say(self.tr(WAITING) if keys else self.tr(NOT_KEYS))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("positions")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if not isinstance(result, PositionAccuracy):
            return
        self.result = result
        self.stack.show_content()
        steps = len(result.test_accuracy)
        where = np.arange(steps, dtype=np.float64)
        self.train_bars.setOpts(x=where - 0.2, height=np.nan_to_num(result.train_accuracy))
        self.test_bars.setOpts(x=where + 0.2, height=np.nan_to_num(result.test_accuracy))
        self.chance.setValue(result.chance)
        unseen = result.unseen
        self.unseen_band.setVisible(len(unseen) > 0)
        self.unseen_label.setVisible(len(unseen) > 0)
        if len(unseen):
            self.unseen_band.setRegion((unseen.min() - 0.5, unseen.max() + 0.5))
            self.unseen_label.setPos((unseen.min() + unseen.max()) / 2, TOP - 0.01)
        self.plot.setXRange(-0.6, steps - 0.4, padding=0)
        self.plot.setYRange(0, TOP, padding=0)  # room above the bars for the legend and the band's name
        self.plot.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        self.plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(0, steps, 1 if steps <= 30 else 5)]])
        if len(unseen) and np.nanmin(result.test_accuracy[unseen]) == np.nanmax(result.test_accuracy[unseen]):
            self.headline.setText(
                self.tr(
                    "Step {0}: at the {1} positions training never showed a key, <b style='color:{2}'>{3}%</b> "
                    "of the test keys are found, at every one of them (chance: {4}%)."
                ).format(
                    result.step,
                    len(unseen),
                    TEST,
                    number(100 * result.unseen_accuracy, 0),
                    number(100 * result.chance, 0),
                )  # fmt: skip
            )
        elif len(unseen):
            found = result.test_accuracy[unseen]
            self.headline.setText(
                self.tr(
                    "Step {0}: at the {1} positions training never showed a key, <b style='color:{2}'>{3}%</b> "
                    "of the test keys are found; from {4}% to {5}% position by position (chance: {6}%)."
                ).format(
                    result.step,
                    len(unseen),
                    TEST,
                    number(100 * result.unseen_accuracy, 0),
                    number(100 * np.nanmin(found), 0),
                    number(100 * np.nanmax(found), 0),
                    number(100 * result.chance, 0),
                )  # fmt: skip
            )
        else:
            self.headline.setText(
                self.tr("Step {0}: training and test keys share their positions (turn on 'unseen' to hold some out).")
                .format(result.step)
            )  # fmt: skip

    def keep(self) -> dict:
        return {"result": self.result}

    def restore(self, kept: dict) -> None:
        if kept["result"] is not None:
            self.show_insights({"positions": kept["result"]})

    def bars(self) -> dict[str, np.ndarray]:
        """The heights drawn (for tests)."""
        return {"train": self.train_bars.opts["height"], "test": self.test_bars.opts["height"]}
