"""Train → Pretrain Layer by Layer…: greedy autoencoder pretraining of the hidden dense layers
(core.train.pretrain), run where the model lives, then Run fine-tunes.

The action asks for the epochs per layer, refuses with a sentence a network that is not a chain
of dense layers, and shows each stage's progress on the status bar. Pause (F5) or the action
itself, while it runs, stops it; the stages done stay. The pretrained weights come back from the
training process and start as a new model (a new generation: every view forgets the weights from
before and shows these), paused, so Run fine-tunes them; the Runs dock names that run
"pretrained layer by layer". A guided step's {"pretrain": N} calls `begin`, and a later step's
training waits for the pretrained model (`then`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from core.run import messages as m
from core.train.pretrain import MAX_EPOCHS, PretrainError, pretrain_stages
from gui.i18n import keep

DEFAULT_EPOCHS = 20  # per layer: what lesson #13 measured (tests/core/test_pretrain.py)
START_TEXT = QT_TRANSLATE_NOOP("PretrainControls", "Pretrain &Layer by Layer…")
STOP_TEXT = QT_TRANSLATE_NOOP("PretrainControls", "Stop &Pretraining")


def _number(value: float, digits: int) -> str:
    """A reconstruction error as the reader's language writes numbers (0,005 in Spanish)."""
    return QLocale().toString(float(value), "g", digits)


