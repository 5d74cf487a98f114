"""How to train: the typed settings a project carries (no torch needed to read them)."""

from __future__ import annotations

from typing import Any

from core.optimizers import TRAINABLE, optimizer
from core.params import Param, validate_params

EVALUATION_SAMPLES = 2000  # the app evaluates every epoch on at most this many samples of each set

INITS = ("default", "zeros", "constant", "normal", "xavier", "kaiming", "orthogonal")

TRAIN_PARAMS: tuple[Param, ...] = (
    Param("optimizer", "choice", "adam", "Update rule from torch.optim", choices=TRAINABLE),
    Param("lr", "float", 0.01, "Learning rate: the size of each step", 1e-7, 100.0),
    # the optimisers that use these say so in core.optimizers (OptimizerSpec.training)
    Param("momentum", "float", 0.9, "Momentum of SGD with momentum and Nesterov", 0.0, 0.9999),
    Param(
        "weight_decay",
        "float",
        0.01,
        "AdamW's decoupled weight decay: shrinks every weight by lr·decay each step, apart from the "
        "adaptive scaling (unlike L2, which adds to the gradient and so is rescaled by Adam)",
        0.0,
        10.0,
    ),
    Param("batch_size", "int", 32, "Samples per step", 1, 1_000_000),
    Param("epochs", "int", 20, "Passes over the training set", 1, 1_000_000),
    Param(
        "schedule",
        "choice",
        "constant",
        "How the learning rate changes over training: constant; step (times gamma every few epochs); "
        "linear (down to zero at the last step); cosine (down to zero along half a cosine)",
        choices=("constant", "step", "linear", "cosine"),
    ),
    Param(
        "warmup_epochs",
        "int",
        0,
        "Epochs over which the learning rate rises from near zero to the schedule's (0: no warm-up); "
        "early steps of a fresh network take large, erratic gradients",
        0,
        1_000_000,
    ),
    Param("step_epochs", "int", 10, "Step schedule: epochs between reductions", 1, 1_000_000),
    Param("step_gamma", "float", 0.5, "Step schedule: factor applied at each reduction", 0.0, 1.0),
    Param("init", "choice", "default", "How weights start", choices=INITS),
    Param("init_scale", "float", 0.1, "Value of constant init, standard deviation of normal init", 0.0, 100.0),
    Param("l1", "float", 0.0, "L1 penalty on weights (pushes them to exactly zero)", 0.0, 10.0),
    Param(
        "l2",
        "float",
        0.0,
        "L2 penalty λ·Σw² added to the loss (keeps weights small; with SGD the same as weight decay, with "
        "adaptive optimisers not)",
        0.0,
        10.0,
    ),
    Param("clip_norm", "float", 0.0, "Clip the gradient's total norm to this (0: off)", 0.0, 1e6),
    Param("seed", "int", 0, "Seed of initialisation and batch order", 0, 2**31 - 1),
    Param(
        "device",
        "choice",
        "auto",
        "Where to train (auto: CUDA, then MPS, then CPU)",
        choices=("auto", "cpu", "cuda", "mps"),
    ),
)


class TrainConfig:
    """Validated training settings, read as attributes (`config.lr`)."""

    def __init__(self, **values: Any):
        self.__dict__.update(validate_params("training", TRAIN_PARAMS, values))

    def to_dict(self) -> dict[str, Any]:
        return {p.name: getattr(self, p.name) for p in TRAIN_PARAMS}

    def replace(self, **changes: Any) -> TrainConfig:
        return TrainConfig(**{**self.to_dict(), **changes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TrainConfig) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"TrainConfig({self.to_dict()})"


# the settings that only matter for some choices: name -> does it apply to these settings?
_APPLIES = {
    "momentum": lambda v: "momentum" in optimizer(v["optimizer"]).training,
    "weight_decay": lambda v: "weight_decay" in optimizer(v["optimizer"]).training,
    "step_epochs": lambda v: v["schedule"] == "step",
    "step_gamma": lambda v: v["schedule"] == "step",
    "init_scale": lambda v: v["init"] in ("constant", "normal"),
}


def applicable_settings(values: dict[str, Any]) -> set[str]:
    """The training settings that change anything for these values (a form shows only these)."""
    return {p.name for p in TRAIN_PARAMS if p.name not in _APPLIES or _APPLIES[p.name](values)}
