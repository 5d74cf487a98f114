"""File → Export and File → Import PyTorch Model, used through the window's menu."""

import csv

import pytest
from conftest import LESSONS
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from core.project import load_project


def menu_action(window, *path):
    menu = window.menuBar()
    for title in path:
        action = next(a for a in menu.actions() if a.text().replace("&", "") == title)
        menu = action.menu() or action
    return menu


@pytest.fixture
def lesson_window(window, qtbot):
    window.files.open_lesson(LESSONS / "hidden_lines.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "logic")
    return window


def test_export_script_then_import_it_gives_back_the_lesson(lesson_window, qtbot, tmp_path, monkeypatch):
    window, script = lesson_window, tmp_path / "hidden_train.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(script), ""))
    menu_action(window, "File", "Export", "PyTorch Script…").trigger()
    assert "class Model(nn.Module)" in script.read_text(encoding="utf-8")

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(script), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Model", True))
    window.document.open(load_project(LESSONS / "spiral_mlp.json"))  # something else is open first
    menu_action(window, "File", "Import PyTorch Model…").trigger()
    assert "runs the Python file" in warned[0]  # the user is told before any code runs
    assert window.document.project.graph == load_project(LESSONS / "hidden_lines.json").graph
    qtbot.waitUntil(lambda: window.run_controls.controller.active, timeout=20000)  # its weights, paused
    window.grab().save(str(tmp_path / "imported.png"))


def test_import_is_not_run_when_the_warning_is_declined(lesson_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: opened.append(1) or ("", ""))
    menu_action(lesson_window, "File", "Import PyTorch Model…").trigger()
    assert not opened


def test_export_metrics_writes_the_runs_epochs(lesson_window, qtbot, tmp_path, monkeypatch):
    window = lesson_window
    window.document.project.training = window.document.project.training.replace(epochs=2)
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: window.run_controls.controller.state == "finished", timeout=60000)
    out = tmp_path / "metrics.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, "File", "Export", "Metrics (CSV)…").trigger()
    qtbot.waitUntil(out.exists, timeout=20000)
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["epoch"]) for r in rows][-1] == 2 and all(float(r["test_loss"]) > 0 for r in rows)
