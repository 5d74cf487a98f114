"""The live plots of a training run: loss per step and per epoch, accuracy and learning rate,
stacked on one step axis and redrawn by a ~30 Hz timer rather than on every update, one plot at a time."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from gui.widgets.step_axis import StepAxis, new_end
from gui.widgets.still_plot import still_plot
from gui.widgets.text_size import pt

TRAIN, TEST, LR = "#1f77b4", "#ff7f0e", "#2ca02c"
INK = "#333333"
FRAME_MS = 33  # each plot redrawn at ~30 Hz: smooth to the eye, and painting stays a small share of the GUI thread
LEFT_AXIS_WIDTH = 58  # the same for every plot, so the three step axes line up
LOG_SCALE_ROOM = 120  # the log-scale box's corner of the loss plot, which the legend keeps clear of
ACCURACY_STRETCH = 4  # rows share the height 6 : 4 : 4 (loss, accuracy, learning rate and the step axis)
LR_STRETCH = 4  # the rate is one flat line most of the time: its row is mostly the step axis
MARKER = {"symbol": "o", "symbolSize": 7, "symbolPen": "w"}  # white rims keep touching dots apart
DOT_SPACING = 5  # least pixels a dot per epoch-end: closer, the dots would merge into a band, so the line
# alone is drawn (and a run of thousands of epochs no longer rebuilds thousands of dots each frame)
EVALUATIONS = ("train_loss", "test_loss", "train_acc", "test_acc")
MAX_STEP_POINTS = 100_000  # per-step points kept: beyond, every other one goes, so an hour-long run stays small


class _Table:
    """Equal-length float columns in preallocated arrays that double when full. Appends are
    amortised O(1), and the columns handed to pyqtgraph are views that later appends never touch."""

    def __init__(self, *names: str, capacity: int = 1024):
        self._names, self._initial = names, capacity
        self.clear()

    def clear(self) -> None:
        # New arrays rather than reused ones: drawn items may still hold views of the old.
        self._arrays = {name: np.empty(self._initial) for name in self._names}
        self.count = 0

    def extend(self, *columns) -> None:
        columns = [np.atleast_1d(np.asarray(c, dtype=np.float64)) for c in columns]
        n = len(columns[0])
        if any(len(c) != n for c in columns):
            raise ValueError(f"columns of different lengths: {[len(c) for c in columns]}")
        end, capacity = self.count + n, len(self._arrays[self._names[0]])
        if end > capacity:
            while capacity < end:
                capacity *= 2
            for name, old in self._arrays.items():
                self._arrays[name] = np.empty(capacity)
                self._arrays[name][: self.count] = old[: self.count]
        for name, column in zip(self._names, columns, strict=True):
            self._arrays[name][self.count : end] = column
        self.count = end

    def __getitem__(self, name: str) -> np.ndarray:
        return self._arrays[name][: self.count]

    def keep(self, rows: np.ndarray) -> None:
        """Keep only the rows where `rows` (a boolean mask) holds, in new arrays (drawn items hold views)."""
        kept = {name: np.empty(len(array)) for name, array in self._arrays.items()}
        n = int(rows.sum())
        for name, array in kept.items():
            array[:n] = self._arrays[name][: self.count][rows]
        self._arrays, self.count = kept, n


def _corners(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points where a line turns: of each run of equal values, its first and last. The line drawn
    through them is the same, and a constant learning rate is two points, not one per step (drawing
    thousands of segments in a 1.5 px pen cost 1 ms a frame)."""
    same = y[1:] == y[:-1]
    kept = np.ones(len(y), dtype=bool)
    kept[1:-1] = ~(same[:-1] & same[1:])  # inside a run: equal to both neighbours
    return x[kept], y[kept]


def _drawn(item: pg.PlotDataItem) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()  # (None, None) when empty
    return (np.empty(0), np.empty(0)) if x is None else (x, y)


LEGEND_ROOM = 0.5  # least headroom above the loss curves, as a share of their span: the legend sits there


