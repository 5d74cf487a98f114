"""Dropout seen from inside (course 003): which units a Dropout layer switched off in the batch
training just used, and how the average over many random masks approaches the test-time network.

PyTorch drops a unit with probability p and scales the kept ones by 1/(1 − p) while training
("inverted dropout"), so at test time the layer does nothing; the course instead keeps the
training values and multiplies the weights by the keep probability at test time. Both give every
unit the same expected value. For a network whose layers after the dropout are linear the average
over masks converges to the test-time output exactly; through a nonlinearity (softmax, ReLU) only
approximately, which is why the course calls the test-time network an approximation of the
ensemble of all masked networks: of their geometric mean, renormalised, more closely than of the
arithmetic mean of their probabilities. This probe measures how close each comes.

The mask shown is read from the layer's own forward pass: a hook keeps the input and output of
its last training step, and a unit is dropped where the input was not zero and the output is.
Where the input was already zero (a ReLU before it), dropping it changes nothing: those are
counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe
from core.words import translate

KEPT, DROPPED, ZERO = 1, 0, 2  # the mask's values: kept, dropped, input already zero
MAX_ROWS = 64  # samples of the batch drawn
MAX_UNITS = 1024  # values of one sample drawn
AVERAGE_SAMPLES = 64  # test samples the mask average is measured on
MASKS = 256  # masks averaged


@dataclass
class DropoutPicture:
    step: int
    layer: str
    p: float
    layers: list[tuple[str, float]]  # every Dropout layer of the network and its p
    source: str  # "batch": the batch trained at `step`; "own": a forward pass of the probe's own
    mask: np.ndarray  # (rows, units) int8 of KEPT, DROPPED, ZERO
    units: int  # values of one sample in the layer (all of them, even beyond MAX_UNITS)
    dropped_share: float  # of the values whose input was not zero, the share dropped
    masks: np.ndarray  # (M,) 1, 2, … M: how many masks were averaged
    distance: np.ndarray  # (M,) mean over the samples of the largest |geometric mean − test-time| output
    arithmetic: np.ndarray  # (M,) the same for the arithmetic mean of the outputs
    agreement: float  # share of the samples whose averaged prediction is the test-time one
    samples: int  # test samples the average was measured on
    output: str  # what was averaged: "probabilities" or "outputs" (regression)


def dropout_layers(model) -> list[tuple[str, float]]:
    from torch import nn

    return [(n, float(model.layer(n).p)) for n in model.order if isinstance(model.layer(n), nn.Dropout)]


def mask_of(x, out) -> np.ndarray:
    """KEPT, DROPPED or ZERO for every value, from a Dropout layer's input and output."""
    x, out = x.detach().reshape(len(x), -1).cpu(), out.detach().reshape(len(out), -1).cpu()
    mask = np.where((out != 0).numpy(), KEPT, DROPPED).astype(np.int8)
    mask[(x == 0).numpy()] = ZERO
    return mask


