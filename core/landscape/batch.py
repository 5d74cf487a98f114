"""The loss of a GraphModule at many weight vectors per call ("batched parameters").

A grid of the loss landscape needs the network run at thousands of weight vectors
w = origin + Σ c_j·d_j. Instead of loading each into the model, `PlaneLoss` runs the graph once
per chunk of K points with every tensor carrying K as a leading dimension:
- nodes before any trainable parameter (the input, frozen layers) are computed once;
- the first trainable Linear/Conv on such an input is affine in its weights, so its output at
  any point is Y0 + Σ c_j·Y_j, from maps computed once (unless its fan-in is so small that
  the layer itself is cheaper);
- other Linear layers are one batched matrix product; Conv layers one convolution per point;
- parameter-free layers run on the K·N samples at once (non-overlapping max pooling as a
  max over a reshape, much faster than max_pool2d on CPU);
- anything else runs point by point through torch.func.functional_call.
bench/landscape.py measures it against a per-point loop; tests check both agree.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn
from torch.func import functional_call

CHUNK_FLOATS = 2_000_000  # the largest activation of a chunk: small enough to stay in cache
MAX_CHUNK = 256


def trainable(model: nn.Module) -> list[tuple[str, nn.Parameter]]:
    return [(name, p) for name, p in model.named_parameters() if p.requires_grad]


def _pair(v) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else tuple(v)


def _fast_max_pool(module: nn.MaxPool2d, h: torch.Tensor, buffer) -> torch.Tensor | None:
    """Non-overlapping 2-D max pooling as maxima of strided slices, into reused buffers
    (None when it does not apply)."""
    k, s = _pair(module.kernel_size), _pair(module.stride or module.kernel_size)
    if k != s or _pair(module.padding) != (0, 0) or _pair(module.dilation) != (1, 1) or module.ceil_mode:
        return None
    if module.return_indices or h.dim() != 4:
        return None
    rows, cols = h.shape[2] // k[0] * k[0], h.shape[3] // k[1] * k[1]
    parts = [h[:, :, i : rows : k[0], j : cols : k[1]] for i in range(k[0]) for j in range(k[1])]
    out = buffer("pool", parts[0].shape)
    torch.maximum(parts[0], parts[1], out=out) if len(parts) > 1 else out.copy_(parts[0])
    for part in parts[2:]:
        torch.maximum(out, part, out=out)
    return out


INPLACE = {  # activations that can overwrite a tensor no other layer reads
    nn.ReLU: lambda m, x: x.relu_(),
    nn.Tanh: lambda m, x: x.tanh_(),
    nn.Sigmoid: lambda m, x: x.sigmoid_(),
    nn.LeakyReLU: lambda m, x: nn.functional.leaky_relu_(x, m.negative_slope),
}


class PlaneLoss:
    """loss(origin + coeffs @ directions) for a (K, m) array of coefficients, as a (K,) array."""

    def __init__(self, model, x: torch.Tensor, y: torch.Tensor, loss_fn, origin, directions, budget=CHUNK_FLOATS):
        model.eval()
        self.model, self.y, self.loss_fn = model, y, loss_fn
        self.origin = torch.as_tensor(origin).float().reshape(-1)
        self.directions = torch.as_tensor(directions).float().reshape(-1, len(self.origin))
        offsets, start = {}, 0
        for name, p in trainable(model):
            offsets[name] = (start, tuple(p.shape))
            start += p.numel()
        if start != len(self.origin):
            raise ValueError(f"the weights have {len(self.origin)} values, the network {start} trainable parameters")
        self.params = {}  # node -> [(local name, offset, shape)] of its trainable parameters
        for node in model.order:
            prefix = f"layers.{model.keys[node]}."
            self.params[node] = [
                (local, *offsets[prefix + local])
                for local, _ in model.layer(node).named_parameters()
                if prefix + local in offsets
            ]
        self.readers = {node: 0 for node in model.order}  # how many layers read each node's value
        for node in model.order:
            for source in model.sources[node]:
                self.readers[source] += 1
        self.readers[model.output_id] += 1
        self._buffers: dict[tuple, torch.Tensor] = {}  # reused from chunk to chunk: fresh memory is slow to touch
        n = len(x)
        widest = max(int(np.prod(shape)) for shape in model.shapes.values())
        self.chunk = int(max(1, min(MAX_CHUNK, budget // max(1, n * widest), budget // max(1, start))))
        with torch.inference_mode():
            self.shared, self.affine = self._prefix(x)

    # ---- set-up: what does not depend on the point --------------------------------------

    def _prefix(self, x: torch.Tensor):
        model, shared, affine = self.model, {}, {}
        for node in model.order:
            sources = model.sources[node]
            if not all(s in shared for s in sources):
                continue
            module, args = model.layer(node), [shared[s] for s in sources] or [x]
            if not self.params[node]:
                shared[node] = module(*args)
            elif isinstance(module, (nn.Linear, nn.Conv1d, nn.Conv2d)) and self._affine_pays(module):
                maps = [self._affine(node, args[0], w) for w in (self.origin, *self.directions)]
                affine[node] = torch.stack(maps)
        return shared, affine

    def _affine_pays(self, module: nn.Module) -> bool:
        """Combining the maps reads len(directions) + 1 values per output; the layer itself sums
        fan-in products: worth it unless the fan-in is tiny (a 2-D input's first layer)."""
        return module.weight[0].numel() >= 2 * (len(self.directions) + 1)

    def _affine(self, node: str, h: torch.Tensor, flat: torch.Tensor) -> torch.Tensor:
        """The node's output with its weights (and bias) read from `flat`."""
        module, weights = self.model.layer(node), self._slices(node, flat[None])
        weight, bias = weights["weight"][0], weights["bias"][0] if "bias" in weights else None
        if isinstance(module, nn.Linear):
            return nn.functional.linear(h, weight, bias)
        return module._conv_forward(h, weight, bias)

    def _slices(self, node: str, flat: torch.Tensor) -> dict[str, torch.Tensor]:
        k = len(flat)
        return {local: flat[:, o : o + int(np.prod(shape))].reshape(k, *shape) for local, o, shape in self.params[node]}

    # ---- evaluation ------------------------------------------------------------------------

    def __call__(self, coeffs) -> np.ndarray:
        c = torch.as_tensor(np.asarray(coeffs, dtype=np.float32)).reshape(-1, len(self.directions))
        with torch.inference_mode():
            losses = [self._losses(c[i : i + self.chunk]) for i in range(0, len(c), self.chunk)]
        return torch.cat(losses).double().numpy() if losses else np.zeros(0)

    def _losses(self, c: torch.Tensor) -> torch.Tensor:
        model, k = self.model, len(c)
        flat = torch.addmm(self.origin[None], c, self.directions)
        values: dict[str, tuple[torch.Tensor, bool, bool]] = {}  # node -> (value, has the K dimension, ours alone)
        for node in model.order:
            if node in self.shared:
                values[node] = (self.shared[node], False, False)
            elif node in self.affine:
                maps = self.affine[node]
                weights = torch.cat([torch.ones(k, 1), c], 1)
                out = torch.mm(weights, maps.flatten(1), out=self._buffer((node, "affine"), (k, maps[0].numel())))
                values[node] = (out.view(k, *maps.shape[1:]), True, True)
            else:
                args = [values[s] for s in model.sources[node]]
                alone = len(args) == 1 and args[0][2] and self.readers[model.sources[node][0]] == 1
                out, fresh = self._run(node, args, self._slices(node, flat), k, alone)
                values[node] = (out, True, fresh)
        out = values[model.output_id][0]
        if not values[model.output_id][1]:
            return self.loss_fn(out, self.y).float().reshape(1).expand(k)
        return torch.stack([self.loss_fn(out[i], self.y) for i in range(k)]).float()

    def _buffer(self, key: tuple, shape) -> torch.Tensor:
        buffer = self._buffers.get(key)
        if buffer is None or buffer.shape != torch.Size(shape):
            buffer = self._buffers[key] = torch.empty(shape)
        return buffer

    def _run(self, node: str, args: list, params: dict, k: int, alone: bool) -> tuple[torch.Tensor, bool]:
        """The node's output for K points, shape (K, N, …), and whether it is a tensor of ours that
        no other node holds (so the next layer may overwrite it)."""
        module = self.model.layer(node)
        full = [a if batched else a.expand(k, *a.shape) for a, batched, _ in args]
        if not params:
            if alone and type(module) in INPLACE:
                return INPLACE[type(module)](module, full[0]), True
            if isinstance(module, nn.MaxPool2d):
                buffer = lambda tag, shape: self._buffer((node, tag), shape)  # noqa: E731
                pooled = _fast_max_pool(module, full[0].flatten(0, 1), buffer)
                if pooled is not None:
                    return pooled.unflatten(0, full[0].shape[:2]), True
            out = module(*[a.flatten(0, 1) for a in full])  # every layer treats samples independently
            return out.unflatten(0, full[0].shape[:2]), False  # it may be a view of its input
        h = full[0]
        if isinstance(module, nn.Linear):
            flat_h = h.reshape(k, -1, h.shape[-1])
            weight_t = params["weight"].transpose(1, 2)
            out = torch.baddbmm(params["bias"][:, None], flat_h, weight_t) if "bias" in params else flat_h @ weight_t
            return out.reshape(*h.shape[:-1], out.shape[-1]), True
        if isinstance(module, (nn.Conv1d, nn.Conv2d)):
            weight, bias = params["weight"], params.get("bias")
            outs = [module._conv_forward(h[i], weight[i], None if bias is None else bias[i]) for i in range(k)]
            if k == 1:
                return outs[0][None], True
            return torch.stack(outs, out=self._buffer((node, "conv"), (k, *outs[0].shape))), True
        if isinstance(module, nn.modules.batchnorm._BatchNorm) and module.running_mean is not None:
            shape = (k, 1, -1) + (1,) * (h.dim() - 3)
            scale = params["weight"] / torch.sqrt(module.running_var + module.eps)
            shift = params["bias"] - module.running_mean * scale
            return h * scale.reshape(shape) + shift.reshape(shape), True
        outs = [
            functional_call(module, {name: p[i] for name, p in params.items()}, tuple(a[i] for a in full))
            for i in range(k)
        ]
        return torch.stack(outs), True
