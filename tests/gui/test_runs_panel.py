"""The Runs dock used as a teacher would: train, change the learning rate, reset, train again;
the runs are listed with their difference, ticking overlays each run's own curves, a run can be
renamed, saved and restored to the canvas (undoably), with its weights in a paused model."""

import numpy as np
import pytest
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDoubleSpinBox, QFileDialog, QLineEdit, QMessageBox

from core.project import load_project
from core.run.saved import load_run


def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    QTest.keyClick(widget, key, modifier)


def click_row(panel, number, column=1, double=False):
    """Click a run's row in the list (its differences column unless told otherwise)."""
    table = panel.table
    item = next(
        table.topLevelItem(i)
        for i in range(table.topLevelItemCount())
        if table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == number
    )
    centre = table.visualItemRect(item).center()
    centre.setX(table.header().sectionPosition(column) + 60)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:  # a person's double-click: the press and release above, then the second press
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    return item


def click_tick(panel, number):
    """Click a run's tick box (at the left of its name)."""
    table = panel.table
    item = next(
        table.topLevelItem(i)
        for i in range(table.topLevelItemCount())
        if table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == number
    )
    centre = table.visualItemRect(item).center()
    centre.setX(10)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_two_runs_compared_renamed_saved_and_restored(window_thread, qtbot, monkeypatch, tmp_path):
    window = window_thread
    controller, panel = window.run_controls.controller, window.runs
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=3)
    window.document.open(project)
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)

    press(window.view, Qt.Key.Key_F5)  # Run
    qtbot.waitUntil(lambda: len(panel.runs) == 1, timeout=60000)
    assert window.runs_dock.isVisible()
    window.tabs.setCurrentWidget(window.run_controls.settings)
    window.run_controls.settings.form.findChild(QDoubleSpinBox, "lr").setValue(0.1)
    press(window.view, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)  # Reset Weights
    press(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(panel.runs) == 2 and controller.state == "finished", timeout=60000)
    first, second = panel.runs.runs
    assert (first.changes, second.changes) == ("first run", "lr 0.02 → 0.1")
    assert first.project.training.lr == 0.02  # the edit after it finished is not part of it
    assert panel.table.topLevelItem(1).text(1) == "lr 0.02 → 0.1"

    # both ticked: each run's own test accuracy per epoch, drawn in percent
    assert set(panel.items) == {1, 2}
    for run in (first, second):
        x, y = panel.drawn(run.number)
        assert list(x) == [1, 2, 3]
        assert np.allclose(y, [100 * r.test_acc for r in run.records])
    assert not np.allclose(panel.drawn(1)[1], panel.drawn(2)[1])

    window.runs_dock.raise_()  # the teacher clicks the Runs tab beside Training
    qtbot.waitUntil(lambda: panel.isVisible())
    click_tick(panel, 1)  # untick run 1
    assert set(panel.items) == {2}
    click_row(panel, 1, column=0)
    press(panel.table, Qt.Key.Key_Space)  # the keyboard ticks it again
    assert set(panel.items) == {1, 2}

    click_row(panel, 2, column=0, double=True)  # edit the name in place
    qtbot.waitUntil(lambda: panel.table.state() == QAbstractItemView.State.EditingState)
    editor = panel.table.viewport().findChild(QLineEdit)
    window.activateWindow()  # a real window is active already; offscreen it may not be
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "fast")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.title == "fast")  # the view commits the edit from its event queue
    legend = [label.text for _, label in panel.legend.items]
    assert legend == ["Run 1: first run", "fast: lr 0.02 → 0.1"]

    panel.metric_choice.setCurrentIndex(panel.metric_choice.findData("loss"))
    x, y = panel.drawn(1)
    assert np.allclose(y, [r.test_loss for r in first.records])
    qtbot.wait(50)
    window.grab().save(str(tmp_path.parent / "runs_window.png"))
    panel.grab().save(str(tmp_path.parent / "runs_panel.png"))

    # save the renamed run as a run folder: File ▸ Open Run reads back its project and weights
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "saved"))
    click_row(panel, 2)
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    reopened, weights = load_run(tmp_path / "saved")
    assert reopened.title == "fast" and reopened.training.lr == 0.1
    assert all(np.array_equal(weights[k].numpy(), v) for k, v in second.weights.items())

    # restore run 1: its settings come back as one undo step, its weights wait in a paused model
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click_row(panel, 1)
    QTest.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert window.project.training.lr == 0.02
    qtbot.waitUntil(lambda: controller.state == "paused" and controller.worker.session is not None, timeout=30000)
    live = controller.worker.session.trainer.model.state_dict()
    assert all(np.array_equal(live[k].numpy(), v) for k, v in first.weights.items())
    assert window.document.undo_stack.undoText() == "Restore the run 'Run 1'"
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.training.lr == 0.1
    assert len(panel.runs) == 2  # a restored model that never trained is not a new run


