"""A network with some of its layers taken out, the wires joined around them.

A lesson's series compares depths ("1, 2, 3, 4 hidden layers"): each run is the lesson's network
with the layers after the first few taken out. Taking a layer out joins what fed it to what it
fed, so a chain stays a chain; the shapes are inferred again, so the next Linear simply reads
the narrower or wider input.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.network.graph import Graph, GraphError
from core.network.layers import has_any_trait
from core.words import translate


def bypassed(graph: Graph, node_ids: Iterable[str]) -> Graph:
    """A copy of `graph` without `node_ids`; each had one input, whose source now feeds its outputs."""
    twin = graph.copy()
    for node_id in node_ids:
        node = twin.nodes.get(node_id)
        if node is None:
            raise GraphError(translate("bypass", "the network has no layer '{0}'").format(node_id))
        if has_any_trait(node.kind, "input", "output"):
            raise GraphError(
                translate("bypass", "'{0}' is the network's {1}: it cannot be taken out").format(node_id, node.kind)
            )
        feeding = [edge for edge in twin.edges if edge.dst == node_id]
        if len(feeding) != 1:
            raise GraphError(
                translate("bypass", "'{0}' has {1} inputs: only a layer with one input can be taken out").format(
                    node_id, len(feeding)
                )
            )
        fed = [edge for edge in twin.edges if edge.src == node_id]
        twin.remove_node(node_id)
        for edge in fed:
            twin.add_edge(feeding[0].src, edge.dst, edge.port)
    return twin
