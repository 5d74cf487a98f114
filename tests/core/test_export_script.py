"""The exported training script: same data, same metrics as `main.py train`, same weights, under torchrun."""

import ast
import contextlib
import csv
import importlib.util
import io
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from conftest import LESSONS
from format_files import cifar_folder, mnist_folder
from safetensors.torch import load_file

from core.cli.main import main as cli
from core.data.catalog import dataset_params, load_dataset, validate_dataset
from core.export.datasets import MAKERS, PUBLISHED, SPLIT, USER_FILES
from core.export.script import export_script
from core.network.graph import Graph
from core.project import Project, load_project, save_project
from core.run.saved import load_run, save_run
from core.train.trainer import Trainer
from core.train_config import TrainConfig

METRICS = ("train_loss", "train_acc", "test_loss", "test_acc", "lr")
SMALL = {"n_samples": 120}  # every generated dataset with a sample count, drawn small


@pytest.fixture(autouse=True)
def _one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as `main.py train` does; the comparison runs both in this process
    yield
    torch.set_num_threads(threads)


def load_script(path):
    spec = importlib.util.spec_from_file_location(f"exported_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_script(tmp_path, project, *args, weights=None):
    """Export `project`, run the script in this process, and return its metrics rows and run folder."""
    path = tmp_path / "train_model.py"
    path.write_text(export_script(project, weights), encoding="utf-8")
    out = tmp_path / "script-run"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert load_script(path).main(["--device", "cpu", "--out", str(out), *args]) == 0
    with open(out / "metrics.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f)), out, printed.getvalue()


def trainer_records(project, epochs):
    project = project.copy()
    project.training = project.training.replace(epochs=epochs, device="cpu")
    return list(Trainer(project).train())


def largest_difference(records, rows) -> float:
    assert len(records) == len(rows)
    worst = 0.0
    for record, row in zip(records, rows, strict=True):
        assert int(row["epoch"]) == record.epoch and int(row["step"]) == record.step
        for name in METRICS:
            ours = getattr(record, name)
            if ours is None:
                assert row[name] == ""
            else:
                worst = max(worst, abs(ours - float(row[name])))
    return worst


@pytest.mark.parametrize("name", sorted(set(MAKERS) - set(PUBLISHED) - set(USER_FILES)))
def test_the_scripts_generator_draws_the_same_arrays(name):
    params = {"points": "[[0, 0, 0], [1, 1, 1], [0.5, -1, 0], [-1, 0.2, 1], [0.3, 0.3, 1]]"} if name == "points" else {}
    if "n_samples" in {p.name for p in dataset_params(name)}:
        params.update(SMALL if name != "patches" else {"n_samples": 200})
    assert_same_arrays(name, params)


def assert_same_arrays(name, params):
    """The script's make_samples and split give exactly the arrays and classes the app loads."""
    params = validate_dataset(name, {**params, "seed": 7})
    namespace = {"np": np, "json": json, "csv": csv, "os": os, "sys": sys}
    exec(MAKERS[name] + SPLIT, namespace)
    x_train, y_train, x_test, y_test, num_classes = namespace["load_data"](params)
    data = load_dataset(name, params)
    for ours, theirs in (
        (x_train, data.x_train),
        (y_train, data.y_train),
        (x_test, data.x_test),
        (y_test, data.y_test),
    ):
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)
    assert num_classes == data.num_classes
    rng = np.random.default_rng(0)
    assert namespace["make_samples"](params, rng)[2] == data.class_names


TABLES = {
    "text labels, commas": "size,weight,kind\n1.5,2,cat\n2.5,3,dog\n0.5,1,cat\n3,4.5,bird\n2,2,dog\n1,1.5,cat\n",
    "integer labels, semicolons, no header": "1;2;0\n2;3;1\n0.5;1;0\n3;4;10\n2;2;1\n1;1;10\n4;4;0\n",
    "numbers to predict, tabs": "a\tb\ty\n1\t2\t0.25\n2\t3\t1.5\n0\t1\t7.75\n3\t4\t2.125\n5\t1\t3.5\n",
}


@pytest.mark.parametrize("table", TABLES, ids=list(TABLES))
def test_the_script_reads_the_users_csv_file_as_the_app_does(tmp_path, table):
    path = tmp_path / "table.csv"
    path.write_text(TABLES[table], encoding="utf-8")
    assert_same_arrays("csv", {"file": str(path), "test_ratio": 0.3})
    if table != "text labels, commas":
        assert_same_arrays("csv", {"file": str(path), "test_ratio": 0.3, "task": "regression"})


@pytest.mark.parametrize("colour", [False, True], ids=["grey", "colour"])
def test_the_script_reads_the_users_image_folder_as_the_app_does(tmp_path, colour):
    from PIL import Image

    rng = np.random.default_rng(5)
    modes = {"cats": ("L", "RGB", "P"), "dogs": ("I;16", "F", "RGBA")}  # 8-bit, palette, 16-bit, float
    for name, kinds in modes.items():
        (tmp_path / name).mkdir()
        for i, mode in enumerate(kinds):
            pixels = rng.integers(0, 255, (11, 9, 3), dtype=np.uint8)
            image = Image.fromarray(pixels)
            if mode == "I;16":
                image = Image.fromarray(pixels[..., 0].astype(np.uint16) * 200)
            elif mode == "F":
                image = Image.fromarray(pixels[..., 1].astype(np.float32) * 0.01 - 0.5)
            elif mode != "RGB":
                image = image.convert(mode)
            image.save(tmp_path / name / f"{i}.{'tiff' if mode == 'F' else 'png'}")
    (tmp_path / "dogs" / "notes.txt").write_text("not an image")
    assert_same_arrays("image_folder", {"folder": str(tmp_path), "size": 7, "colour": colour, "test_ratio": 0.34})


def test_the_script_reads_the_users_text_file_as_the_app_does(tmp_path):
    path = tmp_path / "story.txt"
    rare = "".join(chr(0x400 + i) for i in range(120))  # more distinct characters than the vocabulary keeps
    path.write_text("the cat sat on the mat, and the dog sat on the log. " * 30 + rare, encoding="utf-8")
    assert_same_arrays("text", {"file": str(path), "steps": 6, "n_samples": 300})


@pytest.mark.parametrize("name", PUBLISHED)
def test_the_script_reads_the_published_sets_files_as_the_app_does(tmp_path, name):
    if name == "cifar10":
        cifar_folder(tmp_path / "cifar-10-batches-bin", batches=(1, 3))
        params = {"folder": str(tmp_path)}
    else:
        mnist_folder(tmp_path, n_train=130, gz=name == "mnist")
        params = {"folder": str(tmp_path), "max_train": 100}  # fewer than the files hold: a seeded subset
    project = Project(load_project(LESSONS / "digits_cnn.json").graph, name, {**params, "seed": 4})
    script = {"__name__": "exported"}  # the script's data half runs; its main() does not
    exec(export_script(project), script)
    x_train, y_train, x_test, y_test, num_classes = script["load_data"](project.dataset_params)
    data = load_dataset(name, project.dataset_params)
    for ours, theirs in (
        (x_train, data.x_train),
        (y_train, data.y_train),
        (x_test, data.x_test),
        (y_test, data.y_test),
    ):
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)
    assert (
        num_classes == 10
        and script["CLASSES"] == data.class_names
        and len(x_train) == (2 * 2 if name == "cifar10" else 100)
    )


