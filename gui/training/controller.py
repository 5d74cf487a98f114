"""The GUI's handle on a training run: starts the worker thread with a frozen
copy of the project, forwards the run controls, and shuts the thread down
cleanly (also when the window closes mid-run)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from gui.training.worker import ProcessWorker, TrainingWorker, start_worker


class TrainingController(QObject):
    snapshot = Signal(object)
    state_changed = Signal(str)
    diverged = Signal(str)
    failed = Signal(str, str)
    saved = Signal(str)
    device = Signal(str)

    def __init__(self, parent=None, in_process: bool = False):
        super().__init__(parent)
        self.in_process = in_process  # train in a child process instead of a thread
        self.worker: TrainingWorker | ProcessWorker | None = None
        self.thread: QThread | None = None
        self.state = "idle"
        self.step = 0
        self.epoch = 0
        self.lr: float | None = None
        self.views: dict[str, dict] = {}  # the probes the open views want, sent to every new worker
        self.stride: int | None = None
        self._retired: list = []  # workers whose thread outlived shutdown's wait: kept alive until the app ends

    @property
    def active(self) -> bool:
        """A model exists (running, paused or finished): editing the network would discard it."""
        return self.worker is not None and self.state not in ("stopped", "failed")

    def start(self, project, data=None, weights=None) -> None:
        """Begin a fresh run (fresh weights, or the given ones) on a copy of the project."""
        self.shutdown()
        self.worker = (ProcessWorker if self.in_process else TrainingWorker)(project.copy(), data, weights)
        self.worker.snapshot.connect(self._snapshot)
        self.worker.state_changed.connect(self._state)
        self.worker.diverged.connect(self.diverged)
        self.worker.failed.connect(self.failed)
        self.worker.saved.connect(self.saved)
        self.worker.ready.connect(self.device)
        self.step = self.epoch = 0
        self.thread = start_worker(self.worker)
        if self.stride is not None:
            self._send("stride", self.stride)
        if self.views:
            self._send("views", self.views)

    def run(self) -> None:
        self._send("run")

    def pause(self) -> None:
        self._send("pause")

    def step_once(self, steps: int = 1) -> None:
        self._send("step", steps)

    def set_lr(self, lr: float) -> None:
        self._send("lr", lr)

    def set_data(self, data) -> None:
        """New samples for the running model (the user added points)."""
        self._send("data", data)

    def set_views(self, wanted: dict[str, dict]) -> None:
        """The probes (core.probes.registry) the open views want, with their options."""
        if wanted != self.views:
            self.views = dict(wanted)
            self._send("views", self.views)

    def set_stride(self, steps: int) -> None:
        """Compute the views' probes every `steps` training steps."""
        self.stride = steps
        self._send("stride", steps)

    def save(self, folder: str) -> None:
        self._send("save", folder)

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the worker and wait for its thread; True if it ended in time."""
        ended = True
        if self.worker is not None:
            self.worker.send("stop")
            for signal in (
                self.worker.snapshot,
                self.worker.state_changed,
                self.worker.diverged,
                self.worker.failed,
                self.worker.saved,
                self.worker.ready,
            ):
                signal.disconnect()  # a worker being retired must not speak to the window any more
        if self.thread is not None:
            self.thread.quit()
            ended = self.thread.wait(timeout_ms)
            if not ended:
                self._retired.append((self.worker, self.thread))
        self.worker = self.thread = None
        self.state = "idle"
        self.state_changed.emit("idle")
        return ended

    def _send(self, *command) -> None:
        if self.worker is not None:
            self.worker.send(*command)

    def _snapshot(self, shot) -> None:
        if self.sender() is not self.worker:
            return  # queued before a stopped run's signals were disconnected: it belongs to that run
        self.step, self.epoch, self.lr = shot.step, shot.epoch, shot.lr
        self.snapshot.emit(shot)

    def _state(self, state: str) -> None:
        if self.sender() is not self.worker:
            return
        self.state = state
        self.state_changed.emit(state)
