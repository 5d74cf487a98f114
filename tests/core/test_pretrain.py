"""Greedy layer-wise pretraining (core.train.pretrain, core.run.pretrain_job): which networks it
takes, that each stage trains the model's own layer and lowers its reconstruction error, that it
runs and stops in the run loop, and lesson #13's claim with the seeds measured."""

import math

import pytest
import torch
from conftest import LESSONS

from core.network.graph import Graph
from core.project import load_project
from core.run import messages as m
from core.run.loop import run_loop
from core.run.session import Session
from core.train.pretrain import PretrainError, Pretraining, pretrain_stages, pretraining_of
from core.train.trainer import Trainer

LESSON = LESSONS / "pretraining_rescue.json"
EPOCHS_PER_LAYER = 20  # the lesson's pretraining step


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)  # as the app's trainer does; two threads on a shared machine ran 5-10x slower
    yield
    torch.set_num_threads(before)


def lesson(seed: int = 0, epochs: int | None = None):
    project = load_project(LESSON)
    project.training = project.training.replace(seed=seed, device="cpu", **({"epochs": epochs} if epochs else {}))
    return project


def test_the_lesson_network_has_five_stages_and_the_output_layer_is_left_to_fine_tuning():
    stages = pretrain_stages(lesson().graph)
    assert [s.dense for s in stages] == ["fc1", "fc2", "fc3", "fc4", "fc5"]
    assert stages[0].nodes == ("fc1", "sigmoid1")


def _chain(*kinds: str) -> Graph:
    graph, previous = Graph(), None
    for i, kind in enumerate(kinds):
        params = {"shape": [4]} if kind == "Input" else {"out_features": 3} if kind == "Linear" else {}
        node = graph.add_node(kind, f"n{i}", params).id
        if previous is not None:
            graph.add_edge(previous, node)
        previous = node
    return graph


@pytest.mark.parametrize(
    "kinds, words",
    [
        (("Input", "Linear", "Output"), "no hidden dense layer"),
        (("Input", "Linear", "BatchNorm", "Sigmoid", "Linear", "Output"), "n2 is a BatchNorm layer"),
    ],
)
def test_a_network_it_cannot_pretrain_is_refused_with_a_sentence(kinds, words):
    with pytest.raises(PretrainError, match=words):
        pretrain_stages(_chain(*kinds))


def test_a_frozen_hidden_layer_is_refused():
    graph = lesson().graph
    graph.set_frozen("fc2", True)
    with pytest.raises(PretrainError, match="fc2 is frozen"):
        pretrain_stages(graph)


def test_each_stage_trains_the_models_own_layer_lowers_its_error_and_later_stages_leave_it_alone():
    trainer = Trainer(lesson())
    model = trainer.model
    start = {k: v.clone() for k, v in model.state_dict().items()}
    job = pretraining_of(trainer, 2)
    at_stage_end = {}
    for record in job:
        if record.epoch_end and record.epoch == record.epochs:  # the stage's last word: copy what it left
            layer = model.layer(record.layer)
            at_stage_end[record.layer] = (layer.weight.detach().clone(), layer.bias.detach().clone())
    assert job.done == 5 and len(job.losses) == 5
    for name, (weight, bias) in at_stage_end.items():
        layer = model.layer(name)
        assert not torch.equal(weight, start[f"layers.{name}.weight"])  # the stage trained this very layer
        assert torch.equal(layer.weight, weight) and torch.equal(layer.bias, bias)  # and it stayed so
    assert torch.equal(model.layer("fc6").weight, start["layers.fc6.weight"])  # the output layer is fine-tuning's
    for before, after in job.losses:
        assert after < 0.25 * before


def test_the_reported_error_is_the_models_encoder_through_its_decoder():
    """The loss at a stage's end is recomputed from the layer as left in the model."""
    trainer = Trainer(lesson())
    job = Pretraining(trainer.model, trainer.project.graph, trainer.x_train, 2, 32, seed=0)
    records = [r for r in job if r.epoch_end]
    first_stage = [r for r in records if r.stage == 1]
    assert first_stage[0].loss == first_stage[0].start_loss
    assert first_stage[-1].loss == pytest.approx(job.losses[0][1])
    assert first_stage[-1].loss < first_stage[1].loss < first_stage[0].loss


def test_the_same_seed_pretrains_the_same_weights():
    weights = []
    for _ in range(2):
        trainer = Trainer(lesson())
        for _record in pretraining_of(trainer, 1):
            pass
        weights.append(trainer.model.state_dict())
    assert all(torch.equal(weights[0][k], weights[1][k]) for k in weights[0])


class Driver:
    """Commands for the run loop: Pretrain first, then `then(messages)` until it returns one."""

    def __init__(self, first, then):
        self.first, self.then, self.messages = first, then, []

    def next_command(self, wait: bool):
        if self.first:
            return self.first.pop(0)
        return self.then(self.messages)

    def of(self, kind):
        return [message for message in self.messages if isinstance(message, kind)]


def pretrain_in_loop(project, first, then) -> Driver:
    driver = Driver(first, then)
    run_loop(Session(project, device="cpu"), driver.next_command, driver.messages.append, 3)
    return driver


def _stop_when_done(messages):
    return m.Stop() if any(isinstance(x, m.PretrainDone | m.PretrainFailed) for x in messages) else None


