"""Shifts through a convolutional network (course 004 §9.2–9.3): move the input and compare
every feature map with the one before. A convolution is equivariant: its map moves with the
input, exactly, wherever neither window touches the border. Pooling makes small moves matter
less: after max pooling, many outputs do not change at all.

`shift_report` runs a model on an image and on the image moved, and measures both, for every
map: the largest difference from the moved map (where a move of whole map cells is expected)
and the share of units whose value changed in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.convolution.receptive import map_step, receptive_fields
from core.data.transforms import shifted

CHANGED = 1e-6  # relative to the map's largest value: a unit moved by less counts as unchanged


@dataclass(frozen=True)
class MapShift:
    node: str
    step: int  # input pixels per map cell (the strides multiplied along the way)
    moved_difference: float | None  # max |after − before moved by shift/step| where both windows are inside;
    # None when the shift is not a whole number of map cells
    compared: int  # units that comparison covered
    changed_share: float  # units whose value changed in place, among those non-zero before or after
    active: int  # units non-zero before or after


def _span(graph, node: str, row: int, col: int, input_id: str) -> tuple[int, int, int, int]:
    return receptive_fields(graph, node, row, col)[input_id].span


def shift_report(graph, model, image: np.ndarray, down: int, right: int, nodes: list[str]) -> list[MapShift]:
    """How each map of `nodes` answers to moving `image` (C, H, W) by (down, right) pixels."""
    import torch

    from core.network.graph import infer

    input_id = infer(graph).input_id
    height, width = image.shape[1:]
    x = np.stack([image, shifted(image, down, right)]).astype(np.float32)
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        device = next(model.parameters()).device
        _, taps = model(torch.as_tensor(x, device=device), taps=nodes)
    model.train(was_training)  # a probe must leave training as it found it
    reports = []
    for node in nodes:
        before, after = (taps[node][k].double().cpu().numpy() for k in (0, 1))
        top0, bottom0, left0, right0 = _span(graph, node, 0, 0, input_id)
        step = map_step(graph, node)
        reach_rows, reach_cols = bottom0 - top0 + 1, right0 - left0 + 1
        difference, compared = None, 0
        if step and down % step == 0 and right % step == 0:
            dr, dc = down // step, right // step
            worst = 0.0
            for r in range(before.shape[1]):
                for c in range(before.shape[2]):
                    rr, cc = r + dr, c + dc
                    if not (0 <= rr < before.shape[1] and 0 <= cc < before.shape[2]):
                        continue
                    windows = ((r, c), (rr, cc))
                    inside = all(
                        top0 + i * step >= 0
                        and top0 + i * step + reach_rows <= height
                        and left0 + j * step >= 0
                        and left0 + j * step + reach_cols <= width
                        for i, j in windows
                    )
                    if inside:
                        worst = max(worst, float(np.abs(after[:, rr, cc] - before[:, r, c]).max()))
                        compared += 1
            difference = worst if compared else None
        scale = max(float(np.abs(before).max()), float(np.abs(after).max()), 1e-12)
        active = (before != 0) | (after != 0)
        changed = (np.abs(after - before) > CHANGED * scale) & active
        reports.append(
            MapShift(node, step, difference, compared, float(changed.sum() / max(active.sum(), 1)), int(active.sum()))
        )
    return reports