class PretrainDialog(QDialog):
    """How many epochs each layer's autoencoder trains, with what will happen in one paragraph."""

    def __init__(self, parent, layers: list[str], epochs: int = DEFAULT_EPOCHS):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pretrain layer by layer"))
        self.about = about = QLabel(
            self.tr(
                "Each hidden layer in turn ({0}) learns to be the encoder of an autoencoder: a throwaway "
                "decoder rebuilds the layer's input from its output, and both train on the training set to "
                "make the rebuilt input match (mean squared error, Adam). Each layer learns from the codes of "
                "the layers before it. The output layer is left alone. Afterwards, Run fine-tunes the whole "
                "network on the labels."
            ).format(", ".join(layers))
        )
        about.setWordWrap(True)
        about.setMinimumWidth(420)
        self.epochs = QSpinBox(minimum=1, maximum=MAX_EPOCHS, value=epochs)
        self.epochs.setSuffix(self.tr(" epochs"))
        form = QFormLayout()
        form.addRow(self.tr("Each layer trains for"), self.epochs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pretrain"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(about)
        column.addLayout(form)
        column.addWidget(buttons)


class PretrainControls(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controls = window.run_controls
        self.controller = self.controls.controller
        self.document = window.document
        self.busy = False  # pretraining, until its weights run as the new model
        self.epochs = DEFAULT_EPOCHS
        self.stages = 0  # the layers the pretraining under way began with
        self.dialog: PretrainDialog | None = None
        self.pretrained: set[int] = set()  # the generations started from pretrained weights
        self._after: list[Callable[[], None]] = []  # what waits for the pretrained model (a lesson's Run)
        self._restarting = False
        self._said = ""  # the last words it put on the status bar
        self.action = QAction(window)
        keep(lambda _text: self._show_text(), "PretrainControls", START_TEXT)  # again at a language change
        keep(
            self.action.setToolTip,
            "PretrainControls",
            QT_TRANSLATE_NOOP(
                "PretrainControls",
                "Train the hidden layers one after another as autoencoders, then Run fine-tunes the network",
            ),
        )
        self.action.triggered.connect(self.start_or_stop)
        self.controller.pretraining.connect(self._answer)
        self.controller.run_ended.connect(self._run_ended)
        self.controller.state_changed.connect(self._run_state)
        self.document.model_reset.connect(self._model_reset)

    # ---- starting and stopping -----------------------------------------------------------------

    def start_or_stop(self) -> None:
        if self.busy:
            self.stop()
            return
        layers = self._layers()
        if layers is None:
            return
        self.dialog = PretrainDialog(self.window, layers, self.epochs)
        self.dialog.accepted.connect(lambda: self.begin(self.dialog.epochs.value()))
        self.dialog.open()

    def begin(self, epochs: int) -> bool:
        """Pretrain the model on screen (a fresh one when there is none), `epochs` per layer."""
        layers = None if self.busy else self._layers()
        if layers is None:
            return False
        if self.controller.state == "running":
            self.controller.pause()
        if not self.controls._ensure_started():
            return False
        self.epochs, self.busy = epochs, True
        self.stages = len(layers)  # counted now: a layer frozen meanwhile would make the network refuse
        self._show_text()
        self.controller.pretrain(epochs)
        self._say(self.tr("Pretraining layer by layer: starting"))
        return True

    def stop(self) -> None:
        """Stop pretraining; the layers done so far (and part of the current one) are kept."""
        if self.busy:
            self.controller.cancel_pretrain()

    def then(self, action: Callable[[], None]) -> None:
        """Do `action` once the pretrained weights run as the new model (at once when not pretraining)."""
        if self.busy:
            self._after.append(action)
        else:
            action()

    def forget_waiting(self) -> None:
        """What waited for the pretrained model is no longer wanted (a lesson went back a step)."""
        self._after = []

    def _layers(self) -> list[str] | None:
        """The layers it would pretrain; None (after saying why) when it cannot."""
        if self.document.data is None:
            self._say(self.tr("The dataset is not loaded yet: see the Dataset tab"))
            return None
        try:
            return [stage.dense for stage in pretrain_stages(self.document.project.graph)]
        except PretrainError as err:
            self._say(self.tr("Cannot pretrain layer by layer: {0}").format(err))
            return None

    # ---- what the run says ------------------------------------------------------------------------

    def _answer(self, message) -> None:
        match message:
            case m.PretrainProgress():
                text = self._progress_text(message)
                self._say(text)
                self.controls.dashboard.counters.setText(text)  # where the class looks while it waits
            case m.PretrainDone():
                self._done(message)
            case m.PretrainFailed(text=text):
                self._finish()
                self._after = []
                self._say(self.tr("Pretraining stopped: {0}").format(text))

    def _progress_text(self, p: m.PretrainProgress) -> str:
        return self.tr(
            "Pretraining layer {0} of {1} ({2}): epoch {3} of {4}, reconstruction error {5} (from {6})"
        ).format(p.stage, p.stages, p.layer, p.epoch, p.epochs, _number(p.loss, 4), _number(p.start_loss, 4))

    def _done(self, done: m.PretrainDone) -> None:
        """The pretrained weights become the model on screen: a new generation, paused."""
        self._restarting = True
        try:
            self.controller.shutdown()  # no step was trained: nothing for the Runs dock
            started = self.controls._ensure_started(done.weights)
        finally:
            self._restarting = False
        self._finish()
        if not started:
            self._after = []
            return
        self.pretrained.add(self.controller.generation)
        errors = ", ".join(f"{_number(a, 3)} → {_number(b, 2)}" for a, b in done.losses)
        if done.stopped:
            text = self.tr("Pretraining stopped after {0} of {1} layers; the model keeps what they learnt").format(
                done.stages, self.stages
            ) + self.tr(": press Run (F5) to fine-tune")
        else:  # what to do first: at 1280 wide the status bar cuts off the end of a long message
            text = self.tr("Pretrained {0} layers: press Run (F5) to fine-tune (reconstruction error {1})").format(
                done.stages, errors
            )
        self._say(text, 0)  # stays until the next message
        after, self._after = self._after, []
        for action in after:
            action()

    def _finish(self) -> None:
        self.busy = False
        self._show_text()

    def _model_reset(self, generation: int) -> None:
        """Another model (Reset, an edit, another project): a pretraining under way is forgotten."""
        if not self._restarting and self.busy:
            self._forget()

    def _forget(self) -> None:
        """The pretraining under way is gone with its run: nothing waits for it, and its progress
        leaves the status bar."""
        self._finish()
        self._after = []
        if self.window.statusBar().currentMessage() == self._said:  # its progress is of no model now
            self.window.statusBar().clearMessage()

    def _run_state(self, state: str) -> None:
        """The run ended under the pretraining (its process was killed, it failed): nothing will
        come back, so nothing waits for it."""
        if self.busy and not self._restarting and state in ("failed", "stopped", "idle"):
            self._forget()

    def _run_ended(self, message) -> None:
        """A run fine-tuned from pretrained weights gets its name in the Runs dock (if it has none)."""
        if message.generation not in self.pretrained:
            return
        panel = self.window.runs
        for run in panel.runs.runs:
            if run.generation == message.generation and not run.name:
                panel.runs.rename(run.number, self.tr("pretrained layer by layer"))
                panel.refresh()

    # ---- words ------------------------------------------------------------------------------------

    def _show_text(self) -> None:
        """The action starts pretraining, or stops it while it runs."""
        self.action.setText(QCoreApplication.translate("PretrainControls", STOP_TEXT if self.busy else START_TEXT))

    def _say(self, text: str, milliseconds: int = 10000) -> None:
        self._said = text
        self.window.statusBar().showMessage(text, milliseconds)
