"""Loss landscapes: the numbers against direct evaluations, the verb's files, the view's compute."""

import copy
import subprocess
import sys

import numpy as np
import pytest
import torch
from conftest import LESSONS, ROOT
from PySide6.QtCore import Qt

import main
from core.cli.main import main as cli
from core.data.catalog import load_dataset
from core.landscape.batch import trainable
from core.landscape.grid import (
    LINE_ALPHAS,
    LandscapeJob,
    filter_normalized,
    grid_strides,
    pca_plane,
    progressive_grid,
)
from core.landscape.probe import MAX_SNAPSHOTS, TrajectoryRecorder
from core.network.graph import Graph
from core.project import Project, load_project
from core.run.session import Session
from core.train.trainer import Trainer


def trained(lesson="spiral_mlp.json", steps=40, project=None):
    project = project or load_project(LESSONS / lesson)
    trainer = Trainer(project, device="cpu")
    recorder = TrajectoryRecorder(trainer)
    trainer.after_step.append(recorder)
    for _ in range(steps):
        trainer.step()
    weights = {k: v.numpy().copy() for k, v in trainer.model.state_dict().items()}
    return project, trainer, weights, recorder


def direct_loss(job, flat):
    """The plain way: load the weights into a copy of the model and run the evaluation set."""
    model = copy.deepcopy(job.model)
    torch.nn.utils.vector_to_parameters(torch.as_tensor(flat, dtype=torch.float32), [p for _, p in trainable(model)])
    model.eval()
    with torch.no_grad():
        return job.loss_fn(model(job.x), job.y).item()


def norm_and_dropout_project():
    """Flatten → Linear (wide enough for the first-layer shortcut) → BatchNorm → Tanh → Dropout → Linear."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Flatten", "flat")
    g.add_node("Linear", "fc1", {"out_features": 16})
    g.add_node("BatchNorm", "bn")
    g.add_node("Tanh", "act")
    g.add_node("Dropout", "drop", {"p": 0.3})
    g.add_node("Linear", "fc2", {"out_features": 10})
    g.add_node("Output", "out", {"loss": "cross_entropy"})
    for a, b in (("x", "flat"), ("flat", "fc1"), ("fc1", "bn"), ("bn", "act"), ("act", "drop"), ("drop", "fc2")):
        g.add_edge(a, b)
    g.add_edge("fc2", "out")
    return Project(g, "digits", {})


def residual_project():
    """A skip connection: fc1 feeds both relu1 and the Add, so relu1 may not overwrite it in place."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [2]})
    for name, kind, params in (("fc1", "Linear", {"out_features": 8}), ("relu1", "ReLU", {})):
        g.add_node(kind, name, params)
    g.add_node("Linear", "fc2", {"out_features": 8})
    g.add_node("Add", "add", {"inputs": 2})
    g.add_node("ReLU", "relu2")
    g.add_node("Linear", "fc3", {"out_features": 2})
    g.add_node("Output", "out", {"loss": "cross_entropy"})
    for a, b in (("x", "fc1"), ("fc1", "relu1"), ("relu1", "fc2"), ("fc1", "add"), ("add", "relu2")):
        g.add_edge(a, b)
    g.add_edge("fc2", "add", 1)
    g.add_edge("relu2", "fc3")
    g.add_edge("fc3", "out")
    return Project(g, "moons", {})


def test_the_landscape_at_the_origin_is_the_models_current_loss():
    project, trainer, weights, recorder = trained()
    job = LandscapeJob(project, trainer.data, weights, recorder.trajectory(), trainer.step_count)
    assert len(job.x) == len(trainer.x_train)  # the spiral's 420 samples are all in the evaluation set
    assert job.centre_loss == pytest.approx(trainer.evaluate()["train_loss"], rel=1e-6)
    last = list(job.grid(5))[-1]
    assert last.values[2, 2] == pytest.approx(job.centre_loss, rel=1e-6)


def test_filter_normalisation_gives_each_filter_the_norm_of_its_weights():
    project = load_project(LESSONS / "digits_cnn.json")
    trainer = Trainer(project, device="cpu")
    direction = filter_normalized(trainer.model, torch.Generator().manual_seed(3))
    offset = 0
    for name, p in trainable(trainer.model):
        part = direction[offset : offset + p.numel()].reshape(p.shape)
        offset += p.numel()
        if p.dim() == 1:
            assert not part.any(), name  # biases stay put, as Li et al. do
        else:
            rows = len(p)  # a conv's output channels, a Linear's output units
            want = p.detach().reshape(rows, -1).norm(dim=1)
            assert torch.allclose(part.reshape(rows, -1).norm(dim=1), want, rtol=1e-5), name
            assert not torch.allclose(part, p.detach())  # a random direction, not the weights
    assert offset == len(direction)


