"""Training from the window: Run, Pause, Step, live learning rate, divergence, closing mid-run."""

import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import LESSONS, ROOT, diverging_project
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDoubleSpinBox, QMessageBox

from gui.views.dashboard.boundary import surface_image


def open_lesson(window, qtbot, name):
    window.files.open_lesson(LESSONS / f"{name}.json")
    qtbot.waitUntil(
        lambda: window.dataset_panel.data is not None and window.dataset_panel.data.name == window.project.dataset,
        timeout=20000,
    )


def controller(window):
    return window.run_controls.controller


def test_run_trains_and_the_loss_curve_gets_points(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).step >= 50, timeout=30000)
    window.run_controls.dashboard.curves.flush()
    x, y = window.run_controls.dashboard.curves.loss_curve_data()
    assert len(x) >= 50 and np.isfinite(y).all()
    assert "epoch" in window.run_controls.dashboard.counters.text()


def test_pause_stops_the_step_counter_step_advances_one_batch_and_stop_does_not_wait(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).step >= 20, timeout=30000)
    window.run_controls.run_action.trigger()  # Pause
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    paused_at = controller(window).step
    qtbot.wait(300)
    assert controller(window).step == paused_at
    with qtbot.waitSignal(controller(window).snapshot, timeout=5000):
        window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    assert controller(window).step == paused_at + 1
    assert window.run_controls.dashboard.boundary.surface is not None
    worker = controller(window).worker  # the child process the app ships
    controller(window).shutdown()  # returns at once; the child ends by itself
    assert controller(window).worker is None and controller(window).state == "idle"
    qtbot.waitUntil(lambda: not worker.alive(), timeout=10000)
    assert not worker.process.is_alive() and worker.process.exitcode == 0


def test_f5_starts_pauses_and_resumes_the_same_run(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller(window).step >= 20, timeout=30000)
    worker = controller(window).worker
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    paused_at = controller(window).step
    assert window.run_controls.run_action.text() == "&Run"
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: controller(window).step > paused_at + 20, timeout=10000)
    assert controller(window).worker is worker and controller(window).state == "running"  # resumed, not restarted
    assert window.run_controls.run_action.text() == "&Pause"


def test_run_for_trains_until_the_test_accuracy_is_reached_then_pauses_and_says_so(window, qtbot):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from gui.training.run_for import RunForDialog

    open_lesson(window, qtbot, "spiral_mlp")
    messages = []
    window.run_controls.message.connect(messages.append)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RunForDialog)
    qtbot.mouseClick(dialog.until, Qt.MouseButton.LeftButton)
    dialog.quantity.setCurrentIndex(dialog.quantity.findData("test_acc"))
    dialog.target.selectAll()
    QTest.keyClicks(dialog.target, "80")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: any(text.startswith("Paused by itself") for text in messages), timeout=60000)
    # the state follows in the run's next message: a trainer at a lower priority may send it a little later
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    (text,) = [t for t in messages if t.startswith("Paused by itself")]
    percent, epoch = text.removeprefix("Paused by itself: test accuracy ").split("% at epoch ")
    assert float(percent) >= 80.0 and controller(window).epoch == int(epoch)
    qtbot.waitUntil(lambda: f"after epoch {epoch}:" in window.run_controls.dashboard.counters.text())
    assert f"{percent}% test" in window.run_controls.dashboard.counters.text()  # the header shows the same figure


def test_a_new_learning_rate_reaches_the_running_optimiser(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).step >= 5, timeout=30000)
    window.tabs.setCurrentWidget(window.run_controls.settings)
    spin = window.run_controls.settings.form.findChild(QDoubleSpinBox, "lr")
    spin.setValue(0.0037)
    qtbot.waitUntil(lambda: controller(window).lr == pytest.approx(0.0037), timeout=5000)
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    optimizer = controller(window).worker.session.trainer.optimizer  # the worker is idle while paused
    assert optimizer.param_groups[0]["lr"] == pytest.approx(0.0037)
    assert window.project.training.lr == pytest.approx(0.0037)


def test_undoing_a_learning_rate_change_reaches_the_running_model(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    old = window.project.training.lr
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused" and controller(window).step == 1, timeout=30000)
    window.tabs.setCurrentWidget(window.run_controls.settings)
    spin = window.run_controls.settings.form.findChild(QDoubleSpinBox, "lr")
    spin.setValue(0.0037)
    optimizer = controller(window).worker.session.trainer.optimizer
    qtbot.waitUntil(lambda: optimizer.param_groups[0]["lr"] == pytest.approx(0.0037), timeout=5000)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert window.project.training.lr == pytest.approx(old)
    qtbot.waitUntil(lambda: optimizer.param_groups[0]["lr"] == pytest.approx(old), timeout=5000)
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).step == 2 and controller(window).state == "paused", timeout=5000)
    assert controller(window).lr == pytest.approx(old)


