"""The trainer: optimisers, init schemes, penalties, clipping, schedules, determinism, NaN."""

import math

import pytest
import torch

from core.data.catalog import load_dataset
from core.network.fit import data_problems
from core.network.graph import Graph, infer
from core.optimizers import TRAINABLE
from core.project import Project
from core.train.trainer import Diverged, Trainer, TrainingError, _split, pick_device
from core.train_config import INITS, TrainConfig


def chain(*layers, shape=(2,)):
    """A graph Input → layers… → Output from (kind, params) pairs."""
    g = Graph()
    prev = g.add_node("Input", "x", {"shape": list(shape)}).id
    for i, (kind, params) in enumerate(layers):
        node = g.add_node(kind, f"n{i}", params)
        g.add_edge(prev, node.id)
        prev = node.id
    g.add_node("Output", "out")
    g.add_edge(prev, "out")
    return g


def mlp_project(loss="cross_entropy", width=2, dataset="gaussian", **training):
    g = chain(("Linear", {"out_features": 8}), ("Tanh", {}), ("Linear", {"out_features": width}))
    g.set_param("out", "loss", loss)
    return Project(g, dataset, {"n_samples": 100}, TrainConfig(**{"epochs": 2, "batch_size": 16, **training}))


def params_of(trainer):
    return [p.detach().clone() for p in trainer.model.parameters()]


@pytest.mark.parametrize("optimizer", TRAINABLE)
def test_every_optimiser_takes_a_real_step(optimizer):
    trainer = Trainer(mlp_project(optimizer=optimizer, lr=0.05))
    before = params_of(trainer)
    record = trainer.step()
    after = params_of(trainer)
    assert math.isfinite(record.loss) and record.step == 1
    assert any(not torch.equal(a, b) for a, b in zip(before, after, strict=True))


def test_optimisers_are_torch_optim_with_the_settings():
    trainer = Trainer(mlp_project(optimizer="nesterov", lr=0.2, momentum=0.8))
    assert isinstance(trainer.optimizer, torch.optim.SGD)
    group = trainer.optimizer.param_groups[0]
    assert group["nesterov"] and group["momentum"] == 0.8 and group["lr"] == 0.2


@pytest.mark.parametrize("scheme", INITS)
def test_every_init_scheme(scheme):
    g = chain(("Linear", {"out_features": 64}), ("ReLU", {}), ("Linear", {"out_features": 2}))
    trainer = Trainer(Project(g, "gaussian", {}, TrainConfig(init=scheme, init_scale=0.3)))
    weight = trainer.model.layer("n0").weight.detach()
    bias = trainer.model.layer("n0").bias.detach()
    if scheme == "default":
        bound = 1 / math.sqrt(2)
        assert weight.abs().max() <= bound and weight.std() > 0.1 and bias.abs().sum() > 0
    else:
        assert torch.all(bias == 0)
    if scheme == "zeros":
        assert torch.all(weight == 0)
    elif scheme == "constant":
        assert torch.all(weight == 0.3)
    elif scheme == "normal":
        big = (
            Trainer(
                Project(
                    chain(("Linear", {"out_features": 2000}), ("Linear", {"out_features": 2})),
                    "gaussian",
                    {},
                    TrainConfig(init="normal", init_scale=0.3),
                )
            )
            .model.layer("n0")
            .weight
        )
        assert abs(big.std().item() - 0.3) < 0.02
    elif scheme == "xavier":
        assert weight.abs().max() <= math.sqrt(6 / (2 + 64))
    elif scheme == "kaiming":
        assert weight.abs().max() < 8 * math.sqrt(2 / 2)
    elif scheme == "orthogonal":
        assert torch.allclose(weight.T @ weight, torch.eye(2), atol=1e-5)
    assert math.isfinite(trainer.step().loss)


def test_same_seed_gives_identical_metrics_and_another_seed_does_not():
    def run(seed):
        trainer = Trainer(mlp_project(seed=seed, epochs=3))
        return [r.to_dict() | {"seconds": 0} for r in trainer.train()]

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_nan_loss_stops_with_the_step_and_a_likely_cause():
    g = chain(("Linear", {"out_features": 1}))
    g.set_param("out", "loss", "mse")
    trainer = Trainer(Project(g, "logic", {}, TrainConfig(optimizer="sgd", lr=100.0, batch_size=8)))
    with pytest.raises(Diverged) as err:
        for _ in range(200):
            trainer.step()
    assert err.value.step == trainer.step_count
    message = str(err.value)
    assert f"at step {trainer.step_count}" in message and "learning rate 100 is probably too high" in message


