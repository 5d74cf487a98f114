"""Receptive fields: which pixels of the input — and of every earlier feature map — a unit of a
feature map can see. Walking back from the unit, a window layer (kernel k, stride s, padding p)
turns output row r into the input rows r·s − p .. r·s − p + k − 1; layers that work position by
position (activations, batch norm, dropout, adding or joining maps) keep the rows. Rows that
fall in the zero border are no pixels of the map, so the field is cut at the map's edges.

Which rule a layer kind follows is read from the catalogue: its traits and its window parameters.
The tests hold the result to the pixels whose gradient for the unit is non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.graph import Graph, infer
from core.network.layers import KINDS, has_any_trait


class FieldError(ValueError):
    """The unit asked about has no receptive field on the input image; the message says why."""


@dataclass(frozen=True, eq=False)
class Field:
    """The pixels of one map a unit can see (`mask`), and the span (top, bottom, left, right;
    inclusive) they would cover if the map had no edges: with zero padding a field can run into the
    border, and the span's size is then the textbook's receptive-field size, the same for every unit.
    With a stride larger than its window a layer skips pixels, so the mask can have gaps."""

    mask: np.ndarray  # bool, the map's height × width
    span: tuple[int, int, int, int]

    @property
    def size(self) -> tuple[int, int]:
        top, bottom, left, right = self.span
        return bottom - top + 1, right - left + 1

    def box(self) -> tuple[int, int, int, int]:
        """(top, bottom, left, right) of the pixels seen."""
        rows, cols = np.nonzero(self.mask.any(axis=1))[0], np.nonzero(self.mask.any(axis=0))[0]
        return int(rows[0]), int(rows[-1]), int(cols[0]), int(cols[-1])

    def pixels(self) -> set[tuple[int, int]]:
        return {(int(r), int(c)) for r, c in zip(*np.nonzero(self.mask), strict=True)}


def _back(mask: np.ndarray, shape: tuple[int, int], window: tuple[int, int, int] | None) -> np.ndarray:
    """The input pixels under the windows of the output pixels in `mask`."""
    if window is None:
        return mask.copy()
    kernel, stride, padding = window
    seen = np.zeros(shape, dtype=bool)
    rows, cols = np.nonzero(mask)
    for a in range(kernel):
        for b in range(kernel):
            r, c = rows * stride - padding + a, cols * stride - padding + b
            inside = (r >= 0) & (r < shape[0]) & (c >= 0) & (c < shape[1])
            seen[r[inside], c[inside]] = True
    return seen


def _span_back(span: tuple[int, int, int, int], window: tuple[int, int, int] | None) -> tuple[int, int, int, int]:
    if window is None:
        return span
    kernel, stride, padding = window
    top, bottom, left, right = span
    return (
        top * stride - padding,
        bottom * stride - padding + kernel - 1,
        left * stride - padding,
        right * stride - padding + kernel - 1,
    )


def _merge(a: Field | None, b: Field) -> Field:
    if a is None:
        return b
    span = (min(a.span[0], b.span[0]), max(a.span[1], b.span[1]), min(a.span[2], b.span[2]), max(a.span[3], b.span[3]))
    return Field(a.mask | b.mask, span)


def _window(kind: str, params: dict) -> tuple[int, int, int] | None:
    """(kernel, stride, padding) of a window layer; None for a layer that keeps positions."""
    if "kernel_size" in params and has_any_trait(kind, "feature_map"):
        kernel = int(params["kernel_size"])
        stride = int(params.get("stride", 1)) or kernel  # a pool's stride 0 means 'the window width'
        return kernel, stride, int(params.get("padding", 0))
    if has_any_trait(kind, "element_wise", "activation", "across_units", "multi_input"):
        return None
    raise FieldError(f"A {kind} layer does not keep the image's rows and columns: it has no receptive field.")


def _is_map(shape) -> bool:
    return shape is not None and len(shape) == 3


def receptive_fields(graph: Graph, node_id: str, row: int, col: int) -> dict[str, Field]:
    """The field of unit (row, col) of node `node_id`'s feature maps (any channel: a channel sees
    every channel below it) in every map it depends on, the input's included, keyed by node id."""
    inference = infer(graph)
    if not inference.ok:
        raise FieldError("The network has problems to fix first: " + str(inference.problems[0]))
    shapes = inference.shapes
    if node_id not in graph.nodes or not _is_map(shapes.get(node_id)):
        raise FieldError(f"'{node_id}' does not output feature maps (channels × rows × columns).")
    _, height, width = shapes[node_id]
    if not (0 <= row < height and 0 <= col < width):
        raise FieldError(f"'{node_id}' has {height}×{width} positions; ({row}, {col}) is not one of them.")
    start = np.zeros((height, width), dtype=bool)
    start[row, col] = True
    fields: dict[str, Field] = {node_id: Field(start, (row, row, col, col))}
    # walk the maps from the unit back to the input, each after every map it feeds (reverse topological order)
    for current in reversed(inference.order):
        if current not in fields or "input" in KINDS[graph.nodes[current].kind].traits:
            continue
        node = graph.nodes[current]
        window = _window(node.kind, node.params)
        field = fields[current]
        for source in graph.inputs_of(current):
            if source is None:
                continue
            if not _is_map(shapes[source]):
                raise FieldError(
                    f"'{source}' feeds '{current}' without feature maps: there is no image to look back on."
                )
            below = Field(_back(field.mask, shapes[source][1:], window), _span_back(field.span, window))
            fields[source] = _merge(fields.get(source), below)
    return fields


def input_field(graph: Graph, node_id: str, row: int, col: int) -> Field:
    """The unit's receptive field on the input image."""
    return receptive_fields(graph, node_id, row, col)[infer(graph).input_id]


def map_step(graph: Graph, node_id: str) -> int:
    """Input pixels per cell of `node_id`'s maps: the strides of the windows on the way, multiplied
    (the largest over the branches that meet)."""
    node = graph.nodes[node_id]
    if "input" in KINDS[node.kind].traits:
        return 1
    window = _window(node.kind, node.params)
    below = max((map_step(graph, s) for s in graph.inputs_of(node_id) if s is not None), default=1)
    return below * (window[1] if window is not None else 1)