@pytest.mark.parametrize("which", ["spiral MLP", "digits CNN", "batch norm and dropout", "skip connection"])
def test_the_progressive_grid_equals_a_direct_evaluation_and_computes_each_point_once(which):
    setups = {
        "spiral MLP": lambda: trained(steps=30),
        "digits CNN": lambda: trained("digits_cnn.json", steps=15),
        "batch norm and dropout": lambda: trained(project=norm_and_dropout_project(), steps=15),
        "skip connection": lambda: trained(project=residual_project(), steps=15),
    }
    project, trainer, weights, recorder = setups[which]()
    job = LandscapeJob(project, trainer.data, weights, directions="random", seed=2, samples=200)
    evaluated = []

    def evaluate(points):
        evaluated.extend(map(tuple, points))
        return job.loss(points)

    updates = list(progressive_grid(evaluate, job.bounds(), 9, chunk=7))
    assert len(evaluated) == len(set(evaluated)) == 81
    assert [u.stride for u in updates if u.done == u.total] == [1]
    first = next(u for u in updates if u.stride)
    assert first.stride == 2 and not np.isnan(first.values[::2, ::2]).any()
    final = updates[-1]
    origin, (d1, d2) = job.plane.origin.numpy(), job.plane.directions.numpy()
    for i in range(0, 9, 2):
        for j in range(0, 9, 3):
            want = direct_loss(job, origin + final.xs[j] * d1 + final.ys[i] * d2)
            assert final.values[i, j] == pytest.approx(want, rel=2e-5, abs=1e-6)


def test_grid_strides_nest_coarse_to_fine():
    assert grid_strides(51) == [10, 5, 2, 1]
    assert grid_strides(33) == [4, 2, 1]
    assert grid_strides(9) == [2, 1] and grid_strides(2) == [1]
    cancelled = list(progressive_grid(lambda p: p[:, 0], (0, 1, 0, 1), 17, chunk=10, cancelled=lambda: True))
    assert cancelled == []


def test_pca_directions_are_orthonormal_and_project_the_path_onto_the_plane():
    rng = np.random.default_rng(0)
    origin = torch.as_tensor(rng.normal(size=40), dtype=torch.float32)
    path = origin.numpy() + rng.normal(size=(12, 40)) * np.linspace(3, 0.1, 40)  # most variance in a few weights
    plane = pca_plane(origin, path.astype(np.float32))
    d = plane.directions.double()
    assert torch.allclose(d @ d.T, torch.eye(2, dtype=torch.float64), atol=1e-5)
    from sklearn.decomposition import PCA

    offsets = np.vstack([path - origin.numpy(), np.zeros(40)])
    reference = PCA(2).fit(offsets)
    for mine, theirs in zip(d.numpy(), reference.components_, strict=True):
        assert abs(mine @ theirs) == pytest.approx(1, abs=1e-4)  # the same directions up to sign
    assert plane.explained == pytest.approx(tuple(reference.explained_variance_ratio_), rel=1e-4)
    on_plane = origin.numpy() + np.array([[0.5, -2.0], [3.0, 1.0]]) @ d.float().numpy()
    assert plane.coordinates(on_plane) == pytest.approx(np.array([[0.5, -2.0], [3.0, 1.0]]), abs=1e-4)
    assert plane.coordinates(path) == pytest.approx((path - origin.numpy()) @ d.numpy().T, abs=1e-4)


def test_the_line_runs_from_the_initial_to_the_final_loss():
    project, trainer, weights, recorder = trained(steps=60)
    job = LandscapeJob(project, trainer.data, weights, recorder.trajectory(), trainer.step_count, "pca")
    line = job.line()
    assert line[LINE_ALPHAS == 0][0] == pytest.approx(direct_loss(job, recorder.trajectory().weights[0]), rel=1e-5)
    assert line[LINE_ALPHAS == 1][0] == pytest.approx(job.centre_loss, rel=1e-5)
    assert job.path_xy[-1] == pytest.approx([0, 0], abs=1e-5)  # the path ends at the current weights
    assert job.path_steps[0] == 0 and job.path_steps[-1] == 60


