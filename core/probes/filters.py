"""The "filters" probe: the first convolution layer's kernels and their Gabor fits.

Reading the kernels is free, so they are always the current ones; fitting a
Gabor to each costs a few milliseconds per kernel, so the probe keeps the fits
and redoes them at most every `refit_seconds` (or when asked), each starting
from the previous fit of the same kernel.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from core.network.layers import has_trait
from core.probes.base import Probe
from core.probes.gabor import GABOR_LIKE, GaborFit, GaborParams, fit_gabors
from core.words import translate

MAX_KERNELS = 64  # more would not be readable in the dock, and their fits would take seconds
MIN_FIT_SIZE = 5  # a 3×3 kernel has as many pixels as a Gabor has parameters: every kernel would "fit"
REFIT_SECONDS = 3.0


@dataclass
class Filters:
    node: str  # the convolution node the kernels belong to
    kernels: np.ndarray  # (out, in, k, k): the layer's weights (the first MAX_KERNELS filters)
    total: int  # how many filters the layer has
    fitted_to: str  # what each Gabor was fitted to: "the kernel" or "the mean of its 3 input channels"
    fits: list[GaborFit]  # one per kernel, [] when the kernels are too small to compare with a Gabor
    fit_step: int  # the training step of the kernels shown and their fits (refitted every few seconds)
    step: int  # the training step now: later than fit_step while training outruns the fitting
    threshold: float = GABOR_LIKE

    @property
    def r2(self) -> np.ndarray:
        return np.array([fit.r2 for fit in self.fits])

    @property
    def gabor_like(self) -> int:
        """How many kernels fit a Gabor with R² ≥ threshold."""
        return int((self.r2 >= self.threshold).sum())


def first_conv(trainer) -> str:
    """The node id of the network's first Conv2d layer, in the order data flows through it."""
    graph, model = trainer.project.graph, trainer.model
    for node_id in model.order:
        if has_trait(graph.nodes[node_id].kind, "conv", "feature_map"):
            return node_id
    raise ValueError(
        translate(
            "probes",
            "this network has no convolution layer: add a Conv2d layer after an image input to see its filters",
        )
    )


def fit_images(kernels: np.ndarray) -> tuple[np.ndarray, str]:
    """The 2-D image of each kernel that a Gabor is fitted to, and what that image is."""
    channels = kernels.shape[1]
    if channels == 1:
        return kernels[:, 0], "the kernel"
    # a grey input has the same value in every channel, so the filter sees it through its channel mean
    return kernels.mean(axis=1), f"the mean of its {channels} input channels"


@dataclass
class _Fits:
    node: str
    time: float  # when the fitting ended (time.monotonic)
    step: int  # the training step of the kernels fitted
    fits: list[GaborFit]
    kernels: np.ndarray  # the kernels fitted: shown with their fits, never newer ones beside old R²
    fitted_to: str


class FiltersProbe(Probe):
    """The first conv layer's kernels with their Gabor fits, at most `refit_seconds` old (`refit`: now).
    The kernels shown are always the ones fitted: an R² beside a newer kernel would not be its own."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: _Fits | None = None  # the latest fits, the start of the next ones

    def compute(
        self, refit: bool = False, refit_seconds: float = REFIT_SECONDS, threshold: float = GABOR_LIKE
    ) -> Filters:
        node = first_conv(self.trainer)
        weight = self.trainer.model.layer(node).weight
        kernels = weight.detach()[:MAX_KERNELS].float().cpu().numpy().copy()
        images, fitted_to = fit_images(kernels)
        step = self.trainer.step_count
        if min(kernels.shape[2:]) < MIN_FIT_SIZE:
            return Filters(node, kernels, weight.shape[0], fitted_to, [], step, step, threshold)
        last = self.last
        stale = last is None or last.node != node or len(last.fits) != len(images)
        if stale or refit or time.monotonic() - last.time >= refit_seconds:
            starts: list[GaborParams | None] = [None] * len(images) if stale else [f.params for f in last.fits]
            fits = fit_gabors(images, starts)
            last = self.last = _Fits(node, time.monotonic(), step, fits, kernels, fitted_to)  # the pause starts now
        return Filters(node, last.kernels, weight.shape[0], last.fitted_to, last.fits, last.step, step, threshold)
