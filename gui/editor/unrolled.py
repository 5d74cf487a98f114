"""A recurrent node drawn unrolled through time, as the course's figures 10.2 and 10.3 draw it.

Double-clicking an RNN, GRU or LSTM node on the canvas shows, under it, the layer two ways: on
the left as a circuit (the state h fed back through a delay, the black square), on the right
unrolled over a few steps, h_(t−1) → h_t → h_(t+1), each step reading its input x. Every arrow
that carries the recurrent weights W and the input weights U is drawn in the same colour and
named the same: one matrix, used at every step (parameter sharing). The sizes come from the
layer's own shapes and settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

SHARED = QColor("#ad1457")  # the recurrent group's colour: every use of W and U
INK, PAPER, EDGE = QColor("#263238"), QColor(255, 255, 255, 240), QColor("#90a4ae")
WIDE, TALL = 560.0, 196.0  # the least width; more when the names or the text size need it
BOX_W, BOX_H, X_R = 80.0, 34.0, 14.0
GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}
UNFOLD = QT_TRANSLATE_NOOP("UnrolledItem", "unfold")
SHARED_TEXT = QT_TRANSLATE_NOOP("UnrolledItem", "shared: the same W ({0}) and U ({1}) at every one of the {2} steps")
LEVELS_TEXT = QT_TRANSLATE_NOOP(
    "UnrolledItem", "level 1 of {0}: each level above has its own W and U, shared over the steps"
)


@dataclass(frozen=True)
class Recurrence:
    """What the drawing names: the layer's kind, its steps, input features, units and levels."""

    kind: str
    steps: int | None  # None while the input's shape is unknown
    features: int | None
    hidden: int
    levels: int

    @property
    def state(self) -> str:
        return "h, c" if self.kind == "LSTM" else "h"

    def sizes(self) -> tuple[str, str]:
        """W's and U's shapes, rows × columns, as PyTorch holds them (the gates' rows stacked)."""
        rows = GATES[self.kind] * self.hidden
        features = "?" if self.features is None else str(self.features)
        return f"{rows}×{self.hidden}", f"{rows}×{features}"


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnrolledItem", text)


