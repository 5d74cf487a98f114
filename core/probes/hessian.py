"""Minima are rare (course 004 §8.2.3): the curvature of the loss at the current weights.

At a critical point the Hessian's eigenvalues tell a minimum (all positive) from a saddle (some
negative). For a random symmetric matrix the chance that all n eigenvalues are positive falls
faster than 2⁻ⁿ as n grows (`positive_definite_share`), which is the course's argument that in a
high-dimensional loss most critical points are saddles. `HessianProbe` computes the real thing for a
small network: the full Hessian of the training loss over its weights (torch.func) and its
eigenvalues, beside the gradient's norm, which says how close to a critical point the weights are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_trait
from core.probes.base import Probe
from core.words import integer, translate

MAX_PARAMS = 2000  # a Hessian of 2000² values is computed in a few seconds here
LOSS_SAMPLES = 1024  # training samples the loss is taken over
FLAT = 1e-6  # |λ| below this share of the largest |λ| counts as flat (zero)


def positive_definite_share(n: int, samples: int, rng: np.random.Generator) -> float:
    """The share of `samples` random symmetric n×n matrices (entries N(0, 1), symmetrised) whose
    eigenvalues are all positive: the chance that a random critical point is a minimum."""
    g = rng.standard_normal((samples, n, n))
    return float((np.linalg.eigvalsh((g + g.transpose(0, 2, 1)) / np.sqrt(2)).min(1) > 0).mean())


@dataclass
class Curvature:
    step: int
    params: int
    loss: float
    grad_norm: float
    eigenvalues: np.ndarray  # ascending
    negative: int
    flat: int
    positive: int
    samples: int


class HessianProbe(Probe):
    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: tuple[int, Curvature] | None = None

    def compute(self) -> Curvature:
        step = self.trainer.step_count
        if self.last is None or self.last[0] != step:
            self.last = (step, curvature(self.trainer))
        return self.last[1]


def curvature(trainer) -> Curvature:
    import torch
    from torch.func import functional_call, jacrev

    model = trainer.model
    names = [name for name, p in model.named_parameters() if p.requires_grad]
    params = [p for _, p in model.named_parameters() if p.requires_grad]
    count = sum(p.numel() for p in params)
    if count > MAX_PARAMS:
        raise ValueError(
            translate(
                "probes",
                "the network has {0} weights; the full Hessian is computed for at most {1} "
                "(a small network such as the perceptron, the 2-2-1 lessons or the spiral MLP)",
            ).format(integer(count), integer(MAX_PARAMS))
        )
    if len(trainer.x_train) == 0:
        raise ValueError(translate("probes", "the dataset has no training samples"))
    graph = trainer.project.graph
    stepped = [n for n in model.order if has_trait(graph.nodes[n].kind, "straight_through")]
    if stepped:
        raise ValueError(
            translate("probes", "'{0}' has no slope and so no curvature: the Hessian needs smooth layers").format(
                stepped[0]
            )
        )
    x, y = trainer.x_train[:LOSS_SAMPLES], trainer.y_train[:LOSS_SAMPLES]
    shapes = [p.shape for p in params]
    sizes = [p.numel() for p in params]
    buffers = {name: b.double() if b.is_floating_point() else b for name, b in model.named_buffers()}

    def loss_at(flat):
        values = dict(zip(names, (v.reshape(s) for v, s in zip(flat.split(sizes), shapes, strict=True)), strict=True))
        return trainer._loss(functional_call(model, {**values, **buffers}, (x,)), y)

    flat = torch.cat([p.detach().reshape(-1) for p in params]).double()
    was_training = model.training
    model.eval()
    try:
        x = x.double() if x.is_floating_point() else x
        with torch.enable_grad():
            point = flat.clone().requires_grad_(True)
            loss = loss_at(point)
            (gradient,) = torch.autograd.grad(loss, point)
            matrix = jacrev(jacrev(loss_at))(flat)  # reverse over reverse: no forward-mode set-up
    finally:
        model.train(was_training)
    eigenvalues = torch.linalg.eigvalsh((matrix + matrix.T) / 2).cpu().numpy()
    scale = max(float(np.abs(eigenvalues).max(initial=0.0)), 1e-30)
    flat_count = int((np.abs(eigenvalues) <= FLAT * scale).sum())
    negative = int((eigenvalues < -FLAT * scale).sum())
    return Curvature(
        step=trainer.step_count,
        params=count,
        loss=float(loss.detach()),
        grad_norm=float(gradient.norm()),
        eigenvalues=eigenvalues,
        negative=negative,
        flat=flat_count,
        positive=len(eigenvalues) - negative - flat_count,
        samples=len(x),
    )
