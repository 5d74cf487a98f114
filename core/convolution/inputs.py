"""Inputs for the convolution explorer: a handwritten digit, a patch of one of scikit-learn's two
photographs, or a blank grid the user draws on. Values lie in [0, 1], row 0 at the top."""

from __future__ import annotations

from functools import cache

import numpy as np

DIGIT_COUNT = 1797
PHOTOS = ("china", "flower")


@cache
def _digits() -> np.ndarray:
    from sklearn.datasets import load_digits

    return load_digits().images / 16.0


def digit(index: int) -> np.ndarray:
    """Digit number `index` of scikit-learn's 1,797 (8×8)."""
    images = _digits()
    return images[int(index) % len(images)].copy()


@cache
def _photo(which: int) -> np.ndarray:
    from sklearn.datasets import load_sample_images  # needs Pillow to decode the JPEGs

    rgb = load_sample_images().images[which].astype(np.float64) / 255.0
    return rgb @ np.array([0.299, 0.587, 0.114])  # luma, as in ITU-R BT.601


def photo_patch(which: int, top: float, left: float, size: int = 16, shrink: int = 8) -> np.ndarray:
    """A size×size patch of photograph `which` after averaging shrink×shrink blocks (so a 16-pixel
    patch shows a recognisable piece of the scene); top and left are fractions 0–1 of the room left."""
    grey = _photo(int(which) % len(PHOTOS))
    h, w = (grey.shape[0] // shrink) * shrink, (grey.shape[1] // shrink) * shrink
    small = grey[:h, :w].reshape(h // shrink, shrink, w // shrink, shrink).mean(axis=(1, 3))
    size = min(size, *small.shape)
    row = round(min(max(top, 0.0), 1.0) * (small.shape[0] - size))
    col = round(min(max(left, 0.0), 1.0) * (small.shape[1] - size))
    return small[row : row + size, col : col + size].copy()


def blank(size: int = 12) -> np.ndarray:
    return np.zeros((size, size))
