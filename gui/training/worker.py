"""Training in the background, in a thread or in a child process.

Both workers run `core.run.loop` and look the same to the GUI: commands (core.run.messages)
go in through `send`, messages come out through one Qt signal, `message`. The GUI never
touches the model.

A thread shares the GIL with the GUI's painting, which costs a tiny network a third of its
speed; a child process trains at full speed but needs a second or two to start
(`bench/training_overhead.py` measures both). The thread worker stays for tests that must look
at the model itself.

`live_workers()` lists the workers whose loop has not ended yet: the tests fail any test that
leaves one behind.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import traceback

from PySide6.QtCore import QObject, QThread, Signal

from core.run.loop import child_process, run_loop, start_session
from core.run.messages import FINAL_STATES, Command, Failed, Message, StateChanged

_live: set[QObject] = set()
_live_lock = threading.Lock()


def live_workers() -> list[QObject]:
    with _live_lock:
        return list(_live)


def _ended(worker: QObject) -> None:
    with _live_lock:
        _live.discard(worker)


class _Worker(QObject):
    message = Signal(object)  # a core.run.messages.Message

    def __init__(self, generation: int):
        super().__init__()
        self.generation = generation

    def send(self, command: Command) -> None:
        """Hand a command to the loop: a queue for a thread, the pipe for a child process."""
        raise NotImplementedError(f"{type(self).__name__} must define send()")

    def alive(self) -> bool:
        """Its loop (and, for a process, the child) has not ended yet."""
        with _live_lock:
            return self in _live


class TrainingWorker(_Worker):
    """Runs the loop in the QThread it is moved to; commands through a thread-safe queue."""

    def __init__(self, project, data=None, weights=None, generation: int = 0):
        super().__init__(generation)
        self.project, self.data, self.weights = project, data, weights
        self.commands: queue.Queue = queue.Queue()
        self.session = None  # a core.run.session.Session, made in the worker's thread

    def send(self, command: Command) -> None:
        self.commands.put(command)

    def loop(self) -> None:
        try:
            self.session = start_session(self.project, self.data, self.weights, self.message.emit, self.generation)
            if self.session is not None:
                run_loop(self.session, self._next_command, self.message.emit, self.generation)
        finally:
            _ended(self)

    def _next_command(self, wait: bool) -> Command | None:
        try:
            return self.commands.get(block=wait, timeout=0.25 if wait else None)
        except queue.Empty:
            return None


class ProcessWorker(_Worker):
    """Runs the loop in a child process; this object, in its QThread, relays the child's messages."""

    def __init__(self, project, data=None, weights=None, generation: int = 0):
        super().__init__(generation)
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no Qt state is copied
        self.conn, child_end = context.Pipe()
        plain = None if weights is None else {k: v.detach().cpu().numpy() for k, v in weights.items()}
        self.process = context.Process(
            target=child_process,
            args=(child_end, project.to_dict(), data, plain, generation),
            daemon=True,
            name="neurona-training",
        )
        self.session = None  # the session lives in the child

    def send(self, command: Command) -> None:
        try:
            self.conn.send(command)
        except (BrokenPipeError, OSError):
            pass  # the child has ended; its last messages already said why

    def kill(self) -> None:
        """End a child that did not stop when told; the relay then sees the pipe close."""
        if self.process.is_alive():
            self.process.kill()

    def loop(self) -> None:
        try:
            self._relay()
        finally:
            if self.process.pid is not None:
                self.process.join(5)  # it has said its last word: only its exit remains
                self.kill()
                self.process.join()
            _ended(self)

    def _relay(self) -> None:
        try:
            self.process.start()
        except Exception as err:  # noqa: BLE001 - e.g. no process can be started here: say so
            self._say_failed(f"cannot start the training process: {err}", traceback.format_exc())
            return
        while True:
            try:
                message: Message = self.conn.recv()
            except (EOFError, OSError):
                self.process.join(5)  # the pipe closes before the child has finished exiting
                code = self.process.exitcode
                if code not in (0, None) and code != -9:  # -9: killed after it would not stop
                    self._say_failed(f"the training process ended unexpectedly (code {code})", "")
                return
            self.message.emit(message)
            if isinstance(message, StateChanged) and message.state in FINAL_STATES:
                return

    def _say_failed(self, text: str, details: str) -> None:
        self.message.emit(Failed(self.generation, text, details))
        self.message.emit(StateChanged(self.generation, "failed"))


class WorkerThread(QThread):
    """Runs one worker's loop and finishes when it returns (no event loop of its own)."""

    def __init__(self, worker: _Worker):
        super().__init__()
        self.worker = worker
        self.setObjectName("training")

    def launch(self) -> None:
        with _live_lock:
            _live.add(self.worker)
        self.start(QThread.Priority.LowPriority)  # the GUI stays smooth when the machine is busy

    def run(self) -> None:  # QThread's entry point, in the new thread
        self.worker.loop()
