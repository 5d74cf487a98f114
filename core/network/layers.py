"""The layer catalogue: every kind a user can place, with its parameters,
traits, shape rule, one-line summary, parameter count and torch factory.

Every "which kinds are…" question elsewhere is answered from the kinds'
traits (`kinds_with`, `has_trait`), never from a list of names, so a new
kind needs only its entry here (and a module in modules.py if torch has none).

Shapes never include the batch dimension: a batch of 8×8 grey images is
`(1, 8, 8)`, a batch of 2-D points `(2,)`, a sequence `(steps, features)`.
Torch is imported only inside the factories, so the editor can load the
catalogue without paying for `import torch`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.params import Param
from core.words import translate

Shape = tuple[int, ...]


class ShapeError(Exception):
    """A layer cannot accept its inputs. `fix` says what the user can do."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix


def fmt_shape(shape: Shape) -> str:
    return "×".join(str(s) for s in shape) if shape else "a scalar"


# What a kind is, for the code that asks: each trait in one line.
TRAITS: dict[str, str] = {
    "input": "where the data enters the network",
    "output": "where the prediction leaves and the loss is named; it feeds nothing",
    "dense": "a learned affine map whose width is its out_features parameter",
    "conv": "learned filters slid over the input (their weights are kernels)",
    "feature_map": "outputs channels × height × width maps of an image",
    "shape_only": "rearranges the values of a sample without changing or reordering them",
    "activation": "a fixed nonlinearity: no weights, one curve from input to output",
    "unit_wise": "keeps the shape, and output unit k stands for input unit k: the layer before decides the width",
    "element_wise": "keeps the shape and every value's place: a sequence stays a sequence",
    "training_only": "changes nothing outside training, so probes of the trained network skip it",
    "recurrent": "runs over the steps of a sequence with a state fed back",
    "multi_input": "merges several branches; its ports come from the inputs parameter",
    "saturating": "flattens out at both ends, where its slope and the gradient through it vanish",
    "can_die": "outputs zero and passes no gradient for negative inputs: a unit can die",
    "across_units": "each output depends on every unit of its input, not on one value",
    "straight_through": "has no useful derivative; training passes the gradient through unchanged",
    "features": "fixed functions of a 2-D point's coordinates, fed to the network in place of x and y",
    "reorders": "moves every value to another place, unchanged (a sequence's steps become its channels)",
    "global_pool": "keeps one value per channel from all its positions: where something happened is forgotten",
}


def _no_summary(p: dict) -> str:
    return ""


@dataclass(frozen=True)
class LayerKind:
    name: str
    group: str
    help: str
    params: tuple[Param, ...]
    infer: Callable[[list[Shape], dict], Shape]
    make: Callable[[list[Shape], dict], Any]
    count: Callable[[list[Shape], dict], int] = field(default=lambda shapes, p: 0)
    ports: int = 1  # input ports; multi-input kinds take theirs from the "inputs" parameter
    traits: frozenset[str] = frozenset()  # what it is, for the code that asks (see TRAITS)
    summary: Callable[[dict], str] = _no_summary  # the line a node shows about its settings
    output_range: tuple[float | None, float | None] = (None, None)  # fixed bounds of its outputs, if any

    def __post_init__(self):
        unknown = self.traits - TRAITS.keys()
        if unknown:
            raise ValueError(f"layer kind {self.name} has unknown traits {sorted(unknown)}")

    def port_count(self, params: dict) -> int:
        return params.get("inputs", self.ports) if "multi_input" in self.traits else self.ports


def _known(*traits: str) -> frozenset[str]:
    """The traits asked about, refusing a misspelt one (it would silently match no kind)."""
    unknown = [t for t in traits if t not in TRAITS]
    if unknown:
        raise ValueError(f"unknown layer trait '{unknown[0]}' (known: {', '.join(TRAITS)})")
    return frozenset(traits)


def kinds_with(trait: str) -> tuple[str, ...]:
    """The names of the kinds with `trait`, in catalogue order; asked anew on every call,
    so a kind added to the catalogue later is counted."""
    _known(trait)
    return tuple(name for name, kind in KINDS.items() if trait in kind.traits)


def has_trait(kind_name: str, *traits: str) -> bool:
    """Whether the kind has every one of `traits`."""
    return _known(*traits) <= KINDS[kind_name].traits


