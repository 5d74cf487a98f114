"""The canvas view: zoom, pan, drops from the palette, and the wiring gesture.

The view never edits the model. It turns mouse gestures into requests
(`layer_dropped`, `connect_requested`, `nodes_moved`) that the editor turns
into undoable commands.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from gui.editor.items import PortItem, WireItem
from gui.editor.palette import MIME_LAYER
from gui.editor.scene import GraphScene

MIN_ZOOM, MAX_ZOOM = 0.15, 4.0


class ConnectGesture:
    """Dragging a wire out of a port: a temporary wire follows the mouse until release or Esc."""

    def __init__(self, scene: GraphScene, port: PortItem):
        self.scene, self.port = scene, port
        self.wire = WireItem()
        self.wire.setPen(QPen(QColor("#1e88e5"), 2.2, Qt.PenStyle.DashLine))
        scene.addItem(self.wire)
        self.move(port.scenePos())

    def move(self, pos: QPointF) -> None:
        start = self.port.scenePos()
        self.wire.connect(pos, start) if self.port.is_input else self.wire.connect(start, pos)

    def finish(self, pos: QPointF) -> tuple[str, str, int] | str:
        """(source, target, port) for a sensible drop, else the reason it is refused."""
        self.cancel()
        other = self.scene.port_at(pos)
        if other is None:
            return ""
        out, inp = (other, self.port) if self.port.is_input else (self.port, other)
        if out.is_input == inp.is_input:
            return "connect an output (right side) to an input (left side)"
        src, dst = out.node.node_id, inp.node.node_id
        if src == dst:
            return "a layer cannot feed itself"
        if self.scene.graph.would_create_cycle(src, dst):
            return f"connecting '{src}' to '{dst}' would make a loop"
        return src, dst, inp.index

    def cancel(self) -> None:
        if self.wire.scene():
            self.scene.removeItem(self.wire)


CANVAS_EXTENT = 100_000.0


class GraphView(QGraphicsView):
    layer_dropped = Signal(str, QPointF)
    connect_requested = Signal(str, str, int)
    nodes_moved = Signal(dict)  # node id -> (old, new) positions
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pan with the middle button or
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # space + drag instead
        self.setBackgroundBrush(QColor("#f7f9fa"))
        self.gesture: ConnectGesture | None = None
        self._pan_from: QPointF | None = None
        self._space = False
        self._press_positions: dict[str, tuple[float, float]] = {}
        self.auto_fit = True  # keep the whole graph in view on resize until the user zooms or pans
        # a fixed, ample scene rect: growing it as items are added or wires dragged would re-centre the view,
        # moving every node (and the port under the cursor) mid-gesture
        self.setSceneRect(QRectF(-CANVAS_EXTENT, -CANVAS_EXTENT, 2 * CANVAS_EXTENT, 2 * CANVAS_EXTENT))

    # ---- zoom and pan ----------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor)) / self.zoom
        self.scale(factor, factor)

    def fit_all(self) -> None:
        scene = self.scene()
        rect = QRectF()
        for item in list(scene.nodes.values()) + list(scene.wires.values()) if scene else []:
            rect = rect.united(
                item.mapRectToScene(
                    item.path().boundingRect()
                    if hasattr(item, "path")
                    else item.boundingRect().united(item.childrenBoundingRect())  # a node's unrolled drawing too
                )
            )
        if rect.isEmpty():
            self.resetTransform()
            return
        self.fitInView(rect.adjusted(-30, -50, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.5:
            self.scale(1.5 / self.zoom, 1.5 / self.zoom)
        self.auto_fit = True

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_all()

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.zoom_by(1.0015 ** event.angleDelta().y())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif event.key() == Qt.Key.Key_Escape and self.gesture:
            self.gesture.cancel()
            self.gesture = None
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        else:
            super().keyReleaseEvent(event)

    # ---- mouse gestures ----------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.auto_fit = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        port = self.scene().port_at(pos) if event.button() == Qt.MouseButton.LeftButton else None
        if port is not None:
            self.gesture = ConnectGesture(self.scene(), port)
            return
        super().mousePressEvent(event)
        self._press_positions = {n: (i.pos().x(), i.pos().y()) for n, i in self.scene().nodes.items()}

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            return
        if self.gesture:
            self.gesture.move(self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            return
        if self.gesture:
            result = self.gesture.finish(self.mapToScene(event.position().toPoint()))
            self.gesture = None
            if isinstance(result, tuple):
                self.connect_requested.emit(*result)
            elif result:
                self.refused.emit(result)
            return
        super().mouseReleaseEvent(event)
        moves = {}
        for node_id, item in self.scene().nodes.items():
            old, new = self._press_positions.get(node_id), (item.pos().x(), item.pos().y())
            if old is not None and old != new:
                moves[node_id] = (old, new)
        self._press_positions = {}
        if moves:
            self.nodes_moved.emit(moves)

    # ---- drops from the palette --------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_LAYER):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_LAYER):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(MIME_LAYER):
            return super().dropEvent(event)
        kind = bytes(event.mimeData().data(MIME_LAYER)).decode()
        self.layer_dropped.emit(kind, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """On an empty canvas, say how to start."""
        if self.scene() is None or self.scene().nodes:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#78909c"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        painter.setFont(font)
        painter.drawText(
            self.viewport().rect(),
            Qt.AlignmentFlag.AlignCenter,
            "Drag layers here from the list on the left,\nor open a lesson from File → Lessons.",
        )
        painter.restore()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        super().drawBackground(painter, rect)
        step = 40
        painter.setPen(QPen(QColor("#e3e8eb"), 0))
        left, top = int(rect.left()) - int(rect.left()) % step, int(rect.top()) - int(rect.top()) % step
        for x in range(left, int(rect.right()) + 1, step):
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        for y in range(top, int(rect.bottom()) + 1, step):
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
