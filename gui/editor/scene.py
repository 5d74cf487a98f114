"""The canvas scene: mirrors a Graph's events into node and wire items and
re-runs shape inference after every change, so shapes, parameter counts and
errors are always current."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from core.network.fit import data_problems
from core.network.graph import Edge, Graph, Inference, infer
from core.network.layers import fmt_shape, has_trait
from gui.editor.items import NodeItem, PortItem, WireItem
from gui.editor.summaries import node_summary
from gui.editor.unrolled import Recurrence


class GraphScene(QGraphicsScene):
    inference_changed = Signal(object)  # Inference

    def __init__(self, graph: Graph, parent=None):
        super().__init__(parent)
        self.graph = graph
        self.nodes: dict[str, NodeItem] = {}
        self.wires: dict[Edge, WireItem] = {}
        self.inference = Inference()
        self.data = None  # the dataset, once loaded: its problems with the graph are shown too
        self.training = None  # the training settings, once known: a batch of one breaks BatchNorm
        self._connections = [
            (graph.node_added, self._add_node),
            (graph.node_removed, self._remove_node),
            (graph.edge_added, self._add_wire),
            (graph.edge_removed, self._remove_wire),
            (graph.node_changed, self._node_changed),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        for node_id in graph.nodes:
            self._add_node(node_id, refresh=False)
        for edge in graph.edges:
            self._add_wire(edge, refresh=False)
        self.refresh()

    def detach(self) -> None:
        """Stop following the graph (before the scene is thrown away)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)

    # ---- following the model -----------------------------------------------------

    def _add_node(self, node_id: str, refresh: bool = True) -> None:
        node = self.graph.nodes[node_id]
        item = NodeItem(node_id, node.kind)
        item.setPos(*node.pos)
        self.nodes[node_id] = item
        self.addItem(item)
        if refresh:
            self._edited()

    def _remove_node(self, node_id: str) -> None:
        self.removeItem(self.nodes.pop(node_id))
        self._edited()

    def _add_wire(self, edge: Edge, refresh: bool = True) -> None:
        wire = WireItem(edge)
        self.wires[edge] = wire
        self.addItem(wire)
        if refresh:
            self._edited()

    def _remove_wire(self, edge: Edge) -> None:
        self.removeItem(self.wires.pop(edge))
        self._edited()

    def _node_changed(self, node_id: str, field: str) -> None:
        if field == "pos":
            item = self.nodes[node_id]
            pos = QPointF(*self.graph.nodes[node_id].pos)
            if item.pos() != pos:
                item.setPos(pos)
        else:
            self._edited()

    def set_data(self, data) -> None:
        self.data = data
        self.refresh()

    def set_training(self, config) -> None:
        """The project's training settings: some problems (BatchNorm with a batch of one) depend on them."""
        if config != self.training:
            self.training = config
            self.refresh()

    def _edited(self) -> None:
        """The graph changed: re-infer, and keep the canvas where the user is working (the problem
        list appearing must not re-fit it; Fit to Window, Ctrl+0, does that when asked)."""
        for view in self.views():
            view.auto_fit = False
        self.refresh()

    def refresh(self) -> None:
        """Re-infer shapes and show them, and every problem, on every node and wire."""
        self.inference = inference = infer(self.graph)
        if self.data is not None:
            inference.problems += data_problems(self.graph, inference, self.data, self.training)
        for node_id, item in self.nodes.items():
            node = self.graph.nodes[node_id]
            shape = inference.shapes.get(node_id)
            count = inference.param_counts.get(node_id, 0)
            if has_trait(node.kind, "output"):
                detail = self.tr("receives {0}").format(fmt_shape(shape) if shape is not None else "?")
            else:
                detail = self.tr("{0} params").format(QLocale().toString(count)) if count else self.tr("no params")
            item.show_state(
                node_summary(node.kind, node.params),
                detail,
                [str(p) for p in inference.problems_of(node_id)],
                node.frozen,
                self.graph.port_count(node_id),
            )
            if has_trait(node.kind, "recurrent"):
                item.set_recurrence(self._recurrence(node_id))
        for edge, wire in self.wires.items():
            shape = inference.shapes.get(edge.src)
            wire.set_label(fmt_shape(shape) if shape is not None else "?")
        self._route_all()
        self.inference_changed.emit(inference)

    def _recurrence(self, node_id: str) -> Recurrence:
        """A recurrent node's sizes for its unrolled drawing: steps and features from its input's shape."""
        node = self.graph.nodes[node_id]
        sources = self.graph.inputs_of(node_id)
        shape = self.inference.shapes.get(sources[0]) if sources else None
        steps, features = (shape[0], shape[1]) if shape is not None and len(shape) == 2 else (None, None)
        return Recurrence(node.kind, steps, features, node.params["hidden_size"], node.params["num_layers"])

    # ---- geometry -------------------------------------------------------------------

    def node_moved(self, node_id: str) -> None:
        for edge, wire in self.wires.items():
            if node_id in (edge.src, edge.dst):
                self._route(edge, wire)

    def _route_all(self) -> None:
        for edge, wire in self.wires.items():
            self._route(edge, wire)

    def _route(self, edge: Edge, wire: WireItem) -> None:
        src, dst = self.nodes[edge.src], self.nodes[edge.dst]
        if src.output is None or edge.port >= len(dst.inputs):
            return
        wire.connect(src.output.scenePos(), dst.inputs[edge.port].scenePos())

    def port_at(self, scene_pos: QPointF, tolerance: float = 10.0) -> PortItem | None:
        """The port nearest to `scene_pos` within `tolerance`, so a wire need not hit it exactly."""
        area = QRectF(scene_pos.x() - tolerance, scene_pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        ports = [item for item in self.items(area) if isinstance(item, PortItem)]
        return min(ports, key=lambda p: (p.scenePos() - scene_pos).manhattanLength(), default=None)

    def selected_node_ids(self) -> list[str]:
        return [item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [item.edge for item in self.selectedItems() if isinstance(item, WireItem) and item.edge]
