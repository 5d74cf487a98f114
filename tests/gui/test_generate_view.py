"""The Generate view draws the probe's truth, teacher-forced and free-running curves, asks again for
another series, and clears for a new model."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.project import load_project
from core.run.session import Session
from gui.views.generate import GenerateView


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture
def view(qtbot):
    view = GenerateView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    return view


def test_the_view_draws_the_truth_and_both_generations(view, qtbot):
    session = Session(load_project(LESSONS / "sine_generation.json"), device="cpu")
    for _ in range(20):
        session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    assert view.wanted() == {"generate": {"series_seed": 0, "horizon": 60}}
    with qtbot.waitSignal(view.options_changed):
        view.series.setValue(3)
    result = session.compute(view.wanted())["generate"]
    view.show_insights({"generate": result})
    assert result.series == 3 and view.stack.currentIndex() == 1
    curves = view.curves()
    np.testing.assert_array_equal(curves["truth"][1], result.truth)
    np.testing.assert_array_equal(curves["teacher"][1][1:], result.teacher)
    np.testing.assert_array_equal(curves["free"][1][1:], result.free)
    np.testing.assert_array_equal(curves["free"][0][1:], np.arange(21, 81))  # after the 20-value prompt
    assert f"{result.teacher_mse:.3g}" in view.headline.text() and f"{result.free_mse:.3g}" in view.headline.text()
    other = Session(load_project(LESSONS / "adding_lstm.json"), device="cpu")
    view.set_context(other.trainer.project, other.trainer.data)
    assert view.curves()["truth"][0] is None and view.headline.text() == ""
    assert "noisy-sine dataset" in view.stack.message.text()


def test_a_view_built_afresh_gets_back_the_series_and_picture_it_kept(view, qtbot):
    session = Session(load_project(LESSONS / "sine_generation.json"), device="cpu")
    session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    view.series.setValue(5)
    view.horizon.setValue(30)
    result = session.compute(view.wanted())["generate"]
    view.show_insights({"generate": result})
    again = GenerateView()
    qtbot.addWidget(again)
    again.set_context(session.trainer.project, session.trainer.data)
    again.restore(view.keep())
    assert again.wanted() == view.wanted() == {"generate": {"series_seed": 5, "horizon": 30}}
    np.testing.assert_array_equal(again.curves()["free"][1], view.curves()["free"][1])
    assert again.headline.text() == view.headline.text()
