"""The activations view and the activation functions explorer, checked against the model:
histograms and dead or saturated units against direct counts of a layer's output, feature
maps against the conv layer run by hand, and what is drawn against the probes and torch."""

import math

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt

import core.probes.activations as probe
from core.network.graph import Graph
from core.project import Project, load_project
from core.run.session import Session
from core.train_config import TrainConfig
from gui.views.activations import (
    ActivationsView,
    log_counts,
    map_columns,
    step_columns,
    tile_corner,
    tile_maps,
)
from gui.views.functions import FunctionsView


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """As in the app's trainer thread: on a busy 2-core machine more intra-op threads only wait on each other."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def lesson(name, **training):
    project = load_project(LESSONS / f"{name}.json")
    if training:
        project.training = project.training.replace(**training)
    return Session(project)


def direct(session, node, x):
    model = session.trainer.model
    model.eval()
    with torch.no_grad():
        return model(x, taps=[node])[1][node].double()


@pytest.fixture(scope="module")
def digits():
    """The digits CNN after a few steps, with its first conv's last three filters killed."""
    session = lesson("digits_cnn")
    for _ in range(5):
        session.step()
    with torch.no_grad():
        session.trainer.model.layer("conv1").bias[-3:] = -100.0
    return session


def test_histograms_and_dead_units_match_the_layer_output(digits):
    result = digits.probe("activations").compute()
    x = digits.trainer.x_train[:512]
    assert result.samples == 512 and [layer.node for layer in result.layers] == ["relu1", "relu2"]
    for layer in result.layers:
        out = direct(digits, layer.node, x)
        assert np.array_equal(layer.counts, np.histogram(out.numpy(), layer.edges)[0])
        assert layer.counts.sum() == out.numel() and layer.edges[0] == 0 and layer.edges[-1] >= out.max()
        dead = (out.transpose(0, 1).reshape(out.shape[1], -1) == 0).all(1).double().mean().item()
        assert layer.dead == pytest.approx(dead) and layer.saturated is None
    assert result.layers[0].dead == pytest.approx(3 / 16)  # exactly the three killed filters


def test_saturated_units_are_those_pinned_near_an_asymptote():
    session = lesson("spiral_mlp")
    with torch.no_grad():
        session.trainer.model.layer("fc1").bias[:4] = 50.0  # tanh(>40) = 1 for every sample
    layer = session.probe("activations").compute().layers[0]
    out = direct(session, "act1", session.trainer.x_train[:512])
    assert np.array_equal(layer.counts, np.histogram(out.numpy(), np.linspace(-1, 1, probe.BINS + 1))[0])
    near = ((1 - out.abs()) < probe.SATURATION_MARGIN).double().mean(0) > probe.SATURATION_SHARE
    assert layer.saturated == pytest.approx(near.double().mean().item()) and layer.saturated >= 4 / 12
    assert layer.dead is None


def test_history_grows_by_step_keeps_its_counts_when_the_range_widens_and_thins_out(monkeypatch):
    monkeypatch.setattr(probe, "MAX_HISTORY", 4)
    session = lesson("digits_cnn")
    probed = session.probe("activations")
    first = probed.compute(samples=64)
    assert probed.compute(samples=64).steps.tolist() == [0]  # asked again at one step: replaced, not added
    with torch.no_grad():
        session.trainer.model.layer("conv1").weight.mul_(40.0)  # relu1's values now overflow its range
    session.step()
    result = session.probe("activations").compute(samples=64)
    relu1 = result.layers[0]
    assert relu1.edges[-1] > first.layers[0].edges[-1]
    assert (relu1.history.sum(1) == relu1.counts.sum()).all()  # re-binned, nothing lost
    assert np.array_equal(relu1.history[-1], relu1.counts) and len(relu1.dead_history) == 2
    for _ in range(8):
        session.step()
        result = session.probe("activations").compute(samples=64)
        assert result.steps[-1] == session.trainer.step_count  # the current histogram is always the last
        assert np.array_equal(result.layers[1].history[-1], result.layers[1].counts)
    assert result.steps.tolist() == [0, 4, 8, 9]  # thinned to every fourth step, then now


def test_feature_maps_equal_the_conv_layer_run_by_hand(digits):
    maps = digits.probe("feature_maps").compute(sample=7)
    model, x = digits.trainer.model, digits.trainer.x_test[7:8]
    conv = model.layer("conv1")
    expected = torch.nn.functional.conv2d(x, conv.weight, conv.bias, padding=1)[0]
    assert [m.node for m in maps.layers] == ["conv1", "pool1", "conv2", "pool2"]
    assert np.allclose(maps.layers[0].maps, expected.detach().numpy(), atol=1e-6)
    pooled = torch.nn.functional.max_pool2d(expected.relu(), 2)
    assert np.allclose(maps.layers[1].maps, pooled.detach().numpy(), atol=1e-6)
    assert np.array_equal(maps.image, digits.trainer.data.x_test[7])
    assert maps.label == str(digits.trainer.data.y_test[7])


