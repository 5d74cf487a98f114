"""Transfer: put layers of a trained run into the current network.

A teacher trains a network on one task, then starts another network and gives it the first one's
hidden layer ("what it learned about strokes helps with other digits"). `plan_import` pairs each
layer with weights in the current network with a layer of the run whose tensors have the same
shapes: the layer of the same name first, else the next unused layer of the same kind and shapes
in network order. A layer without a partner says why ("expects 30×64 but the run has 10×64").
`import_weights` copies the chosen pairs' tensors into a state dict; every other tensor stays as
it was, which for a network with no model yet is what a new run starts from (`fresh_weights`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.network.build import GraphModule
from core.network.graph import Graph
from core.project import Project
from core.words import translate


@dataclass(frozen=True)
class LayerMatch:
    """One layer with weights of the current network and the run's layer that would fill it."""

    node_id: str
    kind: str
    shape: tuple[int, ...]  # its first tensor (a Linear's weight: out × in)
    source: str | None  # the run's layer that fits; None when none does
    why: str = ""  # why none fits ("" when one does)

    @property
    def fits(self) -> bool:
        return self.source is not None


@dataclass(frozen=True)
class _Layer:
    node_id: str
    kind: str
    prefix: str  # its tensors' names start with this in the model's state dict
    shapes: tuple[tuple[str, tuple[int, ...]], ...]  # (tensor name inside the layer, shape), in order

    @property
    def signature(self) -> tuple:
        return self.kind, self.shapes


def _layers(graph: Graph) -> list[_Layer]:
    """The layers that hold tensors, in the order the network computes them."""
    model = GraphModule(graph)
    out = []
    for node_id in model.order:
        state = model.layer(node_id).state_dict()
        if state:
            shapes = tuple((name, tuple(t.shape)) for name, t in state.items())
            out.append(_Layer(node_id, graph.nodes[node_id].kind, f"layers.{model.keys[node_id]}.", shapes))
    return out


def size_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape) or "1"


def plan_import(target: Graph, source: Graph) -> list[LayerMatch]:
    """Every layer with weights of `target`, paired with the layer of `source` whose tensors fit it:
    the same name first, else by order among the source's unused layers of that kind and shape.
    Both graphs must build (GraphModule raises InvalidGraph otherwise)."""
    mine, theirs = _layers(target), _layers(source)
    by_id = {layer.node_id: layer for layer in theirs}
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for layer in mine:
        other = by_id.get(layer.node_id)
        if other is not None and other.signature == layer.signature:
            pairs[layer.node_id] = other.node_id
            used.add(other.node_id)
    for layer in mine:
        if layer.node_id in pairs:
            continue
        other = next((s for s in theirs if s.node_id not in used and s.signature == layer.signature), None)
        if other is not None:
            pairs[layer.node_id] = other.node_id
            used.add(other.node_id)
    out = []
    for layer in mine:
        shape = layer.shapes[0][1]
        if layer.node_id in pairs:
            out.append(LayerMatch(layer.node_id, layer.kind, shape, pairs[layer.node_id]))
        else:
            out.append(LayerMatch(layer.node_id, layer.kind, shape, None, _why(layer, mine, theirs, used)))
    return out


def _why(layer: _Layer, mine: list[_Layer], theirs: list[_Layer], used: set[str]) -> str:
    same_kind = [s for s in theirs if s.kind == layer.kind]
    if not same_kind:
        return translate("transfer", "the run has no {0} layer").format(layer.kind)
    named = next((s for s in same_kind if s.node_id == layer.node_id), None)
    rank = [m for m in mine if m.kind == layer.kind].index(layer)
    other = named or (same_kind[rank] if rank < len(same_kind) else same_kind[-1])
    if other.signature == layer.signature:  # it fits, but an earlier layer took it
        return translate("transfer", "the run's {0} already fills an earlier layer").format(other.node_id)
    theirs_shapes = dict(other.shapes)
    for name, shape in layer.shapes:
        if theirs_shapes.get(name) != shape:
            found = theirs_shapes.get(name)
            if found is None:
                return translate("transfer", "the run's {0} has no {1}").format(other.node_id, name)
            return translate("transfer", "expects {0} but the run has {1} ({2})").format(
                size_text(shape), size_text(found), other.node_id
            )
    return translate("transfer", "the run's {0} holds other tensors").format(other.node_id)


def import_weights(
    state: dict[str, torch.Tensor],
    target: Graph,
    source: Graph,
    source_weights: dict,
    pairs: dict[str, str],
) -> dict[str, torch.Tensor]:
    """`state` (the current network's tensors by name) with the tensors of each chosen layer
    (`pairs`: current layer → run's layer) copied from `source_weights` (tensors or numpy arrays
    by name). Raises ValueError when a pair does not fit, naming the layer."""
    mine = {layer.node_id: layer for layer in _layers(target)}
    theirs = {layer.node_id: layer for layer in _layers(source)}
    out = {name: tensor.detach().clone() for name, tensor in state.items()}
    for node_id, source_id in pairs.items():
        layer, other = mine.get(node_id), theirs.get(source_id)
        if layer is None or other is None or layer.signature != other.signature:
            raise ValueError(translate("transfer", "the run's {0} does not fit {1}").format(source_id, node_id))
        for name, shape in layer.shapes:
            value = source_weights.get(other.prefix + name)
            if value is None or tuple(np.shape(value)) != shape:
                raise ValueError(translate("transfer", "the run lacks the tensor {0}").format(other.prefix + name))
            mine_name = layer.prefix + name
            out[mine_name] = torch.as_tensor(np.asarray(value)).to(out[mine_name].dtype).clone()
    return out


def fresh_weights(project: Project) -> dict[str, torch.Tensor]:
    """The tensors a new run of `project` starts from (core.train.trainer.Trainer's seed and
    initialisation, on the CPU)."""
    from core.train.trainer import initialise

    config = project.training
    with torch.random.fork_rng(devices=[]):  # the window's own random numbers stay as they were
        torch.manual_seed(config.seed)
        model = GraphModule(project.graph)
        initialise(model, config.init, config.init_scale)
    return {name: tensor.detach().clone() for name, tensor in model.state_dict().items()}


def chosen_pairs(matches: list[LayerMatch], chosen: set[str] | None = None) -> dict[str, str]:
    """The pairs to import: every layer that fits, or only the `chosen` ones among them."""
    return {m.node_id: m.source for m in matches if m.fits and (chosen is None or m.node_id in chosen)}
