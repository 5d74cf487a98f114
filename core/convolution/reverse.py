"""Reverse correlation (course 004 §9.10): how neuroscientists map a simple cell's receptive
field without seeing its weights. Show it white noise, and average the noise images weighted by
the cell's response. For a linear unit r = w·x + b with noise of unit variance, that average is
w itself, up to sampling error; a rectified unit gives w scaled. The estimate needs nothing but
the unit's responses, so it works on any unit of a trained network.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def reverse_correlation(
    respond: Callable[[np.ndarray], np.ndarray],
    shape: tuple[int, ...],
    samples: int = 4000,
    seed: int = 0,
    batch: int = 500,
) -> np.ndarray:
    """The covariance of the unit's response with each input pixel over `samples` standard normal
    noise images of `shape`: E[r·x] − E[r]·E[x], which is w for r = w·x + b."""
    rng = np.random.default_rng(seed)
    sum_rx = np.zeros(shape)
    sum_x = np.zeros(shape)
    sum_r = 0.0
    done = 0
    while done < samples:
        n = min(batch, samples - done)
        x = rng.standard_normal((n, *shape))
        r = np.asarray(respond(x), dtype=np.float64).reshape(n)
        sum_rx += np.tensordot(r, x, axes=1)
        sum_x += x.sum(axis=0)
        sum_r += float(r.sum())
        done += n
    return sum_rx / samples - (sum_r / samples) * (sum_x / samples)


def unit_response(model, node: str, channel: int, row: int, col: int) -> Callable[[np.ndarray], np.ndarray]:
    """The responses of one unit of a feature map of a built model (core.network.build.GraphModule)
    to a batch of inputs, in inference mode."""
    import torch

    device = next(model.parameters()).device

    def respond(x: np.ndarray) -> np.ndarray:
        was_training = model.training
        model.eval()
        with torch.inference_mode():
            _, taps = model(torch.as_tensor(x, dtype=torch.float32, device=device), taps=[node])
        model.train(was_training)
        return taps[node][:, channel, row, col].double().cpu().numpy()

    return respond


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of two arrays' values (0 when either is constant)."""
    a, b = np.ravel(a) - np.mean(a), np.ravel(b) - np.mean(b)
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b / norm) if norm > 0 else 0.0


def first_layer_filter(graph, model, node: str, channel: int, row: int, col: int) -> np.ndarray | None:
    """The real filter a unit applies to the input, drawn in the input's frame (C, H, W), when the
    unit is a first convolution's (or an activation's right after it): that layer's kernel placed on
    the unit's window. None for deeper units, which have no single filter to compare with."""
    from core.network.graph import infer
    from core.network.layers import KINDS

    inference = infer(graph)
    current, conv = node, None
    while current != inference.input_id:
        kind = graph.nodes[current].kind
        sources = [s for s in graph.inputs_of(current) if s is not None]
        if len(sources) != 1:
            return None
        if kind == "Conv2d":
            if conv is not None:
                return None
            conv = current
        elif not KINDS[kind].traits & {"element_wise", "activation"}:
            return None
        current = sources[0]
    if conv is None:
        return None
    params = graph.nodes[conv].params
    weight = model.layer(conv).weight.detach().double().cpu().numpy()[channel]  # (C_in, k, k)
    c, height, width = inference.shapes[inference.input_id]
    k, stride, padding = params["kernel_size"], params["stride"], params["padding"]
    top, left = row * stride - padding, col * stride - padding
    frame = np.zeros((c, height + 2 * k, width + 2 * k))  # room for a window hanging over the border
    frame[:, top + k : top + 2 * k, left + k : left + 2 * k] = weight
    return frame[:, k : k + height, k : k + width]