def test_feature_maps_say_why_they_cannot_be_drawn():
    with pytest.raises(ValueError, match="image inputs"):
        lesson("spiral_mlp").probe("feature_maps").compute()
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Flatten", "flat")
    g.add_node("Linear", "fc", {"out_features": 10})
    g.add_node("Output", "out")
    for a, b in (("x", "flat"), ("flat", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    session = Session(Project(g, "digits", {}, TrainConfig()))
    with pytest.raises(ValueError, match="no Conv2d or pooling layer"):
        session.probe("feature_maps").compute()
    assert [layer.node for layer in session.probe("activations").compute().layers] == [
        "fc"
    ]  # no activations: the Linear


def test_the_view_draws_the_probes(digits, qtbot):
    view = ActivationsView()
    qtbot.addWidget(view)
    view.set_context(digits.trainer.project, digits.trainer.data)
    assert set(view.wanted()) == {"activations", "feature_maps"}
    with qtbot.waitSignal(view.options_changed):
        view.maps.next.click()
    assert view.wanted()["feature_maps"] == {"sample": 1}
    view.resize(1200, 500)
    view.show()
    results = digits.compute(view.wanted())
    view.show_insights(results)
    steps = results["activations"].steps
    for row, layer in zip(view.histograms.rows, results["activations"].layers, strict=True):
        assert np.array_equal(row.image.image, log_counts(layer.history[step_columns(steps)]).T)
        assert np.array_equal(row.image.image[:, -1], log_counts(layer.counts))  # now, at the right edge
        assert np.array_equal(row.bars.opts["width"], log_counts(layer.counts))
    assert "dead 3 of 16 (19%)" in view.histograms.rows[0].text.text
    maps = results["feature_maps"]
    assert maps.sample == 1
    for fmap in maps.layers:
        mosaic = view.maps.images[fmap.node].image
        assert np.array_equal(mosaic, tile_maps(fmap.maps), equal_nan=True)
        c, h, w = fmap.maps.shape
        top, left = tile_corner(c - 1, map_columns(c), h, w)
        assert np.array_equal(mosaic[top : top + h, left : left + w], fmap.maps[-1])
        high = view.maps.images[fmap.node].getColorMap().map([1.0], mode="byte")[0]
        assert high[2] > high[0]  # positive is blue, as in the weights view
    assert np.array_equal(view.maps.input_image.image, maps.image[0])
    assert "blue positive" in view.maps.caption.text()


def test_heatmap_columns_split_the_steps_evenly_and_show_the_latest_histogram():
    steps = np.array([0, 1, 2, 10, 40])
    assert step_columns(steps, most=4).tolist() == [3, 3, 3, 4]  # right edges 10, 20, 30, 40
    assert step_columns(np.array([7])).tolist() == [0]
    assert step_columns(np.arange(0, 1000, 10), most=300)[-1] == 99


def test_the_view_asks_for_no_feature_maps_without_images(qtbot):
    view = ActivationsView()
    qtbot.addWidget(view)
    session = lesson("spiral_mlp")
    view.set_context(session.trainer.project, session.trainer.data)
    assert view.wanted() == {"activations": {}} and view.maps.isHidden()
    templates = lesson("digit_templates")  # images, but no convolution: no feature maps either
    view.set_context(templates.trainer.project, templates.trainer.data)
    assert view.wanted() == {"activations": {}} and view.maps.isHidden()
    cnn = lesson("digits_cnn")
    view.set_context(cnn.trainer.project, cnn.trainer.data)
    assert "feature_maps" in view.wanted() and not view.maps.isHidden()


def test_the_window_opens_the_view_and_fills_it_while_stepping(window, qtbot):
    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    view = window.show_view("activations")
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: view in window.view_tabs.delivered, timeout=60000)
    assert [row.node for row in view.histograms.rows] == ["act1", "act2"] and not view.histograms.isHidden()


def test_the_explorer_draws_torchs_values_and_derivatives(qtbot):
    view = FunctionsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for kind in view.functions:
        if not view.boxes[kind].isChecked():
            qtbot.mouseClick(view.boxes[kind], Qt.MouseButton.LeftButton)
    view.range.setValue(8.0)
    z = torch.tensor(view.curves["Sigmoid"].getData()[0], dtype=torch.float64)
    assert z[0] == -8 and z[-1] == 8
    s, t, p = torch.sigmoid(z), torch.tanh(z), torch.exp(z) / (torch.exp(z) + 2)
    gelu_slope = 0.5 * (1 + torch.erf(z / math.sqrt(2))) + z * torch.exp(-(z**2) / 2) / math.sqrt(2 * math.pi)
    expected = {
        "Sigmoid": (s, s * (1 - s)),
        "Tanh": (t, 1 - t**2),
        "ReLU": (z.clamp(min=0), (z > 0).double()),
        "LeakyReLU": (torch.where(z > 0, z, 0.01 * z), torch.where(z > 0, 1.0, 0.01)),
        "ELU": (torch.where(z > 0, z, torch.expm1(z)), torch.where(z > 0, 1.0, torch.exp(z))),
        "GELU": (torch.nn.functional.gelu(z), gelu_slope),
        "Step": ((z > 0).double(), torch.ones_like(z)),  # the straight-through gradient training uses
        "Softmax": (p, p * (1 - p)),
    }
    for kind, (values, slopes) in expected.items():
        assert np.allclose(view.curves[kind].getData()[1], values.numpy(), atol=1e-9), kind
        assert np.allclose(view.slopes[kind].getData()[1], slopes.numpy(), atol=1e-9), kind
    qtbot.mouseClick(view.boxes["GELU"], Qt.MouseButton.LeftButton)
    hidden = view.curves["GELU"].getData()[1]
    assert hidden is None or len(hidden) == 0


def test_the_table_has_the_course_values_far_out(qtbot):
    view = FunctionsView()
    qtbot.addWidget(view)
    # the course's table: values and derivatives at -inf; +inf (ReLU and ELU grow like z)
    course = {
        "Sigmoid": ((0, 1), (0, 0)),
        "Tanh": ((-1, 1), (0, 0)),
        "ReLU": ((0, 50), (0, 1)),
        "ELU": ((-1, 50), (0, 1)),  # -alpha with the default alpha 1
    }
    for kind, ((low, high), (slope_low, slope_high)) in course.items():
        values, slopes = view.table_values[kind]
        assert values[[0, 2]] == pytest.approx([low, high], abs=1e-12)
        assert slopes[[0, 2]] == pytest.approx([slope_low, slope_high], abs=1e-12)
    row = view.functions.index("Tanh")
    assert [view.table.item(row, c).text() for c in range(6)] == ["-1", "0", "1", "0", "1", "0"]
    row = view.functions.index("Sigmoid")  # σ′ is even: float64's 1.9e-22 at −50 and 0 at +50 both read 0
    assert [view.table.item(row, c).text() for c in (3, 5)] == ["0", "0"]
    assert "1.9e-22" in view.table.item(row, 3).toolTip()


@pytest.mark.parametrize("seed", [0, 1])
def test_initialisation_scale_lesson(seed):
    """Tiny weights kill the signal, N(0, 1) weights saturate the units, Glorot's keep it alive."""
    project = load_project(LESSONS / "initialisation_scale.json")
    assert project.view == "activations" and "Activations tab" in project.description
    measured = {}
    for name, init, scale in (("tiny", "normal", 0.01), ("glorot", "xavier", 0.1), ("large", "normal", 1.0)):
        project.training = project.training.replace(init=init, init_scale=scale, seed=seed)
        session = Session(project)
        result = session.probe("activations").compute()
        assert [layer.node for layer in result.layers] == [f"tanh{i}" for i in range(1, 11)]
        ratio = result.layers[-1].std / session.trainer.x_train[:512].std().item()
        measured[name] = ratio, np.mean([layer.saturated for layer in result.layers])
    assert measured["tiny"][0] < 1e-4
    assert 0.2 <= measured["glorot"][0] <= 1.0 and measured["glorot"][1] == 0
    assert measured["large"][1] > 0.5


def test_a_history_opened_after_training_says_where_it_starts_with_whole_step_ticks(qtbot):
    view = ActivationsView()
    qtbot.addWidget(view)
    session = lesson("spiral_mlp")
    for _ in range(30):
        session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    session.set_views(view.wanted())  # opened now, after 30 steps
    view.resize(1000, 500)
    view.show()
    view.show_insights(session.snapshot(probes=True).insights)
    heat = view.histograms.rows[0].heat
    assert "recorded from step 30" in heat.titleLabel.text
    low, high = heat.viewRange()[0]
    assert high - low >= 20  # one recorded column is not stretched across the plot
    for span in ((low, high), (30.0, 31.0)):  # steps have no tenths, however short the range
        ticks = [value for level in heat.getAxis("bottom").tickValues(*span, 800) for value in level[1]]
        assert ticks and all(float(t).is_integer() for t in ticks)