def test_learning_rate_changes_live_and_the_schedule_keeps_shaping_it():
    trainer = Trainer(mlp_project(lr=0.1))
    trainer.step()
    trainer.update_settings(trainer.config.replace(lr=0.5))
    assert trainer.optimizer.param_groups[0]["lr"] == 0.5
    trainer.step()
    assert trainer.optimizer.param_groups[0]["lr"] == 0.5
    cosine = Trainer(mlp_project(lr=0.1, schedule="cosine", epochs=4))
    for _ in range(cosine.steps_per_epoch * 2):
        cosine.step()
    assert cosine.lr == pytest.approx(0.05)
    cosine.update_settings(cosine.config.replace(lr=1.0))
    assert cosine.lr == pytest.approx(0.5)


def test_linear_decay_reaches_half_at_mid_run_and_warm_up_rises_step_by_step():
    linear = Trainer(mlp_project(lr=0.1, schedule="linear", epochs=4))
    for _ in range(linear.steps_per_epoch * 2):
        linear.step()
    assert linear.lr == pytest.approx(0.05)
    warm = Trainer(mlp_project(lr=0.1, warmup_epochs=1, epochs=4))
    rates = []
    for _ in range(warm.steps_per_epoch + 3):
        rates.append(warm.optimizer.param_groups[0]["lr"])  # the rate this step uses
        warm.step()
    spe = warm.steps_per_epoch
    assert rates[:spe] == pytest.approx([0.1 * (k + 1) / spe for k in range(spe)])
    assert rates[spe:] == pytest.approx([0.1] * 3)  # then the schedule's own rate (constant here)
    assert warm.update_settings(warm.config.replace(warmup_epochs=2)) == ["warmup_epochs"]  # from the next run


@pytest.mark.parametrize("schedule", ["constant", "step", "linear", "cosine"])
@pytest.mark.parametrize("warmup", [0, 2])
def test_the_exported_script_schedules_the_rate_as_the_app_does(schedule, warmup):
    import math

    import torch

    from core.export.runtime import RUNTIME
    from core.train.trainer import _schedule

    script = {"math": math, "torch": torch, "nn": torch.nn}
    exec(RUNTIME, script)  # the exported script's own functions, as the script defines them
    config = mlp_project(schedule=schedule, warmup_epochs=warmup, epochs=6, step_epochs=2).training
    ours, theirs = _schedule(config, 7), script["schedule"](config.to_dict(), 7)
    assert [ours(step) for step in range(45)] == pytest.approx([theirs(step) for step in range(45)])


def test_update_settings_changes_what_can_change_live_and_undo_restores_it():
    trainer = Trainer(mlp_project(optimizer="momentum", lr=0.1, momentum=0.5, batch_size=16, epochs=5))
    for _ in range(3):
        trainer.step()
    before = trainer.config
    changed = before.replace(lr=0.02, momentum=0.8, l1=0.001, l2=0.01, clip_norm=1.5, epochs=9, batch_size=8)
    assert trainer.update_settings(changed) == []
    group = trainer.optimizer.param_groups[0]
    assert (group["lr"], group["momentum"]) == (0.02, 0.8)
    assert trainer.config == changed and trainer.project.training == changed
    assert trainer.steps_per_epoch == len(_split(len(trainer.x_train), 8))
    assert trainer._penalty() > 0  # L1 and L2 now count
    trainer.step()
    assert trainer.update_settings(before) == []  # undo
    group = trainer.optimizer.param_groups[0]
    assert (group["lr"], group["momentum"]) == (0.1, 0.5) and trainer.config == before
    assert trainer.update_settings(before.replace(optimizer="adam", seed=3, lr=0.05)) == ["optimizer", "seed"]
    assert isinstance(trainer.optimizer, torch.optim.SGD) and trainer.lr == 0.05
    trainer.step()  # the running optimizer goes on as it is
    adamw = Trainer(mlp_project(optimizer="adamw", weight_decay=0.01))
    adamw.update_settings(adamw.config.replace(weight_decay=0.2))
    assert adamw.optimizer.param_groups[0]["weight_decay"] == 0.2


