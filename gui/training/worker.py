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

from core.run.loop import child_process, run_loop, spare_process, start_session
from core.run.messages import FINAL_STATES, Command, Failed, Message, StateChanged
from gui.i18n import current_language

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


class SpareProcess:
    """A training process started ahead of need (core.run.loop.spare_process): PyTorch takes
    seconds to import, which the first Run would otherwise wait for."""

    def __init__(self):
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no Qt state is copied
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=spare_process, args=(child_end,), daemon=True, name="neurona-training")
        self.process.start()
        child_end.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def discard(self) -> None:
        """Not needed after all (the application ends): it holds nothing, so it is killed."""
        self.conn.close()
        self.process.kill()
        self.process.join(2)


class ProcessWorker(_Worker):
    """Runs the loop in a child process; this object, in its QThread, relays the child's messages.
    Given a live spare process, it drives that one instead of starting its own."""

    def __init__(self, project, data=None, weights=None, generation: int = 0, spare: SpareProcess | None = None):
        super().__init__(generation)
        plain = None if weights is None else {k: _plain(v) for k, v in weights.items()}
        run = (project.to_dict(), data, plain, generation, current_language())  # child_process's arguments
        self.lock = threading.Lock()
        self.waiting: list[Command] = []  # commands sent before a spare has been given its run
        if spare is not None:
            self.conn, self.process, self.begin = spare.conn, spare.process, run
        else:
            context = multiprocessing.get_context("spawn")
            self.conn, child_end = context.Pipe()
            self.process = context.Process(
                target=child_process, args=(child_end, *run), daemon=True, name="neurona-training"
            )
            self.begin = None
        self.session = None  # the session lives in the child

    def send(self, command: Command) -> None:
        with self.lock:
            if self.begin is not None:
                self.waiting.append(command)  # the run must reach the spare first
                return
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
            if self.begin is None:
                self.process.start()
            else:
                self._begin_spare()
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

    def _begin_spare(self) -> None:
        """Give the spare its run (pickled here, off the GUI thread), then the commands that came first."""
        self.conn.send(self.begin)
        with self.lock:
            for command in self.waiting:
                self.conn.send(command)
            self.begin, self.waiting = None, []

    def _say_failed(self, text: str, details: str) -> None:
        self.message.emit(Failed(self.generation, text, details))
        self.message.emit(StateChanged(self.generation, "failed"))


def _plain(value):
    """A tensor as a numpy array for the pipe; a numpy array (pretrained weights) as it is."""
    return value.detach().cpu().numpy() if hasattr(value, "detach") else value


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
