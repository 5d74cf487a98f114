"""A recurrent layer in the Weights view: its matrix is [W_ih | W_hh] of the layer itself, split by
a line between them and by lines between the gates' blocks of rows."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.project import load_project
from core.run.session import Session
from gui.views.weights import WeightsView


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.mark.parametrize(("lesson", "gates"), [("adding_lstm", ["i", "f", "g", "o"]), ("adding_rnn", [])])
def test_a_recurrent_layers_weights_are_its_input_and_recurrent_matrices(qtbot, lesson, gates):
    session = Session(load_project(LESSONS / f"{lesson}.json"), device="cpu")
    session.step()
    result = session.compute({"weights": {"layer": "rnn"}})["weights"]
    rnn = session.trainer.model.layer("rnn").rnn
    expected = torch.cat([rnn.weight_ih_l0, rnn.weight_hh_l0], 1).detach().numpy()
    np.testing.assert_array_equal(result.weights, expected)
    assert result.layers == ["rnn", "fc"] and not result.is_image and result.next_weights is None
    assert result.recurrent_split == 2 and result.gates == gates and result.units == 32 * max(len(gates), 1)
    assert result.unit_names[:2] == ([f"{gates[0]}0", f"{gates[0]}1"] if gates else ["h0", "h1"])

    view = WeightsView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.set_context(session.trainer.project, session.trainer.data)
    view.show_insights({"weights": result})
    assert view.matrix_image.image.shape[:2] == expected.shape
    xs, ys = view.blocks.getData()
    assert list(xs[:2]) == [2, 2] and list(ys[:2]) == [0, len(expected)]  # W_ih | W_hh
    assert len(xs) == 2 + 2 * max(len(gates) - 1, 0)  # and a line between each pair of gates
    assert "W_hh" in view.caption.text() and "recurrent" in view.caption.text()


def test_a_linear_layer_after_a_recurrent_one_is_still_drawn_plainly(qtbot):
    session = Session(load_project(LESSONS / "adding_lstm.json"), device="cpu")
    session.step()
    result = session.compute({"weights": {"layer": "fc"}})["weights"]
    assert result.recurrent_split is None and result.weights.shape == (1, 32)
    view = WeightsView()
    qtbot.addWidget(view)
    view.set_context(session.trainer.project, session.trainer.data)
    view.show_insights({"weights": result})
    assert len(view.blocks.getData()[0]) == 0 and "W_hh" not in view.caption.text()


@pytest.mark.parametrize(("lesson", "gates"), [("adding_lstm", ["i", "f", "g", "o"]), ("adding_rnn", [])])
def test_every_level_of_a_stacked_recurrent_layer_is_drawn(qtbot, lesson, gates):
    project = load_project(LESSONS / f"{lesson}.json")
    project.graph.nodes["rnn"].params["num_layers"] = 3
    session = Session(project, device="cpu")
    session.step()
    result = session.compute({"weights": {"layer": "rnn"}})["weights"]
    rnn = session.trainer.model.layer("rnn").rnn
    assert result.levels == 3 and result.level_splits == [2, 32, 32]  # level 1 reads x_t, the others h_t below
    for level, weights in enumerate(result.level_weights):
        w_ih, w_hh = getattr(rnn, f"weight_ih_l{level}"), getattr(rnn, f"weight_hh_l{level}")
        np.testing.assert_array_equal(weights, torch.cat([w_ih, w_hh], 1).detach().numpy())
    np.testing.assert_array_equal(result.weights, result.level_weights[0])

    view = WeightsView()
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    view.set_context(session.trainer.project, session.trainer.data)
    view.show_insights({"weights": result})
    rows = 32 * max(len(gates), 1)
    gap = max(2, rows // 12)
    image = view.matrix_image.image
    assert image.shape[:2] == (3 * rows + 2 * gap, 64)  # three levels, one under another
    for level, top in enumerate((0, rows + gap, 2 * rows + 2 * gap)):  # each level's split line, where it is
        xs, ys = view.blocks.getData()
        split = result.level_splits[level]
        assert any(
            xs[i] == xs[i + 1] == split and ys[i] == top and ys[i + 1] == top + rows for i in range(0, len(xs), 2)
        )
    assert (image[rows : rows + gap] == 224).all()  # the gap between levels is grey, not a zero weight
    assert "3 stacked levels" in view.caption.text()
    qtbot.wait(20)
    view.grab().save(f"/tmp/weights_stacked_{lesson}.png")
