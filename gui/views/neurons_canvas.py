"""The drawing of the Neurons view: units as circles by layer, weights as lines, biases on the units.

A line's colour says its weight's sign (the project's ramp: blue positive, orange negative) and
its width the weight's size against the largest in the network, so widths compare across layers.
With the backward pass on, each unit shows its forward value for one sample and each line its
gradient ∂L/∂w. Everything is painted from one core.probes.wires.Wiring; clicks are answered with
what was under the mouse (a Target), which the view turns into an edit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from gui.views.backprop import num
from gui.widgets.colours import NEGATIVE, POSITIVE

INK, GREY, GRADIENT = QColor("#263238"), QColor("#78909c"), QColor("#6a1b9a")
MAX_WIDTH = 7.0  # the largest weight's line, in pixels at the normal font
WRITTEN = 16  # at most this many connections between two layers get their number written on the line


@dataclass(frozen=True)
class Target:
    """What a click or the mouse found: a weight, a bias, or an input unit (which has neither)."""

    kind: str  # "weight", "bias" or "input"
    node: str  # the dense layer (or the Input node)
    index: tuple[int, ...]  # (unit, input) for a weight, (unit,) for a bias or an input
    value: float | None = None
    source: str = ""  # the unit a weight comes from, as it is labelled ("x1", "fc1 3")


def unit_name(columns, c: int, i: int) -> str:
    """How unit i of column c is labelled: x1, x2 for inputs, the layer's name and number after."""
    return f"x{i + 1}" if c == 0 else f"{columns[c].node} {i + 1}"


