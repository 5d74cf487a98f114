"""The dashboard's probes over the input plane: the decision boundary and every neuron.

The worker computes them between training steps; the GUI only ever sees
their results, plain numpy arrays. Everything runs in eval mode without gradients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.network.layers import has_any_trait, has_trait
from core.probes.base import Probe
from core.words import translate

if TYPE_CHECKING:  # torch is imported where it is used, so the views can import Surface cheaply
    from core.network.build import GraphModule


SURFACE_SIZE = 64  # grid points along each side of the decision boundary
NEURON_SIZE = 28  # ... and of each neuron's picture
PLANE_INTERVAL = 0.1  # seconds between the dashboard's pictures while training runs: cheap, so smooth


@dataclass
class Surface:
    """The network's answer over a grid of the input plane, rows from bottom (y min) to top."""

    bounds: tuple[float, float, float, float]  # x min, x max, y min, y max
    values: np.ndarray  # (n, n): P(class 1), the winning class, or the predicted value
    kind: str  # "probability", "classes" or "value"
    confidence: np.ndarray | None = None  # (n, n) probability of the winning class, for "classes"
    # when the last step trained on one sample (batch size 1, the perceptron rule step by step): that
    # sample's index in the training set and its point, as the trainer held them; the surface is the
    # model right after that step, so the view rings the point whose update moved the line
    sample: int | None = None
    sample_point: tuple[float, float] | None = None
    step: int = 0  # the training steps taken when the surface was computed


def plane_bounds(x: np.ndarray, margin: float = 0.15) -> tuple[float, float, float, float]:
    """A square window around 2-D points, so the plane is not stretched."""
    low, high = x.min(0), x.max(0)
    centre, half = (low + high) / 2, (high - low).max() / 2 * (1 + margin) + 1e-6
    return (float(centre[0] - half), float(centre[0] + half), float(centre[1] - half), float(centre[1] + half))


def grid_points(bounds: tuple[float, float, float, float], n: int) -> np.ndarray:
    """(n·n, 2) points of an n×n grid, row-major with y increasing by row."""
    xs = np.linspace(bounds[0], bounds[1], n, dtype=np.float32)
    ys = np.linspace(bounds[2], bounds[3], n, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], 1)


def _run(model: GraphModule, points: np.ndarray, taps=None):
    import torch

    device = next(model.parameters(), torch.zeros(0)).device
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        result = model(torch.as_tensor(points, device=device), taps=taps)
    model.train(was_training)
    return result


def decision_surface(model: GraphModule, bounds, n: int, loss: str, num_classes: int) -> Surface:
    """Probabilities (two classes), winning class (more) or value (regression) over the plane."""
    import torch

    out = _run(model, grid_points(bounds, n)).float()
    if not num_classes:
        return Surface(bounds, out[:, 0].reshape(n, n).cpu().numpy(), "value")
    if out.shape[1] == 1:  # a single yes/no unit: a logit for bce, the value itself for mse
        p = torch.sigmoid(out[:, 0]) if loss == "bce" else out[:, 0].clamp(0, 1)
        return Surface(bounds, p.reshape(n, n).cpu().numpy(), "probability")
    probs = torch.softmax(out, 1) if loss == "cross_entropy" else out.clamp(min=0)
    probs = probs / probs.sum(1, keepdim=True).clamp(min=1e-12)
    if num_classes == 2:
        return Surface(bounds, probs[:, 1].reshape(n, n).cpu().numpy(), "probability")
    confidence, winner = probs.max(1)
    return Surface(
        bounds, winner.reshape(n, n).cpu().numpy().astype(np.float32), "classes", confidence.reshape(n, n).cpu().numpy()
    )


def neuron_columns(graph, model: GraphModule, max_units: int = 12) -> list[tuple[str, str]]:
    """For a small dense network on 2-D inputs: per Linear layer, (the Linear, the node whose
    output is drawn: its activation when one follows directly). Empty when any layer is too wide
    or the network is not a plain chain of dense layers."""
    columns = []
    for node_id in model.order:
        node = graph.nodes[node_id]
        if has_any_trait(node.kind, "input", "output", "activation", "training_only"):
            continue
        if has_trait(node.kind, "features") and model.sources[node_id] == [model.input_id]:
            continue  # drawn as the inputs (input_features)
        if not has_trait(node.kind, "dense") or model.shapes[node_id][0] > max_units:
            return []
        after = [e.dst for e in graph.edges if e.src == node_id and e.dst in model.order]
        shown = after[0] if len(after) == 1 and has_trait(graph.nodes[after[0]].kind, "activation") else node_id
        columns.append((node_id, shown))
    return columns


