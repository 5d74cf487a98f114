"""Train ▸ Import Weights into Layers… as a teacher uses it: the dialog pairs layers and says why a
layer cannot take the run's weights, the new model holds exactly the run's tensors, Undo brings back
the model before; freezing a layer mid-run keeps the model; the transfer lesson walked through."""

import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.project import load_project
from core.run.saved import save_run
from core.run.transfer import fresh_weights


def digits_project(classes=5):
    project = load_project(LESSONS / "transfer_digits.json")
    project.steps = ()
    project.graph.set_param("fc2", "out_features", classes)
    if classes == 5:
        project.dataset_params.update({"images": "second half", "digits": "5-9", "per_class": 5})
    return project


def source_run(tmp_path):
    """A saved run of the ten-digit network with weights no initialisation would give."""
    from core.network.build import GraphModule

    project = digits_project(classes=10)
    torch.manual_seed(123)
    model = GraphModule(project.graph)
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(-0.5, 0.5)
    return save_run(tmp_path / "source", project, [], model), model.state_dict()


def live(window):
    return window.run_controls.controller.worker.session.trainer.model.state_dict()


def undo(window, qtbot):
    """Ctrl+Z, as a person presses it on the canvas (the window active again after the dialog)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def paused(window):
    controller = window.run_controls.controller
    return controller.state == "paused" and controller.worker is not None and controller.worker.session is not None


def test_import_from_a_run_folder_refuses_the_head_with_why_and_undo_brings_back_the_model(
    window_thread, qtbot, tmp_path
):
    window = window_thread
    folder, source = source_run(tmp_path)
    window.document.open(digits_project())
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    window.transfer.action.trigger()
    dialog = window.transfer.dialog
    assert not dialog.import_button.isEnabled()  # no run yet
    dialog.choose_folder(str(folder))
    rows = {dialog.table.topLevelItem(i).text(0): dialog.table.topLevelItem(i) for i in range(2)}
    assert rows["fc1"].checkState(0) == Qt.CheckState.Checked and rows["fc1"].text(2) == "fc1"
    assert rows["fc2"].text(2) == "expects 5×32 but the run has 10×32 (fc2)"
    assert not rows["fc2"].flags() & Qt.ItemFlag.ItemIsEnabled
    dialog.resize(640, 300)
    dialog.grab().save(str(tmp_path.parent / "import_dialog.png"))
    dialog.freeze.setChecked(True)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: paused(window), timeout=30000)
    weights = live(window)
    fresh = fresh_weights(window.document.project)
    assert torch.equal(weights["layers.fc1.weight"], source["layers.fc1.weight"])
    assert torch.equal(weights["layers.fc1.bias"], source["layers.fc1.bias"])
    assert torch.equal(weights["layers.fc2.weight"], fresh["layers.fc2.weight"])  # the new head starts afresh
    assert window.document.project.graph.nodes["fc1"].frozen
    assert window.document.undo_stack.undoText() == "Import weights (fc1 from source)"

    # train a little: the frozen layer does not move, the head does
    window.run_controls.step()
    qtbot.waitUntil(lambda: window.run_controls.controller.step >= 1 and paused(window), timeout=30000)
    after = live(window)
    assert torch.equal(after["layers.fc1.weight"], source["layers.fc1.weight"])
    assert not torch.equal(after["layers.fc2.weight"], fresh["layers.fc2.weight"])
    trained = {k: v.clone() for k, v in after.items()}

    # a second import over the trained model, then Undo: the trained model comes back exactly
    window.transfer.import_layers(window.transfer.folder_source(str(folder)), {"fc1": "fc1"})
    qtbot.waitUntil(lambda: paused(window) and window.run_controls.controller.step == 0, timeout=30000)
    undo(window, qtbot)
    qtbot.waitUntil(lambda: paused(window), timeout=30000)
    back = live(window)
    assert all(torch.equal(back[k], trained[k]) for k in trained)
    assert window.document.project.graph.nodes["fc1"].frozen  # the first import's freezing stays
    undo(window, qtbot)  # the first import
    qtbot.waitUntil(lambda: not window.run_controls.controller.active)
    assert not window.document.project.graph.nodes["fc1"].frozen  # no model: the next Run starts afresh


def test_freezing_while_training_keeps_the_model(window_thread, qtbot):
    window = window_thread
    window.document.open(digits_project())
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    controls = window.run_controls
    controls.step()
    qtbot.waitUntil(lambda: controls.controller.step >= 1 and paused(window), timeout=30000)
    model, generation = controls.controller.worker.session.trainer.model, window.document.generation
    weights = {k: v.clone() for k, v in live(window).items()}
    window.editor.select(["fc1"])
    window.inspector.frozen.click()  # the inspector's switch, as a person flips it
    assert window.document.project.graph.nodes["fc1"].frozen
    controls.step()
    qtbot.waitUntil(lambda: controls.controller.step >= 2 and paused(window), timeout=30000)
    assert controls.controller.worker.session.trainer.model is model and window.document.generation == generation
    now = live(window)
    assert torch.equal(now["layers.fc1.weight"], weights["layers.fc1.weight"])
    assert not torch.equal(now["layers.fc2.weight"], weights["layers.fc2.weight"])
    undo(window, qtbot)  # unfreeze, by undo
    controls.step()
    qtbot.waitUntil(lambda: controls.controller.step >= 3 and paused(window), timeout=30000)
    assert not torch.equal(live(window)["layers.fc1.weight"], weights["layers.fc1.weight"])
    assert controls.controller.worker.session.trainer.model is model


def test_the_transfer_lesson_walked_through_borrows_freezes_and_fine_tunes(window_thread, qtbot, tmp_path):
    """Its steps as a class sees them: the first run is kept, the new task trains from scratch, the
    next step's model holds the first run's fc1 exactly and frozen, and unfreezing fine-tunes it."""
    window = window_thread
    window.files.open_lesson(LESSONS / "transfer_digits.json")
    guide, runs = window.guide_panel.guide, window.runs.runs
    qtbot.waitUntil(lambda: window.document.data is not None and not guide.loading, timeout=20000)
    controller = window.run_controls.controller

    def next_step(kept: int) -> None:
        guide.next()
        qtbot.waitUntil(lambda: len(runs) == kept and controller.state in ("paused", "finished"), timeout=120000)

    next_step(1)  # all ten digits, first half
    first = runs.runs[0]
    assert round(100 * first.records[-1].test_acc, 1) == 94.4 and guide.lesson_runs == [first.number]
    next_step(2)  # the new task from scratch
    assert round(100 * runs.runs[1].records[-1].test_acc, 1) == 89.8
    guide.next()  # import fc1, freeze it, 10 epochs
    qtbot.waitUntil(lambda: controller.epoch == 10 and paused(window), timeout=120000)
    model = live(window)
    assert torch.equal(model["layers.fc1.weight"], torch.as_tensor(first.weights["layers.fc1.weight"]))
    assert torch.equal(model["layers.fc1.bias"], torch.as_tensor(first.weights["layers.fc1.bias"]))
    assert window.document.project.graph.nodes["fc1"].frozen and window.editor.scene.nodes["fc1"].frozen
    session = controller.worker.session
    assert round(100 * session.records[-1].test_acc, 1) == 92.6
    qtbot.wait(100)
    window.grab().save(str(tmp_path.parent / "transfer_step4.png"))

    guide.back()  # Back: the model from scratch again, fc1 no longer frozen (the imported one is kept, stopped)
    qtbot.waitUntil(lambda: len(runs) == 3 and paused(window), timeout=60000)
    assert runs.runs[2].state == "stopped" and not window.document.project.graph.nodes["fc1"].frozen
    back = live(window)
    assert all(torch.equal(back[k], torch.as_tensor(v)) for k, v in runs.runs[1].weights.items())
    guide.next()  # and the step again
    qtbot.waitUntil(lambda: controller.epoch == 10 and paused(window), timeout=120000)
    assert round(100 * controller.worker.session.records[-1].test_acc, 1) == 92.6

    next_step(4)  # unfreeze, 10 more epochs: the run finishes and is kept
    third = runs.runs[3]
    assert third.title == f"Run {third.number} (fc1 from Run {first.number})"
    assert round(100 * third.records[-1].test_acc, 1) == 94.4 and len(third.records) == 20
    assert not torch.equal(
        torch.as_tensor(third.weights["layers.fc1.weight"]), torch.as_tensor(first.weights["layers.fc1.weight"])
    )
    window.runs_dock.raise_()
    qtbot.wait(100)
    window.grab().save(str(tmp_path.parent / "transfer_runs.png"))


def test_import_from_a_run_the_runs_dock_kept(window_thread, qtbot):
    window = window_thread
    first = digits_project(classes=10)
    first.training = first.training.replace(epochs=1)
    window.document.open(first)
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    window.run_controls.run_or_pause()
    qtbot.waitUntil(lambda: len(window.runs.runs) == 1, timeout=60000)
    kept = window.runs.runs.runs[0]
    window.document.open(digits_project())  # another project: the runs stay
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    window.transfer.action.trigger()
    dialog = window.transfer.dialog
    assert dialog.choice.currentText() == kept.title and dialog.chosen() == {"fc1": "fc1"}
    assert dialog.table.topLevelItem(1).text(2) == "expects 5×32 but the run has 10×32 (fc2)"
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: paused(window), timeout=30000)
    weights = live(window)
    for name in ("layers.fc1.weight", "layers.fc1.bias"):
        assert torch.equal(weights[name], torch.as_tensor(kept.weights[name]))
    assert not window.document.project.graph.nodes["fc1"].frozen  # not asked for


def test_a_lesson_step_that_cannot_import_says_why_and_starts_no_model(window, qtbot):
    from core.network.build import GraphModule
    from core.train.records import EpochRecord

    window.files.open_lesson(LESSONS / "transfer_digits.json")
    guide = window.guide_panel.guide
    qtbot.waitUntil(lambda: window.document.data is not None and not guide.loading, timeout=20000)
    notes = []
    guide.note.connect(notes.append)
    guide._import(1, ("fc1",))
    assert "the lesson's run 1, which the Runs dock does not hold" in notes[-1]
    source = digits_project(classes=10)
    weights = {k: v.numpy() for k, v in GraphModule(source.graph).state_dict().items()}
    record = EpochRecord(1, 10, 1.0, 0.5, 1.0, 0.5, 0.01, 0.1)
    kept = window.runs.runs.keep(window.document.generation + 1, source, [record], weights, "finished", 10)
    guide.lesson_runs = [kept.number]
    window.document.project.graph.set_param("fc2", "out_features", 5)
    guide._import(1, ("fc1", "fc2"))
    assert notes[-1] == "Cannot import: fc2: expects 5×32 but the run has 10×32 (fc2)"
    assert not window.run_controls.controller.active and window.document.undo_stack.count() == 0
