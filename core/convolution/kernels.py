"""Kernels a student knows by name, to start from before editing cell by cell.

The Gabor is core.probes.gabor.gabor itself (the Gabor explorer's function), sampled on the kernel grid.
"""

from __future__ import annotations

import math

import numpy as np

from core.probes.gabor import GaborParams, gabor

# the Gabor explorer's starting stripes, scaled to a 5×5 kernel: a bar tilted 30° from vertical
GABOR_PRESET = GaborParams(tau=math.pi / 6, f=1.3, phi=0.0, sigma_x=1.2, sigma_y=1.8, alpha=1.0)


def _gabor(size: int = 5) -> np.ndarray:
    return gabor(GABOR_PRESET, size)


PRESETS: dict[str, tuple[str, np.ndarray]] = {
    "identity": ("copies the input: a single 1 in the centre", np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], float)),
    "box blur": ("the mean of the 3×3 neighbourhood", np.full((3, 3), 1 / 9)),
    "Sobel x": (
        "brightness rising to the right (a vertical edge)",
        np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], float),
    ),
    "Sobel y": (
        "brightness rising downwards (a horizontal edge)",
        np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], float),
    ),
    "Laplacian": (
        "a pixel against its four neighbours: spots and outlines",
        np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float),
    ),
    "Gabor": ("a tilted bar: the Gabor explorer's function on a 5×5 grid", _gabor()),
}


def preset(name: str) -> np.ndarray:
    """A fresh copy of a named kernel (the caller may edit it)."""
    return PRESETS[name][1].copy()
