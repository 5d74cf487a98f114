"""Weights as images and the confusion matrix: the probes against the model, the views against the
probes (with real clicks), and the two lessons of course 001 they serve."""

import numpy as np
import pytest
from conftest import LESSONS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from core.data.catalog import Data
from core.network.graph import Graph
from core.probes.registry import ProbeFailed
from core.project import Project, load_project
from core.run.session import Session
from core.train.trainer import Trainer
from core.train_config import TrainConfig


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """Tiny networks: a second intra-op thread only spins against the other processes on 2 cores."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def chain(*layers):
    """A graph from (kind, id, params) in order, each wired to the next."""
    g = Graph()
    for kind, node_id, params in layers:
        g.add_node(kind, node_id, params)
    for (_, a, _), (_, b, _) in zip(layers, layers[1:], strict=False):
        g.add_edge(a, b)
    return g


def trained(lesson: str, epochs: int | None = None) -> Session:
    project = load_project(LESSONS / f"{lesson}.json")
    if epochs is not None:
        project.training = project.training.replace(epochs=epochs)
    session = Session(project)
    list(session.trainer.train())
    return session


@pytest.fixture(scope="module")
def hidden():
    return trained("hidden_parts", epochs=3)


@pytest.fixture(scope="module")
def templates():
    return trained("digit_templates", epochs=3)


def click(plot, x: float, y: float) -> None:
    """A real left click at view coordinates (x, y) of a pyqtgraph plot."""
    target = plot.getViewBox().mapViewToScene(QPointF(x, y))
    QTest.mouseClick(
        plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, plot.mapFromScene(target)
    )


def shown(qtbot, view, insights):
    qtbot.addWidget(view)
    view.resize(1400, 560)
    view.show()
    qtbot.waitExposed(view)
    view.show_insights(insights)
    qtbot.wait(20)  # let the layout settle before reading positions
    return view


def tile(grid, k: int) -> np.ndarray:
    """Tile k of a TileGrid, cut out of its one image."""
    h, w = grid.tile_size
    x, y = grid.origins[k].astype(int)
    return grid.image.image[y : y + h, x : x + w]


# ---- the weights probe -------------------------------------------------------------------------


def test_unit_images_are_rows_of_the_weight_matrix_and_bars_the_next_layers_columns(hidden):
    result = hidden.probe("weights").compute()
    model = hidden.trainer.model
    w1 = model.layer("fc1").weight.detach().numpy()
    w2 = model.layer("fc2").weight.detach().numpy()
    assert result.layers == ["fc1", "fc2"] and result.layer == "fc1" and result.is_image
    assert result.weights.shape == (10, 1, 8, 8)
    for k in range(10):
        assert np.array_equal(result.weights[k], w1[k].reshape(1, 8, 8))
    assert result.next_layer == "fc2"
    for j in range(10):  # the bars over hidden unit j are fc2's column j
        assert np.array_equal(result.next_weights[:, j], w2[:, j])
    assert result.unit_names == [f"h{k}" for k in range(10)]
    assert result.next_names == [str(d) for d in range(10)]


def test_a_layer_that_does_not_see_the_image_is_a_matrix_and_errors_are_clear(hidden):
    second = hidden.probe("weights").compute(layer="fc2")
    assert not second.is_image and second.next_layer is None
    assert np.array_equal(second.weights, hidden.trainer.model.layer("fc2").weight.detach().numpy())
    assert second.unit_names == [str(d) for d in range(10)]  # the output layer's units are the classes
    with pytest.raises(ValueError, match="no Linear layer called 'fc9'"):
        hidden.probe("weights").compute(layer="fc9")
    conv_only = chain(
        ("Input", "x", {"shape": [1, 8, 8]}),
        ("Conv2d", "conv", {"out_channels": 10, "kernel_size": 8}),
        ("Flatten", "flat", {}),
        ("Output", "out", {"loss": "cross_entropy"}),
    )
    with pytest.raises(ValueError, match="no Linear layer"):
        Session(Project(conv_only, "digits", {}, TrainConfig())).probe("weights").compute()


def colour_data() -> Data:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3, 4, 5)).astype(np.float32)
    y = (x[:, 0].mean((1, 2)) > 0).astype(np.int64)
    return Data("colour", x[:40], y[:40], x[40:], y[40:], (3, 4, 5), 2, ["dark", "red"])


def colour_session() -> Session:
    graph = chain(
        ("Input", "x", {"shape": [3, 4, 5]}),
        ("Flatten", "flat", {}),
        ("Linear", "fc", {"out_features": 2}),
        ("Output", "out", {"loss": "cross_entropy"}),
    )
    return Session(Project(graph, "digits", {}, TrainConfig()), data=colour_data())


def test_colour_images_keep_their_channels():
    session = colour_session()
    result = session.probe("weights").compute()
    w = session.trainer.model.layer("fc").weight.detach().numpy()
    assert result.weights.shape == (2, 3, 4, 5) and np.array_equal(result.weights[1], w[1].reshape(3, 4, 5))
    assert result.unit_names == ["dark", "red"]


# ---- the confusion probe -----------------------------------------------------------------------


def test_the_confusion_matrix_counts_the_test_set_and_its_trace_is_the_accuracy(templates):
    result = templates.probe("confusion").compute()
    data = templates.trainer.data
    assert result.probabilities.dtype == np.float32 and result.probabilities.shape == (len(data.y_test), 10)
    assert np.allclose(result.probabilities.sum(1), 1, atol=1e-5)
    assert np.array_equal(result.matrix.sum(1), np.bincount(data.y_test, minlength=10))
    assert result.accuracy == pytest.approx(templates.trainer.evaluate()["test_acc"], abs=1e-6)
    assert templates.probe("confusion").compute() is result  # no step since: the same result, not a second pass


def test_a_cell_lists_exactly_its_samples_most_confident_first(templates):
    result = templates.probe("confusion").compute()
    labels, predicted = result.labels, result.probabilities.argmax(1)
    off_diagonal = result.matrix - np.diag(np.diag(result.matrix))
    t, p = np.unravel_index(off_diagonal.argmax(), off_diagonal.shape)
    for true, guess in [(t, p), (3, 3)]:
        cell = result.cell(true, guess)
        assert set(cell) == set(np.flatnonzero((labels == true) & (predicted == guess)))
        assert len(cell) == result.matrix[true, guess]
        assert np.all(np.diff(result.probabilities[cell, guess]) <= 0)
    best = result.most_confident()
    for true in range(10):
        for guess in range(10):
            cell = result.cell(true, guess)
            assert best[true, guess] == (cell[0] if len(cell) else -1)
    worst = result.worst_mistakes(5)
    assert np.all(labels[worst] != predicted[worst]) and np.all(np.diff(result.confidence[worst]) <= 0)
    assert result.confidence[worst[0]] == result.confidence[labels != predicted].max()


def test_regression_has_no_confusion_matrix():
    graph = chain(
        ("Input", "x", {"shape": [2]}), ("Linear", "fc", {"out_features": 1}), ("Output", "out", {"loss": "mse"})
    )
    with pytest.raises(ValueError, match="classification"):
        Session(Project(graph, "bumps", {}, TrainConfig())).probe("confusion").compute()


def test_the_session_sends_both_probes_in_its_snapshots():
    session = Session(load_project(LESSONS / "hidden_parts.json"))
    session.set_views({"weights": {"layer": "fc2"}, "confusion": {}})
    session.step()
    insights = session.snapshot().insights
    assert insights["weights"].layer == "fc2" and insights["confusion"].matrix.sum() == len(session.trainer.data.y_test)


# ---- the views ---------------------------------------------------------------------------------


def test_the_weights_view_draws_the_probes_images_and_bars(qtbot, hidden):
    from gui.views.weights import ROW, WeightsView, weight_rgb

    result = hidden.probe("weights").compute()
    view = WeightsView()
    view.set_context(hidden.trainer.project, hidden.trainer.data)
    shown(qtbot, view, {"weights": result})
    for k in range(10):
        w = result.weights[k]
        drawn = tile(view.tiles, k)
        assert np.array_equal(drawn, weight_rgb(w, np.abs(w).max()))
        top, bottom = np.unravel_index(w[0].argmax(), (8, 8)), np.unravel_index(w[0].argmin(), (8, 8))
        assert drawn[top][2] > drawn[top][0] and drawn[bottom][0] > drawn[bottom][2]  # blue up, orange down
    heights = np.asarray(view.bars.opts["height"]).reshape(10, 10)
    assert np.allclose(heights / ROW * np.abs(result.next_weights).max(), result.next_weights, atol=1e-6)

    qtbot.mouseClick(view.shared, Qt.MouseButton.LeftButton)  # one colour scale for every unit
    largest = np.abs(result.weights).max()
    assert all(np.array_equal(tile(view.tiles, k), weight_rgb(result.weights[k], largest)) for k in range(10))

    click(view.bars_plot, 4.0, -3.0)  # class 3's row of bars
    assert view.selected == 3
    assert view.tiles.captions() == [f"h{k} {v:+.2f}" for k, v in enumerate(result.next_weights[3])]

    with qtbot.waitSignal(view.options_changed):
        view.chooser.setCurrentText("fc2")
    assert view.wanted() == {"weights": {"layer": "fc2"}}
    view.show_insights({"weights": result})  # fc1's, computed before the choice: not drawn, fc2 stays chosen
    assert view.chooser.currentText() == "fc2" and view.wanted() == {"weights": {"layer": "fc2"}}
    view.show_insights({"weights": hidden.probe("weights").compute(layer="fc2")})
    assert view.pictures.currentWidget() is view.matrix and view.bars_panel.isHidden()


def test_the_weights_view_draws_colour_units_in_colour(qtbot):
    from gui.views.weights import WeightsView

    session = colour_session()
    result = session.probe("weights").compute()
    view = shown(qtbot, WeightsView(), {"weights": result})
    w = result.weights[0]
    expected = np.clip(0.5 + w.transpose(1, 2, 0) / (2 * np.abs(w).max()), 0, 1) * 255
    assert np.abs(tile(view.tiles, 0).astype(float) - expected).max() <= 0.5 + 1e-6
    assert view.tiles.captions() == ["dark", "red"]


def test_clicking_a_cell_shows_its_samples(qtbot, templates):
    from gui.views.confusion import CELL_SAMPLES, MISTAKES, ConfusionView
    from gui.widgets.tile_grid import greyscale_rgb

    result = templates.probe("confusion").compute()
    data = templates.trainer.data
    view = ConfusionView()
    view.set_context(templates.trainer.project, data)
    shown(qtbot, view, {"confusion": result})
    counts = [item.toPlainText() for item in view.counts if item.isVisible()]
    assert counts == [f"{n:,}" if n else "" for n in result.matrix.ravel()]
    assert np.array_equal(view.mistakes.indices, result.worst_mistakes(MISTAKES))

    off_diagonal = result.matrix - np.diag(np.diag(result.matrix))
    t, p = np.unravel_index(off_diagonal.argmax(), off_diagonal.shape)
    click(view.plot, p + 0.5, t + 0.5)
    assert view.selected == (t, p) and view.tabs.currentWidget() is view.cell
    expected = result.cell(t, p)[:CELL_SAMPLES]
    assert len(expected) == result.matrix[t, p] > 0 and np.array_equal(view.cell.indices, expected)
    pictures = greyscale_rgb(data.x_test[expected])
    assert all(np.array_equal(tile(view.cell.tiles, k), pictures[k]) for k in range(len(expected)))
    assert view.cell.tiles.captions() == [f"{result.confidence[i]:.2f}" for i in expected]

    click(view.plot, 3.5, 3.5)  # a diagonal cell: the right answers for 3
    assert np.array_equal(view.cell.indices, result.cell(3, 3)[:CELL_SAMPLES])

    view.tabs.setCurrentWidget(view.best)
    assert np.array_equal(view.best.indices, result.most_confident().ravel())


def test_the_views_say_why_when_a_probe_fails(qtbot):
    from gui.views.confusion import ConfusionView

    view = shown(qtbot, ConfusionView(), {"confusion": ProbeFailed("the confusion matrix needs a classification")})
    assert view.stack.currentWidget() is view.message and "classification" in view.message.text()


# ---- the lessons -------------------------------------------------------------------------------


def class_templates(trainer: Trainer) -> np.ndarray:
    """Each class's mean training image minus the mean of all: what course 001 says a unit learns."""
    x = trainer.data.x_train.reshape(len(trainer.data.x_train), -1)
    y = trainer.data.y_train
    return np.stack([x[y == k].mean(0) for k in range(10)]) - x.mean(0)


