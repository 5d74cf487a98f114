"""The space-folding and hidden-layer probes and views: what they return and draw is the
network's own layer output, wide layers are projected on a PCA plane that stays put
between frames, and the two-hidden-neurons lesson shows what the course claims."""

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from sklearn.decomposition import PCA
from sklearn.neighbors import KNeighborsClassifier

from core.probes.folding import default_layer, grid_lines, hidden_layers, stable_pca
from core.project import load_project
from core.run.session import Session
from core.train.trainer import Trainer


def session(lesson: str, steps: int = 30) -> Session:
    s = Session(load_project(LESSONS / lesson))
    for _ in range(steps):
        s.step()
    return s


def direct(s: Session, x: np.ndarray, nodes: list[str]) -> dict[str, np.ndarray]:
    """The nodes' outputs computed here with the model itself, in eval mode."""
    model = s.trainer.model
    model.eval()
    with torch.no_grad():
        _, taps = model(torch.as_tensor(x), taps=nodes)
    return {node: value.reshape(len(x), -1).numpy() for node, value in taps.items()}


def folding_input(s: Session, result) -> np.ndarray:
    return np.concatenate([result.stages[0].grid.reshape(-1, 2), result.stages[0].points])


# ---- the folding probe ---------------------------------------------------------------------------


def test_every_stage_of_the_two_unit_network_is_that_layers_output():
    s = session("folding_circles.json")
    result = s.probe("folding").compute()
    nodes = ["fc1", "relu1", "fc2", "relu2", "fc3", "relu3", "fc4", "relu4", "fc5"]
    assert [stage.node for stage in result.stages] == [""] + nodes
    assert [stage.title for stage in result.stages[:3]] == ["input plane", "fc1 (affine)", "relu1"]
    assert np.array_equal(result.stages[0].grid, grid_lines(result.bounds))
    assert np.array_equal(result.stages[0].points, s.trainer.data.x_train)  # 350 points: all of them
    assert np.array_equal(result.labels, s.trainer.data.y_train)
    outputs = direct(s, folding_input(s, result), nodes)
    n_grid = result.stages[0].grid.shape[0] * result.stages[0].grid.shape[1]
    for stage in result.stages[1:]:
        assert stage.basis is None and stage.projection == ""
        assert np.array_equal(stage.points, outputs[stage.node][n_grid:])
        assert np.array_equal(stage.grid.reshape(-1, 2), outputs[stage.node][:n_grid])


def test_a_wide_stage_is_its_output_projected_on_its_two_principal_axes():
    s = session("spiral_mlp.json")
    result = s.probe("folding").compute()
    outputs = direct(s, folding_input(s, result), ["act1"])
    n_grid = result.stages[0].grid.shape[0] * result.stages[0].grid.shape[1]
    stage = next(stage for stage in result.stages if stage.node == "act1")
    assert stage.width == 12 and stage.projection.startswith("PCA of 12 units")
    values = outputs["act1"][n_grid:]
    np.testing.assert_allclose(stage.points, (values - stage.mean) @ stage.basis, atol=1e-5)
    np.testing.assert_allclose(
        stage.grid.reshape(-1, 2), (outputs["act1"][:n_grid] - stage.mean) @ stage.basis, atol=1e-5
    )
    np.testing.assert_allclose(stage.basis.T @ stage.basis, np.eye(2), atol=1e-5)
    pca = PCA(2).fit(values)  # the same plane as scikit-learn's two components (up to a turn within it)
    np.testing.assert_allclose(stage.basis @ stage.basis.T, pca.components_.T @ pca.components_, atol=1e-4)
    np.testing.assert_allclose(stage.mean, values.mean(0), atol=1e-6)


