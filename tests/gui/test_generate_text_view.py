"""The Generate view for a next-character model: the temperature is asked for and sent to the probe,
the page shows the probe's truth, likeliest and sampled characters line under line, and a new model
clears it."""

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
    view.resize(900, 520)
    view.show()
    return view


def test_the_text_page_shows_the_truth_the_likeliest_and_the_sampled_characters(view, qtbot):
    session = Session(load_project(LESSONS / "next_character.json"), device="cpu")
    for _ in range(150):
        session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    assert view.text_controls.isVisible() and not view.sine_controls.isVisible()
    with qtbot.waitSignal(view.options_changed):
        view.temperature.setValue(0.5)
    assert view.wanted() == {"generate": {"series_seed": 0, "temperature": 0.5, "characters": 300}}
    result = session.compute(view.wanted())["generate"]
    view.show_insights({"generate": result})
    assert result.temperature == 0.5 and view.stack.currentWidget() is view.text
    shown = view.text.toPlainText().replace("\n", "")
    lines = view.text.toPlainText().splitlines()
    width = view.text.width_in_chars
    assert view.text.document().idealWidth() <= view.text.viewport().width()  # every line fits
    truth = [line for line in lines if line.startswith("truth")]
    assert len(truth) == -(-300 // width)  # the passage in lines as wide as the page
    pad = len(lines[0]) - len(result.prompt)  # the labels column
    assert "".join(line[pad:] for line in truth) == result.truth
    assert "".join(line[pad:] for line in lines if line.startswith("likeliest")) == result.teacher
    assert "".join(line[pad:] for line in lines if line.startswith("sampled")) == result.sampled
    assert result.prompt in shown
    headline = view.headline.text()
    assert f"{100 * result.real_words:.0f}%" in headline and f"{result.loss:.3g}" in headline
    qtbot.wait(50)  # the headline's second line laid out
    view.grab().save("/tmp/generate_text.png")
    other = Session(load_project(LESSONS / "sine_generation.json"), device="cpu")
    view.set_context(other.trainer.project, other.trainer.data)
    assert view.text.toPlainText() == "" and view.headline.text() == ""
    assert view.sine_controls.isVisible() and not view.text_controls.isVisible()
    assert view.wanted() == {"generate": {"series_seed": 0, "horizon": 60}}


def test_a_view_built_afresh_keeps_the_temperature_and_the_text(view, qtbot):
    session = Session(load_project(LESSONS / "next_character.json"), device="cpu")
    session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    view.temperature.setValue(2.0)
    view.characters.setValue(80)
    view.show_insights({"generate": session.compute(view.wanted())["generate"]})
    again = GenerateView()
    qtbot.addWidget(again)
    again.resize(900, 520)
    again.show()
    again.set_context(session.trainer.project, session.trainer.data)
    again.restore(view.keep())
    assert again.wanted() == view.wanted()
    assert again.text.result is view.text.result and again.headline.text() == view.headline.text()
