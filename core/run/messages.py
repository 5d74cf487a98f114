"""Everything the GUI and a training run say to each other, as frozen dataclasses.

Commands go from the GUI to the run loop (core.run.loop), messages come back. Both cross a
process pipe when the trainer runs in a child process, so every field pickles: plain numbers,
strings, numpy arrays and records of them. Every message carries the `generation` of the run
that sent it (the GUI numbers its models), so a message of a model no longer on screen can be
recognised and dropped. This module imports no torch and no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.train_config import TrainConfig

if TYPE_CHECKING:
    from core.data.catalog import Data
    from core.landscape.grid import LandscapeResult
    from core.run.snapshot import Snapshot


# ---- commands: GUI -> run ---------------------------------------------------------------------


class Command:
    """A command to the run loop."""


METRICS = {
    "test_acc": "test accuracy",
    "train_acc": "train accuracy",
    "test_loss": "test loss",
    "train_loss": "train loss",
}


@dataclass(frozen=True)
class Goal:
    """Pause at the first epoch whose evaluation reaches `target`: at least it for an accuracy
    (a fraction), at most it for a loss."""

    metric: str  # a key of METRICS
    target: float

    def met(self, record) -> bool:
        value = getattr(record, self.metric)
        if value is None:
            return False
        return value >= self.target if self.metric.endswith("acc") else value <= self.target

    def describe(self, value: float) -> str:
        shown = f"{100 * value:.1f}%" if self.metric.endswith("acc") else f"{value:.4g}"
        return f"{METRICS[self.metric]} {shown}"


@dataclass(frozen=True)
class Run(Command):
    """Train until paused (after the last epoch: as many epochs again). With `epochs`, pause by
    itself after that many more epochs; with `until`, at the first epoch that meets the goal."""

    epochs: int = 0
    until: Goal | None = None


@dataclass(frozen=True)
class Pause(Command):
    pass


@dataclass(frozen=True)
class Step(Command):
    steps: int = 1


@dataclass(frozen=True)
class SetTraining(Command):
    """The project's whole training settings; what can change live changes now, the rest
    (optimizer kind, init, seed, device, schedule kind) waits for the next run."""

    config: TrainConfig


@dataclass(frozen=True)
class SetFrozen(Command):
    """The layers frozen in the project now; the running model keeps its weights and trains the
    others from the next step (core.train.freezing)."""

    nodes: tuple[str, ...]


@dataclass(frozen=True)
class SetData(Command):
    """New samples of the same shape for the running model (the user added points)."""

    data: Data


@dataclass(frozen=True)
class SetViews(Command):
    """The probes (core.probes.registry) the open views want, with their options."""

    wanted: dict[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class SetStride(Command):
    """Compute the views' probes every `steps` training steps."""

    steps: int


@dataclass(frozen=True)
class Save(Command):
    folder: str


@dataclass(frozen=True)
class LandscapeOptions:
    directions: str = "random"  # "random" (filter-normalised) or "pca" (of the training path)
    grid: int = 51  # points a side
    scale: float = 1.0  # zoom of the plotted range
    seed: int = 0  # of the random directions: the same plane every time


@dataclass(frozen=True)
class ComputeLandscape(Command):
    """The loss landscape around the current weights (a frozen copy of them), coarse to fine;
    it replaces any landscape still being computed."""

    request: int
    options: LandscapeOptions = LandscapeOptions()


@dataclass(frozen=True)
class CancelLandscape(Command):
    request: int


@dataclass(frozen=True)
class SetPace(Command):
    """Train at most `steps_per_second` steps a second (0: as fast as possible); slowed down, every
    step is published with its probes, so a class sees each one."""

    steps_per_second: float = 0.0


@dataclass(frozen=True)
class SetParameter(Command):
    """Set one weight or bias of the model by hand (the Neurons view), while training is paused:
    `index` is (unit, input) for a weight, (unit,) for a bias. Answered by ParameterSet, or by
    Refused while training runs or when there is no such parameter."""

    node: str
    name: str  # "weight" or "bias"
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class Pretrain(Command):
    """Pretrain the hidden dense layers one after another as autoencoders (core.train.pretrain),
    `epochs` passes each; training pauses meanwhile. Answered by PretrainProgress, then
    PretrainDone (or PretrainFailed)."""

    epochs: int


@dataclass(frozen=True)
class CancelPretrain(Command):
    """Stop pretraining: the stages done, and the part of the current one, stay in the model."""


@dataclass(frozen=True)
class Stop(Command):
    """End the run; the loop answers StateChanged("stopped") and returns."""


# ---- messages: run -> GUI ---------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    generation: int  # the run's model, numbered by the GUI


@dataclass(frozen=True)
class Ready(Message):
    device: str  # where the model trains


@dataclass(frozen=True)
class StateChanged(Message):
    state: str  # "starting", "running", "paused", "finished", "stopped", "failed"


@dataclass(frozen=True)
class Published(Message):
    snapshot: Snapshot


@dataclass(frozen=True)
class Diverged(Message):
    text: str  # which step, and why (training is paused)


@dataclass(frozen=True)
class Reached(Message):
    text: str  # the epochs or the goal a Run asked for were reached: training paused by itself


@dataclass(frozen=True)
class Failed(Message):
    text: str
    details: str = ""  # a traceback, for the message box's details


@dataclass(frozen=True)
class Saved(Message):
    folder: str


@dataclass(frozen=True)
class RunEnded(Message):
    """The run finished its epochs or is being stopped: what the session's run list keeps of it
    (core.run.history). Sent before StateChanged("stopped"), and again if a finished run trains on."""

    state: str  # "finished" or "stopped"
    project: dict  # the project as trained, its settings as they were at the end (Project.to_dict)
    records: list  # its core.train.trainer.EpochRecord of every epoch
    weights: dict  # name -> numpy array: the final weights
    step: int


@dataclass(frozen=True)
class ParameterSet(Message):
    """A SetParameter was applied: the value it replaced and the one now in the model."""

    node: str
    name: str
    index: tuple[int, ...]
    previous: float
    value: float


@dataclass(frozen=True)
class Refused(Message):
    text: str  # why a command was not obeyed (the model is unchanged)


@dataclass(frozen=True)
class LandscapeProgress(Message):
    request: int
    done: int  # grid points computed
    total: int
    result: LandscapeResult | None = None  # a finer complete grid than the last one sent, else None


@dataclass(frozen=True)
class LandscapeDone(Message):
    request: int
    result: LandscapeResult  # the whole grid, with the path and the line


@dataclass(frozen=True)
class LandscapeFailed(Message):
    request: int
    text: str
    details: str = ""


@dataclass(frozen=True)
class PretrainProgress(Message):
    stage: int  # 1-based
    stages: int
    layer: str  # the stage's dense layer
    epoch: int  # epochs of the stage done
    epochs: int
    loss: float  # the reconstruction error: of the last batch, or of the whole set at an epoch's end
    start_loss: float  # the whole training set's reconstruction error before the stage


@dataclass(frozen=True)
class PretrainDone(Message):
    """Pretraining ended; the model now holds `weights`, a new model for the views (the GUI
    starts it as the next generation)."""

    stopped: bool  # by CancelPretrain, before the last stage ended
    stages: int  # stages finished
    losses: tuple  # per finished stage: (reconstruction error before, after)
    weights: dict  # name -> numpy array


@dataclass(frozen=True)
class PretrainFailed(Message):
    text: str
    details: str = ""


FINAL_STATES = ("stopped", "failed")  # after these the run sends nothing more
