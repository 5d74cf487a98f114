"""Convolution as a matrix (course 004 §9.1): the same sliding window sum is a multiplication by a
matrix whose entries are tied together — each row is the row above shifted along.

In 1-D that matrix is a Toeplitz matrix (constant along every diagonal). In 2-D, for an H×W image
flattened row by row, it is *doubly block Toeplitz*: blocks that are themselves Toeplitz, arranged
in a Toeplitz pattern. (The book says "doubly block circulant": that is the wrap-around version of
the same structure; with zero padding the blocks do not wrap.) Stride keeps every s-th row; padding
adds columns for the zero border, which multiply zeros and are dropped.

The parameter counts show why the tying matters (course 003, "why convolution").
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import toeplitz

from core.convolution.explorer import PLAIN, ConvError, ConvSettings, output_length
from core.words import translate

MAX_MATRIX_INPUT = 256  # input pixels the 2-D matrix is built for (the matrix is outputs × inputs)


def dilated(kernel: np.ndarray, dilation: int) -> np.ndarray:
    """The kernel with dilation − 1 zeros between its cells (along every axis it has)."""
    kernel = np.asarray(kernel, dtype=np.float64)
    shape = [dilation * (k - 1) + 1 for k in kernel.shape]
    out = np.zeros(shape)
    out[tuple(slice(None, None, dilation) for _ in shape)] = kernel
    return out


def toeplitz_1d(kernel: np.ndarray, n: int, settings: ConvSettings = PLAIN) -> np.ndarray:
    """The (outputs × n) matrix T with T @ x equal to the 1-D cross-correlation of x with the kernel."""
    kernel = np.asarray(kernel, dtype=np.float64).ravel()
    if output_length(n, len(kernel), settings) < 1:
        raise ConvError(translate("convolution", "The kernel reaches past the padded input: there is no output."))
    before, after = settings.pads(len(kernel))
    w = dilated(kernel, settings.dilation)
    width = n + before + after
    rows = width - len(w) + 1
    first_row = np.zeros(width)
    first_row[: len(w)] = w
    first_col = np.zeros(rows)
    first_col[0] = w[0]
    full = toeplitz(first_col, first_row)  # stride 1 over the padded input
    return full[:: settings.stride, before : before + n]


def doubly_blocked(kernel: np.ndarray, shape: tuple[int, int], settings: ConvSettings = PLAIN) -> np.ndarray:
    """The (out_h·out_w × h·w) matrix M with M @ image.ravel() equal to the 2-D cross-correlation,
    output flattened row by row. Built as Σ_a S_a ⊗ T_a: T_a is kernel row a's Toeplitz matrix along
    a row, and S_a (ones at (i, i·s + a·d)) puts it in the block of every output row that reads
    input row i·s + a·d."""
    kernel = np.asarray(kernel, dtype=np.float64)
    h, w = shape
    if h * w > MAX_MATRIX_INPUT:
        raise ConvError(
            translate("convolution", "The matrix is drawn for inputs of at most {0} pixels; this one has {1}.").format(
                MAX_MATRIX_INPUT, h * w
            )
        )
    if output_length(h, kernel.shape[0], settings) < 1 or output_length(w, kernel.shape[1], settings) < 1:
        raise ConvError(translate("convolution", "The kernel reaches past the padded input: there is no output."))
    top, bottom = settings.pads(kernel.shape[0])
    height = h + top + bottom
    reach = settings.dilation * (kernel.shape[0] - 1)
    matrix = 0.0
    for a, kernel_row in enumerate(kernel):
        rows = np.eye(height - reach, height, k=a * settings.dilation)[:: settings.stride, top : top + h]
        matrix = matrix + np.kron(rows, toeplitz_1d(kernel_row, w, settings))
    return matrix


def dense_parameters(in_shape: tuple[int, int, int], out_shape: tuple[int, int, int], bias: bool = True) -> int:
    """A fully connected layer from every input value (C×H×W) to every output value, biases included."""
    inputs, outputs = int(np.prod(in_shape)), int(np.prod(out_shape))
    return inputs * outputs + (outputs if bias else 0)


def conv_parameters(in_channels: int, out_channels: int, kernel: tuple[int, int], bias: bool = True) -> int:
    """A convolution layer: one kh×kw kernel per (input, output) channel pair and one bias per output channel."""
    return out_channels * in_channels * kernel[0] * kernel[1] + (out_channels if bias else 0)
