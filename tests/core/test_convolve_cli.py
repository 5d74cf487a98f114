"""`python main.py convolve`: the explorer's arithmetic in a terminal, the same numbers as the view."""

import numpy as np
import pytest
from scipy.signal import convolve2d

from core.cli.main import main as cli
from core.convolution import inputs
from core.convolution.explorer import ConvSettings, cross_correlate, size_formula
from core.convolution.kernels import preset


def grid_after(text: str, heading: str, rows: int) -> np.ndarray:
    lines = text.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(heading)) + 1
    return np.array([[float(v) for v in line.split()] for line in lines[start : start + rows]])


def test_it_prints_the_output_map_the_formula_and_one_cells_sum(capsys):
    args = ["convolve", "--input", "digit:3", "--kernel", "sobel x", "--stride", "2", "--padding", "same"]
    assert cli(args + ["--cell", "1,2", "--matrix"]) == 0
    out = capsys.readouterr().out
    expected = cross_correlate(inputs.digit(3), preset("Sobel x"), ConvSettings(2, "same"))
    np.testing.assert_allclose(grid_after(out, "output, cross-correlation", 4), expected, atol=0.005)
    assert f"rows:    {size_formula(8, 3, ConvSettings(2, 'same'))}" in out
    assert f"= {expected[1, 2]:.3f}".replace("-", "−") in out.split("cell (1, 2):")[1].splitlines()[0]
    assert "largest |M·x − output| = 0.0e+00" in out and "16×64" in out


def test_the_true_convolution_and_a_typed_kernel(capsys):
    assert cli(["convolve", "--input", "digit:7", "--kernel", "0 1; 2 3", "--true", "--padding", "full"]) == 0
    out = capsys.readouterr().out
    expected = convolve2d(inputs.digit(7), np.array([[0, 1], [2, 3]]), mode="full")
    np.testing.assert_allclose(grid_after(out, "output, true convolution", 9), expected, atol=0.005)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kernel", "1 2; 3"], "same number of values"),
        (["--kernel", "blurry"], "neither a preset"),
        (["--input", "photo:moon"], "no photograph 'moon'"),
        (["--input", "cat:1"], "unknown input"),
        (["--padding", "lots"], "padding must be"),
        (["--cell", "9,9"], "not one of them"),
        (["--stride", "0"], "stride must be at least 1"),
        (["--kernel", "1 1 1 1 1 1 1 1 1"], "more than the padded input is wide"),
    ],
)
def test_bad_arguments_are_explained(capsys, args, message):
    assert cli(["convolve", *args]) == 1
    assert message in capsys.readouterr().err
