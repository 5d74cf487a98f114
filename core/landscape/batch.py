"""The loss of a GraphModule at many weight vectors per call ("batched parameters").

A grid of the loss landscape needs the network run at thousands of weight vectors
w = origin + Σ c_j·d_j. Instead of loading each into the model, `PlaneLoss` runs the graph once
per chunk of K points with every tensor carrying K as a leading dimension:
- nodes before any trainable parameter (the input, frozen layers) are computed once;
- the first trainable Linear/Conv on such an input is affine in its weights, so its output at
  any point is Y0 + Σ c_j·Y_j, from maps computed once (unless its fan-in is so small that
  the layer itself is cheaper); when a max pooling follows a Conv2d, the maps are stored one
  block per offset in the pooling window, so the pooled output is the maximum of the combined
  blocks and the full-size output is never written;
- other Linear layers are one batched matrix product; Conv layers one convolution per point,
  whose output a following max pooling reads at once (no copy into a K-point tensor);
- a ReLU (or LeakyReLU) read only by a max pooling runs after it, on a quarter of the values
  (exact: the maximum commutes with a monotone function);
- parameter-free layers run on the K·N samples at once (non-overlapping max pooling as maxima
  of slices, much faster than max_pool2d on CPU); a Flatten read by a Linear flattens a
  channels-last tensor in its memory order (no copy) and the Linear permutes its weight columns;
- anything else runs point by point through torch.func.functional_call.
4-D activations are kept channels-last (N, H, W, C in memory): oneDNN's convolutions run a
little faster on it and a pooling window's values are contiguous runs of channels. The samples
go through in blocks of SAMPLE_BLOCK (every layer treats samples independently in eval mode), so
a chunk's memory does not grow with the evaluation set; on the digits CNN blocks of 256 and 512
samples ran alike.
bench/landscape.py measures it against a per-point loop; tests check both agree.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn
from torch.func import functional_call

CHUNK_FLOATS = 2_000_000  # the largest activation of a chunk and sample block
MAX_CHUNK = 256
SAMPLE_BLOCK = 256  # oneDNN's convolutions lose little speed down to 256 samples a call, much below


def trainable(model: nn.Module) -> list[tuple[str, nn.Parameter]]:
    return [(name, p) for name, p in model.named_parameters() if p.requires_grad]


def _pair(v) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else tuple(v)


def _pool_kernel(module: nn.Module) -> tuple[int, int] | None:
    """The kernel of a non-overlapping 2-D max pooling (kernel = stride, no padding, dilation or
    ceil mode), which the fast paths below compute; None for any other layer."""
    if not isinstance(module, nn.MaxPool2d) or module.return_indices or module.ceil_mode:
        return None
    k, s = _pair(module.kernel_size), _pair(module.stride or module.kernel_size)
    if k != s or _pair(module.padding) != (0, 0) or _pair(module.dilation) != (1, 1):
        return None
    return k


def _pool_slices(h: torch.Tensor, k: tuple[int, int]) -> list[torch.Tensor]:
    """The k[0]·k[1] strided slices of (…, H, W) whose elementwise maximum is the pooling."""
    rows, cols = h.shape[-2] // k[0] * k[0], h.shape[-1] // k[1] * k[1]
    return [h[..., i : rows : k[0], j : cols : k[1]] for i in range(k[0]) for j in range(k[1])]


def _channels_last(h: torch.Tensor) -> bool:
    return h.dim() == 4 and h.shape[1] > 1 and h.is_contiguous(memory_format=torch.channels_last)


def _max_pool_into(h: torch.Tensor, k: tuple[int, int], out: torch.Tensor, scratch) -> torch.Tensor:
    """Non-overlapping max pooling of (n, C, H, W) into `out`. Channels-last, a window's rows are
    runs of k[1]·C contiguous values: the maximum over the k[0] rows, then over the k[1] runs of C
    channels in that run, 2.5× faster than over k[0]·k[1] strided slices (which other layouts use).
    `scratch(shape)` lends a reused tensor."""
    if not (_channels_last(h) and _channels_last(out)):
        parts = _pool_slices(h, k)
        torch.maximum(parts[0], parts[1], out=out) if len(parts) > 1 else out.copy_(parts[0])
        for part in parts[2:]:
            torch.maximum(out, part, out=out)
        return out
    n, channels, height, width = out.shape
    memory = h.permute(0, 2, 3, 1)[:, : height * k[0], : width * k[1]]  # (n, rows, cols, C), as stored
    windows = memory.reshape(n, height, k[0], width, k[1] * channels)  # a view
    rows = windows[:, :, 0]
    if k[0] > 1:
        rows = torch.maximum(rows, windows[:, :, 1], out=scratch(rows.shape))
        for i in range(2, k[0]):
            torch.maximum(rows, windows[:, :, i], out=rows)
    pooled = out.permute(0, 2, 3, 1)
    if k[1] == 1:
        pooled.copy_(rows)
        return out
    torch.maximum(rows[..., :channels], rows[..., channels : 2 * channels], out=pooled)
    for j in range(2, k[1]):
        torch.maximum(pooled, rows[..., j * channels : (j + 1) * channels], out=pooled)
    return out


def _monotone(module: nn.Module) -> bool:
    """act(max(a, b)) = max(act(a), act(b)) exactly: such an activation before a max pooling can
    run after it, on a quarter of the values."""
    return type(module) is nn.ReLU or (type(module) is nn.LeakyReLU and module.negative_slope >= 0)


INPLACE = {  # activations that can overwrite a tensor no other layer reads
    nn.ReLU: lambda m, x: x.relu_(),
    nn.Tanh: lambda m, x: x.tanh_(),
    nn.Sigmoid: lambda m, x: x.sigmoid_(),
    nn.LeakyReLU: lambda m, x: nn.functional.leaky_relu_(x, m.negative_slope),
}


def cross_entropy_losses(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor | None:
    """The mean cross-entropy of each point's (N, C) logits in one call, on the (K, C, N) layout:
    PyTorch's CPU log-softmax is ~9× faster along a non-innermost axis when C is small (15 µs
    against 137 µs for 512 × 10). None for any other shape."""
    if out.dim() != 3 or y.dim() != 1:
        return None
    return nn.functional.cross_entropy(out.transpose(1, 2), y.expand(len(out), -1), reduction="none").mean(1)


class PlaneLoss:
    """loss(origin + coeffs @ directions) for a (K, m) array of coefficients, as a (K,) array.

    `losses`, if given, computes the K points' losses from the (K, N, …) outputs in one call (it
    may return None for shapes it does not handle); it must agree with `loss_fn` point by point.
    """

    def __init__(
        self,
        model,
        x: torch.Tensor,
        y: torch.Tensor,
        loss_fn,
        origin,
        directions,
        budget=CHUNK_FLOATS,
        losses=None,
        sample_block=SAMPLE_BLOCK,
    ):
        model.eval()
        self.model, self.y, self.loss_fn, self.losses = model, y, loss_fn, losses
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
        self.readers = {node: [] for node in model.order}  # the layers that read each node's value
        for node in model.order:
            for source in model.sources[node]:
                self.readers[source].append(node)
        self.readers[model.output_id].append(None)
        self.deferred = {}  # max pooling node -> the monotone activation before it, which it applies after
        for node in model.order:
            after = self.readers[node]
            if _monotone(model.layer(node)) and len(model.sources[node]) == 1 and len(after) == 1:
                if after[0] is not None and _pool_kernel(model.layer(after[0])) and model.sources[after[0]] == [node]:
                    self.deferred[after[0]] = node
        self.deferred_acts = set(self.deferred.values())
        self.prepooled = {}  # max pooling node -> the Conv2d before it, which pools its own output
        for node in model.order:
            if isinstance(model.layer(node), nn.Conv2d) and self.params[node] and self._pool_after(node):
                self.prepooled[self._pool_after(node)] = node
        self.flatten_to_linear = {  # Flatten nodes read only by a Linear with trainable weights (taken per point,
            node  # so they can be reordered) which can take a channels-last order
            for node in model.order
            if type(model.layer(node)) is nn.Flatten
            and (model.layer(node).start_dim, model.layer(node).end_dim) == (1, -1)
            and len(self.readers[node]) == 1
            and self.readers[node][0] is not None
            and isinstance(model.layer(self.readers[node][0]), nn.Linear)
            and any(local == "weight" for local, *_ in self.params[self.readers[node][0]])
        }
        self._hwc: dict[str, tuple] = {}  # Linear node -> the (C, H, W) its input was flattened from as H, W, C
        self._buffers: dict[tuple, torch.Tensor] = {}  # reused from chunk to chunk: fresh memory is slow to touch
        n = len(x)
        block = max(1, min(n, sample_block))
        self.blocks = [slice(i, min(i + block, n)) for i in range(0, n, block)]
        widest = max(int(np.prod(shape)) for shape in model.shapes.values())
        self.chunk = int(max(1, min(MAX_CHUNK, budget // max(1, block * widest), budget // max(1, start))))
        with torch.inference_mode():
            self.prefixes = [self._prefix(x[b]) for b in self.blocks]  # (shared, affine) per sample block

    # ---- set-up: what does not depend on the point --------------------------------------

    def _pool_after(self, node: str) -> str | None:
        """The max pooling (of the fast kind) that alone reads the node's value, directly or
        through a deferred activation."""
        after = self.readers[node]
        if len(after) != 1 or after[0] is None:
            return None
        if after[0] in self.deferred_acts:
            return self.readers[after[0]][0]
        if _pool_kernel(self.model.layer(after[0])) and self.model.sources[after[0]] == [node]:
            return after[0]
        return None

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
                maps = torch.stack([self._affine(node, args[0], w) for w in (self.origin, *self.directions)])
                plain = (maps.flatten(1), maps.shape[1:], False)
                affine[node] = self._arrange(node, maps) if isinstance(module, nn.Conv2d) else plain
        return shared, affine

    def _arrange(self, node: str, maps: torch.Tensor) -> tuple[torch.Tensor, torch.Size, bool]:
        """A Conv2d's maps (1 + m, N, C, H, W) stored channels-last, (1 + m, N·H·W·C); if a max
        pooling follows, as one such block per offset in the pooling window, (window, 1 + m,
        N·H'·W'·C): combined block by block and maxed, the pooling needs no pass of its own.
        Also the (N, C, H, W) shape of one point's output, and True: it is stored channels-last."""
        pool = self._pool_after(node)
        if pool is None:
            return maps.permute(0, 1, 3, 4, 2).contiguous().flatten(1), maps.shape[1:], True
        blocks = _pool_slices(maps, _pool_kernel(self.model.layer(pool)))
        arranged = torch.stack([b.permute(0, 1, 3, 4, 2).contiguous().flatten(1) for b in blocks])
        return arranged, blocks[0].shape[1:], True

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
        k, flat = len(c), torch.addmm(self.origin[None], c, self.directions)
        params = {node: self._slices(node, flat) for node in self.model.order if self.params[node]}
        outs = [self._forward(c, params, b) for b in range(len(self.blocks))]
        if not outs[0][1]:
            return self.loss_fn(torch.cat([out for out, _ in outs]), self.y).float().reshape(1).expand(k)
        out = torch.cat([out for out, _ in outs], 1) if len(outs) > 1 else outs[0][0]
        losses = self.losses(out, self.y) if self.losses else None
        if losses is None:
            losses = torch.stack([self.loss_fn(out[i], self.y) for i in range(k)])
        return losses.float()

    def _forward(self, c: torch.Tensor, params: dict, block: int) -> tuple[torch.Tensor, bool]:
        """The output node's value for the K points on one block of samples, (K, n, …), and
        whether it depends on the point at all."""
        model, k = self.model, len(c)
        shared, affine = self.prefixes[block]
        values: dict[str, tuple[torch.Tensor, bool, bool]] = {}  # node -> (value, has the K dimension, ours alone)
        for node in model.order:
            if node in shared:
                values[node] = (shared[node], False, False)
            elif node in affine:
                values[node] = (self._combine(node, affine[node], c, block), True, True)
            elif node in self.deferred_acts:  # the max pooling after it applies it
                values[node] = values[model.sources[node][0]]
            elif node in self.prepooled:  # the convolution before it pooled its output
                values[node] = values[model.sources[node][0]]
                if node in self.deferred:
                    self._activate(node, values[node][0], True)
            else:
                args = [values[s] for s in model.sources[node]]
                alone = len(args) == 1 and args[0][2] and len(self.readers[model.sources[node][0]]) == 1
                out, fresh = self._run(node, args, params.get(node, {}), k, alone, block)
                values[node] = (out, True, fresh)
        return values[model.output_id][:2]

    def _activate(self, pool: str, h: torch.Tensor, fresh: bool) -> torch.Tensor:
        """The pooling's deferred activation applied to its output (in place if it is ours)."""
        act = self.model.layer(self.deferred[pool])
        return INPLACE[type(act)](act, h) if fresh else act(h)

    def _combine(self, node: str, arranged: tuple, c: torch.Tensor, block: int) -> torch.Tensor:
        """An affine layer's output at the K points: Σ c_j·maps_j (c_0 = 1), already max-pooled
        when its maps are arranged by offset in the pooling window."""
        (maps, shape, channels_last), k = arranged, len(c)
        weights = torch.cat([torch.ones(k, 1), c], 1)
        out = self._buffer((node, block, "affine"), (k, maps.shape[-1]))
        if maps.dim() == 3:  # one block per offset in the pooling window
            torch.mm(weights, maps[0], out=out)
            part = self._buffer((node, block, "part"), out.shape)
            for offset in maps[1:]:
                torch.maximum(out, torch.mm(weights, offset, out=part), out=out)
        else:
            torch.mm(weights, maps, out=out)
        if not channels_last:
            return out.view(k, *shape)
        n, channels, height, width = shape
        return out.view(k, n, height, width, channels).permute(0, 1, 4, 2, 3)

    def _buffer(self, key: tuple, shape, channels_last: bool = False) -> torch.Tensor:
        """A reused tensor of this shape; channels-last: (…, C, H, W) stored as (…, H, W, C)."""
        buffer = self._buffers.get(key)
        if buffer is None or buffer.shape != torch.Size(shape):
            if channels_last:
                *lead, ch, height, width = shape
                buffer = torch.empty(*lead, height, width, ch).movedim(-1, -3)
            else:
                buffer = torch.empty(shape)
            self._buffers[key] = buffer
        return buffer

    def _run(self, node: str, args: list, params: dict, k: int, alone: bool, block: int):
        """The node's output for K points, shape (K, n, …), and whether it is a tensor of ours that
        no other node holds (so the next layer may overwrite it)."""
        module = self.model.layer(node)
        full = [a if batched else a.expand(k, *a.shape) for a, batched, _ in args]
        if not params:
            if node in self.flatten_to_linear and full[0].dim() == 5 and _channels_last(full[0][0]):
                # flattened in memory order (H, W, C) without a copy; the Linear reorders its weights to match
                h = full[0]
                self._hwc[self.readers[node][0]] = tuple(h.shape[2:])
                return h.permute(0, 1, 3, 4, 2).reshape(*h.shape[:2], -1), False
            if alone and type(module) in INPLACE:
                return INPLACE[type(module)](module, full[0]), True
            h, kernel = full[0].flatten(0, 1), _pool_kernel(module)
            if kernel and h.dim() == 4:
                shape = _pool_slices(h, kernel)[0].shape
                scratch = lambda size: self._buffer((node, block, "rows"), size)  # noqa: E731
                pooled = self._buffer((node, block, "pool"), shape, _channels_last(h))
                _max_pool_into(h, kernel, pooled, scratch)
                if node in self.deferred:
                    self._activate(node, pooled, True)
                return pooled.unflatten(0, full[0].shape[:2]), True
            out = module(*[a.flatten(0, 1) for a in full])  # every layer treats samples independently
            if node in self.deferred:
                out = self._activate(node, out, False)
            return out.unflatten(0, full[0].shape[:2]), False  # it may be a view of its input
        h = full[0]
        if isinstance(module, nn.Linear):
            flat_h, weight = h.reshape(k, -1, h.shape[-1]), params["weight"]
            if node in self._hwc:  # its input is flattened channels-last: take the weights' columns in that order
                weight = weight.unflatten(2, self._hwc.pop(node)).permute(0, 1, 3, 4, 2).flatten(2)
            weight_t = weight.transpose(1, 2)
            out = torch.baddbmm(params["bias"][:, None], flat_h, weight_t) if "bias" in params else flat_h @ weight_t
            return out.reshape(*h.shape[:-1], out.shape[-1]), True
        if isinstance(module, (nn.Conv1d, nn.Conv2d)):
            weight, bias = params["weight"], params.get("bias")
            pool = self._pool_after(node) if isinstance(module, nn.Conv2d) else None
            kernel = _pool_kernel(self.model.layer(pool)) if pool is not None else None
            scratch = lambda size: self._buffer((pool, block, "rows"), size)  # noqa: E731
            out = None
            for i in range(k):
                o = module._conv_forward(h[i], weight[i], None if bias is None else bias[i])
                if out is None:
                    shape = _pool_slices(o, kernel)[0].shape if kernel else o.shape
                    out = self._buffer((node, block, "out"), (k, *shape), _channels_last(o))
                if kernel:  # pooled at once, while the convolution's output is in cache
                    _max_pool_into(o, kernel, out[i], scratch)
                else:
                    out[i].copy_(o)
            return out, True
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
