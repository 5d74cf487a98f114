"""Opening a saved run that cannot be used gives a dialog naming the file and the problem, never a
traceback, and leaves the open project as it was."""

import pytest
import torch
from conftest import LESSONS
from PySide6.QtWidgets import QMessageBox
from safetensors.torch import load_file, save_file

from core.project import load_project
from core.run.saved import WEIGHTS_FILE, save_run
from core.train.trainer import Trainer


def _damage(weights_path, how):
    good = load_file(str(weights_path))
    if how == "truncated":
        weights_path.write_bytes(weights_path.read_bytes()[:100])
    elif how == "empty":
        weights_path.write_bytes(b"")
    elif how == "corrupt":
        weights_path.write_bytes(b"\xff" * 64 + weights_path.read_bytes()[64:])
    elif how == "another network":
        save_file({k: torch.zeros(3, 3) if v.dim() == 2 else v for k, v in good.items()}, str(weights_path))
    elif how == "all NaN":
        save_file({k: torch.full_like(v, float("nan")) for k, v in good.items()}, str(weights_path))


EXPECTED = {
    "truncated": "not a readable weights file",
    "empty": "is empty",
    "corrupt": "not a readable weights file",
    "another network": "belongs to another network",
    "all NaN": "NaN or infinite",
}


@pytest.fixture
def spiral_run(tmp_path):
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=1)
    trainer = Trainer(project)
    save_run(tmp_path / "run", project, list(trainer.train()), trainer.model)
    return tmp_path / "run"


def test_unusable_runs_are_explained_in_a_dialog(window, spiral_run, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    before = window.document.project
    for how, expected in EXPECTED.items():
        save_run_copy = spiral_run.with_name(how.replace(" ", "_"))
        save_run_copy.mkdir()
        for f in spiral_run.iterdir():
            (save_run_copy / f.name).write_bytes(f.read_bytes())
        _damage(save_run_copy / WEIGHTS_FILE, how)
        assert window.files.open_run(str(save_run_copy)) is False
        assert str(save_run_copy / WEIGHTS_FILE) in shown[-1] and expected in shown[-1], (how, shown[-1])
    assert len(shown) == len(EXPECTED) and window.document.project is before
    assert window.files.open_run(str(spiral_run)) is True
