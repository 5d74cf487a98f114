"""Contour lines of a sampled surface by marching squares, vectorised with numpy.

pyqtgraph's IsocurveItem walks the grid in Python (~90 ms per level on 241×241): too slow to
redraw a map after a zoom. This returns every level's line segments at once, as point pairs
for one `PlotCurveItem(connect="pairs")`, in a few milliseconds.
"""

from __future__ import annotations

import numpy as np


def contour_segments(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, levels) -> tuple[np.ndarray, np.ndarray]:
    """x and y of segment end points (pairs: 0-1, 2-3 …) of the contours of `values` (rows along
    `ys`, columns along `xs`) at each level."""
    chunks_x, chunks_y = [], []
    for level in levels:
        x, y = _level_segments(xs, ys, values, float(level))
        chunks_x.append(x)
        chunks_y.append(y)
    if not chunks_x:
        return np.empty(0), np.empty(0)
    return np.concatenate(chunks_x), np.concatenate(chunks_y)


def _level_segments(xs, ys, v, level):
    above = v > level
    a, b, c, d = above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]  # corners: ↙ ↘ ↗ ↖
    va, vb, vc, vd = v[:-1, :-1], v[:-1, 1:], v[1:, 1:], v[1:, :-1]
    x0, x1 = xs[:-1][None, :], xs[1:][None, :]
    y0, y1 = ys[:-1][:, None], ys[1:][:, None]

    def cut(p, q):  # where along p→q the level is crossed (0..1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.clip((level - p) / (q - p), 0.0, 1.0)

    shape = a.shape
    # crossing points on the four edges: bottom (↙↘), right (↘↗), top (↖↗), left (↙↖)
    edges_x = np.stack(
        [
            np.broadcast_to(x0 + cut(va, vb) * (x1 - x0), shape),
            np.broadcast_to(x1, shape),
            np.broadcast_to(x0 + cut(vd, vc) * (x1 - x0), shape),
            np.broadcast_to(x0, shape),
        ]
    )
    edges_y = np.stack(
        [
            np.broadcast_to(y0, shape),
            np.broadcast_to(y0 + cut(vb, vc) * (y1 - y0), shape),
            np.broadcast_to(y1, shape),
            np.broadcast_to(y0 + cut(va, vd) * (y1 - y0), shape),
        ]
    )
    crossed = np.stack([a != b, b != c, d != c, a != d])
    count = crossed.sum(0)

    pairs = []
    two = count == 2
    if two.any():
        order = np.argsort(~crossed[:, two], axis=0, kind="stable")[:2]  # the two crossed edges
        pairs.append((two, order[0], order[1]))
    four = count == 4
    if four.any():  # a saddle cell: the centre decides which corners the lines cut off
        centre_up = ((va + vb + vc + vd) / 4 > level)[four]
        joins_a = centre_up == a[four]  # a's side runs through the centre: cut off b and d
        first = np.where(joins_a, 0, 3), np.where(joins_a, 1, 0)
        second = np.where(joins_a, 2, 1), np.where(joins_a, 3, 2)
        pairs.append((four, *first))
        pairs.append((four, *second))

    out_x, out_y = [], []
    for mask, i, j in pairs:
        ex, ey = edges_x[:, mask], edges_y[:, mask]
        cols = np.arange(ex.shape[1])
        out_x.append(np.stack([ex[i, cols], ex[j, cols]], 1).ravel())
        out_y.append(np.stack([ey[i, cols], ey[j, cols]], 1).ravel())
    if not out_x:
        return np.empty(0), np.empty(0)
    return np.concatenate(out_x), np.concatenate(out_y)