def test_a_diverging_network_pauses_with_the_step_and_cause(window, qtbot, tmp_path):
    path = diverging_project(tmp_path / "hot.json")
    window.files.open_path(str(path))
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    with qtbot.waitSignal(controller(window).diverged, timeout=30000):
        window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=5000)
    alert = window.run_controls.dashboard.alert.text()
    assert "the loss became" in alert and "at step" in alert and "learning rate 100 is probably too high" in alert
    window.editor.add_layer("ReLU")  # the app stays usable: editing asks to stop (answered Discard: no)
    assert not window.run_controls.dashboard.alert.isHidden()


def test_the_boundary_shows_the_models_surface(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused" and controller(window).step == 1, timeout=30000)
    boundary = window.run_controls.dashboard.boundary
    assert boundary.surface is not None
    assert np.array_equal(boundary.image.image, surface_image(boundary.surface, False))
    neurons = window.run_controls.dashboard.neurons
    assert [len(neurons.images[shown]) for _, shown in neurons.columns] == [12, 12, 2]


def test_a_hidden_dashboard_gets_its_curves_but_no_boundary(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    dashboard = window.run_controls.dashboard
    wanted = {"boundary": {}, "neurons": {}}  # the visible tab asks like any view, once the data is there
    qtbot.waitUntil(lambda: controller(window).views == wanted, timeout=5000)
    window.show_view("weights")
    assert "boundary" not in controller(window).views
    shots = []
    controller(window).snapshot.connect(shots.append)
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused" and controller(window).step == 1, timeout=30000)
    dashboard.curves.flush()
    assert len(dashboard.curves.loss_curve_data()[0]) == 1 and "step 1" in dashboard.counters.text()
    assert dashboard.boundary.surface is None and not any("boundary" in (s.insights or {}) for s in shots)
    assert window.show_view("training") is dashboard
    qtbot.waitUntil(lambda: dashboard.boundary.surface is not None, timeout=10000)  # asked again: drawn at once


def test_editing_the_network_while_training_asks_to_stop(window_thread, qtbot, monkeypatch):
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=30000)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    assert window.editor.add_layer("ReLU") is None and asked and "discards the model" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.editor.add_layer("ReLU") == "relu1" and not controller(window).active


def test_a_saved_run_reopens_with_its_weights(window_thread, qtbot, tmp_path):
    window = window_thread
    open_lesson(window, qtbot, "perceptron")
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "finished", timeout=60000)
    with qtbot.waitSignal(controller(window).saved, timeout=10000):
        controller(window).save(str(tmp_path / "run"))
    trained = controller(window).worker.session.trainer.model.state_dict()
    assert window.files.open_run(str(tmp_path / "run"))
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=30000)
    reopened = controller(window).worker.session.trainer.model.state_dict()
    assert all(np.array_equal(trained[k].numpy(), reopened[k].numpy()) for k in trained)


