"""Contour lines of a sampled surface, traced by contourpy (matplotlib's C++ contouring engine).

Both the optimizer lab's map and the loss landscape draw their contours this way: every level's
lines joined into one x and one y array with NaN between lines, for a single pyqtgraph curve with
`connect="finite"` (one item to paint, however many lines there are).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from contourpy import LineType, contour_generator


def contour_paths(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, levels: Iterable[float]) -> list[np.ndarray]:
    """For each level, its lines as one (n, 2) array of (x, y) points with a NaN row between lines
    (empty if the level is not crossed). `values` has a row per entry of `ys`, a column per `xs`;
    a closed line ends at its first point."""
    generator = contour_generator(xs, ys, values, line_type=LineType.ChunkCombinedNan)
    paths = []
    for level in levels:
        (chunks,) = generator.lines(float(level))
        lines = [points for points in chunks if points is not None]
        paths.append(np.concatenate(lines) if lines else np.empty((0, 2)))
    return paths


def contour_curve(
    xs: np.ndarray, ys: np.ndarray, values: np.ndarray, levels: Iterable[float]
) -> tuple[np.ndarray, np.ndarray]:
    """x and y of every level's lines, NaN between lines: the data of one curve drawn with
    `connect="finite"`."""
    gap = np.full((1, 2), np.nan)
    parts = [part for path in contour_paths(xs, ys, values, levels) if len(path) for part in (path, gap)]
    if not parts:
        return np.empty(0), np.empty(0)
    points = np.concatenate(parts)
    return points[:, 0], points[:, 1]
