"""Shifts (course 004 §9.2–9.3): a convolution's maps move with the input exactly, away from the
border; the feature-map probe moves its sample on request and reports the class probabilities."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.convolution.equivariance import shift_report
from core.convolution.receptive import map_step
from core.data.transforms import shifted
from core.project import load_project
from core.run.session import Session
from core.train.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def placed():
    """The 'Convolution holds up' CNN after 30 steps."""
    trainer = Trainer(load_project(LESSONS / "cnn_shifted.json"))
    for _ in range(30):
        trainer.step()
    return trainer


@pytest.mark.parametrize(("down", "right"), [(0, 1), (1, 0), (2, 2), (-1, 3), (-4, -4)])
def test_conv_maps_move_with_the_input_exactly_away_from_the_border(placed, down, right):
    graph = placed.project.graph
    placed.model.train()
    nodes = ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "conv3"]
    assert [map_step(graph, n) for n in nodes] == [1, 1, 2, 2, 2, 4, 4]
    for image in placed.data.x_test[:4]:
        reports = {r.node: r for r in shift_report(graph, placed.model, image, down, right, nodes)}
        for node in ("conv1", "relu1"):
            assert reports[node].compared >= 100
            assert reports[node].moved_difference <= 1e-6
            assert reports[node].changed_share > 0  # in place, the detectors see something else
        assert placed.model.training  # measuring left training as it was
        even = down % 2 == 0 and right % 2 == 0
        assert (reports["pool1"].moved_difference is not None) == even  # a move of whole pooled cells only
        if even:
            assert reports["pool1"].moved_difference <= 1e-6


def test_the_report_finds_a_map_that_does_not_move_with_its_input(placed):
    """The comparison can fail: a map computed from a different image does not match."""
    graph, model = placed.project.graph, placed.model
    image = placed.data.x_test[0]
    honest = shift_report(graph, model, image, 0, 2, ["conv1"])[0]
    assert honest.moved_difference <= 1e-6
    other = shifted(placed.data.x_test[1], 0, 2)
    x = np.stack([image, other]).astype(np.float32)
    with torch.inference_mode():
        _, taps = model(torch.as_tensor(x), taps=["conv1"])
    before, after = taps["conv1"][0].numpy(), taps["conv1"][1].numpy()
    assert np.abs(after[:, 4:12, 6:12] - before[:, 4:12, 4:10]).max() > 1e-3


def test_the_feature_map_probe_moves_its_sample():
    session = Session(load_project(LESSONS / "cnn_shifted.json"))
    session.step()
    trainer = session.trainer
    probe = session.probe("feature_maps")
    plain, moved = probe.compute(sample=3), probe.compute(sample=3, down=1, right=-2)
    np.testing.assert_array_equal(moved.image, shifted(plain.image, 1, -2))
    assert moved.shift == (1, -2) and plain.shift == (0, 0)
    model = trainer.model
    model.eval()
    with torch.inference_mode():
        out, taps = model(torch.as_tensor(moved.image[None]), taps=["conv1"])
    np.testing.assert_allclose(moved.layers[0].maps, taps["conv1"][0].numpy(), atol=1e-6)
    probabilities = torch.softmax(out, 1)[0].numpy()
    np.testing.assert_allclose(moved.probabilities, probabilities, atol=1e-6)
    assert moved.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    assert moved.predicted == trainer.data.class_names[int(probabilities.argmax())]
    with pytest.raises(ValueError, match="out of view"):
        probe.compute(sample=0, down=16)
