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


def test_each_weight_is_one_line_from_its_input_to_its_unit_in_its_signs_colour_and_sizes_width(qtbot):
    from gui.views.dashboard.neurons import UNIT, WIDTH_LEVELS

    view = NeuronView()
    qtbot.addWidget(view)
    view.set_network([("fc1", "act1"), ("fc2", "fc2")], [3, 2], (-1.0, 1.0, -1.0, 1.0))
    weights = {
        "fc1": np.array([[1.0, -0.1], [-0.5, 0.3], [0.0, -1.0]]),
        "fc2": np.array([[0.2, -0.7, 1.0], [0.9, 0.0, -0.4]]),
    }
    planes = np.stack([np.linspace(-2, 1, 28 * 28).reshape(28, 28)] * 3)  # a unit's output over the plane
    view.show_snapshot({"act1": planes, "fc2": planes[:2]}, weights)
    drawn = {}
    for bucket, line in enumerate(view.lines):
        x, y = line.getData() if line.getData()[0] is not None else (np.empty(0), np.empty(0))
        for start, end in zip(np.c_[x, y][0::2], np.c_[x, y][1::2], strict=True):
            drawn[tuple(start), tuple(end)] = bucket
    expected = {}
    for c, name in enumerate(("fc1", "fc2")):
        w = weights[name]
        for o, i in np.ndindex(w.shape):
            start = tuple(view.positions[c][i] + (UNIT, UNIT / 2))
            end = tuple(view.positions[c + 1][o] + (0, UNIT / 2))
            level = min(int(abs(w[o, i]) / 1.0 * WIDTH_LEVELS), WIDTH_LEVELS - 1)  # the largest weight is 1
            expected[start, end] = level + (0 if w[o, i] >= 0 else WIDTH_LEVELS)
    assert drawn == expected
    image = view.images["act1"][0]
    image.render()  # as when painted
    top_left, bottom_left = image.qimage.pixelColor(0, 0).getRgb(), image.qimage.pixelColor(0, 27).getRgb()
    assert top_left[2] > top_left[0]  # the top (y max), positive: blue
    assert bottom_left[0] > bottom_left[2]  # the bottom, negative: orange