def test_closing_mid_run_ends_the_training_process_without_thread_warnings(tmp_path):
    script = f"""
import sys, time; sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from core.project import load_project
window = MainWindow()
window.show()
window.run_controls.controller.prestart()  # as the app does: a spare process, left waiting at the end
project = load_project({str(LESSONS / "digits_cnn.json")!r})
project.training = project.training.replace(epochs=1000)  # still running when the window closes
window.document.open(project)
while window.dataset_panel.data is None:
    app.processEvents()
    time.sleep(0.005)
window.run_controls.run_or_pause()
start = time.time()
while window.run_controls.controller.step < 5 and time.time() - start < 60:
    app.processEvents()
    time.sleep(0.005)
assert window.run_controls.controller.state == "running"
window.run_controls.controller.prestart()  # the next run's spare, still loading PyTorch
window.close()
import multiprocessing
print("children left", len(multiprocessing.active_children()))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEURONA_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "0"  # the window took its training process with it (timings: bench/)
    assert "QThread" not in result.stderr and "Destroyed" not in result.stderr


def test_the_first_run_trains_in_the_process_started_ahead_and_the_next_one_is_made_ready(window, qtbot):
    ctl = controller(window)
    ctl.prestart()
    spare = ctl.spare
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: ctl.step >= 20, timeout=30000)
    assert ctl.worker.process is spare.process and ctl.spare is None
    qtbot.waitUntil(lambda: ctl.spare is not None, timeout=10000)  # made ready for the next Run
    waiting = ctl.spare
    assert waiting.alive() and waiting.process.pid != spare.process.pid
    window.run_controls.reset()
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: ctl.step >= 20, timeout=30000)
    assert ctl.worker.process is waiting.process
    qtbot.waitUntil(lambda: ctl.spare is not None, timeout=10000)
    last = ctl.spare
    ctl.release_spare()
    assert not last.alive() and ctl.spare is None
    ctl.shutdown()
    qtbot.wait(2500)  # the restocking timer of a run that has gone does nothing now
    assert ctl.spare is None


def test_clicking_on_the_plane_adds_a_point_and_training_goes_on(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=30000)
    before = window.dataset_panel.data
    boundary = window.run_controls.dashboard.boundary
    boundary.adding.setCurrentIndex(2)  # "click adds arm 2"
    plot = boundary.plot
    target = plot.getViewBox().mapViewToScene(QPointF(0.25, -0.5))
    with qtbot.waitSignal(window.dataset_panel.data_loaded, timeout=20000):
        QTest.mouseClick(
            plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, plot.mapFromScene(target)
        )
    after = window.dataset_panel.data
    assert window.project.dataset == "points" and controller(window).active
    xs = np.concatenate([after.x_train, after.x_test])
    ys = np.concatenate([after.y_train, after.y_test])
    assert len(xs) == len(before.x_train) + len(before.x_test) + 1
    added = np.argmin(np.abs(xs - [0.25, -0.5]).sum(1))
    assert np.allclose(xs[added], [0.25, -0.5], atol=0.05) and ys[added] == 1
    assert after.class_names == before.class_names and boundary.adding.currentText() == "click adds arm 2"
    window.run_controls.step_action.trigger()  # the model trains on the new points
    qtbot.waitUntil(lambda: controller(window).step == 2, timeout=10000)
    window.document.undo_stack.undo()
    assert window.project.dataset == "spiral"


def test_an_error_inside_training_reaches_the_user_with_details(window_thread, qtbot, monkeypatch):
    window = window_thread  # the failure is planted in this process
    from core.run.session import Session

    real_step = Session.step

    def failing_step(self):
        if self.trainer.step_count >= 10:
            raise RuntimeError("the GPU caught fire")
        real_step(self)

    monkeypatch.setattr(Session, "step", failing_step)
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append((box.text(), box.detailedText())))
    open_lesson(window, qtbot, "spiral_mlp")
    with qtbot.waitSignal(controller(window).failed, timeout=30000):
        window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "failed", timeout=5000)
    assert shown and "the GPU caught fire" in shown[0][0] and "Traceback" in shown[0][1]
    assert window.run_controls.run_action.text() == "&Run"
    window.run_controls.reset_action.trigger()  # the app stays usable: a fresh run can start
    monkeypatch.setattr(Session, "step", real_step)
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).step == 1, timeout=30000)


def test_the_speed_slider_slows_training_to_a_pace_a_class_can_follow(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    speed = window.run_controls.speed
    speed.slider.setValue(2)  # as dragging it does
    assert speed.label.text() == "5 steps/s" and controller(window).pace == 5.0
    shots = []
    controller(window).snapshot.connect(shots.append)
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=30000)
    controller(window).step_once(4)
    qtbot.waitUntil(lambda: controller(window).step >= 5 and controller(window).state == "paused", timeout=30000)
    stepped = [int(shot.steps[-1]) for shot in shots if len(shot.steps)]
    assert stepped == [1, 2, 3, 4, 5]  # every step its own snapshot: each one is drawn
    speed.slider.setValue(speed.slider.maximum())
    assert speed.label.text() == "full speed" and controller(window).pace == 0.0


def test_the_boundary_plot_is_square_and_the_neuron_columns_are_named_in_full(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.step_action.trigger()
    dashboard = window.run_controls.dashboard
    qtbot.waitUntil(lambda: dashboard.neurons.layout_of is not None, timeout=30000)
    qtbot.wait(100)
    box = dashboard.boundary.plot.getViewBox().sceneBoundingRect()
    assert abs(box.width() - box.height()) <= 0.1 * box.height()  # no empty bands beside the square plane
    names = dashboard.neurons.names
    assert [name for _, name in names._tickLevels[0]] == ["x, y", "act1", "act2", "fc3"]
    canvas = dashboard.neurons.canvas
    shown = canvas.mapFromScene(names.sceneBoundingRect()).boundingRect()
    assert canvas.rect().contains(shown)  # the names are inside the widget, not cut at its bottom


def test_another_dataset_while_trained_and_no_to_stopping_keeps_the_model_and_the_choice(
    window_thread, qtbot, monkeypatch
):
    """Cancel at "Stop training?" after choosing another dataset: the panel shows the project's
    dataset again, and the model stays (the panel reloaded the data, which reset the model)."""
    window = window_thread
    open_lesson(window, qtbot, "spiral_mlp")
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: controller(window).state == "paused", timeout=30000)
    generation, data = window.document.generation, window.document.data
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    panel = window.dataset_panel
    panel.kind.setCurrentIndex(panel.kind.findData("moons"))
    panel.kind.activated.emit(panel.kind.currentIndex())
    assert window.project.dataset == "spiral" and panel.kind.currentData() == "spiral"
    qtbot.wait(1000)  # time for a reload to arrive, if one was started
    assert window.document.generation == generation and window.document.data is data
    assert controller(window).active and controller(window).state == "paused"
