"""A 3-D surface drawn with QPainter: a height map as shaded quads, and a path on it.

pyqtgraph's GLSurfacePlotItem needs PyOpenGL and an OpenGL context, which offscreen
rendering (screenshots, the `landscape` verb, tests) does not have; a few thousand painted
quads, sorted back to front, look as good at this size. Drag to turn it, the wheel tilts it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_SIDE = 50  # quads a side at most (a finer grid is subsampled for painting)
DRAG_SIDE = 25  # ... while the surface is being turned, so it follows the mouse
HEIGHT = 0.55  # the surface's height relative to its width


class Surface3D(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(220, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.azimuth, self.elevation = -45.0, 42.0  # degrees
        self.heights: np.ndarray | None = None  # (n, n) in 0..1, row i at y_i
        self.colours: np.ndarray | None = None  # (n, n, 3) uint8
        self.path: np.ndarray | None = None  # (k, 3) in the surface's unit cube
        self.message = ""
        self._image: QImage | None = None
        self._fit = (1.0, 0.0, 0.0)  # scale, centre x, centre y of the projection
        self._drag: QPointF | None = None
        self.turned = False  # the user chose the angle: keep it
        self.setToolTip(self.tr("Drag to turn the surface, scroll to tilt it"))

    def set_surface(self, heights: np.ndarray, colours: np.ndarray, path: np.ndarray | None = None) -> None:
        """heights (n, n) scaled to 0..1, row i at y_i; colours (n, n, 3); path (k, 2) of (x, y);
        x and y run from -1 to 1 across the grid."""
        if self.heights is None and not self.turned:
            self.azimuth = _facing_the_low_side(heights)
        self.heights, self.colours = heights, colours
        self.path, self.message = path, ""
        self._redraw()

    def show_message(self, text: str) -> None:
        self.heights = self.colours = self.path = None
        self.message = text
        self._redraw()

    # ---- projection ---------------------------------------------------------------------

    def _project(self, x, y, z):
        """Orthographic view: (screen x, screen y, depth) with depth growing away from the eye,
        scaled and centred by `_fit`."""
        a, e = np.radians(self.azimuth), np.radians(self.elevation)
        u = x * np.cos(a) - y * np.sin(a)
        v = x * np.sin(a) + y * np.cos(a)
        zz = (z - 0.5) * 2 * HEIGHT
        up = zz * np.cos(e) + v * np.sin(e)
        depth = v * np.cos(e) - zz * np.sin(e)
        scale, cx, cy = self._fit
        return cx + u * scale, cy - up * scale, depth

    def _fit_to(self, heights: np.ndarray) -> None:
        """Scale and centre so that the surface, turned as it is now, fills the widget."""
        n = len(heights)
        gx, gy = np.meshgrid(np.linspace(-1, 1, n), np.linspace(-1, 1, n))
        self._fit = (1.0, 0.0, 0.0)
        sx, sy, _ = self._project(gx, gy, heights)
        top = 34  # room for the title
        width, height = self.width() - 24, self.height() - top - 30
        scale = min(width / max(np.ptp(sx), 1e-6), height / max(np.ptp(sy), 1e-6))
        cx = self.width() / 2 - (sx.min() + sx.max()) / 2 * scale
        cy = top + height / 2 - (sy.min() + sy.max()) / 2 * scale
        self._fit = (scale, cx, cy)

    def _redraw(self) -> None:
        self._image = None
        self.update()

    def _render(self) -> QImage:
        image = QImage(self.size() * self.devicePixelRatio(), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self.devicePixelRatio())
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.heights is None:
            painter.setPen(QColor("#546e7a"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.TextFlag.TextWordWrap, self.message)
            painter.end()
            return image
        self._fit_to(self.heights)
        self._paint_scene(painter)
        self._paint_labels(painter)
        painter.end()
        return image

    def _paint_labels(self, painter: QPainter) -> None:
        painter.setPen(QColor("#37474f"))
        painter.drawText(
            self.rect().adjusted(0, 6, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self.tr("the same loss in 3-D (drag to turn it)"),
        )
        painter.setPen(QColor("#78909c"))
        z, mid, a = self.heights, len(self.heights) // 2, np.radians(self.azimuth)
        near_y = -1 if np.cos(a) >= 0 else 1  # the edges facing the eye
        near_x = -1 if np.sin(a) >= 0 else 1
        row, col = (0 if near_y < 0 else -1), (0 if near_x < 0 else -1)
        labels = (
            (0.0, 1.25 * near_y, z[row, mid], self.tr("direction 1")),
            (1.25 * near_x, 0.0, z[mid, col], self.tr("direction 2")),
        )
        for x, y, h, text in labels:
            sx, sy, _ = self._project(np.array([x]), np.array([y]), np.array([h]))
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.drawText(QPointF(sx[0] - width / 2, sy[0] + 4), text)

    def _paint_scene(self, painter: QPainter) -> None:
        """Quads and the path's pieces, farthest first, so ridges hide what lies behind them."""
        side = DRAG_SIDE if self._drag is not None else MAX_SIDE
        step = max(1, int(np.ceil((len(self.heights) - 1) / side)))
        z, colours = self.heights[::step, ::step], self.colours[::step, ::step]
        n = len(z)
        grid = np.linspace(-1, 1, n)
        gx, gy = np.meshgrid(grid, grid)
        sx, sy, depth = self._project(gx, gy, z)
        corners = [(slice(None, -1), slice(None, -1)), (slice(None, -1), slice(1, None))]
        corners += [(slice(1, None), slice(1, None)), (slice(1, None), slice(None, -1))]
        qx = np.stack([sx[c] for c in corners], -1).reshape(-1, 4)
        qy = np.stack([sy[c] for c in corners], -1).reshape(-1, 4)
        depths = [np.mean([depth[c] for c in corners], 0).ravel()]
        # light from the upper left: darker where the surface faces away
        dzdx = np.gradient(z, axis=1) * (n - 1) * HEIGHT
        dzdy = np.gradient(z, axis=0) * (n - 1) * HEIGHT
        shade = 0.78 + 0.22 * np.clip((-dzdx * 0.5 + dzdy * 0.5 + 1) / np.sqrt(1 + dzdx**2 + dzdy**2), 0, 1)
        colour = (colours.astype(float) * shade[..., None])[:-1, :-1].reshape(-1, 3)
        # a quad seen from below (a slope steeper than the view) turns the other way on screen: darken it
        area = (qx * np.roll(qy, -1, 1) - np.roll(qx, -1, 1) * qy).sum(1)
        flat_x, flat_y, _ = self._project(np.array([-1.0, 1.0, 1.0]), np.array([-1.0, -1.0, 1.0]), np.zeros(3))
        front = np.sign(
            (flat_x[1] - flat_x[0]) * (flat_y[2] - flat_y[0]) - (flat_x[2] - flat_x[0]) * (flat_y[1] - flat_y[0])
        )
        colour[area * front < 0] *= 0.55
        px = py = np.zeros(0)
        if self.path is not None and len(self.path):
            points, heights = self._dense_path()
            px, py, pdepth = self._project(points[:, 0], points[:, 1], heights)
            depths.append((pdepth[:-1] + pdepth[1:]) / 2 - 2e-3)  # a piece lies on its quad: draw it after
        quads = len(depths[0])
        order = np.argsort(-np.concatenate(depths), kind="stable")
        grid_pen, line_pen = QPen(QColor(40, 40, 40, 45), 0.6), QPen(QColor("#e53935"), 2.6)
        line_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        last = len(px) - 2
        valid = (np.isfinite(qx).all(1) & np.isfinite(qy).all(1)).tolist()
        brushes = [QColor(int(r), int(g), int(b)) for r, g, b in colour]
        qx, qy = qx.tolist(), qy.tolist()
        painter.setPen(grid_pen)
        for index in order.tolist():
            if index < quads:
                if valid[index]:
                    x, y = qx[index], qy[index]
                    painter.setBrush(brushes[index])
                    painter.drawPolygon(QPolygonF([QPointF(x[k], y[k]) for k in range(4)]))
                continue
            i = index - quads
            painter.setPen(line_pen)
            painter.drawLine(QPointF(px[i], py[i]), QPointF(px[i + 1], py[i + 1]))
            painter.setPen(QPen(QColor("#c62828"), 2))
            if i == 0:  # the ends' markers are hidden like the pieces they sit on
                painter.setBrush(QColor("white"))
                painter.drawEllipse(QPointF(px[0], py[0]), 4.5, 4.5)
            if i == last:
                painter.setBrush(QColor("#c62828"))
                painter.drawEllipse(QPointF(px[-1], py[-1]), 5, 5)
            painter.setPen(grid_pen)

    def _dense_path(self) -> tuple[np.ndarray, np.ndarray]:
        """The path cut into pieces of half a grid cell, with the surface's height under each point."""
        n, path = len(self.heights), self.path
        cell = 1 / (n - 1)
        points = [path[:1]]
        for a, b in zip(path[:-1], path[1:], strict=True):
            steps = max(1, int(np.ceil(np.abs(b - a).max() / cell)))
            points.append(a + (b - a) * (np.arange(1, steps + 1) / steps)[:, None])
        points = np.concatenate(points)
        rows, cols = (points[:, 1] + 1) / 2 * (n - 1), (points[:, 0] + 1) / 2 * (n - 1)
        return points, bilinear(self.heights, rows, cols) + 0.012

    # ---- Qt -------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._image is None or self._image.size() != self.size() * self.devicePixelRatio():
            self._image = self._render()
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._image = None
        super().resizeEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._drag = event.position()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._drag is None:
            return
        delta = event.position() - self._drag
        self._drag = event.position()
        self.turned = True
        self.azimuth = (self.azimuth - delta.x() * 0.5) % 360
        self.elevation = float(np.clip(self.elevation + delta.y() * 0.3, 5, 89))
        self._redraw()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._drag = None
        self._redraw()  # in full detail again

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.elevation = float(np.clip(self.elevation + event.angleDelta().y() / 40, 5, 89))
        self._redraw()


