"""The back-propagation inspector's chain rule, done layer by layer, against autograd's; and the
perceptron lesson's update, which is the perceptron rule with η = 2 × the learning rate."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.probes.backprop import BackpropProbe, by_hand
from core.project import load_project
from core.train.trainer import Trainer


def autograd_of(trainer, sample):
    """∂L/∂W, ∂L/∂b of every Linear and ∂L/∂x, by autograd on the model itself (test-time mode)."""
    model = trainer.model
    x = trainer.x_train[sample : sample + 1].clone().requires_grad_(True)
    model.eval()
    loss = trainer._loss(model(x), trainer.y_train[sample : sample + 1])
    params = {n: model.layer(n) for n in model.order if isinstance(model.layer(n), torch.nn.Linear)}
    flat = [p for m in params.values() for p in (m.weight, m.bias)]
    grads = torch.autograd.grad(loss, [x, *flat])
    model.train()
    by_node = {n: (grads[1 + 2 * i].numpy(), grads[2 + 2 * i].numpy()) for i, n in enumerate(params)}
    return float(loss.detach()), grads[0].numpy().reshape(-1), by_node


@pytest.mark.parametrize(("lesson", "sample"), [("spiral_mlp", 3), ("hidden_lines", 11), ("folding_circles", 7)])
def test_the_hand_made_gradients_equal_autograds(lesson, sample):
    trainer = Trainer(load_project(LESSONS / f"{lesson}.json"))
    for _ in range(20):
        trainer.step()
    shown = by_hand(trainer, sample)
    loss, d_input, grads = autograd_of(trainer, sample)
    assert shown.loss == pytest.approx(loss, rel=1e-5)
    assert np.allclose(shown.layers[0].delta_in, d_input, rtol=1e-4, atol=1e-7)  # δ all the way to the input
    for layer in shown.layers:
        if layer.grad_weight is not None:
            assert np.allclose(layer.grad_weight, grads[layer.node][0], rtol=1e-4, atol=1e-7), layer.node
            assert np.allclose(layer.grad_bias, grads[layer.node][1], rtol=1e-4, atol=1e-7), layer.node
        if layer.derivative is not None:  # δ_in = δ ⊙ f′(a), term by term
            assert np.allclose(layer.delta_in, layer.delta * layer.derivative)


def test_a_sigmoid_layer_passes_back_at_most_a_quarter():
    trainer = Trainer(load_project(LESSONS / "hidden_lines.json"))
    shown = by_hand(trainer, 0)
    sigmoid = next(layer for layer in shown.layers if layer.kind == "Sigmoid")
    assert np.all(sigmoid.derivative <= 0.25) and np.allclose(
        sigmoid.derivative, sigmoid.outputs * (1 - sigmoid.outputs)
    )


def test_the_perceptron_card_shows_the_update_the_step_applied():
    """Batch 1, plain SGD, MSE and a step unit: Δw = −lr·2(y − t)x = η(t − y)x with η = 2·lr."""
    trainer = Trainer(load_project(LESSONS / "perceptron.json"))
    probe = BackpropProbe(trainer)
    probe.attach()
    changed = 0
    for _ in range(60):
        before = trainer.model.layer("unit").weight.detach().clone()
        trainer.step()
        after = trainer.model.layer("unit").weight.detach().clone()
        card = probe.compute()
        last = card.last_step
        assert last is not None and card.sample == last.sample == int(trainer.last_batch[0])
        assert np.allclose(last.before["unit"][0], before.numpy()) and np.allclose(
            last.change["unit"][0], (after - before).numpy(), atol=1e-7
        )
        unit = next(layer for layer in card.layers if layer.node == "unit")
        x, y, t = unit.inputs, card.layers[-1].outputs[0], card.target[0]
        assert np.allclose(last.change["unit"][0], -last.lr * unit.grad_weight, atol=1e-7)  # w ← w − lr ∂L/∂w
        assert np.allclose(last.change["unit"][0][0], 2 * last.lr * (t - y) * x, atol=1e-7)  # the perceptron rule
        changed += bool(np.any(last.change["unit"][0]))
    assert changed > 0  # some of those steps met a misclassified sample and moved the line


def test_a_network_too_wide_to_spell_out_is_refused_with_a_reason():
    trainer = Trainer(load_project(LESSONS / "digits_cnn.json"))
    with pytest.raises(ValueError, match="at most 16 units"):
        BackpropProbe(trainer).compute()