def test_the_recorder_keeps_a_bounded_sample_of_the_whole_run():
    session = Session(load_project(LESSONS / "spiral_mlp.json"), device="cpu")
    for _ in range(300):
        session.step()
    steps = session.trajectory().steps
    assert steps[0] == 0 and len(steps) <= MAX_SNAPSHOTS and steps[-1] > 250 and (np.diff(steps) > 0).all()


def test_the_landscape_verb_writes_the_grid_and_a_picture(tmp_path, capsys):
    lesson = str(LESSONS / "spiral_landscape.json")
    assert cli(["train", lesson, "--epochs", "3", "--out", str(tmp_path / "run")]) == 0
    out = tmp_path / "land"
    args = ["landscape", lesson, "--weights", str(tmp_path / "run"), "--grid", "9", "--out", str(out)]
    assert main.main([*args, "--directions", "pca"]) == 0
    assert (
        "--weights RUN_DIR"
        in subprocess.run(
            [sys.executable, "main.py", "landscape", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
        ).stdout
    )
    saved = np.load(out / "landscape.npz")
    assert saved["values"].shape == (9, 9) and str(saved["kind"]) == "pca"
    assert saved["path_xy"].shape[1] == 2 and saved["line"].shape == LINE_ALPHAS.shape
    from PySide6.QtGui import QImage

    picture = QImage(str(out / "landscape.png"))
    assert picture.width() > 800 and picture.height() > 300
    capsys.readouterr()
    assert main.main(["landscape", lesson, "--weights", str(tmp_path / "nowhere"), "--out", str(out)]) == 1
    assert "no weights at" in capsys.readouterr().err
    other = str(LESSONS / "digits_cnn.json")
    assert main.main(["landscape", other, "--weights", str(tmp_path / "run"), "--out", str(out)]) == 1
    assert "the weights do not fit this network" in capsys.readouterr().err


def test_the_spiral_landscape_lesson_sits_in_a_valley_reached_by_a_descending_line(tmp_path):
    """What the lesson tells the student to look at (checked over seeds 0-3: the centre is the grid's
    minimum, the line falls all the way, two PCA directions hold ≥ 95% of the path)."""
    from core.run.saved import load_run, load_trajectory, read_metrics

    assert cli(["train", str(LESSONS / "spiral_landscape.json"), "--out", str(tmp_path)]) == 0
    project, weights = load_run(tmp_path)
    last = read_metrics(tmp_path / "metrics.csv")[-1]
    path = load_trajectory(tmp_path)
    job = LandscapeJob(project, None, weights, path, int(last["step"]), "random")
    assert job.centre_loss == pytest.approx(last["train_loss"], rel=1e-5)  # all 420 samples: the curves' loss
    assert list(job.grid(17))[-1].values.min() >= job.centre_loss * (1 - 1e-6)
    line = job.line()[(LINE_ALPHAS >= 0) & (LINE_ALPHAS <= 1)]
    assert np.diff(line).max() < 0 and line[-1] < line[0] / 5
    pca = LandscapeJob(project, None, weights, path, int(last["step"]), "pca")
    assert sum(pca.plane.explained) >= 0.9


# ---- the view ----------------------------------------------------------------------------------


@pytest.fixture
def view(qtbot):
    """The view, asking a training run (in a thread, so the test can read the model) for its landscapes."""
    from gui.training.controller import TrainingController
    from gui.views.landscape.view import LandscapeView

    controller = TrainingController()
    widget = LandscapeView()
    widget.use_controller(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 450)
    widget.show()
    yield widget
    controller.shutdown()
    assert controller.wait_stopped(20)  # no run outlives its test


def train(qtbot, view, lesson, steps):
    project = load_project(LESSONS / lesson)
    data = load_dataset(project.dataset, project.dataset_params)
    view.set_context(project, data)
    controller = view.controller
    controller.start(project, data)
    controller.step_once(steps)
    qtbot.waitUntil(lambda: controller.step == steps and controller.state == "paused", timeout=30000)
    return controller.worker.session


def test_the_view_shows_progress_and_cancel_leaves_no_stale_result(qtbot, view):
    assert not view.compute_button.isEnabled()  # no model yet
    view.grid.setCurrentIndex(view.grid.findData(101))
    train(qtbot, view, "digits_cnn.json", 5)
    view.quiet.stop()  # press Compute before the view would by itself
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    assert view.busy() and view.progress.isVisible()
    qtbot.waitUntil(lambda: view.picture is not None, timeout=20000)  # the coarse grid, long before the last
    assert view.progress.value() < 101 * 101 and view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    shown, image = view.picture, view.image.image.copy()
    assert not view.busy() and not view.progress.isVisible()
    qtbot.wait(500)  # anything the run still sends for the cancelled request is dropped
    assert view.picture is shown and np.array_equal(view.image.image, image)
    view.controller.step_once(1)  # the run obeyed Cancel: it trains again at once
    qtbot.waitUntil(lambda: view.controller.step == 6, timeout=10000)


def test_a_completed_compute_draws_the_cores_grid(qtbot, view):
    view.grid.setCurrentIndex(view.grid.findData(17))
    session = train(qtbot, view, "spiral_mlp.json", 50)  # a trained model that goes quiet gets its landscape
    assert view.busy()
    qtbot.waitUntil(lambda: not view.busy(), timeout=20000)
    result = view.picture.result
    t = session.trainer
    weights = {k: v.detach().numpy().copy() for k, v in t.model.state_dict().items()}
    trajectory = session.trajectory()
    job = LandscapeJob(t.project, t.data, weights, trajectory, t.step_count)
    expected = list(job.grid(17))[-1].values
    assert result.values == pytest.approx(expected, rel=1e-6)
    assert np.allclose(view.image.image, np.log10(expected), atol=1e-6)
    assert result.line is not None and result.step == 50
    assert "loss at the centre" in view.status.text()


def test_in_the_window_the_landscape_is_computed_by_the_training_process(window, qtbot):
    from gui.training.worker import ProcessWorker

    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    view = window.show_view("landscape")
    view.grid.setCurrentIndex(view.grid.findData(17))
    assert window.run_controls._ensure_started()
    window.run_controls.controller.step_once(30)  # a trained model that goes quiet gets its landscape
    qtbot.waitUntil(lambda: view.picture is not None and not view.busy(), timeout=60000)
    assert isinstance(window.run_controls.controller.worker, ProcessWorker)
    result = view.picture.result
    assert result.step == 30 and result.values.shape == (17, 17) and result.kind == "random"
    view.directions.setCurrentIndex(view.directions.findData("pca"))  # a new setting computes again
    assert view.busy()
    qtbot.waitUntil(lambda: not view.busy(), timeout=30000)
    assert view.picture.result.kind == "pca" and view.picture.result.path_xy is not None


def landscape_after_30_steps(window, qtbot):
    """The XOR lesson's 17×17 landscape, drawn for its model after 30 steps."""
    window.files.open_lesson(LESSONS / "hidden_lines.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    view = window.show_view("landscape")
    view.grid.setCurrentIndex(view.grid.findData(17))
    controller = window.run_controls.controller
    assert window.run_controls._ensure_started()
    controller.step_once(30)
    qtbot.waitUntil(lambda: view.picture is not None and not view.busy(), timeout=60000)
    return view, controller


def test_a_new_model_from_pretraining_or_reset_clears_the_landscape_of_the_model_before(window_thread, qtbot):
    """The generation rule: the surface around the weights before pretraining (or before Reset) is
    not the surface of the model now on screen, so it goes (the data stays the same object)."""
    window = window_thread
    view, controller = landscape_after_30_steps(window, qtbot)
    first = controller.generation
    assert window.pretrain.begin(2)
    qtbot.waitUntil(lambda: not window.pretrain.busy and controller.state == "paused", timeout=30000)
    assert controller.generation > first
    assert view.picture is None and not view.splitter.isVisible()
    controller.step_once(30)
    qtbot.waitUntil(lambda: view.picture is not None and not view.busy(), timeout=60000)
    assert view.picture.result.step == 30
    window.run_controls.reset()
    assert view.picture is None and not view.busy()
    assert "30" not in view.status.text()  # not "model at step 30": that model is gone


def test_a_weight_set_by_hand_replaces_the_landscape_around_the_weights_before(window_thread, qtbot):
    """The Neurons view changes the model without a step: the surface around the old weights (its
    centre's loss, the old model's) goes, and the landscape of the changed model comes instead."""
    window = window_thread
    view, controller = landscape_after_30_steps(window, qtbot)
    before = view.picture
    done = []
    controller.parameter_set.connect(done.append)
    assert controller.set_parameter("lines", "weight", (0, 0), 5.0)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert view.picture is None or view.picture is not before
    qtbot.waitUntil(lambda: view.picture is not None and not view.busy(), timeout=60000)
    assert view.picture.result.centre_loss != before.result.centre_loss
    assert view.picture.result.centre_loss == pytest.approx(
        controller.worker.session.trainer.evaluate(limit=512)["train_loss"], rel=0.2
    )
