"""The Seeds dock: "how often does this network work?", answered by training many seeds at once.

One run of a small network says little: it may fold the plane for one seed and collapse for the
next. Train N seeds here (core.train.seeds, vectorised, in the background) and the final test
accuracies appear as a strip, one dot per seed, with the share that reached the chosen level; the
seeds that got stuck are drawn in orange. Click a dot, then "Restore seed", to put that seed in
the Training settings (undoably) and its trained weights in a paused model. The strip belongs
to the project as it was trained: any change to the project clears it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from gui import tasks

INK, GOOD, STUCK, CHOSEN = "#333333", "#1f77b4", "#ff7f0e", "#d62728"


class SeedsPanel(QWidget):
    message = Signal(str)

    def __init__(self, window=None, parent=None):
        super().__init__(parent)
        self.window = window
        self.task = None
        self.result = None
        self.project = None  # the copy that was trained
        self.chosen: int | None = None  # index into result.results

        self.count = QSpinBox(minimum=2, maximum=200, value=20, suffix=self.tr(" seeds"))
        self.count.setToolTip(self.tr("How many copies of the network to train, with seeds 0, 1, 2 …"))
        self.level = QSpinBox(minimum=1, maximum=100, value=95, suffix=" %", prefix=self.tr("works at ≥ "))
        self.level.setToolTip(self.tr("The test accuracy a seed must reach to count as working"))
        self.level.valueChanged.connect(lambda _: self.redraw())
        self.train_button = QPushButton(self.tr("Train seeds"), clicked=self.train)
        self.cancel_button = QPushButton(self.tr("Cancel"), clicked=self.cancel, enabled=False)
        self.restore_button = QPushButton(self.tr("Restore seed"), clicked=self.restore, enabled=False)
        self.restore_button.setToolTip(
            self.tr("Set the training seed to the chosen dot's and load its trained weights, paused")
        )
        self.summary = QLabel(self.tr("Train many seeds of the network at once to see how often it works."))
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.count, self.level, self.train_button, self.cancel_button, self.restore_button):
            row.addWidget(widget)
        row.addStretch(1)

        self.plot = pg.PlotWidget(background="w")
        self.plot.setLabel("left", "final test accuracy %", color=INK)
        self.plot.hideAxis("bottom")  # the spread sideways is only there so dots do not hide each other
        self.plot.setMaximumWidth(420)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.dots = pg.ScatterPlotItem(size=11, hoverable=True, tip=self._tip)
        self.dots.sigClicked.connect(self._clicked)
        self.plot.addItem(self.dots)
        self.line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#9e9e9e", style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.line)
        self.good_brush, self.stuck_brush = pg.mkBrush(GOOD), pg.mkBrush(STUCK)  # built once (DESIGN.md)
        self.chosen_pen, self.plain_pen = pg.mkPen(CHOSEN, width=3), pg.mkPen("w", width=1)

        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        below = QHBoxLayout()
        below.addWidget(self.plot, 1)
        below.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(row)
        layout.addLayout(below, 1)
        QApplication.instance().aboutToQuit.connect(self.cancel)  # the seeds stop after their epoch
        if window is not None:
            window.document.project_changed.connect(self.clear)
            window.document.project_opened.connect(lambda _: self.clear())
        self.clear()

    # ---- training ------------------------------------------------------------------------------

    def train(self) -> None:
        document = self.window.document if self.window is not None else None
        if document is None or document.data is None:
            self.message.emit(self.tr("The dataset is not loaded yet: see the Dataset tab"))
            return
        from core.train.seeds import SeedsError, check_many

        project, data, seeds = document.project.copy(), document.data, list(range(self.count.value()))
        try:
            check_many(project)
        except SeedsError as err:
            self.summary.setText(f"⚠  {err}")
            return
        self.cancel()
        self.clear()
        self.project = project
        self.summary.setText(self.tr("Training {0} seeds of this network together…").format(len(seeds)))
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

        def work(task):
            import torch

            from core.train.seeds import train_seeds

            torch.set_num_threads(1)  # per thread: the GUI keeps the other core
            return train_seeds(project, seeds, data=data, progress=lambda done, total: _report(task, done, total))

        self.task = tasks.start(work, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _progress(self, done, total) -> None:
        self.summary.setText(
            self.tr("Training {0} seeds together: epoch {1} of {2}…").format(self.count.value(), done, total)
        )

    def _done(self, task, result) -> None:
        if task is not self.task:
            return  # cancelled, or the project changed meanwhile
        self.task = None
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.result = result
        self.redraw()

    def _failed(self, task, text: str, details: str) -> None:
        if task is not self.task:
            return
        self.cancel()
        self.summary.setText(self.tr("⚠  The seeds could not be trained: {0}").format(text))

    # ---- drawing ---------------------------------------------------------------------------------

    def clear(self) -> None:
        """The project changed: the strip showed another network's seeds."""
        if self.task is not None:
            self.cancel()
        self.result = self.project = None
        self.chosen = None
        self.dots.setData([], [])
        self.line.hide()
        self.restore_button.setEnabled(False)
        self.summary.setText(self.tr("Train many seeds of the network at once to see how often it works."))

    def redraw(self) -> None:
        result = self.result
        if result is None:
            return
        accuracy = 100 * result.accuracies()
        if np.isnan(accuracy).all():
            self.summary.setText(self.tr("This network is a regression: there is no accuracy to compare across seeds."))
            return
        level = self.level.value()
        good = accuracy >= level
        rng = np.random.default_rng(0)  # the same jitter every time: dots do not jump on a redraw
        x = rng.uniform(-0.6, 0.6, len(accuracy))
        pens = [self.chosen_pen if i == self.chosen else self.plain_pen for i in range(len(accuracy))]
        brushes = [self.good_brush if g else self.stuck_brush for g in good]
        self.dots.setData(x, accuracy, brush=brushes, pen=pens, data=list(range(len(accuracy))))
        self.line.setPos(level)
        self.line.show()
        self.plot.setXRange(-1, 1, padding=0)
        self.plot.setYRange(0, 100, padding=0.06)
        stuck = [r.seed for r, g in zip(result.results, good, strict=True) if not g]
        shown = ", ".join(str(s) for s in stuck[:12]) + (" …" if len(stuck) > 12 else "")
        loc = QLocale()
        self.summary.setText(
            self.tr(
                "<b>{0} of {1} seeds</b> reached {2}% test accuracy after {3} epochs "
                "({4} s for all of them, trained together)."
            ).format(int(good.sum()), len(good), level, result.epochs, loc.toString(result.seconds, "f", 1))
            + (self.tr("<p>Stuck (orange): seeds {0}.</p>").format(shown) if stuck else "")
            + self.tr("<p>Click a dot to choose its seed, then Restore seed to train on from its weights.</p>")
        )

    def _tip(self, x, y, data):
        seed = self.result.results[int(data)].seed if self.result is not None else data
        return self.tr("seed {0}: {1}% test accuracy").format(seed, QLocale().toString(float(y), "f", 1))

    def _clicked(self, item, points, event=None) -> None:
        if not len(points) or self.result is None:
            return
        self.chosen = int(points[0].data())
        self.restore_button.setEnabled(self.window is not None)
        self.restore_button.setText(self.tr("Restore seed {0}").format(self.result.results[self.chosen].seed))
        self.redraw()

    def choose(self, index: int) -> None:
        """Choose the seed at `index` of the results, as a click on its dot does."""
        self._clicked(None, [self.dots.points()[index]])

    def restore(self) -> None:
        """The chosen seed in the Training settings (one undo step) and its weights in a paused model."""
        if self.result is None or self.chosen is None or self.window is None:
            return
        import torch

        from gui.editor.commands import SetTraining

        run = self.result.results[self.chosen]
        controls, document = self.window.run_controls, self.window.document
        if not controls.guard():
            return
        weights = {k: torch.as_tensor(v) for k, v in run.weights.items()}
        result, chosen, project = self.result, self.chosen, self.project
        if document.project.training.seed != run.seed:
            document.push(SetTraining(document.project, "seed", run.seed))  # clears this strip
        # the strip stays: the project is the one trained, the seed one of those drawn
        self.result, self.chosen, self.project = result, chosen, project
        self.restore_button.setEnabled(True)
        self.redraw()
        controls.start_when_loaded(weights)
        self.message.emit(self.tr("Seed {0} restored: its weights wait, paused").format(run.seed))


def _report(task, done: int, total: int) -> bool:
    task.report(done, total)
    return not task.cancelled