def test_delete_asks_first_and_removes_only_the_chosen_run(qtbot, monkeypatch):
    from core.run import messages as m
    from core.train.trainer import EpochRecord
    from gui.training.runs import RunsPanel

    panel = RunsPanel()
    qtbot.addWidget(panel)
    project = load_project(LESSONS / "spiral_mlp.json")
    for generation, lr in ((1, 0.02), (2, 0.05), (3, 0.1)):
        project.training = project.training.replace(lr=lr)
        record = EpochRecord(1, 10, 0.5, 0.8, 0.6, 0.7 + lr, lr, 0.1)
        panel.run_ended(m.RunEnded(generation, "finished", project.to_dict(), [record], {}, 10))
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    panel.show()
    qtbot.waitExposed(panel)
    click_row(panel, 2)
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # Cancel
    assert [r.number for r in panel.runs.runs] == [1, 2, 3]
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # Yes
    assert [r.number for r in panel.runs.runs] == [1, 3]
    assert panel.runs.find(3).changes == "lr 0.02 → 0.1"
    assert set(panel.items) == {1, 3}
    assert [panel.table.topLevelItem(i).text(2) for i in range(2)] == ["72.0%", "80.0%"]


@pytest.mark.parametrize("bad", ["a file"])
def test_saving_into_a_file_says_why_not(qtbot, monkeypatch, tmp_path, bad):
    from core.run import messages as m
    from core.train.trainer import EpochRecord
    from gui.training.runs import RunsPanel

    panel = RunsPanel()
    qtbot.addWidget(panel)
    project = load_project(LESSONS / "spiral_mlp.json")
    from core.network.build import GraphModule

    weights = {k: v.numpy() for k, v in GraphModule(project.graph).state_dict().items()}
    panel.run_ended(
        m.RunEnded(1, "stopped", project.to_dict(), [EpochRecord(1, 5, 1, 0.5, 1, 0.5, 0.02, 1)], weights, 5)
    )
    target = tmp_path / "taken"
    target.write_text("not a folder")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    panel.save_current(str(target))
    assert shown and "is a file" in shown[0]


def test_restoring_a_run_of_another_dataset_waits_for_that_data(window_thread, qtbot, monkeypatch):
    from gui.editor.commands import SetDataset

    window = window_thread
    controller, panel = window.run_controls.controller, window.runs
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=2)
    window.document.open(project)
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    press(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(panel.runs) == 1 and controller.state == "finished", timeout=60000)
    run = panel.runs.runs[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.run_controls.reset()
    noisy = {**window.project.dataset_params, "noise": 0.3}
    window.document.push(SetDataset(window.project, "spiral", noisy))
    qtbot.waitUntil(lambda: window.document.data is not None and window.dataset_panel.data is not None, timeout=20000)
    window.runs_dock.raise_()
    qtbot.waitUntil(panel.isVisible)
    click_row(panel, 1)
    QTest.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert window.project.dataset_params["noise"] == 0.1
    qtbot.waitUntil(lambda: controller.state == "paused" and controller.worker.session is not None, timeout=30000)
    trainer = controller.worker.session.trainer
    assert trainer.project.dataset_params["noise"] == 0.1  # the model waited for the run's own data
    assert np.array_equal(trainer.data.x_train, window.document.data.x_train)
    live = trainer.model.state_dict()
    assert all(np.array_equal(live[k].numpy(), v) for k, v in run.weights.items())


def test_runs_without_accuracy_say_so_and_draw_their_loss(qtbot):
    from core.run import messages as m
    from core.train.trainer import EpochRecord
    from gui.training.runs import RunsPanel

    panel = RunsPanel()
    qtbot.addWidget(panel)
    project = load_project(LESSONS / "spiral_mlp.json")
    records = [EpochRecord(e, 10 * e, 1 / e, None, 2 / e, None, 0.1, 0.1) for e in (1, 2)]
    panel.run_ended(m.RunEnded(1, "finished", project.to_dict(), records, {}, 20))
    assert panel.items == {} and "no accuracy" in panel.note.text()
    assert panel.table.topLevelItem(0).text(2) == "loss 1"
    panel.metric_choice.setCurrentIndex(panel.metric_choice.findData("loss"))
    assert np.allclose(panel.drawn(1)[1], [2, 1]) and panel.note.text() == "solid: test · dashed: train"


def test_the_child_process_worker_hands_over_its_run_and_a_stopped_one(window, qtbot):
    from gui.editor.commands import SetTraining

    """The app trains in a child process: the run crosses the pipe, also when Reset stops it mid-way."""
    controller, panel = window.run_controls.controller, window.runs
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=2)
    window.document.open(project)
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: len(panel.runs) == 1, timeout=60000)
    assert panel.runs.runs[0].state == "finished" and len(panel.runs.runs[0].records) == 2
    window.run_controls.reset_action.trigger()
    window.run_controls.step_action.trigger()  # a new model, one step: no epoch yet, not kept when stopped
    qtbot.waitUntil(lambda: controller.state == "paused" and controller.step == 1, timeout=60000)
    window.run_controls.reset_action.trigger()
    assert controller.wait_stopped(10.0)
    qtbot.wait(100)
    assert len(panel.runs) == 1
    window.run_controls.settings.form.findChild(QDoubleSpinBox, "lr").setValue(0.05)
    window.document.push(SetTraining(window.project, "epochs", 100_000))
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller.epoch >= 2, timeout=60000)
    window.run_controls.reset_action.trigger()  # stopped mid-run: kept with its epochs so far
    qtbot.waitUntil(lambda: len(panel.runs) == 2, timeout=10000)
    stopped = panel.runs.runs[1]
    assert stopped.state == "stopped" and len(stopped.records) >= 2
    assert stopped.changes == "lr 0.02 → 0.05, epochs 2 → 100000"
