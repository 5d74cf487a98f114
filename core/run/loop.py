"""The loop that drives a training session from commands, for any transport.

The GUI runs it in a thread (commands from a queue) or in a child process (through a pipe); a
test can run it with a list. Commands and messages are the dataclasses of core.run.messages;
every message carries the run's generation. Between training steps, and between the chunks of
a loss landscape, the loop reads commands without blocking, so Pause, Cancel and Stop are
obeyed at once.

A landscape is computed here, where the model lives, on a frozen copy of the weights taken when
it is asked for; while training runs, landscape chunks and training steps take turns for equal
time.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from core.run.messages import (
    CancelLandscape,
    CancelPretrain,
    Command,
    ComputeLandscape,
    Diverged,
    Failed,
    LandscapeDone,
    LandscapeFailed,
    LandscapeOptions,
    LandscapeProgress,
    Message,
    ParameterSet,
    Pause,
    Pretrain,
    PretrainDone,
    PretrainFailed,
    Published,
    Reached,
    Ready,
    Refused,
    Run,
    RunEnded,
    Save,
    Saved,
    SetData,
    SetFrozen,
    SetPace,
    SetParameter,
    SetStride,
    SetTraining,
    SetViews,
    StateChanged,
    Step,
    Stop,
)
from core.words import translate

SNAPSHOT_RATE = 30.0  # at most this many snapshots a second, however fast training runs
PROGRESS_RATE = 10.0  # at most this many landscape progress counts a second (finer grids always go)
TRAINER_NICE = 10  # the training process yields to the window (and to other programs) when cores are short
LOOK_EVERY = 0.002  # seconds between a busy training process's looks at its pipe (PipeCommands)

NextCommand = Callable[[bool], Command | None]  # next_command(wait): a command, or None when there is none yet
Publish = Callable[[Message], None]


def start_session(project, data, weights, publish: Publish, generation: int = 0):
    """Make the session (importing torch on this thread or process); None if it cannot start."""
    import torch

    from core.run.session import Session

    torch.set_num_threads(1)  # per thread: two intra-op threads beside the GUI slowed training 3-5x
    publish(StateChanged(generation, "starting"))
    try:
        session = Session(project, data, weights)
    except Exception as err:  # noqa: BLE001 - shown to the user with its details
        publish(Failed(generation, str(err), traceback.format_exc()))
        publish(StateChanged(generation, "failed"))
        return None
    publish(Ready(generation, str(session.trainer.device)))
    publish(Published(generation, session.snapshot(probes=True)))
    publish(StateChanged(generation, "paused"))  # a model exists and waits for a command
    return session


def run_loop(session, next_command: NextCommand, publish: Publish, generation: int = 0) -> None:
    """Train while running or stepping, compute a landscape when asked; return on Stop."""
    _Loop(session, publish, generation).run(next_command)


class _Loop:
    def __init__(self, session, publish: Publish, generation: int):
        self.session, self.publish, self.generation = session, publish, generation
        self.running, self.pending = False, 0
        self.landscape: _Landscape | None = None
        self.pretraining = None  # a core.run.pretrain_job.PretrainJob while the layers are pretrained
        self.last_snapshot = time.perf_counter()
        self.train_until = 0.0  # while a landscape is computed: train until then, then its next chunk
        self.pace = 0.0  # steps a second in slow motion, 0 at full speed
        self.next_step_at = 0.0
        self.stop_epoch: int | None = None  # a Run for N epochs pauses after this one
        self.goal = None  # a Run until a goal pauses at the first epoch that meets it (messages.Goal)
        self.checked_epoch = 0  # the last epoch whose end was compared with them

    def run(self, next_command: NextCommand) -> None:
        while True:
            training = self.running or self.pending > 0
            command = next_command(not training and self.landscape is None and self.pretraining is None)
            if command is not None:
                if isinstance(command, Stop):
                    self.ended("stopped")
                    self.state("stopped")
                    return
                self.obey(command)
                continue
            if self.pretraining is not None:  # training waits: both would change the same weights
                self.advance_pretraining()
                continue
            if self.landscape is not None and (not training or time.perf_counter() >= self.train_until):
                started = time.perf_counter()
                self.advance_landscape()
                self.train_until = time.perf_counter() + (time.perf_counter() - started)  # equal turns
                continue
            if training and self.pace and time.perf_counter() < self.next_step_at:
                time.sleep(min(self.next_step_at - time.perf_counter(), 0.02))  # commands are read meanwhile
                continue
            if training and not self.train():
                return

    # ---- training -------------------------------------------------------------------------

    def train(self) -> bool:
        """One step and what it changes; False when the run cannot go on."""
        from core.train.trainer import Diverged as Divergence

        session = self.session
        if not session.trainer.trainable:  # every layer frozen during the run (core.train.freezing)
            self.running, self.pending = False, 0
            self.say(Reached, "every layer with weights is frozen: unfreeze one to train on")
            self.state("paused")
            return True
        try:
            session.step()
        except Divergence as err:
            self.running, self.pending = False, 0
            self.say(Published, session.snapshot(probes=False))
            self.say(Diverged, str(err))
            self.state("paused")
            return True
        except Exception as err:  # noqa: BLE001 - any other failure reaches the user with its details
            self.say(Failed, str(err) or type(err).__name__, traceback.format_exc())
            self.state("failed")
            return False
        self.pending = max(0, self.pending - 1)
        finished = self.running and session.finished
        reached = self.running and not finished and self.reached()
        now = time.perf_counter()
        if self.pace:
            self.next_step_at = now + 1.0 / self.pace
        slow = bool(self.pace) or not (self.running or self.pending)
        if slow or finished or reached or now - self.last_snapshot >= 1.0 / SNAPSHOT_RATE:
            self.last_snapshot = now
            self.say(Published, session.snapshot(probes=True if slow or reached or finished else None))
        if finished:
            self.running = False
            self.ended("finished")
            self.state("finished")
        elif reached:
            self.running = False
            self.say(Reached, reached)
            self.state("paused")
        elif not self.running and not self.pending:
            self.state("paused")
        return True

    def reached(self) -> str:
        """What a Run for N epochs or until a goal asked for, once an epoch has reached it; else ""."""
        session = self.session
        if session.trainer.epoch == self.checked_epoch or not session.records:
            return ""  # no epoch has ended since the last look
        self.checked_epoch = session.trainer.epoch
        record = session.records[-1]
        if self.goal is not None and self.goal.met(record):
            value = getattr(record, self.goal.metric)
            return f"{self.goal.describe(value)} at epoch {record.epoch}"
        if self.stop_epoch is not None and record.epoch >= self.stop_epoch:
            return f"epoch {record.epoch} done"
        return ""

    def obey(self, command: Command) -> None:
        session = self.session
        match command:
            case Run() | Step() if self.pretraining is not None:
                pass  # the window trains the pretrained weights as a new model, once they are sent
            case Pause() | CancelPretrain() if self.pretraining is not None:
                self.end_pretraining(self.pretraining.finish(stopped=True))
            case Pretrain(epochs):
                from core.run.pretrain_job import PretrainJob

                self.running, self.pending = False, 0
                self.ended("stopped")  # the run that trained is kept with its weights before they are overwritten
                self.pretraining = PretrainJob(session, epochs, self.generation)
                self.state("pretraining")
            case CancelPretrain():
                pass  # it has already ended
            case Run(epochs, until):
                if session.finished:
                    session.extend()  # Run after the last epoch trains as many epochs again
                self.stop_epoch = session.trainer.epoch + epochs if epochs > 0 else None
                self.goal, self.checked_epoch = until, session.trainer.epoch
                self.running = True
                self.state("running")
            case Pause():
                self.running, self.pending = False, 0
                self.say(Published, session.snapshot(probes=True))
                self.state("paused")
            case Step(steps):
                self.pending += steps
            case SetTraining(config):
                epochs = session.trainer.config.epochs
                session.trainer.update_settings(config)
                session.last_epoch += config.epochs - epochs  # the run's last epoch follows the setting
            case SetFrozen(nodes):
                from core.train.freezing import set_frozen

                set_frozen(session.trainer, set(nodes))
            case SetData(data):
                try:
                    session.trainer.set_data(data)
                except RuntimeError as err:  # a TrainingError: the data no longer fits the model
                    self.say(Failed, str(err), "")
            case Save(folder):
                self.save(folder)
            case SetViews(wanted):
                try:
                    session.set_views(wanted)
                    if not self.running:  # a view opened while paused gets its picture now
                        self.say(Published, session.snapshot(probes=True))
                except Exception as err:  # noqa: BLE001 - a view that cannot attach must not end the run silently
                    self.say(Failed, f"a view could not start: {err}", traceback.format_exc())
            case SetStride(steps):
                session.stride = max(1, int(steps))
            case SetPace(steps_per_second):
                self.pace = max(0.0, float(steps_per_second))
            case SetParameter(node, name, index, value):
                self.set_parameter(node, name, index, value)
            case ComputeLandscape(request, options):
                self.landscape = _Landscape(session, request, options)
            case CancelLandscape(request):
                if self.landscape is not None and self.landscape.request == request:
                    self.landscape = None
            case _:
                self.say(Failed, f"the trainer does not know the command {command!r}", "")

    def set_parameter(self, node: str, name: str, index: tuple[int, ...], value: float) -> None:
        """A weight or bias set by hand, only while training is paused: the views then show the
        changed model (every wanted probe is computed again at once)."""
        if self.running or self.pending:
            self.say(Refused, "training is running: pause it to set a weight by hand")
            return
        if self.pretraining is not None:  # its optimiser is moving these weights: the edit would be lost
            self.say(Refused, translate("run", "the layers are being pretrained: set a weight once it has ended"))
            return
        try:
            previous = self.session.set_parameter(node, name, index, value)
        except ValueError as err:
            self.say(Refused, str(err))
            return
        self.say(ParameterSet, node, name, tuple(index), previous, float(value))
        self.say(Published, self.session.snapshot(probes=True))

    def save(self, folder: str) -> None:
        from core.run.saved import save_run

        session = self.session
        try:
            save_run(folder, session.trainer.project, session.records, session.trainer.model, session.trajectory())
        except OSError as err:
            self.say(Failed, f"cannot save the run to {folder}: {err.strerror or err}", traceback.format_exc())
            return
        self.say(Saved, folder)

    # ---- pretraining ----------------------------------------------------------------------------

    def advance_pretraining(self) -> None:
        for message in self.pretraining.advance():
            if isinstance(message, PretrainDone | PretrainFailed):
                self.end_pretraining(message)
            else:
                self.publish(message)

    def end_pretraining(self, message: Message) -> None:
        self.pretraining = None
        self.publish(message)
        if isinstance(message, PretrainFailed):  # the run goes on with what the batches before changed
            self.say(Published, self.session.snapshot(probes=True))
        self.state("paused")

    # ---- the landscape ------------------------------------------------------------------------

    def advance_landscape(self) -> None:
        landscape = self.landscape
        try:
            message = landscape.advance(self.generation)
        except Exception as err:  # noqa: BLE001 - e.g. a LandscapeError: the view shows why
            self.landscape = None
            details = "" if type(err).__name__ == "LandscapeError" else traceback.format_exc()
            self.say(LandscapeFailed, landscape.request, str(err) or type(err).__name__, details)
            return
        if isinstance(message, LandscapeDone):
            self.landscape = None
        if message is not None:
            self.publish(message)

    # ---- saying ---------------------------------------------------------------------------------

    def say(self, kind: type[Message], *fields) -> None:
        self.publish(kind(self.generation, *fields))

    def state(self, name: str) -> None:
        self.say(StateChanged, name)

    def ended(self, state: str) -> None:
        """What the session's run list keeps of a run that trained at least one step."""
        trainer = self.session.trainer
        if trainer.step_count == 0:
            return
        try:
            weights = {k: v.detach().cpu().numpy().copy() for k, v in trainer.model.state_dict().items()}
            self.say(
                RunEnded, state, trainer.project.to_dict(), list(self.session.records), weights, trainer.step_count
            )
        except Exception as err:  # noqa: BLE001 - the run still stops; the user hears why it was not kept
            self.say(Failed, f"the run could not be kept for comparing: {err}", traceback.format_exc())


