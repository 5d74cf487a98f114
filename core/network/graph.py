"""The network as a DAG of layer nodes, with evented edits and shape inference.

Edits are small pure operations (`add_node`, `add_edge`, `set_param`, ...)
that the editor's undo commands call; each emits a signal so views can
redraw. `infer` walks the graph in topological order and reports every
problem in plain language, tied to the node it concerns.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from psygnal import Signal

from core.network.layers import KINDS, Shape, ShapeError, has_trait
from core.params import ParamError, validate_params
from core.words import translate

NODE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


class GraphError(ValueError):
    """An edit that cannot be made; the message is for the user."""


@dataclass
class Node:
    id: str
    kind: str
    params: dict[str, Any]
    frozen: bool = False
    pos: tuple[float, float] = (0.0, 0.0)

    @property
    def label(self) -> str:
        return f"{self.kind} '{self.id}'"


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    port: int = 0


class Graph:
    node_added = Signal(str)
    node_removed = Signal(str)
    edge_added = Signal(object)
    edge_removed = Signal(object)
    node_changed = Signal(str, str)  # node id, field ("params", "frozen", "pos")

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Graph) and self.nodes == other.nodes and set(self.edges) == set(other.edges)

    # ---- edits --------------------------------------------------------------

    def add_node(
        self,
        kind: str,
        node_id: str | None = None,
        params: dict | None = None,
        frozen: bool = False,
        pos: tuple[float, float] = (0.0, 0.0),
    ) -> Node:
        if kind not in KINDS:
            raise GraphError(f"unknown layer kind '{kind}' (known: {', '.join(KINDS)})")
        node_id = node_id or self.free_id(kind.lower())
        if not isinstance(node_id, str) or not NODE_ID.match(node_id):
            raise GraphError(f"node name {node_id!r} must start with a letter and use only letters, digits and _")
        if node_id in self.nodes:
            raise GraphError(f"there is already a node named '{node_id}'")
        try:
            clean = validate_params(f"{kind} '{node_id}'", KINDS[kind].params, params or {})
        except ParamError as err:
            raise GraphError(str(err)) from None
        node = Node(node_id, kind, clean, bool(frozen), (float(pos[0]), float(pos[1])))
        self.nodes[node_id] = node
        self.node_added.emit(node_id)
        return node

    def remove_node(self, node_id: str) -> list[Edge]:
        """Remove a node and its wires; returns the wires so undo can restore them."""
        self._node(node_id)
        wires = [e for e in self.edges if node_id in (e.src, e.dst)]
        for edge in wires:
            self.remove_edge(edge)
        del self.nodes[node_id]
        self.node_removed.emit(node_id)
        return wires

    def add_edge(self, src: str, dst: str, port: int = 0) -> Edge:
        source, target = self._node(src), self._node(dst)
        if src == dst:
            raise GraphError(f"{source.label} cannot feed itself")
        if has_trait(source.kind, "output"):
            raise GraphError(f"{source.label} is the end of the network: it has no output to connect")
        ports = self.port_count(dst)
        if not isinstance(port, int) or not 0 <= port < ports:
            raise GraphError(f"{target.label} has no input port {port}" if ports else f"{target.label} takes no input")
        edge = Edge(src, dst, port)
        if any(e.dst == dst and e.port == port for e in self.edges):
            raise GraphError(f"input {port + 1} of {target.label} is already connected")
        self.edges.append(edge)
        self.edge_added.emit(edge)
        return edge

    def remove_edge(self, edge: Edge) -> None:
        self.edges.remove(edge)
        self.edge_removed.emit(edge)

    def set_param(self, node_id: str, name: str, value: Any) -> Any:
        """Set one parameter; returns the old value for undo."""
        value = self.check_param(node_id, name, value)
        node = self.nodes[node_id]
        old = node.params[name]
        node.params[name] = value
        self.node_changed.emit(node_id, "params")
        return old

    def check_param(self, node_id: str, name: str, value: Any) -> Any:
        """The value `set_param` would store, or GraphError saying why it cannot."""
        node = self._node(node_id)
        spec = next((p for p in KINDS[node.kind].params if p.name == name), None)
        if spec is None:
            raise GraphError(f"{node.label} has no parameter '{name}'")
        try:
            value = spec.validate(value)
        except ParamError as err:
            raise GraphError(f"{node.label}: {err}") from None
        if has_trait(node.kind, "multi_input") and name == "inputs":
            if any(e.dst == node_id and e.port >= value for e in self.edges):
                raise GraphError(f"{node.label}: disconnect inputs above {value} first")
        return value

    def set_frozen(self, node_id: str, frozen: bool) -> None:
        self._node(node_id).frozen = bool(frozen)
        self.node_changed.emit(node_id, "frozen")

    def move_node(self, node_id: str, pos: tuple[float, float]) -> None:
        self._node(node_id).pos = (float(pos[0]), float(pos[1]))
        self.node_changed.emit(node_id, "pos")

    # ---- queries --------------------------------------------------------------

    def port_count(self, node_id: str) -> int:
        node = self._node(node_id)
        return KINDS[node.kind].port_count(node.params)

    def free_id(self, stem: str) -> str:
        n = 1
        while f"{stem}{n}" in self.nodes:
            n += 1
        return f"{stem}{n}"

    def inputs_of(self, node_id: str) -> list[str | None]:
        """Source node per input port (None where a port is unconnected)."""
        sources: list[str | None] = [None] * self.port_count(node_id)
        for e in self.edges:
            if e.dst == node_id and e.port < len(sources):
                sources[e.port] = e.src
        return sources

    def would_create_cycle(self, src: str, dst: str) -> bool:
        return src == dst or src in self.reachable(dst)

    def reachable(self, start: str, forward: bool = True) -> set[str]:
        """`start` and every node its wires lead to (or, with forward=False, come from)."""
        seen, todo = {start}, [start]
        while todo:
            here = todo.pop()
            for e in self.edges:
                near, far = (e.src, e.dst) if forward else (e.dst, e.src)
                if near == here and far not in seen:
                    seen.add(far)
                    todo.append(far)
        return seen

    def _node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except (KeyError, TypeError):
            raise GraphError(f"there is no node named {node_id!r}") from None

    # ---- copying -------------------------------------------------------------

    def to_dict(self) -> dict:
        return {
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "params": {k: list(v) if isinstance(v, tuple) else v for k, v in n.params.items()},
                    "frozen": n.frozen,
                    "pos": list(n.pos),
                }
                for n in self.nodes.values()
            ],
            "edges": [{"from": e.src, "to": e.dst, "port": e.port} for e in self.edges],
        }

    def copy(self) -> Graph:
        twin = Graph()
        for n in self.nodes.values():
            twin.nodes[n.id] = Node(n.id, n.kind, dict(n.params), n.frozen, n.pos)
        twin.edges = list(self.edges)
        return twin


# ---- inference -----------------------------------------------------------------


@dataclass
class Problem:
    message: str
    node: str | None = None
    fix: str = ""

    def __str__(self) -> str:
        return f"{self.message} — {self.fix}" if self.fix else self.message


@dataclass
class Inference:
    order: list[str] = field(default_factory=list)
    shapes: dict[str, Shape | None] = field(default_factory=dict)
    param_counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    input_id: str | None = None
    output_id: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total_params(self) -> int:
        return sum(self.param_counts.values())

    def problems_of(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node == node_id]


def infer(graph: Graph) -> Inference:
    """Shapes, parameter counts and problems for every node of `graph`."""
    result = Inference()
    _find_ends(graph, result)
    order, cyclic = _topological_order(graph)
    result.order = order
    if cyclic:
        result.problems.append(_cycle_problem(graph, cyclic))
    for node_id in order:
        result.shapes[node_id] = _infer_node(graph, node_id, result)
    for node_id in cyclic:
        result.shapes[node_id] = None
    if result.input_id and result.output_id and not cyclic:
        if result.output_id not in graph.reachable(result.input_id):
            result.problems.append(
                Problem(
                    translate("graph", "no path from Input to Output"),
                    result.output_id,
                    translate("graph", "connect the layers between them with wires"),
                )
            )
    return result


def _find_ends(graph: Graph, result: Inference) -> None:
    for trait, attr, kind in (("input", "input_id", "Input"), ("output", "output_id", "Output")):
        hint = translate("graph", "drag an {0} layer onto the canvas").format(kind)
        ids = [n.id for n in graph.nodes.values() if has_trait(n.kind, trait)]
        if not ids:
            result.problems.append(Problem(translate("graph", "the network has no {0}").format(kind), None, hint))
        elif len(ids) > 1:
            names = ", ".join(f"'{i}'" for i in ids)
            result.problems.append(
                Problem(
                    translate("graph", "the network has {0} {1} nodes ({2}); it needs exactly one").format(
                        len(ids), kind, names
                    ),
                    ids[1],
                    translate("graph", "delete all but one {0}").format(kind),
                )
            )
        else:
            setattr(result, attr, ids[0])


def _topological_order(graph: Graph) -> tuple[list[str], list[str]]:
    """Kahn's algorithm in insertion order; returns (order, nodes left in cycles)."""
    indegree = {n: 0 for n in graph.nodes}
    children: dict[str, list[str]] = {n: [] for n in graph.nodes}
    for e in graph.edges:
        indegree[e.dst] += 1
        children[e.src].append(e.dst)
    ready = [n for n, d in indegree.items() if d == 0]
    order = []
    while ready:
        here = ready.pop(0)
        order.append(here)
        for child in children[here]:
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    placed = set(order)
    return order, [n for n in graph.nodes if n not in placed]


