"""The editor: turns requests from the canvas, palette and inspector into
undoable commands on one graph, checking them first so every command that
reaches the undo stack can run."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QObject, QPointF, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from core.network.graph import Edge, Graph, GraphError
from core.network.layers import has_trait
from core.network.layout import auto_layout
from gui.editor import commands as cmd
from gui.editor.inspector import Inspector
from gui.editor.items import BODY, HEADER, WIDTH
from gui.editor.scene import GraphScene
from gui.editor.view import GraphView

MIME_NODES = "application/x-neurona-nodes"


class Editor(QObject):
    message = Signal(str)  # a refusal or hint for the status bar
    inference_changed = Signal(object)
    node_selected = Signal(str)  # exactly one node became selected

    def __init__(self, view: GraphView, inspector: Inspector, undo_stack: QUndoStack):
        super().__init__()
        self.view, self.inspector, self.undo_stack = view, inspector, undo_stack
        self.graph = Graph()
        self.scene: GraphScene | None = None
        self.paste_count = 0
        self.data = None  # the project's loaded dataset: new Input and Output nodes fit it
        self.guard = lambda: True  # asked before any change to the network (the window asks to stop training)
        view.layer_dropped.connect(self.add_layer)
        view.connect_requested.connect(self.connect_ports)
        view.nodes_moved.connect(self.move_nodes)
        view.refused.connect(self.message)
        inspector.param_edited.connect(self.set_param)
        inspector.frozen_edited.connect(self.set_frozen)

    def set_graph(self, graph: Graph) -> None:
        """Show a new graph; the undo history starts afresh."""
        if self.scene is not None:
            self.scene.selectionChanged.disconnect(self._selection_changed)
            self.scene.detach()
            self.scene.deleteLater()
        self.undo_stack.clear()
        self.graph = graph
        self.scene = GraphScene(graph, self.view)
        self.scene.inference_changed.connect(self.inference_changed)
        self.scene.inference_changed.connect(lambda _: self.inspector.update_values())
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.setScene(self.scene)
        self.inspector.show_node(None, None)
        self.inference_changed.emit(self.scene.inference)

    # ---- edits -------------------------------------------------------------------

    def add_layer(self, kind: str, centre: QPointF | None = None) -> str | None:
        if not self.guard():
            return None
        if centre is None:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
        node_id = self.graph.free_id(kind.lower())
        pos = self._free_spot(centre.x() - WIDTH / 2, centre.y() - (HEADER + BODY) / 2)
        params = {}
        if self.data is not None and has_trait(kind, "input"):
            params = {"shape": list(self.data.input_shape)}
        elif self.data is not None and has_trait(kind, "output") and not self.data.num_classes:
            params = {"loss": "mse"}
        self.undo_stack.push(cmd.AddNode(self.graph, kind, node_id, params, pos=pos))
        self.select([node_id])
        return node_id

    def _free_spot(self, x: float, y: float) -> tuple[float, float]:
        """The nearest place at or below (x, y) where a new node overlaps none: layers added at the
        same spot (a double-click on the palette, twice) stack down instead of hiding each other."""
        gap, height = 16.0, HEADER + BODY
        taken = [node.pos for node in self.graph.nodes.values()]
        while any(abs(x - tx) < WIDTH + gap and abs(y - ty) < height + gap for tx, ty in taken):
            y += height + gap
        return (x, y)

    def connect_ports(self, src: str, dst: str, port: int) -> None:
        if not self.guard():
            return
        taken = next((e for e in self.graph.edges if e.dst == dst and e.port == port), None)
        steps = [cmd.RemoveEdge(self.graph, taken)] if taken else []  # a used input gets the new wire
        steps.append(cmd.AddEdge(self.graph, Edge(src, dst, port)))
        self.undo_stack.push(cmd.Macro(f"Connect {src} to {dst}", steps))

    def move_nodes(self, moves: dict) -> None:
        self.undo_stack.push(cmd.MoveNodes(self.graph, moves))

    def set_param(self, node_id: str, name: str, value) -> None:
        try:
            value = self.graph.check_param(node_id, name, value)
        except GraphError as err:
            self.inspector.show_error(str(err))
            self.inspector.update_values()
            return
        self.inspector.show_error("")
        if self.graph.nodes[node_id].params[name] != value and self.guard():
            self.undo_stack.push(cmd.SetParam(self.graph, node_id, name, value))

    def set_frozen(self, node_id: str, frozen: bool) -> None:
        if self.graph.nodes[node_id].frozen != frozen:  # the model trains on, keeping its weights
            self.undo_stack.push(cmd.SetFrozen(self.graph, node_id, frozen))

    def delete_selection(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edges()
        if (nodes or edges) and self.guard():
            self.undo_stack.push(cmd.delete_command(self.graph, nodes, edges))

    def auto_layout(self) -> None:
        target = auto_layout(self.graph)
        moves = {n: (self.graph.nodes[n].pos, p) for n, p in target.items() if self.graph.nodes[n].pos != p}
        if moves:
            self.undo_stack.push(cmd.MoveNodes(self.graph, moves, "Auto-layout"))
        self.view.fit_all()

    # ---- clipboard -------------------------------------------------------------------

    def copy(self) -> bool:
        chosen = set(self.scene.selected_node_ids())
        if not chosen:
            return False
        data = self.graph.to_dict()
        clip = {
            "nodes": [n for n in data["nodes"] if n["id"] in chosen],
            "edges": [e for e in data["edges"] if e["from"] in chosen and e["to"] in chosen],
        }
        mime = QMimeData()
        mime.setData(MIME_NODES, json.dumps(clip).encode())
        mime.setText(json.dumps(clip, indent=1))
        QApplication.clipboard().setMimeData(mime)
        self.paste_count = 0
        return True

    @staticmethod
    def release_clipboard() -> None:
        """Drop copied layers from the clipboard before the app ends: Qt would otherwise free
        the clipboard's data at exit after Python already had (a crash on exit)."""
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(MIME_NODES):
            QApplication.clipboard().clear()

    def paste(self) -> list[str]:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME_NODES):
            self.message.emit("Nothing to paste: copy some layers first")
            return []
        if not self.guard():
            return []
        clip = json.loads(bytes(mime.data(MIME_NODES)).decode())
        self.paste_count += 1
        parent, names = cmd.paste_command(self.graph, clip, (40.0 * self.paste_count, 40.0 * self.paste_count))
        self.undo_stack.push(parent)
        self.select(names)
        return names

    def duplicate(self) -> list[str]:
        return self.paste() if self.copy() else []

    def cut(self) -> None:
        if self.copy():
            self.delete_selection()

    # ---- selection ----------------------------------------------------------------------

    def select(self, node_ids: list[str]) -> None:
        self.scene.clearSelection()
        for node_id in node_ids:
            self.scene.nodes[node_id].setSelected(True)

    def select_all(self) -> None:
        for item in self.scene.nodes.values():
            item.setSelected(True)

    def _selection_changed(self) -> None:
        if not isValid(self.scene):  # the window is closing and took the scene with it
            return
        chosen = self.scene.selected_node_ids()
        self.inspector.show_node(self.graph, chosen[0] if len(chosen) == 1 else None)
        if len(chosen) == 1:
            self.node_selected.emit(chosen[0])
