"""Universal approximation (course 002): the points of a function of x, the network's fitted
curve through them, live, and for one hidden layer each unit's share of the fit
(core.probes.approximation). "Draw your own" turns a stroke dragged across the plot into the
dataset (core.data.drawn, gui.views.stroke): one undoable dataset change, saved with the project."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.data.drawn import X_RANGE, DrawingError, parse_curve, target
from gui.views.base import InsightView, MessageStack
from gui.views.stroke import STROKE, StrokeTool
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


def y_range(values: np.ndarray, shares: np.ndarray) -> tuple[float, float, int]:
    """The plot's y range: the points and the fit, widened to take in the units' shares (and the
    bias) as far as the data's own span on each side. Returns (low, high, how many shares leave it)."""
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if len(values) else (-1.0, 1.0)
    span = max(high - low, 1e-3)
    pad = 0.1 * span
    low, high = low - pad, high + pad
    if shares.size:
        finite = np.where(np.isfinite(shares), shares, 0.0)
        low = max(min(low, float(finite.min()) - pad), low - span)
        high = min(max(high, float(finite.max()) + pad), high + span)
        beyond = int(np.count_nonzero((finite.min(axis=-1) < low) | (finite.max(axis=-1) > high)))
        return low, high, beyond
    return low, high, 0


def compact(value: float) -> str:
    """Three significant digits, in the reader's language (0,0123 in Spanish)."""
    return QLocale().toString(float(value), "g", 3)


