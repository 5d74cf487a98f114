"""Run slow work (loading a dataset, downloading) off the GUI thread.

A `Task` calls `fn(task)` on Qt's thread pool; `fn` may call
`task.report(done, total)` and should stop when `task.cancelled` is set.
Results come back as signals on the GUI thread, naming their task so a
caller can ignore answers to requests it no longer cares about. The window never touches
anything the worker is still using.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object, object)  # the task, its result
    failed = Signal(object, str, str)  # the task, a message for the user, details
    progress = Signal(object, object)  # done, total (or None)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Task], Any]):
        super().__init__()
        self.setAutoDelete(False)  # its owner keeps it until its signals have arrived
        self.fn = fn
        self.relay = _Relay()
        self.cancelled = False

    def report(self, done: int, total: int | None) -> None:
        self.relay.progress.emit(done, total)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Exception as err:  # noqa: BLE001 - every failure must reach the user, not vanish in a thread
            self._send(self.relay.failed, self, str(err) or type(err).__name__, traceback.format_exc())
        else:
            self._send(self.relay.done, self, result)

    @staticmethod
    def _send(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the app closed while this ran: there is nobody left to tell
            pass


def start(
    fn: Callable[[Task], Any],
    done: Callable[[Task, Any], None],
    failed: Callable[[Task, str, str], None],
    progress: Callable[[Any, Any], None] | None = None,
) -> Task:
    """Run `fn` on the pool. Pass bound methods of a QObject as callbacks: Qt then drops
    the connection if that object is gone before the task ends."""
    task = Task(fn)
    task.relay.done.connect(done)
    task.relay.failed.connect(failed)
    if progress is not None:
        task.relay.progress.connect(progress)
    QThreadPool.globalInstance().start(task)
    return task