def input_features(graph, model: GraphModule) -> tuple[str | None, list[str]]:
    """The Features node fed by the input, if any, and the names of its columns; else (None, x and y)."""
    from core.network.layers import FEATURES

    for node_id in model.order:
        node = graph.nodes[node_id]
        if has_trait(node.kind, "features") and model.sources[node_id] == [model.input_id]:
            return node_id, [shown for name, shown in FEATURES.items() if node.params[name]]
    return None, ["x", "y"]


def neuron_surfaces(model: GraphModule, bounds, n: int, nodes: list[str]) -> dict[str, np.ndarray]:
    """Each listed node's units over the plane: {node: (units, n, n)}."""
    if not nodes:
        return {}
    _, taps = _run(model, grid_points(bounds, n), taps=nodes)
    return {node: taps[node].float().T.reshape(-1, n, n).cpu().numpy() for node in nodes}


def dense_weights(model: GraphModule, node_id: str) -> np.ndarray | None:
    """The weight matrix (out, in) of a Linear node, for drawing connections."""
    layer = model.layer(node_id)
    weight = getattr(layer, "weight", None)
    return weight.detach().float().cpu().numpy().copy() if weight is not None and weight.dim() == 2 else None


@dataclass
class Neurons:
    """Each unit of a small dense network over the plane, and the weights between them."""

    bounds: tuple[float, float, float, float]
    columns: list[tuple[str, str]]  # per Linear layer: (the Linear, the node drawn); [] when not drawable
    surfaces: dict[str, np.ndarray]  # node drawn -> (units, n, n); the Features node's too
    weights: dict[str, np.ndarray]  # Linear -> (out, in)
    inputs: str | None = None  # the Features node drawn as the inputs; None: x and y themselves
    input_names: tuple[str, ...] = ("x", "y")


def _plane_of(trainer) -> tuple[float, float, float, float]:
    data = trainer.data
    if not data.is_2d:
        raise ValueError(translate("probes", "the input plane needs 2-D inputs (points of a plane)"))
    return plane_bounds(np.concatenate([data.x_train, data.x_test]))


class BoundaryProbe(Probe):
    """The network's answer over the plane the data lives on (fixed when the session starts)."""

    interval = PLANE_INTERVAL

    def __init__(self, trainer):
        super().__init__(trainer)
        self.bounds = _plane_of(trainer) if trainer.data.is_2d else None

    def compute(self, size: int = SURFACE_SIZE) -> Surface:
        if self.bounds is None:
            raise ValueError(translate("probes", "the decision boundary needs 2-D inputs (points of a plane)"))
        t = self.trainer
        surface = decision_surface(t.model, self.bounds, size, t.loss_kind, t.data.num_classes)
        surface.sample, surface.sample_point = last_sample(t)
        surface.step = t.step_count
        return surface


def last_sample(trainer) -> tuple[int | None, tuple[float, float] | None]:
    """The training sample the last step used, and its point, when that step used exactly one."""
    batch = trainer.last_batch
    if batch is None or len(batch) != 1:
        return None, None
    index = int(batch[0])
    x, y = (float(v) for v in trainer.x_train[index].reshape(-1)[:2].cpu())
    return index, (x, y)


class NeuronsProbe(Probe):
    """Every unit's output over the plane and each Linear layer's weights, for the neuron view."""

    interval = PLANE_INTERVAL

    def __init__(self, trainer):
        super().__init__(trainer)
        is_2d = trainer.data.is_2d
        self.bounds = _plane_of(trainer) if is_2d else None
        self.columns = neuron_columns(trainer.project.graph, trainer.model) if is_2d else []
        self.inputs, self.input_names = input_features(trainer.project.graph, trainer.model)

    def compute(self, size: int = NEURON_SIZE) -> Neurons:
        if self.bounds is None:
            raise ValueError(translate("probes", "the neuron view needs 2-D inputs (points of a plane)"))
        model = self.trainer.model
        drawn = [shown for _, shown in self.columns] + ([self.inputs] if self.inputs and self.columns else [])
        surfaces = neuron_surfaces(model, self.bounds, size, drawn)
        weights = {linear: dense_weights(model, linear) for linear, _ in self.columns}
        return Neurons(self.bounds, list(self.columns), surfaces, weights, self.inputs, tuple(self.input_names))
