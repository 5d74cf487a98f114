"""Natural image patches cut from scikit-learn's two bundled photographs.

Small patches of real photographs are the classic input for autoencoders
and for seeing edge detectors appear in first-layer filters; whitening
them first removes the strong correlation between neighbouring pixels.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.linalg import eigh

LUMINANCE = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601 weights of red, green and blue
WHITEN_EPSILON = 1e-3  # added to the eigenvalues so the flattest directions are not blown up into noise


@lru_cache(maxsize=2)
def photographs(colour: bool) -> tuple[np.ndarray, ...]:
    """china.jpg and flower.jpg as read-only float32 (H, W, C) arrays in [0, 1], decoded once per process."""
    from sklearn.datasets import load_sample_images

    photos = []
    for image in load_sample_images().images:
        pixels = image.astype(np.float32) / 255.0
        pixels = pixels if colour else (pixels @ LUMINANCE)[..., None]
        pixels.flags.writeable = False  # the cache hands out the same arrays to every caller
        photos.append(pixels)
    return tuple(photos)


def zca_whiten(x: np.ndarray, epsilon: float = WHITEN_EPSILON) -> np.ndarray:
    """Rows of x decorrelated to unit variance while staying as close as possible to the originals.

    Directions with no variance at all (the constant patch, after per-patch
    mean removal) stay at zero instead of becoming identity.
    """
    flat = x.reshape(len(x), -1).astype(np.float64)
    eigenvalues, eigenvectors = eigh(np.cov(flat, rowvar=False, bias=True))
    scale = 1.0 / np.sqrt(np.clip(eigenvalues, 0, None) + epsilon)
    whitening = (eigenvectors * scale) @ eigenvectors.T
    return (flat @ whitening).reshape(x.shape).astype(np.float32)


def image_patches(n: int, size: int, colour: bool, whiten: bool, rng: np.random.Generator) -> np.ndarray:
    """`n` random size×size crops, float32 (N, 1 or 3, size, size), each from either photograph at random.

    Each patch has its own mean removed and the whole set is scaled to unit
    variance; `whiten` then applies ZCA whitening, which makes the patch
    covariance close to the identity.
    """
    photos = photographs(colour)
    if not 1 <= size <= min(min(p.shape[:2]) for p in photos):
        raise ValueError(f"patch size must be between 1 and the photographs' height, not {size}")
    source = rng.integers(0, len(photos), n)
    x = np.empty((n, photos[0].shape[2], size, size), dtype=np.float32)
    for i, photo in enumerate(photos):
        pick = np.flatnonzero(source == i)
        windows = sliding_window_view(photo, (size, size), axis=(0, 1))  # (H', W', C, size, size), no copy
        x[pick] = windows[rng.integers(0, windows.shape[0], len(pick)), rng.integers(0, windows.shape[1], len(pick))]
    x -= x.mean(axis=(1, 2, 3), keepdims=True)
    x /= x.std() or 1.0  # a 1×1 grey patch is all zero once its mean is gone
    return zca_whiten(x) if whiten else x
