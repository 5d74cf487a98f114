"""Reverse correlation (course 004 §9.10, LESSONS #33): white noise weighted by a unit's response
recovers the unit's weights, for a known linear unit and for units of a network."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.convolution.receptive import input_field
from core.convolution.reverse import correlation, reverse_correlation, unit_response
from core.network.build import GraphModule
from core.project import load_project


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.mark.parametrize("seed", range(5))
def test_a_linear_units_weights_come_back(seed):
    w = np.random.default_rng(100 + seed).standard_normal((8, 8))
    estimate = reverse_correlation(lambda x: (x * w).sum(axis=(1, 2)) + 3.0, (8, 8), samples=4000, seed=seed)
    assert correlation(estimate, w) >= 0.95
    # E[r·x] − E[r]E[x] = w, the scale too: each pixel errs by about ‖w‖/√n = 8/√4000 ≈ 0.13
    assert np.abs(estimate - w).max() < 0.5


def test_a_constant_unit_gives_nothing_and_the_measure_can_fail():
    w = np.random.default_rng(1).standard_normal((6, 6))
    flat = reverse_correlation(lambda x: np.full(len(x), 2.0), (6, 6), samples=1000)
    assert np.abs(flat).max() < 1e-12
    other = np.random.default_rng(2).standard_normal((6, 6))
    assert abs(correlation(reverse_correlation(lambda x: (x * other).sum(axis=(1, 2)), (6, 6)), w)) < 0.5


@pytest.mark.parametrize(("node", "least"), [("conv1", 0.95), ("relu1", 0.9)])
def test_a_first_layer_unit_of_the_digits_cnn_shows_its_kernel(node, least):
    project = load_project(LESSONS / "digits_cnn.json")
    torch.manual_seed(0)
    model = GraphModule(project.graph)
    with torch.no_grad():
        model.layer("conv1").bias.zero_()  # a ReLU unit half on, half off: the rectified case of the course
    channel, row, col = 3, 4, 4
    estimate = reverse_correlation(unit_response(model, node, channel, row, col), (1, 8, 8), samples=6000)[0]
    top, bottom, left, right = input_field(project.graph, node, row, col).box()
    kernel = model.layer("conv1").weight[channel, 0].detach().double().numpy()
    inside = estimate[top : bottom + 1, left : right + 1]
    assert correlation(inside, kernel) >= least
    outside = estimate.copy()
    outside[top : bottom + 1, left : right + 1] = 0
    assert np.abs(outside).max() < 0.1 * np.abs(inside).max() + 0.02  # nothing outside the receptive field


def test_the_real_filter_is_the_first_layers_kernel_on_the_units_window():
    from core.convolution.reverse import first_layer_filter

    project = load_project(LESSONS / "digits_cnn.json")
    model = GraphModule(project.graph)
    kernel = model.layer("conv1").weight[2, 0].detach().double().numpy()
    placed = first_layer_filter(project.graph, model, "relu1", 2, 4, 5)[0]
    np.testing.assert_array_equal(placed[3:6, 4:7], kernel)  # padding 1: unit (4, 5) reads rows 3–5, columns 4–6
    assert np.count_nonzero(placed) == np.count_nonzero(kernel)
    corner = first_layer_filter(project.graph, model, "conv1", 2, 0, 0)[0]
    np.testing.assert_array_equal(corner[:2, :2], kernel[1:, 1:])  # the window hangs over the zero border
    assert first_layer_filter(project.graph, model, "conv2", 0, 1, 1) is None  # no single filter deeper in
    assert first_layer_filter(project.graph, model, "pool1", 0, 1, 1) is None


def test_the_reverse_correlation_lesson():
    """Measured after 15 epochs, seeds 0–2: conv1 units at (3, 4) 0.976–0.988, relu1 0.956–0.987."""
    from core.probes.activations import _reverse
    from core.train.trainer import Trainer

    project = load_project(LESSONS / "reverse_correlation.json")
    assert project.view == "activations" and "0.98–0.99" in project.description
    trainer = Trainer(project)
    list(trainer.train())
    for node, least in (("conv1", 0.95), ("relu1", 0.93)):
        found = [_reverse(trainer, node, channel, 3, 4) for channel in range(16)]
        assert all(r.filter is not None and r.correlation >= least for r in found), node
    assert _reverse(trainer, "conv2", 0, 1, 1).filter is None
