"""The back-propagation view writes the probe's numbers, and the perceptron rule for the perceptron."""

import numpy as np
from conftest import LESSONS

from core.probes.backprop import BackpropProbe
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.backprop import BackpropView, num, vector


def test_the_page_states_the_chain_rule_and_the_update_of_the_last_step(qtbot):
    trainer = Trainer(load_project(LESSONS / "perceptron.json"))
    probe = BackpropProbe(trainer)
    probe.attach()
    for _ in range(30):
        trainer.step()
    result = probe.compute()
    view = BackpropView()
    qtbot.addWidget(view)
    view.show_insights({"backprop": result})
    page = view.text.toPlainText()
    unit = result.layers[1]
    assert f"#{result.sample}" in page and vector(unit.outputs) in page
    assert f"ΔW {vector(result.last_step.change['unit'][0])}" in page
    assert "perceptron rule" in page and f"η′ = 2η = {num(2 * result.last_step.lr)}" in page
    assert view.wanted() == {"backprop": {"sample": None}}  # the last step's sample
    view.sample.setMaximum(100)
    view.sample.setValue(7)
    assert view.wanted() == {"backprop": {"sample": 7}}


def test_a_chosen_sample_shows_each_products_numbers(qtbot):
    trainer = Trainer(load_project(LESSONS / "hidden_lines.json"))
    result = BackpropProbe(trainer).compute(sample=5)
    view = BackpropView()
    qtbot.addWidget(view)
    view.show_insights({"backprop": result})
    page = view.text.toPlainText()
    sigmoid = next(layer for layer in result.layers if layer.kind == "Sigmoid")
    d, f = sigmoid.delta[0], sigmoid.derivative[0]
    assert f"{num(d)} × {num(f)} = {num(d * f)}" in page and "σ′ ≤ 0.25" in page
    assert "update this step applied" not in page and np.all(sigmoid.derivative <= 0.25)
