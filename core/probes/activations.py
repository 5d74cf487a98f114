"""Activation histograms over training, dead and saturated units, and conv feature maps.

`activations` runs a fixed probe batch (the first training samples) through
the model and histograms every activation layer's output on fixed bin edges,
so histograms from different steps line up into a picture of the layer over
time. It also counts the units that have stopped learning:

- a ReLU unit is *dead* when it outputs zero for every probe sample;
- a Sigmoid or Tanh unit is *saturated* when its output lies within
  SATURATION_MARGIN of an asymptote for more than SATURATION_SHARE of the
  probe samples: there its slope is nearly zero (below 0.04 for tanh, 0.02
  for sigmoid), so the gradient through it has all but vanished for most
  inputs. (A softmax output is near 0 for most samples by design, so it is
  not counted.)

A unit is a feature of a dense layer, or a channel of a convolution (all its
positions together). `feature_maps` gives one test sample's output of every
Conv2d and pooling layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.data.transforms import shifted
from core.network.layers import KINDS, has_any_trait, has_trait
from core.probes.base import Probe
from core.probes.plane import _run
from core.words import translate

PROBE_SAMPLES = 512  # training samples in the fixed probe batch
BINS = 40  # a multiple of 4, so a growing range can merge pairs of bins (see _widen)
MAX_HISTORY = 200  # histograms kept over time; beyond it every other one is dropped
SATURATION_MARGIN = 0.02
SATURATION_SHARE = 0.5


@dataclass
class LayerHistogram:
    node: str
    kind: str
    shape: tuple[int, ...]  # of one sample's output
    units: int  # features of a dense layer, channels of a convolution
    edges: np.ndarray  # (BINS + 1,) bin edges, the same for every histogram of this layer
    counts: np.ndarray  # (BINS,) the current histogram of all its output values over the probe batch
    history: np.ndarray  # (len(steps), BINS) earlier histograms, the current one last
    dead: float | None  # share of dead units now (ReLU only)
    saturated: float | None  # share of saturated units now (sigmoid-like kinds only)
    dead_history: np.ndarray | None  # (len(steps),)
    saturated_history: np.ndarray | None
    mean: float
    std: float


@dataclass
class Activations:
    step: int
    samples: int  # size of the probe batch
    steps: np.ndarray  # (T,) the training step of each history column
    layers: list[LayerHistogram]


@dataclass
class FeatureMap:
    node: str
    kind: str
    maps: np.ndarray  # (channels, h, w) for the chosen sample


@dataclass
class ReverseCorrelation:
    """A unit's receptive field recovered from white noise (core.convolution.reverse), beside its
    real filter when it has one (a first convolution's unit)."""

    unit: tuple[str, int, int, int]  # (node, channel, row, col)
    samples: int
    estimate: np.ndarray  # (C, H, W) in the input's frame
    filter: np.ndarray | None  # the same frame, or None for a deeper unit
    correlation: float | None
    problem: str = ""  # why there is no estimate (the unit is gone from the network)


@dataclass
class FeatureMaps:
    sample: int  # index into the test set
    image: np.ndarray  # (C, H, W) the sample itself
    label: str  # its class name ("" for regression)
    predicted: str  # the network's class for it
    layers: list[FeatureMap]
    shift: tuple[int, int] = (0, 0)  # (down, right) pixels the sample was moved before the run (no wrapping)
    probabilities: np.ndarray | None = None  # softmax of the output per class (cross-entropy networks)
    reverse: ReverseCorrelation | None = None  # asked for with the option reverse=[node, channel, row, col]
    moved: dict | None = None  # node -> core.convolution.equivariance.MapShift, for a shifted sample


def probed_layers(graph, model) -> list[str]:
    """The nodes whose outputs are histogrammed: every activation layer, or, in a network
    without any, its Linear and convolution layers; and every recurrent layer (its states
    pass through tanh or ReLU inside it)."""
    kinds = {n: graph.nodes[n].kind for n in model.order}
    if any(has_trait(kind, "activation") for kind in kinds.values()):
        wanted = ("activation", "recurrent")
    else:
        wanted = ("recurrent", "dense", "conv")
    return [n for n in model.order if has_any_trait(kinds[n], *wanted)]


def recurrent_bounds(graph, node: str) -> tuple[float, float] | None:
    """(-1, 1) for a recurrent layer whose state is squashed by tanh (GRU, LSTM, a tanh RNN), else None."""
    kind, params = graph.nodes[node].kind, graph.nodes[node].params
    if not has_trait(kind, "recurrent") or params.get("nonlinearity", "tanh") == "relu":
        return None
    return (-1.0, 1.0)


def _units(values):
    """(samples, units, rest) view of a layer's output: dim 1 of a sample is its unit or channel."""
    return values.reshape(values.shape[0], values.shape[1] if values.dim() > 1 else 1, -1)


def dead_share(values) -> float:
    """Share of units that are exactly zero for every sample (and position)."""
    alive = (_units(values) != 0).any(dim=2).any(dim=0)
    return 1.0 - alive.float().mean().item()


def saturated_share(values, kind: str, bounds: tuple[float, float] | None = None) -> float:
    """Share of units within SATURATION_MARGIN of an asymptote for more than SATURATION_SHARE of the values
    (the kind's output range, or `bounds` for a layer whose range its parameters set)."""
    low, high = bounds or KINDS[kind].output_range
    u = _units(values)
    near = (u - low < SATURATION_MARGIN) | (high - u < SATURATION_MARGIN)
    return (near.float().mean(dim=(0, 2)) > SATURATION_SHARE).float().mean().item()


def _top(largest: float) -> float:
    return 2.0 ** np.ceil(np.log2(largest)) if largest > 0 else 1.0


def _edges(kind: str, top: float) -> np.ndarray:
    """Bin edges over the kind's fixed output bounds, and -top or top where it has none (top only grows)."""
    low, high = KINDS[kind].output_range
    return np.linspace(-top if low is None else low, top if high is None else high, BINS + 1)


def _widen(history: np.ndarray, kind: str) -> np.ndarray:
    """Histograms on a range twice as wide: each pair of bins becomes one, padded with empty bins."""
    pairs = history.reshape(len(history), BINS // 2, 2).sum(2)
    pad = ((0, 0), (0, BINS // 2)) if KINDS[kind].output_range[0] is not None else ((0, 0), (BINS // 4, BINS // 4))
    return np.pad(pairs, pad)


class _Track:
    """One layer's histograms and unit shares as they were recorded."""

    def __init__(self, kind: str):
        self.kind, self.top = kind, 1.0
        self.history = np.zeros((0, BINS), np.int64)
        self.dead: list[float | None] = []
        self.saturated: list[float | None] = []

    def fit(self, largest: float) -> None:
        """Grow an unbounded layer's range until it holds `largest`, re-binning the history."""
        if None not in KINDS[self.kind].output_range:
            return
        if not len(self.history):
            self.top = _top(largest)
        while largest > self.top:
            self.top *= 2
            self.history = _widen(self.history, self.kind)

    def add(self, counts, dead, saturated, keep: bool, replace: bool):
        """The history with the current values last; kept for later calls when `keep`."""
        if replace:
            self.history, self.dead, self.saturated = self.history[:-1], self.dead[:-1], self.saturated[:-1]
        history = np.vstack([self.history, counts[None]])
        deads, saturateds = [*self.dead, dead], [*self.saturated, saturated]
        if keep:
            self.history, self.dead, self.saturated = history, deads, saturateds
        return (
            history,
            np.array(deads, float) if dead is not None else None,
            (np.array(saturateds, float) if saturated is not None else None),
        )


class _History:
    """The steps recorded so far and each layer's track. Past MAX_HISTORY it keeps every other
    entry and from then on records every other call, so the history stays evenly spaced."""

    def __init__(self):
        self.steps: list[int] = []
        self.tracks: dict[str, _Track] = {}
        self.every, self.calls = 1, 0

    def admit(self, step: int) -> tuple[bool, bool]:
        """(keep this call's histograms, replace the last ones: asked again at the same step)."""
        if self.steps and self.steps[-1] == step:
            return True, True
        keep = self.calls % self.every == 0
        self.calls += 1
        if keep and len(self.steps) >= MAX_HISTORY:
            self.steps = self.steps[::2]
            for track in self.tracks.values():
                track.history = track.history[::2]
                track.dead, track.saturated = track.dead[::2], track.saturated[::2]
            self.every *= 2
        if keep:
            self.steps.append(step)
        return keep, False


class ActivationsProbe(Probe):
    """Histograms of every activation layer over the probe batch, now and over time."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.history = _History()

    def compute(self, samples: int = PROBE_SAMPLES) -> Activations:
        return _activations(self.trainer, self.history, samples)


def _activations(trainer, recorded: _History, samples: int) -> Activations:
    graph = trainer.project.graph
    nodes = probed_layers(graph, trainer.model)
    if not nodes:
        raise ValueError(translate("probes", "this network has no activation, Linear or convolution layer to look at"))
    x = trainer.x_train[:samples]
    _, taps = _run(trainer.model, x, taps=nodes)
    step = trainer.step_count
    keep, replace = recorded.admit(step)
    layers = []
    for node in nodes:
        kind = graph.nodes[node].kind
        values = taps[node].float()
        track = recorded.tracks.setdefault(node, _Track(kind))
        flat = values.reshape(-1).double().cpu().numpy()  # float64: numpy's fast path is exact on its edges
        finite = np.abs(flat[np.isfinite(flat)])
        track.fit(float(finite.max()) if finite.size else 0.0)
        edges = _edges(kind, track.top)
        counts = np.histogram(flat, BINS, (edges[0], edges[-1]))[0]  # equal bins: numpy's fast path, same edges
        bounds = recurrent_bounds(graph, node)
        if has_trait(kind, "recurrent"):  # (samples, [steps,] units): every step's state is a sample of its units
            values = values.reshape(-1, values.shape[-1])
        dead = dead_share(values) if has_trait(kind, "can_die") else None
        if bounds is not None:
            saturated = saturated_share(values, kind, bounds)
        else:
            saturated = saturated_share(values, kind) if has_trait(kind, "saturating") else None
        history, dead_history, saturated_history = track.add(counts, dead, saturated, keep, replace)
        layers.append(
            LayerHistogram(
                node,
                kind,
                tuple(taps[node].shape[1:]),
                int(values.shape[1]) if values.dim() > 1 else 1,
                edges,
                counts,
                history,
                dead,
                saturated,
                dead_history,
                saturated_history,
                float(flat.mean()) if flat.size else 0.0,
                float(flat.std()) if flat.size else 0.0,
            )
        )
    steps = recorded.steps if keep else [*recorded.steps, step]
    return Activations(step, len(x), np.array(steps, np.int64), layers)


def map_layers(graph, model) -> list[str]:
    return [n for n in model.order if has_trait(graph.nodes[n].kind, "feature_map")]


class FeatureMapsProbe(Probe):
    def compute(self, sample: int = 0, down: int = 0, right: int = 0, reverse=None) -> FeatureMaps:
        """One test sample, moved `down` rows and `right` columns (pixels moved in are 0), and every
        Conv2d and pooling layer's output for it: maps move with the input, pooled maps less. With
        reverse = [node, channel, row, col], that unit's reverse correlation too."""
        maps = _feature_maps(self.trainer, sample, down, right)
        if reverse is not None:
            try:
                maps.reverse = _reverse(self.trainer, *reverse)
            except ValueError as err:  # the maps stay; only the estimate is missing, and says why
                maps.reverse = ReverseCorrelation(tuple(reverse), 0, np.zeros(0), None, None, str(err))
        return maps


REVERSE_SAMPLES = 2000  # noise images per reverse correlation: ±1/√2000 ≈ 2% error per weight


def _reverse(trainer, node: str, channel: int, row: int, col: int) -> ReverseCorrelation:
    from core.convolution.reverse import correlation, first_layer_filter, reverse_correlation, unit_response

    shapes = trainer.model.shapes
    shape = shapes.get(node)
    if (
        shape is None
        or len(shape) != 3
        or not (0 <= channel < shape[0] and 0 <= row < shape[1] and 0 <= col < shape[2])
    ):
        raise ValueError(
            translate("probes", "the network has no unit ({0}, {1}, {2}) in '{3}' any more").format(
                channel, row, col, node
            )
        )
    respond = unit_response(trainer.model, node, channel, row, col)
    estimate = reverse_correlation(respond, tuple(trainer.data.input_shape), REVERSE_SAMPLES, seed=0)
    real = first_layer_filter(trainer.project.graph, trainer.model, node, channel, row, col)
    score = correlation(estimate, real) if real is not None else None
    return ReverseCorrelation((node, channel, row, col), REVERSE_SAMPLES, estimate, real, score)


def _feature_maps(trainer, sample: int, down: int = 0, right: int = 0) -> FeatureMaps:
    data = trainer.data
    if len(data.input_shape) != 3:
        raise ValueError(translate("probes", "feature maps need image inputs (channels × height × width)"))
    nodes = map_layers(trainer.project.graph, trainer.model)
    if not nodes:
        raise ValueError(
            translate("probes", "this network has no Conv2d or pooling layer, so there are no feature maps to show")
        )
    if not 0 <= sample < len(trainer.x_test):
        raise ValueError(
            translate("probes", "there is no test sample {0}: the test set has {1}").format(sample, len(trainer.x_test))
        )
    height, width = data.input_shape[1:]
    if abs(down) >= height or abs(right) >= width:
        raise ValueError(
            translate("probes", "a shift of ({0}, {1}) moves the whole {2}×{3} image out of view").format(
                down, right, height, width
            )
        )
    x = trainer.x_test[sample : sample + 1]
    x = x.cpu().numpy() if hasattr(x, "cpu") else np.asarray(x)
    moved = None
    if down or right:
        from core.convolution.equivariance import shift_report

        reports = shift_report(trainer.project.graph, trainer.model, x[0], down, right, nodes)
        moved = {report.node: report for report in reports}
        x = shifted(x, down, right)
    out, taps = _run(trainer.model, x, taps=nodes)
    names = data.class_names

    def name(k: int) -> str:
        return names[k] if k < len(names) else str(k)

    label = name(int(data.y_test[sample])) if data.num_classes else ""
    predicted = name(int(trainer.classify(out)[0])) if data.num_classes else ""
    layers = [
        FeatureMap(n, trainer.project.graph.nodes[n].kind, taps[n][0].float().cpu().numpy().copy()) for n in nodes
    ]
    probabilities = None
    if data.num_classes and trainer.loss_kind == "cross_entropy":
        probabilities = out.float().softmax(dim=1)[0].cpu().numpy()
    image = np.array(x[0], dtype=np.float32)
    return FeatureMaps(sample, image, label, predicted, layers, (down, right), probabilities, moved=moved)
