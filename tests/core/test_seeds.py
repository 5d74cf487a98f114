"""Many seeds trained together: each copy is exactly its single run (same init, same batches, same
updates), the spread answers "how often does this network work?", and what cannot be vectorised
is refused with a message."""

import numpy as np
import pytest
from conftest import LESSONS

from core.project import load_project
from core.train.seeds import SeedsError, train_seeds
from core.train.trainer import Trainer


def spiral(epochs=2, **settings):
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=epochs, device="cpu", **settings)
    return project


@pytest.mark.parametrize("optimizer", ["adam", "momentum"])
def test_each_copy_trains_as_its_single_run(optimizer):
    project = spiral(optimizer=optimizer, l2=0.001, schedule="cosine")
    together = train_seeds(project, [0, 1, 2])
    for result in together.results:
        single = project.copy()
        single.training = single.training.replace(seed=result.seed)
        trainer = Trainer(single)
        last = list(trainer.train())[-1]
        weights = trainer.model.state_dict()
        assert weights.keys() == result.weights.keys()
        for name, tensor in weights.items():
            assert np.allclose(tensor.numpy(), result.weights[name], atol=1e-5), (result.seed, name)
        assert result.test_acc == pytest.approx(last.test_acc, abs=1e-3)
    assert len({r.test_acc for r in together.results}) > 1  # different seeds, different networks


def test_twenty_seeds_show_how_often_the_folding_network_works():
    """Lesson #2: two units per layer fold the circle in none of 20 seeds, sixteen in all 20 (measured)."""
    found = {}
    for width in (2, 16):
        project = load_project(LESSONS / "folding_circles.json")
        for k in range(1, 5):
            project.graph.set_param(f"fc{k}", "out_features", width)
        result = train_seeds(project, list(range(20)))
        found[width] = sum(r.train_acc >= 0.97 for r in result.results)
    assert found[2] <= 5 and found[16] >= 18  # measured 0 and 20


def test_dropout_networks_train_with_their_own_masks():
    project = spiral()
    graph = project.graph
    graph.remove_edge(next(e for e in graph.edges if e.src == "act1"))
    graph.add_node("Dropout", "drop", {"p": 0.5})
    graph.add_edge("act1", "drop")
    graph.add_edge("drop", "fc2")
    result = train_seeds(project, [0, 0])  # one seed twice: only the masks differ
    first, second = result.results
    key = next(k for k in first.weights if k.endswith("weight"))
    assert not np.array_equal(first.weights[key], second.weights[key])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"optimizer": "lbfgs"}, "L-BFGS"),
        ({"clip_norm": 1.0}, "gradient clipping"),
    ],
)
def test_settings_that_mix_the_copies_are_refused(change, words):
    with pytest.raises(SeedsError, match=words):
        train_seeds(spiral(**change), [0, 1])


def test_batch_norm_is_refused_and_progress_can_stop_early():
    project = spiral()
    graph = project.graph
    graph.remove_edge(next(e for e in graph.edges if e.src == "fc1"))
    graph.add_node("BatchNorm", "bn")
    graph.add_edge("fc1", "bn")
    graph.add_edge("bn", "act1")
    with pytest.raises(SeedsError, match="batch norm"):
        train_seeds(project, [0, 1])
    seen = []
    result = train_seeds(spiral(epochs=10), [0, 1], progress=lambda done, total: seen.append(done) or done < 3)
    assert seen == [1, 2, 3] and result.epochs == 3
