"""The optimiser catalogue: every update rule training and the optimizer lab can use.

Each `OptimizerSpec` names its torch.optim class and its settings as typed `Param`s (defaults,
ranges, help), so the trainer, the lab, the CLI and any settings form read one description and
validate through one path. Adam's betas are split into beta1 and beta2 so every setting is one
value. Newton's method and conjugate gradients are lab-only methods (core.optlab.methods).

Nothing here imports torch at import time: the editor reads the catalogue without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from core.params import Param, validate_params

if TYPE_CHECKING:
    import torch


class Rates(Protocol):
    """What a lab surface says about the learning rates that suit it."""

    gd_lr: float  # a stable rate for plain gradient descent
    step_lr: float  # a rate for methods whose steps are about lr long


@dataclass(frozen=True)
class OptimizerSpec:
    name: str
    title: str
    help: str
    torch_class: str | None  # the torch.optim class, or None for a lab-only method
    settings: tuple[Param, ...]
    lr_kind: str  # "gradient": steps are lr·|g|; "step": steps are about lr long; "newton": lr 1 is the full step
    fixed: tuple[tuple[str, Any], ...] = ()  # keyword arguments always passed (nesterov=True…)
    training: tuple[str, ...] = ("lr",)  # the training settings (TRAIN_PARAMS) this optimiser uses
    training_defaults: tuple[tuple[str, Any], ...] = ()  # its other settings as training sets them

    @property
    def trainable(self) -> bool:
        """Whether training can use it: lab-only methods have no torch.optim class."""
        return self.torch_class is not None

    def defaults(self, surface: Rates | None = None) -> dict[str, Any]:
        """Every setting's default; the learning rate suits `surface` when one is given."""
        values = {p.name: p.default for p in self.settings}
        if surface is not None and "lr" in values and self.lr_kind in ("gradient", "step"):
            values["lr"] = surface.gd_lr if self.lr_kind == "gradient" else surface.step_lr
        return values

    def validate(self, settings: Mapping[str, Any], surface: Rates | None = None) -> dict[str, Any]:
        """The defaults (for `surface`) overridden by `settings`, each checked by its Param
        (a ValueError naming the optimiser and the setting otherwise)."""
        return validate_params(f"optimizer {self.name}", self.settings, {**self.defaults(surface), **settings})

    def training_settings(self, training: Mapping[str, Any]) -> dict[str, Any]:
        """This optimiser's settings from a project's training settings (a TrainConfig's dict)."""
        return {**dict(self.training_defaults), **{name: training[name] for name in self.training}}

    def torch_kwargs(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The torch.optim class's keyword arguments for these validated settings."""
        kwargs = dict(self.fixed)
        for name, value in values.items():
            if name == "beta1":
                kwargs["betas"] = (value, values["beta2"])
            elif name != "beta2":
                kwargs[name] = None if value == "none" else value
        return kwargs

    def make(self, params: Iterable, settings: Mapping[str, Any] | None = None) -> torch.optim.Optimizer:
        """The torch.optim optimiser over `params` with `settings` (defaults for the rest)."""
        if not self.trainable:
            raise ValueError(f"{self.name} is a lab-only method with no torch.optim class")
        import torch

        values = self.validate(settings or {})
        return getattr(torch.optim, self.torch_class)(params, **self.torch_kwargs(values))


def _lr(default: float = 0.01, help: str = "learning rate") -> Param:
    return Param("lr", "float", default, help, 1e-7, 100.0)


MOMENTUM = Param("momentum", "float", 0.9, "α: share of the last step kept", 0.0, 0.9999)
DECAY = Param("weight_decay", "float", 0.0, "L2 penalty added to the gradient", 0.0, 10.0)
BETAS = (
    Param("beta1", "float", 0.9, "decay of the gradient's running mean (momentum)", 0.0, 0.9999),
    Param("beta2", "float", 0.999, "decay of the squared gradient's running mean", 0.0, 0.99999),
)
EPS = Param("eps", "float", 1e-8, "added to the denominator", 0.0, 1.0)

OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec("sgd", "SGD", "plain gradient descent: θ ← θ − lr·g", "SGD", (_lr(), DECAY), "gradient"),
        OptimizerSpec(
            "momentum",
            "Momentum",
            "heavy ball: v ← αv + g, θ ← θ − lr·v",
            "SGD",
            (_lr(), MOMENTUM, DECAY),
            "gradient",
            training=("lr", "momentum"),
        ),
        OptimizerSpec(
            "nesterov",
            "Nesterov",
            "momentum with the gradient taken where the velocity leads",
            "SGD",
            (_lr(), MOMENTUM, DECAY),
            "gradient",
            fixed=(("nesterov", True),),
            training=("lr", "momentum"),
        ),
        OptimizerSpec(
            "adagrad",
            "AdaGrad",
            "divides by the root of all past squared gradients: rates only shrink",
            "Adagrad",
            (_lr(), Param("eps", "float", 1e-10, "added to the denominator", 0.0, 1.0), DECAY),
            "step",
        ),
        OptimizerSpec(
            "rmsprop",
            "RMSProp",
            "divides by a running root mean square of the gradient: rates recover",
            "RMSprop",
            (_lr(), Param("alpha", "float", 0.99, "ρ: decay of the squared gradient's mean", 0.0, 0.9999), EPS, DECAY),
            "step",
        ),
        OptimizerSpec("adam", "Adam", "momentum and RMSProp, debiased", "Adam", (_lr(), *BETAS, EPS, DECAY), "step"),
        OptimizerSpec(
            "adamw",
            "AdamW",
            "Adam with decoupled weight decay (pulls θ towards 0)",
            "AdamW",
            (_lr(), *BETAS, EPS, Param("weight_decay", "float", 0.01, "decay applied to θ itself", 0.0, 10.0)),
            "step",
            training=("lr", "weight_decay"),
        ),
        OptimizerSpec(
            "lbfgs",
            "L-BFGS",
            "quasi-Newton: H⁻¹ estimated from recent gradients",
            "LBFGS",
            (
                _lr(1.0, "step scale"),
                Param("max_iter", "int", 1, "iterations per step", 1, 100),
                Param("max_eval", "int", 25, "function evaluations per step (line search included)", 1, 1000),
                Param("history_size", "int", 10, "past steps kept to estimate H⁻¹", 1, 100),
                Param(
                    "line_search_fn",
                    "choice",
                    "strong_wolfe",
                    "how far to go along the direction: a strong Wolfe search, or none",
                    choices=("strong_wolfe", "none"),
                ),
            ),
            "newton",
            training_defaults=(("max_eval", 1), ("history_size", 20), ("line_search_fn", "none")),
        ),
        OptimizerSpec(
            "newton",
            "Newton",
            "θ ← θ − H⁻¹g: jumps to the critical point of the local quadratic",
            None,
            (
                _lr(1.0, "1 is the full Newton step"),
                Param("damping", "float", 0.0, "a in (H + aI)⁻¹g: Levenberg–Marquardt", 0.0, 1000.0),
            ),
            "newton",
            training=(),
        ),
        OptimizerSpec(
            "cg",
            "Conjugate gradient",
            "nonlinear conjugate gradients with a line search; the lr scale does not apply",
            None,
            (
                Param(
                    "beta",
                    "choice",
                    "polak-ribiere",
                    "how the last direction is mixed in",
                    choices=("polak-ribiere", "fletcher-reeves"),
                ),
                Param("restart", "int", 0, "restart with the gradient every k steps (0: never)", 0, 100),
            ),
            "line search",
            training=(),
        ),
    )
}

TRAINABLE: tuple[str, ...] = tuple(name for name, spec in OPTIMIZERS.items() if spec.trainable)


def optimizer(name: str) -> OptimizerSpec:
    """The catalogue's entry for `name` (ValueError listing the known names otherwise)."""
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer '{name}'; choose one of: {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name]
