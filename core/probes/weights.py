"""Weights as images: each dense unit's incoming weights laid out like the picture it looks at.

A Linear layer fed by the input image through Flatten (or Reshape and Dropout, which keep every
pixel's value in place) has one weight per pixel, so its row k reshaped to the input's (C, H, W)
shows what unit k looks for: for a one-layer digit classifier, blurry digit templates (course 001).
The Linear layer its units feed next (through activations, dropout or batch norm, which keep each
unit apart) weighs them once per class: those columns are the course's bars per class. A Linear
layer that does not see the image is sent as its plain weight matrix, and a recurrent layer (RNN,
GRU, LSTM) as [W_ih | W_hh]: each gate's rows, reading the input and the state fed back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.network.layers import has_any_trait, has_trait
from core.probes.base import Probe
from core.words import translate

MAX_UNITS = 100  # unit images sent per snapshot (a 512-wide layer would cost more than it shows)
MAX_MATRIX = 1_000_000  # weights of a matrix image sent per snapshot: its first rows up to this many values


@dataclass
class WeightImages:
    """One Linear layer's weights, as unit images or as a matrix, with the bars of the layer after it."""

    layers: list[str]  # every Linear layer, for the chooser
    layer: str  # the one drawn
    is_image: bool  # True: weights are (units, C, H, W) images of the input; False: the (out, in) matrix
    weights: np.ndarray  # float32; at most MAX_UNITS units (images) or MAX_MATRIX values (matrix)
    units: int  # the layer's width, which `weights` may crop
    unit_names: list[str]  # class names when the layer is the output layer, else "h0", "h1"…
    next_layer: str | None = None
    next_weights: np.ndarray | None = None  # (next layer's out, units): column j weighs unit j
    next_names: list[str] = field(default_factory=list)
    recurrent_split: int | None = None  # a recurrent layer's matrix is [W_ih | W_hh]: W_hh's first column
    gates: list[str] = field(default_factory=list)  # its row blocks, one per gate (PyTorch's order)
    levels: int = 1  # a recurrent layer's stacked layers (num_layers); `weights` is the first one's
    level_weights: list[np.ndarray] = field(default_factory=list)  # every level's [W_ih | W_hh], the first's too
    level_splits: list[int] = field(default_factory=list)  # each level's W_ih width: x_t, then the level below's h_t


class WeightsProbe(Probe):
    def compute(self, layer: str | None = None, max_units: int = MAX_UNITS) -> WeightImages:
        """The chosen Linear layer's weights (by default the first one that sees the image)."""
        return _weight_images(self.trainer, layer, max_units)


def _weight_images(trainer, layer: str | None = None, max_units: int = MAX_UNITS) -> WeightImages:
    graph, model = trainer.project.graph, trainer.model
    linears = [n for n in model.order if has_any_trait(graph.nodes[n].kind, "dense", "recurrent")]
    if not linears:
        raise ValueError(
            translate(
                "probes",
                "this network has no Linear layer and no recurrent one: the Weights view draws their weights "
                "(the Filters view shows convolution kernels)",
            )
        )
    image_fed = [n for n in linears if _image_shape(graph, model, n) is not None]
    if layer is None:
        layer = (image_fed or linears)[0]
    elif layer not in linears:
        raise ValueError(
            translate("probes", "there is no Linear layer called '{0}' (the network has {1})").format(
                layer, ", ".join(linears)
            )
        )
    if has_trait(graph.nodes[layer].kind, "recurrent"):
        return _recurrent_weights(trainer, layer, linears)
    weight = _matrix(model, layer)
    units = weight.shape[0]
    shape = _image_shape(graph, model, layer)
    if shape is not None:
        shown = weight[:max_units].reshape(-1, *shape)
    else:
        shown = weight[: max(1, MAX_MATRIX // weight.shape[1])]
    names = _names(graph, model, trainer.data, layer, units)
    result = WeightImages(linears, layer, shape is not None, shown, units, names[: len(shown)])
    after = _next_linear(graph, model, layer)
    if after is not None:
        result.next_layer = after
        result.next_weights = _matrix(model, after)
        result.next_names = _names(graph, model, trainer.data, after, result.next_weights.shape[0])
    return result


def _recurrent_weights(trainer, layer: str, layers: list[str]) -> WeightImages:
    """[W_ih | W_hh] of every level of a recurrent layer: one row per unit of each gate, its inputs
    then its own state fed back as columns. Level 1 reads the sequence x_t; each level above reads
    the states of the level below (torch's weight_ih_l1, …), so its W_ih is hidden_size wide."""
    from core.probes.recurrent import GATES

    graph, model = trainer.project.graph, trainer.model
    rnn = model.layer(layer).rnn
    numpy = lambda p: p.detach().float().cpu().numpy()  # noqa: E731
    matrices, splits = [], []
    for level in range(rnn.num_layers):
        w_ih, w_hh = getattr(rnn, f"weight_ih_l{level}"), getattr(rnn, f"weight_hh_l{level}")
        weight = np.concatenate([numpy(w_ih), numpy(w_hh)], 1)
        matrices.append(weight[: max(1, MAX_MATRIX // (rnn.num_layers * weight.shape[1]))])
        splits.append(w_ih.shape[1])
    gates = list(GATES[graph.nodes[layer].kind])
    hidden = rnn.hidden_size
    names = [f"{gate}{k}" for gate in gates for k in range(hidden)] if gates else [f"h{k}" for k in range(hidden)]
    shown = matrices[0]
    result = WeightImages(layers, layer, False, shown, hidden * max(len(gates), 1), names[: len(shown)])
    result.recurrent_split, result.gates, result.levels = rnn.input_size, gates, rnn.num_layers
    result.level_weights, result.level_splits = matrices, splits
    return result


def _matrix(model, node_id: str) -> np.ndarray:
    return model.layer(node_id).weight.detach().float().cpu().numpy().copy()


def _image_shape(graph, model, node_id: str) -> tuple[int, ...] | None:
    """The input image's (C, H, W) when the layer's inputs are its pixels in order, else None."""
    source = model.sources[node_id][0]
    while has_any_trait(graph.nodes[source].kind, "shape_only", "training_only"):  # every pixel stays in place
        source = model.sources[source][0]
    shape = tuple(model.shapes[source])
    return shape if has_trait(graph.nodes[source].kind, "input") and len(shape) == 3 else None


def _consumers(graph, model, node_id: str) -> list[str]:
    return [e.dst for e in graph.edges if e.src == node_id and e.dst in model.shapes]


def _next_linear(graph, model, node_id: str) -> str | None:
    """The Linear layer that reads this layer's units one by one, if a plain chain leads to it."""
    after = _consumers(graph, model, node_id)
    while len(after) == 1 and has_trait(graph.nodes[after[0]].kind, "unit_wise"):
        after = _consumers(graph, model, after[0])
    return after[0] if len(after) == 1 and has_trait(graph.nodes[after[0]].kind, "dense") else None


def _names(graph, model, data, node_id: str, units: int) -> list[str]:
    """Class names for the output layer's units (they score the classes), short unit names otherwise."""
    after = _consumers(graph, model, node_id)
    while len(after) == 1 and has_trait(graph.nodes[after[0]].kind, "unit_wise"):
        after = _consumers(graph, model, after[0])
    is_output = len(after) == 1 and has_trait(graph.nodes[after[0]].kind, "output")
    if is_output and data.num_classes == units:
        return list(data.class_names)
    return [f"h{k}" for k in range(units)]
