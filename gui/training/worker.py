"""Training in the background, in a thread or in a child process.

Both workers run `core.run.loop` and look the same to the GUI: commands go in
through `send`, messages come out as Qt signals carrying plain records
(snapshots of numpy arrays and floats). The GUI never touches the model.

A thread shares the GIL with the GUI's painting, which costs a tiny network a
third of its speed; a child process trains at full speed but needs a second
or two to start (`bench/training_overhead.py` measures both).
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.run.loop import child_main, run_loop, start_session


class _Signals(QObject):
    snapshot = Signal(object)  # core.run.session.Snapshot
    state_changed = Signal(str)  # "starting", "running", "paused", "finished", "stopped", "failed"
    diverged = Signal(str)
    failed = Signal(str, str)  # message, details
    saved = Signal(str)
    ready = Signal(str)  # the device it trains on

    def publish(self, kind: str, *args) -> None:
        signal = {
            "state": self.state_changed,
            "snapshot": self.snapshot,
            "diverged": self.diverged,
            "failed": self.failed,
            "saved": self.saved,
            "ready": self.ready,
        }[kind]
        signal.emit(*args)


class TrainingWorker(_Signals):
    """Runs the loop in the QThread it is moved to; commands through a thread-safe queue."""

    def __init__(self, project, data=None, weights=None):
        super().__init__()
        self.project, self.data, self.weights = project, data, weights
        self.commands: queue.Queue = queue.Queue()
        self.session = None  # a core.run.session.Session, made in the worker's thread

    def send(self, *command) -> None:
        self.commands.put(command)

    @Slot()
    def loop(self) -> None:
        self.session = start_session(self.project, self.data, self.weights, self.publish)
        if self.session is not None:
            run_loop(self.session, self._next_command, self.publish)

    def _next_command(self, wait: bool) -> tuple | None:
        try:
            return self.commands.get(block=wait, timeout=0.25 if wait else None)
        except queue.Empty:
            return None


class ProcessWorker(_Signals):
    """Runs the loop in a child process; this object, in its QThread, relays the child's messages."""

    def __init__(self, project, data=None, weights=None):
        super().__init__()
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no Qt state is copied
        self.conn, child_end = context.Pipe()
        plain = None if weights is None else {k: v.detach().cpu().numpy() for k, v in weights.items()}
        self.process = context.Process(
            target=child_main, args=(child_end, project.to_dict(), data, plain), daemon=True, name="neurona-training"
        )
        self.session = None  # the session lives in the child

    def send(self, *command) -> None:
        try:
            self.conn.send(command)
        except (BrokenPipeError, OSError):
            pass  # the child has ended; its last messages already said why

    @Slot()
    def loop(self) -> None:
        try:
            self.process.start()
        except Exception as err:  # noqa: BLE001 - e.g. no process can be started here: say so
            self.publish("failed", f"cannot start the training process: {err}", traceback.format_exc())
            self.publish("state", "failed")
            return
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                self.process.join(5)  # the pipe closes before the child has finished exiting
                if self.process.exitcode not in (0, None):
                    self.publish(
                        "failed", f"the training process ended unexpectedly (code {self.process.exitcode})", ""
                    )
                    self.publish("state", "failed")
                break
            self.publish(*message)
            if message[0] == "state" and message[1] in ("stopped", "failed"):
                break
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()


def start_worker(worker: _Signals) -> QThread:
    thread = QThread()
    thread.setObjectName("training")
    worker.moveToThread(thread)
    thread.started.connect(worker.loop)
    worker.state_changed.connect(lambda state: state in ("stopped", "failed") and thread.quit())
    thread.start(QThread.Priority.LowPriority)  # the GUI stays smooth when the machine is busy
    return thread