def test_the_projection_keeps_its_orientation_when_the_weights_barely_change():
    s = session("spiral_mlp.json")
    before = {stage.node: stage for stage in s.probe("folding").compute().stages}
    with torch.no_grad():
        for p in s.trainer.model.parameters():
            p.add_(torch.randn_like(p) * 1e-3)
    after = {stage.node: stage for stage in s.probe("folding").compute().stages}
    for node in ("fc1", "act1", "fc2", "act2"):
        old, new = before[node], after[node]
        spread = np.abs(old.points).max()
        assert np.abs(new.points - old.points).max() < 0.05 * spread, node
        assert (np.diag(old.basis.T @ new.basis) > 0.99).all(), node


def test_stable_pca_turns_its_axes_back_to_the_previous_frames():
    rng = np.random.default_rng(0)
    values = rng.normal(size=(300, 5)) * [5, 3, 1, 0.5, 0.2]
    axes = {}
    mean, first, explained = stable_pca(values, axes, "k")
    assert explained == pytest.approx((25 + 9) / (25 + 9 + 1 + 0.25 + 0.04), abs=0.03)
    turn = np.array([[0.0, -1.0], [1.0, 0.0]])  # as if the last frame's axes were turned a quarter, then mirrored
    for previous in (-first, first @ turn, first[:, ::-1]):
        axes["k"] = previous.copy()
        _, basis, _ = stable_pca(values, axes, "k")
        np.testing.assert_allclose(basis, previous, atol=1e-5)
        np.testing.assert_allclose(axes["k"], basis, atol=1e-6)  # the next frame turns towards this one


def test_a_very_wide_layer_gets_the_same_plane_from_the_randomised_pca():
    rng = np.random.default_rng(1)
    values = (rng.normal(size=(400, 600)) * np.r_[8.0, 4.0, np.ones(598)]).astype(np.float32)
    _, basis, explained = stable_pca(values, {}, "wide")
    exact = PCA(2).fit(values)
    np.testing.assert_allclose(basis @ basis.T, exact.components_.T @ exact.components_, atol=0.01)
    assert explained == pytest.approx(exact.explained_variance_ratio_.sum(), rel=0.01)


def test_the_dead_share_counts_points_folded_to_zero():
    s = session("folding_circles.json", steps=0)
    with torch.no_grad():  # relu1 keeps only x > 0: every point left of the axis is folded to zero
        s.trainer.model.layer("fc1").weight.copy_(torch.tensor([[1.0, 0.0], [1.0, 0.0]]))
        s.trainer.model.layer("fc1").bias.zero_()
    result = s.probe("folding").compute()
    relu1 = result.stages[2]
    count = (direct(s, result.stages[0].points, ["relu1"])["relu1"] == 0).all(1).mean()
    assert relu1.dead == pytest.approx(count) and 0.3 < relu1.dead < 0.7
    assert result.stages[1].dead == 0.0


def test_folding_refuses_data_that_is_not_a_plane():
    s = session("two_hidden_neurons.json", steps=0)
    with pytest.raises(ValueError, match="2-D inputs"):
        s.probe("folding").compute()


# ---- the hidden probe ----------------------------------------------------------------------------


def test_the_bottleneck_is_drawn_as_its_two_units():
    s = session("two_hidden_neurons.json")
    code = s.probe("hidden").compute()
    assert [(layer.node, layer.kind, layer.width) for layer in code.layers] == [
        ("flat", "Flatten", 64),
        ("code", "Linear", 2),
        ("fc", "Linear", 10),
    ]
    assert code.layer == "code" and code.basis is None and code.title == "code: 2 units"
    data = s.trainer.data
    x = np.concatenate([data.x_train, data.x_test])  # 1,797 digits: all of them, train first
    np.testing.assert_allclose(code.points, direct(s, x, ["code"])["code"], atol=1e-5)
    assert np.array_equal(code.labels, np.concatenate([data.y_train, data.y_test]))
    assert code.test.sum() == len(data.x_test) and not code.test[: len(data.x_train)].any()
    test_only = s.probe("hidden").compute(layer="flat", subset="test")
    assert test_only.test.all() and test_only.title.startswith("flat: PCA of 64 units")
    with pytest.raises(ValueError, match="no layer called 'nope'"):
        s.probe("hidden").compute(layer="nope")


