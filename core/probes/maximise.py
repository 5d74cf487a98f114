"""Activation maximisation: the input that excites one unit (or one conv filter) most.

Gradient ascent on a copy of the input, starting from the data's mean with a little noise; the
model is only read (its weights get no gradients and its mode is restored). A unit of a dense
layer is one output value; a filter of a conv layer is its feature map's mean. Three simple
regularisers keep the picture readable: L2 decay towards the mean input, a small random shift
(jitter) and a light blur of images every few steps; and every feature stays within the range
it takes in the training data. That range is the strongest of them: on the 8×8 digits it alone
turns each class's logit into a legible digit, where decay and jitter mostly blur it. Results are
cached per (layer, units, options, training step).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_trait
from core.probes.base import Probe
from core.words import translate

MAX_UNITS = 64  # "all units" draws at most this many (the first ones)
CACHE = 8  # results the probe keeps


@dataclass
class Maximised:
    layer: str
    units: np.ndarray  # (k,) the unit (or filter) indices
    inputs: np.ndarray  # (k, *input_shape) the synthesised inputs
    start: np.ndarray  # (k,) each unit's activation at the starting input
    reached: np.ndarray  # (k,) and at the synthesised one
    layer_units: int  # how many units (filters) the layer has
    step: int  # the training step whose weights were used


def sequence_nodes(graph, order) -> set[str]:
    """Nodes whose output is a sequence (steps, features), features last: a recurrent layer that
    returns every step, and element-wise nodes fed only by such sequences. (A Conv1d's output is
    channels first, like an image's.)"""
    found: set[str] = set()
    for node in order:
        kind, params = graph.nodes[node].kind, graph.nodes[node].params
        sources = [source for source in graph.inputs_of(node) if source]
        if (has_trait(kind, "recurrent") and params.get("output") == "all") or (
            has_trait(kind, "element_wise") and sources and all(source in found for source in sources)
        ):
            found.add(node)
    return found


def layer_units(shape: tuple[int, ...], sequence: bool = False) -> int:
    """Units of a node's output: its width when flat, its features when a sequence (one unit's
    activation is its mean over the steps), its channels (filters) otherwise."""
    if not shape:
        return 1
    return int(shape[-1] if sequence else shape[0])


class MaximiseProbe(Probe):
    """Keeps its last CACHE results, by options and training step, and the data's range."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.cache: dict[tuple, Maximised] = {}
        self.stats: tuple | None = None  # (the training set's tensor, its statistics)

    def compute(
        self,
        layer: str | None = None,
        unit: int | str = 0,
        steps: int = 60,
        lr: float = 0.05,
        decay: float = 0.005,
        jitter: int = 0,
        blur_every: int = 10,
        seed: int = 0,
    ) -> Maximised:
        """Synthesise the input that most excites `unit` of node `layer` (default: the layer the output
        reads, whose units are the answers) ("all": every unit, up to MAX_UNITS, each from its own
        start). `lr` is in units of the data's standard deviation."""
        trainer = self.trainer
        model = trainer.model
        if layer is None:
            layer = model.sources[model.output_id][0]
        if layer not in model.shapes or layer in (model.input_id, model.output_id):
            raise ValueError(translate("probes", "'{0}' is not a layer of this network").format(layer))
        sequence = layer in sequence_nodes(trainer.project.graph, model.order)
        count = layer_units(model.shapes[layer], sequence)
        if unit == "all":
            units = np.arange(min(count, MAX_UNITS))
        elif isinstance(unit, int | np.integer) and 0 <= unit < count:
            units = np.array([int(unit)])
        else:
            raise ValueError(
                translate("probes", "{0} has {1} units: choose one from 0 to {2}, or all").format(
                    layer, count, count - 1
                )
            )
        key = ((layer, tuple(units), steps, lr, decay, jitter, blur_every, seed), trainer.step_count)
        if key not in self.cache:
            stats = self._data_stats(trainer.x_train)
            self.cache[key] = _ascend(
                trainer, layer, units, steps, lr, decay, jitter, blur_every, seed, count, stats, sequence
            )
            while len(self.cache) > CACHE:
                self.cache.pop(next(iter(self.cache)))
        return self.cache[key]

    def _data_stats(self, x_train):
        """Each feature's (low, high, mean) and the data's overall spread, computed once per training
        set: kept with the tensor itself, so a new data set (a new tensor) gets its own."""
        if self.stats is None or self.stats[0] is not x_train:
            low, high = x_train.min(0).values, x_train.max(0).values
            self.stats = (x_train, (low, high, x_train.mean(0), x_train.std().clamp(min=1e-6)))
        return self.stats[1]


def _ascend(trainer, layer, units, steps, lr, decay, jitter, blur_every, seed, count, stats, sequence) -> Maximised:
    import torch

    model, x_train = trainer.model, trainer.x_train
    generator = torch.Generator().manual_seed(seed)
    low, high, mean, scale = stats  # each feature's range and mean in the data, and its spread
    k = len(units)
    noise = torch.randn((k, *x_train.shape[1:]), generator=generator).to(x_train.device)
    x = (mean + 0.1 * scale * noise).clamp(low, high).requires_grad_(True)
    picked = torch.as_tensor(units, device=x.device)
    image = x.dim() == 4 and min(x.shape[-2:]) >= 3
    optimizer = torch.optim.Adam([x], lr=lr * float(scale))

    def activation(inputs):
        _, taps = model(inputs, taps=[layer])
        value = taps[layer].float()
        if sequence:  # a feature of a sequence: its mean over the steps
            out = value.reshape(len(inputs), -1, count).mean(1)
        else:  # a filter: its map's mean
            out = value.reshape(len(inputs), count, -1).mean(-1)
        return out[torch.arange(len(inputs), device=out.device), picked]

    was_training = model.training
    model.eval()  # dropout off, batch norm on its running statistics (which stay unchanged)
    try:
        with torch.enable_grad():
            with torch.no_grad():
                start = activation(x).cpu().numpy()
            for i in range(steps):
                shifted = x
                if image and jitter:
                    dy, dx = (int(v) for v in torch.randint(-jitter, jitter + 1, (2,), generator=generator))
                    shifted = torch.roll(x, (dy, dx), (-2, -1))
                penalty = decay * (x - mean).square().flatten(1).sum(1) / scale**2
                objective = (activation(shifted) - penalty).sum()  # each unit has its own input: sums separate
                (grad,) = torch.autograd.grad(objective, x)  # the weights' .grad stay untouched
                x.grad = -grad
                optimizer.step()
                with torch.no_grad():
                    if image and blur_every and (i + 1) % blur_every == 0 and i + 1 < steps:
                        x.copy_(_blur(x))
                    x.copy_(torch.maximum(torch.minimum(x, high), low))
            with torch.no_grad():
                reached = activation(x).cpu().numpy()
    finally:
        model.train(was_training)
    return Maximised(layer, units.copy(), x.detach().float().cpu().numpy(), start, reached, count, trainer.step_count)


def _blur(x):
    """A light 3×3 binomial blur of each channel, edges replicated: damps pixel-level noise."""
    import torch

    kernel = torch.tensor([1.0, 2.0, 1.0], device=x.device, dtype=x.dtype)
    kernel = (kernel[:, None] * kernel[None, :]) / 16
    channels = x.shape[1]
    padded = torch.nn.functional.pad(x, (1, 1, 1, 1), mode="replicate")
    blurred = torch.nn.functional.conv2d(padded, kernel.expand(channels, 1, 3, 3), groups=channels)
    return 0.5 * x + 0.5 * blurred
