"""The loop that drives a training session from commands, for any transport.

The GUI runs it in a thread (commands from a queue, messages as Qt signals)
or in a child process (both through a pipe); a test can run it with a list.
Commands are tuples: ("run",), ("pause",), ("step", n), ("lr", value),
("data", Data), ("save", folder), ("views", {probe: options}), ("stride", steps), ("stop",).
Messages are tuples too: ("snapshot", Snapshot),
("state", name), ("diverged", text), ("failed", text, details),
("saved", folder), ("ready", device).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

SNAPSHOT_RATE = 30.0  # at most this many snapshots a second, however fast training runs

NextCommand = Callable[[bool], tuple | None]  # next_command(wait): a command, or None when there is none yet
Publish = Callable[..., None]


def start_session(project, data, weights, publish: Publish):
    """Make the session (importing torch on this thread or process); None if it cannot start."""
    import torch

    from core.run.session import Session

    torch.set_num_threads(1)  # per thread: two intra-op threads beside the GUI slowed training 3-5x
    publish("state", "starting")
    try:
        session = Session(project, data, weights)
    except Exception as err:  # noqa: BLE001 - shown to the user with its details
        publish("failed", str(err), traceback.format_exc())
        publish("state", "failed")
        return None
    publish("ready", str(session.trainer.device))
    publish("snapshot", session.snapshot(probes=True))
    publish("state", "paused")  # a model exists and waits for a command
    return session


def run_loop(session, next_command: NextCommand, publish: Publish) -> None:
    """Train while running or stepping; read commands between steps; return on ("stop",)."""
    from core.train.trainer import Diverged

    running, pending, last = False, 0, time.perf_counter()
    while True:
        busy = running or pending
        command = next_command(not busy)
        if command is not None:
            if command[0] == "stop":
                publish("state", "stopped")
                return
            running, pending = _obey(session, command, running, pending, publish)
            continue
        if not busy:
            continue
        try:
            session.step()
        except Diverged as err:
            running, pending = False, 0
            publish("snapshot", session.snapshot(probes=False))
            publish("diverged", str(err))
            publish("state", "paused")
            continue
        except Exception as err:  # noqa: BLE001 - any other failure reaches the user with its details
            publish("failed", str(err) or type(err).__name__, traceback.format_exc())
            publish("state", "failed")
            return
        pending = max(0, pending - 1)
        finished = running and session.finished
        now = time.perf_counter()
        if now - last >= 1.0 / SNAPSHOT_RATE or not (running or pending) or finished:
            last = now
            publish("snapshot", session.snapshot(probes=None if running else True))
        if finished:
            running = False
            publish("state", "finished")
        elif not running and not pending:
            publish("state", "paused")


def _obey(session, command: tuple, running: bool, pending: int, publish: Publish) -> tuple[bool, int]:
    kind = command[0]
    if kind == "run":
        if session.finished:
            session.extend()  # Run after the last epoch trains as many epochs again
        publish("state", "running")
        return True, pending
    if kind == "pause":
        publish("snapshot", session.snapshot(probes=True))
        publish("state", "paused")
        return False, 0
    if kind == "step":
        return running, pending + command[1]
    if kind == "lr":
        session.trainer.set_lr(command[1])
    elif kind == "data":
        try:
            session.trainer.set_data(command[1])
        except RuntimeError as err:  # a TrainingError: the data no longer fits the model
            publish("failed", str(err), "")
    elif kind == "save":
        _save(session, command[1], publish)
    elif kind == "views":
        try:
            session.set_views(command[1])
            if not running:  # a view opened while paused gets its picture now
                publish("snapshot", session.snapshot(probes=True))
        except Exception as err:  # noqa: BLE001 - a view that cannot attach must not end the run silently
            publish("failed", f"a view could not start: {err}", traceback.format_exc())
    elif kind == "stride":
        session.stride = max(1, int(command[1]))
    return running, pending


def _save(session, folder: str, publish: Publish) -> None:
    from core.run.saved import save_run

    try:
        recorder = session.memory.get("landscape_recorder")
        trajectory = recorder.trajectory() if recorder is not None else None
        save_run(folder, session.trainer.project, session.records, session.trainer.model, trajectory)
    except OSError as err:
        publish("failed", f"cannot save the run to {folder}: {err.strerror or err}", traceback.format_exc())
        return
    publish("saved", folder)


def child_main(conn, project_dict: dict, data, weights: dict | None) -> None:
    """Entry point of a training process: the same loop, with a pipe for commands and messages."""
    import torch

    from core.project import project_from_dict

    def publish(*message) -> None:
        conn.send(message)

    def next_command(wait: bool) -> tuple | None:
        return conn.recv() if conn.poll(0.25 if wait else 0) else None

    tensors = None if weights is None else {k: torch.as_tensor(v) for k, v in weights.items()}
    try:
        session = start_session(project_from_dict(project_dict), data, tensors, publish)
        if session is not None:
            run_loop(session, next_command, publish)
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        pass  # the window went away: nothing left to train for
    except Exception as err:  # noqa: BLE001 - e.g. a command that cannot be read: tell the window why
        publish("failed", str(err) or type(err).__name__, traceback.format_exc())
        publish("state", "failed")
