"""Which Neurona layer a PyTorch module is: kind and parameters, or why it has none.

core.export.fx_import asks this for every module a traced forward calls. Neurona's own helper modules
(those an exported script defines) are recognised by their class names.
"""

from __future__ import annotations

from torch import nn

from core.network.layers import FEATURES

HELPERS = {"Step", "Sparsity", "Reshape", "Recurrent", "Add", "Concat", "Transpose", "GlobalMaxPool", "Features"}
HELPERS.add("GaussianNoise")  # the denoising autoencoder's corruption
ACTIVATIONS = {nn.Sigmoid: "Sigmoid", nn.Tanh: "Tanh", nn.ReLU: "ReLU"}


def module_layer(m: nn.Module):
    """(kind, params) for a module, None for one that passes values through, or why it has no layer."""
    name = type(m).__name__
    if name in HELPERS:
        return _helper_layer(m, name)
    if isinstance(m, nn.Identity):
        return None
    if type(m) in ACTIVATIONS:
        return ACTIVATIONS[type(m)], {}
    if isinstance(m, nn.Linear):
        return "Linear", {"out_features": m.out_features, "bias": m.bias is not None}
    if isinstance(m, (nn.Conv1d, nn.Conv2d)):
        square = len(set(m.kernel_size)) == 1 and len(set(m.stride)) == 1
        padding = m.padding if isinstance(m.padding, tuple) else None
        grouped = m.groups != 1 and isinstance(m, nn.Conv1d)  # Conv2d takes groups; Conv1d does not yet
        if not square or padding is None or len(set(padding)) != 1 or grouped or set(m.dilation) != {1}:
            return "has no layer: Neurona's convolutions have square kernels, strides and padding, no dilation"
        if m.padding_mode != "zeros":
            return "has no layer: Neurona pads with zeros"
        kind = "Conv2d" if isinstance(m, nn.Conv2d) else "Conv1d"
        params = {"out_channels": m.out_channels, "kernel_size": m.kernel_size[0], "stride": m.stride[0]}
        params |= {"groups": m.groups} if kind == "Conv2d" else {}
        return kind, params | {"padding": padding[0], "bias": m.bias is not None}
    if isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)):
        kernel, stride = m.kernel_size, m.stride
        if not isinstance(kernel, int) or not isinstance(stride, int) or m.padding not in (0, (0, 0)) or m.ceil_mode:
            return "has no layer: Neurona's pooling has a square window, no padding"
        if isinstance(m, nn.MaxPool2d) and m.dilation not in (1, (1, 1)):
            return "has no layer: Neurona's pooling has no dilation"
        return type(m).__name__, {"kernel_size": kernel, "stride": 0 if stride == kernel else stride}
    if isinstance(m, nn.Flatten):
        return ("Flatten", {}) if (m.start_dim, m.end_dim) == (1, -1) else "has no layer: it must flatten from dim 1"
    if isinstance(m, nn.LeakyReLU):
        return "LeakyReLU", {"negative_slope": m.negative_slope}
    if isinstance(m, nn.ELU):
        return "ELU", {"alpha": m.alpha}
    if isinstance(m, nn.GELU):
        return ("GELU", {}) if m.approximate == "none" else "has no layer: only the exact GELU"
    if isinstance(m, nn.Softmax):
        return ("Softmax", {}) if m.dim == 1 else "has no layer: Neurona's Softmax works over dim 1"
    if isinstance(m, nn.Dropout):
        return "Dropout", {"p": m.p}
    if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        return "BatchNorm", {"affine": m.affine}
    if isinstance(m, (nn.RNN, nn.GRU, nn.LSTM)):
        return _recurrent_layer(m)
    return "has no layer"


def _recurrent_layer(m: nn.RNNBase, output: str = "all"):
    if not m.batch_first or m.bidirectional or not m.bias or getattr(m, "proj_size", 0) or m.dropout:
        return "has no layer: Neurona's recurrent layers are batch_first, one-way, with biases and no dropout"
    params = {"hidden_size": m.hidden_size, "num_layers": m.num_layers, "output": output}
    if isinstance(m, nn.RNN):
        params["nonlinearity"] = m.nonlinearity
    return type(m).__name__, params


def _helper_layer(m: nn.Module, name: str):
    """Neurona's own helper modules, as an exported script defines them."""
    if name in ("Step", "Transpose", "GlobalMaxPool"):
        return name, {}
    if name == "Sparsity" and isinstance(getattr(m, "weight", None), (int, float)):
        return "Sparsity", {"weight": float(m.weight)}
    if name == "GaussianNoise" and isinstance(getattr(m, "std", None), (int, float)):
        return "GaussianNoise", {"std": float(m.std)}
    if name == "Reshape" and isinstance(getattr(m, "shape", None), tuple):
        return "Reshape", {"shape": m.shape}
    if name == "Recurrent" and isinstance(getattr(m, "rnn", None), (nn.RNN, nn.GRU, nn.LSTM)):
        return _recurrent_layer(m.rnn, "last" if getattr(m, "last_only", False) else "all")
    if name in ("Add", "Concat"):
        return name, {"inputs": 2}  # the number of inputs is set from the call
    names = getattr(m, "names", None)
    if name == "Features" and isinstance(names, tuple) and set(names) <= set(FEATURES):
        return "Features", {feature: feature in names for feature in FEATURES}
    return "has no layer"