def test_a_subsample_of_train_and_test_is_the_samples_at_the_picked_indices():
    s = session("two_hidden_neurons.json", steps=5)
    data = s.trainer.data
    code = s.probe("hidden").compute(max_points=500)
    _, pick = s.probe("hidden").samples["all"]
    x = np.concatenate([data.x_train, data.x_test])
    assert len(pick) == 500 and pick[0] < len(data.x_train) <= pick[-1]  # both sets in the sample
    np.testing.assert_allclose(code.points, direct(s, x[pick], ["code"])["code"], atol=1e-5)
    assert np.array_equal(code.test, pick >= len(data.x_train))
    test_only = s.probe("hidden").compute(layer="code", subset="test", max_points=100)
    _, pick = s.probe("hidden").samples["test"]
    np.testing.assert_allclose(test_only.points, direct(s, data.x_test[pick], ["code"])["code"], atol=1e-5)


def test_the_default_layer_is_the_narrowest_hidden_one():
    spiral = hidden_layers(load_project(LESSONS / "spiral_mlp.json").graph)
    assert default_layer(spiral).node == "act2"  # 12 units like the others, but last; fc3 is the answer
    folding_net = hidden_layers(load_project(LESSONS / "folding_circles.json").graph)
    assert default_layer(folding_net).node == "relu4"


# ---- the views -----------------------------------------------------------------------------------


def test_the_folding_view_draws_the_probes_arrays(qtbot):
    from gui.views.folding import FoldingView

    s = session("folding_circles.json")
    view = FoldingView()
    qtbot.addWidget(view)
    view.resize(1200, 350)  # the ten small panels take three rows: the last is out of sight
    view.set_context(s.trainer.project, s.trainer.data)
    view.show()
    qtbot.waitExposed(view)  # laid out, as the view is by the time results come
    assert view.wanted() == {"folding": {}}
    first = s.probe("folding").compute()
    view.show_insights({"folding": first})
    qtbot.waitUntil(lambda: view.panels[0].shown is first.stages[0])  # once the new panels are laid out
    s.step()
    result = s.probe("folding").compute()
    view.show_insights({"folding": result})
    assert len(view.panels) == len(result.stages)

    def in_sight(panel):
        return not panel.visibleRegion().isEmpty()

    def drawn():
        return sum(panel.shown is stage for panel, stage in zip(view.panels, result.stages, strict=True))

    assert view.large.shown in result.stages and drawn() == 0  # the large panel now, the small ones ...
    view.next_panel.timeout.emit()
    assert drawn() == 1  # ... one a turn of the event loop, so a key press waits for one at most
    qtbot.waitUntil(lambda: drawn() == sum(in_sight(panel) for panel in view.panels))

    def check(panel, stage):
        lines = len(stage.grid) // 2
        for curve, part in zip(panel.grid, (stage.grid[:lines], stage.grid[lines:]), strict=True):
            assert np.array_equal(np.stack(curve.getData(), 1), part.reshape(-1, 2))
        for k, item in enumerate(panel.scatters):
            assert np.array_equal(np.stack(item.getData(), 1), stage.points[result.labels == k])

    pairs = list(zip(view.panels, result.stages, strict=True))
    assert any(not in_sight(panel) for panel, _ in pairs)
    for panel, stage in pairs:
        if in_sight(panel):
            check(panel, stage)
        else:
            assert panel.shown is not stage  # out of sight: not redrawn
    bar = view.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled into sight, they are drawn
    qtbot.waitUntil(lambda: view.panels[-1].shown is result.stages[-1])
    check(view.panels[-1], result.stages[-1])
    bar.setValue(0)
    qtbot.mouseClick(view.panels[2].viewport(), Qt.MouseButton.LeftButton)  # a small panel picks the stage
    assert view.slider.value() == 2
    relu1 = result.stages[2]
    for k, item in enumerate(view.large.scatters):
        assert np.array_equal(np.stack(item.getData(), 1), relu1.points[result.labels == k])
    assert "relu1" in view.title.text()


