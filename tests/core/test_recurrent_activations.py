"""Recurrent layers in the Activations view's probe: their states are histogrammed, their units are
the state's units (not its steps), and a tanh state saturates like a tanh layer."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.network.graph import Graph
from core.probes.activations import BINS, SATURATION_MARGIN, SATURATION_SHARE, ActivationsProbe, probed_layers
from core.project import Project, load_project
from core.train.trainer import Trainer
from core.train_config import TrainConfig


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def direct_saturation(states: np.ndarray) -> float:
    """Share of units within the margin of ±1 for more than the share of all (sample, step) values."""
    units = states.reshape(-1, states.shape[-1])
    near = (units + 1 < SATURATION_MARGIN) | (1 - units < SATURATION_MARGIN)
    return float((near.mean(0) > SATURATION_SHARE).mean())


def test_a_recurrent_layers_states_are_histogrammed_with_their_saturation():
    trainer = Trainer(load_project(LESSONS / "adding_rnn.json"), device="cpu")
    for _ in range(600):
        trainer.step()
    assert probed_layers(trainer.project.graph, trainer.model) == ["rnn", "fc"]
    result = ActivationsProbe(trainer).compute(samples=256)
    rnn = result.layers[0]
    assert (rnn.node, rnn.kind, rnn.units, rnn.shape) == ("rnn", "RNN", 32, (32,))
    trainer.model.eval()
    with torch.no_grad():
        _, taps = trainer.model(trainer.x_train[:256], taps=["rnn"])
    states = taps["rnn"].double().numpy()
    counts = np.histogram(states.ravel(), BINS, (rnn.edges[0], rnn.edges[-1]))[0]
    np.testing.assert_array_equal(rnn.counts, counts)
    assert rnn.saturated == pytest.approx(direct_saturation(states))
    assert rnn.saturated > 0.1  # its states pile up at ±1: 0 at the start, 0.16 after 600 steps (seed 0)
    assert rnn.dead is None


def test_every_steps_state_counts_and_the_units_are_the_states():
    g = Graph()
    g.add_node("Input", "x", {"shape": [10, 2]})
    g.add_node("LSTM", "rnn", {"hidden_size": 6, "num_layers": 1, "output": "all"})
    g.add_node("Flatten", "flat", {})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    for a, b in (("x", "rnn"), ("rnn", "flat"), ("flat", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    trainer = Trainer(Project(g, "adding", {"n_samples": 100, "steps": 10}, TrainConfig()), device="cpu")
    layer = ActivationsProbe(trainer).compute(samples=50).layers[0]
    assert (layer.node, layer.units, layer.shape) == ("rnn", 6, (10, 6))
    assert layer.counts.sum() == 50 * 10 * 6
    trainer.model.eval()
    with torch.no_grad():
        _, taps = trainer.model(trainer.x_train[:50], taps=["rnn"])
    assert layer.saturated == pytest.approx(direct_saturation(taps["rnn"].double().numpy()))