def _facing_the_low_side(heights: np.ndarray) -> float:
    """Of the four diagonal views, the one whose near half is lowest: the eye looks into the valley."""
    n = len(heights)
    gx, gy = np.meshgrid(np.linspace(-1, 1, n), np.linspace(-1, 1, n))
    best, chosen = np.inf, -45.0
    for azimuth in (-45.0, 45.0, 135.0, -135.0):
        a = np.radians(azimuth)
        near = gx * np.sin(a) + gy * np.cos(a) < 0
        score = heights[near].mean() - heights[~near].mean()
        if score < best:
            best, chosen = score, azimuth
    return chosen


def bilinear(values: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """values at fractional (row, col) positions, clipped to the grid."""
    rows, cols = np.clip(rows, 0, len(values) - 1), np.clip(cols, 0, values.shape[1] - 1)
    r0 = np.clip(np.floor(rows).astype(int), 0, len(values) - 2)
    c0 = np.clip(np.floor(cols).astype(int), 0, values.shape[1] - 2)
    fr, fc = rows - r0, cols - c0
    top = values[r0, c0] * (1 - fc) + values[r0, c0 + 1] * fc
    bottom = values[r0 + 1, c0] * (1 - fc) + values[r0 + 1, c0 + 1] * fc
    return top * (1 - fr) + bottom * fr