def test_step_schedule_multiplies_by_gamma_every_step_epochs():
    trainer = Trainer(mlp_project(lr=0.4, schedule="step", step_epochs=1, step_gamma=0.5, epochs=3))
    lrs = [r.lr for r in trainer.train()]
    assert lrs == pytest.approx([0.2, 0.1, 0.05])


def test_frozen_nodes_do_not_train():
    project = mlp_project(optimizer="sgd", lr=0.5)
    project.graph.set_frozen("n0", True)
    trainer = Trainer(project)
    before = trainer.model.layer("n0").weight.detach().clone()
    other = trainer.model.layer("n2").weight.detach().clone()
    list(trainer.train())
    assert torch.equal(before, trainer.model.layer("n0").weight)
    assert not torch.equal(other, trainer.model.layer("n2").weight)


@pytest.mark.parametrize("penalty", ["l1", "l2"])
def test_penalties_shrink_the_weights(penalty):
    def weight_norm(**extra):
        trainer = Trainer(mlp_project(optimizer="sgd", lr=0.1, epochs=5, **extra))
        list(trainer.train())
        return sum(p.abs().sum().item() for p in trainer.penalised)

    assert weight_norm(**{penalty: 0.2}) < 0.7 * weight_norm()


def test_a_clipped_step_is_at_most_lr_times_the_clip_norm():
    trainer = Trainer(mlp_project(optimizer="sgd", lr=1.0, clip_norm=0.01, init="normal", init_scale=3.0))
    before = torch.cat([p.detach().flatten() for p in trainer.model.parameters()])
    trainer.step()
    after = torch.cat([p.detach().flatten() for p in trainer.model.parameters()])
    assert (after - before).norm().item() == pytest.approx(0.01, rel=1e-3)


@pytest.mark.parametrize("loss,width", [("cross_entropy", 2), ("bce", 1), ("mse", 1), ("mse", 2), ("bce", 2)])
def test_every_loss_trains_to_a_separable_answer(loss, width):
    trainer = Trainer(mlp_project(loss=loss, width=width, epochs=15, lr=0.05))
    record = list(trainer.train())[-1]
    assert record.train_acc >= 0.95 and record.test_acc >= 0.9


def test_dropout_and_batch_norm_train():
    g = chain(
        ("Linear", {"out_features": 16}),
        ("BatchNorm", {}),
        ("ReLU", {}),
        ("Dropout", {"p": 0.2}),
        ("Linear", {"out_features": 2}),
    )
    trainer = Trainer(Project(g, "moons", {}, TrainConfig(epochs=10, lr=0.02)))
    assert list(trainer.train())[-1].test_acc > 0.85


def test_graph_and_data_must_agree():
    project = mlp_project()
    project.graph.set_param("x", "shape", [3])
    problems = data_problems(project.graph, infer(project.graph), load_dataset("gaussian"))
    assert [str(p) for p in problems] == [
        "Input 'x' has shape 3 but the dataset 'gaussian' gives 2 — set the Input shape to 2"
    ]
    project = mlp_project(width=3)
    with pytest.raises(TrainingError, match="receives 3 values but the dataset has 2 classes"):
        Trainer(project)


def test_devices():
    assert pick_device("cpu").type == "cpu"
    assert pick_device("auto").type == (
        "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    )
    if not torch.cuda.is_available():
        with pytest.raises(TrainingError, match="CUDA was chosen but is not available"):
            pick_device("cuda")


def test_batches_cover_the_data_and_never_end_with_a_single_sample():
    assert _split(10, 4) == [(0, 4), (4, 8), (8, 10)]
    assert _split(9, 4) == [(0, 4), (4, 8)]
    assert _split(1, 4) == [(0, 1)]
    trainer = Trainer(mlp_project(batch_size=16))
    n = len(trainer.x_train)
    assert trainer.steps_per_epoch == math.ceil(n / 16) - (n % 16 == 1)
    list(trainer.train(1))
    assert trainer.step_count == trainer.steps_per_epoch and trainer.epoch == 1
