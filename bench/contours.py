"""Contour lines before and after contourpy: the loss landscape's grid and the optimizer lab's map.

  landscape - a 51×51 grid (the view's default) of log10 loss with the view's 12 evenly spaced
              levels; the surface is log10 of the lab's Himmelblau function (four valleys), a
              stand-in for a network's loss that needs no training. Before: pyqtgraph's isocurve,
              level by level, as gui/views/landscape/view.py called it.
  lab       - the lab's map at its own GRID (181×181) over each surface's window, with the lab's
              colour scale and contour levels (Rosenbrock's long valley; Rastrigin's many rings).
              Before: the numpy marching squares that gui/widgets/contours.py held at commit
              BEFORE, read from git.
  after     - gui.widgets.contours.contour_curve (contourpy), as both views call it now.
Each time is the best of REPEATS runs (milliseconds). The total length of the lines drawn is
printed for both ways: they trace the same curves, so the lengths agree to a fraction of a percent.

Usage, from the repository root (a git checkout): python bench/contours.py
"""

import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402

from core.optlab import make_surface  # noqa: E402
from gui.views.optlab.plots import GRID, colour_scale  # noqa: E402
from gui.widgets.contours import contour_curve  # noqa: E402

BEFORE = "66b0296"  # the last commit with the hand-written marching squares
LANDSCAPE_GRID, LANDSCAPE_LEVELS = 51, 12
REPEATS = 20


def old_marching_squares():
    """The module gui/widgets/contours.py as it was at commit BEFORE."""
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:gui/widgets/contours.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("old_contours")
    exec(compile(source, "old_contours", "exec"), module.__dict__)
    return module.contour_segments


def isocurve_lines(xs, ys, values, levels):
    """The landscape view's way before: pyqtgraph's isocurve, its grid indices mapped to x and y."""
    lines_x, lines_y = [], []
    for level in levels:
        for line in pg.isocurve(values, level, connected=True):
            rows, cols = np.array(line).T
            lines_x += [np.interp(cols, np.arange(len(xs)), xs), [np.nan]]
            lines_y += [np.interp(rows, np.arange(len(ys)), ys), [np.nan]]
    return np.concatenate(lines_x), np.concatenate(lines_y)


def length_of_curve(x, y) -> float:
    """Total length of NaN-separated lines."""
    return float(np.nansum(np.hypot(np.diff(x), np.diff(y))))


def length_of_pairs(x, y) -> float:
    """Total length of segments given as point pairs."""
    return float(np.hypot(x[1::2] - x[::2], y[1::2] - y[::2]).sum())


def best_ms(draw) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        draw()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def main() -> None:
    rows = []
    surface = make_surface("himmelblau")
    xs, ys, values = surface.grid(LANDSCAPE_GRID)
    logs = np.log10(values + 1e-3)
    levels = np.linspace(logs.min(), logs.max(), LANDSCAPE_LEVELS + 2)[1:-1]
    rows.append(
        (
            f"landscape {LANDSCAPE_GRID}×{LANDSCAPE_GRID}, {len(levels)} levels",
            best_ms(lambda: isocurve_lines(xs, ys, logs, levels)),
            best_ms(lambda: contour_curve(xs, ys, logs, levels)),
            length_of_curve(*isocurve_lines(xs, ys, logs, levels)),
            length_of_curve(*contour_curve(xs, ys, logs, levels)),
        )
    )
    contour_segments = old_marching_squares()
    for name in ("rosenbrock", "rastrigin"):
        surface = make_surface(name)
        scale = colour_scale(surface)
        xs, ys, values = surface.grid(GRID)
        shown = scale.apply(values)
        rows.append(
            (
                f"lab {name} {GRID}×{GRID}, {len(scale.contours)} levels",
                best_ms(lambda: contour_segments(xs, ys, shown, scale.contours)),  # noqa: B023 - run here
                best_ms(lambda: contour_curve(xs, ys, shown, scale.contours)),  # noqa: B023
                length_of_pairs(*contour_segments(xs, ys, shown, scale.contours)),
                length_of_curve(*contour_curve(xs, ys, shown, scale.contours)),
            )
        )
    print(f"{'case':40} {'before ms':>10} {'after ms':>10} {'before/after':>13} {'length before':>14} {'after':>8}")
    for case, before, after, length_before, length_after in rows:
        times = f"{before:10.2f} {after:10.2f} {before / after:13.1f}"
        print(f"{case:40} {times} {length_before:14.2f} {length_after:8.2f}")


if __name__ == "__main__":
    main()
