"""Undoable edits: one QUndoCommand per model operation, never touching a graphics item.

Compound edits (delete a selection, paste) are a `Macro` holding these small
ones: it runs them in order on redo and in reverse on undo. (Qt's own parent
commands would need Qt to keep each Python child alive, which it does not.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from core.network.graph import Edge, Graph
from core.network.layers import fmt_shape

_SET_PARAM_ID, _SET_TRAINING_ID, _DATASET_ID = 1, 2, 3
TRAINING_WORDS = {"lr": "learning rate", "l1": "L1 penalty", "l2": "L2 penalty", "clip_norm": "gradient clipping"}


def words(name: str) -> str:
    """A setting's name as the undo menu says it: out_features -> out features."""
    return name.replace("_", " ")


def count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def fmt_value(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (tuple, list)):
        return fmt_shape(tuple(value))
    return str(value)


class AddNode(QUndoCommand):
    def __init__(
        self,
        graph: Graph,
        kind: str,
        node_id: str,
        params: dict | None = None,
        pos: tuple[float, float] = (0.0, 0.0),
        frozen: bool = False,
    ):
        super().__init__(f"Add {kind} layer {node_id}")
        self.graph, self.kind, self.node_id = graph, kind, node_id
        self.params, self.pos, self.frozen = dict(params or {}), pos, frozen

    def redo(self) -> None:
        self.graph.add_node(self.kind, self.node_id, self.params, self.frozen, self.pos)

    def undo(self) -> None:
        self.graph.remove_node(self.node_id)


class RemoveNode(QUndoCommand):
    """Remove a node whose wires were already removed by sibling commands."""

    def __init__(self, graph: Graph, node_id: str):
        super().__init__(f"Delete {node_id}")
        self.graph, self.node_id = graph, node_id
        node = graph.nodes[node_id]
        self.kind, self.params, self.frozen, self.pos = node.kind, dict(node.params), node.frozen, node.pos

    def redo(self) -> None:
        self.graph.remove_node(self.node_id)

    def undo(self) -> None:
        self.graph.add_node(self.kind, self.node_id, self.params, self.frozen, self.pos)


class AddEdge(QUndoCommand):
    def __init__(self, graph: Graph, edge: Edge):
        super().__init__(f"Connect {edge.src} to {edge.dst}")
        self.graph, self.edge = graph, edge

    def redo(self) -> None:
        self.graph.add_edge(self.edge.src, self.edge.dst, self.edge.port)

    def undo(self) -> None:
        self.graph.remove_edge(self.edge)


class RemoveEdge(QUndoCommand):
    def __init__(self, graph: Graph, edge: Edge):
        super().__init__(f"Disconnect {edge.src} from {edge.dst}")
        self.graph, self.edge = graph, edge

    def redo(self) -> None:
        self.graph.remove_edge(self.edge)

    def undo(self) -> None:
        self.graph.add_edge(self.edge.src, self.edge.dst, self.edge.port)


class SetParam(QUndoCommand):
    """Set one parameter; consecutive edits of the same field merge into one undo step."""

    def __init__(self, graph: Graph, node_id: str, name: str, value: Any):
        super().__init__(f"Set {node_id}'s {words(name)} to {fmt_value(value)}")
        self.graph, self.node_id, self.name = graph, node_id, name
        self.old, self.new = graph.nodes[node_id].params[name], value

    def id(self) -> int:
        return _SET_PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetParam) or (other.node_id, other.name) != (self.node_id, self.name):
            return False
        self.new = other.new
        self.setText(other.text())
        return True

    def redo(self) -> None:
        self.graph.set_param(self.node_id, self.name, self.new)

    def undo(self) -> None:
        self.graph.set_param(self.node_id, self.name, self.old)


class SetFrozen(QUndoCommand):
    def __init__(self, graph: Graph, node_id: str, frozen: bool):
        super().__init__(f"{'Freeze' if frozen else 'Unfreeze'} {node_id}")
        self.graph, self.node_id, self.frozen = graph, node_id, frozen

    def redo(self) -> None:
        self.graph.set_frozen(self.node_id, self.frozen)

    def undo(self) -> None:
        self.graph.set_frozen(self.node_id, not self.frozen)


class MoveNodes(QUndoCommand):
    """Move nodes from old to new positions (a drag, or an auto-layout)."""

    def __init__(
        self, graph: Graph, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]], text: str = "Move"
    ):
        super().__init__(text)
        self.graph, self.moves = graph, moves

    def redo(self) -> None:
        for node_id, (_, new) in self.moves.items():
            self.graph.move_node(node_id, new)

    def undo(self) -> None:
        for node_id, (old, _) in self.moves.items():
            self.graph.move_node(node_id, old)