class _Landscape:
    """One landscape being computed: set up on its first chunk, then one chunk of grid points per
    `advance`, the line from the initial weights after the first complete grid."""

    def __init__(self, session, request: int, options: LandscapeOptions):
        trainer = session.trainer
        self.request, self.options = request, options
        self.project, self.data, self.step = trainer.project, trainer.data, trainer.step_count
        self.weights = {k: v.detach().cpu().numpy().copy() for k, v in trainer.model.state_dict().items()}
        self.trajectory = session.trajectory()
        self.note = session.probe("landscape").recorder.note  # why no path was recorded, if it was not
        self.job = self.updates = self.line = self.last = None
        self.stride, self.last_progress = 0, 0.0

    def advance(self, generation: int) -> Message | None:
        """The next chunk; a progress message (with the picture when a finer grid is complete),
        LandscapeDone at the end, or None when there is nothing new to say yet."""
        from core.landscape.grid import LandscapeError, LandscapeJob

        options = self.options
        if self.job is None:
            if options.directions == "pca" and self.trajectory is None:
                raise LandscapeError(f"PCA directions need the training path: {self.note or 'train some steps first'}")
            self.job = LandscapeJob(
                self.project, self.data, self.weights, self.trajectory, self.step, options.directions, options.seed
            )
            self.updates = self.job.grid(options.grid, options.scale)
            return LandscapeProgress(generation, self.request, 0, options.grid**2)
        update = next(self.updates, None)
        if update is None:
            return LandscapeDone(generation, self.request, self.job.result(self.last, self.line))
        self.last = update
        if update.stride != self.stride:
            self.stride = update.stride
            if self.line is None and self.job.path is not None:
                self.line = self.job.line()
            self.last_progress = time.perf_counter()
            result = self.job.result(update, self.line)
            return LandscapeProgress(generation, self.request, update.done, update.total, result)
        if time.perf_counter() - self.last_progress >= 1.0 / PROGRESS_RATE:
            self.last_progress = time.perf_counter()
            return LandscapeProgress(generation, self.request, update.done, update.total)
        return None