def correlations(weights: np.ndarray, trainer: Trainer) -> np.ndarray:
    """(units, classes) correlation of each unit's weights with each class template."""
    flat = weights.reshape(len(weights), -1)
    return np.corrcoef(np.concatenate([flat, class_templates(trainer)]))[: len(flat), len(flat) :]


def test_one_layer_weights_are_digit_templates_and_hidden_units_are_not():
    """Measured over seeds 0-4: templates correlate 0.851-0.857 (worst class) and 0.905 (median)
    with their class; the 64-10-10 sigmoid network's hidden units best-match a class at a median
    |r| of 0.52-0.63."""
    one = trained("digit_templates")
    r = correlations(one.probe("weights").compute().weights, one.trainer)
    assert np.all(np.diag(r) >= 0.75)
    assert np.array_equal(r.argmax(1), np.arange(10))  # every template best matches its own class
    assert one.trainer.evaluate()["test_acc"] >= 0.93

    two = trained("hidden_parts")
    hidden_best = np.abs(correlations(two.probe("weights").compute().weights, two.trainer)).max(1)
    assert np.median(hidden_best) <= 0.8 * np.median(np.diag(r))


def test_unit_names_are_spaced_out_where_all_would_overlap(qtbot):
    import pyqtgraph as pg

    from gui.views.weights import spaced_ticks

    axis = pg.AxisItem("bottom")
    names = [f"h{j}" for j in range(30)]
    named, unnamed = spaced_ticks(names, 2000.0, axis)
    assert [n for _, n in named] == names and not unnamed  # room for all: every unit named
    named, unnamed = spaced_ticks(names, 300.0, axis)
    assert [n for _, n in named][:3] == ["h0", f"h{named[1][0]}", f"h{named[2][0]}"] and len(named) < 30
    step = named[1][0]
    assert step in (2, 5, 10) and all(j % step == 0 for j, _ in named)
    assert sorted([j for j, _ in named] + [j for j, _ in unnamed]) == list(range(30))  # a tick at every unit
