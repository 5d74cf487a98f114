"""Back-propagation by hand, for one training sample of a small dense network (course 002/003).

The forward pass is the model's own; the backward pass is done here the way the course writes it,
layer by layer from the loss back to the input, so every number of the chain rule can be shown:
  a dense layer h = W x + b:      ∂L/∂W = δ xᵀ,  ∂L/∂b = δ,  δ_in = Wᵀ δ
  an element-wise activation h = f(a):   δ_in = δ ⊙ f′(a)   (σ′ ≤ 0.25 for a sigmoid)
with δ = ∂L/∂h coming from the layer above, and δ at the output from the loss itself. The tests
check these hand-made gradients against autograd's. The network is read in its test-time mode
(dropout off); with a batch of one sample the gradient of that sample is the step's.

When the last step trained on a single sample, `last_step` also holds what that step did: the
weights before it and the change it applied, so the update w ← w − η ∂L/∂w can be shown with the
numbers the optimiser used (for the perceptron lesson this is the perceptron rule).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_any_trait, has_trait
from core.probes.base import Probe
from core.words import translate

MAX_UNITS = 16  # the widest layer the inspector spells out
CHAIN_KINDS = ("Input", "Flatten", "Output", "Dropout")  # pass-through kinds besides dense and activations


@dataclass
class LayerPass:
    node: str
    kind: str
    inputs: np.ndarray  # the values entering the layer
    outputs: np.ndarray  # the values leaving it
    delta: np.ndarray  # ∂L/∂outputs, from the layer above
    delta_in: np.ndarray  # ∂L/∂inputs, passed to the layer below
    derivative: np.ndarray | None = None  # f′(inputs), for an element-wise activation
    weight: np.ndarray | None = None  # (out, in), for a dense layer
    bias: np.ndarray | None = None
    grad_weight: np.ndarray | None = None  # δ xᵀ
    grad_bias: np.ndarray | None = None  # δ


@dataclass
class LastStep:
    """What the last training step (one sample) did to each dense layer."""

    sample: int
    lr: float
    before: dict[str, tuple[np.ndarray, np.ndarray | None]]  # node -> (W, b) before the step
    change: dict[str, tuple[np.ndarray, np.ndarray | None]]  # node -> (ΔW, Δb) the step applied


@dataclass
class Backprop:
    step: int
    sample: int
    target: np.ndarray
    loss: float
    loss_kind: str
    layers: list[LayerPass]  # from the input to the output, in the network's order
    last_step: LastStep | None


def check_network(model) -> None:
    """ValueError unless the network is a chain of dense layers and element-wise activations small
    enough to spell out."""
    for node in model.order:
        if len(model.sources[node]) > 1:
            raise ValueError(
                translate("probes", "the inspector follows a chain of layers; '{0}' merges branches").format(node)
            )
        if int(np.prod(model.shapes[node])) > MAX_UNITS:
            raise ValueError(
                translate(
                    "probes",
                    "'{0}' has {1} values; the inspector spells out networks of at most "
                    "{2} units per layer (the perceptron and the small lessons)",
                ).format(node, int(np.prod(model.shapes[node])), MAX_UNITS)
            )


class BackpropProbe(Probe):
    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: LastStep | None = None
        self._before = None

    def attach(self) -> None:
        self.trainer.after_backward.append(self._keep_before)
        self.trainer.after_step.append(self._keep_change)

    def detach(self) -> None:
        trainer = self.trainer
        for hooks, hook in ((trainer.after_backward, self._keep_before), (trainer.after_step, self._keep_change)):
            if hook in hooks:
                hooks.remove(hook)

    def _dense(self):
        graph = self.trainer.project.graph
        return [n for n in self.trainer.model.order if has_trait(graph.nodes[n].kind, "dense")]

    def _keep_before(self, trainer) -> None:
        batch = trainer.last_batch
        if batch is None or len(batch) != 1:
            self._before = None
            return
        self._before = (int(batch[0]), trainer.lr, {n: _params(trainer.model.layer(n)) for n in self._dense()})

    def _keep_change(self, trainer) -> None:
        if self._before is None:
            self.last = None
            return
        sample, lr, before = self._before
        after = {n: _params(trainer.model.layer(n)) for n in self._dense()}
        change = {n: (after[n][0] - w, None if b is None else after[n][1] - b) for n, (w, b) in before.items()}
        self.last = LastStep(sample, lr, before, change)
        self._before = None

    def compute(self, sample: int | None = None) -> Backprop:
        trainer = self.trainer
        check_network(trainer.model)
        if len(trainer.x_train) == 0:
            raise ValueError(translate("probes", "the dataset has no training samples"))
        last = self.last if self.last is not None and (sample is None or sample == self.last.sample) else None
        chosen = last.sample if last is not None else (0 if sample is None else int(sample) % len(trainer.x_train))
        return by_hand(trainer, chosen, last)


def _params(module) -> tuple[np.ndarray, np.ndarray | None]:
    weight = module.weight.detach().cpu().numpy().astype(np.float64).copy()
    bias = None if module.bias is None else module.bias.detach().cpu().numpy().astype(np.float64).copy()
    return weight, bias


def by_hand(trainer, sample: int, last: LastStep | None = None) -> Backprop:
    """The forward pass through the model, then the backward pass by the chain rule, layer by layer.
    With `last`, the weights are those before the last step (the gradient that step used)."""
    import torch

    model, graph = trainer.model, trainer.project.graph
    x = trainer.x_train[sample : sample + 1]
    y = trainer.y_train[sample : sample + 1]
    weights = {}
    for node in model.order:
        if has_trait(graph.nodes[node].kind, "dense"):
            module = model.layer(node)
            w, b = last.before[node] if last is not None else _params(module)
            as_t = lambda v: None if v is None else torch.as_tensor(v, dtype=torch.float64)
            weights[node] = (as_t(w), as_t(b))
    values, inputs = {}, {}
    h = x.double().reshape(1, -1)
    was_training = model.training
    model.eval()
    try:
        for node in model.order:
            kind = graph.nodes[node].kind
            inputs[node] = h
            if node in weights:
                w, b = weights[node]
                h = h @ w.T + (b if b is not None else 0)
            elif has_trait(kind, "activation") or kind in CHAIN_KINDS:
                with torch.no_grad():  # parameter-free: it runs on float64 as it is
                    h = (h if kind in ("Input", "Output") else model.layer(node)(h)).reshape(1, -1)
            else:
                raise ValueError(
                    translate("probes", "the inspector cannot spell out a {0} layer ('{1}')").format(kind, node)
                )
            values[node] = h
    finally:
        model.train(was_training)
    out = values[model.output_id].detach().requires_grad_(True)
    with torch.enable_grad():
        loss = trainer._loss(out.float(), y).double()
        (delta,) = torch.autograd.grad(loss, out)  # ∂L/∂ŷ: the loss's own derivative
    layers = []
    for node in reversed(model.order):
        kind = graph.nodes[node].kind
        a, h = inputs[node], values[node]
        entry = LayerPass(node, kind, _row(a), _row(h), _row(delta), _row(delta))
        if node in weights:
            w, b = weights[node]
            entry.weight, entry.bias = w.numpy(), None if b is None else b.numpy()
            entry.grad_weight = (delta.T @ a).numpy()
            entry.grad_bias = None if b is None else _row(delta)
            delta = delta @ w
        elif has_trait(kind, "activation") and not has_any_trait(kind, "across_units"):
            derivative = _derivative(model.layer(node), a)
            entry.derivative = _row(derivative)
            delta = delta * derivative
        elif has_any_trait(kind, "across_units"):
            raise ValueError(
                translate(
                    "probes", "'{0}' ({1}) mixes its units: the inspector follows element-wise activations"
                ).format(node, kind)
            )
        entry.delta_in = _row(delta)
        layers.append(entry)
    layers.reverse()
    return Backprop(
        step=trainer.step_count,
        sample=sample,
        target=np.atleast_1d(y.detach().cpu().numpy()[0]).astype(np.float64),
        loss=float(loss.detach()),
        loss_kind=trainer.loss_kind,
        layers=layers,
        last_step=last,
    )


def _derivative(module, a):
    """f′(a) for an element-wise activation, from its own backward (a Step passes the gradient
    straight through, so its derivative here is 1, as in training)."""
    import torch

    with torch.enable_grad():
        a = a.detach().float().requires_grad_(True)
        (slope,) = torch.autograd.grad(module(a).sum(), a)
    return slope.double()


def _row(t) -> np.ndarray:
    return t.detach().reshape(-1).cpu().numpy().astype(np.float64)
