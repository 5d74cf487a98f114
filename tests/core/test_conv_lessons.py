"""The convolution explorer's lessons state only what holds: 'Stride and padding' (course 000,
004 §9.5) and 'Convolution as a matrix' (004 §9.1, with 003's parameter count)."""

import numpy as np
import pytest
import torch
from conftest import LESSONS
from scipy.signal import convolve2d

from core.cli.main import main as cli
from core.convolution.explorer import ConvSettings, convolve, cross_correlate, output_length
from core.convolution.matrix import conv_parameters, dense_parameters, doubly_blocked
from core.network.graph import Graph, infer
from core.project import load_project
from core.train.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_stride_and_padding_sizes_are_the_formulas_and_torchs():
    project = load_project(LESSONS / "stride_padding.json")
    assert project.view == "convolution"
    shapes = infer(project.graph).shapes
    assert [shapes[n][1:] for n in ("same", "full", "valid_s2")] == [(8, 8), (10, 10), (3, 3)]
    # the explorer's formula, with the modes the description names
    assert output_length(8, 5, ConvSettings(1, "same")) == output_length(8, 5, ConvSettings(1, 2)) == 8
    assert output_length(8, 3, ConvSettings(1, "full")) == output_length(8, 3, ConvSettings(1, 2)) == 10
    assert output_length(10, 5, ConvSettings(2, "valid")) == (10 - 4 - 1) // 2 + 1 == 3
    # the course's example
    assert output_length(100, 5, ConvSettings(1)) == 96 and output_length(100, 5, ConvSettings(2)) == 48
    # and what torch computes for the lesson's network
    model = Trainer(project).model
    with torch.no_grad():
        _, taps = model(torch.zeros(2, 1, 8, 8), taps=["same", "full", "valid_s2"])
    assert [tuple(t.shape[2:]) for t in taps.values()] == [(8, 8), (10, 10), (3, 3)]


def test_the_lessons_train_through_the_command_line(tmp_path, capsys):
    for name in ("stride_padding", "conv_matrix"):
        assert cli(["train", str(LESSONS / f"{name}.json"), "--out", str(tmp_path / name), "--epochs", "1"]) == 0
        assert capsys.readouterr().out.splitlines()[-1].startswith("trained ")


def test_the_matrix_times_the_digit_is_the_layers_output():
    project = load_project(LESSONS / "conv_matrix.json")
    trainer = Trainer(project)
    conv = trainer.model.layer("conv1")
    digits = torch.as_tensor(trainer.data.x_test[:5])
    with torch.no_grad():
        out = conv(digits).double().numpy()
    weights, biases = conv.weight.detach().double().numpy(), conv.bias.detach().double().numpy()
    for k in range(4):
        m = doubly_blocked(weights[k, 0], (8, 8))
        assert m.shape == (36, 64)
        assert (np.count_nonzero(m, axis=1) == 9).all()  # the kernel's nine weights in every row
        for row in m:
            assert sorted(row[row != 0]) == sorted(weights[k, 0].ravel())
        for n, digit in enumerate(digits.double().numpy()):
            np.testing.assert_allclose(m @ digit[0].ravel() + biases[k], out[n, k].ravel(), atol=1e-5)
            np.testing.assert_allclose(cross_correlate(digit[0], weights[k, 0]) + biases[k], out[n, k], atol=1e-5)
            turned = convolve(digit[0], weights[k, 0])
            np.testing.assert_allclose(turned, cross_correlate(digit[0], weights[k, 0][::-1, ::-1]))
            np.testing.assert_allclose(turned, convolve2d(digit[0], weights[k, 0], mode="valid"))


def test_the_parameter_counts_in_the_description():
    project = load_project(LESSONS / "conv_matrix.json")
    counts = infer(project.graph).param_counts
    assert counts["conv1"] == conv_parameters(1, 4, (3, 3)) == 4 * 9 + 4 == 40
    g = Graph()  # the dense layer the description compares with, counted by the app
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Flatten", "flat", {})
    g.add_node("Linear", "dense", {"out_features": 4 * 6 * 6})
    g.add_node("Output", "out", {"loss": "mse"})
    for a, b in (("x", "flat"), ("flat", "dense"), ("dense", "out")):
        g.add_edge(a, b)
    assert infer(g).param_counts["dense"] == dense_parameters((1, 8, 8), (4, 6, 6)) == 64 * 144 + 144 == 9360
    assert "4·9 + 4 = 40" in project.description and "64·144 + 144 = 9,360" in project.description
