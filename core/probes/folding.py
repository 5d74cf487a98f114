"""Probes for the "Space folding" and "Hidden layer" views: where each layer puts the data.

`folding` follows a regular grid of the input plane and the training points through
every stage of a network on 2-D data (each affine map and each nonlinearity on its
own), so the picture shows the plane being stretched, turned and folded.
`hidden` takes one chosen layer's activations for the whole dataset. A stage or layer
two units wide is returned as it is; a wider one is projected on its two principal
axes, aligned with the previous frame's axes so the picture does not flip or spin
while training runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.network.layers import has_any_trait, has_trait
from core.probes.base import Probe
from core.probes.plane import _run, plane_bounds
from core.words import translate

GRID_LINES = 21  # lines of the input grid in each direction
LINE_POINTS = 60  # points along each line, so a folded line still looks bent rather than cut
MAX_FOLD_POINTS = 2000  # training points followed through the folds
MAX_HIDDEN_POINTS = 3000  # samples drawn in the hidden-layer scatter
EXACT_PCA_WIDTH = 256  # wider layers use a randomised PCA (exact to a fraction of a degree, many times faster)
_CHUNK = 1024


def _skipped(kind: str) -> bool:
    """No stage of its own: the ends, and layers that do nothing at inference (Dropout)."""
    return has_any_trait(kind, "input", "output", "training_only")


@dataclass
class Layer:
    """A node whose output can be looked at, for the views' layer choosers."""

    node: str
    kind: str
    width: int  # values per sample, all dimensions together
    shape: tuple[int, ...]

    @property
    def label(self) -> str:
        units = "1 unit" if self.width == 1 else f"{self.width} units"
        return f"{self.node} · {self.kind} · {units}"


@dataclass
class Stage:
    """The grid and the points after one node (or the input plane itself, node "")."""

    node: str
    kind: str
    title: str  # "fc1 (affine)", "relu1", "input plane"
    projection: str  # "" when drawn as is, else how: "PCA of 12 units (91% of the variance)"
    width: int
    grid: np.ndarray  # (2·GRID_LINES, LINE_POINTS, 2): the horizontal lines, then the vertical ones
    points: np.ndarray  # (n, 2)
    dead: float  # share of the points whose every value is exactly zero (folded away by ReLU)
    mean: np.ndarray | None = None  # the PCA's centre and (width, 2) axes, when projected
    basis: np.ndarray | None = None
    explained: float | None = None  # the share of the variance the PCA's plane holds, when projected


@dataclass
class Folding:
    bounds: tuple[float, float, float, float]
    labels: np.ndarray  # (n,) class of each point (zeros when the data has no classes)
    num_classes: int
    class_names: list[str]
    stages: list[Stage]  # the input plane first, then every stage in the order the network runs them


@dataclass
class HiddenCode:
    layer: str
    kind: str
    width: int
    title: str  # "act1: 2 units", "fc1: PCA of 12 units (80% of the variance)"
    axes: tuple[str, str]  # what the horizontal and vertical coordinates are
    points: np.ndarray  # (n, 2)
    labels: np.ndarray  # (n,) class of each sample (zeros when the data has no classes)
    test: np.ndarray  # (n,) True for test samples
    num_classes: int
    class_names: list[str]
    layers: list[Layer]  # every layer that can be chosen
    mean: np.ndarray | None = None
    basis: np.ndarray | None = None
    explained: float | None = None  # the share of the variance the PCA's plane holds, when projected


# ---- layers --------------------------------------------------------------------------------------


def hidden_layers(graph) -> list[Layer]:
    """The nodes between Input and Output that lead to the output, in the order they run."""
    from core.network.graph import infer

    inference = infer(graph)
    if inference.output_id is None:
        return []
    needed = graph.reachable(inference.output_id, forward=False)
    layers = []
    for node_id in inference.order:
        kind, shape = graph.nodes[node_id].kind, inference.shapes.get(node_id)
        if node_id in needed and not _skipped(kind) and shape is not None:
            layers.append(Layer(node_id, kind, math.prod(shape), tuple(shape)))
    return layers


def default_layer(layers: list[Layer]) -> Layer | None:
    """The narrowest hidden layer (the later one on a tie: after its nonlinearity), not counting
    the last layer, whose outputs are the network's answer rather than a representation."""
    hidden = layers[:-1] or layers
    if not hidden:
        return None
    narrowest = min(layer.width for layer in hidden)
    return [layer for layer in hidden if layer.width == narrowest][-1]


# ---- a projection that stays put -----------------------------------------------------------------


def _top_two(centred: np.ndarray) -> tuple[np.ndarray, float]:
    """The two principal axes (width, 2) of centred rows, and the share of the variance they hold."""
    total = float((centred.astype(np.float64) ** 2).sum())
    if centred.shape[1] <= EXACT_PCA_WIDTH:
        values, vectors = np.linalg.eigh(centred.T.astype(np.float64) @ centred)
        basis, top = vectors[:, -1:-3:-1], values[-1:-3:-1].clip(min=0)
    else:  # randomised range finder with power iterations (Halko, Martinsson and Tropp)
        sketch = centred @ np.random.default_rng(0).normal(size=(centred.shape[1], 10)).astype(centred.dtype)
        q = np.linalg.qr(sketch)[0]
        for _ in range(4):
            q = np.linalg.qr(centred @ (centred.T @ q))[0]
        _, s, vt = np.linalg.svd(q.T @ centred, full_matrices=False)
        basis, top = vt[:2].T.astype(np.float64), s[:2].astype(np.float64) ** 2
    return basis, float(top.sum() / total) if total > 0 else 1.0