def child_main(conn, project_dict: dict, data, weights: dict | None, generation: int = 0) -> None:
    """Entry point of a training process: the same loop, with a pipe for commands and messages."""
    import torch

    from core.project import project_from_dict

    tensors = None if weights is None else {k: torch.as_tensor(v) for k, v in weights.items()}
    try:
        session = start_session(project_from_dict(project_dict), data, tensors, conn.send, generation)
        if session is not None:
            run_loop(session, PipeCommands(conn), conn.send, generation)
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        pass  # the window went away: nothing left to train for
    except Exception as err:  # noqa: BLE001 - e.g. a command that cannot be read: tell the window why
        conn.send(Failed(generation, str(err) or type(err).__name__, traceback.format_exc()))
        conn.send(StateChanged(generation, "failed"))


class PipeCommands:
    """The training process's `next_command`: the window's commands from the pipe. While the loop is
    busy it looks every LOOK_EVERY seconds, not after every step: a look is a system call, and one a
    step cost the spiral MLP (0.5 ms steps) about 4% of its speed. Pause still acts within 2 ms."""

    def __init__(self, conn):
        self.conn, self.next_look = conn, 0.0

    def __call__(self, wait: bool) -> Command | None:
        if wait:
            return self.conn.recv() if self.conn.poll(0.25) else None
        now = time.perf_counter()
        if now < self.next_look:
            return None
        if self.conn.poll(0):
            return self.conn.recv()  # and the next call looks again at once: commands come in bursts
        self.next_look = now + LOOK_EVERY
        return None


