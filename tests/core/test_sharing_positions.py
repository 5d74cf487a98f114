"""Sharing across positions with a convolution (LESSONS #34): Transpose and GlobalMaxPool do what
their shapes say, the By position probe counts what the trainer classifies, and the convolution
lesson finds the key at every position training never showed (seeds 0 to 2, as its text says)."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.cli.main import main as cli
from core.network.graph import Graph, infer
from core.network.layers import KINDS
from core.probes.positions import PositionsProbe, key_positions
from core.project import load_project
from core.run.saved import read_metrics
from core.train.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_transpose_swaps_steps_and_features_and_the_global_maximum_keeps_one_value_per_channel():
    x = torch.randn(4, 20, 3)
    swap = KINDS["Transpose"]
    assert swap.infer([(20, 3)], {}) == (3, 20)
    assert torch.equal(swap.make([(20, 3)], {})(x), x.transpose(1, 2))
    pool = KINDS["GlobalMaxPool"]
    maps = torch.randn(4, 8, 18)
    assert pool.infer([(8, 18)], {}) == (8,) and pool.infer([(6, 5, 5)], {}) == (6,)
    assert torch.equal(pool.make([(8, 18)], {})(maps), maps.max(2).values)
    image_maps = torch.randn(2, 6, 5, 5)
    assert torch.equal(pool.make([(6, 5, 5)], {})(image_maps), image_maps.amax((2, 3)))
    g = Graph()
    g.add_node("Input", "x", {"shape": [7]})
    g.add_node("GlobalMaxPool", "pool")
    g.add_node("Transpose", "swap")
    g.add_node("Output", "out", {"loss": "mse"})
    g.add_edge("x", "pool")
    g.add_edge("pool", "swap")
    g.add_edge("swap", "out")
    messages = " ".join(str(p) for p in infer(g).problems)
    assert "channels × positions" in messages


def test_the_convolution_lessons_shapes_are_the_torch_modules_own():
    trainer = Trainer(load_project(LESSONS / "key_position_conv.json"), device="cpu")
    shapes = infer(trainer.project.graph).shapes
    assert shapes["swap"] == (3, 20) and shapes["conv"] == (8, 20) and shapes["pool"] == (8,)
    assert sum(p.numel() for p in trainer.model.parameters()) == 98  # as the lesson's text says
    assert trainer.predict(trainer.x_test[:5]).shape == (5, 2)


def test_the_probe_counts_what_the_trainer_classifies_at_each_position():
    trainer = Trainer(load_project(LESSONS / "key_position_mlp.json"), device="cpu")
    for _ in range(30):
        trainer.step()
    result = PositionsProbe(trainer).compute()
    data = trainer.data
    predicted = trainer.classify(trainer.predict(trainer.x_test)).numpy()
    where = key_positions(data.x_test)
    for k in range(20):
        chosen = where == k
        assert result.test_count[k] == chosen.sum()
        expected = (predicted == data.y_test)[chosen].mean() if chosen.any() else np.nan
        np.testing.assert_equal(result.test_accuracy[k], expected)
    assert list(result.unseen) == list(range(10, 20)) and result.chance == 0.5
    assert result.unseen_accuracy == pytest.approx(float((predicted == data.y_test).mean()))
    assert (result.train_count[:10] > 0).all() and (result.train_count[10:] == 0).all()


def test_the_probe_refuses_another_dataset():
    trainer = Trainer(load_project(LESSONS / "parity_rnn.json"), device="cpu")
    with pytest.raises(ValueError, match="key-position dataset"):
        PositionsProbe(trainer).compute()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_convolution_with_global_max_pooling_finds_the_key_at_every_unseen_position(seed):
    project = load_project(LESSONS / "key_position_conv.json")
    project.training = project.training.replace(seed=seed, device="cpu")
    trainer = Trainer(project)
    last = list(trainer.train())[-1]
    result = PositionsProbe(trainer).compute()
    assert last.train_acc == 1.0 and last.test_acc == 1.0  # measured 1.0 for seeds 0, 1, 2
    assert (result.test_accuracy[result.unseen] == 1.0).all()  # at each of the 10 unseen positions


def test_the_convolution_lesson_trains_through_the_command_line(tmp_path, capsys):
    assert cli(["train", str(LESSONS / "key_position_conv.json"), "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("trained ")
    assert read_metrics(tmp_path / "metrics.csv")[-1]["test_acc"] == 1.0
