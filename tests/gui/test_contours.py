"""Contour lines against the curves they stand for: circles of x² + y², the lab's surfaces, the
landscape's log loss."""

from types import SimpleNamespace

import numpy as np
import pytest
import torch

from gui.widgets.contours import contour_curve, contour_paths


def lines_of(x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """The (n, 2) lines of a NaN-separated curve."""
    points = np.stack([x, y], 1)
    breaks = np.flatnonzero(np.isnan(x))
    pieces = [piece[~np.isnan(piece[:, 0])] for piece in np.split(points, breaks)]
    return [piece for piece in pieces if len(piece)]


def test_the_contours_of_x2_plus_y2_are_the_circles_of_radius_1_and_2():
    xs, ys = np.linspace(-3, 3, 81), np.linspace(-2.5, 2.5, 67)  # spacing 0.075, not square
    values = xs[None, :] ** 2 + ys[:, None] ** 2
    one, four = contour_paths(xs, ys, values, [1.0, 4.0])
    for path, radius in ((one, 1.0), (four, 2.0)):
        assert not np.isnan(path).any()  # one line each
        assert np.allclose(path[0], path[-1])  # closed
        assert np.abs(np.hypot(path[:, 0], path[:, 1]) - radius).max() < 2e-3
        angles = np.sort(np.arctan2(path[:, 1], path[:, 0]))
        gaps = np.diff(np.concatenate([angles, angles[:1] + 2 * np.pi]))
        assert gaps.max() < 2 * 0.075 / radius  # all the way round
    assert len(contour_paths(xs, ys, values, [50.0])[0]) == 0  # a level nowhere on the grid


def test_the_curve_joins_every_level_with_a_gap_between_lines():
    xs = ys = np.linspace(-3, 3, 61)
    values = np.cos(2 * xs[None, :]) + np.cos(2 * ys[:, None])  # a level of 1.5 circles each bump top
    x, y = contour_curve(xs, ys, values, [1.5, 0.0])
    lines = lines_of(x, y)
    paths = contour_paths(xs, ys, values, [1.5, 0.0])
    assert len(lines) == sum(np.isnan(p[:, 0]).sum() + 1 for p in paths) > 2
    assert sum(len(line) for line in lines) == sum(len(p) - np.isnan(p[:, 0]).sum() for p in paths)
    assert contour_curve(xs, ys, values, [5.0])[0].size == 0


AROUND = np.array([(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1) if i or j])  # the 8 neighbours


def exact(surface, points: np.ndarray) -> np.ndarray:
    return surface.formula(torch.as_tensor(points[:, 0]), torch.as_tensor(points[:, 1])).numpy()


@pytest.mark.parametrize("name", ["rosenbrock", "rastrigin", "saddle"])
def test_the_labs_contours_lie_on_its_surface_at_its_levels(qtbot, name):
    from gui.views.optlab.lab import OptimizerLab
    from gui.views.optlab.plots import GRID

    lab = OptimizerLab()
    lab.play(False)  # its demo race would run on its own
    qtbot.addWidget(lab)
    lab.resize(1400, 700)
    lab.show()
    qtbot.waitExposed(lab)
    lab.function.setCurrentIndex(lab.function.findData(name))
    plot, surface = lab.surface_plot, lab.race.surface
    assert surface.name == name
    plot.redraw_map()  # now, not after the pan the new surface set off
    x, y = plot.contours.getData()
    lines = lines_of(x, y)
    assert len(lines) >= 5
    levels = plot.scale.contours
    (x0, x1), _ = plot.getViewBox().viewRange()
    cell = (x1 - x0) / (GRID - 1)
    seen = set()
    for line in lines:
        shown = [plot.scale.apply(exact(surface, line + shift)) for shift in ((0, 0), *AROUND * cell)]
        level = levels[np.abs(levels - np.median(shown[0])).argmin()]
        low, high = np.min(shown, axis=0), np.max(shown, axis=0)
        assert np.all((low <= level) & (level <= high))  # each point within a grid cell of the level's curve
        seen.add(float(level))
    assert len(seen) >= len(levels) // 2


def test_the_landscapes_contours_lie_on_the_log_loss_at_evenly_spaced_levels():
    """(pyqtgraph's isocurve, used before, put every line half a grid cell up and to the right.)"""
    from gui.views.landscape.view import CONTOURS, prepare

    xs, ys = np.linspace(-1, 1, 51), np.linspace(-0.5, 1.5, 51)
    squares = (xs[None, :] - 0.2) ** 2 + 2 * ys[:, None] ** 2
    picture = prepare(SimpleNamespace(values=10**squares, xs=xs, ys=ys))
    levels = np.linspace(squares.min(), squares.max(), CONTOURS + 2)[1:-1]
    lines = lines_of(picture.contour_x, picture.contour_y)
    found = set()
    for line in lines:
        log_loss = (line[:, 0] - 0.2) ** 2 + 2 * line[:, 1] ** 2
        level = levels[np.abs(levels - log_loss.mean()).argmin()]
        assert np.abs(log_loss - level).max() < 2e-3
        found.add(float(level))
    assert len(found) == CONTOURS
