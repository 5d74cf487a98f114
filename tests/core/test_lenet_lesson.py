"""The LeNet-5 lesson (course 003): its parameter counts are those the description writes out,
and it trains to its measured accuracy (15 epochs, seeds 0–2: 96.7%, 97.8%, 98.1%; seed 0 here)."""

import pytest
import torch
from conftest import LESSONS

from core.cli.main import main as cli
from core.network.graph import infer
from core.project import load_project
from core.run.saved import read_metrics


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_lenet_has_the_counts_and_sizes_its_description_gives():
    project = load_project(LESSONS / "lenet5.json")
    inference = infer(project.graph)
    counts, shapes = inference.param_counts, inference.shapes
    assert shapes["x"] == (1, 32, 32) and project.dataset_params["upsample"] == 32
    assert [shapes[n] for n in ("C1", "S2", "C3", "S4", "C5")] == [
        (6, 28, 28),
        (6, 14, 14),
        (16, 10, 10),
        (16, 5, 5),
        (120, 1, 1),
    ]
    assert counts["C1"] == 6 * 25 + 6 == 156
    assert counts["C3"] == 16 * 3 * 25 + 16 == 1216  # 2 groups: each filter reads 3 of the 6 maps
    assert counts["C5"] == 120 * 16 * 25 + 120 == 48120
    assert counts["F6"] == 120 * 84 + 84 == 10164 and counts["out_fc"] == 850
    assert inference.total_params == 60506
    for text in ("60,506", "16·3·25 + 16 = 1,216", "96.7–98.1%"):
        assert text in project.description


def test_lenet_reads_the_enlarged_digits(tmp_path, capsys):
    assert cli(["train", str(LESSONS / "lenet5.json"), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert read_metrics(tmp_path / "metrics.csv")[-1]["test_acc"] >= 0.95