def _cycle_problem(graph: Graph, cyclic: list[str]) -> Problem:
    """Follow wires backwards inside the leftover set until a node repeats: that is a cycle.

    (Every leftover node has a leftover predecessor, but nodes merely downstream
    of a cycle have no leftover successor, so walking forwards could get stuck.)"""
    left = set(cyclic)
    path, here = [], cyclic[0]
    while here not in path:
        path.append(here)
        here = next(e.src for e in graph.edges if e.dst == here and e.src in left)
    loop = path[path.index(here) :][::-1]
    first = min(range(len(loop)), key=lambda i: cyclic.index(loop[i]))  # start where the user started
    loop = loop[first:] + loop[:first] + [loop[first]]
    return Problem(
        translate("graph", "the graph has a cycle through {0}").format(" → ".join(f"'{n}'" for n in loop)),
        loop[0],
        translate("graph", "remove one of these wires"),
    )


def _infer_node(graph: Graph, node_id: str, result: Inference) -> Shape | None:
    node = graph.nodes[node_id]
    kind = KINDS[node.kind]
    sources = graph.inputs_of(node_id)
    if None in sources:
        port = sources.index(None)
        text = (
            translate("graph", "{0} has nothing connected to input {1}")
            if len(sources) > 1
            else translate("graph", "{0} has nothing connected to its input")
        )
        result.problems.append(
            Problem(
                text.format(node.label, port + 1),
                node_id,
                translate("graph", "drag a wire into it from an earlier layer"),
            )
        )
        return None
    in_shapes = [result.shapes.get(s) for s in sources]
    if any(s is None for s in in_shapes):
        return None  # an upstream node already reported the problem
    try:
        shape = kind.infer(in_shapes, node.params)
        result.param_counts[node_id] = kind.count(in_shapes, node.params)
    except ShapeError as err:
        result.problems.append(Problem(f"{node.label} {err.message}", node_id, err.fix))
        return None
    if math.prod(shape) > 50_000_000:
        result.problems.append(
            Problem(
                translate("graph", "{0} would produce {1:,} values per sample").format(node.label, math.prod(shape)),
                node_id,
                translate("graph", "use fewer units, channels or a larger stride"),
            )
        )
        return None
    return shape
