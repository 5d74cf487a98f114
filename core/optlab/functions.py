"""The 2-D test surfaces of the optimizer lab, written with tensor methods only.

A formula takes two tensors `x`, `y` (scalars for a racer, grids for the picture) and
uses only tensor methods and operators, so autograd and torch.func give exact
gradients and Hessians, and this module imports without torch.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy and torch load when a grid is drawn: the command line lists names without them
    import numpy as np

Point = tuple[float, float]


@dataclass(frozen=True)
class Surface:
    name: str
    title: str
    formula: Callable  # (x, y) tensors -> tensor of values
    window: tuple[float, float, float, float]  # x min, x max, y min, y max: where the picture looks
    start: Point  # a start that shows the surface's difficulty
    minima: tuple[Point, ...]  # to mark on the map
    saddles: tuple[Point, ...] = ()
    floor: float | None = 0.0  # the lowest value, None if unbounded below: the loss plot shows value - floor
    gd_lr: float = 0.01  # a stable rate for plain gradient descent near the start
    step_lr: float = 0.05  # a rate for the adaptive methods, whose steps are about lr long
    params: dict = field(default_factory=dict)
    note: str = ""

    def __call__(self, p):
        """The value at a 2-element tensor `p`."""
        return self.formula(p[0], p[1])

    def grid(self, n: int = 201, bounds=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """xs (n,), ys (n,) and values (n, n) over `bounds` (the window by default), rows along y."""
        import torch

        x0, x1, y0, y1 = self.window if bounds is None else bounds
        xs, ys = torch.linspace(x0, x1, n, dtype=torch.float64), torch.linspace(y0, y1, n, dtype=torch.float64)
        gy, gx = torch.meshgrid(ys, xs, indexing="ij")
        threads = torch.get_num_threads()
        torch.set_num_threads(1)  # (this thread only) a small grid: a second thread costs more than it saves
        try:
            with torch.no_grad():
                values = self.formula(gx, gy)
        finally:
            torch.set_num_threads(threads)
        return xs.numpy(), ys.numpy(), values.numpy()


@dataclass(frozen=True)
class Param:
    """A surface's adjustable number (the quadratic's condition number)."""

    name: str
    default: float
    low: float
    high: float
    help: str


def _quadratic(condition: float = 10.0) -> Surface:
    k = float(condition)
    if not 1 <= k <= 1e4:
        raise ValueError(f"the condition number must be between 1 and 10000, not {condition:g}")
    return Surface(
        "quadratic",
        f"Quadratic bowl, condition {k:g}",
        lambda x, y: 0.5 * (x**2 + k * y**2),
        (-10.0, 10.0, -6.0, 6.0),
        (-9.0, 3.0),
        ((0.0, 0.0),),
        gd_lr=1.0 / k,
        step_lr=0.2,
        params={"condition": k},
        note="Hessian diag(1, κ): a ravine κ times steeper across than along.",
    )


def _rosenbrock() -> Surface:
    return Surface(
        "rosenbrock",
        "Rosenbrock",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        (-2.0, 2.0, -1.0, 3.0),
        (-1.5, 2.0),
        ((1.0, 1.0),),
        gd_lr=0.001,
        step_lr=0.05,
        note="A curved, flat-bottomed valley: easy to find, slow to follow.",
    )


def _beale() -> Surface:
    return Surface(
        "beale",
        "Beale",
        lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2,
        (-4.5, 4.5, -4.5, 4.5),
        (1.0, 1.5),
        ((3.0, 0.5),),
        gd_lr=0.001,
        step_lr=0.02,
        note="Flat plains and sharp ridges: gradients differ by orders of magnitude.",
    )


def _himmelblau() -> Surface:
    minima = ((3.0, 2.0), (-2.805118, 3.131313), (-3.779310, -3.283186), (3.584428, -1.848126))
    return Surface(
        "himmelblau",
        "Himmelblau",
        lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
        (-5.0, 5.0, -5.0, 5.0),
        (-0.3, -0.9),
        minima,
        saddles=((0.086678, 2.884255), (-3.073025, -0.081353), (3.385154, 0.073852), (-0.127961, -1.953715)),
        gd_lr=0.005,
        step_lr=0.05,
        note="Four equal minima: which one a racer finds depends on its path. The start lies beside a local "
        "maximum, and Newton's method, which seeks any point of zero gradient, climbs onto it.",
    )


def _saddle() -> Surface:
    return Surface(
        "saddle",
        "Saddle x² − y²",
        lambda x, y: x**2 - y**2,
        (-2.0, 2.0, -2.0, 2.0),
        (-1.8, 0.05),
        (),
        saddles=((0.0, 0.0),),
        floor=None,
        gd_lr=0.05,
        step_lr=0.02,
        note="No minimum at all: (0, 0) is a saddle, and the surface falls away along y forever.",
    )


def _rastrigin() -> Surface:
    two_pi = 2 * math.pi
    return Surface(
        "rastrigin",
        "Rastrigin",
        lambda x, y: 20 + x**2 - 10 * (two_pi * x).cos() + y**2 - 10 * (two_pi * y).cos(),
        (-5.12, 5.12, -5.12, 5.12),
        (-4.3, 3.2),
        ((0.0, 0.0),),
        gd_lr=0.002,
        step_lr=0.05,
        note="A bowl covered in local minima: gradient methods stop in the nearest one.",
    )


# The cliff: a high plateau sloping gently towards a steep face, below which lies the basin.
CLIFF_HEIGHT, CLIFF_WIDTH, CLIFF_MINIMUM = 20.0, 0.5, (4.0, 0.0)


def _softplus(z):
    return z.clamp(min=0) + (-z.abs()).exp().log1p()  # log(1 + e^z) without overflow


def _cliff() -> Surface:
    """The face between x = −width and 0 falls `height` at a constant slope (corners smoothed by
    softplus), so a step that lands on it is always lr · height / width long."""
    h, w, (mx, my) = CLIFF_HEIGHT, CLIFF_WIDTH, CLIFF_MINIMUM
    k = 40 / w  # corner sharpness

    def cliff(x, y):
        face = (_softplus(-k * x) - _softplus(-k * (x + w))) / (k * w)  # 1 on the plateau, 0 in the basin
        return 0.05 * ((x - mx) ** 2 + 4 * (y - my) ** 2) + h * face

    return Surface(
        "cliff",
        "Cliff",
        cliff,
        (-5.0, 9.0, -3.5, 3.5),
        (-4.0, 2.5),
        ((mx, my),),
        gd_lr=0.2,
        step_lr=0.05,
        note="A plateau that ends in a wall: on the wall the gradient is huge, and one step flies far.",
    )


SURFACES: dict[str, tuple[Callable[..., Surface], tuple[Param, ...]]] = {
    "quadratic": (_quadratic, (Param("condition", 10.0, 1.0, 1000.0, "λmax / λmin of the bowl"),)),
    "rosenbrock": (_rosenbrock, ()),
    "beale": (_beale, ()),
    "himmelblau": (_himmelblau, ()),
    "saddle": (_saddle, ()),
    "rastrigin": (_rastrigin, ()),
    "cliff": (_cliff, ()),
}


def make_surface(name: str, **params) -> Surface:
    """The surface called `name` with its parameters (ValueError naming the choices if unknown)."""
    if name not in SURFACES:
        raise ValueError(f"unknown function '{name}'; choose one of: {', '.join(SURFACES)}")
    factory, known = SURFACES[name]
    allowed = {p.name for p in known}
    unknown = set(params) - allowed
    if unknown:
        hint = f" (it takes {', '.join(sorted(allowed))})" if allowed else " (it takes none)"
        raise ValueError(f"the {name} function has no parameter {', '.join(sorted(unknown))}{hint}")
    return factory(**params)