class _LossAxis(pg.AxisItem):
    """On a log axis, labels only 1, 2 and 5 times a power of ten: all nine overlap on a short plot."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = super().logTickStrings(values, scale, spacing)
        mantissas = 10 ** (np.asarray(values, dtype=float) % 1)
        keep = np.isclose(mantissas[:, None], [1, 2, 5, 10], rtol=1e-3).any(1)
        return [text if kept else "" for text, kept in zip(strings, keep, strict=True)]


class TrainingCurves(QWidget):
    """Loss, accuracy and learning rate against the training step. Adding data only stores it;
    `frame_timer` draws it into the same items, one plot a tick and each ~30 times a second, and stops
    when nothing arrives."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._steps = _Table("step", "loss", "lr")
        self._every = 1  # the per-step points kept: every step, then every 2nd, 4th... (MAX_STEP_POINTS)
        self._evaluations = {name: _Table("step", "value", "epoch", capacity=64) for name in EVALUATIONS}
        self._legend_below = False  # under the log-scale box, when the plot is too narrow beside it
        # what the x and rate axes show now, and the loss span the y axis was fitted to: to move them only when needed
        self._ranges: dict[str, tuple[float, float]] = {}
        self._steps_shown: dict[pg.PlotWidget, tuple[float, float]] = {}  # the range of steps each plot shows
        self._evaluated_on: tuple | None = None
        self._accuracy_available: bool | None = None

        self.loss_plot = self._plot(self.tr("loss"), _LossAxis("left"))
        self.accuracy_plot = self._plot(self.tr("acc. %"))
        self.lr_plot = self._plot(self.tr("lr"))
        self.lr_plot.setLabel("bottom", self.tr("step"), color=INK)
        self.lr_plot.getAxis("bottom").setStyle(showValues=True)
        self.accuracy_plot.setYRange(0, 100, padding=0.1)  # room for the "0" and "100" labels
        self.accuracy_plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 50, 100)], [(25, ""), (75, "")]])
        # all three, even on a short panel in large text (pyqtgraph drops labels past 60% of the axis)
        self.accuracy_plot.getAxis("left").setStyle(textFillLimits=[(0, 0.95)])

        # one legend, in the headroom kept above the loss curves; the accuracy plot's dots share its colours
        self.loss_plot.addLegend(
            offset=(-LOG_SCALE_ROOM + 10, 1),
            colCount=3,
            labelTextColor=INK,
            labelTextSize=pt(8),
            brush=(255, 255, 255, 210),
        )
        step_pen = pg.mkPen((31, 119, 180, 110), width=1)
        self.step_loss = self._curve(self.loss_plot, step_pen, self.tr("train, each step"))
        self.evaluation_items = {name: self._markers(name) for name in EVALUATIONS}
        self.lr_curve = self._curve(self.lr_plot, pg.mkPen(LR, width=1.5), None)

        self.no_accuracy = QLabel(self.tr("no accuracy for regression"))
        self.no_accuracy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_accuracy.setStyleSheet("color: #777; font-style: italic; background: white; padding: 3px;")
        self.no_accuracy.hide()
        self.reconstruction = False  # an autoencoder's run (set_reconstruction)
        self.log_scale = QCheckBox(
            self.tr("log scale"), objectName="log_scale", toolTip=self.tr("Show the loss on a logarithmic axis")
        )
        self.log_scale.toggled.connect(self.set_log_scale)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(4)  # a strip between the panels: short ones must not read as one plot
        for row, widget in enumerate((self.loss_plot, self.accuracy_plot, self.no_accuracy, self.lr_plot)):
            layout.addWidget(widget, row, 0)
        for row, stretch in ((0, 6), (1, ACCURACY_STRETCH), (3, LR_STRETCH)):
            layout.setRowStretch(row, stretch)
        # over the loss plot's top-right corner, beside its legend (a decaying loss leaves that corner empty)
        layout.addWidget(self.log_scale, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.log_scale.setContentsMargins(0, 2, 8, 0)

        # one plot a tick, in turn: each repaints in its own turn of the event loop, so a key press or
        # a timer waits for one plot at most, not for all three (bench/gui_latency.py)
        self._plots = (self._draw_loss, self._draw_accuracy, self._draw_lr)
        self._waiting: set = set()  # of self._plots: those with data not yet drawn
        self._turn = 0
        self.frame_timer = QTimer(self, interval=FRAME_MS // len(self._plots))
        self.frame_timer.timeout.connect(self._on_frame)
        self.lr_plot.getAxis("left").setTicks([[]])
        self._set_view_ranges()

    def add_steps(self, steps: np.ndarray, losses: np.ndarray, lrs: np.ndarray) -> None:
        """Store a batch of per-step values; the next frame draws them. Past MAX_STEP_POINTS, only
        steps that are multiples of a doubling `every` are kept (true values, just fewer of them)."""
        if self._every > 1:
            mine = steps % self._every == 0
            steps, losses, lrs = steps[mine], losses[mine], lrs[mine]
        if len(steps):
            self._steps.extend(steps, losses, lrs)
            while self._steps.count > MAX_STEP_POINTS and self._every < 2**40:
                self._every *= 2
                self._steps.keep(self._steps["step"] % self._every == 0)
            self._schedule(self._draw_loss, self._draw_lr)

    def add_evaluation(
        self,
        step: int,
        train_loss: float | None,
        test_loss: float | None,
        train_acc: float | None,
        test_acc: float | None,
        epoch: int = 0,
    ) -> None:
        """Store the losses (and accuracies, in %) measured at an epoch's end; only the points of
        consecutive epochs are joined by a line."""
        for name, value in zip(EVALUATIONS, (train_loss, test_loss, train_acc, test_acc), strict=True):
            if value is not None:
                self._evaluations[name].extend(step, value, epoch)
        self.set_accuracy_available(train_acc is not None or test_acc is not None)
        self._schedule(self._draw_loss, self._draw_accuracy)

    def changeEvent(self, event) -> None:  # noqa: N802
        """A new language: the axes, the legends and the switches say it; the curves stay."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.LanguageChange or not hasattr(self, "log_scale"):
            return
        for plot, text in ((self.loss_plot, self.tr("loss")), (self.accuracy_plot, self.tr("acc. %"))):
            plot.setLabel("left", text, color=INK)
        self.lr_plot.setLabel("left", self.tr("lr"), color=INK)
        if self._evaluated_on is not None:
            self.set_evaluated_on(*self._evaluated_on)
        else:
            self.lr_plot.setLabel("bottom", self.tr("step"), color=INK)
        self.set_reconstruction(self.reconstruction)
        self.log_scale.setText(self.tr("log scale"))
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        names = {self.step_loss: self.tr("train, each step")}
        for name, item in self.evaluation_items.items():
            names[item] = self._marker_label(name)
        for plot in (self.loss_plot, self.accuracy_plot):
            legend = plot.plotItem.legend
            for sample, label in legend.items if legend is not None else []:
                if sample.item in names:
                    label.setText(names[sample.item])
        self._fit_legend()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_legend()

    def _legend_room(self) -> float:
        """Headroom above the curves, as a share of their span, that holds the legend's rows."""
        legend, box = self.loss_plot.plotItem.legend, self.loss_plot.plotItem.vb
        if legend is None or box.height() <= 0:
            return LEGEND_ROOM
        rows = legend.boundingRect().height() + 6 + (self.log_scale.sizeHint().height() if self._legend_below else 0)
        share = min(rows / box.height(), 0.6)  # of the plot's height
        return max(LEGEND_ROOM, 1.06 * share / (1 - share))

    def _fit_legend(self) -> None:
        """The legend on one row at 8 points beside the log-scale box; when the plot is too narrow for
        that (longer words in Spanish, a narrow dock, a 1024-wide screen), on two rows, then in smaller
        text, then under the box with the plot's whole width: a legend cut or covered names nothing."""
        legend = self.loss_plot.plotItem.legend
        width = self.loss_plot.width() - LEFT_AXIS_WIDTH
        if legend is None or width <= 20:
            return
        for below, columns, size in (
            *((False, c, s) for c, s in ((3, 8.0), (2, 8.0), (2, 7.0), (2, 6.0))),
            *((True, c, s) for c, s in ((3, 8.0), (2, 8.0), (1, 8.0), (1, 7.0), (1, 6.0))),
        ):
            legend.setColumnCount(columns)
            legend.setLabelTextSize(pt(size))
            for _, label in legend.items:
                label.setText(label.text)  # pyqtgraph applies a new size only when the text is set
            legend.updateSize()
            if legend.boundingRect().width() <= width - (8 if below else LOG_SCALE_ROOM):
                break
        self._legend_below = below
        legend.setOffset((-4, self.log_scale.sizeHint().height() + 2) if below else (-LOG_SCALE_ROOM + 10, 1))
        self._ranges.pop("y", None)  # the headroom follows the legend's rows
        self._set_view_ranges()

    def set_evaluated_on(self, train: tuple[int, int], test: tuple[int, int]) -> None:
        """Say on the axis when the per-epoch points are measured on a subsample: (used, total) of each set."""
        loc = QLocale()
        parts = [
            self.tr("{0} of {1} {2}").format(loc.toString(used), loc.toString(total), name)
            for (used, total), name in ((train, self.tr("train")), (test, self.tr("test")))
        ]
        partial = any(used < total for used, total in (train, test))
        label = (
            self.tr("step  ·  per-epoch points on {0} samples").format(self.tr(" and ").join(parts))
            if partial
            else self.tr("step")
        )
        self.lr_plot.setLabel("bottom", label, color=INK)
        self._evaluated_on = (train, test)

    def set_reconstruction(self, on: bool) -> None:
        """An autoencoder's run: the note in the accuracy's place says what the loss is instead."""
        self.reconstruction = on
        self.no_accuracy.setText(
            self.tr("no accuracy: the loss is the reconstruction's mean squared error")
            if on
            else self.tr("no accuracy for regression")
        )

    def set_accuracy_available(self, available: bool) -> None:
        """Regression has no accuracy: a one-line note takes the place (and little of the room) of its plot.
        Called with every epoch's figures: only a change touches the layout, whose every touch laid out
        and repainted the whole window."""
        if available == self._accuracy_available:
            return
        self._accuracy_available = available
        self.accuracy_plot.setVisible(available)
        self.layout().setRowStretch(1, ACCURACY_STRETCH if available else 0)  # else its empty row keeps the room
        self.no_accuracy.setVisible(not available)

    def clear(self) -> None:
        self.frame_timer.stop()
        self._steps.clear()
        self._every = 1
        for table in self._evaluations.values():
            table.clear()
        self._ranges, self._steps_shown = {}, {}
        self.lr_plot.getAxis("left").setTicks([[]])  # no rate yet: no made-up tick values
        self.set_accuracy_available(True)
        self.flush()

    def set_log_scale(self, on: bool) -> None:
        if self.log_scale.isChecked() != on:
            self.log_scale.setChecked(on)  # comes back here through `toggled`
            return
        self.loss_plot.setLogMode(y=on)
        self._ranges.pop("y", None)  # the axis changed units: set it afresh
        self._set_view_ranges()

    def loss_curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The per-step loss as drawn: clipped to the view, downsampled, log10 in log scale."""
        return _drawn(self.step_loss)

    def lr_curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        return _drawn(self.lr_curve)

    def evaluation_data(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """(steps, values) as drawn, for "train_loss", "test_loss", "train_acc" and "test_acc"."""
        return {name: _drawn(item) for name, item in self.evaluation_items.items()}

    def stored_steps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every step received since the last clear, or every `_every`-th past MAX_STEP_POINTS
        (views of the buffers: read, don't write)."""
        return self._steps["step"], self._steps["loss"], self._steps["lr"]

    def flush(self) -> None:
        """Draw everything received so far, now."""
        for draw in self._plots:
            draw()
        self._waiting.clear()
        self.frame_timer.stop()

    def _draw_loss(self) -> None:
        """Ranges go first, so each item is clipped and downsampled for the new view rather than the old."""
        self._set_view_ranges()
        self._follow_steps(self.loss_plot)
        self.step_loss.setData(self._steps["step"], self._steps["loss"])
        self._draw_evaluations("train_loss", "test_loss")

    def _draw_accuracy(self) -> None:
        self._follow_steps(self.accuracy_plot)
        self._draw_evaluations("train_acc", "test_acc")

    def _draw_lr(self) -> None:
        self._follow_steps(self.lr_plot)
        self.lr_curve.setData(*_corners(self._steps["step"], self._steps["lr"]))

    def _follow_steps(self, plot: pg.PlotWidget) -> None:
        """Give `plot` the range of steps chosen for all three. They are not x-linked: a link moved all
        three in one turn of the event loop, the longest wait a key press had while training."""
        steps = self._ranges.get("x")
        if steps is not None and self._steps_shown.get(plot) != steps:
            self._steps_shown[plot] = steps
            plot.setXRange(*steps, padding=0)

    def _draw_evaluations(self, *names: str) -> None:
        for name in names:
            item, table = self.evaluation_items[name], self._evaluations[name]
            symbol = MARKER["symbol"] if table.count * DOT_SPACING <= self.loss_plot.plotItem.vb.width() else None
            if item.opts["symbol"] != symbol:
                item.setSymbol(symbol)
            neighbours = np.append(np.diff(table["epoch"]) == 1, False)  # point i joins i+1 only if next epoch
            item.setData(table["step"], table["value"], connect=neighbours)

    def _schedule(self, *plots) -> None:
        self._waiting.update(plots)
        if not self.frame_timer.isActive():
            self.frame_timer.start()

    def _on_frame(self) -> None:
        """Draw the next plot, in turn, that has something new; sleep when none has."""
        for _ in self._plots:
            draw, self._turn = self._plots[self._turn], (self._turn + 1) % len(self._plots)
            if draw in self._waiting:
                self._waiting.discard(draw)
                draw()
                return
        self.frame_timer.stop()

    def _set_view_ranges(self) -> None:
        """Ranges are set by hand, once a frame, never auto-ranged: auto-range repaints twice per update
        and costs 4x as much for a 10k-point curve (DESIGN.md). The loss axis runs from the minimum to the
        99th percentile of the per-step losses, so one early spike (or the first steps' high loss) cannot
        flatten the rest; epoch-end values always fit, as a rising test loss is the thing to see."""
        steps = self._steps["step"]
        ends = [table["step"][-1] for table in self._evaluations.values() if table.count]
        last = max(([steps[-1]] if len(steps) else []) + ends, default=1.0)
        first = min(0.0, steps[0] if len(steps) else 0.0)
        shown_first, right = self._ranges.get("x", (0.0, 0.0))
        end = new_end(right, last)
        if end is not None or first < shown_first:
            self._ranges["x"] = (first, end or right)
            self._schedule(self._draw_accuracy, self._draw_lr)  # they take the new range in their own turns

        log = self.log_scale.isChecked()
        usable = lambda v: v[np.isfinite(v) & (v > 0)] if log else v[np.isfinite(v)]  # a diverged run sends nan
        losses = usable(self._steps["loss"])  # (and a log axis cannot show zero or below)
        evaluated = usable(np.concatenate([self._evaluations[name]["value"] for name in ("train_loss", "test_loss")]))
        if len(losses) or len(evaluated):
            sample = losses[:: max(1, len(losses) // 4096)]  # a percentile of 4k points is as good as of 100k
            low = min(losses.min(initial=np.inf), evaluated.min(initial=np.inf))
            high = max(np.percentile(sample, 99) if len(sample) else -np.inf, evaluated.max(initial=-np.inf))
            if log:
                low, high = np.log10(low), np.log10(high)
            if high - low < 1e-9:
                low, high = low - 0.5, high + 0.5
            # against the span the view was last fitted to, not the view: with the legend's headroom the
            # data fills under 60% of the view by design, and the axis was set afresh every frame
            fitted_low, fitted_high = self._ranges.get("y", (np.inf, -np.inf))
            span = fitted_high - fitted_low
            fits = fitted_low - 0.06 * span <= low and high <= fitted_high + 0.1 * span and high - low > 0.6 * span
            if not fits:  # move only when the data leaves the view (or its legend's room) or fills too little of it
                self._ranges["y"] = (low, high)
                pad = 0.06 * (high - low)
                self.loss_plot.setYRange(low - pad, high + self._legend_room() * (high - low), padding=0)

        top = self._steps["lr"].max(initial=0.0)
        if top > 0 and not (top <= self._ranges.get("lr", (0.0, 0.0))[1] <= 2 * top):
            self._set_range("lr", self.lr_plot.setYRange, 0.0, 1.4 * top)  # the line sits inside, not on the edge
            # two ticks, zero and the largest rate: a short panel has no room for more, and that one is the setting
            self.lr_plot.getAxis("left").setTicks([[(0.0, "0"), (top, QLocale().toString(float(top), "g", 3))]])

    def _set_range(self, key: str, setter, low: float, high: float) -> None:
        self._ranges[key] = (low, high)
        setter(low, high, padding=0)

    def _plot(self, label: str, left_axis: pg.AxisItem | None = None) -> pg.PlotWidget:
        # the view follows the run: dragging would be undone next frame
        plot = still_plot(INK, label, axes={"bottom": StepAxis()} | ({"left": left_axis} if left_axis else {}))
        plot.showGrid(x=True, y=True, alpha=0.12)
        plot.setMinimumHeight(70)
        plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        plot.getAxis("bottom").setStyle(showValues=False)  # the shared step values show on the lowest plot only
        return plot

    @staticmethod
    def _curve(plot: pg.PlotWidget, pen: QPen, name: str | None) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pen, name=name)
        plot.addItem(curve)  # (first: adding imposes the plot's own clipping and downsampling on the item)
        curve.setClipToView(True)  # only the steps in view are drawn ...
        curve.setDownsampling(auto=True, method="peak")  # ... at most a few per pixel, spikes kept
        return curve

    def _marker_label(self, name: str) -> str:
        kind, quantity = name.split("_")
        words = {"train": self.tr("train"), "test": self.tr("test")}[kind]
        return words if quantity == "acc" else self.tr("{0}, epoch").format(words)

    def _markers(self, name: str) -> pg.PlotDataItem:
        """Values measured at epoch ends, as dots joined by lines: blue for training, orange for test."""
        kind, quantity = name.split("_")
        colour = TRAIN if kind == "train" else TEST
        label = self._marker_label(name)
        item = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbolBrush=colour, name=label, **MARKER)
        (self.accuracy_plot if quantity == "acc" else self.loss_plot).addItem(item)
        return item
