"""Training in a background thread.

`TrainingWorker` lives in its own QThread and drives a `core.session.Session`
step by step. Commands (run, pause, step, stop, learning rate, save) arrive
through a thread-safe queue and are read between steps; snapshots leave at
most SNAPSHOT_RATE times a second as plain numpy records. The GUI never
touches the worker's model.
"""

from __future__ import annotations

import queue
import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

SNAPSHOT_RATE = 30.0


class TrainingWorker(QObject):
    snapshot = Signal(object)  # core.session.Snapshot
    state_changed = Signal(str)  # "starting", "running", "paused", "finished", "stopped", "failed"
    diverged = Signal(str)
    failed = Signal(str, str)  # message, details
    saved = Signal(str)
    ready = Signal(str)  # the device it trains on

    def __init__(self, project, data=None, weights=None):
        super().__init__()
        self.project, self.data, self.weights = project, data, weights
        self.commands: queue.Queue = queue.Queue()
        self.session = None  # a core.session.Session, made in the worker's thread

    def send(self, *command) -> None:
        """Thread-safe: queue a command for the loop to read between steps."""
        self.commands.put(command)

    @Slot()
    def loop(self) -> None:
        import torch  # here, in the worker's thread: the window never waits for it

        from core.session import Session

        torch.set_num_threads(1)  # per thread: two intra-op threads beside the GUI slowed training 3-5x
        self.state_changed.emit("starting")
        try:
            self.session = Session(self.project, self.data, self.weights)
        except Exception as err:  # noqa: BLE001 - shown to the user with its details
            self.failed.emit(str(err), traceback.format_exc())
            self.state_changed.emit("failed")
            return
        self.ready.emit(str(self.session.trainer.device))
        self.snapshot.emit(self.session.snapshot(probes=True))
        self.state_changed.emit("paused")  # a model exists and waits for a command
        try:
            self._run()
        except Exception as err:  # noqa: BLE001
            self.failed.emit(str(err), traceback.format_exc())
            self.state_changed.emit("failed")

    def _run(self) -> None:
        from core.training import Diverged

        running, pending_steps, last = False, 0, time.perf_counter()
        while True:
            busy = running or pending_steps
            try:
                command = self.commands.get(block=not busy, timeout=None if busy else 0.25)
            except queue.Empty:
                command = None
            if command is not None:
                kind = command[0]
                if kind == "stop":
                    self.state_changed.emit("stopped")
                    return
                if kind == "run":
                    if self.session.finished:
                        self.session.extend()  # Run after the last epoch trains as many epochs again
                    running = True
                    self.state_changed.emit("running")
                elif kind == "pause":
                    running, pending_steps = False, 0
                    self.snapshot.emit(self.session.snapshot(probes=True))
                    self.state_changed.emit("paused")
                elif kind == "step":
                    pending_steps += command[1]
                elif kind == "lr":
                    self.session.trainer.set_lr(command[1])
                elif kind == "save":
                    self._save(command[1])
                continue
            if not busy:
                continue
            try:
                self.session.step()
            except Diverged as err:
                running, pending_steps = False, 0
                self.snapshot.emit(self.session.snapshot(probes=False))
                self.diverged.emit(str(err))
                self.state_changed.emit("paused")
                continue
            pending_steps = max(0, pending_steps - 1)
            finished = self.session.finished and running
            now = time.perf_counter()
            if now - last >= 1.0 / SNAPSHOT_RATE or not (running or pending_steps) or finished:
                last = now
                self.snapshot.emit(self.session.snapshot(probes=None if running else True))
            if finished:
                running = False
                self.state_changed.emit("finished")
            elif not running and not pending_steps:
                self.state_changed.emit("paused")

    def _save(self, folder: str) -> None:
        from core.runs import save_run

        try:
            save_run(folder, self.project, self.session.records, self.session.trainer.model)
        except OSError as err:
            self.failed.emit(f"cannot save the run to {folder}: {err.strerror or err}", traceback.format_exc())
            return
        self.saved.emit(folder)


def start_worker(worker: TrainingWorker) -> QThread:
    thread = QThread()
    thread.setObjectName("training")
    worker.moveToThread(thread)
    thread.started.connect(worker.loop)
    worker.state_changed.connect(lambda state: state in ("stopped", "failed") and thread.quit())
    thread.start(QThread.Priority.LowPriority)  # the GUI stays smooth when the machine is busy
    return thread
