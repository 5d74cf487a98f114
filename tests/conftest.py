"""Shared test set-up: headless Qt, the repository on the path, small helpers."""

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "assets" / "lessons"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Each test gets its own settings and autosave folder, never the user's."""
    monkeypatch.setenv("NEURONA_DATA_DIR", str(tmp_path / "neurona-data"))


def diverging_project(path):
    """A one-unit regression on the logic gate with a learning rate of 100: its loss overflows in a few steps."""
    from core.network.graph import Graph
    from core.project import Project, save_project
    from core.train_config import TrainConfig

    g = Graph()
    g.add_node("Input", "x", {"shape": [2]})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    g.add_edge("x", "fc")
    g.add_edge("fc", "out")
    save_project(Project(g, "logic", {}, TrainConfig(optimizer="sgd", lr=100.0, epochs=50)), path)
    return path


@pytest.fixture
def window(qtbot, monkeypatch):
    """The main window, shown, with its dataset loaded; "save changes?" is answered Discard.
    At the end, its training worker (if any) must stop in time."""
    from PySide6.QtWidgets import QMessageBox

    from gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow()
    win.run_controls.controller.in_process = False  # a thread starts at once and lets tests look at the model
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.dataset_panel.data is not None)  # the dataset loads in the background
    yield win
    assert win.run_controls.shutdown()


@pytest.fixture
def tmpfs(tmp_path):
    """Mount small tmpfs file systems (root only, else the test is skipped) to try full and read-only
    disks; yields mount(name, options) -> the mount point, and unmounts them all afterwards."""
    mounted = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        try:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        except OSError:  # no mount program
            pytest.skip("mounting a tmpfs needs the mount program")
        if done.returncode:
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], check=False)
