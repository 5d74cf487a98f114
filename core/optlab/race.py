"""A race of optimisers on one 2-D surface, advanced together one step at a time.

Each racer owns a 2-element float64 parameter tensor and its optimiser: a real torch.optim
instance (so its path is exactly torch's), or Newton's method / conjugate gradients from
core.optlab.methods. The common options are read at every step, so a slider can change them
mid-race: a learning-rate scale, clipping of the gradient's norm, and seeded Gaussian noise on
the gradient standing in for mini-batches (every racer draws the same noise sequence). A racer may
also lower its own rate linearly over the first steps, as the course's SGD schedule does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core.optimizers import optimizer
from core.optlab.functions import Surface

FAR = 1e6  # a racer this far from the origin has left for good: it stops as "diverged"


@dataclass
class RacerSpec:
    optimizer: str  # a name in core.optimizers.OPTIMIZERS
    settings: dict = field(default_factory=dict)  # overrides of the optimiser's defaults
    label: str = ""
    clip: float = 0.0  # the racer's own clipping norm; 0 follows the common one
    decay_steps: int = 0  # τ of the course's linear schedule (eq. 8.14); 0 keeps the rate constant

    def describe(self, surface: Surface | None = None) -> str:
        """ "Adam (lr 0.05, beta1 0.8)": the rate it runs at on `surface` and the settings chosen."""
        kind = optimizer(self.optimizer)
        values = kind.validate(self.settings, surface)
        parts = [_setting(k, v) for k, v in values.items() if k == "lr" or k in self.settings]
        parts += [f"clip {self.clip:g}"] if self.clip else []
        parts += [f"lr to 1% by step {self.decay_steps}"] if self.decay_steps else []
        return (self.label or kind.title) + (f" ({', '.join(parts)})" if parts else "")


FINAL_RATE = 0.01  # ε_τ / ε_0: the course's advice, "about 1% of the initial rate"


def decayed(step: int, decay_steps: int) -> float:
    """The course's linear schedule (§8.3, eq. 8.14): ε_k = (1 − α) ε_0 + α ε_τ with α = k / τ, then
    constant after step τ. SGD's noisy gradient does not vanish at the minimum: only a falling rate
    lets it settle there. Returns ε_k / ε_0; 1 when `decay_steps` is 0."""
    if decay_steps <= 0:
        return 1.0
    alpha = min(step / decay_steps, 1.0)
    return (1.0 - alpha) + alpha * FINAL_RATE


def _setting(name: str, value) -> str:
    return f"{name} {value:g}" if isinstance(value, float) else f"{name} {value}"


@dataclass
class Common:
    lr_scale: float = 1.0  # multiplies every racer's learning rate (not conjugate gradients': it searches)
    clip: float = 0.0  # clip the gradient to this norm; 0 is off
    noise: float = 0.0  # standard deviation of the noise added to each gradient component
    seed: int = 0


def clip_norm(g, max_norm: float):
    """Scale g down to norm `max_norm` if longer: torch.nn.utils.clip_grad_norm_'s formula."""
    if max_norm <= 0:
        return g
    return g * (max_norm / (g.norm() + 1e-6)).clamp(max=1.0)


