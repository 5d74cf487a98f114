"""The training dashboard: live curves, the decision boundary and the neuron
view side by side. The curves and the header follow every snapshot's metrics;
the boundary and the neurons are probes, wanted like any view's (tab 0 of the
view tabs) and so computed only while the dashboard is visible."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from core.data.catalog import Data
from core.probes.registry import ProbeFailed
from core.train_config import EVALUATION_SAMPLES
from gui.views.base import InsightView
from gui.views.dashboard.boundary import BoundaryView
from gui.views.dashboard.curves import TrainingCurves
from gui.views.dashboard.neurons import NeuronView
from gui.widgets.live_text import LiveText


def _int(value: int) -> str:
    return QLocale().toString(int(value))  # 1,234 in English, 1.234 in Spanish


def _num(value: float, decimals: int = -1) -> str:
    """3 significant digits (or `decimals` places) with the reader's decimal mark."""
    return QLocale().toString(float(value), "g", 3) if decimals < 0 else QLocale().toString(float(value), "f", decimals)


class Dashboard(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.curves = TrainingCurves()
        self.boundary = BoundaryView()
        self.neurons = NeuronView()
        # beside the boundary's controls, on two lines rather than a wider window; 30 updates a second
        self.counters = LiveText(self.tr("Not trained yet: press Run (F5)."))
        self.counters.setObjectName("counters")
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet("color: #b71c1c; background: #fff5f5; border: 1px solid #ef9a9a; padding: 4px")
        self.alert.hide()
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.curves, self.boundary, self.neurons):
            splitter.addWidget(widget)
        splitter.setSizes([500, 300, 400])
        self.user_sized = False  # once the user drags a divider, the widths are theirs
        splitter.splitterMoved.connect(lambda *_: setattr(self, "user_sized", True))
        top = QHBoxLayout()
        top.addWidget(self.counters, 1)
        top.addWidget(self.boundary.controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.alert)
        layout.addWidget(splitter, 1)
        self.data: Data | None = None
        self._latest = None  # the last epoch's evaluation (core.train.records.EpochRecord), for the header
        # the neurons are drawn a turn of the event loop after the boundary: each repaints in its own
        # turn, so a key press waits for one of them at most (bench/gui_latency.py)
        self._neurons_waiting = None
        self._neurons_later = QTimer(self, singleShot=True, interval=0)
        self._neurons_later.timeout.connect(self._show_neurons)

    def show_data(self, data: Data) -> None:
        """The dataset before (or between) runs: its points on the plane, empty curves."""
        self.data = data
        self.curves.set_accuracy_available(bool(data.num_classes))
        self.curves.set_reconstruction(data.reconstructs)
        train, test = len(data.x_train), len(data.x_test)
        self.curves.set_evaluated_on((min(train, EVALUATION_SAMPLES), train), (min(test, EVALUATION_SAMPLES), test))
        for widget in (self.boundary, self.boundary.controls, self.neurons):
            widget.setVisible(data.is_2d)
        if data.is_2d:
            self.boundary.show_data(data)
            QTimer.singleShot(0, self.fit_boundary)  # once the panels are laid out

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_boundary()

    def fit_boundary(self) -> None:
        """The boundary's plane is square: give its panel the width that makes its plot square, so no
        empty bands sit beside it, and share the rest between the curves and the neurons (5 to 4)."""
        if self.user_sized or not self.boundary.isVisible():
            return
        total = sum(self.splitter.sizes())
        plot = self.boundary.plot
        axis = plot.getAxis("left").width() + 12  # the plot's own margins beside the square
        side = plot.height() - plot.getAxis("bottom").height() - 12
        width = min(max(side + axis, 160), total // 2)
        rest = total - width
        if self.neurons.isVisible():
            self.splitter.setSizes([rest * 5 // 9, width, rest - rest * 5 // 9])
        else:
            self.splitter.setSizes([rest, width, 0])

    def begin(self, data: Data) -> None:
        """A new run: empty curves, the data's points, the network's neurons laid out on the first snapshot."""
        self.curves.clear()
        self.show_data(data)
        self.alert.hide()
        self._drop_neurons()
        self.neurons.forget()
        self._latest = None
        self.counters.setText(self.tr("Starting…"))

    def show_snapshot(self, shot) -> None:
        finite = np.isfinite(shot.losses)  # a diverging run's last losses cannot be drawn
        if finite.any():
            self.curves.add_steps(shot.steps[finite], shot.losses[finite], shot.lrs[finite])
        for r in shot.evaluations:
            if np.isfinite([r.train_loss, r.test_loss]).all():
                percent = [None if a is None else 100 * a for a in (r.train_acc, r.test_acc)]
                self.curves.add_evaluation(r.step, r.train_loss, r.test_loss, *percent, epoch=r.epoch)
                self._latest = r
        self.counters.setText(
            self.tr("epoch {0} · step {1} · learning rate {2}").format(shot.epoch, _int(shot.step), _num(shot.lr))
            + self._figures()
        )

    def _figures(self) -> str:
        """The last evaluation's numbers, named with the epoch they belong to."""
        r = self._latest
        if r is None:
            return ""
        text = self.tr("   —   after epoch {0}: loss {1} train, {2} test").format(
            r.epoch, _num(r.train_loss), _num(r.test_loss)
        )
        if r.train_acc is not None and r.test_acc is not None:
            text += self.tr(" · accuracy {0}% train, {1}% test").format(
                _num(100 * r.train_acc, 1), _num(100 * r.test_acc, 1)
            )
        return text

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"boundary": {}, "neurons": {}} if self.data is not None and self.data.is_2d else {}

    def set_context(self, project, data) -> None:
        self.data = data

    def show_insights(self, insights: dict[str, object]) -> None:
        surface = insights.get("boundary")
        if isinstance(surface, ProbeFailed):
            self.show_alert(self.tr("The decision boundary could not be drawn: {0}").format(surface.message))
        elif surface is not None:
            self.boundary.show_surface(surface)
        neurons = insights.get("neurons")
        if isinstance(neurons, ProbeFailed):
            self._drop_neurons()
            self.neurons.forget()
            self.neurons.show_message(self.tr("The neurons could not be drawn: {0}").format(neurons.message))
        elif neurons is not None:
            self._neurons_waiting = neurons
            self._neurons_later.start()

    def _show_neurons(self) -> None:
        neurons, self._neurons_waiting = self._neurons_waiting, None
        if neurons is not None:
            self.neurons.show_neurons(neurons)

    def _drop_neurons(self) -> None:
        """The neurons waiting to be drawn belong to a model that is gone."""
        self._neurons_later.stop()
        self._neurons_waiting = None

    def show_alert(self, text: str) -> None:
        self.alert.setText(f"⚠  {text}")
        self.alert.show()

    def clear_model(self, data: Data | None) -> None:
        """The model is gone: no curves, no header figures, no boundary or neurons of it; the data's points stay."""
        self.curves.clear()
        self.alert.hide()
        self.boundary.clear_surface()
        self._drop_neurons()
        self.neurons.show_message(self.tr("The neurons appear when the network trains."))
        self.neurons.forget()
        self._latest = None
        self.counters.setText(self.tr("Not trained yet: press Run (F5)."))
        if data is not None:
            self.show_data(data)