@pytest.mark.parametrize("lesson", sorted(LESSONS.glob("*.json")), ids=lambda p: p.stem)
def test_every_lesson_trains_to_the_same_metrics_as_main_py_train(tmp_path, lesson):
    project = load_project(lesson)
    rows, out, printed = run_script(tmp_path, project, "--epochs", "1")
    assert largest_difference(trainer_records(project, 1), rows) <= 1e-6
    assert "epoch 1/1  train loss" in printed
    run_project, weights = load_run(out)  # the app opens the script's folder as a run
    assert run_project.graph == project.graph and run_project.training.epochs == 1
    assert set(weights) == set(Trainer(project).model.state_dict())


def every_path_project(optimizer: str, schedule: str) -> Project:
    """Branches, merges, normalisation, dropout, an odd node name and every penalty, on the moons."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [2]})
    g.add_node("Linear", "update", {"out_features": 8})  # a name nn.ModuleDict would shadow
    g.add_node("BatchNorm", "norm")
    g.add_node("LeakyReLU", "leaky", {"negative_slope": 0.1})
    g.add_node("Linear", "side", {"out_features": 8, "bias": False}, frozen=True)
    g.add_node("Add", "skip")
    g.add_node("Concat", "both")
    g.add_node("Dropout", "training", {"p": 0.2})  # an attribute every nn.Module has
    g.add_node("ELU", "lambda")  # a Python keyword
    g.add_node("Linear", "head", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "bce"})
    for a, b, port in (
        ("x", "update", 0),
        ("update", "norm", 0),
        ("norm", "leaky", 0),
        ("x", "side", 0),
        ("leaky", "skip", 0),
        ("side", "skip", 1),
        ("skip", "both", 0),
        ("side", "both", 1),
        ("both", "training", 0),
        ("training", "lambda", 0),
        ("lambda", "head", 0),
        ("head", "out", 0),
    ):
        g.add_edge(a, b, port)
    training = TrainConfig(
        optimizer=optimizer,
        lr=0.05,
        batch_size=17,
        epochs=2,
        schedule=schedule,
        step_epochs=1,
        init="orthogonal",
        l1=1e-4,
        l2=1e-3,
        clip_norm=0.5,
        seed=5,
    )
    return Project(g, "moons", {"n_samples": 150}, training)


def sequence_project() -> Project:
    g = Graph()
    g.add_node("Input", "x", {"shape": [12, 1]})
    g.add_node("GRU", "gru", {"hidden_size": 6, "num_layers": 2, "output": "all"})
    g.add_node("LSTM", "lstm", {"hidden_size": 5})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    for a, b in (("x", "gru"), ("gru", "lstm"), ("lstm", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    training = TrainConfig(optimizer="lbfgs", lr=0.5, batch_size=32, epochs=2, init="xavier", seed=2)
    return Project(g, "sine", {"n_samples": 100, "steps": 12}, training)


@pytest.mark.parametrize(
    "project",
    [every_path_project("nesterov", "cosine"), every_path_project("adamw", "step"), sequence_project()],
    ids=["nesterov-cosine", "adamw-step", "gru-lstm-lbfgs"],
)
def test_other_layers_optimisers_and_schedules_train_the_same(tmp_path, project):
    rows, out, _ = run_script(tmp_path, project, "--epochs", "2")
    assert largest_difference(trainer_records(project, 2), rows) <= 1e-5
    assert set(load_run(out)[1]) == set(Trainer(project).model.state_dict())


def test_the_script_starts_from_a_runs_weights(tmp_path):
    project = every_path_project("adam", "constant")
    trainer = Trainer(project)
    list(trainer.train(1))
    save_run(tmp_path / "run", project, [], trainer.model)
    path = tmp_path / "train_model.py"
    assert cli(["export", str(save_to(tmp_path, project)), "--out", str(path), "--weights", str(tmp_path / "run")]) == 0
    with contextlib.redirect_stdout(io.StringIO()):
        assert load_script(path).main(["--epochs", "0", "--out", str(tmp_path / "again")]) == 0
    saved, again = load_file(str(tmp_path / "run" / "weights.safetensors")), load_run(tmp_path / "again")[1]
    assert saved.keys() == again.keys() and "layers.update_.weight" in saved
    assert all(torch.equal(saved[k], again[k]) for k in saved)


def save_to(tmp_path, project):
    path = tmp_path / "project.json"
    save_project(project, path)
    return path


def test_the_script_imports_only_torch_numpy_and_the_standard_library():
    tree = ast.parse(export_script(load_project(LESSONS / "spiral_mlp.json")))
    top = {alias.name.split(".")[0] for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    top |= {node.module.split(".")[0] for node in tree.body if isinstance(node, ast.ImportFrom)}
    assert top == {"argparse", "csv", "json", "math", "os", "sys", "time", "numpy", "torch"}


def test_export_refuses_bad_input_with_a_message_and_exit_code_2(tmp_path, capsys):
    assert cli(["export", str(tmp_path / "missing.json"), "--out", str(tmp_path / "a.py")]) == 2
    assert "cannot read" in capsys.readouterr().err
    graph = load_project(LESSONS / "spiral_mlp.json").graph
    for dataset, why in (("image_folder", "no folder chosen"), ("csv", "no file chosen")):
        assert cli(["export", str(save_to(tmp_path, Project(graph, dataset))), "--out", str(tmp_path / "a.py")]) == 2
        assert why in capsys.readouterr().err
    lesson = LESSONS / "spiral_mlp.json"
    assert cli(["export", str(lesson), "--out", str(tmp_path / "a.py"), "--weights", str(tmp_path)]) == 2
    assert "cannot read the weights" in capsys.readouterr().err
    assert not (tmp_path / "a.py").exists()


def test_the_script_runs_under_torchrun_with_two_processes(tmp_path):
    path = tmp_path / "train_model.py"
    path.write_text(export_script(load_project(LESSONS / "spiral_mlp.json")), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_PORT")}
    env["GLOO_SOCKET_IFNAME"] = "lo"  # a sandbox's host name may not resolve; the processes only meet on loopback
    done = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", str(path)]
        + ["--epochs", "1", "--device", "cpu", "--out", str(tmp_path / "run")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[:3000] + "\n...\n" + done.stderr[-1000:]
    assert "on cpu, 2 processes" in done.stdout and done.stdout.count("epoch 1/1") == 1
    with open(tmp_path / "run" / "metrics.csv", encoding="utf-8") as f:
        (row,) = list(csv.DictReader(f))
    assert int(row["step"]) == 14  # 420 samples: 210 a process, in 14 batches of up to 16


def test_a_project_on_the_users_csv_file_trains_the_same(tmp_path):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(90, 3))
    labels = np.where(x[:, 0] + x[:, 1] > 0, "yes", "no")
    table = tmp_path / "my table.csv"
    table.write_text(
        "a,b,c,answer\n" + "".join(f"{p:.4f},{q:.4f},{r:.4f},{t}\n" for (p, q, r), t in zip(x, labels, strict=True))
    )
    g = Graph()
    g.add_node("Input", "x", {"shape": [3]})
    g.add_node("Linear", "hidden", {"out_features": 6})
    g.add_node("Tanh", "tanh")
    g.add_node("Linear", "fc", {"out_features": 2})
    g.add_node("Output", "out")
    for a, b in (("x", "hidden"), ("hidden", "tanh"), ("tanh", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    project = Project(g, "csv", {"file": str(table)}, TrainConfig(batch_size=16, epochs=2, seed=1))
    rows, _, _ = run_script(tmp_path, project, "--epochs", "2")
    assert largest_difference(trainer_records(project, 2), rows) <= 1e-5
