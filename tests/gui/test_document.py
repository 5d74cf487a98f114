"""The Document: one owner of the open project, and a model generation that keeps every
picture true of the model on screen."""

import pytest
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDoubleSpinBox, QMessageBox

from core.project import load_project
from gui.editor.commands import SetTraining


def open_lesson(window, qtbot, name):
    window.files.open_lesson(LESSONS / f"{name}.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)


def train_a_little(window, qtbot, steps=40):
    """Step the spiral lesson until the dashboard shows the trained model."""
    controls = window.run_controls
    controls.step_action.trigger()  # starts the model
    qtbot.waitUntil(lambda: controls.controller.state == "paused", timeout=30000)
    controls.controller.step_once(steps)
    qtbot.waitUntil(lambda: controls.controller.step >= steps and controls.controller.state == "paused", timeout=30000)
    dashboard = controls.dashboard
    dashboard.curves.flush()
    qtbot.waitUntil(lambda: dashboard.boundary.surface is not None, timeout=10000)
    assert len(dashboard.curves.loss_curve_data()[0]) > 0 and "step" in dashboard.counters.text()
    _, test_accuracy = dashboard.curves.evaluation_data()["test_acc"]
    if len(test_accuracy):  # an epoch has ended: the header gives its figures as numbers
        assert f"{test_accuracy[-1]:.1f}% test" in dashboard.counters.text()


def assert_dashboard_forgot_the_model(window):
    dashboard = window.run_controls.dashboard
    dashboard.curves.flush()
    assert len(dashboard.curves.loss_curve_data()[0]) == 0
    assert all(len(x) == 0 for x, _ in dashboard.curves.evaluation_data().values())
    assert dashboard.boundary.surface is None and dashboard.boundary.image.image is None
    assert dashboard.neurons.currentWidget() is dashboard.neurons.message
    assert not any(word in dashboard.counters.text() for word in ("step", "learning rate", "after epoch", "%"))
    assert not window.run_controls.controller.active


def new_project(window, qtbot):
    window.files.new_project()


def another_lesson(window, qtbot):
    open_lesson(window, qtbot, "hidden_lines")


def another_dataset(window, qtbot):
    """As the dataset combo box does; "Stop training?" is answered Yes."""
    window.dataset_panel.dataset_edited.emit("moons", {"seed": 0, "test_ratio": 0.3})
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "moons", timeout=20000)


def undo_of_the_dataset(window, qtbot):
    """An undone dataset change while the model exists: the model no longer belongs to the data."""
    another_dataset(window, qtbot)
    open_lesson_generation = window.document.generation
    train_a_little(window, qtbot)
    assert window.document.generation > open_lesson_generation
    window.document.undo_stack.undo()  # the dataset and the fit, one step
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "spiral", timeout=20000)


def reset_weights(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("change", [new_project, another_lesson, another_dataset, undo_of_the_dataset, reset_weights])
def test_every_model_change_clears_the_dashboard_and_starts_a_new_generation(window_thread, qtbot, monkeypatch, change):
    window = window_thread  # what is drawn is checked here, not how the model trains: a thread starts faster
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    open_lesson(window, qtbot, "spiral_mlp")
    train_a_little(window, qtbot)
    assert "after epoch" in window.run_controls.dashboard.counters.text()  # 40 steps: three epochs
    before = window.document.generation
    change(window, qtbot)
    assert window.document.generation > before
    assert_dashboard_forgot_the_model(window)


def test_undo_of_a_learning_rate_change_reaches_the_running_model(window_thread, qtbot):
    window = window_thread  # a thread worker, so the test can read the model's optimiser
    open_lesson(window, qtbot, "spiral_mlp")
    original = window.document.project.training.lr
    train_a_little(window, qtbot, steps=5)
    window.tabs.setCurrentWidget(window.run_controls.settings)
    spin = window.run_controls.settings.form.findChild(QDoubleSpinBox, "lr")
    spin.setValue(0.0037)
    trainer = window.run_controls.controller.worker.session.trainer  # the thread worker: idle while paused
    qtbot.waitUntil(lambda: trainer.lr == pytest.approx(0.0037), timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.training.lr == pytest.approx(original)
    qtbot.waitUntil(lambda: trainer.lr == pytest.approx(original), timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: trainer.lr == pytest.approx(0.0037), timeout=5000)


def test_the_document_owns_path_dirty_flag_and_title(window, qtbot, tmp_path):
    document = window.document
    seen = []
    document.title_changed.connect(lambda: seen.append(document.dirty))
    document.open(load_project(LESSONS / "perceptron.json"))
    assert not document.dirty and document.path is None and document.display_name == document.project.title
    window.editor.add_layer("ReLU")
    assert document.dirty and window.isWindowModified() and seen[-1] is True
    path = document.save_to(str(tmp_path / "mine"))
    assert path.endswith("mine.json") and not document.dirty and window.windowTitle().startswith("mine.json")
    assert load_project(path).graph == document.project.graph


def test_undo_labels_name_the_layer_in_words_with_plurals(window, qtbot):
    stack = window.document.undo_stack
    first = window.editor.add_layer("Linear")
    assert stack.undoText() == f"Add Linear layer {first}"
    window.editor.set_param(first, "out_features", 64)
    assert stack.undoText() == f"Set {first}'s out features to 64"
    second = window.editor.add_layer("ReLU")
    window.editor.select([first])
    window.editor.delete_selection()
    assert stack.undoText() == "Delete 1 layer"
    stack.undo()
    window.editor.select([first, second])
    window.editor.delete_selection()
    assert stack.undoText() == "Delete 2 layers"
    window.run_controls.settings.setting_edited.emit("lr", 0.05)
    assert stack.undoText() == "Set the learning rate to 0.05"


def test_changing_the_dataset_after_a_finished_run_does_not_ask_to_stop(window, qtbot, monkeypatch):
    open_lesson(window, qtbot, "hidden_lines")
    window.document.push(SetTraining(window.document.project, "epochs", 1))
    controls = window.run_controls
    controls.run_action.trigger()
    qtbot.waitUntil(lambda: controls.controller.state == "finished", timeout=30000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window.dataset_panel.dataset_edited.emit("moons", {"seed": 0, "test_ratio": 0.3})
    assert not asked and window.document.project.dataset == "moons" and not controls.controller.active
