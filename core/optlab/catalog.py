"""The optimisers a lab racer can use, with their settings, defaults and ranges.

torch.optim's own classes take these settings as keyword arguments unchanged (betas are split
into beta1 and beta2 so every setting is one number); Newton's method and conjugate gradients
come from core.optlab.methods. Nothing here imports torch.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.optlab.functions import Surface


@dataclass(frozen=True)
class Setting:
    name: str
    default: float | str | bool
    low: float = 0.0
    high: float = 1.0
    help: str = ""
    choices: tuple[str, ...] = ()  # for a setting that is a word, not a number


@dataclass(frozen=True)
class OptimizerSpec:
    name: str
    title: str
    torch_class: str | None  # the torch.optim class, or None for ours
    settings: tuple[Setting, ...]
    lr_kind: str  # "gradient": steps are lr·|g|; "step": steps are about lr long; "newton": lr 1 is the full step
    fixed: tuple[tuple[str, object], ...] = ()  # keyword arguments always passed (nesterov=True…)
    help: str = ""

    def defaults(self, surface: Surface | None = None) -> dict:
        """Every setting's default; the learning rate suits `surface` when one is given."""
        values = {s.name: s.default for s in self.settings}
        if surface is not None and "lr" in values and self.lr_kind in ("gradient", "step"):
            values["lr"] = surface.gd_lr if self.lr_kind == "gradient" else surface.step_lr
        return values

    def check(self, settings: dict, surface: Surface | None = None) -> dict:
        """The defaults (for `surface`) overridden by `settings`, each checked against its range."""
        known = {s.name: s for s in self.settings}
        values = self.defaults(surface)
        for name, value in settings.items():
            if name not in known:
                raise ValueError(f"{self.name} has no setting '{name}'; it has: {', '.join(known) or 'none'}")
            spec = known[name]
            if spec.choices:
                if value not in spec.choices:
                    raise ValueError(f"{self.name} {name} must be one of {', '.join(spec.choices)}, not '{value}'")
            elif isinstance(spec.default, bool):
                value = bool(value)
            else:
                value = float(value)
                if not spec.low <= value <= spec.high:
                    raise ValueError(
                        f"{self.name} {name} must be between {spec.low:g} and {spec.high:g}, not {value:g}"
                    )
                if isinstance(spec.default, int):
                    value = int(value)
            values[name] = value
        return values

    def torch_kwargs(self, settings: dict) -> dict:
        """The keyword arguments of the torch.optim class for these (checked) settings."""
        kwargs = dict(self.fixed)
        for name, value in settings.items():
            if name == "beta1":
                kwargs["betas"] = (value, settings["beta2"])
            elif name != "beta2":
                kwargs[name] = None if value == "none" else value
        return kwargs


LR = Setting("lr", 0.01, 1e-6, 100.0, "learning rate")
WD = Setting("weight_decay", 0.0, 0.0, 10.0, "L2 penalty added to the gradient")
BETAS = (
    Setting("beta1", 0.9, 0.0, 0.9999, "decay of the gradient's running mean (momentum)"),
    Setting("beta2", 0.999, 0.0, 0.99999, "decay of the squared gradient's running mean"),
)
EPS = Setting("eps", 1e-8, 0.0, 1.0, "added to the denominator")

OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec("sgd", "SGD", "SGD", (LR, WD), "gradient", help="plain gradient descent: θ ← θ − lr·g"),
        OptimizerSpec(
            "momentum",
            "Momentum",
            "SGD",
            (LR, Setting("momentum", 0.9, 0.0, 0.9999, "α: share of the last step kept"), WD),
            "gradient",
            help="heavy ball: v ← αv + g, θ ← θ − lr·v",
        ),
        OptimizerSpec(
            "nesterov",
            "Nesterov",
            "SGD",
            (LR, Setting("momentum", 0.9, 0.0, 0.9999, "α: share of the last step kept"), WD),
            "gradient",
            fixed=(("nesterov", True),),
            help="momentum with the gradient taken where the velocity leads",
        ),
        OptimizerSpec(
            "adagrad",
            "AdaGrad",
            "Adagrad",
            (LR, Setting("eps", 1e-10, 0.0, 1.0, "added to the denominator"), WD),
            "step",
            help="divides by the root of all past squared gradients: rates only shrink",
        ),
        OptimizerSpec(
            "rmsprop",
            "RMSProp",
            "RMSprop",
            (LR, Setting("alpha", 0.99, 0.0, 0.9999, "ρ: decay of the squared gradient's mean"), EPS, WD),
            "step",
            help="divides by a running root mean square of the gradient: rates recover",
        ),
        OptimizerSpec("adam", "Adam", "Adam", (LR, *BETAS, EPS, WD), "step", help="momentum and RMSProp, debiased"),
        OptimizerSpec(
            "adamw",
            "AdamW",
            "AdamW",
            (LR, *BETAS, EPS, Setting("weight_decay", 0.01, 0.0, 10.0, "decay applied to θ itself")),
            "step",
            help="Adam with decoupled weight decay (pulls θ towards 0)",
        ),
        OptimizerSpec(
            "lbfgs",
            "L-BFGS",
            "LBFGS",
            (
                Setting("lr", 1.0, 1e-6, 100.0, "step scale"),
                Setting("max_iter", 1, 1, 100, "iterations per lab step"),
                Setting("max_eval", 25, 1, 1000, "function evaluations per lab step (line search included)"),
                Setting("history_size", 10, 1, 100, "past steps kept to estimate H⁻¹"),
                Setting("line_search_fn", "strong_wolfe", choices=("strong_wolfe", "none")),
            ),
            "newton",
            help="quasi-Newton: H⁻¹ estimated from recent gradients",
        ),
        OptimizerSpec(
            "newton",
            "Newton",
            None,
            (
                Setting("lr", 1.0, 1e-6, 100.0, "1 is the full Newton step"),
                Setting("damping", 0.0, 0.0, 1000.0, "a in (H + aI)⁻¹g: Levenberg–Marquardt"),
            ),
            "newton",
            help="θ ← θ − H⁻¹g: jumps to the critical point of the local quadratic",
        ),
        OptimizerSpec(
            "cg",
            "Conjugate gradient",
            None,
            (
                Setting("beta", "polak-ribiere", choices=("polak-ribiere", "fletcher-reeves")),
                Setting("restart", 0, 0, 100, "restart with the gradient every k steps (0: never)"),
            ),
            "line search",
            help="nonlinear conjugate gradients with a line search; the lr scale does not apply",
        ),
    )
}


def optimizer(name: str) -> OptimizerSpec:
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer '{name}'; choose one of: {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name]
