"""The Dropout view's probe: the mask it shows is the one the training step used, and the average
over many masks approaches the test-time network as the course says (measured on the lesson)."""

import numpy as np
import pytest
from conftest import LESSONS

from core.network.graph import Graph
from core.probes.dropout import DROPPED, KEPT, ZERO, DropoutProbe
from core.project import Project, load_project
from core.train.trainer import Trainer
from core.train_config import TrainConfig


def lesson_trainer(seed: int = 0) -> Trainer:
    project = load_project(LESSONS / "dropout_small_data.json")
    project.training = project.training.replace(seed=seed)
    return Trainer(project)


def test_the_mask_shown_is_the_one_the_training_step_used():
    trainer = lesson_trainer()
    probe = DropoutProbe(trainer)
    probe.attach()
    seen = {}
    layer = trainer.model.layer("drop1")
    handle = layer.register_forward_hook(
        lambda m, args, out: seen.update(x=args[0].detach().clone(), out=out.detach().clone())
    )
    trainer.step()
    handle.remove()
    picture = probe.compute("drop1")
    assert picture.source == "batch" and picture.step == trainer.step_count == 1
    x, out = seen["x"].numpy(), seen["out"].numpy()
    mask = picture.mask
    assert mask.shape == x.shape  # 32 samples of 512 values: all of them drawn
    kept = np.where(mask == KEPT, 1.0, 0.0)
    # the forward pass itself: kept values scaled by 1/(1 − p), the others zero
    assert np.allclose(out, x * kept / (1 - picture.p), rtol=1e-6, atol=0)
    assert np.all(x[mask == ZERO] == 0) and np.all(x[mask == DROPPED] != 0) and np.all(out[mask == DROPPED] == 0)
    live = mask != ZERO
    assert picture.dropped_share == pytest.approx((mask[live] == DROPPED).mean())
    assert 0.4 < picture.dropped_share < 0.6  # p = 0.5


def test_before_any_step_the_probe_says_its_mask_is_from_a_pass_of_its_own():
    picture = DropoutProbe(lesson_trainer()).compute()
    assert picture.source == "own" and picture.step == 0 and [n for n, _ in picture.layers] == ["drop1", "drop2"]


def test_the_mask_average_of_a_linear_read_out_converges_to_the_test_time_output():
    """Dropout followed by a linear layer only: the expected output is the test-time output exactly,
    so the arithmetic mean's distance falls like 1/√M."""
    graph = Graph()
    graph.add_node("Input", "x", {"shape": [2]})
    graph.add_node("Dropout", "drop", {"p": 0.5})
    graph.add_node("Linear", "fc", {"out_features": 1})
    graph.add_node("Output", "out", {"loss": "mse"})
    for src, dst in (("x", "drop"), ("drop", "fc"), ("fc", "out")):
        graph.add_edge(src, dst)
    project = Project(graph=graph, dataset="plane", training=TrainConfig())
    trainer = Trainer(project)
    picture = DropoutProbe(trainer).compute()
    assert picture.output == "outputs"
    assert picture.distance[-1] < picture.distance[3] / 4  # 256 masks against 4: √64 = 8 times closer, noisily
    assert picture.distance[-1] < 0.05 * float(trainer.predict(trainer.x_test[:64]).abs().mean())


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_weight_scaling_rule_approximates_the_geometric_mean_within_one_percent(seed):
    """LESSONS #14, measured after 20 epochs (256 masks, 64 test samples): geometric mean within
    0.71–0.77% of the test-time probabilities, the arithmetic mean 5.8–6.2% away (seeds 0–2)."""
    trainer = lesson_trainer(seed)
    probe = DropoutProbe(trainer)
    probe.attach()
    while trainer.epoch < 20:
        trainer.step()
    picture = probe.compute()
    assert picture.distance[-1] < 0.01 and picture.arithmetic[-1] > 0.04
    assert picture.distance[-1] < picture.distance[0] / 5  # it converges as masks are added
    assert picture.agreement >= 0.98
    assert trainer.model.training and trainer.model.layer("drop1").training  # the model left as training left it
