"""A function of x the user draws (universal approximation, course 002): a stroke dragged across a
plot becomes the 1-D regression dataset "A function of x" with the function "drawn".

The stroke is kept as a `Sketch`, a row of evenly spaced x positions over the dataset's range, each
holding the y drawn last over it: dragging back over a part redraws that part, so whatever the hand
does the result is a function, one y for each x. The curve is stored in the project (the `drawing`
parameter, JSON [[x, y], ...]), and the dataset samples it where it samples every other function:
x uniform on [−1, 1], the target the curve linearly interpolated there (numpy.interp; level beyond
the ends of the stroke), plus the noise asked for.
"""

from __future__ import annotations

import json

import numpy as np

from core.words import translate

X_RANGE = (-1.0, 1.0)  # where the function dataset draws its x
COLUMNS = 101  # x positions a stroke is kept at: a step of 0.02
MIN_SPAN = 0.1  # a stroke must cover at least this share of the x range


class DrawingError(ValueError):
    """A drawing that is not a function of x; the message is for the user."""


def _span_error() -> DrawingError:
    return DrawingError(
        translate(
            "datasets",
            "That stroke is (almost) vertical. A function has one y for each x: drag across the plot, "
            "from left to right, over at least a tenth of its width.",
        )
    )


def _single_point_error() -> DrawingError:
    return DrawingError(
        translate("datasets", "A single point is not a curve: hold the button down and drag across the plot.")
    )


class Sketch:
    """A stroke being drawn: the y drawn last over each of COLUMNS evenly spaced x positions."""

    def __init__(self, columns: int = COLUMNS):
        self.xs = np.linspace(*X_RANGE, columns)
        self.ys = np.full(columns, np.nan)
        self._last: tuple[float, float] | None = None
        self._box: list[float] | None = None  # the pointer's own extent: x min, x max, y min, y max

    def add(self, x: float, y: float) -> None:
        """The pointer moved to (x, y): every column between the last position and this one takes the
        y of the straight segment joining them (x outside the range is held at its edge)."""
        if not (np.isfinite(x) and np.isfinite(y)):
            return
        x = float(np.clip(x, *X_RANGE))
        box = self._box or [x, x, y, y]
        self._box = [min(box[0], x), max(box[1], x), min(box[2], y), max(box[3], y)]
        x0, y0 = self._last if self._last is not None else (x, y)
        low, high = min(x0, x), max(x0, x)
        step = self.xs[1] - self.xs[0]
        inside = (self.xs >= low - step / 2) & (self.xs <= high + step / 2)
        if not inside.any():
            inside[np.argmin(np.abs(self.xs - x))] = True
        if high - low > 1e-12:
            t = np.clip((self.xs[inside] - x0) / (x - x0), 0.0, 1.0)
            self.ys[inside] = y0 + t * (y - y0)
        else:
            self.ys[inside] = y
        self._last = (x, y)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """The drawn columns' (x, y)."""
        drawn = np.isfinite(self.ys)
        return self.xs[drawn], self.ys[drawn]

    def curve_json(self) -> str:
        """The drawing as the dataset's `drawing` parameter; DrawingError with a sentence if it is no curve."""
        box = self._box
        if box is None or (box[1] - box[0] < 1e-9 and box[3] - box[2] < 1e-9):
            raise _single_point_error()  # the pointer never moved: a click
        if box[1] - box[0] < MIN_SPAN * (X_RANGE[1] - X_RANGE[0]):
            raise _span_error()
        xs, ys = self.points()
        return curve_json(xs, ys)


def check_span(xs: np.ndarray) -> None:
    if xs[-1] - xs[0] < MIN_SPAN * (X_RANGE[1] - X_RANGE[0]) - 1e-9:
        raise _span_error()


def curve_json(xs: np.ndarray, ys: np.ndarray) -> str:
    """[[x, y], ...] rounded to 4 decimals: the project file stays readable."""
    return json.dumps([[round(float(a), 4), round(float(b), 4)] for a, b in zip(xs, ys, strict=True)])


def parse_curve(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The `drawing` parameter as x (strictly increasing) and y arrays; DrawingError if it is not one."""
    if not text:
        raise DrawingError(
            translate(
                "datasets",
                "Nothing drawn yet: in the Approximation view press 'Draw your own', then drag across the plot.",
            )
        )
    try:
        rows = json.loads(text)
        xs = np.array([float(r[0]) for r in rows], dtype=np.float64)
        ys = np.array([float(r[1]) for r in rows], dtype=np.float64)
    except (ValueError, TypeError, IndexError, KeyError):
        raise DrawingError(translate("datasets", "the drawing must be a JSON list of [x, y] pairs")) from None
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        raise DrawingError(translate("datasets", "every point of the drawing needs finite x and y"))
    if len(xs) < 2:
        raise _single_point_error()
    if np.any(np.diff(xs) <= 0):
        raise DrawingError(translate("datasets", "the drawing's x values must increase from one point to the next"))
    check_span(xs)
    return xs, ys


def target(xs: np.ndarray, curve: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The drawn function at xs: linear between the drawn points, level beyond the ends."""
    return np.interp(xs, *curve)


def function(p, rng):
    """The function dataset's maker: a drawn curve, or one of core.data.toys.FUNCTIONS."""
    from core.data import toys

    if p["function"] != "drawn":
        return toys.function(p, rng)
    curve = parse_curve(p["drawing"])
    x = rng.uniform(*X_RANGE, (p["n_samples"], 1))
    return x, target(x[:, 0], curve) + rng.normal(0, p["noise"], len(x))