class Macro(QUndoCommand):
    """Several commands as one undo step."""

    def __init__(self, text: str, commands: list[QUndoCommand]):
        super().__init__(text)
        self.commands = commands

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


def delete_command(graph: Graph, node_ids: list[str], edges: list[Edge]) -> QUndoCommand:
    """One undo step that removes the given wires, every wire of the given nodes, then the nodes."""
    doomed = set(node_ids)
    wires = list(dict.fromkeys(edges + [e for e in graph.edges if e.src in doomed or e.dst in doomed]))
    steps = [RemoveEdge(graph, edge) for edge in wires] + [RemoveNode(graph, node_id) for node_id in node_ids]
    what = count(len(node_ids), "layer") if node_ids else count(len(wires), "wire")
    return Macro(f"Delete {what}", steps)


def become_command(graph: Graph, target: Graph) -> list[QUndoCommand]:
    """The edits that turn `graph`'s layers and wires into `target`'s (a series' run of the lesson's
    network with some layers taken out, or back): wires and layers that go, then those that come."""
    gone = [e for e in graph.edges if e not in target.edges]
    steps: list[QUndoCommand] = [RemoveEdge(graph, edge) for edge in gone]
    steps += [RemoveNode(graph, node_id) for node_id in graph.nodes if node_id not in target.nodes]
    for node in target.nodes.values():
        if node.id not in graph.nodes:
            steps.append(AddNode(graph, node.kind, node.id, node.params, node.pos, node.frozen))
    steps += [AddEdge(graph, edge) for edge in target.edges if edge not in graph.edges]
    return steps


def paste_command(graph: Graph, clip: dict, offset: tuple[float, float]) -> tuple[QUndoCommand, list[str]]:
    """Add copied nodes under fresh names, with the wires between them; returns the new names."""
    steps: list[QUndoCommand] = []
    names: dict[str, str] = {}
    taken = set(graph.nodes)
    for node in clip["nodes"]:
        stem = node["kind"].lower()
        n = 1
        while f"{stem}{n}" in taken:
            n += 1
        names[node["id"]] = new_id = f"{stem}{n}"
        taken.add(new_id)
        pos = (node["pos"][0] + offset[0], node["pos"][1] + offset[1])
        steps.append(AddNode(graph, node["kind"], new_id, node["params"], pos, node.get("frozen", False)))
    for edge in clip["edges"]:
        if edge["from"] in names and edge["to"] in names:
            steps.append(AddEdge(graph, Edge(names[edge["from"]], names[edge["to"]], edge["port"])))
    return Macro("Paste", steps), list(names.values())


class FitToData(Macro):
    """The network's Input and last layer fitted to newly loaded data: part of choosing that data."""

    def id(self) -> int:
        return _DATASET_ID


class SetDataset(QUndoCommand):
    """Choose a dataset or change its parameters. Fitting the network to the data, which follows
    once the data has loaded, merges into this step: one choice, one undo."""

    def __init__(self, project, name: str, params: dict):
        same = name == project.dataset
        super().__init__(f"Change the {name} dataset's settings" if same else f"Use the {name} dataset")
        self.project, self.new, self.old = project, (name, dict(params)), None
        self.fit: FitToData | None = None

    def id(self) -> int:
        return _DATASET_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, FitToData) or self.fit is not None:
            return False
        self.fit = other
        self.setText(f"{self.text()} and fit the network to it")
        return True

    def redo(self) -> None:
        self.old = self.project.set_dataset(*self.new)
        if self.fit is not None:
            self.fit.redo()

    def undo(self) -> None:
        if self.fit is not None:
            self.fit.undo()
        self.project.set_dataset(*self.old)


class SetTraining(QUndoCommand):
    """Change one training setting; consecutive edits of the same setting merge. It changes its own
    setting only, read when it is done: several in one Macro (a lesson step, a restored run) each
    keep the others' (a whole settings copy taken when built undid the ones before it)."""

    def __init__(self, project, name: str, value):
        super().__init__(f"Set the {TRAINING_WORDS.get(name, words(name))} to {fmt_value(value)}")
        self.project, self.name, self.value = project, name, value
        self.before = getattr(project.training, name)

    def id(self) -> int:
        return _SET_TRAINING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetTraining) or other.name != self.name:
            return False
        self.value = other.value
        self.setText(other.text())
        return True

    def redo(self) -> None:
        training = self.project.training
        self.before = getattr(training, self.name)
        self.project.set_training(training.replace(**{self.name: self.value}))

    def undo(self) -> None:
        self.project.set_training(self.project.training.replace(**{self.name: self.before}))
