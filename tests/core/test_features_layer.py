"""Input features (TensorFlow Playground's x², y², xy, sin): the layer, its export and import, and the
lesson's claim that a linear model on x² and y² separates the circle while one on x and y cannot."""

import pytest
import torch
from conftest import LESSONS

from core.export.script import export_script
from core.network.graph import Graph, infer
from core.network.layers import FEATURES, KINDS
from core.project import load_project
from core.train.trainer import Trainer


def features(*on):
    return {name: name in on for name in FEATURES}


def test_each_feature_is_its_function_of_the_point():
    module = KINDS["Features"].make([(2,)], features(*FEATURES))
    points = torch.tensor([[2.0, -3.0], [0.5, 0.25]])
    x, y = points[:, 0], points[:, 1]
    expected = torch.stack([x, y, x * x, y * y, x * y, torch.sin(x), torch.sin(y)], 1)
    assert torch.equal(module(points), expected)


def test_only_two_coordinates_and_at_least_one_feature():
    graph = Graph()
    graph.add_node("Input", "x", {"shape": [3]})
    graph.add_node("Features", "f", features("x_squared"))
    graph.add_edge("x", "f")
    problems = lambda: " ".join(str(p) for p in infer(graph).problems)
    assert "expects the 2 coordinates of a point but receives 3" in problems()
    graph.set_param("x", "shape", (2,))
    assert infer(graph).shapes["f"] == (1,) and "Features" not in problems()
    graph.set_param("f", "x_squared", False)
    assert "at least one feature ticked" in problems()


@pytest.mark.parametrize(
    ("chosen", "train", "test"),
    [(("x_squared", "y_squared"), (98.2, 98.6), (96.7, 97.5)), (("x", "y"), (40.4, 43.6), (25.8, 35.0))],
)
def test_the_lesson_claim_with_the_seeds_it_names(chosen, train, test):
    """Adam, lr 0.05, batch 16, 30 epochs, seeds 0–4, as features_circle.json states."""
    project = load_project(LESSONS / "features_circle.json")
    for name, on in features(*chosen).items():
        project.graph.set_param("features", name, on)
    found = []
    for seed in range(5):
        project.training = project.training.replace(seed=seed)
        trainer = Trainer(project)
        while trainer.epoch < trainer.config.epochs:
            trainer.step()
        metrics = trainer.evaluate()
        found.append((round(100 * metrics["train_acc"], 1), round(100 * metrics["test_acc"], 1)))
    trains, tests = zip(*found, strict=True)
    assert (min(trains), max(trains)) == train and (min(tests), max(tests)) == test


def test_the_exported_script_defines_the_layer():
    """(The round trip back through the PyTorch import is test_fx_import's, for every lesson.)"""
    script = export_script(load_project(LESSONS / "features_circle.json"))
    assert "class Features(nn.Module)" in script and "Features(('x_squared', 'y_squared'))" in script