class DropoutProbe(Probe):
    """Keeps each Dropout layer's last training input and output (references, no copies)."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: dict[str, tuple] = {}  # node -> (step, input, output)
        self._handles = []
        self._computing = False  # the probe's own forward passes are not the training's

    def attach(self) -> None:
        model = self.trainer.model
        for node, _ in dropout_layers(model):
            hook = lambda module, args, out, node=node: self._record(node, module, args, out)
            self._handles.append(model.layer(node).register_forward_hook(hook))

    def detach(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def _record(self, node: str, module, args, out) -> None:
        if module.training and not self._computing:  # a training step's pass, not an evaluation's
            self.last[node] = (self.trainer.step_count + 1, args[0].detach(), out.detach())

    def compute(self, layer: str | None = None) -> DropoutPicture:
        self._computing = True
        try:
            return self._picture(layer)
        finally:
            self._computing = False

    def _picture(self, layer: str | None) -> DropoutPicture:
        import torch

        trainer, model = self.trainer, self.trainer.model
        layers = dropout_layers(model)
        if not layers:
            raise ValueError(
                translate(
                    "probes", "this network has no Dropout layer: add one after a hidden layer to see what it drops"
                )
            )
        names = [n for n, _ in layers]
        node = layer if layer in names else names[0]
        p = dict(layers)[node]
        if node in self.last and self.last[node][0] == trainer.step_count:
            step, x, out = self.last[node]
            source = "batch"
        else:  # nothing trained since the probe was attached: a train-mode pass of its own
            step, source = trainer.step_count, "own"
            x, out = self._own_pass(node)
        mask = mask_of(x, out)
        live = mask != ZERO
        dropped = float((mask[live] == DROPPED).mean()) if live.any() else 0.0
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(trainer.step_count)
            masks, distance, arithmetic, agreement, samples, output = _mask_average(trainer, MASKS)
        return DropoutPicture(
            step=step,
            layer=node,
            p=p,
            layers=layers,
            source=source,
            mask=mask[:MAX_ROWS, :MAX_UNITS],
            units=mask.shape[1],
            dropped_share=dropped,
            masks=masks,
            distance=distance,
            arithmetic=arithmetic,
            agreement=agreement,
            samples=samples,
            output=output,
        )

    def _own_pass(self, node: str):
        import torch

        trainer, model = self.trainer, self.trainer.model
        seen = {}
        handle = model.layer(node).register_forward_hook(lambda m, args, out: seen.update(x=args[0], out=out))
        was_training = model.training
        model.train()
        try:
            with torch.no_grad(), torch.random.fork_rng(devices=[]):
                torch.manual_seed(trainer.step_count)
                model(trainer.x_train[: trainer.config.batch_size])
        finally:
            handle.remove()
            model.train(was_training)
        return seen["x"], seen["out"]


def _mask_average(trainer, masks: int):
    """Average the network's output over `masks` random dropout masks (every Dropout layer on, all
    else as at test time) for the first test samples. Returns how many masks, the distance to the
    test-time output after 1, 2, … masks for the geometric mean of the class probabilities (what the
    course's weight-scaling rule approximates) and for their arithmetic mean, the share of samples
    predicted alike after all masks, the samples, and what was averaged."""
    import torch
    from torch import nn

    model = trainer.model
    x = trainer.x_test[:AVERAGE_SAMPLES] if len(trainer.x_test) else trainer.x_train[:AVERAGE_SAMPLES]
    n = len(x)
    to_output = _to_output(trainer)
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            reference = to_output(model(x)).float()
            for module in model.modules():
                if isinstance(module, nn.Dropout):
                    module.train()
            chunk = max(1, 16384 // max(1, n))
            outs = []
            for start in range(0, masks, chunk):
                k = min(chunk, masks - start)
                outs.append(to_output(model(x.repeat(k, *[1] * (x.dim() - 1)))).float().reshape(k, n, -1))
            every = torch.cat(outs)  # (masks, n, outputs)
    finally:
        model.train(was_training)
    counts = torch.arange(1, masks + 1, dtype=torch.float32)[:, None, None]
    far = lambda average: (average - reference[None]).abs().amax(2).mean(1).cpu().numpy().astype(np.float64)
    arithmetic = every.cumsum(0) / counts
    if not trainer.data.num_classes:
        return counts.flatten().numpy().astype(np.int64), far(arithmetic), far(arithmetic), float("nan"), n, "outputs"
    geometric = torch.softmax(every.clamp(min=1e-30).log().cumsum(0) / counts, 2)  # renormalised
    agreement = float((geometric[-1].argmax(1) == reference.argmax(1)).float().mean())
    return counts.flatten().numpy().astype(np.int64), far(geometric), far(arithmetic), agreement, n, "probabilities"


def _to_output(trainer):
    """Logits to what a reader compares: each class's probability (a single yes/no output as two),
    or the values of a regression."""
    import torch

    if not trainer.data.num_classes:
        return lambda out: out
    if trainer.out_width == 1:
        yes = (lambda out: torch.sigmoid(out)) if trainer.loss_kind == "bce" else (lambda out: out.clamp(0, 1))
        return lambda out: torch.cat([1 - yes(out), yes(out)], 1)
    if trainer.loss_kind == "cross_entropy":
        return lambda out: torch.softmax(out, 1)
    return lambda out: out.clamp(min=0) / out.clamp(min=0).sum(1, keepdim=True).clamp(min=1e-12)