def test_the_panels_layout_does_not_depend_on_whether_the_scroll_bar_shows(qtbot):
    """The strip laid itself out from the viewport's width, which the scroll bar narrows: at some
    sizes (the 1280×800 window, spiral lesson) laying out showed the bar, which laid out again and
    hid it, for ever, and the window froze. The width read now stays the same either way."""
    from gui.views.folding import FoldingView

    s = session("spiral_mlp.json")
    view = FoldingView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.set_context(s.trainer.project, s.trainer.data)
    view.show()
    qtbot.waitExposed(view)
    result = s.probe("folding").compute()
    view.show_insights({"folding": result})
    qtbot.waitUntil(lambda: view.panels and view.panels[0].shown is result.stages[0])
    layouts = []
    for policy in (Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
        view.scroll.setVerticalScrollBarPolicy(policy)
        qtbot.wait(50)
        view._lay_out_strip(force=True)
        layouts.append(view.columns)
    assert layouts[0] == layouts[1]


def test_the_folding_view_explains_itself_for_images(qtbot):
    from gui.views.folding import FoldingView

    s = session("two_hidden_neurons.json", steps=0)
    view = FoldingView()
    qtbot.addWidget(view)
    view.set_context(s.trainer.project, s.trainer.data)
    assert view.wanted() == {}
    assert "2-D dataset" in view.message.text()


def test_the_hidden_view_draws_the_chosen_layer_and_asks_again_when_another_is_chosen(qtbot):
    from gui.views.hidden import HiddenView

    s = session("two_hidden_neurons.json")
    view = HiddenView()
    qtbot.addWidget(view)
    view.set_context(s.trainer.project, s.trainer.data)
    assert view.wanted() == {"hidden": {"layer": "code", "subset": "all"}}
    code = s.probe("hidden").compute(**view.wanted()["hidden"])
    view.show_insights({"hidden": code})
    for k, (train, test) in enumerate(zip(view.train_items, view.test_items, strict=True)):
        assert np.array_equal(np.stack(train.getData(), 1), code.points[(code.labels == k) & ~code.test])
        assert np.array_equal(np.stack(test.getData(), 1), code.points[(code.labels == k) & code.test])
    assert all(name in view.legend.text() for name in code.class_names)
    with qtbot.waitSignal(view.options_changed):
        view.chooser.setCurrentIndex(view.chooser.findData("fc"))
    assert view.wanted()["hidden"]["layer"] == "fc"
    wide = s.probe("hidden").compute(**view.wanted()["hidden"])
    view.show_insights({"hidden": wide})
    assert view.title.text().startswith("fc: PCA of 10 units")
    drawn = np.concatenate([np.stack(item.getData(), 1) for item in view.train_items + view.test_items])
    assert np.array_equal(np.sort(drawn, 0), np.sort(wide.points, 0))


# ---- the lesson ----------------------------------------------------------------------------------


def knn_accuracy(train, y_train, test, y_test) -> float:
    return KNeighborsClassifier(10).fit(train, y_train).score(test, y_test)


def test_two_hidden_neurons_separate_digits_better_than_pca_of_the_pixels():
    trainer = Trainer(load_project(LESSONS / "two_hidden_neurons.json"))
    last = list(trainer.train())[-1]
    assert last.test_acc >= 0.6
    data = trainer.data
    _, train_code = trainer.model(trainer.x_train, taps=["code"])
    _, test_code = trainer.model(trainer.x_test, taps=["code"])
    learned = knn_accuracy(
        train_code["code"].detach().numpy(), data.y_train, test_code["code"].detach().numpy(), data.y_test
    )
    pixels_train, pixels_test = data.x_train.reshape(len(data.x_train), -1), data.x_test.reshape(len(data.x_test), -1)
    pca = PCA(2).fit(pixels_train)
    baseline = knn_accuracy(pca.transform(pixels_train), data.y_train, pca.transform(pixels_test), data.y_test)
    assert learned > baseline + 0.03
