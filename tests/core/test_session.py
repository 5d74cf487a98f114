"""The session behind the views: snapshots carry every step once, evaluations at epoch ends,
the dashboard's probes at their own pace, and probes that equal the model's own outputs."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.probes.plane import BoundaryProbe, decision_surface, grid_points, neuron_columns
from core.probes.registry import ProbeFailed
from core.project import load_project
from core.run.session import Session


def spiral_session():
    return Session(load_project(LESSONS / "spiral_mlp.json"))


def plane_probes(session):
    """The dashboard's probes, as the visible dashboard asks for them, from a forced snapshot."""
    session.set_views({"boundary": {}, "neurons": {}})
    insights = session.snapshot(probes=True).insights
    return insights["boundary"], insights["neurons"]


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
    surface, _ = plane_probes(session)
    model = session.trainer.model
    model.eval()
    with torch.no_grad():
        probs = torch.softmax(model(torch.as_tensor(grid_points(surface.bounds, 64))), 1)[:, 1]
    assert surface.kind == "probability"
    assert np.allclose(surface.values, probs.numpy().reshape(64, 64), atol=1e-6)


def test_neuron_surfaces_are_each_units_output():
    session = spiral_session()
    _, neurons = plane_probes(session)
    assert neurons.columns == [("fc1", "act1"), ("fc2", "act2"), ("fc3", "fc3")]
    model = session.trainer.model
    with torch.no_grad():
        _, taps = model(torch.as_tensor(grid_points(neurons.bounds, 28)), taps=["act1"])
    assert np.allclose(neurons.surfaces["act1"][5], taps["act1"][:, 5].numpy().reshape(28, 28), atol=1e-6)
    assert np.array_equal(neurons.weights["fc2"], model.layer("fc2").weight.detach().numpy())


def test_multi_class_and_regression_surfaces():
    project = load_project(LESSONS / "spiral_mlp.json")
    project.set_dataset("spiral", {"classes": 3})
    project.graph.set_param("fc3", "out_features", 3)
    surface, _ = plane_probes(Session(project))
    assert surface.kind == "classes" and set(np.unique(surface.values)) <= {0, 1, 2}
    assert ((surface.confidence >= 1 / 3 - 1e-6) & (surface.confidence <= 1)).all()
    project.set_dataset("plane", {})
    project.graph.set_param("fc3", "out_features", 1)
    project.graph.set_param("out", "loss", "mse")
    assert plane_probes(Session(project))[0].kind == "value"


def test_wide_or_image_networks_get_no_neuron_view():
    cnn = Session(load_project(LESSONS / "digits_cnn.json"))
    boundary, neurons = plane_probes(cnn)
    assert isinstance(neurons, ProbeFailed) and "2-D inputs" in neurons.message
    assert isinstance(boundary, ProbeFailed) and "2-D inputs" in boundary.message
    project = load_project(LESSONS / "spiral_mlp.json")
    project.graph.set_param("fc1", "out_features", 40)
    assert neuron_columns(project.graph, Session(project).trainer.model) == []
    _, neurons = plane_probes(Session(project))
    assert neurons.columns == [] and neurons.surfaces == {}


def test_the_dashboards_probes_come_at_their_interval_the_views_at_the_stride(monkeypatch):
    now = [0.0]
    monkeypatch.setattr("core.run.session.time.perf_counter", lambda: now[0])  # the time stands still
    monkeypatch.setattr(BoundaryProbe, "interval", 0.5)  # so that half intervals add up exactly
    session = spiral_session()
    session.stride = 10
    session.set_views({"boundary": {}, "folding": {}})
    assert session.snapshot().insights.keys() == {"boundary", "folding"}  # a view just opened: all of them
    arrived = []
    for step in range(1, 21):
        session.step()
        now[0] += 0.25
        shot = session.snapshot()
        arrived.append((step, sorted(shot.insights or {})))
    assert [step for step, names in arrived if "boundary" in names] == list(range(2, 21, 2))
    assert [step for step, names in arrived if "folding" in names] == [10, 20]
    assert session.snapshot(probes=True).insights is None  # nothing changed since: nothing computed
    session.step()
    assert session.snapshot(probes=False).insights is None
    assert session.snapshot(probes=True).insights.keys() == {"boundary", "folding"}


def test_probes_record_while_wanted_and_the_path_from_the_start():
    session = spiral_session()
    for _ in range(3):
        session.step()
    session.set_views({"gradients": {}})
    gradients = session.probes["gradients"]
    gradients.share = None  # record every step, whatever it costs
    for _ in range(2):
        session.step()
    session.set_views({})
    session.step()
    session.set_views({"gradients": {}})
    session.step()
    assert gradients.compute().steps.tolist() == [4, 5, 7]  # not while its view was closed
    assert session.probe("gradients") is gradients  # one per session
    assert session.trajectory().steps.tolist() == list(range(8))  # recorded from the initial weights


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


def test_every_epoch_is_evaluated_and_its_time_leaves_pauses_out(monkeypatch):
    clock = iter(range(1_000_000))
    monkeypatch.setattr("core.run.session.time.perf_counter", lambda: next(clock) * 0.001)  # 1 ms per call
    project = load_project(LESSONS / "perceptron.json")
    project.training = project.training.replace(epochs=6)
    session = Session(project)
    steps = 0
    while not session.finished:
        session.step()
        steps += 1
        if steps == 2:
            for _ in range(5000):  # a pause of 5 s: the clock runs on, no step is taken
                next(clock)
    assert [r.epoch for r in session.records] == [1, 2, 3, 4, 5, 6]  # one evaluation, one row, per epoch
    per_epoch = steps // 6
    assert all(r.seconds == pytest.approx(0.001 * per_epoch) for r in session.records)  # 1 ms a step, no pause


def test_a_large_set_is_evaluated_on_the_same_fixed_subsample_every_epoch():
    from core.train_config import EVALUATION_SAMPLES

    session = Session(load_project(LESSONS / "spiral_mlp.json"))
    trainer = session.trainer
    whole = trainer.evaluate()
    assert trainer.evaluate(limit=len(trainer.x_train)) == whole  # a set no larger than the limit: all of it
    few = trainer.evaluate(limit=50)
    assert few == trainer.evaluate(limit=50) and few != whole  # the same 50 samples each time
    assert EVALUATION_SAMPLES >= 1000


def test_at_full_speed_a_views_probes_come_at_most_ten_times_a_second(monkeypatch):
    """However small the stride and cheap the probe: the window draws no more pictures than that."""
    from core.run.session import PICTURE_RATE

    now = [0.0]
    monkeypatch.setattr("core.run.session.time.perf_counter", lambda: now[0])
    session = spiral_session()
    session.stride = 1
    session.set_views({"folding": {}})
    session.snapshot()
    arrived = []
    for step in range(1, 41):
        session.step()
        now[0] += 0.01  # 100 steps a second
        if (session.snapshot().insights or {}).get("folding") is not None:
            arrived.append(step)
    assert len(arrived) == 3 and all(b - a >= 100 / PICTURE_RATE for a, b in zip(arrived, arrived[1:], strict=False))
    assert "folding" in session.snapshot(probes=True).insights  # a pause or a step still shows the model now
