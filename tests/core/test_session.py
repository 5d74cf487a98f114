"""The session behind the dashboard: snapshots carry every step once, evaluations at epoch ends,
and probes that equal the model's own outputs."""

import numpy as np
import torch
from conftest import LESSONS

from core.probes.plane import decision_surface, grid_points, neuron_columns
from core.project import load_project
from core.run.session import Session


def spiral_session():
    return Session(load_project(LESSONS / "spiral_mlp.json"))


def test_snapshots_carry_each_step_once_and_evaluate_at_epoch_ends():
    session = spiral_session()
    per_epoch = session.trainer.steps_per_epoch
    for _ in range(per_epoch + 3):
        session.step()
    first = session.snapshot(probes=False)
    assert first.steps.tolist() == list(range(1, per_epoch + 4)) and len(first.losses) == per_epoch + 3
    assert [r.epoch for r in first.evaluations] == [1] and first.evaluations[0].step == per_epoch
    session.step()
    second = session.snapshot(probes=False)
    assert second.steps.tolist() == [per_epoch + 4] and second.evaluations == []


def test_the_surface_is_the_models_output_over_the_plane():
    session = spiral_session()
    for _ in range(50):
        session.step()
    shot = session.snapshot(probes=True)
    model = session.trainer.model
    model.eval()
    with torch.no_grad():
        probs = torch.softmax(model(torch.as_tensor(grid_points(shot.surface.bounds, 64))), 1)[:, 1]
    assert shot.surface.kind == "probability"
    assert np.allclose(shot.surface.values, probs.numpy().reshape(64, 64), atol=1e-6)


def test_neuron_surfaces_are_each_units_output():
    session = spiral_session()
    shot = session.snapshot(probes=True)
    assert shot.columns == [("fc1", "act1"), ("fc2", "act2"), ("fc3", "fc3")]
    model = session.trainer.model
    with torch.no_grad():
        _, taps = model(torch.as_tensor(grid_points(shot.surface.bounds, 28)), taps=["act1"])
    assert np.allclose(shot.neurons["act1"][5], taps["act1"][:, 5].numpy().reshape(28, 28), atol=1e-6)
    assert np.array_equal(shot.weights["fc2"], model.layer("fc2").weight.detach().numpy())


def test_multi_class_and_regression_surfaces():
    project = load_project(LESSONS / "spiral_mlp.json")
    project.set_dataset("spiral", {"classes": 3})
    project.graph.set_param("fc3", "out_features", 3)
    surface = Session(project).snapshot(probes=True).surface
    assert surface.kind == "classes" and set(np.unique(surface.values)) <= {0, 1, 2}
    assert ((surface.confidence >= 1 / 3 - 1e-6) & (surface.confidence <= 1)).all()
    project.set_dataset("plane", {})
    project.graph.set_param("fc3", "out_features", 1)
    project.graph.set_param("out", "loss", "mse")
    assert Session(project).snapshot(probes=True).surface.kind == "value"


def test_wide_or_image_networks_get_no_neuron_view():
    cnn = Session(load_project(LESSONS / "digits_cnn.json"))
    assert cnn.columns == [] and cnn.snapshot(probes=True).neurons is None
    project = load_project(LESSONS / "spiral_mlp.json")
    project.graph.set_param("fc1", "out_features", 40)
    assert neuron_columns(project.graph, Session(project).trainer.model) == []


def test_run_again_after_the_last_epoch_trains_as_many_epochs_again():
    project = load_project(LESSONS / "perceptron.json")
    project.training = project.training.replace(epochs=2)
    session = Session(project)
    while not session.finished:
        session.step()
    assert session.trainer.epoch == 2
    session.extend()
    assert not session.finished and session.last_epoch == 4


def test_decision_surface_for_a_single_output_unit():
    session = Session(load_project(LESSONS / "perceptron.json"))
    surface = decision_surface(session.trainer.model, (-1, 1, -1, 1), 8, "mse", 2)
    assert surface.kind == "probability" and set(np.unique(surface.values)) <= {0.0, 1.0}


def test_fast_epochs_are_evaluated_at_most_every_interval_and_always_at_the_end(monkeypatch):
    clock = iter(range(1_000_000))
    monkeypatch.setattr("core.run.session.time.perf_counter", lambda: next(clock) * 0.001)  # 1 ms per call
    project = load_project(LESSONS / "perceptron.json")
    project.training = project.training.replace(epochs=6)
    session = Session(project)
    while not session.finished:
        session.step()
    epochs = [r.epoch for r in session.records]
    assert epochs[0] == 1 and epochs[-1] == 6 and len(epochs) < 6  # the clock ran slower than the epochs
    assert all(b > a for a, b in zip(epochs, epochs[1:], strict=False))
