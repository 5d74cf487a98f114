"""Train ▸ Pretrain Layer by Layer in the window: refused with a sentence for a network it cannot
pretrain; progress on the status bar; the pretrained weights start as a new model (a new
generation, so no view keeps the old one) that Run fine-tunes; stopping keeps what was done; and
lesson #13 run through its guided steps overlays both runs in the Runs dock."""

import numpy as np
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.train.pretrain import pretrain_stages

LESSON = LESSONS / "pretraining_rescue.json"


def open_lesson(window, qtbot, path):
    window.files.open_lesson(path)
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading, timeout=20000)


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_a_network_it_cannot_pretrain_is_refused_with_a_sentence(window, qtbot):
    open_lesson(window, qtbot, LESSONS / "digits_cnn.json")
    window.pretrain.action.trigger()
    assert status(window).startswith("Cannot pretrain layer by layer: ")
    assert "Linear" in status(window)
    assert window.pretrain.dialog is None and not window.run_controls.controller.active


def test_the_dialog_pretrains_then_the_pretrained_model_is_shown_and_run_fine_tunes_it(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    window.pretrain.action.trigger()
    dialog = pretrain.dialog
    assert dialog.isVisible() and "fc1, fc2, fc3, fc4, fc5" in dialog.about.text()
    dialog.epochs.setValue(2)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert pretrain.busy and pretrain.action.text() == "Stop &Pretraining"
    first = controller.generation
    seen = []
    window.statusBar().messageChanged.connect(seen.append)
    qtbot.waitUntil(lambda: not pretrain.busy, timeout=60000)
    assert any(text.startswith("Pretraining layer 3 of 5 (fc3): epoch") for text in seen)
    # what to do first: at 1280 wide the status bar cuts the end off
    assert status(window).startswith("Pretrained 5 layers: press Run (F5) to fine-tune (reconstruction error ")
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=20000)
    assert controller.generation == window.document.generation > first  # a new model: the views start afresh
    assert pretrain.action.text() == "Pretrain &Layer by Layer…"
    session = controller.worker.session
    assert session.trainer.step_count == 0  # the pretrained weights, untrained on the labels yet
    assert not np.allclose(session.trainer.model.layer("fc1").weight.detach().numpy(), 0, atol=0.05)
    window.run_controls.run_for_action.trigger()
    window.run_controls.run_for_dialog.epochs.setValue(1)
    window.run_controls.run_for_dialog.accept()
    qtbot.waitUntil(lambda: controller.state == "paused" and controller.epoch == 1, timeout=30000)


