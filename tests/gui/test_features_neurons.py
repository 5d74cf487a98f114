"""The neuron view draws a Features node's columns as the network's inputs, over the plane."""

import numpy as np
from conftest import LESSONS

from core.probes.plane import NeuronsProbe, grid_points
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.dashboard.neurons import NeuronView


def test_the_features_are_the_input_column(qtbot):
    trainer = Trainer(load_project(LESSONS / "features_circle.json"))
    trainer.step()
    neurons = NeuronsProbe(trainer).compute()
    assert neurons.inputs == "features" and neurons.input_names == ("x²", "y²")
    planes = neurons.surfaces["features"]
    points = grid_points(neurons.bounds, planes.shape[1])
    assert np.allclose(planes[0], (points[:, 0] ** 2).reshape(planes.shape[1:]), atol=1e-5)  # x² over the plane
    assert np.allclose(planes[1], (points[:, 1] ** 2).reshape(planes.shape[1:]), atol=1e-5)  # y²
    view = NeuronView()
    qtbot.addWidget(view)
    view.show_neurons(neurons)
    assert view.column_names[0] == "x², y²" and len(view.images["inputs"]) == 2
    assert len(view.positions[0]) == 2 and view.columns == [("linear", "linear")]