def stable_pca(values: np.ndarray, axes: dict, key: str) -> tuple[np.ndarray, np.ndarray, float]:
    """Centre, (width, 2) axes and explained share of `values`' best plane. The axes are turned
    (or mirrored) within that plane to lie as close as possible to the axes used last time under
    `key` in `axes` (orthogonal Procrustes), so small weight changes move the picture only a little."""
    mean = values.mean(0)
    basis, explained = _top_two(values - mean)
    previous = axes.get(key)
    if previous is not None and previous.shape == basis.shape:
        u, _, vt = np.linalg.svd(basis.T @ previous)
        basis = basis @ (u @ vt)
    axes[key] = basis
    return mean.astype(np.float32), basis.astype(np.float32), explained


def _as_plane(values: np.ndarray, fit_rows: slice, axes: dict, key: str):
    """(plane coordinates, projection note, mean, basis, explained variance) for a stage's flat values."""
    width = values.shape[1]
    if width == 2:
        return values, "", None, None, None
    if width == 1:
        return np.concatenate([values, np.zeros_like(values)], 1), "1 unit, drawn along the x axis", None, None, None
    mean, basis, explained = stable_pca(values[fit_rows], axes, key)
    note = f"PCA of {width} units ({explained:.0%} of the variance)"
    return (values - mean) @ basis, note, mean, basis, float(explained)


# ---- space folding -------------------------------------------------------------------------------


def grid_lines(bounds: tuple[float, float, float, float], lines: int = GRID_LINES, points: int = LINE_POINTS):
    """(2·lines, points, 2): `lines` horizontal lines bottom to top, then `lines` vertical ones left to right."""
    x0, x1, y0, y1 = bounds
    along_x, along_y = np.linspace(x0, x1, points), np.linspace(y0, y1, points)
    at_x, at_y = np.linspace(x0, x1, lines), np.linspace(y0, y1, lines)
    horizontal = np.stack(np.broadcast_arrays(along_x[None, :], at_y[:, None]), -1)
    vertical = np.stack(np.broadcast_arrays(at_x[:, None], along_y[None, :]), -1)
    return np.concatenate([horizontal, vertical]).astype(np.float32)


Sample = tuple[int, np.ndarray]  # (samples there were, the sorted indices kept)


def _subsample(kept: Sample | None, n: int, limit: int) -> Sample:
    """At most `limit` of n indices: the ones `kept` from the last call while n stays the same."""
    if kept is None or kept[0] != n:
        pick = np.arange(n) if n <= limit else np.sort(np.random.default_rng(0).choice(n, limit, replace=False))
        kept = (n, pick)
    return kept


def stage_title(node: str, kind: str) -> str:
    if has_trait(kind, "dense"):
        return f"{node} (affine)"
    return node if has_trait(kind, "activation") else f"{node} ({kind})"


def _labels(y: np.ndarray, num_classes: int) -> np.ndarray:
    return y.astype(np.int64) if num_classes else np.zeros(len(y), np.int64)


class FoldingProbe(Probe):
    """The input grid and the training points after every stage of a network on 2-D data. It keeps
    each stage's last projection axes, so frames do not flip, and the training points it follows."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.axes: dict[str, np.ndarray] = {}  # node -> its last frame's (width, 2) PCA axes
        self.sample: Sample | None = None

    def compute(self) -> Folding:
        return _folding(self.trainer, self)


def _folding(trainer, probe: FoldingProbe) -> Folding:
    data = trainer.data
    if not data.is_2d:
        shape = "×".join(str(s) for s in data.input_shape)
        raise ValueError(
            translate(
                "probes",
                "space folding needs 2-D inputs (points of a plane), but this dataset's samples are {0}; "
                "the Hidden layer view shows any layer of any network",
            ).format(shape)
        )
    bounds = plane_bounds(np.concatenate([data.x_train, data.x_test]))
    grid = grid_lines(bounds)
    probe.sample = _subsample(probe.sample, len(data.x_train), MAX_FOLD_POINTS)
    pick = probe.sample[1]
    points = data.x_train[pick].astype(np.float32)
    flat_grid = grid.reshape(-1, 2)
    n_grid = len(flat_grid)
    model = trainer.model
    kinds = {node: trainer.project.graph.nodes[node].kind for node in model.order}
    nodes = [node for node in model.order if not _skipped(kinds[node])]
    _, taps = _run(model, np.concatenate([flat_grid, points]), taps=nodes)
    stages = [Stage("", "Input", "input plane", "", 2, grid, points, 0.0)]
    for node in nodes:
        values = taps[node].float().reshape(n_grid + len(points), -1).cpu().numpy()
        plane, note, mean, basis, explained = _as_plane(values, slice(n_grid, None), probe.axes, node)
        dead = float((values[n_grid:] == 0).all(1).mean()) if len(points) else 0.0
        stage_grid = plane[:n_grid].reshape(grid.shape)
        title = stage_title(node, kinds[node])
        stages.append(
            Stage(
                node,
                kinds[node],
                title,
                note,
                values.shape[1],
                stage_grid,
                plane[n_grid:],
                dead,
                mean,
                basis,
                explained,
            )
        )
    labels = _labels(data.y_train[pick], data.num_classes)
    return Folding(bounds, labels, data.num_classes, list(data.class_names), stages)


# ---- one hidden layer for the whole dataset ------------------------------------------------------


def layer_output(model, x, node: str) -> np.ndarray:
    """One node's output for many samples, flattened to (n, width), a chunk at a time."""
    parts = []
    for start in range(0, len(x), _CHUNK):
        _, taps = _run(model, x[start : start + _CHUNK], taps=[node])
        value = taps[node]
        if not hasattr(value, "reshape"):
            raise ValueError(
                translate("probes", "the output of {0} is not a single array of values, so it cannot be drawn").format(
                    node
                )
            )
        parts.append(value.float().reshape(len(value), -1).cpu().numpy())
    return np.concatenate(parts)


