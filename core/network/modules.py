"""Torch modules the catalogue needs that PyTorch does not ship as layers."""

from __future__ import annotations

import torch
from torch import nn


class _HeavisideSTE(torch.autograd.Function):
    """Heaviside forward, identity backward: the perceptron learning rule
    falls out of gradient descent through it."""

    @staticmethod
    def forward(ctx, x):
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return grad


class Step(nn.Module):
    def forward(self, x):
        return _HeavisideSTE.apply(x)


class _AddL1Gradient(torch.autograd.Function):
    """Identity forward; backward adds the gradient of `weight` × the mean |x|, so the penalty acts
    without the loss having to know about it (like the weight penalties, it is not in the loss shown)."""

    @staticmethod
    def forward(x, weight):
        return x.view_as(x)

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])
        ctx.weight = inputs[1]

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad + ctx.weight / x.numel() * torch.sign(x), None


class Features(nn.Module):
    """Chosen functions of a 2-D point's coordinates, one column each, in core.network.layers.FEATURES's order."""

    FUNCTIONS = {
        "x": lambda x, y: x,
        "y": lambda x, y: y,
        "x_squared": lambda x, y: x * x,
        "y_squared": lambda x, y: y * y,
        "x_times_y": lambda x, y: x * y,
        "sin_x": lambda x, y: torch.sin(x),
        "sin_y": lambda x, y: torch.sin(y),
    }

    def __init__(self, names: tuple[str, ...]):
        super().__init__()
        self.names = tuple(names)

    def forward(self, points):
        x, y = points[:, 0], points[:, 1]
        return torch.stack([self.FUNCTIONS[name](x, y) for name in self.names], 1)

    def extra_repr(self) -> str:
        return ", ".join(self.names)


class Sparsity(nn.Module):
    """An L1 penalty on the values passing through, while training: the "sparse" of a sparse autoencoder."""

    def __init__(self, weight: float):
        super().__init__()
        self.weight = weight

    def forward(self, x):
        return _AddL1Gradient.apply(x, self.weight) if self.training and torch.is_grad_enabled() else x

    def extra_repr(self) -> str:
        return f"weight={self.weight}"


class GaussianNoise(nn.Module):
    """Adds N(0, std²) noise to every value while training, nothing at test time: a denoising
    autoencoder learns to rebuild the clean input from a corrupted one (course 003, autoencoders)."""

    def __init__(self, std: float):
        super().__init__()
        self.std = std

    def forward(self, x):
        return x + self.std * torch.randn_like(x) if self.training and self.std else x

    def extra_repr(self) -> str:
        return f"std={self.std}"


class Reshape(nn.Module):
    def __init__(self, shape: tuple[int, ...]):
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)

    def extra_repr(self) -> str:
        return f"shape={self.shape}"


class Transpose(nn.Module):
    """Swaps a sample's two sizes: (batch, steps, features) to (batch, features, steps), the layout
    Conv1d reads (its channels are a sequence's features)."""

    def forward(self, x):
        return x.transpose(1, 2)


class GlobalMaxPool(nn.Module):
    """Each channel's largest value over every position, (batch, channels, ...) to (batch, channels):
    the same filter read everywhere, and only whether it fired kept (course ch. 9-10, sharing)."""

    def forward(self, x):
        return x.flatten(2).amax(2)


class Recurrent(nn.Module):
    """RNN, GRU or LSTM over (batch, steps, features); returns the last step or all."""

    def __init__(self, cell: str, input_size: int, p: dict):
        super().__init__()
        extra = {"nonlinearity": p["nonlinearity"]} if cell == "RNN" else {}
        self.rnn = getattr(nn, cell)(input_size, p["hidden_size"], p["num_layers"], batch_first=True, **extra)
        self.last_only = p["output"] == "last"

    def forward(self, x):
        out, _ = self.rnn(x)
        return out[:, -1] if self.last_only else out


class Add(nn.Module):
    def forward(self, *xs):
        total = xs[0]
        for x in xs[1:]:
            total = total + x
        return total


class Concat(nn.Module):
    def forward(self, *xs):
        return torch.cat(xs, dim=1)
