"""The training-recipe lessons (course 003/004) show what their texts say, with the seeds measured:
symmetry breaking (#24), depth is not free (#12) and dropout on a small training set (#14)."""

import torch
from conftest import LESSONS

from core.cli.main import main as cli
from core.project import load_project
from core.run.changes import describe_changes
from core.run.saved import read_metrics
from core.train.trainer import Trainer


def trained(project, **settings):
    project.training = project.training.replace(device="cpu", **settings)
    trainer = Trainer(project)
    return trainer, list(trainer.train())


def unit_spread(trainer, layer="fc1") -> float:
    """How far the hidden units' incoming weights are from the first unit's: 0 for twins."""
    weights = trainer.model.layer(layer).weight.detach()
    return (weights - weights[0]).abs().max().item()


def test_identical_units_stay_identical_and_learn_like_one(tmp_path, capsys):
    assert cli(["train", str(LESSONS / "symmetry_breaking.json"), "--out", str(tmp_path)]) == 0
    assert read_metrics(tmp_path / "metrics.csv")[-1]["test_acc"] <= 0.35  # measured 0.310 (seed 0)
    trainer, records = trained(load_project(LESSONS / "symmetry_breaking.json"))
    fc1 = trainer.model.layer("fc1")
    assert torch.equal(fc1.weight, fc1.weight[:1].expand_as(fc1.weight))  # bit-identical rows, seed 0
    assert torch.equal(fc1.bias, fc1.bias[:1].expand_as(fc1.bias))
    assert records[-1].test_acc <= 0.35
    random, random_records = trained(load_project(LESSONS / "symmetry_breaking.json"), init="default")
    assert random_records[-1].test_acc >= 0.93  # measured 0.944
    assert unit_spread(random) > 1.0  # measured 1.9-2.9 over seeds 0-7


def test_identical_units_over_seeds_differ_at_most_by_rounding():
    for seed in range(4):  # measured spreads 0, 0, 0, 0.003 and test accuracy 25-33%
        trainer, records = trained(load_project(LESSONS / "symmetry_breaking.json"), seed=seed)
        assert unit_spread(trainer) <= 0.05 and records[-1].test_acc <= 0.35


def shallower(project, depth: int):
    """The lesson's network with only `depth` hidden layers, cut as its text tells the user."""
    graph = project.graph
    for k in range(4, depth, -1):
        graph.remove_node(f"fc{k}")
        graph.remove_node(f"sigmoid{k}")
    if depth < 4:
        graph.add_edge(f"sigmoid{depth}", "fc5")
    return project


def test_four_sigmoid_layers_are_not_the_best_depth():
    accuracy = {}
    for depth in (1, 2, 3, 4):
        project = shallower(load_project(LESSONS / "depth_sigmoid.json"), depth)
        accuracy[depth] = trained(project)[1][-1].test_acc
    # measured with seed 0: 96.5, 95.4, 93.5, 77.4 %
    assert accuracy[1] >= 0.95 and accuracy[2] >= 0.94 and accuracy[3] >= 0.92
    assert accuracy[4] <= 0.85 and accuracy[4] < min(accuracy[d] for d in (1, 2, 3))
    cut = shallower(load_project(LESSONS / "depth_sigmoid.json"), 3)
    assert describe_changes(load_project(LESSONS / "depth_sigmoid.json"), cut) == ["4 → 3 hidden layers"]


def without_dropout(project):
    graph = project.graph
    for k in (1, 2):
        after = next(e for e in graph.edges if e.src == f"drop{k}")
        graph.remove_node(f"drop{k}")
        graph.add_edge(f"relu{k}", after.dst, after.port)
    return project


def test_dropout_lowers_the_best_test_loss_on_a_small_training_set():
    project = load_project(LESSONS / "dropout_small_data.json")
    assert len(Trainer(project).x_train) == 180
    for seed in range(3):  # measured best test loss 0.279 -> 0.265, 0.284 -> 0.261, 0.284 -> 0.252
        plain = trained(without_dropout(load_project(LESSONS / "dropout_small_data.json")), seed=seed)[1]
        dropped = trained(load_project(LESSONS / "dropout_small_data.json"), seed=seed)[1]
        best_plain = min(r.test_loss for r in plain)
        best_dropped = min(r.test_loss for r in dropped)
        assert best_dropped < best_plain - 0.005
        assert plain[-1].test_loss > best_plain + 0.02  # without dropout it overfits: measured 0.32-0.33 at the end


def epochs_to(records, accuracy):
    return next((r.epoch for r in records if r.test_acc >= accuracy), None)


def test_momentum_and_adam_win_the_race_on_the_digits():
    """Measured, seeds 0-2: 95% test after 16-18 epochs with SGD, 3-8 with momentum, 3-4 with Adam."""
    for seed in range(3):
        sgd = trained(load_project(LESSONS / "optimiser_race_digits.json"), seed=seed)[1]
        momentum = trained(load_project(LESSONS / "optimiser_race_digits.json"), seed=seed, optimizer="momentum")[1]
        adam = trained(load_project(LESSONS / "optimiser_race_digits.json"), seed=seed, optimizer="adam", lr=0.01)[1]
        assert epochs_to(sgd, 0.95) >= 15
        assert epochs_to(momentum, 0.95) <= 9 and epochs_to(adam, 0.95) <= 5
        assert sgd[0].test_acc <= 0.65 and momentum[0].test_acc >= 0.8 and adam[0].test_acc >= 0.85
        assert all(records[-1].test_acc >= 0.94 for records in (sgd, momentum, adam))


def without_batch_norm(project):
    graph = project.graph
    for k in range(1, 5):
        graph.remove_node(f"bn{k}")
        graph.add_edge(f"fc{k}", f"sigmoid{k}")
    return project


def test_batch_norm_takes_the_deep_sigmoid_network_past_90_percent_in_a_few_epochs():
    for seed in range(2):  # measured, seeds 0-3: 90% after 2-3 epochs with it, never in 60 without
        normed = trained(load_project(LESSONS / "batchnorm_sigmoid.json"), seed=seed)[1]
        plain = trained(without_batch_norm(load_project(LESSONS / "batchnorm_sigmoid.json")), seed=seed)[1]
        assert epochs_to(normed, 0.90) <= 3 and normed[-1].test_acc >= 0.95
        assert epochs_to(plain, 0.90) is None


def test_batch_norm_standardises_in_training_and_ignores_the_batch_at_test_time():
    trainer = Trainer(load_project(LESSONS / "batchnorm_sigmoid.json"))
    x = trainer.x_train[:256]
    trainer.model.train()
    with torch.no_grad():
        normed = trainer.model(x, taps=["bn2"])[1]["bn2"]
    assert normed.mean(0).abs().max() < 1e-5  # each feature over the batch, before any learned shift
    assert torch.allclose(normed.std(0, unbiased=False), torch.ones(30), atol=1e-3)
    list(trainer.train(epochs=2))
    trainer.model.eval()
    with torch.no_grad():
        together = trainer.model(trainer.x_test[:64])
        alone = torch.cat([trainer.model(trainer.x_test[i : i + 1]) for i in range(64)])
    assert torch.allclose(together, alone, atol=1e-5)