def has_any_trait(kind_name: str, *traits: str) -> bool:
    """Whether the kind has at least one of `traits`."""
    return bool(_known(*traits) & KINDS[kind_name].traits)


def _nn():
    from torch import nn

    return nn


def _modules():
    from core.network import modules

    return modules


# ---- shape rules -------------------------------------------------------------


def _same(shapes: list[Shape], p: dict) -> Shape:
    return shapes[0]


def _flat(shapes: list[Shape], p: dict) -> Shape:
    return (math.prod(shapes[0]),)


def _need_rank(shape: Shape, rank: int, what: str, fix: str) -> None:
    if len(shape) != rank:
        raise ShapeError(translate("shapes", "expects {0} but receives {1}").format(what, fmt_shape(shape)), fix)


def _out_size(size: int, kernel: int, stride: int, padding: int, what: str) -> int:
    out = (size + 2 * padding - kernel) // stride + 1
    if out < 1:
        text = (
            translate("shapes", "has a kernel of {0} but its input is only {1} wide")
            if what == "kernel"
            else translate("shapes", "has a window of {0} but its input is only {1} wide")
        )
        padded = translate("shapes", " (with padding {0})").format(padding) if padding else ""
        raise ShapeError(text.format(kernel, size) + padded, translate("shapes", "reduce kernel_size or add padding"))
    return out


def _input(shapes: list[Shape], p: dict) -> Shape:
    if -1 in p["shape"]:
        raise ShapeError(
            translate("shapes", "has an unknown size in its shape {0}").format(fmt_shape(p["shape"])),
            translate("shapes", "give every size of one sample"),
        )
    return p["shape"]


