"""A lesson's series of runs ("series" in core.lesson_steps): one fresh run per entry, trained
one after another, then overlaid in the Runs dock.

A comparison ("SGD, momentum, Adam"; "lr 0.01, 0.1, 1") is the point of half the training
lessons, and making its runs by hand costs a class minutes of clicking. Before each run the
series sets what its entry names (one undo step, so Back takes it away), throws the previous
model away and trains a new one to the project's epochs; the Runs dock keeps each run as it
ends, named by what changed. At the end only the series' runs are ticked, so the overlay shows
exactly the comparison.

The usual controls stay in charge: Pause pauses the series with its run (Run goes on), Reset
Weights, the Stop button here, another step, another project or closing the window stop it:
the run being trained is stopped (and kept, marked stopped, like any stopped run) and no
further run starts. A run whose loss stops being a number is stopped and the series goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.lesson_steps import BYPASS, Action
from core.network.bypass import bypassed
from core.network.graph import GraphError
from core.words import number
from gui.editor.commands import Macro, become_command


def entry_text(entry: tuple[Action, ...]) -> str:
    """An entry's settings the way the Runs dock names them: "optimizer adam, lr 0.01"."""
    words = [
        QCoreApplication.translate("Series", "without {0}").format(", ".join(a.value))
        if a.kind == BYPASS
        else f"{a.target.removeprefix('training.')} {_value(a.value)}"
        for a in entry
    ]
    return ", ".join(words) or QCoreApplication.translate("Series", "the settings as they are")


def _value(value) -> str:
    return number(value) if isinstance(value, float) else str(value)


