"""Loss landscapes of the user's network.

Around the current weights, the loss on a plane in parameter space spanned by two random
filter-normalised directions (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets")
or by the first two principal directions of the recorded training path; and the loss along the
line from the initial to the final weights (Goodfellow et al. 2015).

Weights are one flat vector of the trainable parameters in `named_parameters` order. The loss
is the data loss (no L1/L2 penalty) in eval mode on a fixed subset of the training set.
`PlaneLoss` (core.landscape.batch) runs the network for many grid points per call;
`progressive_grid` computes coarse to fine so a picture exists at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.landscape.batch import PlaneLoss, cross_entropy_losses, trainable
from core.landscape.probe import Trajectory

EVAL_SAMPLES = 512  # a fixed subset of the training set: half the time of 1,024 samples, much the same picture
LINE_ALPHAS = np.arange(-10, 51) / 40  # -0.25 … 1.25, with 0 and 1 exact
FIRST_SIDE = 6  # the first coarse grid has at least this many points a side


class LandscapeError(ValueError):
    """The landscape cannot be computed; the message is for the user."""


def flat_weights(model: nn.Module) -> torch.Tensor:
    params = [p.detach().reshape(-1).float().cpu() for _, p in trainable(model)]
    return torch.cat(params) if params else torch.zeros(0)


def filter_normalized(model: nn.Module, generator: torch.Generator) -> torch.Tensor:
    """A Gaussian direction in which every filter (a Linear's output row, a conv's output channel)
    has the norm of the matching filter of the weights. Biases and other 1-D parameters get 0,
    as Li et al. do: their scale says nothing about the filter's."""
    parts = []
    for _, p in trainable(model):
        w = p.detach().float().cpu()
        if w.dim() < 2:
            parts.append(torch.zeros(w.numel()))
            continue
        d = torch.randn(w.shape, generator=generator).reshape(len(w), -1)
        scale = w.reshape(len(w), -1).norm(dim=1, keepdim=True) / (d.norm(dim=1, keepdim=True) + 1e-10)
        parts.append((d * scale).reshape(-1))
    return torch.cat(parts) if parts else torch.zeros(0)


@dataclass
class Plane:
    origin: torch.Tensor  # (P,) the weights at (0, 0)
    directions: torch.Tensor  # (2, P)
    kind: str  # "random" or "pca"
    explained: tuple[float, float] | None = None  # PCA: share of the path's variance along each direction

    def coordinates(self, weights: np.ndarray | torch.Tensor) -> np.ndarray:
        """(k, 2): the least-squares position on the plane of each weight vector (for orthonormal
        directions, the dot products with them)."""
        w = torch.as_tensor(np.asarray(weights), dtype=torch.float64).reshape(-1, len(self.origin))
        d = self.directions.double()
        offsets = (w - self.origin.double()) @ d.T
        return torch.linalg.solve(d @ d.T, offsets.T).T.numpy()


def random_plane(model: nn.Module, seed: int = 0) -> Plane:
    generator = torch.Generator().manual_seed(seed)
    first, second = filter_normalized(model, generator), filter_normalized(model, generator)
    if not first.any():
        raise LandscapeError("the network has no weight matrix or kernel to draw random directions for")
    return Plane(flat_weights(model), torch.stack([first, second]), "random")


def pca_plane(origin: torch.Tensor, path: np.ndarray) -> Plane:
    """The first two principal directions of the path's offsets from the origin (w_t − w_final),
    the origin itself included, as Li et al. do."""
    if len(path) < 2:
        raise LandscapeError("PCA directions need a recorded training path: train some steps first")
    offsets = torch.as_tensor(np.asarray(path), dtype=torch.float64) - origin.double()
    offsets = torch.cat([offsets, torch.zeros(1, len(origin), dtype=torch.float64)])
    centred = offsets - offsets.mean(0)
    _, sv, vh = torch.linalg.svd(centred, full_matrices=False)
    variance = sv**2
    if len(sv) < 2 or variance[1] <= 1e-12 * variance.sum():
        raise LandscapeError("the training path is (nearly) a straight line: PCA finds only one direction")
    shares = (variance / variance.sum())[:2].tolist()
    return Plane(origin.clone(), vh[:2].float(), "pca", (shares[0], shares[1]))


def evaluation_subset(x: torch.Tensor, y: torch.Tensor, samples: int = EVAL_SAMPLES, seed: int = 0):
    """The same samples every time: all of them, or a fixed random choice of `samples`."""
    if len(x) <= samples:
        return x, y
    index = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))[:samples].sort().values
    return x[index.to(x.device)], y[index.to(y.device)]


