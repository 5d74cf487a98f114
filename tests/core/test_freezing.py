"""Freezing mid-run (core.train.freezing and the loop's SetFrozen): a frozen layer does not move, the
others train, and unfreezing keeps the weights the model has and trains the layer from there."""

import pytest
import torch
from test_loop import run
from test_transfer import mlp

from core.project import Project
from core.run import messages as m
from core.run.session import Session
from core.train.freezing import set_frozen
from core.train.trainer import Trainer
from core.train_config import TrainConfig


def digits_trainer(optimizer="adam", frozen=()):
    graph = mlp(classes=10)
    for node_id in frozen:
        graph.set_frozen(node_id, True)
    config = TrainConfig(optimizer=optimizer, lr=0.01, batch_size=64, seed=1, l2=0.001, clip_norm=1.0)
    return Trainer(Project(graph, "digits", {}, config), device="cpu")


def tensors(trainer, node_id):
    return [t.detach().clone() for t in trainer.model.layer(node_id).parameters()]


def same(a, b):
    return all(torch.equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam", "lbfgs"])
def test_freeze_then_unfreeze_keeps_the_weights_and_trains_again(optimizer):
    trainer = digits_trainer(optimizer, frozen=("fc1",))  # fc1 frozen from the start: not in the optimiser
    fc1, fc2 = tensors(trainer, "fc1"), tensors(trainer, "fc2")
    for _ in range(5):
        trainer.step()
    assert same(tensors(trainer, "fc1"), fc1) and not same(tensors(trainer, "fc2"), fc2)
    assert set_frozen(trainer, set()) == ["fc1"] and not trainer.project.graph.nodes["fc1"].frozen
    assert same(tensors(trainer, "fc1"), fc1)  # unfreezing keeps the weights
    for _ in range(5):
        trainer.step()
    assert not same(tensors(trainer, "fc1"), fc1)  # and trains them from there
    trained = tensors(trainer, "fc1")
    set_frozen(trainer, {"fc1"})
    for _ in range(5):
        trainer.step()
    assert same(tensors(trainer, "fc1"), trained) and trainer.project.graph.nodes["fc1"].frozen


def test_the_running_loop_freezes_and_unfreezes_without_a_new_model():
    session = Session(Project(mlp(classes=10), "digits", {}, TrainConfig(seed=4, lr=0.05)), device="cpu")
    model = session.trainer.model
    seen = {}

    def look(name):
        def command(_messages):
            seen[name] = [t.detach().clone() for t in model.layer("fc1").parameters()]
            return None

        return command

    # a None is no command yet: the loop takes one of the steps asked for
    run(
        session,
        m.Step(3),
        None,
        None,
        None,
        m.SetFrozen(("fc1",)),
        look("frozen"),
        m.Step(4),
        *[None] * 4,
        look("later"),
    )
    assert session.trainer.model is model and session.trainer.step_count == 7
    assert same(seen["frozen"], seen["later"])
    run(session, m.SetFrozen(()), look("unfrozen"), m.Step(3), None, None, None, look("trained"))
    assert session.trainer.step_count == 10
    assert same(seen["unfrozen"], seen["later"]) and not same(seen["trained"], seen["later"])


def test_freezing_every_layer_pauses_with_why_instead_of_failing():
    session = Session(Project(mlp(classes=10), "digits", {}, TrainConfig(seed=4)), device="cpu")
    before = {k: v.clone() for k, v in session.trainer.model.state_dict().items()}
    script = run(session, m.SetFrozen(("fc1", "fc2")), m.Run(), None, None)
    assert [r.text for r in script.of(m.Reached)] == ["every layer with weights is frozen: unfreeze one to train on"]
    assert not script.of(m.Failed) and session.trainer.step_count == 0
    assert all(torch.equal(v, before[k]) for k, v in session.trainer.model.state_dict().items())
    run(session, m.SetFrozen(("fc1",)), m.Step(2), None, None)
    assert session.trainer.step_count == 2
