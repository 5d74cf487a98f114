"""One 2-D convolution written out: padding, stride and dilation, the output map, the products
summed for one output cell, and the output-size formula with the numbers filled in.

Deep-learning libraries compute cross-correlation (the kernel is not flipped); the course's
mathematical convolution flips the kernel first. Both are computed here by the same plain window
sum, so the explorer can show them side by side; the tests hold them to torch's `conv2d` and
scipy's `convolve2d`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from core.words import translate

PADDING_MODES = ("valid", "same", "full")
MAX_KERNEL = 9  # cells per side the explorer lets a user edit


class ConvError(ValueError):
    """Settings that cannot give an output; the message says why in the user's words."""


@dataclass(frozen=True)
class ConvSettings:
    stride: int = 1
    padding: str | int = "valid"  # "valid", "same", "full" or zeros added on every side
    dilation: int = 1

    def __post_init__(self) -> None:
        if self.stride < 1:
            raise ConvError(translate("convolution", "The stride must be at least 1."))
        if self.dilation < 1:
            raise ConvError(translate("convolution", "The dilation must be at least 1."))
        if isinstance(self.padding, str):
            if self.padding not in PADDING_MODES:
                raise ConvError(
                    translate("convolution", "Padding must be one of {0} or a number of pixels.").format(
                        ", ".join(PADDING_MODES)
                    )
                )
        elif self.padding < 0:
            raise ConvError(translate("convolution", "Padding cannot be negative."))

    def pads(self, kernel: int) -> tuple[int, int]:
        """Zeros added (before, after) along one axis for a kernel this many cells wide.

        'same' adds d·(k−1) in all, the extra one after when that is odd (as torch does), so at
        stride 1 the output is as wide as the input; 'full' adds d·(k−1) on both sides, so every
        input pixel meets every kernel cell."""
        reach = self.dilation * (kernel - 1)
        if self.padding == "valid":
            return 0, 0
        if self.padding == "same":
            return reach // 2, reach - reach // 2
        if self.padding == "full":
            return reach, reach
        return int(self.padding), int(self.padding)


PLAIN = ConvSettings()  # stride 1, no padding, no dilation


def output_length(n: int, kernel: int, settings: ConvSettings) -> int:
    """⌊(n + p_before + p_after − d·(k−1) − 1) / s⌋ + 1; below 1 there is no output."""
    before, after = settings.pads(kernel)
    return (n + before + after - settings.dilation * (kernel - 1) - 1) // settings.stride + 1


def size_formula(n: int, kernel: int, settings: ConvSettings) -> str:
    """The output-size formula along one axis with this axis's numbers written in."""
    before, after = settings.pads(kernel)
    s, d = settings.stride, settings.dilation
    out = output_length(n, kernel, settings)
    pad = f"{before} + {after}" if before != after else f"2·{before}"
    return f"⌊({n} + {pad} − {d}·({kernel} − 1) − 1) / {s}⌋ + 1 = {out}"


def _check(image: np.ndarray, kernel: np.ndarray, settings: ConvSettings) -> None:
    if image.ndim != 2 or kernel.ndim != 2:
        raise ConvError(translate("convolution", "The input and the kernel must both be 2-D grids."))
    if min(kernel.shape) < 1 or max(kernel.shape) > MAX_KERNEL:
        raise ConvError(
            translate("convolution", "The kernel must be between 1 and {0} cells on each side.").format(MAX_KERNEL)
        )
    if not (np.isfinite(image).all() and np.isfinite(kernel).all()):
        raise ConvError(translate("convolution", "The input and the kernel must hold finite numbers."))
    too_far = (
        translate(
            "convolution",
            "The kernel reaches {0} pixels, more than the padded input is tall: "
            "add padding, or use a smaller kernel or dilation.",
        ),
        translate(
            "convolution",
            "The kernel reaches {0} pixels, more than the padded input is wide: "
            "add padding, or use a smaller kernel or dilation.",
        ),
    )
    for axis in (0, 1):
        if output_length(image.shape[axis], kernel.shape[axis], settings) < 1:
            reach = settings.dilation * (kernel.shape[axis] - 1) + 1
            raise ConvError(too_far[axis].format(reach))


def _pads(kernel_shape: tuple[int, int], settings: ConvSettings, flip: bool) -> list[tuple[int, int]]:
    """(before, after) per axis; flipping the kernel mirrors an uneven 'same' border too, so the
    true convolution's output cell (i, j) stays centred where the textbook (and scipy) puts it."""
    pads = [settings.pads(k) for k in kernel_shape]
    return [(after, before) for before, after in pads] if flip else pads


