"""Image transforms every labelled image dataset takes as parameters, so a lesson can say
"digits enlarged to 16×16 on a 28×28 canvas, each moved by up to 4 pixels" and the same
arrays come back for the same seed on every machine.

In order: enlarge (bilinear, scipy.ndimage.zoom), make black and white, centre on a blank canvas,
scatter pieces of other images over it (clutter), move each image by
a random whole number of pixels and then by a fixed one (what is pushed off the canvas is lost;
nothing wraps round),
and shuffle the pixels by one fixed permutation (the same for every image: a dense network
cannot tell, a convolutional one can). Every default leaves the images as they are.
"""

from __future__ import annotations

import numpy as np

from core.data.memory import check_fits
from core.params import Param

PARAMS = (
    Param("upsample", "int", 0, "Resize every image to this many pixels a side (0: as stored)", 0, 128),
    Param("binarise", "bool", False, "Make every pixel 0 or 1: 1 where it is brighter than 0.5"),
    Param("canvas", "int", 0, "Centre every image on a blank canvas this many pixels a side (0: no canvas)", 0, 256),
    Param("clutter", "int", 0, "Scatter this many pieces of other images of the set over every image", 0, 16),
    Param("shift", "int", 0, "Move every image by a random number of pixels up to this, across and down", 0, 64),
    Param("shift_right", "int", 0, "Then move every image this many pixels right (negative: left)", -64, 64),
    Param("shift_down", "int", 0, "Then move every image this many pixels down (negative: up)", -64, 64),
    Param("permute", "bool", False, "Shuffle the pixels by one fixed permutation, the same for every image"),
)
NAMES = tuple(p.name for p in PARAMS)


class TransformError(ValueError):
    """Transform settings that cannot work for these images; the message says why."""


def output_side(side: int, p: dict) -> int:
    """Pixels a side after the transforms, for images `side` pixels a side."""
    side = p["upsample"] or side
    return max(side, p["canvas"]) if p["canvas"] else side


def check(shape: tuple[int, ...], count: int, p: dict) -> None:
    """Refuse settings that cannot work or would not fit in memory, before transforming anything."""
    if not any(p.get(name) for name in NAMES):
        return
    if len(shape) != 3 or shape[1] != shape[2]:
        raise TransformError(f"image transforms need square images (channels × side × side), not {shape}")
    side = p["upsample"] or shape[1]
    if p["canvas"] and p["canvas"] < side:
        raise TransformError(f"a canvas of {p['canvas']} pixels cannot hold images {side} pixels wide: enlarge it")
    out = output_side(shape[1], p)
    check_fits("the transformed images", count * shape[0] * out * out * 4 * 3, "upsample or canvas")


def transform(x: np.ndarray, p: dict, seed: int) -> np.ndarray:
    """The images (n, channels, side, side) with the transforms of parameters `p` applied.
    The random shifts and the permutation come from their own generator (seeded by `seed`), so
    the train/test split stays the one without transforms."""
    if not any(p.get(name) for name in NAMES):
        return x
    check(x.shape[1:], len(x), p)
    return apply_transforms(x, p, seed)


def apply_transforms(x, p, seed):
    """The transforms themselves; an exported training script carries this function's own text."""
    rng = np.random.default_rng([seed, 17])
    x = np.asarray(x, dtype=np.float32)
    if p["upsample"] and p["upsample"] != x.shape[2]:
        from scipy.ndimage import zoom

        factor = p["upsample"] / x.shape[2]
        x = zoom(x, (1, 1, factor, factor), order=1, grid_mode=True, mode="grid-constant").astype(np.float32)
    if p["binarise"]:
        x = (x > 0.5).astype(np.float32)
    if p["canvas"] and p["canvas"] > x.shape[2]:
        side, big = x.shape[2], p["canvas"]
        canvas = np.zeros((*x.shape[:2], big, big), dtype=np.float32)
        top = (big - side) // 2
        canvas[:, :, top : top + side, top : top + side] = x
        x = canvas
    if p["clutter"]:  # pieces a quarter of the side wide, cut around an inked pixel of random other images
        n, _, h, w = x.shape
        piece = max(2, w // 4)
        source = x.copy()
        inked = [np.argwhere(image.max(axis=0) > 0) for image in source]
        for k in range(n):
            for _ in range(p["clutter"]):
                other = int(rng.integers(n))
                if not len(inked[other]):
                    continue
                r, c = inked[other][int(rng.integers(len(inked[other])))]
                r0, c0 = min(max(int(r) - piece // 2, 0), h - piece), min(max(int(c) - piece // 2, 0), w - piece)
                r1, c1 = (int(v) for v in rng.integers(0, w - piece + 1, size=2))
                cut = source[other, :, r0 : r0 + piece, c0 : c0 + piece]
                x[k, :, r1 : r1 + piece, c1 : c1 + piece] = np.maximum(x[k, :, r1 : r1 + piece, c1 : c1 + piece], cut)
    if p["shift"]:
        moves = rng.integers(-p["shift"], p["shift"] + 1, size=(len(x), 2))
        x = np.stack([shifted(image, int(dy), int(dx)) for image, (dy, dx) in zip(x, moves, strict=True)])
    right, down = p.get("shift_right", 0), p.get("shift_down", 0)
    if right or down:  # the same move for every image: "the digits, 2 pixels right"
        x = shifted(x, down, right)
    if p["permute"]:
        n, c, h, w = x.shape
        order = rng.permutation(h * w)
        x = x.reshape(n, c, h * w)[:, :, order].reshape(n, c, h, w)
    return x


def shifted(image: np.ndarray, down: int, right: int) -> np.ndarray:
    """The image (…, h, w) moved `down` rows and `right` columns (negative: up, left); the pixels
    moved in are 0 and those pushed out are lost."""
    out = np.zeros_like(image)
    h, w = image.shape[-2:]
    if abs(down) >= h or abs(right) >= w:
        return out
    rows_to, rows_from = slice(max(down, 0), h + min(down, 0)), slice(max(-down, 0), h - max(down, 0))
    cols_to, cols_from = slice(max(right, 0), w + min(right, 0)), slice(max(-right, 0), w - max(right, 0))
    out[..., rows_to, cols_to] = image[..., rows_from, cols_from]
    return out
