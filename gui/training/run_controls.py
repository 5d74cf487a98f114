"""Run, Pause, Step and Reset: the actions that start and steer a training run,
and what the window shows when a run diverges or fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from core.network.fit import data_problems
from core.network.graph import infer
from gui.document import Document
from gui.i18n import keep
from gui.training.controller import TrainingController
from gui.training.dashboard import Dashboard
from gui.training.run_for import RunForDialog
from gui.training.settings_panel import TrainingSettings
from gui.training.speed import SpeedControl


class RunControls(QObject):
    message = Signal(str)  # for the status bar
    run_started = Signal()  # a new model began training: the window shows the training dock

    def __init__(self, window, document: Document):
        super().__init__(window)
        self.window, self.document = window, document
        self._pending_weights = None  # a reopened run's weights, used once its dataset has loaded
        self._run_when_loaded = False  # Run was pressed while the dataset was loading
        self.run_for_dialog: RunForDialog | None = None
        # a child process trains at full speed beside the GUI's painting (bench/training_overhead.py)
        self.controller = TrainingController(self, in_process=True)
        self.dashboard = Dashboard()
        self.device_label = QLabel()
        self._device: str | None = None  # the trainer's device once a run has chosen it
        keep(self._show_device, "RunControls", QT_TRANSLATE_NOOP("RunControls", "device: not chosen yet"))
        keep(
            self.device_label.setToolTip,
            "RunControls",
            QT_TRANSLATE_NOOP(
                "RunControls", "Where training runs; choose it in the Training tab (auto: CUDA, then MPS, then CPU)"
            ),
        )
        self.settings = TrainingSettings()
        self.speed = SpeedControl()
        self.speed.pace_changed.connect(self.controller.set_pace)
        self.run_action = self._action(None, self.run_or_pause, "F5")  # Run or Pause: _state says which
        self.run_for_action = self._action(QT_TRANSLATE_NOOP("RunControls", "Run &For…"), self.run_for, "Shift+F5")
        self.step_action = self._action(QT_TRANSLATE_NOOP("RunControls", "&Step"), self.step, "F10")
        self.reset_action = self._action(QT_TRANSLATE_NOOP("RunControls", "Rese&t Weights"), self.reset, "Ctrl+F5")
        self.save_run_action = self._action(QT_TRANSLATE_NOOP("RunControls", "Save &Run…"), self.save_run, None)
        self.controller.snapshot.connect(self.dashboard.show_snapshot)
        self.controller.state_changed.connect(self._state)
        self.controller.diverged.connect(self._diverged)
        self.controller.reached.connect(lambda text: self.message.emit(self.tr("Paused by itself: {0}").format(text)))
        self.controller.failed.connect(self._failed)
        self.quiet_saves: set[str] = set()  # folders saved for the app's own use (a guided step's Back)
        self.controller.saved.connect(self._saved)
        self.controller.device.connect(self._device_chosen)
        document.project_opened.connect(self._project_opened)
        document.data_loaded.connect(self._data_loaded)
        document.model_reset.connect(self._model_reset)
        self._state("idle")

    def _action(self, text, slot, keys) -> QAction:
        action = QAction(self.window)
        if text is not None:
            keep(action.setText, "RunControls", text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    # ---- the controls ------------------------------------------------------------------

    def run_or_pause(self) -> None:
        if self.controller.state in ("running", "pretraining"):  # Pause stops pretraining, keeping what it did
            self.controller.pause()
        elif self.document.data is None and self.document.project.dataset:
            self._run_when_loaded = True
            self.message.emit(self.tr("The dataset is still loading: training starts as soon as it has loaded"))
        elif self._ensure_started():
            self.controller.run()

    def run_for(self) -> None:
        """Train a number of epochs, or until a metric reaches a value, then pause by itself."""
        data = self.document.data
        self.run_for_dialog = RunForDialog(self.window, classifies=data is None or data.num_classes > 0)
        self.run_for_dialog.accepted.connect(self._run_for_chosen)
        self.run_for_dialog.open()

    def _run_for_chosen(self) -> None:
        if self._after_pretraining(self._run_for_chosen):
            return
        if self.document.data is None:
            self.message.emit(self.tr("The dataset is not loaded yet: see the Dataset tab"))
        elif self._ensure_started():
            self.controller.run(*self.run_for_dialog.choice())

    def step(self) -> None:
        if self._after_pretraining(self.step):
            return
        if self.controller.state == "running":
            self.controller.pause()
        if self._ensure_started():
            self.controller.step_once()

    def _after_pretraining(self, action) -> bool:
        """While the layers are pretrained, training waits for the pretrained model (a new one):
        `action` is done then (gui.training.pretrain). False when nothing is being pretrained."""
        pretrain = getattr(self.window, "pretrain", None)
        if pretrain is None or not pretrain.busy:
            return False
        pretrain.then(action)
        return True

    def reset(self) -> None:
        """Throw the trained weights away; the next Run starts from a fresh initialisation."""
        self.document.reset_model()
        self.dashboard.counters.setText(self.tr("Weights reset: press Run (F5) to train from the start."))

    def start_when_loaded(self, weights, reloading: bool = False) -> None:
        """Begin a paused run from saved weights (a reopened run) once the project's data has loaded
        (`reloading`: the data shown is the previous dataset's, and the project's is on its way)."""
        if self.document.data is not None and not reloading:
            self._ensure_started(weights)
        else:
            self._pending_weights = weights

    def _ensure_started(self, weights=None) -> bool:
        if self.controller.active:
            return True
        project, data = self.document.project, self.document.data
        if data is None:
            self.message.emit(self.tr("The dataset is not loaded yet: see the Dataset tab"))
            return False
        inference = infer(project.graph)
        problems = inference.problems or data_problems(project.graph, inference, data, project.training)
        if problems:
            self.message.emit(self.tr("The network cannot train yet: {0}").format(problems[0]))
            return False
        self.document.reset_model()  # a new model: the views start afresh
        self.dashboard.begin(data)
        self.run_started.emit()
        self.controller.start(project, data, weights, self.document.generation)
        return True

    def guard(self) -> bool:
        """Before the network changes: a trained model would no longer fit it, so ask to stop."""
        if not self.controller.active:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Stop training?"),
            self.tr("Changing the network discards the model being trained. Stop training?"),
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        if answer != buttons.Yes:
            return False
        self.reset()
        return True

    def save_run(self) -> None:
        if not self.controller.active:
            self.message.emit(self.tr("Nothing trained yet to save"))
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Save the run into a folder"), str(Path.home()))
        if folder:
            self.controller.save(folder)

    def shutdown(self) -> None:
        self.controller.shutdown()

    # ---- the document -------------------------------------------------------------------

    def _saved(self, folder: str) -> None:
        if str(Path(folder)) not in self.quiet_saves:
            self.message.emit(self.tr("Saved the run to {0}").format(folder))

    def _device_chosen(self, device: str) -> None:
        self._device = device
        self._show_device(self.tr("device: not chosen yet"))

    def _show_device(self, not_chosen: str) -> None:
        """The device label in the current language (kept: a language switch calls it again)."""
        text = not_chosen if self._device is None else self.tr("device: {0}").format(self._device)
        self.device_label.setText(text)

    def _project_opened(self, project) -> None:
        self._pending_weights, self._run_when_loaded = None, False

    def _data_loaded(self, data) -> None:
        if self._pending_weights is not None:
            weights, self._pending_weights = self._pending_weights, None
            self._ensure_started(weights)
        elif self._run_when_loaded:
            self._run_when_loaded = False
            self.run_or_pause()
        elif self.controller.active and self.document.project.dataset == "points":
            self.controller.set_data(data)  # the model trains on with the points just added
            self.dashboard.boundary.show_data(data)
        elif self.controller.active:
            self.document.reset_model()  # another dataset (an undo, a redo): the model no longer belongs to it
        else:
            self.dashboard.show_data(data)

    def _model_reset(self, generation: int) -> None:
        """The model on screen is gone: stop its run and clear what showed it."""
        self.controller.shutdown()
        self.dashboard.clear_model(self.document.data)

    # ---- what comes back -------------------------------------------------------------------

    def _state(self, state: str) -> None:
        running = state in ("running", "pretraining")
        self.run_action.setText(self.tr("&Pause") if running else self.tr("&Run"))
        self.reset_action.setEnabled(state != "idle")
        self.save_run_action.setEnabled(state in ("paused", "finished"))
        if state == "finished":
            self.message.emit(self.tr("Training finished: Run trains as many epochs again"))

    def retranslate(self) -> None:
        """After a language change: the Run/Pause action, which says the state."""
        running = self.controller.state in ("running", "pretraining")
        self.run_action.setText(self.tr("&Pause") if running else self.tr("&Run"))

    def _diverged(self, text: str) -> None:
        self.dashboard.show_alert(
            self.tr("Training paused: {0}. Reset the weights (Ctrl+F5) to start again.").format(text)
        )
        self.message.emit(self.tr("Training paused: the loss is no longer a number"))

    def _failed(self, text: str, details: str) -> None:
        self.dashboard.show_alert(self.tr("Training stopped: {0}").format(text))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Training stopped"),
            self.tr("Training stopped: {0}").format(text),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setDetailedText(details)
        box.open()