class UnrolledItem(QGraphicsItem):
    """Drawn under its node (a child item, so it moves with it); not selectable, not a model object."""

    def __init__(self, parent: QGraphicsItem, below: float):
        super().__init__(parent)
        self.setPos(0, below)
        self.setZValue(3)
        self.recurrence: Recurrence | None = None
        self.labels: list[str] = []  # every text drawn, in order (for tests)

    def show_recurrence(self, recurrence: Recurrence) -> None:
        self.prepareGeometryChange()  # its width follows the names and the canvas's text size
        self.recurrence = recurrence
        self.update()

    def names(self) -> tuple[str, ...]:
        r = self.recurrence
        return (
            ("h_(t−1)", "h_t", "h_(t+1)")
            if r is None or r.kind != "LSTM"
            else ("(h, c)_(t−1)", "(h, c)_t", "(h, c)_(t+1)")
        )

    def geometry(self) -> tuple[float, float, float, float]:
        """(box width, step between boxes, where the unfolding arrow starts, total width) for the text size."""
        metrics = QFontMetricsF(_font(9.5))
        box = max(BOX_W, max(metrics.horizontalAdvance(n) for n in self.names()) + 16)
        circuit = max(BOX_W, metrics.horizontalAdvance("h, c") + 16)
        at = 34 + circuit + 56
        gap = box + 48
        shared = QFontMetricsF(_font(9.0, True)).horizontalAdvance(_tr(SHARED_TEXT)) + 60
        return box, gap, at, max(at + 116 + 3 * gap + 20, shared, WIDE)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-2, -2, self.geometry()[3] + 4, TALL + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        r = self.recurrence
        if r is None:
            return
        self.labels = []
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(EDGE, 1.2))
        painter.setBrush(PAPER)
        box_w, gap, at, wide = self.geometry()
        painter.drawRoundedRect(QRectF(0, 0, wide, TALL), 8, 8)
        w_size, u_size = r.sizes()
        # the circuit (figure 10.2, left): h fed back through a one-step delay
        h = QRectF(34, 44, at - 56 - 34, BOX_H)
        self._box(painter, h, r.state)
        loop = QPainterPath(QPointF(h.right(), h.center().y()))
        loop.cubicTo(h.right() + 44, h.center().y(), h.right() + 30, h.top() - 34, h.center().x(), h.top() - 30)
        loop.cubicTo(h.left() - 30, h.top() - 34, h.left() - 24, h.center().y(), h.left(), h.center().y())
        self._shared_pen(painter)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(loop)
        self._head(painter, QPointF(h.left(), h.center().y()), QPointF(1, 0))
        painter.fillRect(QRectF(h.center().x() - 5, h.top() - 35, 10, 10), INK)  # the delay
        self._text(painter, QPointF(h.center().x() + 10, h.top() - 38), "W", SHARED, bold=True)
        x = QPointF(h.center().x(), h.bottom() + 50)
        self._input(painter, x, h, "x")
        # unfolding (figure 10.2, right)
        self._text(painter, QPointF(at + 2, h.center().y() - 10), _tr(UNFOLD), INK)
        painter.setPen(QPen(INK, 1.6))
        painter.drawLine(QPointF(at, h.center().y()), QPointF(at + 40, h.center().y()))
        self._head(painter, QPointF(at + 42, h.center().y()), QPointF(1, 0), INK)
        names = self.names()
        inputs = ("x_(t−1)", "x_t", "x_(t+1)")
        left = at + 116
        self._text(painter, QPointF(at + 54, h.center().y() + 5), "…", INK)
        previous = None
        for k, (name, given) in enumerate(zip(names, inputs, strict=True)):
            box = QRectF(left + k * gap, h.top(), box_w, BOX_H)
            self._box(painter, box, name)
            self._input(painter, QPointF(box.center().x(), h.bottom() + 50), box, given)
            start = QPointF(at + 70, box.center().y()) if previous is None else previous
            self._shared_pen(painter)
            painter.drawLine(start + QPointF(2, 0), QPointF(box.left() - 3, box.center().y()))
            self._head(painter, QPointF(box.left(), box.center().y()), QPointF(1, 0))
            self._text(painter, QPointF((start.x() + box.left()) / 2 - 5, box.center().y() - 8), "W", SHARED, True)
            previous = QPointF(box.right(), box.center().y())
        self._shared_pen(painter)
        painter.drawLine(previous + QPointF(2, 0), previous + QPointF(28, 0))
        self._text(painter, previous + QPointF(32, 5), "…", INK)
        steps = "T" if r.steps is None else str(r.steps)
        shared = _tr(SHARED_TEXT).format(w_size, u_size, steps)
        self._text(painter, QPointF(14, TALL - 24), shared, SHARED, bold=True)
        if r.levels > 1:
            more = _tr(LEVELS_TEXT).format(r.levels)
            self._text(painter, QPointF(14, TALL - 8), more, INK)

    # ---- pieces ------------------------------------------------------------------------------

    def _box(self, painter: QPainter, rect: QRectF, name: str) -> None:
        painter.setPen(QPen(INK, 1.4))
        painter.setBrush(QColor("#fce4ec"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setFont(_font(9.5))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        self.labels.append(name)

    def _input(self, painter: QPainter, centre: QPointF, box: QRectF, name: str) -> None:
        painter.setPen(QPen(INK, 1.4))
        painter.setBrush(QColor("#e8f5e9"))
        painter.setFont(_font(8.5))
        half = max(X_R + 16, QFontMetricsF(painter.font()).horizontalAdvance(name) / 2 + 8)
        painter.drawEllipse(centre, half, X_R)
        painter.drawText(
            QRectF(centre.x() - half, centre.y() - X_R, 2 * half, 2 * X_R), Qt.AlignmentFlag.AlignCenter, name
        )
        self.labels.append(name)
        self._shared_pen(painter)
        top = QPointF(centre.x(), centre.y() - X_R - 2)
        painter.drawLine(top, QPointF(centre.x(), box.bottom() + 4))
        self._head(painter, QPointF(centre.x(), box.bottom() + 1), QPointF(0, -1))
        self._text(painter, QPointF(centre.x() + 5, (top.y() + box.bottom()) / 2 + 4), "U", SHARED, bold=True)

    def _shared_pen(self, painter: QPainter) -> None:
        painter.setPen(QPen(SHARED, 2.2))

    def _head(self, painter: QPainter, tip: QPointF, direction: QPointF, colour: QColor = SHARED) -> None:
        side = QPointF(-direction.y(), direction.x())
        back = tip - direction * 8
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([tip, back + side * 4, back - side * 4]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _text(self, painter: QPainter, at: QPointF, text: str, colour: QColor, bold: bool = False) -> None:
        painter.setPen(colour)
        painter.setFont(_font(9.0, bold))
        painter.drawText(at, text)
        self.labels.append(text)


def _font(size: float, bold: bool = False) -> QFont:
    from gui.editor.items import TEXT_SCALE

    font = QFont()
    font.setPointSizeF(size * TEXT_SCALE["canvas"])
    font.setBold(bold)
    return font
