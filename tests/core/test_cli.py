"""The headless verbs, run as a user runs them."""

import subprocess
import sys

import pytest
from conftest import LESSONS, ROOT, diverging_project

from core.cli.main import main as cli
from core.network.graph import Graph
from core.project import Project, save_project


def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_check_lists_every_node_with_shape_and_parameters(capsys):
    assert cli(["check", str(LESSONS / "digits_cnn.json")]) == 0
    out = capsys.readouterr().out
    assert "dataset: digits, 1×8×8 inputs, 10 classes, 1258 train / 539 test" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("  ")}
    assert rows["conv2"] == ["Conv2d", "32×4×4", "4,640"]
    assert rows["flat"] == ["Flatten", "128", "0"]
    assert "total parameters: 6,090" in out and out.rstrip().endswith("ok: the network is ready to train")


def broken_project(tmp_path):
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Conv2d", "conv", {"out_channels": 16, "kernel_size": 4})
    g.add_node("Linear", "fc1", {"out_features": 10})
    g.add_node("Output", "out")
    for a, b in (("x", "conv"), ("conv", "fc1"), ("fc1", "out")):
        g.add_edge(a, b)
    path = tmp_path / "broken.json"
    save_project(Project(g, "digits"), path)
    return path


def test_check_names_the_node_and_the_fix(tmp_path, capsys):
    assert cli(["check", str(broken_project(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "error: Linear 'fc1' expects a flat input but receives 16×5×5 — insert Flatten" in out
    assert "ok:" not in out


def test_train_refuses_a_broken_graph_with_the_reason(tmp_path, capsys):
    assert cli(["train", str(broken_project(tmp_path)), "--out", str(tmp_path / "run")]) == 1
    assert "insert Flatten" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


def test_diverging_training_stops_names_the_step_and_keeps_the_run(tmp_path, capsys):
    path = diverging_project(tmp_path / "hot.json")
    assert cli(["train", str(path), "--out", str(tmp_path / "run")]) == 1
    captured = capsys.readouterr()
    assert "error: the loss became" in captured.err and "at step" in captured.err
    assert (tmp_path / "run" / "metrics.csv").exists() and (tmp_path / "run" / "weights.safetensors").exists()


@pytest.mark.parametrize("verb", [[], ["check"], ["train"]])
def test_every_verb_has_help(verb):
    result = run(*verb, "--help")
    assert result.returncode == 0 and "usage: python main.py" in result.stdout


def test_train_from_a_fresh_process_prints_one_line_per_epoch(tmp_path):
    result = run("train", str(LESSONS / "spiral_mlp.json"), "--epochs", "3", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    epochs = [line for line in result.stdout.splitlines() if line.startswith("epoch ")]
    assert [line.split()[1] for line in epochs] == ["1/3", "2/3", "3/3"]
    assert "train loss" in epochs[0] and "test loss" in epochs[0] and "acc" in epochs[0]
    files = ["metrics.csv", "project.json", "resume.pt", "trajectory.safetensors", "weights.safetensors"]
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_bad_arguments_are_refused_without_a_traceback(tmp_path):
    result = run("train", str(LESSONS / "spiral_mlp.json"), "--epochs", "0", "--out", str(tmp_path))
    assert result.returncode == 1 and "'epochs' must be at least 1" in result.stderr
    assert "Traceback" not in result.stderr
