"""The convolution explorer's arithmetic (course 000, 004 §9.1–9.5) against torch and scipy:
the output map, the true convolution, one cell's products, the size formula, the Toeplitz and
doubly block Toeplitz matrices, and the parameter counts of dense and convolutional layers."""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.signal import convolve2d

from core.convolution.explorer import (
    ConvError,
    ConvSettings,
    convolve,
    cross_correlate,
    output_length,
    size_formula,
    terms,
    window_origin,
    written_sum,
)
from core.convolution.inputs import blank, digit, photo_patch
from core.convolution.kernels import GABOR_PRESET, PRESETS, preset
from core.convolution.matrix import (
    conv_parameters,
    dense_parameters,
    dilated,
    doubly_blocked,
    toeplitz_1d,
)
from core.network.graph import Graph, infer
from core.probes.gabor import gabor


@st.composite
def cases(draw, max_side: int = 12):
    """An input, a kernel and settings that give at least one output cell."""
    kh, kw = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    stride = draw(st.integers(1, 3))
    dilation = draw(st.integers(1, 3))
    padding = draw(st.one_of(st.sampled_from(["valid", "same", "full"]), st.integers(0, 3)))
    conv = ConvSettings(stride, padding, dilation)
    low_h = max(1, dilation * (kh - 1) + 1 - sum(conv.pads(kh)))
    low_w = max(1, dilation * (kw - 1) + 1 - sum(conv.pads(kw)))
    h = draw(st.integers(low_h, max(low_h, max_side)))
    w = draw(st.integers(low_w, max(low_w, max_side)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return rng.normal(size=(h, w)), rng.normal(size=(kh, kw)), conv


def torch_conv2d(image, kernel, conv: ConvSettings) -> np.ndarray:
    """torch's own conv2d, asked the way a user of torch would ask for each padding mode."""
    x = torch.tensor(image)[None, None]
    w = torch.tensor(kernel)[None, None]
    if conv.padding == "same" and conv.stride == 1:
        with warnings.catch_warnings():  # torch notes that an even kernel costs it a padded copy
            warnings.filterwarnings("ignore", "Using padding='same'", UserWarning)
            out = F.conv2d(x, w, padding="same", dilation=conv.dilation)
    elif conv.padding == "valid":
        out = F.conv2d(x, w, stride=conv.stride, padding="valid", dilation=conv.dilation)
    elif isinstance(conv.padding, int) or conv.padding == "full":
        pad = tuple(sum(conv.pads(k)) // 2 for k in kernel.shape)
        out = F.conv2d(x, w, stride=conv.stride, padding=pad, dilation=conv.dilation)
    else:  # torch refuses 'same' with a stride: pad by hand as 'same' does, then stride
        (top, bottom), (left, right) = (conv.pads(k) for k in kernel.shape)
        out = F.conv2d(F.pad(x, (left, right, top, bottom)), w, stride=conv.stride, dilation=conv.dilation)
    return out[0, 0].numpy()


@settings(max_examples=300, deadline=None)
@given(cases())
def test_the_output_map_is_torchs_conv2d(case):
    image, kernel, conv = case
    ours = cross_correlate(image, kernel, conv)
    theirs = torch_conv2d(image, kernel, conv)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, atol=1e-10)


def scipy_convolution(image, kernel, conv: ConvSettings) -> np.ndarray:
    """scipy's true convolution with the dilated kernel; stride keeps every s-th cell; a number
    of zeros is padded by hand (scipy knows only valid, same and full)."""
    if isinstance(conv.padding, int):
        image = np.pad(image, conv.padding)
        mode = "valid"
    else:
        mode = conv.padding
    return convolve2d(image, dilated(kernel, conv.dilation), mode=mode)[:: conv.stride, :: conv.stride]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_the_true_convolution_is_scipys_convolve2d(case):
    image, kernel, conv = case
    np.testing.assert_allclose(convolve(image, kernel, conv), scipy_convolution(image, kernel, conv), atol=1e-10)


@settings(max_examples=100, deadline=None)
@given(cases())
def test_convolution_is_cross_correlation_with_the_kernel_turned_half_a_turn(case):
    image, kernel, conv = case
    if conv.padding == "same":  # an uneven 'same' border is mirrored too; a symmetric one stays
        conv = ConvSettings(conv.stride, sum(conv.pads(kernel.shape[0])) // 2, conv.dilation)
        kernel = kernel[: 2 * (kernel.shape[0] // 2) + 1, : 2 * (kernel.shape[0] // 2) + 1]
    if any(output_length(n, k, conv) < 1 for n, k in zip(image.shape, kernel.shape, strict=True)):
        return
    np.testing.assert_allclose(convolve(image, kernel, conv), cross_correlate(image, kernel[::-1, ::-1], conv))


@settings(max_examples=200, deadline=None)
@given(cases(), st.booleans(), st.data())
def test_one_cells_products_sum_to_that_cell(case, flip, data):
    image, kernel, conv = case
    out = (convolve if flip else cross_correlate)(image, kernel, conv)
    i = data.draw(st.integers(0, out.shape[0] - 1))
    j = data.draw(st.integers(0, out.shape[1] - 1))
    found = terms(image, kernel, i, j, conv, flip)
    assert len(found) == kernel.size
    assert sum(t.product for t in found) == pytest.approx(out[i, j], abs=1e-10)
    shown = kernel[::-1, ::-1] if flip else kernel
    r0, c0 = window_origin(i, j, kernel.shape, conv, flip)
    for t in found:
        assert t.weight == shown[t.kernel_row, t.kernel_col]
        assert (t.row, t.col) == (r0 + t.kernel_row * conv.dilation, c0 + t.kernel_col * conv.dilation)
        inside = 0 <= t.row < image.shape[0] and 0 <= t.col < image.shape[1]
        assert t.outside == (not inside)
        assert t.value == (image[t.row, t.col] if inside else 0.0)
    assert written_sum(found).endswith(f"= {sum(t.product for t in found):.3f}".replace("-", "−"))


@settings(max_examples=200, deadline=None)
@given(cases())
def test_the_size_formula_gives_the_size_of_the_map(case):
    image, kernel, conv = case
    out = cross_correlate(image, kernel, conv)
    for axis in (0, 1):
        n, k = image.shape[axis], kernel.shape[axis]
        assert output_length(n, k, conv) == out.shape[axis]
        assert size_formula(n, k, conv).endswith(f"= {out.shape[axis]}")


def test_the_course_examples_of_stride_and_padding():
    """Course 000: 100 inputs, kernel 5: 96 outputs at stride 1, 48 at stride 2; book §9.5: valid
    m − k + 1, same m, full m + k − 1."""
    assert output_length(100, 5, ConvSettings(1)) == 96
    assert output_length(100, 5, ConvSettings(2)) == 48
    assert size_formula(100, 5, ConvSettings(2)) == "⌊(100 + 2·0 − 1·(5 − 1) − 1) / 2⌋ + 1 = 48"
    assert [output_length(16, 6, ConvSettings(1, mode)) for mode in ("valid", "same", "full")] == [11, 16, 21]
    assert size_formula(8, 4, ConvSettings(1, "same")) == "⌊(8 + 1 + 2 − 1·(4 − 1) − 1) / 1⌋ + 1 = 8"


@pytest.mark.parametrize(
    ("conv", "kernel_size", "message"),
    [
        (ConvSettings(1, "valid"), 9, "more than the padded input is tall"),
        (ConvSettings(1, "valid", 3), 4, "reaches 10 pixels"),
    ],
)
def test_a_kernel_wider_than_the_input_is_explained_not_a_crash(conv, kernel_size, message):
    with pytest.raises(ConvError, match=message):
        cross_correlate(np.zeros((8, 8)), np.ones((kernel_size, kernel_size)), conv)


@pytest.mark.parametrize(
    "make",
    [
        lambda: ConvSettings(0),
        lambda: ConvSettings(1, "around"),
        lambda: ConvSettings(1, -1),
        lambda: ConvSettings(1, "same", 0),
        lambda: cross_correlate(np.zeros((8, 8)), np.full((3, 3), np.nan)),
        lambda: cross_correlate(np.zeros((8, 8)), np.ones((10, 10)), ConvSettings(1, "full")),
        lambda: terms(np.zeros((8, 8)), np.ones((3, 3)), 6, 0),
    ],
)
def test_bad_settings_raise_a_conv_error(make):
    with pytest.raises(ConvError):
        make()


@settings(max_examples=200, deadline=None)
@given(cases())
def test_the_toeplitz_matrix_of_a_row_times_the_row_is_its_convolution(case):
    image, kernel, conv = case
    x, w = image[0], kernel[0]
    if output_length(len(x), len(w), conv) < 1:
        return
    t = toeplitz_1d(w, len(x), conv)
    expected = F.conv1d(
        F.pad(torch.tensor(x)[None, None], conv.pads(len(w))),
        torch.tensor(w)[None, None],
        stride=conv.stride,
        dilation=conv.dilation,
    )[0, 0].numpy()
    np.testing.assert_allclose(t @ x, expected, atol=1e-10)
    if conv.stride == 1:  # Toeplitz: constant along every diagonal
        np.testing.assert_array_equal(t[1:, 1:], t[:-1, :-1])


@settings(max_examples=200, deadline=None)
@given(cases(max_side=9))
def test_the_doubly_blocked_matrix_times_the_image_is_the_2d_convolution(case):
    image, kernel, conv = case
    m = doubly_blocked(kernel, image.shape, conv)
    out = cross_correlate(image, kernel, conv)
    assert m.shape == (out.size, image.size)
    np.testing.assert_allclose(m @ image.ravel(), out.ravel(), atol=1e-10)
    # the true convolution is the same matrix for the turned kernel: tested against scipy above
    if conv.padding != "same":
        np.testing.assert_allclose(
            doubly_blocked(kernel[::-1, ::-1], image.shape, conv) @ image.ravel(),
            convolve(image, kernel, conv).ravel(),
            atol=1e-10,
        )


def test_the_doubly_blocked_matrix_is_block_toeplitz_of_toeplitz_blocks():
    rng = np.random.default_rng(3)
    kernel, (h, w) = rng.normal(size=(3, 3)), (5, 6)
    m = doubly_blocked(kernel, (h, w))
    oh, ow = h - 2, w - 2
    blocks = m.reshape(oh, ow, h, w).transpose(0, 2, 1, 3)  # [output row, input row] -> ow × w block
    for i in range(oh):
        for r in range(h):
            a = r - i
            expected = toeplitz_1d(kernel[a], w) if 0 <= a < 3 else np.zeros((ow, w))
            np.testing.assert_array_equal(blocks[i, r], expected)
    assert np.count_nonzero(m) == oh * ow * 9  # sparse: each row holds only the kernel's 9 weights


def test_the_matrix_refuses_an_image_too_big_to_draw():
    with pytest.raises(ConvError, match="at most 256"):
        doubly_blocked(np.ones((3, 3)), (17, 17))


@pytest.mark.parametrize(
    ("c_in", "c_out", "size", "k", "bias"),
    [(1, 6, 32, 5, True), (1, 1, 8, 3, True), (3, 16, 16, 3, False), (6, 16, 14, 5, True)],
)
def test_dense_and_conv_parameter_counts_are_torchs_and_the_apps(c_in, c_out, size, k, bias):
    """Course 003 'why convolution': the counts the explorer shows equal torch's and the editor's."""
    out = size - k + 1
    conv = torch.nn.Conv2d(c_in, c_out, k, bias=bias)
    dense = torch.nn.Linear(c_in * size * size, c_out * out * out, bias=bias)
    assert conv_parameters(c_in, c_out, (k, k), bias) == sum(p.numel() for p in conv.parameters())
    assert dense_parameters((c_in, size, size), (c_out, out, out), bias) == sum(p.numel() for p in dense.parameters())
    g = Graph()
    g.add_node("Input", "x", {"shape": [c_in, size, size]})
    g.add_node("Conv2d", "conv", {"out_channels": c_out, "kernel_size": k, "padding": 0, "bias": bias})
    g.add_node("Flatten", "flat", {})
    g.add_node("Linear", "fc", {"out_features": c_out * out * out, "bias": bias})
    g.add_node("Output", "out", {"loss": "cross_entropy"})
    for a, b in (("x", "conv"), ("conv", "flat"), ("flat", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    counts = infer(g).param_counts
    assert counts["conv"] == conv_parameters(c_in, c_out, (k, k), bias)
    assert counts["fc"] == dense_parameters((c_out, out, out), (c_out, out, out), bias)


def test_lenets_first_layer_needs_hundreds_of_weights_where_a_dense_one_needs_millions():
    assert conv_parameters(1, 6, (5, 5)) == 156
    assert dense_parameters((1, 32, 32), (6, 28, 28)) == 1024 * 4704 + 4704 == 4_821_600


def test_presets_do_what_their_names_say():
    step = np.zeros((6, 6))
    step[:, 3:] = 1.0  # dark left half, bright right half: a vertical edge
    same = ConvSettings(1, "same")
    np.testing.assert_array_equal(cross_correlate(step, preset("identity"), same), step)
    sobel_x = cross_correlate(step, preset("Sobel x"), ConvSettings())
    assert (sobel_x[:, 1:3] > 0).all() and (sobel_x[:, [0, 3]] == 0).all()
    assert (cross_correlate(step, preset("Sobel y"), ConvSettings()) == 0).all()
    assert cross_correlate(np.ones((5, 5)), preset("box blur")) == pytest.approx(np.ones((3, 3)))
    assert cross_correlate(np.ones((5, 5)), preset("Laplacian")) == pytest.approx(np.zeros((3, 3)))
    np.testing.assert_array_equal(preset("Gabor"), gabor(GABOR_PRESET, 5))
    assert all(kernel.ndim == 2 and text for text, kernel in PRESETS.values())
    edited = preset("identity")
    edited[0, 0] = 5
    assert preset("identity")[0, 0] == 0  # a preset is copied, never edited in place


def test_inputs_are_grids_of_values_between_0_and_1():
    for image in (digit(0), digit(1796), photo_patch(0, 0.3, 0.6), photo_patch(1, 1.0, 1.0, size=24), blank(10)):
        assert image.ndim == 2 and image.min() >= 0 and image.max() <= 1
    assert digit(0).shape == (8, 8) and photo_patch(1, 0, 0, size=24).shape == (24, 24)
    assert photo_patch(0, 0.5, 0.5).std() > 0.01  # a piece of the scene, not a flat colour
