"""The Neurons view's probe: the drawn weights are the model's, the numbers written on the wires
are autograd's, and a weight set by hand lands in the model, read back through the probe, only
while training is paused."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.probes.wires import MAX_UNITS, wiring
from core.project import load_project
from core.run import messages as m
from core.run.loop import run_loop
from core.run.session import Session
from core.train.trainer import Trainer


def test_the_drawn_weights_and_biases_are_the_models():
    trainer = Trainer(load_project(LESSONS / "spiral_mlp.json"))
    for _ in range(7):
        trainer.step()
    drawn = wiring(trainer)
    assert [c.node for c in drawn.columns] == ["x", "fc1", "fc2", "fc3"]
    assert [c.size for c in drawn.columns] == [2, 12, 12, 2]
    assert drawn.columns[1].activations == ("Tanh",) and drawn.columns[3].activations == ()
    for column in drawn.columns[1:]:
        layer = trainer.model.layer(column.node)
        assert np.array_equal(column.weight, layer.weight.detach().double().numpy())
        assert np.array_equal(column.bias, layer.bias.detach().double().numpy())
    assert drawn.step == 7 and 0 <= drawn.train_accuracy <= 1


def forward_values(trainer, sample):
    """Each module's output, for one sample, by hooks on the model itself."""
    seen = {}
    hooks = [
        trainer.model.layer(n).register_forward_hook(lambda mod, i, out, n=n: seen.__setitem__(n, out.detach()))
        for n in trainer.model.order
    ]
    trainer.model.eval()
    with torch.no_grad():
        trainer.model(trainer.x_train[sample : sample + 1])
    trainer.model.train()
    for hook in hooks:
        hook.remove()
    return seen


@pytest.mark.parametrize(("lesson", "sample"), [("hidden_lines", 5), ("spiral_mlp", 17), ("perceptron", 3)])
def test_the_values_on_the_wires_are_autograds(lesson, sample):
    trainer = Trainer(load_project(LESSONS / f"{lesson}.json"))
    for _ in range(10):
        trainer.step()
    drawn = wiring(trainer, sample)
    model = trainer.model
    x, y = trainer.x_train[sample : sample + 1], trainer.y_train[sample : sample + 1]
    model.eval()
    loss = trainer._loss(model(x), y)
    dense = [c for c in drawn.columns if c.weight is not None]
    params = [p for c in dense for p in (model.layer(c.node).weight, model.layer(c.node).bias)]
    grads = torch.autograd.grad(loss, params)
    model.train()
    assert drawn.sample == sample and drawn.loss == pytest.approx(float(loss.detach()), rel=1e-5)
    for i, column in enumerate(dense):
        assert np.allclose(column.grad_weight, grads[2 * i].numpy(), rtol=1e-4, atol=1e-7), column.node
        assert np.allclose(column.grad_bias, grads[2 * i + 1].numpy(), rtol=1e-4, atol=1e-7), column.node
    outputs = forward_values(trainer, sample)
    assert np.allclose(drawn.columns[0].values, x.numpy().reshape(-1))
    for column in drawn.columns[1:]:
        last = column.activation_nodes[-1] if column.activation_nodes else column.node
        assert np.allclose(column.values, outputs[last].numpy().reshape(-1), rtol=1e-5, atol=1e-6), column.node
        if column.activations == ("Sigmoid",):  # σ′ = σ(1 − σ) at each unit
            assert np.allclose(column.slopes, column.values * (1 - column.values))


def test_a_network_too_wide_or_not_dense_gets_a_sentence():
    with pytest.raises(ValueError, match=f"at most {MAX_UNITS} units per layer"):
        wiring(Trainer(load_project(LESSONS / "universal_approximation.json")))
    with pytest.raises(ValueError, match="Neurons view"):
        wiring(Trainer(load_project(LESSONS / "digits_cnn.json")))


class Script:
    def __init__(self, *items):
        self.items, self.messages = list(items), []

    def next_command(self, wait):
        return self.items.pop(0) if self.items else m.Stop()

    def of(self, kind):
        return [message for message in self.messages if isinstance(message, kind)]


def run(session, *items):
    script = Script(*items)
    run_loop(session, script.next_command, script.messages.append, 3)
    return script


def test_a_weight_set_by_hand_lands_in_the_model_and_the_views_see_it_at_once():
    session = Session(load_project(LESSONS / "perceptron.json"), device="cpu")
    session.set_views({"wires": {}})
    run(session, m.Step(2), None, None)
    before = float(session.trainer.model.layer("unit").weight.detach()[0, 1])
    script = run(session, m.SetParameter("unit", "weight", (0, 1), 0.75), m.SetParameter("unit", "bias", (0,), -0.25))
    done = script.of(m.ParameterSet)
    assert [(d.name, d.index, d.value) for d in done] == [("weight", (0, 1), 0.75), ("bias", (0,), -0.25)]
    shown = [p.snapshot.insights["wires"] for p in script.of(m.Published) if p.snapshot.insights]
    assert shown[-1].columns[1].weight[0, 1] == 0.75 and shown[-1].columns[1].bias[0] == -0.25
    assert shown[-1].step == 2  # the same step: no training happened, the probe was computed again
    read_back = session.compute({"wires": {}})["wires"]
    assert read_back.columns[1].weight[0, 1] == 0.75 and read_back.columns[1].bias[0] == -0.25
    assert float(session.trainer.model.layer("unit").weight.detach()[0, 1]) == 0.75
    assert done[0].previous == before != 0.75


def test_a_weight_is_refused_while_training_runs_and_the_model_is_unchanged():
    session = Session(load_project(LESSONS / "perceptron.json"), device="cpu")
    script = run(session, m.Run(), None, m.SetParameter("unit", "weight", (0, 0), 9.0), None, m.Pause())
    assert script.of(m.Refused) and "pause" in script.of(m.Refused)[0].text and not script.of(m.ParameterSet)
    assert float(session.trainer.model.layer("unit").weight.detach()[0, 0]) != 9.0


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (m.SetParameter("nowhere", "weight", (0, 0), 1.0), "no layer"),
        (m.SetParameter("unit", "weight", (3, 0), 1.0), "no weight at"),
        (m.SetParameter("unit", "gain", (0,), 1.0), "no gain"),
        (m.SetParameter("unit", "bias", (0,), float("nan")), "finite"),
    ],
)
def test_a_parameter_that_does_not_exist_is_refused_with_a_sentence(command, words):
    session = Session(load_project(LESSONS / "perceptron.json"), device="cpu")
    before = session.trainer.model.layer("unit").weight.detach().clone()
    script = run(session, command)
    assert words in script.of(m.Refused)[0].text
    assert torch.equal(before, session.trainer.model.layer("unit").weight.detach())
