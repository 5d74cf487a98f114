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


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch):
    """The verbs run by tests speak English whatever the machine's language (LANGUAGE comes first):
    their output is compared with English text. Tests of the Spanish command line set their own."""
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture(autouse=True)
def _english_numbers():
    """Numbers formatted as the app formats them in English ("2,000"), whatever the machine's
    locale ("C" prints "2000"): the app always installs a language, and its locale, at start."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


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


@pytest.fixture(autouse=True)
def _no_worker_left_running():
    """Fail a test that leaves a training worker (thread or child process) running at its end."""
    yield
    if "gui.training.worker" not in sys.modules:
        return
    from gui.training.worker import live_workers

    left = live_workers()
    if left:
        for worker in left:  # do not let it spoil the next tests
            getattr(worker, "kill", lambda: None)()
        pytest.fail(f"the test left {len(left)} training worker(s) running: {left}")


def _window(qtbot, monkeypatch, in_process: bool):
    from PySide6.QtWidgets import QMessageBox

    from gui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow()
    win.run_controls.controller.in_process = in_process
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.dataset_panel.data is not None)  # the dataset loads in the background
    return win


@pytest.fixture
def window(qtbot, monkeypatch):
    """The main window as the app ships it (training in a child process), shown, with its dataset
    loaded; "save changes?" is answered Discard. At the end its training must stop in time."""
    win = _window(qtbot, monkeypatch, in_process=True)
    yield win
    win.run_controls.shutdown()
    assert win.run_controls.controller.wait_stopped(10.0)


@pytest.fixture
def window_thread(qtbot, monkeypatch):
    """The main window training in a thread: for tests that must look at the model itself
    (`controller.worker.session`)."""
    win = _window(qtbot, monkeypatch, in_process=False)
    yield win
    win.run_controls.shutdown()
    assert win.run_controls.controller.wait_stopped(10.0)


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