def test_stopping_keeps_the_layers_done_and_the_model_trains(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    assert pretrain.begin(200)
    stage = []
    controller.pretraining.connect(lambda message: stage.append(getattr(message, "stage", None)))
    qtbot.waitUntil(lambda: 2 in stage, timeout=60000)
    QTest.keyClick(window, Qt.Key.Key_F10)  # a step waits for the pretrained model
    assert controller.step == 0 and len(pretrain._after) == 1
    QTest.keyClick(window, Qt.Key.Key_F5)  # Pause stops pretraining
    qtbot.waitUntil(lambda: not pretrain.busy and controller.state == "paused", timeout=30000)
    assert status(window).startswith("Pretraining stopped after 1 of 5 layers; the model keeps what they learnt")
    qtbot.waitUntil(lambda: controller.step == 1, timeout=20000)  # the step that waited, on the new model
    assert controller.generation == window.document.generation


def test_the_lesson_runs_its_stages_and_overlays_both_runs(window, qtbot):
    """The child-process worker the app ships, seed 0, the lesson as shipped, through its steps."""
    open_lesson(window, qtbot, LESSON)
    guide, runs, controller = window.guide_panel.guide, window.runs, window.run_controls.controller
    before = len(runs.runs)
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # 30 epochs from random weights
    qtbot.waitUntil(lambda: len(runs.runs) == before + 1 and controller.state == "finished", timeout=120000)
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # reset, pretrain 20 epochs a layer
    assert window.pretrain.busy
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # fine-tune 30 epochs: waits for the pretrained model
    assert guide.index == 3
    qtbot.waitUntil(lambda: len(runs.runs) == before + 2, timeout=240000)
    random_run, pretrained_run = runs.runs.runs[before:]
    assert random_run.name == "" and pretrained_run.name == "pretrained layer by layer"
    assert [r.epoch for r in random_run.records] == list(range(1, 31))
    assert [r.epoch for r in pretrained_run.records] == list(range(1, 31))
    assert 0.0905 <= random_run.records[-1].test_acc <= 0.0975  # the lesson's figures for seed 0
    assert 0.9605 <= pretrained_run.records[-1].test_acc <= 0.9675
    assert {random_run.number, pretrained_run.number} <= runs.ticked
    assert len(pretrain_stages(window.document.project.graph)) == 5


def test_back_from_the_pretraining_step_stops_it_and_the_run_waiting_for_it(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    guide, pretrain, controller = window.guide_panel.guide, window.pretrain, window.run_controls.controller
    guide.next()  # 30 epochs from random weights
    qtbot.waitUntil(lambda: controller.state == "finished", timeout=120000)
    guide.next()  # pretraining
    guide.next()  # its fine-tuning waits for the pretrained model
    assert pretrain.busy and pretrain._after
    guide.back()
    assert not pretrain._after
    guide.back()
    qtbot.waitUntil(lambda: not pretrain.busy and controller.state == "paused", timeout=30000)
    qtbot.wait(300)
    assert controller.state == "paused" and controller.step == 0  # nothing trained the pretrained model


def test_the_views_show_the_pretrained_model_not_the_one_before(window_thread, qtbot):
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    view = window.show_view("weights")
    assert pretrain.begin(2)
    qtbot.waitUntil(lambda: view.result is not None, timeout=30000)  # the model before pretraining
    before = view.result
    qtbot.waitUntil(lambda: not pretrain.busy and controller.state == "paused", timeout=60000)
    qtbot.waitUntil(lambda: view.result is not None and view.result is not before, timeout=30000)
    fc1 = controller.worker.session.trainer.model.layer("fc1").weight.detach().numpy()
    assert view.result.layer == "fc1"
    np.testing.assert_allclose(view.result.weights.reshape(len(fc1), -1), fc1, rtol=1e-6)
    assert not np.allclose(before.weights.reshape(len(fc1), -1), fc1, atol=1e-3)  # it did change


def test_another_project_mid_pretraining_leaves_no_word_of_it_on_the_status_bar(window_thread, qtbot):
    """The pretraining under way is forgotten with its model: its progress ("Pretraining layer 1 of
    5 …") must not stay on the status bar over the new project, where nothing is pretrained."""
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    assert pretrain.begin(200)
    qtbot.waitUntil(lambda: status(window).startswith("Pretraining layer 1 of 5"), timeout=30000)
    open_lesson(window, qtbot, LESSONS / "spiral_mlp.json")
    assert not pretrain.busy and controller.state == "idle"
    assert not status(window).startswith("Pretraining")
    qtbot.wait(300)  # nothing the forgotten run still sends brings it back
    assert not status(window).startswith("Pretraining")


def test_a_training_process_killed_mid_pretraining_is_reported_and_nothing_waits_for_it(window, qtbot):
    """kill -9 (or the kernel's out-of-memory killer) ends the child while it pretrains: the window
    says so (it stayed "pretraining" for ever, silent), pretraining is over, and a Step is not left
    waiting for pretrained weights that will never come: it trains a fresh model."""
    import os
    import signal

    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    assert pretrain.begin(200)
    qtbot.waitUntil(lambda: controller.state == "pretraining", timeout=30000)
    os.kill(controller.worker.process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: controller.state == "failed", timeout=20000)
    assert "ended unexpectedly" in window.run_controls.dashboard.alert.text()
    assert not pretrain.busy and pretrain.action.text() == "Pretrain &Layer by Layer…"
    window.run_controls.step()
    qtbot.waitUntil(lambda: controller.state == "paused" and controller.step == 1, timeout=30000)


def test_freezing_a_layer_while_pretraining_then_stopping_says_what_was_done(window_thread, qtbot):
    """Freezing keeps the model (SetFrozen reaches it live), so a hidden layer frozen mid-way is no
    reason to fail when pretraining then stops: the status names the layers done of those begun."""
    window = window_thread
    open_lesson(window, qtbot, LESSON)
    controller, pretrain = window.run_controls.controller, window.pretrain
    assert pretrain.begin(200)
    qtbot.waitUntil(lambda: status(window).startswith("Pretraining layer 1 of 5"), timeout=30000)
    window.editor.set_frozen("fc3", True)
    assert controller.active and pretrain.busy  # the model and its pretraining go on
    pretrain.stop()
    qtbot.waitUntil(lambda: not pretrain.busy and controller.state == "paused", timeout=30000)
    assert status(window).startswith("Pretraining stopped after 0 of 5 layers")
