"""What the canvas draws: layer nodes with ports, and wires labelled with shapes.

Items hold no model state of their own: the scene tells them what to show
after every change (`show_state`), and they read nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsPathItem, QStyleOptionGraphicsItem

from core.network.layers import KINDS, has_trait
from gui.editor.unrolled import Recurrence, UnrolledItem

GROUP_COLOURS = {
    "inputs": "#2e7d32",
    "dense": "#1565c0",
    "convolution": "#6a1b9a",
    "pooling": "#8e24aa",
    "activations": "#ef6c00",
    "regularisation": "#00838f",
    "recurrent": "#ad1457",
    "merge": "#4e342e",
    "output": "#37474f",
}
ERROR = QColor("#d32f2f")
WIDTH, HEADER, BODY = 176.0, 30.0, 52.0
PORT_RADIUS = 7.0
TEXT_SCALE = {"canvas": 1.0}  # raised in presentation mode so a class can read the canvas


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size * TEXT_SCALE["canvas"])
    font.setBold(bold)
    return font


def _fitted_font(text: str, size: float, width: float, bold: bool = False) -> QFont:
    """The canvas font, made smaller (down to the normal size) where `text` would not fit `width`:
    presentation mode's large text grows the short names and summaries without clipping the long ones."""
    font = _font(size, bold)
    wide = QFontMetricsF(font).horizontalAdvance(text)
    if wide > width and TEXT_SCALE["canvas"] > 1.0:
        font.setPointSizeF(max(size, font.pointSizeF() * width / wide))
    return font


class PortItem(QGraphicsItem):
    """A connection point: inputs on a node's left edge, the output on its right."""

    def __init__(self, node: NodeItem, is_input: bool, index: int):
        super().__init__(node)
        self.node, self.is_input, self.index = node, is_input, index
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = PORT_RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = PORT_RADIUS * (1.3 if self.hovered else 1.0)
        painter.setPen(QPen(QColor("#263238"), 1.5))
        painter.setBrush(QColor("#ffffff") if self.is_input else QColor("#263238"))
        painter.drawEllipse(QPointF(0, 0), r, r)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.update()


