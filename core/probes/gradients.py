"""Gradient flow: how fast each layer learns, step by step (the course's "speed of learning").

While the gradients view is open, the probe hooks into the trainer: right after the backward pass
it takes, for every graph node that owns parameters, the norms ‖∂C/∂W‖ and ‖∂C/∂b‖; right after
the optimiser's step, the update ratios ‖ΔW‖/‖W‖ and ‖Δb‖/‖b‖ (W before the step). The probe keeps
the history, at most CAPACITY rows: when it fills, every other row goes and
the interval between recorded steps doubles, so a long run keeps an even, bounded record.
Recording also thins out when it would cost more than SHARE of the time (a tiny net's step is
as cheap as the hooks' few calls).
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe
from core.words import translate

CAPACITY = 2000  # rows kept; the probe returns them all
FLUSH = 256  # recorded steps held as tensors before they are copied into the numpy history
SHARE = 0.05  # the hooks may take at most this share of the training time: beyond, they skip steps
PACE_WINDOW = 15  # steps whose timings set the pace


@dataclass
class GradientFlow:
    """Per-layer history since recording began; arrays are (steps, layers), layers in depth order.
    A layer without biases has NaN in the bias columns; a parameter that is zero has a NaN ratio."""

    layers: list[str]
    kinds: list[str]
    steps: np.ndarray  # (n,) the training step each row was recorded at (1 = the first step)
    weight_norms: np.ndarray  # ‖∂C/∂W‖
    bias_norms: np.ndarray  # ‖∂C/∂b‖
    weight_ratios: np.ndarray  # ‖ΔW‖/‖W‖
    bias_ratios: np.ndarray  # ‖Δb‖/‖b‖
    every: int  # steps between recorded rows now (at least)


class GradientsProbe(Probe):
    """Everything recorded while the view was open (≤ CAPACITY rows). A recorded step costs five
    foreach calls on the device; the norms stay there as tensors until a flush groups them by
    layer in numpy, so a GPU run syncs rarely."""

    def __init__(self, trainer):
        import torch

        super().__init__(trainer)
        model = trainer.model
        graph = trainer.project.graph
        self.layers, self.kinds, self.params, owner, is_bias = [], [], [], [], []
        for node_id in model.order:
            named = [(n, p) for n, p in model.layer(node_id).named_parameters() if p.requires_grad]
            if not named:
                continue
            self.layers.append(node_id)
            self.kinds.append(graph.nodes[node_id].kind)
            for name, p in named:
                self.params.append(p)
                owner.append(len(self.layers) - 1)
                is_bias.append("bias" in name.rsplit(".", 1)[-1])
        n = len(self.layers)
        self.column = np.array(owner) + n * np.array(is_bias, dtype=int)  # each parameter's (kind, layer) column
        self.has_bias = np.isin(np.arange(n, 2 * n), self.column)
        self.buffers = [torch.empty_like(p, memory_format=torch.preserve_format) for p in self.params]
        self.every = 1  # the history's interval: doubles each time it fills
        self.budget_every = 1.0  # the interval that keeps the hooks within SHARE of the time
        self.share: float | None = SHARE  # None: record every due step whatever it costs
        self.next_step = 0
        self._spent = 0.0  # seconds spent in the hooks during the current step
        self._step_end: float | None = None  # when the previous step ended
        self._bare: deque[float] = deque(maxlen=PACE_WINDOW)  # recent steps' seconds without the hooks
        self._costs: deque[float] = deque(maxlen=PACE_WINDOW)  # recent recorded steps' seconds in the hooks
        self.count = 0
        self.history = np.full((CAPACITY, 1 + 4 * n), np.nan)  # step, ‖∂C/∂W‖, ‖∂C/∂b‖, ‖ΔW‖/‖W‖, ‖Δb‖/‖b‖
        self.pending: list[tuple[int, list]] = []  # (step, 0-d tensors: grad, parameter and update norms)
        self._grads: list | None = None  # the recorded step's gradient norms, until its update is known

    def attach(self) -> None:
        self._step_end = None  # the time the view was closed is no step
        self.trainer.after_backward.append(self.after_backward)
        self.trainer.after_step.append(self.after_step)

    def detach(self) -> None:
        self.trainer.after_backward.remove(self.after_backward)
        self.trainer.after_step.remove(self.after_step)
        self._grads = None

    def compute(self) -> GradientFlow:
        if not self.layers:
            raise ValueError(translate("probes", "this network has no trainable parameters, so nothing learns"))
        return self.result()

    # ---- hooks -----------------------------------------------------------------------

    def after_backward(self, trainer) -> None:
        step = trainer.step_count + 1  # the step being taken
        if not self.params or step < self.next_step or self._grads:
            return  # nothing to see, not due, or a second backward in one step (L-BFGS): keep the first
        import torch

        started = time.perf_counter()
        grads = [p.grad if p.grad is not None else torch.zeros_like(p) for p in self.params]
        self._grads = torch._foreach_norm(grads)
        torch._foreach_copy_(self.buffers, [p.detach() for p in self.params])
        self._spent = time.perf_counter() - started

    def after_step(self, trainer) -> None:
        started = time.perf_counter()
        recorded = self._grads is not None
        if recorded:
            import torch

            sizes = torch._foreach_norm(self.buffers)
            torch._foreach_sub_(self.buffers, [p.detach() for p in self.params])
            self.pending.append((trainer.step_count, [*self._grads, *sizes, *torch._foreach_norm(self.buffers)]))
            self._grads = None
        ended = time.perf_counter()
        self._pace(recorded, self._spent + ended - started, ended)
        self._spent = 0.0
        if recorded:
            self.next_step = trainer.step_count + max(self.every, round(self.budget_every))
            if len(self.pending) >= FLUSH:
                self.flush()

    def _pace(self, recorded: bool, spent: float, ended: float) -> None:
        """Record every k-th step, with k such that the hooks take SHARE of the time: k is the ratio
        of their cost to a bare step's, each the median of recent steps (a pause of the process,
        or the GUI's painting, must not thin the record for long)."""
        period, self._step_end = ended - (self._step_end or ended), ended
        if period <= 0:
            return
        self._bare.append(period - spent)
        if not recorded:
            return
        self._costs.append(spent)
        if self.share is not None:
            ratio = statistics.median(self._costs) / (self.share * max(statistics.median(self._bare), 1e-9))
            self.budget_every = min(max(1.0, ratio), 10_000.0)

    # ---- the history ---------------------------------------------------------------------

    def flush(self) -> None:
        """Group the pending per-parameter norms by layer and append them to the history."""
        if not self.pending:
            return
        import torch

        steps = np.array([s for s, _ in self.pending], dtype=np.float64)
        scalars = torch.stack([t for _, row in self.pending for t in row]).float().cpu().numpy().astype(np.float64)
        self.pending = []
        grads, sizes, moved = np.square(scalars.reshape(len(steps), 3, len(self.params))).transpose(1, 0, 2)
        n = len(self.layers)
        per_layer = np.zeros((3, len(steps), 2 * n))
        for k, values in enumerate((grads, sizes, moved)):
            np.add.at(per_layer[k], (slice(None), self.column), values)  # squared norms add up within a layer
        norms, sizes, moved = np.sqrt(per_layer)
        norms[:, n:][:, ~self.has_bias] = np.nan  # no bias: no norm, rather than a zero
        with np.errstate(divide="ignore", invalid="ignore"):
            ratios = np.where(sizes > 0, moved / sizes, np.nan)
        for row in np.column_stack([steps, norms, ratios]):
            if self.count == CAPACITY:  # keep every other row and record half as often from now on
                kept = self.history[: self.count : 2].copy()
                self.history[: len(kept)] = kept
                self.count = len(kept)
                self.every *= 2
            self.history[self.count] = row
            self.count += 1

    def result(self) -> GradientFlow:
        self.flush()
        rows = self.history[: self.count]
        n = len(self.layers)
        block = lambda k: rows[:, 1 + k * n : 1 + (k + 1) * n].copy()  # noqa: E731
        return GradientFlow(
            list(self.layers),
            list(self.kinds),
            rows[:, 0].astype(np.int64),
            *map(block, range(4)),
            max(self.every, round(self.budget_every)),
        )