def grid_strides(n: int) -> list[int]:
    """Strides of the nested grids, coarse to fine: each is a divisor of n − 1 (so its points are
    points of the final grid), about half the one before, the first with ≥ FIRST_SIDE points a side
    (fewer for a small grid)."""
    divisors = [s for s in range(n - 1, 0, -1) if (n - 1) % s == 0]
    side = min(FIRST_SIDE, (n - 1) // 2 + 1)
    strides = [next((s for s in divisors if (n - 1) // s + 1 >= side), 1)]
    for s in divisors:
        if s <= strides[-1] / 2:
            strides.append(s)
    return strides


@dataclass
class GridUpdate:
    xs: np.ndarray  # (n,) coordinates along the first direction (columns)
    ys: np.ndarray  # (n,) along the second (rows)
    values: np.ndarray  # (n, n) loss, NaN where not computed yet
    stride: int  # values[::stride, ::stride] is complete; 0 while no grid is
    done: int
    total: int


def progressive_grid(
    evaluate: Callable[[np.ndarray], np.ndarray],
    bounds: tuple[float, float, float, float],
    n: int,
    chunk: int = 64,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[GridUpdate]:
    """The n×n grid of `evaluate` over `bounds`, coarse to fine, never computing a point twice;
    yields after every chunk of points; stops when `cancelled()` is true between chunks."""
    if n < 2:
        raise LandscapeError("the grid needs at least 2 points a side")
    xs = np.linspace(bounds[0], bounds[1], n)
    ys = np.linspace(bounds[2], bounds[3], n)
    values = np.full((n, n), np.nan)
    known = np.zeros((n, n), bool)
    done, complete = 0, 0
    for stride in grid_strides(n):
        rows, cols = np.meshgrid(np.arange(0, n, stride), np.arange(0, n, stride), indexing="ij")
        todo = ~known[rows, cols]
        rows, cols = rows[todo], cols[todo]
        for start in range(0, len(rows), chunk):
            if cancelled():
                return
            i, j = rows[start : start + chunk], cols[start : start + chunk]
            values[i, j] = evaluate(np.stack([xs[j], ys[i]], 1))
            known[i, j] = True
            done += len(i)
            if start + chunk < len(rows):
                yield GridUpdate(xs, ys, values.copy(), complete, done, n * n)
        complete = stride
        yield GridUpdate(xs, ys, values.copy(), complete, done, n * n)


def scaled_bounds(bounds: tuple[float, float, float, float], scale: float) -> tuple[float, float, float, float]:
    cx, cy = (bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2
    hx, hy = (bounds[1] - bounds[0]) / 2 * scale, (bounds[3] - bounds[2]) / 2 * scale
    return (cx - hx, cx + hx, cy - hy, cy + hy)


@dataclass
class LandscapeResult:
    """A landscape as far as it is computed: what the view draws and `landscape` saves."""

    kind: str  # "random" or "pca"
    explained: tuple[float, float] | None
    step: int | None  # training steps of the weights at the centre
    centre_loss: float
    xs: np.ndarray  # (n,) the finest complete grid's coordinates along the first direction
    ys: np.ndarray  # (n,) along the second
    values: np.ndarray  # (n, n) loss, row i at ys[i]
    path_xy: np.ndarray | None = None  # (k, 2) the training path projected onto the plane, ending at (0, 0)
    path_steps: np.ndarray | None = None  # (k,)
    alphas: np.ndarray | None = None  # the line from the initial (α = 0) to the final weights (α = 1)
    line: np.ndarray | None = None  # its loss
    done: int = 0  # grid points computed
    total: int = 0


def _model_and_loss(project, data):
    """The project's network (on the CPU), its loss (and, for cross-entropy, a way to compute it
    for many points at once) and the training set: a Trainer's parts, without its optimiser
    (whose first import costs seconds)."""
    from core.data.catalog import load_dataset
    from core.network.build import GraphModule
    from core.network.fit import data_problems
    from core.network.graph import infer
    from core.train.trainer import data_loss

    data = data or load_dataset(project.dataset, project.dataset_params)
    inference = infer(project.graph)
    problems = inference.problems or data_problems(project.graph, inference, data)
    if problems:
        raise LandscapeError("the network cannot be evaluated: " + "; ".join(str(p) for p in problems))
    model = GraphModule(project.graph, inference)
    kind = project.graph.nodes[inference.output_id].params["loss"]
    width = inference.shapes[inference.output_id][0]
    loss = lambda out, y: data_loss(out, y, kind, data.num_classes, width)  # noqa: E731
    losses = cross_entropy_losses if kind == "cross_entropy" else None
    return model, loss, losses, torch.as_tensor(data.x_train), torch.as_tensor(data.y_train)


class LandscapeJob:
    """One landscape: the model at the given weights, its loss on the evaluation subset, the plane
    and the path projected onto it. The GUI runs it on a worker thread, the CLI in its own."""

    def __init__(
        self,
        project,
        data,
        weights: dict,
        trajectory: Trajectory | None = None,
        step: int | None = None,
        directions: str = "random",
        seed: int = 0,
        samples: int = EVAL_SAMPLES,
    ):
        model, self.loss_fn, self.losses, x, y = _model_and_loss(project, data)
        tensors = {k: torch.as_tensor(np.asarray(v)) for k, v in weights.items()}
        expected = model.state_dict()
        wrong = [k for k, v in tensors.items() if k in expected and tuple(v.shape) != tuple(expected[k].shape)]
        missing, extra = expected.keys() - tensors.keys(), tensors.keys() - expected.keys()
        if wrong or missing or extra:
            problems = (("other shape", wrong), ("missing", missing), ("unknown", extra))
            listed = "; ".join(f"{what}: {', '.join(sorted(names)[:4])}" for what, names in problems if names)
            raise LandscapeError(f"the weights do not fit this network ({listed})")
        model.load_state_dict(tensors)
        model.eval()
        self.model = model
        self.x, self.y = evaluation_subset(x, y, samples)
        origin = flat_weights(model)
        self.path = self.path_steps = None
        if trajectory is not None and len(trajectory.weights):
            if trajectory.weights.shape[1] != len(origin):
                raise LandscapeError(
                    f"the recorded path has {trajectory.weights.shape[1]} parameters, the network {len(origin)}"
                )
            step = int(trajectory.steps[-1]) if step is None else step
            before = trajectory.steps < step  # the current weights end the path, whatever was recorded
            self.path = np.concatenate([trajectory.weights[before], origin.numpy()[None]])
            self.path_steps = np.append(trajectory.steps[before], step)
        if directions == "pca":
            self.plane = pca_plane(origin, self.path if self.path is not None else np.zeros((0, len(origin))))
        elif directions == "random":
            self.plane = random_plane(model, seed)
        else:
            raise LandscapeError(f"unknown directions '{directions}': choose random or pca")
        plane = self.plane
        self.loss = PlaneLoss(model, self.x, self.y, self.loss_fn, plane.origin, plane.directions, losses=self.losses)
        self.path_xy = self.plane.coordinates(self.path) if self.path is not None else None
        self.centre_loss = float(self.loss(np.zeros((1, 2), np.float32))[0])
        self.step = step

    def bounds(self, scale: float = 1.0) -> tuple[float, float, float, float]:
        """±1 for random directions (their unit is the weights' own filter norms); for PCA
        directions a square around the projected path."""
        if self.plane.kind == "random" or self.path_xy is None:
            return scaled_bounds((-1.0, 1.0, -1.0, 1.0), scale)
        low, high = self.path_xy.min(0), self.path_xy.max(0)
        centre, half = (low + high) / 2, max((high - low).max() / 2 * 1.3, 1e-3)
        return scaled_bounds((centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half), scale)

    def grid(self, n: int, scale: float = 1.0, cancelled: Callable[[], bool] = lambda: False):
        return progressive_grid(self.loss, self.bounds(scale), n, self.loss.chunk, cancelled)

    def result(self, update: GridUpdate, line: np.ndarray | None = None) -> LandscapeResult:
        """The finest complete grid of `update`, with the path and the line, ready to draw."""
        s = max(update.stride, 1)
        return LandscapeResult(
            self.plane.kind,
            self.plane.explained,
            self.step,
            self.centre_loss,
            update.xs[::s],
            update.ys[::s],
            update.values[::s, ::s],
            self.path_xy,
            self.path_steps,
            None if line is None else LINE_ALPHAS,
            line,
            update.done,
            update.total,
        )

    def line(self, alphas: np.ndarray = LINE_ALPHAS) -> np.ndarray | None:
        """The loss at (1 − α)·initial + α·final weights; None without a recorded start."""
        if self.path is None:
            return None
        start = torch.as_tensor(self.path[0])
        final = self.plane.origin
        line = PlaneLoss(self.model, self.x, self.y, self.loss_fn, start, (final - start)[None], losses=self.losses)
        return line(np.asarray(alphas, np.float32)[:, None])
