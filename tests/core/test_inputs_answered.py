"""Every input answered clearly, in bounded memory: CSV, gzip bombs, oversized datasets, wide images,
landscape and lab options, terminal hygiene. Each case once gave a traceback or a wrong answer."""

import gzip
import json
import os
import subprocess
import sys
import tracemalloc

import numpy as np
import pytest
from conftest import LESSONS, ROOT
from format_files import idx_bytes
from PIL import Image

from core.cli.main import main as cli
from core.data import memory, user
from core.data.catalog import DatasetError, load_dataset
from core.data.files import DataFileError, read_idx
from core.data.user import DataSourceError, csv_dataset, image_folder_dataset
from core.project import load_project, save_project
from core.run.saved import save_run
from core.train.trainer import Trainer

# ---- CSV ----------------------------------------------------------------------------------------------


def test_a_cell_longer_than_the_csv_limit_is_explained(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3," + "9" * 200_000 + "\n")
    with pytest.raises(DataSourceError, match="row 3: a cell is longer than 131,072 characters"):
        csv_dataset(path)


def test_a_csv_without_header_keeps_its_first_row_as_data(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("".join(f"{i},{i * 2},{i % 2}\n" for i in range(10)))
    x, y, names = csv_dataset(path, label="column 3")
    assert len(x) == 10 and x[0].tolist() == [0, 0] and names == ["0", "1"]


def test_a_large_csv_is_read_in_bounded_memory_with_progress(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    rows, cols = 4_000, 20
    rng = np.random.default_rng(0)
    np.savetxt(path, rng.normal(size=(rows, cols)), delimiter=",", header=",".join(f"c{i}" for i in range(cols)))
    text = path.read_text().lstrip("# ")
    path.write_text(text)
    tracemalloc.start()
    x, _, _ = csv_dataset(path, task="regression")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert x.shape == (rows, cols - 1)
    assert peak < 4 * rows * cols * 8 + 2_000_000  # a few times the numbers, not the text (a string per cell)
    monkeypatch.setattr(user, "PROGRESS_EVERY", 100_000)
    shares = []
    load_dataset("csv", {"file": str(path), "task": "regression"}, lambda what, share: shares.append((what, share)))
    assert len(shares) > 5 and shares == sorted(shares) and {w for w, _ in shares} == {"big.csv"}


# ---- IDX gzip bombs ------------------------------------------------------------------------------------


def test_a_gzip_bomb_is_decompressed_only_as_far_as_its_header_allows(tmp_path):
    header = idx_bytes(np.zeros((10, 28, 28), np.uint8))
    bomb = gzip.compress(header + bytes(100_000_000), compresslevel=1)
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(bomb)
    tracemalloc.start()
    with pytest.raises(DataFileError, match="corrupt: it holds over 1,048,576 bytes more than the 7,840"):
        read_idx(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10_000_000


# ---- datasets too large for memory ---------------------------------------------------------------------


def test_datasets_too_large_for_memory_are_refused_with_the_size_needed(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "available_memory", lambda: 4_000_000_000)
    with pytest.raises(DatasetError, match="would need about 8.2 GB of memory, but only 4.0 GB is free"):
        load_dataset("gaussian_features", {"n_samples": 100_000, "features": 4096})
    (tmp_path / "t.txt").write_text("the quick brown fox jumps over the lazy dog " * 30_000)
    with pytest.raises(DatasetError, match="one-hot windows of 1000 steps .* would need about"):
        load_dataset("text", {"file": str(tmp_path / "t.txt"), "n_samples": 1_000_000, "steps": 1000})


# ---- images wider than 8 bits --------------------------------------------------------------------------


def test_16_bit_32_bit_and_float_images_are_scaled_by_their_range(tmp_path):
    ramp = np.linspace(0, 1, 16 * 16).reshape(16, 16)
    for k, (name, pixels) in enumerate(
        [
            ("png16.png", (ramp * 65535).astype(np.uint16)),
            ("float.tif", (ramp * 0.01).astype(np.float32)),
            ("int32.tif", (ramp * 4e6 - 2e6).astype(np.int32)),
        ]
    ):
        folder = tmp_path / f"set{k}"
        for label in ("a", "b"):
            (folder / label).mkdir(parents=True)
            Image.fromarray(pixels).save(folder / label / name)
        x, _, _ = image_folder_dataset(folder, 16)
        assert x.min() < 0.01 and x.max() > 0.95, name  # the whole range, not white or black
        assert abs(x.mean() - 0.5) < 0.05, name


# ---- landscape and lab options ------------------------------------------------------------------------


@pytest.fixture
def spiral_run(tmp_path):
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=1)
    trainer = Trainer(project)
    save_run(tmp_path / "run", project, list(trainer.train()), trainer.model)
    return tmp_path / "run"


def test_landscape_refuses_bad_options_and_broken_runs(spiral_run, tmp_path, capsys):
    spiral = str(LESSONS / "spiral_mlp.json")

    def landscape(*extra):
        status = cli(["landscape", spiral, "--weights", str(spiral_run), "--grid", "3", "--out", str(tmp_path), *extra])
        return status, capsys.readouterr().err

    status, err = landscape("--range", "inf")
    assert status == 1 and "--range must be a positive number, not inf" in err
    metrics = spiral_run / "metrics.csv"
    good = metrics.read_text()
    metrics.write_text("epoch,loss\n1,0.5\n")
    status, err = landscape()
    assert status == 1 and "no 'step' column" in err
    metrics.write_text(good.replace(good.splitlines()[1].split(",")[1], "many", 1))
    status, err = landscape()
    assert status == 1 and "row 2, column 'step': 'many' is not a number" in err
    metrics.write_text(good)
    from safetensors.torch import load_file, save_file

    weights = load_file(str(spiral_run / "weights.safetensors"))
    save_file({k: v * float("inf") for k, v in weights.items()}, str(spiral_run / "weights.safetensors"))
    status, err = landscape()
    assert status == 1 and "the run diverged" in err
    assert "Traceback" not in err


def test_landscape_on_a_full_disk_names_the_file(spiral_run, tmpfs, capsys):
    disk = tmpfs("full", "size=64k")
    with open(disk / "filler", "wb", buffering=0) as f:
        with pytest.raises(OSError):
            while True:
                f.write(bytes(4096))
    spiral = str(LESSONS / "spiral_mlp.json")
    assert cli(["landscape", spiral, "--weights", str(spiral_run), "--grid", "9", "--out", str(disk)]) == 1
    err = capsys.readouterr().err
    assert f"{disk / 'landscape.npz'}: No space left on device" in err and "Traceback" not in err
    assert [p.name for p in disk.iterdir()] == ["filler"]  # no temporary file left


@pytest.mark.parametrize(
    "option", [["--start", "nan,inf"], ["--lr-scale", "nan"], ["--clip", "nan"], ["--noise", "inf"]]
)
def test_lab_refuses_non_finite_options(option, tmp_path, capsys):
    assert cli(["lab", *option, "--out", str(tmp_path / "lab")]) == 1
    assert "finite" in capsys.readouterr().err and not (tmp_path / "lab").exists()


def test_lab_writes_strict_json_for_a_diverging_racer(tmp_path, capsys):
    assert cli(["lab", "--optimizers", "sgd:lr=100", "--steps", "30", "--out", str(tmp_path)]) == 0
    record = json.loads((tmp_path / "race.json").read_text(), parse_constant=lambda c: pytest.fail(c))
    assert record["racers"][0]["stopped"]


# ---- terminal hygiene and the cache ---------------------------------------------------------------------


def test_a_closed_pipe_ends_output_without_a_traceback():
    proc = subprocess.Popen(
        [sys.executable, "main.py", "check", str(LESSONS / "digits_cnn.json")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_control_characters_are_escaped_and_limits_print_as_whole_numbers(tmp_path, capsys):
    project = load_project(LESSONS / "spiral_mlp.json")
    project.title = "evil\x1b[2J\rtitle"
    save_project(project, tmp_path / "p.json")
    cli(["check", str(tmp_path / "p.json")])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "evil\\x1b[2J\\rtitle" in out
    text = (tmp_path / "p.json").read_text().replace('"seed": 0', '"seed": 2147483648', 1)
    (tmp_path / "p.json").write_text(text)
    assert cli(["check", str(tmp_path / "p.json")]) == 2
    assert "at most 2147483647, not 2147483648" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_fifo_a_device_or_a_folder_is_refused_as_a_project(kind, tmp_path, capsys):
    path = {"device": "/dev/zero", "folder": str(tmp_path)}.get(kind, str(tmp_path / "fifo"))
    if kind == "fifo":
        os.mkfifo(path)
    assert cli(["check", path]) == 2
    assert "cannot be a project file" in capsys.readouterr().err or kind == "folder"


def test_a_download_cache_that_is_a_file_is_explained(tmp_path, capsys):
    (tmp_path / "cache").write_text("not a folder")
    assert cli(["download", "mnist", "--cache", str(tmp_path / "cache")]) == 1
    assert "cannot write into the cache folder" in capsys.readouterr().err