class NetworkCanvas(QWidget):
    clicked = Signal(object, object)  # a Target (None for empty space), and where (a QPoint)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.wiring = None
        self.backprop = False
        self.selected: Target | None = None
        self.centres: list[list[QPointF]] = []
        self.radius = 20.0
        self.under = False  # the numbers under the units are written (there is room for them)
        self.drawn: list[str] = []  # the texts of the last painting, for the tests' language walk
        self.setMouseTracking(True)
        self.setMinimumSize(320, 200)

    def show_wiring(self, wiring, backprop: bool) -> None:
        self.wiring, self.backprop = wiring, backprop and wiring.sample is not None
        self.update()

    def clear(self) -> None:
        self.wiring, self.selected = None, None
        self.update()

    # ---- geometry ----------------------------------------------------------------------------

    def _layout(self) -> None:
        columns = self.wiring.columns
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        top, bottom = 1.8 * line, 0.4 * line
        side = max(metrics.horizontalAdvance("−0.000e-00"), 3 * line)
        tallest = max(c.size for c in columns)
        height = max(1.0, self.height() - top - bottom)
        pitch = height / tallest
        fits = metrics.horizontalAdvance("-0.000") / 2 + 3  # a number fits inside a circle this wide
        below = 2.2 * line  # with the backward pass: two lines of numbers under each unit
        self.under = self.backprop and pitch - below >= 2 * fits  # else the tooltips have them
        below = below if self.under else 0.2 * line
        across = (self.width() - 2 * side) / (3 * len(columns))
        self.radius = max(6.0, min(max(fits, 1.6 * line), (pitch - below) / 2 - 2, across))
        span = max(1.0, self.width() - 2 * side)
        xs = [side + span * (k + 0.5) / len(columns) for k in range(len(columns))]
        self.centres = []
        for x, column in zip(xs, columns, strict=True):
            offset = top + (height - pitch * column.size) / 2 + pitch / 2 - below / 2
            self.centres.append([QPointF(x, offset + pitch * i) for i in range(column.size)])

    def crowded(self) -> bool:
        """Some numbers are left out for want of room: they are in the tooltips."""
        if self.wiring is None:
            return False
        self._layout()
        wide = 0.65 * QFontMetricsF(self.font()).horizontalAdvance("-0.0000") > 2 * self.radius - 4
        return (
            wide
            or (self.backprop and not self.under)
            or any(c.weight is not None and c.weight.size > WRITTEN for c in self.wiring.columns)
        )

    def _largest(self) -> float:
        weights = [np.abs(c.weight).max() for c in self.wiring.columns if c.weight is not None and c.weight.size]
        return max(weights, default=0.0) or 1.0

    # ---- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.wiring is None:
            return
        self._layout()
        self.drawn = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        largest = self._largest()
        for c, column in enumerate(self.wiring.columns):
            if column.weight is not None:
                self._paint_lines(painter, c, column, largest)
        for c, column in enumerate(self.wiring.columns):
            self._paint_header(painter, c, column)
            for i in range(column.size):
                self._paint_unit(painter, c, i, column)
        painter.end()

    def _pen(self, value: float, largest: float) -> QPen:
        colour = QColor(*(POSITIVE if value >= 0 else NEGATIVE))
        width = 0.6 + (MAX_WIDTH * self.font().pointSizeF() / 10) * min(1.0, abs(value) / largest)
        return QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)

    def _paint_lines(self, painter: QPainter, c: int, column, largest: float) -> None:
        written = column.weight.size <= WRITTEN
        labels = []
        for i in range(column.size):
            for j in range(column.weight.shape[1]):
                a, b = self.centres[c - 1][j], self.centres[c][i]
                pen = self._pen(column.weight[i, j], largest)
                if not written:  # many crossing lines: half see-through, so the ones below still show
                    colour = pen.color()
                    colour.setAlpha(150)
                    pen.setColor(colour)
                if self.selected == Target("weight", column.node, (i, j)):
                    painter.setPen(QPen(QColor("#fdd835"), pen.widthF() + 6, Qt.PenStyle.SolidLine))
                    painter.drawLine(a, b)
                painter.setPen(pen)
                painter.drawLine(a, b)
                if written:
                    if self.backprop and column.grad_weight is not None:
                        labels.append((a, b, "∂ " + num(column.grad_weight[i, j]), GRADIENT))
                    else:
                        labels.append((a, b, num(column.weight[i, j]), pen.color().darker(130)))
        for a, b, text, colour in labels:  # over every line of the layer
            self._label(painter, a + (b - a) * 0.3, text, colour)

    def _label(self, painter: QPainter, at: QPointF, text: str, colour: QColor) -> None:
        metrics = QFontMetricsF(painter.font())
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 6, metrics.height())
        box.moveCenter(at)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        self.drawn.append(text)

    def _paint_header(self, painter: QPainter, c: int, column) -> None:
        metrics = QFontMetricsF(self.font())
        x = self.centres[c][0].x()
        if c == 0:
            name, kind = self.tr("inputs"), column.node
        else:
            name = column.node
            if c == len(self.wiring.columns) - 1:
                name = self.tr("{0} (output)").format(name)
            kind = " → ".join(column.activations) if column.activations else self.tr("linear")
        box = QRectF(x - 300, 0.3 * metrics.height(), 600, metrics.height())
        self._row(painter, box, [(name, INK), (kind, GREY)])

    def _row(self, painter: QPainter, box: QRectF, parts: list[tuple[str, QColor]], backed: bool = False) -> None:
        """Texts side by side in their colours, centred together in `box` (on a white ground when
        `backed`, to read over the lines)."""
        metrics = QFontMetricsF(self.font())
        gap = metrics.horizontalAdvance("  ")
        widths = [metrics.horizontalAdvance(text) for text, _ in parts]
        total = sum(widths) + gap * (len(parts) - 1)
        x = box.center().x() - total / 2
        if backed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 215))
            painter.drawRoundedRect(QRectF(x - 3, box.top(), total + 6, box.height()), 3, 3)
        for (text, colour), width in zip(parts, widths, strict=True):
            painter.setPen(colour)
            painter.drawText(QRectF(x, box.top(), width + 1, box.height()), Qt.AlignmentFlag.AlignCenter, text)
            self.drawn.append(text)
            x += width + gap

    def _paint_unit(self, painter: QPainter, c: int, i: int, column) -> None:
        centre, r = self.centres[c][i], self.radius
        metrics = QFontMetricsF(self.font())
        bias = None if column.bias is None else column.bias[i]
        selected = self.selected == Target("bias", column.node, (i,)) and bias is not None
        if selected:
            painter.setPen(QPen(QColor("#fdd835"), 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, r + 3, r + 3)
        ring = GREY if bias is None else QColor(*(POSITIVE if bias >= 0 else NEGATIVE))
        pen = 1.5 if bias is None else 1.5 + 3 * min(1.0, abs(bias) / self._largest())
        painter.setPen(QPen(ring, pen))
        painter.setBrush(QBrush(QColor("#fafafa")))
        painter.drawEllipse(centre, r, r)
        if self.backprop and column.values is not None:
            inside, colour = num(column.values[i]), INK
        elif c == 0:
            inside, colour = unit_name(self.wiring.columns, 0, i), INK
        else:
            inside, colour = (num(bias) if bias is not None else "", ring.darker(130))
        inset = pen / 2 + 1  # the number stays inside the ring, not on it (a thick ring hid "-0.582"'s ends)
        box = QRectF(centre.x() - r + inset, centre.y() - r, 2 * (r - inset), 2 * r)
        self._inside(painter, box, inside, colour)
        if not self.under:
            return
        rows = [[], []]  # under the unit: its bias and ∂L/∂b, then its activation's slope
        if bias is not None:
            rows[0].append((self.tr("b {0}").format(num(bias)), ring.darker(130)))
        if column.grad_bias is not None:
            rows[0].append(("∂ " + num(column.grad_bias[i]), GRADIENT))
        if column.slopes is not None:
            symbol = "σ′" if column.activations[-1] == "Sigmoid" else "f′"
            rows[1].append((f"{symbol} {num(column.slopes[i])}", GREY))
        y = centre.y() + r + 1
        for parts in rows:
            if parts:
                self._row(painter, QRectF(centre.x() - 200, y, 400, metrics.height()), parts, backed=True)
                y += metrics.height()

    def _inside(self, painter: QPainter, box: QRectF, text: str, colour: QColor) -> None:
        """A number in a circle, in a smaller font when it is long; nothing when even that does not
        fit (the tooltip has it)."""
        font = self.font()
        shrink = (box.width() - 4) / max(1.0, QFontMetricsF(font).horizontalAdvance(text))
        if shrink < 0.65:
            return
        if shrink < 1:
            font.setPointSizeF(font.pointSizeF() * shrink)
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        self.drawn.append(text)

    # ---- the mouse ---------------------------------------------------------------------------

    def target_at(self, point: QPointF) -> Target | None:
        """The unit (its bias, or an input) or the connection (its weight) under `point`."""
        if self.wiring is None or not self.centres:
            return None
        columns = self.wiring.columns
        for c, column in enumerate(columns):
            for i, centre in enumerate(self.centres[c]):
                if math.dist((point.x(), point.y()), (centre.x(), centre.y())) <= self.radius + 2:
                    if column.bias is not None:
                        return Target("bias", column.node, (i,), float(column.bias[i]), unit_name(columns, c, i))
                    return Target("input" if c == 0 else "none", column.node, (i,), None, unit_name(columns, c, i))
        best, found = 1e9, None
        largest = self._largest()
        for c, column in enumerate(columns):
            if column.weight is None:
                continue
            for i in range(column.size):
                for j in range(column.weight.shape[1]):
                    a, b = self.centres[c - 1][j], self.centres[c][i]
                    distance = _to_segment(point, a, b)
                    reach = max(5.0, self._pen(column.weight[i, j], largest).widthF() / 2 + 3)
                    if distance <= reach and distance < best:
                        value = float(column.weight[i, j])
                        best, found = (
                            distance,
                            Target("weight", column.node, (i, j), value, unit_name(columns, c - 1, j)),
                        )
        return found

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.target_at(event.position()), event.position().toPoint())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        target = self.target_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if target else Qt.CursorShape.ArrowCursor)
        text = self.describe(target) if target is not None else ""
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def describe(self, target: Target) -> str:
        """The tooltip: which weight or bias, its value, and its gradient when the pass is shown."""
        column = next(c for c in self.wiring.columns if c.node == target.node)
        if target.kind == "weight":
            i, j = target.index
            text = self.tr("weight {0} → {1} {2}: {3}").format(target.source, target.node, i + 1, num(target.value))
            if self.backprop and column.grad_weight is not None:
                text += "\n" + self.tr("∂L/∂w = {0}").format(num(column.grad_weight[i, j]))
            return text
        if target.kind == "bias":
            (i,) = target.index
            text = self.tr("bias of {0}: {1}").format(target.source, num(target.value))
            if self.backprop and column.values is not None:
                text += "\n" + self.tr("value {0}, ∂L/∂b = {1}").format(num(column.values[i]), num(column.grad_bias[i]))
            return text
        if self.backprop and column.values is not None:
            return self.tr("input {0} = {1}").format(target.source, num(column.values[target.index[0]]))
        return ""


def _to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by, px, py = a.x(), a.y(), b.x(), b.y(), p.x(), p.y()
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))