class Series(QObject):
    progress = Signal(str)  # what the series is doing, for the lesson panel; "" when none runs
    running_changed = Signal(bool)

    def __init__(self, guide):
        super().__init__(guide)
        self.guide = guide
        self.window = guide.window
        self.entries: tuple[tuple[Action, ...], ...] = ()
        self.index = -1
        self.generation: int | None = None  # the model the series trains now
        self.generations: list[int] = []  # every model the series trained, for ticking its runs
        self.network = None  # the network as the series found it, when its runs take layers out
        self.busy = False  # the series itself is replacing the model: its resets are not a Stop
        self.waiting = False  # for the data of an entry that changed the dataset
        controller = self.window.run_controls.controller
        controller.run_ended.connect(self._run_ended)
        controller.state_changed.connect(self._state)
        controller.diverged.connect(self._diverged)
        document = self.window.document
        document.model_reset.connect(self._model_reset)
        document.data_loaded.connect(self._data_loaded)

    @property
    def active(self) -> bool:
        return bool(self.entries)

    def start(self, entries: tuple[tuple[Action, ...], ...]) -> None:
        self.stop()
        self.entries, self.index, self.generations = tuple(entries), -1, []
        reshapes = any(a.kind == BYPASS for entry in entries for a in entry)
        self.network = self.window.document.project.graph.copy() if reshapes else None  # each run's start
        self.running_changed.emit(True)
        self._next()

    def stop(self, why: str = "") -> None:
        """No further run starts; the run being trained is stopped (the Runs dock keeps it, stopped)."""
        if not self.active:
            return
        self.entries, self.waiting = (), False
        controller = self.window.run_controls.controller
        if controller.active and controller.generation == self.generation:
            self.busy = True
            try:
                self.window.run_controls.reset()
            finally:
                self.busy = False
        self.generation = None
        self.progress.emit(why)
        self.running_changed.emit(False)

    def stop_by_user(self) -> None:
        if self.active:
            self.stop(self._where(self.tr("The series was stopped at run %1 of %2.")))

    # ---- the runs ------------------------------------------------------------------------------

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.entries):
            self._done()
            return
        w = self.window
        self.busy = True
        try:
            self.generation = None
            if w.run_controls.controller.active:
                w.document.reset_model()  # the run before ended and is kept: a fresh model for this one
            entry = self.entries[self.index]
            try:
                edits = self._reshape(entry) + self.guide.edits([a for a in entry if a.kind == "set"])
            except GraphError as err:  # the user deleted a layer the series takes out
                self.stop(self._where(self.tr("The series stopped at run %1 of %2:")) + f" {err}")
                return
            if edits:
                title = self.tr("Lesson step %1, run %2 of the series")
                title = title.replace("%1", str(self.guide.index + 1)).replace("%2", str(self.index + 1))
                w.document.push(Macro(title, edits))
        finally:
            self.busy = False
        if self.guide.loading or w.document.data is None:
            self.waiting = True  # the entry changed the dataset: train once it has loaded
            self._say(self.tr("loading its data"))
            return
        self._train()

    def _reshape(self, entry: tuple[Action, ...]) -> list:
        """The network of this run: the series' own, without the layers the entry names."""
        if self.network is None:
            return []
        without = [node_id for a in entry if a.kind == BYPASS for node_id in a.value]
        return become_command(self.window.document.project.graph, bypassed(self.network, without))

    def _train(self) -> None:
        controls = self.window.run_controls
        self.busy = True
        try:
            started = controls._ensure_started()
        finally:
            self.busy = False
        if not started:
            why = self.tr("The series stopped at run %1 of %2: the network cannot train (see the status bar).")
            self.stop(self._where(why))
            return
        self.generation = controls.controller.generation
        self.generations.append(self.generation)
        controls.controller.run()  # to the project's epochs: the run then ends "finished"
        self._say("")

    def _done(self) -> None:
        w, count = self.window, len(self.entries)
        self.entries, self.generation = (), None
        panel = w.runs
        numbers = [run.number for run in panel.runs.runs if run.generation in self.generations]
        panel.tick_only(numbers)
        w.runs_dock.show()
        w.runs_dock.raise_()
        self.progress.emit(self.tr("The series is done: %1 runs, overlaid in the Runs tab.").replace("%1", str(count)))
        self.running_changed.emit(False)

    def _say(self, doing: str) -> None:
        entry = entry_text(self.entries[self.index])
        text = self._where(self.tr("Series: run %1 of %2")) + f" · {entry}"
        self.progress.emit(text + (f" ({doing})" if doing else ""))

    def _where(self, text: str) -> str:
        return text.replace("%1", str(self.index + 1)).replace("%2", str(len(self.entries) or self.index + 1))

    # ---- what the run and the window say ------------------------------------------------------------

    def _run_ended(self, message) -> None:
        if not self.active or self.generation is None or message.generation != self.generation:
            return
        if message.state == "finished":
            self.generation = None
            QTimer.singleShot(0, self, self._next)  # after the run's own "finished" has reached the window
        # a "stopped" run of ours: the reset that stopped it has already stopped the series

    def _state(self, state: str) -> None:
        if not self.active or self.busy or self.generation is None:
            return
        if state == "paused":
            self._say(self.tr("paused: Run (F5) goes on"))
        elif state == "running":
            self._say("")
        elif state in ("idle", "stopped", "failed"):  # closed, shut down or failed under the series
            self.stop(self._where(self.tr("The series was stopped at run %1 of %2.")))

    def _diverged(self, text: str) -> None:
        """A run whose loss is no longer a number is kept as stopped; the series goes on."""
        if self.active and self.generation is not None:
            self.generation = None
            QTimer.singleShot(0, self, self._next)

    def _model_reset(self, generation: int) -> None:
        if self.active and not self.busy and not self.waiting:
            self.stop(self._where(self.tr("The series was stopped at run %1 of %2.")))

    def _data_loaded(self, data) -> None:
        if self.active and self.waiting:
            self.waiting = False
            self._train()


class SeriesBar(QWidget):
    """The series' progress in the lesson panel, with a button that stops it."""

    def __init__(self, series: Series, parent=None):
        super().__init__(parent)
        self.series = series
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #0d47a1")
        self.stop_button = QPushButton()
        self.stop_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stop_button.clicked.connect(series.stop_by_user)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 0, 10, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.stop_button)
        self.retranslate()
        series.progress.connect(self.show_progress)
        series.running_changed.connect(self.stop_button.setVisible)
        self.stop_button.hide()
        self.hide()

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop the series"))
        self.stop_button.setToolTip(self.tr("Stop the run being trained; no further run of the series starts"))

    def show_progress(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))