def child_process(
    conn, project_dict: dict, data, weights: dict | None, generation: int = 0, language: str = "en"
) -> None:
    """The training process's target: `child_main` speaking the window's language, then an
    immediate exit. The interpreter's usual teardown (torch's included) took seconds, which
    closing the window would wait for."""
    import os
    import sys

    from core.words import speak

    lower_priority()
    one_blas_thread()
    speak(language)
    try:
        child_main(conn, project_dict, data, weights, generation)
    finally:
        conn.close()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def spare_process(conn) -> None:
    """A training process started before it is needed: it imports torch and the trainer while the
    user is still at the canvas, then waits for the run it will drive, so Run answers at once.
    A pipe closed before that means it was not needed."""
    import os

    import torch

    import core.run.session  # noqa: F401 - the slow imports happen now, not after Run

    lower_priority()
    torch.set_num_threads(1)
    _warm_up(torch)
    try:
        run = conn.recv()  # the arguments of child_process after conn
    except (EOFError, OSError, KeyboardInterrupt):
        os._exit(0)
    child_process(conn, *run)


def lower_priority() -> None:
    """Make this (training) process yield to the window when the cores are busy: on a loaded
    machine a trainer at the window's priority kept it waiting over 100 ms (bench/gui_latency.py).
    On an idle core it trains as fast as before. Best effort: a system that refuses changes nothing."""
    import os
    import sys

    try:
        if hasattr(os, "setpriority"):  # Unix: raise the niceness to TRAINER_NICE (never lower it)
            os.setpriority(os.PRIO_PROCESS, 0, max(TRAINER_NICE, os.getpriority(os.PRIO_PROCESS, 0)))
        elif sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
    except (OSError, AttributeError):
        pass


def one_blas_thread() -> None:
    """NumPy's BLAS on one thread in the training process, as torch is: the probes' PCA (the hidden
    layer's, the folding's) woke a second BLAS thread that spun on the window's core, and the digits
    CNN trained at 0.54-0.62 of a plain script's CPU per step with the Hidden layer view open."""
    try:
        from threadpoolctl import threadpool_limits  # comes with scikit-learn
    except ImportError:
        return
    threadpool_limits(1)


def _warm_up(torch) -> None:
    """One step of a tiny model: the first optimiser imports torch._dynamo (over a second here),
    and the first backward pass sets up autograd's engine."""
    layer = torch.nn.Linear(2, 2)
    optimiser = torch.optim.Adam(layer.parameters())
    layer(torch.ones(1, 2)).sum().backward()
    optimiser.step()
