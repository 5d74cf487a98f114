"""`check` says what `train` will meet: each case once passed `check` with "ok" and then crashed `train`."""

import pytest

from core.cli.main import main as cli
from core.network.graph import Graph
from core.project import Project, save_project
from core.train.trainer import Diverged, Trainer, TrainingError
from core.train_config import TrainConfig


def chain(*layers, shape=(2,), loss="cross_entropy") -> Graph:
    g = Graph()
    g.add_node("Input", "x", {"shape": list(shape)})
    previous = "x"
    for i, (kind, params) in enumerate(layers):
        g.add_node(kind, f"n{i}", params)
        g.add_edge(previous, f"n{i}")
        previous = f"n{i}"
    g.add_node("Output", "out", {"loss": loss})
    g.add_edge(previous, "out")
    return g


def check_and_train(tmp_path, capsys, project: Project, expected: str) -> None:
    """`check` and `train` both refuse with `expected` in their message, and without a traceback."""
    path = tmp_path / "p.json"
    save_project(project, path)
    assert cli(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert expected in captured.out + captured.err and "ok:" not in captured.out
    assert cli(["train", str(path), "--out", str(tmp_path / "run")]) == 1
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


def csv_project(tmp_path, text: str, graph: Graph, **training) -> Project:
    (tmp_path / "t.csv").write_text(text)
    return Project(graph, "csv", {"file": str(tmp_path / "t.csv")}, TrainConfig(**training))


def test_no_training_samples(tmp_path, capsys):
    one_row = csv_project(tmp_path, "a,b,t\n1,2,0.5\n", chain(("Linear", {"out_features": 1}), loss="mse"))
    check_and_train(tmp_path, capsys, one_row, "no samples to train on (1 in all, 1 held out")
    points = Project(
        chain(("Linear", {"out_features": 2})),
        "points",
        {"points": "[[0,0,0],[1,1,1],[0,1,0],[1,0,1]]", "test_ratio": 0.9},
    )
    with pytest.raises(TrainingError, match="no samples to train on"):
        Trainer(points)


def test_batch_norm_with_a_batch_of_one(tmp_path, capsys):
    graph = chain(("Linear", {"out_features": 8}), ("BatchNorm", {}), ("Linear", {"out_features": 2}))
    project = Project(graph, "moons", {}, TrainConfig(batch_size=1, epochs=1))
    check_and_train(tmp_path, capsys, project, "BatchNorm 'n1' normalises over the batch")


def test_nothing_to_train(tmp_path, capsys):
    frozen = chain(("Linear", {"out_features": 2}))
    frozen.set_frozen("n0", True)
    check_and_train(tmp_path, capsys, Project(frozen, "xor"), "every layer with weights is frozen")
    check_and_train(tmp_path, capsys, Project(chain(("ReLU", {})), "xor"), "the network has no layer with weights")


def test_a_network_too_large_for_memory_is_refused_before_allocating(tmp_path, capsys):
    wide = ("Linear", {"out_features": 65536})
    project = Project(chain(wide, wide, ("Linear", {"out_features": 2})), "spiral", {}, TrainConfig(epochs=1))
    check_and_train(tmp_path, capsys, project, "too large for this machine")
    save_project(project, tmp_path / "p.json")
    cli(["check", str(tmp_path / "p.json")])
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines() if line[:2] == "  "}
    assert rows["n1"] == ["Linear", "65536", "4,295,032,832"]  # the columns no longer run together


def test_data_that_overflows_float32_is_refused_naming_row_and_column(tmp_path, capsys):
    project = csv_project(tmp_path, "a,b,label\n1,2,x\n3,1e39,y\n4,5,x\n", chain(("Linear", {"out_features": 2})))
    save_project(project, tmp_path / "p.json")
    assert cli(["check", str(tmp_path / "p.json")]) == 1
    assert "row 3, column 'b': 1e39 is too large" in capsys.readouterr().err


def test_overflow_in_the_very_first_forward_pass_blames_the_network_not_the_learning_rate(tmp_path):
    rows = "".join(f"{i}e30,{-i}e30,{i}\n" for i in range(1, 30))
    graph = chain(("Linear", {"out_features": 512}), ("Linear", {"out_features": 1}), loss="mse")
    project = csv_project(tmp_path, "a,b,t\n" + rows, graph, init="constant", init_scale=100.0)
    project.dataset_params["task"] = "regression"
    with pytest.raises(Diverged, match="very first forward pass") as caught:
        Trainer(project).step()
    assert "learning rate" not in str(caught.value)
