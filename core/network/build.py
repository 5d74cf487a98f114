"""Turn a valid graph into a torch module that can report any node's output."""

from __future__ import annotations

import torch
from torch import nn

from core.network.graph import Graph, Inference, infer
from core.network.layers import KINDS


class InvalidGraph(ValueError):
    """The graph has problems; `problems` lists them for the user."""

    def __init__(self, inference: Inference):
        self.problems = inference.problems
        super().__init__("; ".join(str(p) for p in self.problems))


def _module_keys(node_ids: list[str]) -> dict[str, str]:
    # ModuleDict refuses keys that shadow its own attributes ("update", "forward",
    # and the instance attribute "training"); the renamed key must not collide with
    # another node's id either ("update" next to "update_").
    probe, keys = nn.ModuleDict(), {}
    taken = set(node_ids)
    for node_id in node_ids:
        key = node_id
        if hasattr(probe, key):
            while hasattr(probe, key) or key in taken:
                key += "_"
            taken.add(key)
        keys[node_id] = key
    return keys


class GraphModule(nn.Module):
    """Runs the nodes that lead to Output in topological order.

    `forward(x)` returns the Output node's value; `forward(x, taps=[...])`
    also returns a dict of the named nodes' outputs, for probes.
    """

    def __init__(self, graph: Graph, inference: Inference | None = None):
        super().__init__()
        inference = inference or infer(graph)
        if not inference.ok:
            raise InvalidGraph(inference)
        self.input_id, self.output_id = inference.input_id, inference.output_id
        needed = graph.reachable(self.output_id, forward=False)
        self.order = [n for n in inference.order if n in needed]
        self.sources = {n: graph.inputs_of(n) for n in self.order}
        self.shapes = {n: inference.shapes[n] for n in self.order}
        self.keys = _module_keys(self.order)
        self.layers = nn.ModuleDict()
        for node_id in self.order:
            node = graph.nodes[node_id]
            in_shapes = [inference.shapes[s] for s in self.sources[node_id]]
            module = KINDS[node.kind].make(in_shapes, node.params)
            if node.frozen:
                module.requires_grad_(False)
            self.layers[self.keys[node_id]] = module

    def forward(self, x: torch.Tensor, taps=None):
        values = {}
        for node_id in self.order:
            module = self.layers[self.keys[node_id]]
            args = [values[s] for s in self.sources[node_id]] or [x]
            values[node_id] = module(*args)
        out = values[self.output_id]
        if taps is None:
            return out
        return out, {t: values[t] for t in taps}

    def layer(self, node_id: str) -> nn.Module:
        return self.layers[self.keys[node_id]]