def test_the_loop_pretrains_reports_each_stage_and_sends_the_weights():
    driver = pretrain_in_loop(lesson(), [m.Pretrain(2), m.Run()], _stop_when_done)
    states = [x.state for x in driver.of(m.StateChanged)]
    assert states[0] == "pretraining" and "running" not in states  # Run waits for the new model
    progress = driver.of(m.PretrainProgress)
    assert {p.stage for p in progress} == {1, 2, 3, 4, 5} and all(p.stages == 5 for p in progress)
    assert all(p.generation == 3 for p in progress)
    (done,) = driver.of(m.PretrainDone)
    assert not done.stopped and done.stages == 5 and len(done.losses) == 5
    assert driver.of(m.RunEnded) == []  # no training step was taken: nothing to keep in the Runs dock
    session = Session(lesson(), weights=done.weights, device="cpu")
    assert torch.equal(session.trainer.model.layer("fc3").weight, torch.as_tensor(done.weights["layers.fc3.weight"]))


def test_stopping_mid_way_keeps_the_stages_done_and_leaves_a_model_that_trains():
    start = Trainer(lesson()).model.state_dict()

    def cancel_in_stage_two(messages):
        if any(isinstance(x, m.PretrainDone) for x in messages):
            return m.Stop()
        progress = [x for x in messages if isinstance(x, m.PretrainProgress)]
        return m.CancelPretrain() if progress and progress[-1].stage == 2 and progress[-1].epoch >= 1 else None

    driver = pretrain_in_loop(lesson(), [m.Pretrain(50)], cancel_in_stage_two)
    (done,) = driver.of(m.PretrainDone)
    assert done.stopped and done.stages == 1 and len(done.losses) == 1
    weights = {k: torch.as_tensor(v) for k, v in done.weights.items()}
    assert not torch.equal(weights["layers.fc1.weight"], start["layers.fc1.weight"])  # stage 1 is kept
    assert not torch.equal(weights["layers.fc2.weight"], start["layers.fc2.weight"])  # so is what stage 2 had done
    assert torch.equal(weights["layers.fc4.weight"], start["layers.fc4.weight"])  # stage 4 never began
    assert driver.of(m.StateChanged)[-2].state == "paused"
    session = Session(lesson(), weights=done.weights, device="cpu")
    for _ in range(20):
        session.step()
    assert all(math.isfinite(loss) for loss in session._losses)


def test_a_network_it_cannot_pretrain_fails_with_the_sentence_and_the_run_goes_on():
    project = load_project(LESSONS / "digits_cnn.json")
    project.training = project.training.replace(device="cpu")
    driver = Driver([m.Pretrain(1)], _stop_when_done)
    run_loop(Session(project, device="cpu"), driver.next_command, driver.messages.append, 3)
    (failed,) = driver.of(m.PretrainFailed)
    assert "layer by layer" in failed.text and failed.details == ""
    assert [x.state for x in driver.of(m.StateChanged)][-2:] == ["paused", "stopped"]


def _test_accuracies(project, weights=None) -> list[float]:
    session = Session(project, weights=weights, device="cpu")
    while session.trainer.epoch < project.training.epochs:
        session.step()
    return [record.test_acc for record in session.records]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lesson_random_weights_stay_at_chance_and_pretraining_rescues_the_network(seed):
    """The lesson's figures (seeds 0-2, 30 epochs): from random weights 9.1-9.7% test accuracy at
    epoch 30, never above 11.3%; pretraining 20 epochs a layer takes fc1's reconstruction error from
    0.28-0.34 to 0.005; fine-tuning then reaches 96.1-96.7% at epoch 30."""
    project = lesson(seed)
    random_run = _test_accuracies(project)
    assert 0.0905 <= random_run[-1] <= 0.0975 and max(random_run) <= 0.1135
    driver = pretrain_in_loop(project, [m.Pretrain(EPOCHS_PER_LAYER)], _stop_when_done)
    (done,) = driver.of(m.PretrainDone)
    before, after = done.losses[0]
    assert 0.275 <= before <= 0.345 and 0.0045 <= after <= 0.0055
    pretrained_run = _test_accuracies(project, done.weights)
    assert 0.9605 <= pretrained_run[-1] <= 0.9675


def test_the_train_verb_pretrains_first_and_says_each_layers_error(tmp_path, capsys):
    from core.cli.main import main as cli

    args = ["train", str(LESSON), "--pretrain", "1", "--epochs", "1", "--device", "cpu", "--out", str(tmp_path / "r")]
    assert cli(args) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("pretrained ")]
    assert [line.split(" (")[0] for line in lines] == [f"pretrained fc{i}" for i in range(1, 6)]
    assert "(5 of 5): reconstruction error " in lines[-1] and "epoch 1/1" in out


def test_the_train_verb_refuses_pretraining_a_network_it_cannot_pretrain(tmp_path, capsys):
    from core.cli.main import main as cli

    args = ["train", str(LESSONS / "digits_cnn.json"), "--pretrain", "1", "--out", str(tmp_path / "r")]
    assert cli(args) == 1
    assert "conv1 is a Conv2d layer" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_a_guided_step_names_pretraining_by_its_epochs_per_layer():
    from core.lesson_steps import StepError, steps_from

    graph = lesson().graph
    (step,) = steps_from([{"text": "t", "actions": [{"pretrain": 20}]}], graph, (), ())
    assert step.actions[0].kind == "pretrain" and step.actions[0].target == 20
    assert step.to_dict()["actions"] == [{"pretrain": 20}]
    for bad in (0, 1001, 2.5, True, "20"):
        with pytest.raises(StepError, match='"pretrain" is the epochs per layer'):
            steps_from([{"text": "t", "actions": [{"pretrain": bad}]}], graph, (), ())
