"""Receptive fields drawn over the activations view's feature maps: click a unit of a map and
the pixels it can see light up in the input and in every earlier map (in each channel's tile,
since a unit sees every channel below it), with the field's size written.

The field comes from core.convolution.receptive for the project's graph; it is drawn only while
that graph's shapes are the shapes of the maps on screen, so it never describes another model.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from core.convolution.receptive import FieldError, receptive_fields
from core.network.graph import infer

FIELD = "#fdd835"  # the field's outline: yellow reads on both grey pictures and the orange-blue ramp
UNIT = "#d81b60"


def mask_outline(mask: np.ndarray, top: int = 0, left: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The boundary of the True cells of `mask` as 'pairs' line segments, cell (r, c) covering
    x ∈ [left + c, left + c + 1], y ∈ [top + r, top + r + 1]."""
    padded = np.pad(mask, 1)
    inner = padded[1:-1, 1:-1]
    xs, ys = [], []
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        edge = inner & ~padded[1 + dr : padded.shape[0] - 1 + dr, 1 + dc : padded.shape[1] - 1 + dc]
        rows, cols = np.nonzero(edge)
        if dr:  # a horizontal side: above (dr = −1) or below the cell
            y = rows + top + (dr > 0)
            xs += [cols + left, cols + left + 1]
            ys += [y, y]
        else:
            x = cols + left + (dc > 0)
            xs += [x, x]
            ys += [rows + top, rows + top + 1]
    if not xs:
        return np.zeros(0), np.zeros(0)
    # interleave the two ends of every segment: start, end, start, end…
    x = np.stack([np.concatenate(xs[0::2]), np.concatenate(xs[1::2])], axis=1).ravel()
    y = np.stack([np.concatenate(ys[0::2]), np.concatenate(ys[1::2])], axis=1).ravel()
    return x.astype(float), y.astype(float)


class FieldOverlay:
    """Outline items over the input's and every map's view box, filled on a click."""

    def __init__(self):
        self.graph = None
        self.items: dict[str, pg.PlotCurveItem] = {}
        self.unit_item: pg.PlotCurveItem | None = None
        self.chosen: tuple[str, int, int, int] | None = None  # (node, channel, row, col)
        self.text = ""

    def attach(self, boxes: dict[str, pg.ViewBox]) -> None:
        """New view boxes (the panel rebuilt its layout): fresh outline items, nothing chosen."""
        self.items = {}
        for node, box in boxes.items():
            item = pg.PlotCurveItem(pen=pg.mkPen(FIELD, width=2.5), connect="pairs")
            box.addItem(item)
            self.items[node] = item
        self.unit_item = pg.PlotCurveItem(pen=pg.mkPen(UNIT, width=2.5), connect="pairs")
        self.chosen, self.text = None, ""

    def clear(self) -> None:
        for item in self.items.values():
            item.setData([], [])
        if self.unit_item is not None:
            self.unit_item.setData([], [])
            if self.unit_item.getViewBox() is not None:
                self.unit_item.getViewBox().removeItem(self.unit_item)
        self.chosen, self.text = None, ""

    def show(self, node: str, channel: int, row: int, col: int, shapes: dict, boxes: dict, tile) -> str:
        """Light up unit (row, col) of `node` (drawn in channel `channel`'s tile) and its field.
        `shapes` are the maps on screen (node -> (C, H, W), 'input' included); `tile(node, k)`
        gives channel k's (top, left) in that node's mosaic. Returns the sentence to show."""
        self.clear()
        if self.graph is None:
            return QCoreApplication.translate("FieldOverlay", "No network to trace the field through.")
        inference = infer(self.graph)
        drawn = {inference.input_id if n == "input" else n: shape for n, shape in shapes.items()}
        if any(tuple(inference.shapes.get(n) or ()) != tuple(shape) for n, shape in drawn.items()):
            return QCoreApplication.translate(
                "FieldOverlay", "The network changed since these maps were computed: step or train to see its fields."
            )
        try:
            fields = receptive_fields(self.graph, node, row, col)
        except FieldError as error:
            return str(error)
        for graph_node, field in fields.items():
            shown = "input" if graph_node == inference.input_id else graph_node
            if shown not in self.items or shown == node:
                continue
            channels = shapes[shown][0] if shown != "input" else 1
            xs, ys = [], []
            for k in range(channels):
                top, left = tile(shown, k)
                x, y = mask_outline(field.mask, top, left)
                xs.append(x)
                ys.append(y)
            self.items[shown].setData(np.concatenate(xs), np.concatenate(ys))
        top, left = tile(node, channel)
        x, y = mask_outline(np.ones((1, 1), bool), top + row, left + col)
        boxes[node].addItem(self.unit_item)
        self.unit_item.setData(x, y)
        self.chosen = (node, channel, row, col)
        field = fields[inference.input_id]
        height, width = field.size
        top_, bottom, left_, right = field.box()
        seen = (bottom - top_ + 1, right - left_ + 1)
        cut = (
            ""
            if seen == (height, width)
            else QCoreApplication.translate(
                "FieldOverlay", " ({0}×{1} of them on the image, the rest in the zero border)"
            ).format(seen[0], seen[1])
        )
        gaps = (
            ""
            if field.mask.sum() == seen[0] * seen[1]
            else QCoreApplication.translate(
                "FieldOverlay", "; a stride wider than its window leaves gaps: {0} pixels"
            ).format(int(field.mask.sum()))
        )
        self.text = QCoreApplication.translate(
            "FieldOverlay",
            "<b>{0}</b> unit (row {1}, column {2}) sees a {3}×{4} window of the input"
            "{5}{6}: outlined in yellow in the input and every map before it.",
        ).format(node, row, col, height, width, cut, gaps)
        return self.text


def tile_of(k: int, shape: tuple[int, int, int], columns_of) -> tuple[int, int]:
    """(top, left) of channel k's tile in a mosaic of maps of `shape`, `columns_of(c)` tiles a row."""
    c, h, w = shape
    columns = columns_of(c)
    r, col = divmod(k, columns)
    return r * (h + 1), col * (w + 1)


def unit_at(x: float, y: float, shape: tuple[int, int, int], columns_of) -> tuple[int, int, int] | None:
    """(channel, row, col) of the map cell at mosaic point (x, y); None in a gap or outside."""
    c, h, w = shape
    columns = columns_of(c)
    col_px, row_px = math.floor(x), math.floor(y)
    if col_px < 0 or row_px < 0:
        return None
    tile_row, row = divmod(row_px, h + 1)
    tile_col, col = divmod(col_px, w + 1)
    k = tile_row * columns + tile_col
    if row >= h or col >= w or tile_col >= columns or k >= c:
        return None
    return k, row, col
