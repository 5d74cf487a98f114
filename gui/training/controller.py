"""The GUI's handle on training runs: starts a worker with a frozen copy of the project, sends
it typed commands (core.run.messages), and turns the current run's messages into Qt signals.

Each run gets a `RunHandle` (its worker, thread and generation). Only the current handle's
messages reach the signals; a stopped run's handle is retired without waiting: it is told to
stop, disconnected, and dropped once its thread has finished; a child process that does not
end within KILL_AFTER_MS is killed from a timer. Nothing here blocks the GUI thread, except
`wait_stopped`, which is for the application's exit and for tests.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core.run import messages as m
from gui.training.pacer import SnapshotPacer
from gui.training.worker import ProcessWorker, SpareProcess, TrainingWorker, WorkerThread

KILL_AFTER_MS = 3000  # a child process still alive this long after Stop is killed
SPARE_AFTER_MS = 2000  # a new spare process starts this long after a run is ready, not beside its start-up


class RunHandle(QObject):
    """One run: its worker, its thread, its generation; relays its messages while it is current."""

    def __init__(self, controller: TrainingController, worker, generation: int):
        super().__init__()  # Python owns it: the controller drops it once its thread has finished
        self.controller, self.worker, self.generation = controller, worker, generation
        self.current, self.ended = True, False
        worker.message.connect(self._message)
        self.thread = WorkerThread(worker)
        self.thread.finished.connect(self._finished)
        self.killer = QTimer(self, singleShot=True, interval=KILL_AFTER_MS)
        self.killer.timeout.connect(self.worker_kill)
        self.thread.launch()

    def send(self, command: m.Command) -> None:
        self.worker.send(command)

    def retire(self) -> None:
        """Tell the run to stop and forget it; it goes away by itself once its thread ends."""
        self.current = False
        if self.ended:
            return
        self.controller._retiring.add(self)
        self.worker.send(m.Stop())
        if isinstance(self.worker, ProcessWorker):
            self.killer.start()

    def wait(self, deadline: float) -> bool:
        """Block until the run has ended or `deadline` (time.monotonic()) passes, killing a child
        process still alive then. For the application's exit and tests only."""
        if isinstance(self.worker, ProcessWorker) and self.worker.process.pid is not None:
            self.worker.process.join(max(0.0, deadline - time.monotonic()))
            self.worker.kill()
        ended = self.thread.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        if ended:
            self._finished()
        return ended

    @Slot()
    def worker_kill(self) -> None:
        self.worker.kill()

    @Slot(object)
    def _message(self, message: m.Message) -> None:
        if isinstance(message, m.RunEnded):  # a stopped run's last words still reach the run list
            if message.generation == self.generation:
                self.controller.run_ended.emit(message)
            return
        if self.current and message.generation == self.generation:
            self.controller._received(message)

    @Slot()
    def _finished(self) -> None:
        """The thread has finished (what is left of it ends at once): the controller may drop
        this handle, and with it the worker and the thread, the next time it tidies up."""
        if self.ended:
            return
        self.thread.wait()
        self.ended = True
        self.killer.stop()
        QTimer.singleShot(0, self.controller._tidy)


