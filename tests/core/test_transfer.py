"""Transfer (core.run.transfer): a run's layers go into the current network exactly, layers that
do not fit are refused with the reason, and the other layers start as a new run would."""

import numpy as np
import pytest
import torch

from core.network.graph import Graph
from core.project import Project
from core.run.transfer import chosen_pairs, fresh_weights, import_weights, plan_import
from core.train.trainer import Trainer
from core.train_config import TrainConfig


def mlp(hidden=64, classes=5, names=("fc1", "fc2")):
    """Digits (1×8×8) → Flatten → Linear → ReLU → Linear → Output."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Flatten", "flat")
    g.add_node("Linear", names[0], {"out_features": hidden})
    g.add_node("ReLU", "act")
    g.add_node("Linear", names[1], {"out_features": classes})
    g.add_node("Output", "out")
    for a, b in (("x", "flat"), ("flat", names[0]), (names[0], "act"), ("act", names[1]), (names[1], "out")):
        g.add_edge(a, b)
    return g


def trained_weights(graph, seed=3):
    torch.manual_seed(seed)
    from core.network.build import GraphModule

    return {k: v.numpy().copy() for k, v in GraphModule(graph).state_dict().items()}


def test_the_same_names_and_shapes_pair_up_and_a_wrong_head_says_why():
    matches = plan_import(mlp(classes=30), mlp(classes=10))
    by = {m.node_id: m for m in matches}
    assert [m.node_id for m in matches] == ["fc1", "fc2"]
    assert by["fc1"].fits and by["fc1"].source == "fc1" and by["fc1"].shape == (64, 64)
    assert not by["fc2"].fits and by["fc2"].shape == (30, 64)
    assert by["fc2"].why == "expects 30×64 but the run has 10×64 (fc2)"
    assert chosen_pairs(matches) == {"fc1": "fc1"}


def test_other_names_pair_by_order_among_layers_of_the_same_shape():
    matches = plan_import(mlp(names=("hidden", "head")), mlp(hidden=64, classes=5))
    assert {m.node_id: m.source for m in matches} == {"hidden": "fc1", "head": "fc2"}
    square = plan_import(mlp(hidden=64, classes=64, names=("a", "b")), mlp(hidden=64, classes=64))
    assert [(m.node_id, m.source) for m in square] == [("a", "fc1"), ("b", "fc2")]  # in network order


def test_a_run_without_the_kind_says_so():
    g = Graph()
    g.add_node("Input", "x", {"shape": [64]})
    g.add_node("Output", "out")
    g.add_node("Linear", "only", {"out_features": 5})
    g.add_edge("x", "only")
    g.add_edge("only", "out")
    conv = Graph()
    conv.add_node("Input", "x", {"shape": [1, 8, 8]})
    conv.add_node("Conv2d", "c", {"out_channels": 2, "kernel_size": 3})
    conv.add_node("Flatten", "f")
    conv.add_node("Output", "out")
    for a, b in (("x", "c"), ("c", "f"), ("f", "out")):
        conv.add_edge(a, b)
    (match,) = plan_import(g, conv)
    assert not match.fits and match.why == "the run has no Linear layer"


def test_imported_tensors_equal_the_runs_and_the_rest_start_as_a_new_run_would():
    source = mlp(classes=5)
    weights = trained_weights(source)
    project = Project(mlp(classes=10), "digits", {}, TrainConfig(seed=11, init="kaiming"))
    fresh = fresh_weights(project)
    new_run = Trainer(project, device="cpu").model.state_dict()
    assert fresh.keys() == new_run.keys() and all(torch.equal(fresh[k], new_run[k]) for k in fresh)
    matches = plan_import(project.graph, source)
    out = import_weights(fresh, project.graph, source, weights, chosen_pairs(matches))
    for name in ("layers.fc1.weight", "layers.fc1.bias"):
        assert torch.equal(out[name], torch.as_tensor(weights[name]))
    for name in ("layers.fc2.weight", "layers.fc2.bias"):
        assert torch.equal(out[name], fresh[name])
    assert not np.array_equal(weights["layers.fc1.weight"], fresh["layers.fc1.weight"].numpy())
    with pytest.raises(ValueError, match="does not fit fc2"):
        import_weights(fresh, project.graph, source, weights, {"fc2": "fc2"})


def test_a_model_starts_from_the_imported_weights():
    source = mlp(classes=5)
    weights = trained_weights(source)
    project = Project(mlp(classes=10), "digits", {}, TrainConfig(seed=2))
    state = import_weights(fresh_weights(project), project.graph, source, weights, {"fc1": "fc1"})
    from core.run.session import Session

    session = Session(project, weights=state, device="cpu")
    live = session.trainer.model.state_dict()
    assert torch.equal(live["layers.fc1.weight"], torch.as_tensor(weights["layers.fc1.weight"]))


def test_digit_halves_never_share_an_image_and_per_class_keeps_the_rest_for_testing():
    from core.data.catalog import load_dataset

    first = load_dataset("digits", {"images": "first half", "seed": 5})
    second = load_dataset("digits", {"images": "second half", "digits": "5-9", "per_class": 5, "seed": 5})
    everything = load_dataset("digits", {"seed": 5})
    rows = lambda *xs: {x.tobytes() for part in xs for x in part}  # noqa: E731
    assert len(rows(first.x_train, first.x_test)) + len(rows(second.x_train, second.x_test)) <= 1797
    assert not rows(first.x_train, first.x_test) & rows(second.x_train, second.x_test)
    assert second.num_classes == 5 and second.class_names == ["5", "6", "7", "8", "9"]
    assert np.bincount(second.y_train).tolist() == [5] * 5 and len(second.x_test) > 400
    assert len(everything.x_train) == 1258  # the default split is as it always was


def test_an_exported_script_draws_the_same_digit_halves():
    from test_export_script import assert_same_arrays

    assert_same_arrays("digits", {"images": "second half", "digits": "5-9", "per_class": 5})
    assert_same_arrays("digits", {"images": "first half"})
    assert_same_arrays("digits", {"digits": "0-4"})