class ApproximationView(InsightView):
    dataset_edited = Signal(str, dict)  # a drawn curve: the dataset to use (the window makes it one undoable edit)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.project = self.data = None
        self.drawing: tuple[np.ndarray, np.ndarray] | None = None  # the drawn function the data comes from
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
        self.draw = QPushButton(self.tr("Draw your own"), checkable=True, objectName="draw")
        self.draw.setToolTip(
            self.tr(
                "Drag across the plot, left to right, to draw a function of x: it becomes the data set "
                "(Run trains the network on it; Ctrl+Z takes it back)"
            )
        )
        self.draw.toggled.connect(self._draw_toggled)
        bar.addWidget(self.headline, 1)
        bar.addWidget(self.draw, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.show_units, 0, Qt.AlignmentFlag.AlignTop)
        self.notice = QLabel(wordWrap=True, objectName="notice")
        self.notice.setStyleSheet("color: #b71c1c; background: #fff5f5; border: 1px solid #ef9a9a; padding: 4px")
        self.notice.hide()

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
        self.drawn_line = self.plot.plot(pen=pg.mkPen(STROKE, width=2, style=Qt.PenStyle.DotLine))
        self.drawn_line.setZValue(5)
        self.pencil = StrokeTool(self.plot)
        self.pencil.drawn.connect(self._drawn)
        self.pencil.refused.connect(self._refused)
        self.caption = QLabel(wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.notice)
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
        """A new model: nothing of the old one stays. With a function of x, its points (and the
        drawn curve they come from) are shown at once, so there is a plot to draw on before training."""
        self.result, self.project, self.data = None, project, data
        self.pencil.cancel()
        self.notice.hide()
        self.drawing = self._drawn_curve(project)
        one_d = data is not None and data.input_shape == (1,) and not data.num_classes
        drawable = one_d or (project is not None and project.dataset == "function")
        self.draw.setEnabled(drawable)
        if not drawable:
            self.draw.setChecked(False)
            self.stack.say(self.tr(WAITING))
            return
        self.fit.setData([], [])
        for item in self.unit_curves:
            item.setVisible(False)
        self.bias_line.setVisible(False)
        self.show_units.setEnabled(False)
        flat = lambda a: np.asarray(a, np.float32).reshape(len(a), -1)[:, 0]  # noqa: E731
        if one_d:
            self.train_points.setData(flat(data.x_train), flat(data.y_train))
            self.test_points.setData(flat(data.x_test), flat(data.y_test))
            self.headline.setText(self.tr("Not trained yet: Run (F5) fits the network to these points."))
            values = np.concatenate([flat(data.y_train), flat(data.y_test)])
        else:  # the drawn function cannot load yet (nothing drawn): an empty plot to draw on
            self.train_points.setData([], [])
            self.test_points.setData([], [])
            self.headline.setText(self.tr("Nothing drawn yet: press 'Draw your own', then drag across the plot."))
            values = np.array([-1.0, 1.0])
        xs = np.linspace(*X_RANGE, 256)
        self._show_drawing(xs)
        if self.drawing is not None:
            values = np.concatenate([values, target(xs, self.drawing)])
        low, high, _ = y_range(values, np.zeros((0, 0)))
        margin = 0.05 * (X_RANGE[1] - X_RANGE[0])
        self.plot.setRange(xRange=(X_RANGE[0] - margin, X_RANGE[1] + margin), yRange=(low, high), padding=0)
        self.caption.setText(
            self.tr(
                "<span style='color:#1565c0'>● training points</span>, "
                "<span style='color:#1565c0'>○ test points</span>."
            )
            + self._notes(0)
        )
        self.stack.show_content(self.content)

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

    # ---- drawing one's own function -----------------------------------------------------------

    @staticmethod
    def _drawn_curve(project) -> tuple[np.ndarray, np.ndarray] | None:
        if project is None or project.dataset != "function" or project.dataset_params.get("function") != "drawn":
            return None
        try:
            return parse_curve(project.dataset_params.get("drawing", ""))
        except DrawingError:
            return None

    def _show_drawing(self, xs: np.ndarray) -> None:
        """The drawn function, dashed, where it is sampled: the data are its values there plus noise."""
        if self.drawing is None:
            self.drawn_line.setData([], [])
        else:
            self.drawn_line.setData(xs, target(xs, self.drawing))

    def _draw_toggled(self, on: bool) -> None:
        self.pencil.set_active(on)
        self.notice.hide()
        if on:  # the whole x range, and room above and below the points to draw higher or lower
            (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
            margin = 0.05 * (X_RANGE[1] - X_RANGE[0])
            self.plot.setRange(
                xRange=(X_RANGE[0] - margin, X_RANGE[1] + margin), yRange=(min(y0, -1.5), max(y1, 1.5)), padding=0
            )

    def _drawn(self, drawing: str) -> None:
        """A stroke that is a function of x: the dataset becomes it (the project's other settings kept)."""
        self.notice.hide()
        project = self.project
        params = dict(project.dataset_params) if project is not None and project.dataset == "function" else {}
        if project is not None and not params:
            params = {k: project.dataset_params[k] for k in ("test_ratio", "seed") if k in project.dataset_params}
        params.update(function="drawn", drawing=drawing)
        self.draw.setChecked(False)
        self.dataset_edited.emit("function", params)

    def _refused(self, message: str) -> None:
        self.notice.setText(f"⚠  {message}")
        self.notice.show()

    def _notes(self, outside: int) -> str:
        """What the caption adds: the drawn function's line, and unit shares too large for the plot."""
        notes = ""
        if self.drawing is not None:
            notes += " " + self.tr("Dotted: the function you drew.")
        if outside:
            notes += " " + self.tr("Unit shares reaching past the plot's edge: {0}.").format(
                QLocale().toString(outside)
            )
        return notes

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
        self._show_drawing(r.xs)
        values = np.concatenate([r.y_train, r.y_test, r.fit])
        shares = np.concatenate([r.contributions[:shown], np.full((1, len(r.xs)), r.bias)]) if shown else r.fit[:0]
        low, high, outside = y_range(values, shares)
        if not self.pencil.drawing:  # a stroke under way keeps the scale it started with
            self.plot.setRange(xRange=(float(r.xs[0]), float(r.xs[-1])), yRange=(low, high), padding=0)

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
                + self._notes(outside)
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
                + self._notes(0)
            )
