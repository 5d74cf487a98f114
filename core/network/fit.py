"""Fitting a network to a dataset: the Input takes the data's shape and the
last layer as many units as there are classes (or target values), and a
sensible first network for any dataset."""

from __future__ import annotations

import math

from core.data.catalog import Data
from core.network.graph import Graph, Inference, Problem, infer
from core.network.layers import fmt_shape, has_trait
from core.network.trainability import training_problems
from core.train_config import TrainConfig


def adapt_to_data(graph: Graph, data: Data) -> list[tuple[str, str, object]]:
    """The parameter changes (node, name, value) that make `graph` fit `data`; applies none."""
    changes: list[tuple[str, str, object]] = []
    inference = infer(graph)
    if inference.input_id and graph.nodes[inference.input_id].params["shape"] != data.input_shape:
        changes.append((inference.input_id, "shape", data.input_shape))
    output = inference.output_id
    if output is None:
        return changes
    regression = not data.num_classes
    loss = graph.nodes[output].params["loss"]
    if regression and loss != "mse":
        changes.append((output, "loss", "mse"))
    elif not regression and loss == "mse" and data.num_classes > 2:
        changes.append((output, "loss", "cross_entropy"))
    last = _width_setter(graph, output)
    if last is not None:
        width = math.prod(data.target_shape) if regression else data.num_classes
        current = graph.nodes[last].params["out_features"]
        yes_no = width == 2 and current == 1 and loss in ("bce", "mse")  # one unit already fits two classes
        if current != width and not yes_no:
            changes.append((last, "out_features", width))
    return changes


def _width_setter(graph: Graph, node_id: str) -> str | None:
    """The dense layer whose width reaches `node_id` through unit-wise layers (which keep it), if any."""
    here = node_id
    while True:
        sources = graph.inputs_of(here)
        if len(sources) != 1 or sources[0] is None:
            return None
        here = sources[0]
        kind = graph.nodes[here].kind
        if has_trait(kind, "dense"):
            return here
        if not has_trait(kind, "unit_wise"):
            return None


def starter_graph(data: Data) -> Graph:
    """A small network that trains on `data` as it is: dense for points and tables,
    recurrent for sequences, flatten-and-dense for images, an autoencoder for patches."""
    graph, chain = Graph(), []

    def add(kind, **params):
        node = graph.add_node(kind, params=params, pos=(len(chain) * 260.0, 0.0))
        if chain:
            graph.add_edge(chain[-1], node.id)
        chain.append(node.id)

    rank = len(data.input_shape)
    add("Input", shape=list(data.input_shape))
    if rank == 2:
        add("GRU", hidden_size=16)
    else:
        if rank == 3:
            add("Flatten")
        add("Linear", out_features=32)
        add("Tanh")
    width = data.num_classes or math.prod(data.target_shape)
    add("Linear", out_features=width)
    if len(data.target_shape) > 1 and not data.num_classes:
        add("Reshape", shape=list(data.target_shape))
    add("Output", loss="cross_entropy" if data.num_classes else "mse")
    return graph


def data_problems(graph: Graph, inference: Inference, data: Data, config: TrainConfig | None = None) -> list[Problem]:
    """Problems between a shape-valid graph and the dataset it will train on, and (with the training
    settings, `config`) whether it can train at all (core.network.trainability)."""
    problems = training_problems(graph, inference, data, config)
    shape_in = inference.shapes.get(inference.input_id) if inference.input_id else None
    if shape_in is not None and tuple(shape_in) != data.input_shape:
        problems.append(
            Problem(
                f"Input '{inference.input_id}' has shape {fmt_shape(shape_in)} but the dataset '{data.name}' "
                f"gives {fmt_shape(data.input_shape)}",
                inference.input_id,
                f"set the Input shape to {fmt_shape(data.input_shape)}",
            )
        )
    out = inference.shapes.get(inference.output_id) if inference.output_id else None
    if out is not None and data.num_classes:
        width, k = out[0] if len(out) == 1 else None, data.num_classes
        if width != k and not (width == 1 and k == 2):
            allowed = f"{k} (one per class)" + (" or 1 (a single yes/no output)" if k == 2 else "")
            problems.append(
                Problem(
                    f"Output '{inference.output_id}' receives {fmt_shape(out)} values but the dataset has {k} classes",
                    inference.output_id,
                    f"make the last layer {allowed} wide",
                )
            )
        elif width == 1 and graph.nodes[inference.output_id].params["loss"] == "cross_entropy":
            problems.append(
                Problem(
                    f"Output '{inference.output_id}' uses cross-entropy, which needs one output per class",
                    inference.output_id,
                    "make the last layer 2 wide, or choose the bce or mse loss",
                )
            )
    elif out is not None:
        problems += _target_problems(graph, inference.output_id, out, data)
    return problems


def _target_problems(graph: Graph, output_id: str, out: tuple[int, ...], data: Data) -> list[Problem]:
    """A regression or reconstruction target: numbers to match, with the squared error."""
    problems, target = [], data.target_shape
    if graph.nodes[output_id].params["loss"] != "mse":
        problems.append(
            Problem(
                f"Output '{output_id}' must use the mse loss: the dataset '{data.name}' asks for numbers, not classes",
                output_id,
                "choose mse in the Output's loss",
            )
        )
    if math.prod(out) != math.prod(target) and data.reconstructs:
        problems.append(
            Problem(
                f"Output '{output_id}' receives {fmt_shape(out)} values but the target is the input: "
                f"{math.prod(target)} values ({fmt_shape(target)})",
                output_id,
                f"make the last layer {math.prod(target)} wide (and Reshape it to {fmt_shape(target)} if you like)",
            )
        )
    elif math.prod(out) != math.prod(target):
        problems.append(
            Problem(
                f"Output '{output_id}' receives {fmt_shape(out)} values but the dataset "
                f"'{data.name}' has targets of {fmt_shape(target)}",
                output_id,
                f"make the last layer produce {fmt_shape(target)} values",
            )
        )
    return problems