class Racer:
    def __init__(self, spec: RacerSpec, surface: Surface, start, seed: int = 0):
        self.spec, self.surface = spec, surface
        self.kind = optimizer(spec.optimizer)
        self.settings = self.kind.validate(spec.settings, surface)
        self.label = spec.label or self.kind.title
        self.reset(start, seed)

    def reset(self, start, seed: int = 0) -> None:
        import torch

        self.p = torch.tensor([float(start[0]), float(start[1])], dtype=torch.float64)
        self.noise = torch.Generator().manual_seed(seed)
        if self.kind.torch_class:
            self.p.requires_grad_(True)
            self.optimizer = self.kind.make([self.p], self.settings)
        elif self.kind.name == "newton":
            from core.optlab.methods import Newton

            self.optimizer = Newton(**self.settings)
        else:
            from core.optlab.methods import ConjugateGradient

            self.optimizer = ConjugateGradient(**self.settings)
        # x, y, loss of the start and of every step, in arrays that double when full: reading them is
        # a view (no copy per frame), and a view handed out earlier is never written again
        self._track, self._count = np.empty((256, 3)), 0
        self._append(float(start[0]), float(start[1]), self._value(self.p))
        self.stopped = ""  # why the racer stopped ("diverged at step 12"), "" while it runs
        self.stop = ("", 0)  # the same as ("diverged" or "left", step), for a reader's own words

    @property
    def points(self) -> np.ndarray:
        """(steps + 1, 2): the start, then the position after every step."""
        return self._track[: self._count, :2]

    @property
    def losses(self) -> np.ndarray:
        return self._track[: self._count, 2]

    @property
    def steps(self) -> int:
        return self._count - 1

    def _append(self, x: float, y: float, loss: float) -> None:
        if self._count == len(self._track):
            self._track = np.concatenate([self._track, np.empty_like(self._track)])
        self._track[self._count] = (x, y, loss)
        self._count += 1

    def step(self, common: Common) -> None:
        if self.stopped:
            return
        perturb = lambda g: self._perturb(g, common)
        scale = common.lr_scale * decayed(self.steps, self.spec.decay_steps)
        if self.kind.torch_class:
            for group in self.optimizer.param_groups:
                group["lr"] = self.settings["lr"] * scale

            def closure():
                self.optimizer.zero_grad()
                loss = self.surface(self.p)
                loss.backward()
                self.p.grad.copy_(perturb(self.p.grad))
                return loss

            if self.kind.torch_class == "LBFGS":
                self.optimizer.step(closure)
            else:
                closure()
                self.optimizer.step()
            new = self.p.detach().clone()
        else:
            new = self.optimizer.step(self.surface, self.p, perturb, scale).detach()
            self.p = new
        x, y = float(new[0]), float(new[1])
        loss = self._value(new)
        if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(loss)):
            self.stopped = f"diverged at step {self.steps + 1}"
            self.stop = ("diverged", self.steps + 1)
            return
        self._append(x, y, loss)
        if max(abs(x), abs(y)) > FAR:
            self.stopped = f"left the map at step {self.steps}"
            self.stop = ("left", self.steps)

    def _perturb(self, g, common: Common):
        import torch

        if common.noise > 0:
            g = g + common.noise * torch.randn(g.shape, generator=self.noise, dtype=g.dtype)
        return clip_norm(g, self.spec.clip or common.clip)

    def _value(self, p) -> float:
        import torch

        with torch.no_grad():
            return float(self.surface(p))


class Race:
    """All racers start at the same point and take their n-th step together."""

    def __init__(self, surface: Surface, specs=(), start=None, common: Common | None = None):
        self.surface = surface
        self.start = tuple(float(v) for v in (start if start is not None else surface.start))
        self.common = common or Common()
        self.racers: list[Racer] = []
        self.step_count = 0
        for spec in specs:
            self.add(spec)

    def add(self, spec: RacerSpec) -> Racer:
        """A new racer at the start (ValueError for an unknown optimiser or a bad setting)."""
        racer = Racer(spec, self.surface, self.start, self.common.seed)
        self.racers.append(racer)
        return racer

    def remove(self, index: int) -> None:
        del self.racers[index]

    def reset(self, start=None) -> None:
        """Every racer back to the start (a new one if given), with fresh optimiser state and noise."""
        if start is not None:
            self.start = (float(start[0]), float(start[1]))
        for racer in self.racers:
            racer.reset(self.start, self.common.seed)
        self.step_count = 0

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            for racer in self.racers:
                racer.step(self.common)
            self.step_count += 1

    @property
    def finished(self) -> bool:
        return all(r.stopped for r in self.racers)