def padded(image: np.ndarray, kernel_shape: tuple[int, int], settings: ConvSettings, flip: bool = False) -> np.ndarray:
    """The input with its zero border, as the kernel sees it."""
    return np.pad(np.asarray(image, dtype=np.float64), _pads(kernel_shape, settings, flip))


def _windowed(image: np.ndarray, kernel: np.ndarray, settings: ConvSettings, flip: bool) -> np.ndarray:
    image, kernel = np.asarray(image, dtype=np.float64), np.asarray(kernel, dtype=np.float64)
    _check(image, kernel, settings)
    if flip:
        kernel = kernel[::-1, ::-1]
    s, d = settings.stride, settings.dilation
    (kh, kw) = kernel.shape
    reach = (d * (kh - 1) + 1, d * (kw - 1) + 1)
    windows = sliding_window_view(padded(image, kernel.shape, settings, flip), reach)[::s, ::s, ::d, ::d]
    return np.einsum("ijab,ab->ij", windows, kernel)


def cross_correlate(image: np.ndarray, kernel: np.ndarray, settings: ConvSettings = PLAIN) -> np.ndarray:
    """y[i, j] = Σ_ab w[a, b] · x_pad[i·s + a·d, j·s + b·d]: what torch's conv2d computes."""
    return _windowed(image, kernel, settings, flip=False)


def convolve(image: np.ndarray, kernel: np.ndarray, settings: ConvSettings = PLAIN) -> np.ndarray:
    """True convolution, y[i, j] = Σ_ab w[a, b] · x[i − a, j − b]: cross-correlation with the
    kernel turned half a turn (flipped both ways)."""
    return _windowed(image, kernel, settings, flip=True)


@dataclass(frozen=True)
class Term:
    """One product of the sum for an output cell."""

    kernel_row: int
    kernel_col: int
    row: int  # the input pixel (may lie in the zero border: outside 0..height-1)
    col: int
    weight: float
    value: float  # 0 in the border
    outside: bool = False  # the pixel is part of the zero border, not of the image

    @property
    def product(self) -> float:
        return self.weight * self.value


def window_origin(
    i: int, j: int, kernel_shape: tuple[int, int], settings: ConvSettings, flip: bool = False
) -> tuple[int, int]:
    """The input pixel (row, column) under the window's top-left cell for output cell (i, j);
    negative in the border."""
    (top, _), (left, _) = _pads(kernel_shape, settings, flip)
    return i * settings.stride - top, j * settings.stride - left


def terms(
    image: np.ndarray,
    kernel: np.ndarray,
    i: int,
    j: int,
    settings: ConvSettings = PLAIN,
    flip: bool = False,
) -> list[Term]:
    """The products whose sum is output cell (i, j), window cell by window cell (top-left first);
    with flip, of the true convolution, whose window holds the kernel turned half a turn."""
    image, kernel = np.asarray(image, dtype=np.float64), np.asarray(kernel, dtype=np.float64)
    _check(image, kernel, settings)
    rows = output_length(image.shape[0], kernel.shape[0], settings)
    cols = output_length(image.shape[1], kernel.shape[1], settings)
    if not (0 <= i < rows and 0 <= j < cols):
        raise ConvError(
            translate("convolution", "The output has {0}×{1} cells; ({2}, {3}) is not one of them.").format(
                rows, cols, i, j
            )
        )
    r0, c0 = window_origin(i, j, kernel.shape, settings, flip)
    d = settings.dilation
    if flip:
        kernel = kernel[::-1, ::-1]
    found = []
    for a in range(kernel.shape[0]):
        for b in range(kernel.shape[1]):
            r, c = r0 + a * d, c0 + b * d
            outside = not (0 <= r < image.shape[0] and 0 <= c < image.shape[1])
            value = 0.0 if outside else float(image[r, c])
            found.append(Term(a, b, r, c, float(kernel[a, b]), value, outside))
    return found


def written_sum(found: list[Term], digits: int = 2) -> str:
    """'w·x + w·x + … = y' for the terms of one cell; a zero-border pixel is written as 0."""
    text = ""
    for n, t in enumerate(found):
        sign = ("−" if n == 0 else " − ") if t.weight < 0 else ("" if n == 0 else " + ")
        value = f"{t.value:.{digits}f}" if t.value >= 0 else f"(−{-t.value:.{digits}f})"
        text += f"{sign}{abs(t.weight):.{digits}f}·{value}"
    total = sum(t.product for t in found)
    return f"{text} = {total:.{digits + 1}f}".replace("-", "−")