def _rows(x_train, x_test, pick: np.ndarray, n_train: int):
    """The samples at sorted indices `pick` of train then test, without copying the whole dataset."""
    import torch

    in_train = pick < n_train
    train = x_train[torch.as_tensor(pick[in_train], device=x_train.device)]
    test = x_test[torch.as_tensor(pick[~in_train] - n_train, device=x_test.device)]
    return torch.cat([train, test])


class HiddenProbe(Probe):
    """One layer's activations for the whole dataset; it keeps each layer's last PCA axes and the
    samples drawn from each subset, so the scatter moves only as much as the network changes."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.axes: dict[str, np.ndarray] = {}  # layer -> its last (width, 2) PCA axes
        self.samples: dict[str, Sample] = {}  # subset ("all", "test") -> the samples drawn

    def compute(self, layer: str | None = None, subset: str = "all", max_points: int = MAX_HIDDEN_POINTS) -> HiddenCode:
        """A chosen layer's activations (default: the narrowest hidden layer) for the train and test
        samples (`subset` "all") or the test samples only ("test"), at most `max_points` of them."""
        return _hidden(self.trainer, self, layer, subset, max_points)


def _hidden(trainer, probe: HiddenProbe, layer: str | None, subset: str, max_points: int) -> HiddenCode:
    data = trainer.data
    layers = hidden_layers(trainer.project.graph)
    if not layers:
        raise ValueError(translate("probes", "this network has no layers between its input and its output"))
    chosen = next((choice for choice in layers if choice.node == layer), None) if layer else default_layer(layers)
    if chosen is None:
        raise ValueError(translate("probes", "there is no layer called '{0}' in this network").format(layer))
    n_train = 0 if subset == "test" else len(data.y_train)
    y = data.y_test if subset == "test" else np.concatenate([data.y_train, data.y_test])
    test = np.arange(len(y)) >= n_train
    if len(y) == 0:
        raise ValueError(translate("probes", "there are no samples to draw"))
    probe.samples[subset] = _subsample(probe.samples.get(subset), len(y), max_points)
    pick = probe.samples[subset][1]
    x = _rows(trainer.x_train, trainer.x_test, pick, n_train)
    values = layer_output(trainer.model, x, chosen.node)
    labels = _labels(y[pick], data.num_classes)
    mean = basis = explained = None
    name, width = chosen.node, chosen.width
    if width == 2:
        points, title, axes = values, f"{name}: 2 units", (f"{name} unit 1", f"{name} unit 2")
    elif width == 1:
        jitter = np.random.default_rng(1).uniform(-0.3, 0.3, len(labels))
        points = np.stack([values[:, 0], labels + jitter], 1)
        title, axes = f"{name}: 1 unit, one row per class", (name, "class")
    else:  # the plane fitted to the training points Space folding follows, so both give the same share
        fit_pick = _subsample(None, len(data.y_train), MAX_FOLD_POINTS)[1]
        if np.array_equal(pick[: len(fit_pick)], fit_pick):  # those rows were just computed: not twice
            fitted = values[: len(fit_pick)]
        else:
            fit_rows = _rows(trainer.x_train, trainer.x_test, fit_pick, len(data.y_train))
            fitted = layer_output(trainer.model, fit_rows, name)
        mean, basis, explained = stable_pca(fitted, probe.axes, name)
        points = (values - mean) @ basis
        title = f"{name}: PCA of {width} units ({explained:.0%} of the variance)"
        axes = ("principal axis 1", "principal axis 2")
    return HiddenCode(
        name,
        chosen.kind,
        width,
        title,
        axes,
        points.astype(np.float32),
        labels,
        test[pick],
        data.num_classes,
        list(data.class_names),
        layers,
        mean,
        basis,
        None if explained is None else float(explained),
    )
