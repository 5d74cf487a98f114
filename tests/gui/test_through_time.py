"""The "Through time" view draws what the probe computed for the model on screen, moves its time
cursor in every panel, and forgets an old model as soon as a new one arrives."""

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.network.graph import Graph
from core.probes.registry import ProbeFailed
from core.project import Project, load_project
from core.run.session import Session
from core.train_config import TrainConfig
from gui.views.through_time import ThroughTimeView, ratio_text


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def lesson_session(name: str = "adding_lstm", steps: int = 3) -> Session:
    session = Session(load_project(LESSONS / f"{name}.json"), device="cpu")
    for _ in range(steps):
        session.step()
    return session


def shown(view: ThroughTimeView, session: Session):
    """Give the view its probe's result for what it wants now, as the worker would."""
    result = session.compute(view.wanted())
    view.show_insights(result)
    return result["through_time"]


@pytest.fixture
def view(qtbot):
    view = ThroughTimeView()
    qtbot.addWidget(view)
    view.resize(1280, 560)
    view.show()
    return view


def test_the_view_draws_the_probes_states_gradients_and_eigenvalues(view):
    session = lesson_session()
    view.set_context(session.trainer.project, session.trainer.data)
    assert view.wanted() == {"through_time": {"layer": "rnn", "sample": 0, "level": 0}}
    result = shown(view, session)
    assert view.stack.currentIndex() == 1  # the pictures, not the waiting message
    np.testing.assert_array_equal(view.hidden_shown(), result.hidden.T)
    t, norms = view.gradient_shown()
    np.testing.assert_array_equal(t, np.arange(1, 51))
    np.testing.assert_array_equal(norms, result.grad_norms)
    np.testing.assert_allclose(np.sort_complex(view.eigenvalues_shown()), np.sort_complex(result.eigenvalues["g"]))
    assert [view.gate.itemData(i) for i in range(view.gate.count())] == ["i", "f", "g", "o", "c"]
    assert ratio_text(result.grad_norms) in view.headline.text()
    assert "step 3" in view.grad_plot.plotItem.titleLabel.text  # the batch the gradient is of
    # the cursor starts at the last step and says what is there
    assert view.time.value() == 50 and all(line.value() == 50 for line in view.cursors)
    assert view.readout.text().startswith("t = 50:")


def test_the_time_cursor_moves_in_every_panel_with_the_keyboard(view):
    session = lesson_session()
    view.set_context(session.trainer.project, session.trainer.data)
    result = shown(view, session)
    view.time.setFocus()
    QTest.keyClick(view.time, Qt.Key.Key_Home)
    for _ in range(4):
        QTest.keyClick(view.time, Qt.Key.Key_Right)
    assert view.time.value() == 5
    assert all(line.value() == 5 for line in view.cursors)
    assert f"x_t = ({result.inputs[4][0]:.3g}, {result.inputs[4][1]:.3g})" in view.readout.text()


def test_choosing_a_sample_or_gate_redraws_from_the_probe(view, qtbot):
    session = lesson_session()
    view.set_context(session.trainer.project, session.trainer.data)
    shown(view, session)
    with qtbot.waitSignal(view.options_changed):
        view.sample.setValue(7)
    assert view.wanted()["through_time"]["sample"] == 7
    result = shown(view, session)
    assert result.sample == 7
    np.testing.assert_array_equal(view.hidden_shown(), result.hidden.T)
    view.gate.setCurrentIndex(view.gate.findData("f"))
    np.testing.assert_array_equal(view.gate_image.image, result.gates["f"].T)
    assert "forget gate" in view.gate_plot.plotItem.titleLabel.text


def test_a_plain_rnn_shows_its_slope_under_the_state(view):
    session = lesson_session("adding_rnn")
    view.set_context(session.trainer.project, session.trainer.data)
    result = shown(view, session)
    assert view.gate.currentData() == "slope" and not view.gate.isEnabled()
    np.testing.assert_allclose(view.gate_image.image, 1 - result.hidden.T**2, rtol=1e-5, atol=1e-6)
    assert "eigenvalues of W_hh" in view.eigen_plot.plotItem.titleLabel.text


def test_a_new_model_clears_the_view(view):
    session = lesson_session()
    view.set_context(session.trainer.project, session.trainer.data)
    shown(view, session)
    other = lesson_session("adding_rnn", steps=1)
    view.set_context(other.trainer.project, other.trainer.data)
    assert view.stack.currentIndex() == 0 and "Run or step" in view.stack.message.text()
    assert view.hidden_image.image is None and view.headline.text() == ""
    assert view.eigenvalues_shown().size == 0 and view.gradient_shown()[0] is None


def test_a_network_without_a_recurrent_layer_says_so(view):
    g = Graph()
    g.add_node("Input", "x", {"shape": [2]})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    g.add_edge("x", "fc")
    g.add_edge("fc", "out")
    project = Project(g, "logic", {}, TrainConfig())
    view.set_context(project, None)
    assert "no RNN, GRU or LSTM" in view.stack.message.text()
    view.show_insights({"through_time": ProbeFailed("this network has no RNN, GRU or LSTM layer to unroll")})
    assert "could not be computed" in view.stack.message.text()


def test_a_view_built_afresh_gets_back_the_choices_and_picture_it_kept(view, qtbot):
    """Presentation mode builds every view again at the new text size (same model): `keep` and `restore`."""
    session = lesson_session()
    view.set_context(session.trainer.project, session.trainer.data)
    view.sample.setValue(4)
    result = shown(view, session)
    view.gate.setCurrentIndex(view.gate.findData("c"))
    view.time.setValue(17)
    again = ThroughTimeView()
    qtbot.addWidget(again)
    again.set_context(session.trainer.project, session.trainer.data)
    again.restore(view.keep())
    assert again.wanted() == view.wanted() and again.stack.currentIndex() == 1
    assert again.gate.currentData() == "c" and again.time.value() == 17
    np.testing.assert_array_equal(again.gate_image.image, result.gates["c"].T)
    assert again.readout.text() == view.readout.text() and again.headline.text() == view.headline.text()
