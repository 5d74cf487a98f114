"""A small dense network drawn as units and connections, read from the live model (the Neurons view).

Every unit is a circle in its layer's column, every weight a line between two circles, every bias
a number on its unit, as the course draws the perceptron and the MLP (course 002). The drawing is
made of the model's own parameters, read where the model lives, so what the view shows is the
model on screen; a weight set by hand (core.run.messages.SetParameter) shows up in the next result.

With `backprop`, one training sample is followed through the network by core.probes.backprop's
chain rule: each unit's forward value, each connection's ∂L/∂w and each bias's ∂L/∂b, and each
unit's activation slope f′ (σ′ for a sigmoid), the numbers the Backprop view spells out as text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_any_trait, has_trait
from core.probes.backprop import CHAIN_KINDS, by_hand
from core.probes.base import Probe
from core.words import translate

MAX_UNITS = 12  # the widest layer drawn unit by unit: beyond it the circles and lines no longer read


@dataclass
class Column:
    """One layer of units: the network's inputs, or the outputs of a dense layer (after the
    element-wise activations that follow it)."""

    node: str  # the Input node or the dense layer whose outputs these units are
    size: int
    activations: tuple[str, ...] = ()  # the kinds of the activations applied to these units, in order
    activation_nodes: tuple[str, ...] = ()
    weight: np.ndarray | None = None  # (size, previous column's size): the connections into this column
    bias: np.ndarray | None = None
    values: np.ndarray | None = None  # with backprop: each unit's forward value (after its activations)
    slopes: np.ndarray | None = None  # with backprop: f′ of the last activation at each unit
    grad_weight: np.ndarray | None = None  # with backprop: ∂L/∂W, same shape as weight
    grad_bias: np.ndarray | None = None


@dataclass
class Wiring:
    step: int
    columns: list[Column]  # from the inputs to the outputs
    train_loss: float
    train_accuracy: float | None  # None for a regression
    sample: int | None = None  # with backprop: the training sample followed
    target: np.ndarray | None = None
    loss: float | None = None  # that sample's loss


def columns_of(trainer) -> list[Column]:
    """The network as columns of units; ValueError with a sentence when it is not a chain of small
    dense layers and element-wise activations."""
    model, graph = trainer.model, trainer.project.graph
    columns: list[Column] = []
    for node in model.order:
        kind = graph.nodes[node].kind
        if len(model.sources[node]) > 1:
            raise ValueError(
                translate("probes", "the Neurons view draws a chain of layers; '{0}' merges branches").format(node)
            )
        if kind == "Input" or has_trait(kind, "dense"):
            width = int(np.prod(model.shapes[node]))
            if width > MAX_UNITS:
                raise ValueError(
                    translate(
                        "probes",
                        "'{0}' has {1} units; the Neurons view draws networks of at most {2} units per layer "
                        "(the perceptron and the small lessons): the Weights view shows larger ones",
                    ).format(node, width, MAX_UNITS)
                )
            column = Column(node, width)
            if kind != "Input":
                module = model.layer(node)
                column.weight = module.weight.detach().cpu().numpy().astype(np.float64).copy()
                if module.bias is not None:
                    column.bias = module.bias.detach().cpu().numpy().astype(np.float64).copy()
            columns.append(column)
        elif has_trait(kind, "activation") and not has_any_trait(kind, "across_units"):
            columns[-1].activations += (kind,)
            columns[-1].activation_nodes += (node,)
        elif kind not in CHAIN_KINDS:
            raise ValueError(
                translate(
                    "probes", "the Neurons view draws dense layers and element-wise activations; '{0}' is a {1} layer"
                ).format(node, kind)
            )
    return columns


def wiring(trainer, sample: int | None = None) -> Wiring:
    """The drawing of the model now; with `sample`, that training sample's forward and backward pass."""
    columns = columns_of(trainer)
    scores = trainer.evaluate(limit=2000)
    result = Wiring(trainer.step_count, columns, scores["train_loss"], scores["train_acc"])
    if sample is None:
        return result
    if len(trainer.x_train) == 0:
        raise ValueError(translate("probes", "the dataset has no training samples"))
    chosen = int(sample) % len(trainer.x_train)
    chain = by_hand(trainer, chosen)
    passes = {layer.node: layer for layer in chain.layers}
    for column in columns:
        last = column.activation_nodes[-1] if column.activation_nodes else column.node
        column.values = passes[last].outputs
        if column.activation_nodes:
            column.slopes = passes[last].derivative
        if column.weight is not None:
            column.grad_weight = passes[column.node].grad_weight
            column.grad_bias = passes[column.node].grad_bias
    result.sample, result.target, result.loss = chosen, chain.target, chain.loss
    return result


class WiresProbe(Probe):
    def compute(self, sample: int | None = None) -> Wiring:
        return wiring(self.trainer, sample)