class TrainingController(QObject):
    snapshot = Signal(object)  # core.run.session.Snapshot of the current run
    state_changed = Signal(str)  # "idle", "starting", "running", "paused", "finished", "stopped", "failed"
    diverged = Signal(str)
    reached = Signal(str)  # a Run For's epochs or goal were reached: paused by itself
    failed = Signal(str, str)  # message, details
    saved = Signal(str)
    device = Signal(str)
    landscape = Signal(object)  # LandscapeProgress, LandscapeDone or LandscapeFailed of the current run
    run_ended = Signal(object)  # core.run.messages.RunEnded of any run, current or being stopped
    parameter_set = Signal(object)  # core.run.messages.ParameterSet: a weight set by hand reached the model
    refused = Signal(str)  # why the run did not obey a command (a weight set while training ran)
    pretraining = Signal(object)  # PretrainProgress, PretrainDone or PretrainFailed of the current run

    def __init__(self, parent=None, in_process: bool = False):
        super().__init__(parent)
        self.in_process = in_process  # train in a child process instead of a thread
        self.run_handle: RunHandle | None = None
        self._retiring: set[RunHandle] = set()  # stopped runs whose thread has not finished yet
        self.project = None  # the project trained: its training settings reach the run as they change
        self.state = "idle"
        self.step = 0
        self.epoch = 0
        self.lr: float | None = None
        self.views: dict[str, dict] = {}  # the probes the open views want, sent to every new run
        self.stride: int | None = None
        self.pace = 0.0  # steps a second (0: full speed), sent to every new run
        self.spare: SpareProcess | None = None  # a process already importing torch, for the next run
        self.keep_spare = False  # once prestart() is called, every run that starts makes the next one's
        self.pacer = SnapshotPacer(self)  # snapshots reach `snapshot` as fast as the window can draw them
        self.pacer.ready.connect(self._show)

    @property
    def active(self) -> bool:
        """A model exists (running, paused or finished): editing the network would discard it."""
        return self.run_handle is not None and self.state not in ("stopped", "failed")

    @property
    def generation(self) -> int | None:
        return self.run_handle.generation if self.run_handle is not None else None

    @property
    def worker(self):
        """The current run's worker (the thread worker's `session` is the live model, for tests)."""
        return self.run_handle.worker if self.run_handle is not None else None

    def start(self, project, data=None, weights=None, generation: int = 0) -> None:
        """Begin a fresh run (fresh weights, or the given ones) on a copy of the project; its
        training settings follow the project's `training_changed` event from now on."""
        self.shutdown()
        trained = project.copy()
        trained.steps = ()  # a run is not a lesson, and a lesson's steps may name layers deleted since
        if self.in_process:
            worker = ProcessWorker(trained, data, weights, generation, self._take_spare())
        else:
            worker = TrainingWorker(trained, data, weights, generation)
        self.step = self.epoch = 0
        self.lr = None
        self.project = project
        project.training_changed.connect(self._training_changed)
        project.graph.node_changed.connect(self._node_changed)  # freezing keeps the model (core.train.freezing)
        self.run_handle = RunHandle(self, worker, generation)
        if self.stride is not None:
            self._send(m.SetStride(self.stride))
        if self.pace:
            self._send(m.SetPace(self.pace))
        if self.views:
            self._send(m.SetViews(self.views))

    def prestart(self) -> None:
        """Start a training process now, while the user looks at the canvas, and keep one ready
        after every run starts: Run then answers at once instead of waiting for PyTorch to load."""
        self.keep_spare = True
        if self.in_process and (self.spare is None or not self.spare.alive()):
            self.spare = SpareProcess()

    def release_spare(self) -> None:
        """The application ends: the waiting process is not needed."""
        self.keep_spare = False
        if self.spare is not None:
            self.spare.discard()
            self.spare = None

    def _take_spare(self) -> SpareProcess | None:
        spare, self.spare = self.spare, None
        return spare if spare is not None and spare.alive() else None

    def run(self, epochs: int = 0, until: m.Goal | None = None) -> None:
        """Train on; with `epochs` or `until`, the run pauses by itself when they are reached."""
        self._send(m.Run(epochs, until))

    def pause(self) -> None:
        self._send(m.Pause())

    def step_once(self, steps: int = 1) -> None:
        self._send(m.Step(steps))

    def set_training(self, config) -> None:
        """The whole training settings (core.train_config.TrainConfig); the run takes what can
        change live, the rest waits for the next run."""
        self._send(m.SetTraining(config))

    def set_data(self, data) -> None:
        """New samples for the running model (the user added points)."""
        self._send(m.SetData(data))

    def set_views(self, wanted: dict[str, dict]) -> None:
        """The probes (core.probes.registry) the open views want, with their options."""
        if wanted != self.views:
            self.views = dict(wanted)
            self._send(m.SetViews(self.views))

    def set_stride(self, steps: int) -> None:
        """Compute the views' probes every `steps` training steps."""
        self.stride = steps
        self._send(m.SetStride(steps))

    def set_pace(self, steps_per_second: float) -> None:
        """Slow motion: at most this many steps a second (0: as fast as the machine can)."""
        self.pace = steps_per_second
        self._send(m.SetPace(steps_per_second))

    def save(self, folder: str) -> None:
        self._send(m.Save(folder))

    def set_parameter(self, node: str, name: str, index: tuple[int, ...], value: float) -> bool:
        """Set one weight ("weight", (unit, input)) or bias ("bias", (unit,)) of the model; the run
        answers `parameter_set` or `refused`. False, and nothing sent, while training or pretraining
        runs or when there is no model."""
        if not self.active or self.state in ("running", "pretraining"):
            return False
        self._send(m.SetParameter(node, name, tuple(index), float(value)))
        return True

    def compute_landscape(self, request: int, options: m.LandscapeOptions) -> bool:
        """Ask the run for the loss landscape around its current weights; answers come through
        `landscape`. False when there is no model to ask."""
        if not self.active:
            return False
        self._send(m.ComputeLandscape(request, options))
        return True

    def cancel_landscape(self, request: int) -> None:
        self._send(m.CancelLandscape(request))

    def pretrain(self, epochs: int) -> None:
        """Pretrain the current model's hidden layers one after another (core.train.pretrain);
        answers come through `pretraining`."""
        self._send(m.Pretrain(epochs))

    def cancel_pretrain(self) -> None:
        self._send(m.CancelPretrain())

    def shutdown(self) -> None:
        """Stop the current run without waiting for it; its messages are dropped from now on."""
        if self.project is not None:
            self.project.training_changed.disconnect(self._training_changed)
            self.project.graph.node_changed.disconnect(self._node_changed)
            self.project = None
        handle, self.run_handle = self.run_handle, None
        self.pacer.clear()
        if handle is not None:
            handle.retire()
        if self.state != "idle":
            self.state = "idle"
            self.state_changed.emit("idle")

    def wait_stopped(self, timeout: float = 5.0) -> bool:
        """Block until every stopped run has ended (killing child processes that would not);
        True if all did. For the application's exit and for tests: never call it otherwise."""
        deadline = time.monotonic() + timeout
        ended = all([handle.wait(deadline) for handle in list(self._retiring)])
        self._tidy()
        return ended

    def _tidy(self) -> None:
        """Forget the stopped runs that have ended (never from a handle's own slot)."""
        self._retiring = {handle for handle in self._retiring if not handle.ended}

    def _restock(self) -> None:
        if self.keep_spare:
            self.prestart()

    def _send(self, command: m.Command) -> None:
        if self.run_handle is not None:
            self.run_handle.send(command)

    def _training_changed(self) -> None:
        if self.project is not None:
            self.set_training(self.project.training)

    def _node_changed(self, node_id: str, what: str) -> None:
        if what == "frozen" and self.project is not None:
            frozen = tuple(n.id for n in self.project.graph.nodes.values() if n.frozen)
            self._send(m.SetFrozen(frozen))

    def _show(self, shot) -> None:
        """A snapshot the pacer hands on: the counters follow what the window is shown."""
        self.step, self.epoch, self.lr = shot.step, shot.epoch, shot.lr
        self.snapshot.emit(shot)

    def _received(self, message: m.Message) -> None:
        """A message of the current run."""
        if not isinstance(message, m.Published):
            self.pacer.flush()  # what the run said before this reaches the window first
        match message:
            case m.Published(snapshot=shot):
                self.pacer.add(shot)
            case m.StateChanged(state=state):
                self.state = state
                self.state_changed.emit(state)
            case m.Diverged(text=text):
                self.diverged.emit(text)
            case m.Reached(text=text):
                self.reached.emit(text)
            case m.Failed(text=text, details=details):
                self.failed.emit(text, details)
            case m.Saved(folder=folder):
                self.saved.emit(folder)
            case m.ParameterSet():
                self.parameter_set.emit(message)
            case m.Refused(text=text):
                self.refused.emit(text)
            case m.Ready(device=device):
                self.device.emit(device)
                if self.keep_spare:
                    QTimer.singleShot(SPARE_AFTER_MS, self._restock)
            case m.LandscapeProgress() | m.LandscapeDone() | m.LandscapeFailed():
                self.landscape.emit(message)
            case m.PretrainProgress() | m.PretrainDone() | m.PretrainFailed():
                self.pretraining.emit(message)
