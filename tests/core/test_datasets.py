"""The dataset catalogue: every dataset loads, fits a network and trains through `main.py train`."""

import numpy as np
import pytest
from format_files import cifar_folder, mnist_folder
from PIL import Image

from core.cli.main import main as cli
from core.data.catalog import KINDS, DatasetError, load_dataset, points_json
from core.network.fit import adapt_to_data, data_problems, starter_graph
from core.network.graph import infer
from core.project import Project, load_project, save_project
from core.train_config import TrainConfig


def files_for(name, tmp_path) -> dict:
    """Parameters that point a file-based dataset at tiny files in the real formats."""
    if name in ("mnist", "fashion_mnist"):
        mnist_folder(tmp_path / name, n_train=40, n_test=10)
        return {"folder": str(tmp_path / name)}
    if name == "cifar10":
        cifar_folder(tmp_path / "cifar")
        return {"folder": str(tmp_path / "cifar")}
    if name == "image_folder":
        rng = np.random.default_rng(0)
        for cls, level in (("dark", 40), ("light", 210)):
            (tmp_path / "imgs" / cls).mkdir(parents=True)
            for i in range(6):
                pixels = np.clip(level + rng.normal(0, 10, (12, 12)), 0, 255).astype(np.uint8)
                Image.fromarray(pixels).save(tmp_path / "imgs" / cls / f"{i}.png")
        return {"folder": str(tmp_path / "imgs"), "size": 8}
    if name == "csv":
        rng = np.random.default_rng(0)
        rows = ["height,weight,kind"] + [
            f"{h:.2f},{w:.2f},{'a' if h > 0 else 'b'}" for h, w in rng.normal(0, 1, (60, 2))
        ]
        (tmp_path / "t.csv").write_text("\n".join(rows) + "\n")
        return {"file": str(tmp_path / "t.csv")}
    if name == "text":
        (tmp_path / "t.txt").write_text("the quick brown fox jumps over the lazy dog. " * 20)
        return {"file": str(tmp_path / "t.txt"), "n_samples": 200}
    if name == "patches":
        return {"n_samples": 300}
    if name == "points":
        rng = np.random.default_rng(0)
        x = rng.normal(0, 1, (40, 2))
        return {"points": points_json(x, (x[:, 0] > 0).astype(int))}
    return {}


@pytest.mark.parametrize("name", list(KINDS))
def test_every_dataset_trains_through_main_py_train(name, tmp_path, capsys):
    params = files_for(name, tmp_path)
    data = load_dataset(name, params)
    assert len(data.x_train) and len(data.x_test)
    assert data.x_train.shape[1:] == data.input_shape and data.x_train.dtype == np.float32
    graph = starter_graph(data)
    assert infer(graph).ok and data_problems(graph, infer(graph), data) == []
    path = tmp_path / "p.json"
    save_project(Project(graph, name, params, TrainConfig(epochs=2, batch_size=16)), path)
    assert cli(["train", str(path), "--out", str(tmp_path / "run")]) == 0
    out = capsys.readouterr().out
    assert out.count("\nepoch ") == 2 and ("acc" in out) == bool(data.num_classes)
    assert load_project(tmp_path / "run" / "project.json").dataset == name


def test_published_sets_keep_their_own_test_split_and_can_be_cut(tmp_path):
    params = files_for("mnist", tmp_path)
    data = load_dataset("mnist", params)
    assert (len(data.x_train), len(data.x_test)) == (40, 10) and data.input_shape == (1, 28, 28)
    assert len(load_dataset("mnist", {**params, "max_train": 100}).x_train) == 40
    cifar = load_dataset("cifar10", files_for("cifar10", tmp_path))
    assert cifar.input_shape == (3, 32, 32) and cifar.class_names[3] == "cat"


def test_missing_files_give_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    with pytest.raises(DatasetError, match="mnist is not in the download cache .*'python main.py download mnist'"):
        load_dataset("mnist")
    with pytest.raises(DatasetError, match="choose a file"):
        load_dataset("csv")
    (tmp_path / "bad.csv").write_text("a,b\n1,2\nx,3\n")
    with pytest.raises(DatasetError, match="row 3, column 'a': 'x' is not a number"):
        load_dataset("csv", {"file": str(tmp_path / "bad.csv"), "task": "regression"})
    with pytest.raises(DatasetError, match="truncated"):
        folder = tmp_path / "m"
        mnist_folder(folder, gz=False)
        images = folder / "train-images-idx3-ubyte"
        images.write_bytes(images.read_bytes()[:-100])
        load_dataset("mnist", {"folder": str(folder)})


def test_same_seed_same_split_and_the_ratio_holds():
    a, b = load_dataset("spiral", {"seed": 3}), load_dataset("spiral", {"seed": 3})
    assert np.array_equal(a.x_train, b.x_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, load_dataset("spiral", {"seed": 4}).x_train)
    assert len(load_dataset("moons", {"n_samples": 200, "test_ratio": 0.25}).x_test) == 50


def test_boundary_labels_follow_the_curve():
    data = load_dataset("boundary", {"curve": "abs", "noise": 0.0})
    x, y = data.x_train, data.y_train
    assert np.array_equal(y, (x[:, 1] > np.abs(x[:, 0]) - 0.5).astype(int))


def test_adapting_a_network_sets_input_shape_output_width_and_loss():
    spiral = load_dataset("spiral", {"classes": 3})
    graph = starter_graph(load_dataset("digits"))
    changes = adapt_to_data(graph, spiral)
    assert ("x" if "x" in graph.nodes else "input1", "shape", (2,)) in changes
    assert ("linear2", "out_features", 3) in changes
    for node, name, value in changes:
        graph.set_param(node, name, value)
    assert data_problems(graph, infer(graph), spiral) == [] and infer(graph).ok
    plane = load_dataset("plane")
    changes = dict(((n, k), v) for n, k, v in adapt_to_data(graph, plane))
    assert changes[("output1", "loss")] == "mse" and changes[("linear2", "out_features")] == 1


def test_clicked_points_round_trip_and_bad_ones_are_refused():
    x, y = np.array([[0.1, 0.2], [0.3, -0.4], [1, 1], [-1, 0.5]]), np.array([0, 1, 1, 0])
    data = load_dataset("points", {"points": points_json(x, y), "test_ratio": 0.25})
    got = sorted(
        map(
            tuple,
            np.c_[np.concatenate([data.x_train, data.x_test]), np.concatenate([data.y_train, data.y_test])].tolist(),
        )
    )
    assert got == sorted(map(tuple, np.c_[x, y].astype(np.float32).tolist()))
    for bad, message in (
        ("[[0, 0, 0]]", "1 points so far"),
        ("not json", "JSON list"),
        (points_json(x, y + 5), "a class from 0 to 1"),
    ):
        with pytest.raises(DatasetError, match=message):
            load_dataset("points", {"points": bad})


def test_every_dataset_has_a_human_title():
    from core.data.catalog import KINDS, TITLES, dataset_title

    assert set(TITLES) == set(KINDS)  # a new kind needs its title
    assert dataset_title("gaussian") == "Gaussian clusters" and dataset_title("fashion_mnist") == "Fashion-MNIST"