def _linear(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(shapes[0], 1, translate("shapes", "a flat input"), translate("shapes", "insert Flatten"))
    return (p["out_features"],)


def _conv1d(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(shapes[0], 2, translate("shapes", "channels × length"), translate("shapes", "insert Reshape"))
    c, length = shapes[0]
    return (p["out_channels"], _out_size(length, p["kernel_size"], p["stride"], p["padding"], "kernel"))


def _conv2d(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(shapes[0], 3, translate("shapes", "channels × height × width"), translate("shapes", "insert Reshape"))
    c, h, w = shapes[0]
    k, s, pad = p["kernel_size"], p["stride"], p["padding"]
    groups = p.get("groups", 1)
    if c % groups or p["out_channels"] % groups:
        raise ShapeError(
            translate(
                "shapes",
                "splits its {0} input and {1} output channels into {2} groups, but both must divide evenly",
            ).format(c, p["out_channels"], groups),
            translate("shapes", "choose groups that divide both channel counts"),
        )
    return (p["out_channels"], _out_size(h, k, s, pad, "kernel"), _out_size(w, k, s, pad, "kernel"))


def _pool2d(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(shapes[0], 3, translate("shapes", "channels × height × width"), translate("shapes", "insert Reshape"))
    c, h, w = shapes[0]
    k = p["kernel_size"]
    s = p["stride"] or k
    return (c, _out_size(h, k, s, 0, "window"), _out_size(w, k, s, 0, "window"))


def _reshape(shapes: list[Shape], p: dict) -> Shape:
    target, total = list(p["shape"]), math.prod(shapes[0])
    if target.count(-1) > 1:
        raise ShapeError(
            translate("shapes", "may have at most one -1 in its shape"),
            translate("shapes", "replace all but one -1 by a size"),
        )
    known = math.prod(s for s in target if s != -1)
    if -1 in target and known and total % known == 0:
        target[target.index(-1)] = total // known
    if math.prod(target) != total or -1 in target:
        raise ShapeError(
            translate("shapes", "cannot arrange {0} values ({1}) as {2}").format(
                total, fmt_shape(shapes[0]), fmt_shape(tuple(p["shape"]))
            ),
            translate("shapes", "choose a shape with the same number of values"),
        )
    return tuple(target)


def _batchnorm(shapes: list[Shape], p: dict) -> Shape:
    if len(shapes[0]) not in (1, 2, 3):
        raise ShapeError(
            translate("shapes", "expects features, channels × length or an image but receives {0}").format(
                fmt_shape(shapes[0])
            )
        )
    return shapes[0]


def _recurrent(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(
        shapes[0], 2, translate("shapes", "a sequence (steps × features)"), translate("shapes", "insert Reshape")
    )
    steps = shapes[0][0]
    return (p["hidden_size"],) if p["output"] == "last" else (steps, p["hidden_size"])


def _transpose(shapes: list[Shape], p: dict) -> Shape:
    _need_rank(shapes[0], 2, "a sequence (steps × features) or channels × length", "insert Reshape")
    return (shapes[0][1], shapes[0][0])


def _global_pool(shapes: list[Shape], p: dict) -> Shape:
    if len(shapes[0]) < 2:
        raise ShapeError(
            f"expects channels × positions (a sequence or an image) but receives {fmt_shape(shapes[0])}",
            "place it after a Conv1d or Conv2d",
        )
    return (shapes[0][0],)


def _add(shapes: list[Shape], p: dict) -> Shape:
    for other in shapes[1:]:
        if other != shapes[0]:
            raise ShapeError(
                translate("shapes", "has inputs {0} and {1}: they must match").format(
                    fmt_shape(shapes[0]), fmt_shape(other)
                ),
                translate("shapes", "change a layer so both branches have the same shape"),
            )
    return shapes[0]


def _concat(shapes: list[Shape], p: dict) -> Shape:
    first = shapes[0]
    for other in shapes[1:]:
        if len(other) != len(first) or other[1:] != first[1:]:
            raise ShapeError(
                translate("shapes", "has inputs {0} and {1}: all but their first size must match").format(
                    fmt_shape(first), fmt_shape(other)
                ),
                translate("shapes", "change a layer so the branches agree"),
            )
    return (sum(s[0] for s in shapes), *first[1:])


def _output(shapes: list[Shape], p: dict) -> Shape:
    if p["loss"] in ("cross_entropy", "bce") and len(shapes[0]) != 1:
        raise ShapeError(
            translate("shapes", "with {0} loss expects a flat input but receives {1}").format(
                p["loss"], fmt_shape(shapes[0])
            ),
            translate("shapes", "insert Flatten and Linear"),
        )
    return shapes[0]


# ---- parameter counts (checked against torch in the tests) -------------------


def _count_linear(shapes, p):
    return shapes[0][0] * p["out_features"] + (p["out_features"] if p["bias"] else 0)


def _count_conv(dims: int):
    def count(shapes, p):
        c_in, c_out = shapes[0][0] // p.get("groups", 1), p["out_channels"]  # each filter sees its group only
        return c_in * c_out * p["kernel_size"] ** dims + (c_out if p["bias"] else 0)

    return count


def _count_batchnorm(shapes, p):
    return 2 * shapes[0][0] if p["affine"] else 0


def _count_recurrent(gates: int):
    def count(shapes, p):
        h, n_in, total = p["hidden_size"], shapes[0][1], 0
        for _ in range(p["num_layers"]):
            total += gates * (h * n_in + h * h + 2 * h)
            n_in = h
        return total

    return count


# ---- one-line summaries ---------------------------------------------------------


def _conv_summary(dims: int):
    def summary(p: dict) -> str:
        k = p["kernel_size"]
        size = f"{k}×{k}" if dims == 2 else str(k)
        stride = f", stride {p['stride']}" if p["stride"] != 1 else ""
        groups = f", {p['groups']} groups" if p.get("groups", 1) != 1 else ""
        return f"{_count(p['out_channels'], 'filter')} {size}{stride}{groups}"

    return summary


def _count(n: int, word: str) -> str:
    """ "1 unit", "2 units": a node's summary is read aloud in class."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _recurrent_summary(p: dict) -> str:
    return f"{_count(p['hidden_size'], 'unit')}, {'last step' if p['output'] == 'last' else 'all steps'}"


def _merge_summary(p: dict) -> str:
    return f"{p['inputs']} inputs"


def _pool_summary(p: dict) -> str:
    return f"{p['kernel_size']}×{p['kernel_size']} window"


_LOSS_NAMES = {"cross_entropy": "cross-entropy loss", "mse": "mean squared error", "bce": "binary cross-entropy"}


# ---- the catalogue ------------------------------------------------------------

_P = Param
_BIAS = _P("bias", "bool", True, "Add a learned offset to each output")
_KERNEL = _P("kernel_size", "int", 3, "Width of the sliding window", 1, 64)
_STRIDE = _P("stride", "int", 1, "How far the window moves each step", 1, 64)
_PADDING = _P("padding", "int", 0, "Zeros added around the input", 0, 64)
_INPUTS = _P("inputs", "int", 2, "How many branches are merged", 2, 8)
_GROUPS = _P(
    "groups", "int", 1, "Split the channels into groups filtered apart (LeNet-5's partial connections)", 1, 4096
)
_REC = (
    _P("hidden_size", "int", 16, "Units in the hidden state", 1, 4096),
    _P("num_layers", "int", 1, "Recurrent layers stacked on each other", 1, 8),
    _P("output", "choice", "last", "Return the last step only or every step", choices=("last", "all")),
)
_ACTIVATION = frozenset({"activation", "unit_wise", "element_wise"})
_TRAINING_ONLY = frozenset({"unit_wise", "element_wise", "training_only"})


def _activation(
    name: str,
    help: str,
    make: Callable[[list[Shape], dict], Any],
    params: tuple[Param, ...] = (),
    traits: frozenset[str] = frozenset(),
    summary: Callable[[dict], str] = _no_summary,
    output_range: tuple[float | None, float | None] = (None, None),
) -> LayerKind:
    return LayerKind(
        name,
        "activations",
        help,
        params,
        _same,
        make,
        traits=_ACTIVATION | traits,
        summary=summary,
        output_range=output_range,
    )


def _torch(module: str) -> Callable[[list[Shape], dict], Any]:
    return lambda s, p: getattr(_nn(), module)(**p)


# The input features TensorFlow Playground offers, by parameter name and as the node writes them.
FEATURES = {
    "x": "x",
    "y": "y",
    "x_squared": "x²",
    "y_squared": "y²",
    "x_times_y": "xy",
    "sin_x": "sin x",
    "sin_y": "sin y",
}


def _features_infer(shapes: list[Shape], p: dict) -> Shape:
    if tuple(shapes[0]) != (2,):
        raise ShapeError(
            f"expects the 2 coordinates of a point but receives {fmt_shape(shapes[0])}",
            "use it right after the Input of a 2-D dataset",
        )
    chosen = sum(bool(p[name]) for name in FEATURES)
    if not chosen:
        raise ShapeError("expects at least one feature ticked but receives none", "tick x squared and y squared, say")
    return (chosen,)


KINDS: dict[str, LayerKind] = {
    k.name: k
    for k in [
        LayerKind(
            "Input",
            "inputs",
            "Where the data enters; its shape comes from the dataset",
            (_P("shape", "shape", (2,), "Size of one sample, without the batch", 1, 65536),),
            _input,
            lambda s, p: _nn().Identity(),
            ports=0,
            traits=frozenset({"input"}),
            summary=lambda p: f"shape {fmt_shape(p['shape'])}",
        ),
        LayerKind(
            "Features",
            "inputs",
            "Feeds the network chosen functions of a point's coordinates (x², y², xy, sin x…) instead of x and y",
            tuple(
                _P(name, "bool", name in ("x", "y"), f"Feed {shown} to the network") for name, shown in FEATURES.items()
            ),
            _features_infer,
            lambda s, p: _modules().Features(tuple(name for name in FEATURES if p[name])),
            traits=frozenset({"features"}),
            summary=lambda p: ", ".join(shown for name, shown in FEATURES.items() if p[name]),
        ),
        LayerKind(
            "Linear",
            "dense",
            "Fully connected: every output sees every input",
            (_P("out_features", "int", 8, "Number of output units", 1, 65536), _BIAS),
            _linear,
            lambda s, p: _nn().Linear(s[0][0], p["out_features"], bias=p["bias"]),
            _count_linear,
            traits=frozenset({"dense"}),
            summary=lambda p: _count(p["out_features"], "unit"),
        ),
        LayerKind(
            "Conv1d",
            "convolution",
            "Slides a set of learned filters along a sequence",
            (_P("out_channels", "int", 8, "Number of filters", 1, 4096), _KERNEL, _STRIDE, _PADDING, _BIAS),
            _conv1d,
            lambda s, p: _nn().Conv1d(
                s[0][0], p["out_channels"], p["kernel_size"], p["stride"], p["padding"], bias=p["bias"]
            ),
            _count_conv(1),
            traits=frozenset({"conv"}),
            summary=_conv_summary(1),
        ),
        LayerKind(
            "Conv2d",
            "convolution",
            "Slides a set of learned filters over an image",
            (_P("out_channels", "int", 8, "Number of filters", 1, 4096), _KERNEL, _STRIDE, _PADDING, _BIAS, _GROUPS),
            _conv2d,
            lambda s, p: _nn().Conv2d(
                s[0][0],
                p["out_channels"],
                p["kernel_size"],
                p["stride"],
                p["padding"],
                bias=p["bias"],
                groups=p["groups"],
            ),
            _count_conv(2),
            traits=frozenset({"conv", "feature_map"}),
            summary=_conv_summary(2),
        ),
        LayerKind(
            "MaxPool2d",
            "pooling",
            "Keeps the largest value in each window",
            (
                _P("kernel_size", "int", 2, "Width of the window", 1, 64),
                _P("stride", "int", 0, "Step between windows (0: the window width)", 0, 64),
            ),
            _pool2d,
            lambda s, p: _nn().MaxPool2d(p["kernel_size"], p["stride"] or None),
            traits=frozenset({"feature_map"}),
            summary=_pool_summary,
        ),
        LayerKind(
            "AvgPool2d",
            "pooling",
            "Averages the values in each window",
            (
                _P("kernel_size", "int", 2, "Width of the window", 1, 64),
                _P("stride", "int", 0, "Step between windows (0: the window width)", 0, 64),
            ),
            _pool2d,
            lambda s, p: _nn().AvgPool2d(p["kernel_size"], p["stride"] or None),
            traits=frozenset({"feature_map"}),
            summary=_pool_summary,
        ),
        LayerKind(
            "GlobalMaxPool",
            "pooling",
            "Keeps each channel's largest value over all positions: where a filter fired no longer matters",
            (),
            _global_pool,
            lambda s, p: _modules().GlobalMaxPool(),
            traits=frozenset({"global_pool"}),
        ),
        LayerKind(
            "Transpose",
            "dense",
            "Swaps a sequence's two sizes: steps × features becomes features × steps, "
            "so filters can slide along the steps",
            (),
            _transpose,
            lambda s, p: _modules().Transpose(),
            traits=frozenset({"reorders"}),
        ),
        LayerKind(
            "Flatten",
            "dense",
            "Lays all values of a sample out in one row",
            (),
            _flat,
            lambda s, p: _nn().Flatten(),
            traits=frozenset({"shape_only"}),
        ),
        LayerKind(
            "Reshape",
            "dense",
            "Arranges the values of a sample in a new shape (one size may be -1)",
            (_P("shape", "shape", (-1,), "New shape, without the batch", 1, 65536),),
            _reshape,
            lambda s, p: _modules().Reshape(_reshape(s, p)),
            traits=frozenset({"shape_only"}),
            summary=lambda p: f"to {fmt_shape(p['shape'])}",
        ),
        _activation(
            "Sigmoid",
            "Squashes to (0, 1); saturates for large inputs",
            _torch("Sigmoid"),
            traits=frozenset({"saturating"}),
            output_range=(0.0, 1.0),
        ),
        _activation(
            "Tanh",
            "Squashes to (-1, 1); zero-centred",
            _torch("Tanh"),
            traits=frozenset({"saturating"}),
            output_range=(-1.0, 1.0),
        ),
        _activation(
            "ReLU",
            "Keeps positives, zeroes negatives",
            _torch("ReLU"),
            traits=frozenset({"can_die"}),
            output_range=(0.0, None),
        ),
        _activation(
            "LeakyReLU",
            "Like ReLU but lets a small slope through for negatives",
            _torch("LeakyReLU"),
            (_P("negative_slope", "float", 0.01, "Slope for negative inputs", 0.0, 1.0),),
            summary=lambda p: f"slope {p['negative_slope']:g}",
        ),
        _activation(
            "ELU",
            "Smooth ReLU that tends to -alpha for negatives",
            _torch("ELU"),
            (_P("alpha", "float", 1.0, "Value approached for very negative inputs", 0.0, 10.0),),
            summary=lambda p: f"alpha {p['alpha']:g}",
        ),
        _activation("GELU", "Smooth ReLU weighted by the Gaussian CDF", _torch("GELU")),
        _activation(
            "Step",
            "Heaviside step: 1 if positive, else 0 (trains with a straight-through gradient)",
            lambda s, p: _modules().Step(),
            traits=frozenset({"straight_through"}),
            output_range=(0.0, 1.0),
        ),
        _activation(
            "Softmax",
            "Turns scores into probabilities that sum to 1 over the first dimension",
            lambda s, p: _nn().Softmax(dim=1),
            traits=frozenset({"across_units"}),
            output_range=(0.0, 1.0),
        ),
        LayerKind(
            "Dropout",
            "regularisation",
            "Zeroes a random share of values while training",
            (_P("p", "float", 0.5, "Share of values dropped", 0.0, 0.99),),
            _same,
            lambda s, p: _nn().Dropout(p["p"]),
            traits=_TRAINING_ONLY,
            summary=lambda p: f"drops {p['p']:.0%}",
        ),
        LayerKind(
            "Sparsity",
            "regularisation",
            "While training, pushes the values passing through towards zero (an L1 penalty on them), "
            "so few are active at once: the code of a sparse autoencoder",
            (_P("weight", "float", 0.1, "Adds weight × the mean |value| to what training minimises", 0.0, 100.0),),
            _same,
            lambda s, p: _modules().Sparsity(p["weight"]),
            traits=_TRAINING_ONLY,
            summary=lambda p: f"L1 weight {p['weight']:g}",
        ),
        LayerKind(
            "GaussianNoise",
            "regularisation",
            "While training, adds Gaussian noise of standard deviation std to every value; passes values unchanged "
            "at test time (the corruption of a denoising autoencoder)",
            (_P("std", "float", 0.3, "Standard deviation σ of the noise added while training", 0.0, 10.0),),
            _same,
            lambda s, p: _modules().GaussianNoise(p["std"]),
            traits=_TRAINING_ONLY,
            summary=lambda p: f"noise σ = {p['std']:g}",
        ),
        LayerKind(
            "BatchNorm",
            "regularisation",
            "Normalises each feature or channel over the batch (1d or 2d by input)",
            (_P("affine", "bool", True, "Learn a scale and shift after normalising"),),
            _batchnorm,
            lambda s, p: (_nn().BatchNorm2d if len(s[0]) == 3 else _nn().BatchNorm1d)(s[0][0], affine=p["affine"]),
            _count_batchnorm,
            traits=frozenset({"unit_wise", "element_wise"}),
        ),
        LayerKind(
            "RNN",
            "recurrent",
            "Simple recurrent layer: the state is fed back at every step",
            _REC + (_P("nonlinearity", "choice", "tanh", "Activation of the state", choices=("tanh", "relu")),),
            _recurrent,
            lambda s, p: _modules().Recurrent("RNN", s[0][1], p),
            _count_recurrent(1),
            traits=frozenset({"recurrent"}),
            summary=_recurrent_summary,
        ),
        LayerKind(
            "GRU",
            "recurrent",
            "Gated recurrent unit: gates decide what to keep",
            _REC,
            _recurrent,
            lambda s, p: _modules().Recurrent("GRU", s[0][1], p),
            _count_recurrent(3),
            traits=frozenset({"recurrent"}),
            summary=_recurrent_summary,
        ),
        LayerKind(
            "LSTM",
            "recurrent",
            "Long short-term memory: a cell state carries information far",
            _REC,
            _recurrent,
            lambda s, p: _modules().Recurrent("LSTM", s[0][1], p),
            _count_recurrent(4),
            traits=frozenset({"recurrent"}),
            summary=_recurrent_summary,
        ),
        LayerKind(
            "Add",
            "merge",
            "Adds its inputs element by element (skip connections)",
            (_INPUTS,),
            _add,
            lambda s, p: _modules().Add(),
            traits=frozenset({"multi_input", "element_wise"}),
            summary=_merge_summary,
        ),
        LayerKind(
            "Concat",
            "merge",
            "Joins its inputs along the first dimension",
            (_INPUTS,),
            _concat,
            lambda s, p: _modules().Concat(),
            traits=frozenset({"multi_input"}),
            summary=_merge_summary,
        ),
        LayerKind(
            "Output",
            "output",
            "Where the prediction leaves; names the loss to minimise",
            (
                _P(
                    "loss",
                    "choice",
                    "cross_entropy",
                    "What training minimises",
                    choices=("cross_entropy", "mse", "bce"),
                ),
            ),
            _output,
            lambda s, p: _nn().Identity(),
            traits=frozenset({"output"}),
            summary=lambda p: _LOSS_NAMES[p["loss"]],
        ),
    ]
}

GROUPS = ("inputs", "dense", "convolution", "pooling", "activations", "regularisation", "recurrent", "merge", "output")