class NodeItem(QGraphicsObject):
    """One layer: a coloured header with its name, a body with a summary and its parameter count."""

    def __init__(self, node_id: str, kind: str):
        super().__init__()
        self.node_id, self.kind = node_id, kind
        self.colour = QColor(GROUP_COLOURS[KINDS[kind].group])
        self.summary, self.count_text, self.problems, self.frozen = "", "", [], False
        self.inputs: list[PortItem] = []
        self.output = PortItem(self, False, 0) if not has_trait(kind, "output") else None
        if self.output:
            self.output.setPos(WIDTH, HEADER + BODY / 2)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(1)
        self.recurrence: Recurrence | None = None  # a recurrent layer's sizes, set by the scene
        self.unrolled: UnrolledItem | None = None  # its drawing through time, while shown

    def set_recurrence(self, recurrence: Recurrence) -> None:
        self.recurrence = recurrence
        if self.unrolled is not None:
            self.unrolled.show_recurrence(recurrence)

    def toggle_unrolled(self) -> None:
        """Show or hide the layer drawn unrolled through time (gui/editor/unrolled.py) under the node."""
        if self.unrolled is not None:
            self.unrolled.setParentItem(None)
            if self.unrolled.scene():
                self.unrolled.scene().removeItem(self.unrolled)
            self.unrolled = None
        elif self.recurrence is not None:
            self.unrolled = UnrolledItem(self, HEADER + BODY + 14)
            self.unrolled.show_recurrence(self.recurrence)
            QTimer.singleShot(0, self._show_unrolled)  # after the click: a scroll under a pressed button drags

    def _show_unrolled(self) -> None:
        """Scroll the unrolled drawing into sight."""
        if self.unrolled is not None and self.scene() is not None:
            for view in self.scene().views():
                view.ensureVisible(self.unrolled.mapRectToScene(self.unrolled.boundingRect()), 10, 10)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if has_trait(self.kind, "recurrent") and event.button() == Qt.MouseButton.LeftButton:
            self.toggle_unrolled()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def show_state(self, summary: str, count_text: str, problems: list[str], frozen: bool, ports: int) -> None:
        self.summary, self.count_text, self.problems, self.frozen = summary, count_text, problems, frozen
        while len(self.inputs) < ports:
            self.inputs.append(PortItem(self, True, len(self.inputs)))
        while len(self.inputs) > ports:
            port = self.inputs.pop()
            if port.scene():
                port.scene().removeItem(port)
        for i, port in enumerate(self.inputs):
            port.setPos(0, HEADER + BODY * (i + 1) / (ports + 1))
        tip = f"<b>{self.kind} '{self.node_id}'</b><br>{KINDS[self.kind].help}"
        if has_trait(self.kind, "recurrent"):
            tip += (
                "<br><i>" + self.tr("Double-click to draw it unrolled through time, its shared weights marked") + "</i>"
            )
        if problems:
            tip += "".join(f"<br><span style='color:#d32f2f'>⚠ {p}</span>" for p in problems)
        self.setToolTip(tip)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-4, -4, WIDTH + 8, HEADER + BODY + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, WIDTH, HEADER + BODY)
        border = ERROR if self.problems else QColor("#1e88e5") if self.isSelected() else QColor("#90a4ae")
        painter.setPen(QPen(border, 3 if self.problems or self.isSelected() else 1.2))
        painter.setBrush(QColor("#eceff1") if self.frozen else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 8, 8)
        body = QPainterPath()
        body.addRoundedRect(rect, 8, 8)
        painter.save()
        painter.setClipPath(body)
        painter.fillRect(QRectF(0, 0, WIDTH, HEADER), ERROR if self.problems else self.colour)
        painter.restore()
        painter.setPen(QColor("#ffffff"))
        badge = ("⚠ " if self.problems else "") + ("❄ " if self.frozen else "")
        title, room = f"{badge}{self.node_id}", WIDTH - 20
        title_font = _fitted_font(title, 10.5, room, bold=True)
        painter.setFont(title_font)
        painter.drawText(QRectF(10, 0, room, HEADER), Qt.AlignmentFlag.AlignVCenter, title)
        kind_font = _font(8.5)
        width = lambda font, text: QFontMetricsF(font).horizontalAdvance(text)
        used = width(title_font, title) + width(kind_font, self.kind)
        if used + 8 <= room:  # the kind only where the name leaves room: the header's colour says it too
            painter.setFont(kind_font)
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(10, 0, room, HEADER), right, self.kind)
        painter.setPen(QColor("#263238"))
        room = WIDTH - 28
        painter.setFont(_fitted_font(self.summary, 9.5, room))
        painter.drawText(QRectF(14, HEADER + 4, room, BODY / 2), Qt.AlignmentFlag.AlignVCenter, self.summary)
        painter.setPen(QColor("#607d8b"))
        painter.setFont(_fitted_font(self.count_text, 9.5, room))
        painter.drawText(
            QRectF(14, HEADER + BODY / 2 - 2, room, BODY / 2), Qt.AlignmentFlag.AlignVCenter, self.count_text
        )

    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.scene():
            self.scene().node_moved(self.node_id)
        return super().itemChange(change, value)


class WireItem(QGraphicsPathItem):
    """A wire from an output port to an input port, with the shape it carries written on it."""

    def __init__(self, edge=None):
        super().__init__()
        self.edge = edge
        self.label = ""
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, edge is not None)
        self.setPen(QPen(QColor("#78909c"), 2.2))

    def connect(self, start: QPointF, end: QPointF) -> None:
        dx = max(abs(end.x() - start.x()) / 2, 40)
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end)
        self.setPath(path)

    def set_label(self, text: str) -> None:
        self.label = text
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return super().boundingRect().adjusted(-80, -50, 80, 10)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#1e88e5") if self.isSelected() else self.pen().color(), self.pen().widthF())
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        if not self.label:
            return
        painter.setFont(_fitted_font(self.label, 9, 56, bold=True))  # no wider than the gap between nodes
        metrics = painter.fontMetrics()
        mid = self.path().pointAtPercent(0.5)
        width = metrics.horizontalAdvance(self.label) + 12
        height = metrics.height() + 6
        box = QRectF(mid.x() - width / 2, mid.y() - height - 8, width, height)  # above the wire, clear of ports
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.setBrush(QBrush(QColor("#fffde7")))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor("#37474f"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)
