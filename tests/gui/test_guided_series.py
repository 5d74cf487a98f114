"""A lesson's series of runs, performed: one run per entry with the settings it names, each with its
own metrics, all ticked in the Runs dock; Pause pauses it; Stop, Reset Weights, another project or
closing the window stop it, leaving the runs made so far and nothing half-made."""

import pytest
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.train.trainer import Trainer

RACE = LESSONS / "optimiser_race_digits.json"


def open_lesson(window, qtbot, path):
    window.files.open_lesson(path)
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading, timeout=20000)


def page(window, key):
    QTest.keyClick(window, key)


def epochs_to(records, accuracy):
    return next((r.epoch for r in records if r.test_acc >= accuracy), None)


def test_the_optimiser_race_trains_its_three_runs_and_overlays_them(window, qtbot):
    """The child-process worker the app ships; seed 0, the lesson as shipped."""
    open_lesson(window, qtbot, RACE)
    guide, panel, runs = window.guide_panel.guide, window.guide_panel, window.runs
    before = len(runs.runs)
    page(window, Qt.Key.Key_PageDown)
    assert "Step 2 of 3" in panel.header.text() and guide.series.active
    assert panel.series_bar.isVisible() and "run 1 of 3" in panel.series_bar.label.text()
    assert "optimizer sgd, lr 0.1" in panel.series_bar.label.text()
    assert panel.series_bar.stop_button.isVisible()
    qtbot.waitUntil(lambda: not guide.series.active, timeout=180000)
    made = runs.runs.runs[before:]
    assert len(made) == 3 and all(run.state == "finished" for run in made)
    settings = [(r.project.training.optimizer, r.project.training.lr, r.project.training.momentum) for r in made]
    assert settings == [("sgd", 0.1, 0.9), ("momentum", 0.1, 0.9), ("adam", 0.01, 0.9)]
    assert [r.project.training.seed for r in made] == [0, 0, 0]
    assert made[1].changes == "optimizer sgd → momentum"
    assert made[2].changes == "optimizer momentum → adam, lr 0.1 → 0.01"
    assert runs.ticked == {r.number for r in made}  # the overlay shows exactly the series
    for run in made:
        assert [r.epoch for r in run.records] == list(range(1, 21))
        epochs, values = runs.drawn(run.number)
        assert list(epochs) == list(range(1, 21))
        assert values == pytest.approx([100 * r.test_acc for r in run.records])
        # its metrics are its own: the same settings trained headless from fresh weights give them
        project = run.project.copy()
        project.training = project.training.replace(device="cpu")
        alone = list(Trainer(project).train())
        assert [r.test_acc for r in run.records] == pytest.approx([r.test_acc for r in alone], abs=0.006)
    sgd, momentum, adam = (run.records for run in made)
    # the lesson's figures (measured over seeds 0-2), true of the seed-0 runs it shows
    assert 16 <= epochs_to(sgd, 0.95) <= 18 and 3 <= epochs_to(momentum, 0.95) <= 8 and 3 <= epochs_to(adam, 0.95) <= 4
    assert 0.53 <= sgd[0].test_acc < 0.615 and 0.84 <= momentum[0].test_acc < 0.885 and 0.87 <= adam[0].test_acc < 0.895
    assert all(0.945 <= records[-1].test_acc < 0.975 for records in (sgd, momentum, adam))
    assert window.runs_dock.isVisible() and "done: 3 runs" in panel.series_bar.label.text()
    assert not panel.series_bar.stop_button.isVisible()

    page(window, Qt.Key.Key_PageUp)  # Back: the series' settings undone, its model gone, its runs kept
    project = window.document.project
    assert (project.training.optimizer, project.training.lr) == ("sgd", 0.1)
    assert not window.run_controls.controller.active and len(runs.runs) == before + 3
    assert not panel.series_bar.isVisible()


def start_series(window, qtbot):
    open_lesson(window, qtbot, RACE)
    page(window, Qt.Key.Key_PageDown)
    return window.guide_panel.guide.series


def test_pause_pauses_the_series_and_stop_leaves_nothing_half_made(window_thread, qtbot):
    window = window_thread
    series, controller, runs = start_series(window, qtbot), window.run_controls.controller, window.runs
    bar = window.guide_panel.series_bar
    qtbot.waitUntil(lambda: len(runs.runs) == 1 and series.index == 1 and controller.state == "running", timeout=60000)
    qtbot.waitUntil(lambda: controller.epoch >= 1, timeout=30000)  # a run without an epoch is not kept
    undo_after_second = window.document.undo_stack.index()
    page(window, Qt.Key.Key_F5)  # Pause
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=10000)
    assert series.active and "run 2 of 3" in bar.label.text() and "paused" in bar.label.text()
    epoch = controller.epoch
    QTest.qWait(800)
    assert controller.state == "paused" and len(runs.runs) == 1 and series.index == 1
    page(window, Qt.Key.Key_F5)  # Run: the series goes on
    qtbot.waitUntil(lambda: controller.state == "running", timeout=10000)
    assert "paused" not in bar.label.text()
    qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    assert not series.active and not controller.active
    assert "stopped at run 2 of 3" in bar.label.text() and not bar.stop_button.isVisible()
    qtbot.waitUntil(lambda: len(runs.runs) == 2, timeout=10000)  # the stopped run is kept, marked stopped
    QTest.qWait(800)
    assert len(runs.runs) == 2 and not controller.active and not series.active  # no further run started
    stopped = runs.runs.runs[1]
    assert stopped.state == "stopped" and stopped.project.training.optimizer == "momentum"
    assert stopped.records[-1].epoch >= epoch
    project = window.document.project
    assert (project.training.optimizer, project.training.lr) == ("momentum", 0.1)  # as the stopped run had
    assert window.document.undo_stack.index() == undo_after_second  # one edit per run begun, nothing more
    page(window, Qt.Key.Key_PageUp)
    assert (project.training.optimizer, project.training.lr) == ("sgd", 0.1)


def test_reset_another_project_or_closing_stops_the_series_cleanly(window_thread, qtbot):
    window = window_thread
    series, controller, runs = start_series(window, qtbot), window.run_controls.controller, window.runs
    qtbot.waitUntil(lambda: controller.state == "running", timeout=60000)
    window.run_controls.reset_action.trigger()  # Reset Weights (Ctrl+F5)
    assert not series.active and not controller.active
    assert "stopped at run 1 of 3" in window.guide_panel.series_bar.label.text()

    page(window, Qt.Key.Key_PageDown)  # on to the overlay's step: nothing starts
    page(window, Qt.Key.Key_PageUp)  # back to the race: Back does not perform it again
    assert not series.active
    page(window, Qt.Key.Key_PageUp)
    page(window, Qt.Key.Key_PageDown)  # shown again: the series starts again
    qtbot.waitUntil(lambda: series.active and controller.state == "running", timeout=60000)
    open_lesson(window, qtbot, LESSONS / "spiral_mlp.json")  # another project mid-run
    assert not series.active and not controller.active
    count = len(runs.runs)
    QTest.qWait(500)
    assert len(runs.runs) == count and not controller.active

    start_series(window, qtbot)
    qtbot.waitUntil(lambda: series.active and controller.state == "running", timeout=60000)
    window.close()  # mid-run: no traceback (pytest-qt fails the test on an exception in a slot)
    assert not series.active and not controller.active
    QTest.qWait(300)


def test_several_training_settings_in_one_undo_step_all_apply_and_all_undo():
    """A lesson step (or a restored run) sets the optimizer and the learning rate together: each
    setting's command must keep the other's (before, the second one put the optimizer back)."""
    from PySide6.QtGui import QUndoStack

    from core.project import load_project
    from gui.editor.commands import Macro, SetTraining

    project = load_project(RACE)
    stack = QUndoStack()
    stack.push(Macro("race", [SetTraining(project, "optimizer", "adam"), SetTraining(project, "lr", 0.01)]))
    assert (project.training.optimizer, project.training.lr) == ("adam", 0.01)
    stack.undo()
    assert (project.training.optimizer, project.training.lr) == ("sgd", 0.1)
    stack.redo()
    assert (project.training.optimizer, project.training.lr) == ("adam", 0.01)


def test_a_run_whose_loss_stops_being_a_number_is_kept_stopped_and_the_series_goes_on(window_thread, qtbot):
    """The trainer's own divergence check is tested with the trainer; here the series' answer to it."""
    window = window_thread
    series, controller, runs = start_series(window, qtbot), window.run_controls.controller, window.runs
    qtbot.waitUntil(lambda: controller.state == "running" and controller.epoch >= 1, timeout=60000)
    first = controller.generation
    controller.pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=10000)
    controller.diverged.emit("the loss is nan at step 3")  # as the controller says it, paused by the run
    qtbot.waitUntil(lambda: series.index == 1 and controller.generation not in (None, first), timeout=30000)
    qtbot.waitUntil(lambda: any(r.generation == first for r in runs.runs.runs), timeout=10000)
    assert next(r for r in runs.runs.runs if r.generation == first).state == "stopped"
    qtbot.waitUntil(lambda: not series.active, timeout=120000)
    assert len(runs.runs) == 3 and runs.ticked == {r.number for r in runs.runs.runs}


def test_in_spanish_the_overlay_keeps_its_accuracy_scale_and_its_words(qtbot):
    """The overlay told accuracy from loss by the axis' English words: in Spanish it auto-ranged
    accuracy and kept its note in English."""
    from core.project import load_project
    from core.run import messages as m
    from core.train.trainer import EpochRecord
    from gui import i18n
    from gui.training.runs import RunsPanel

    assert i18n.install_language("es")
    try:
        panel = RunsPanel()
        qtbot.addWidget(panel)
        records = [EpochRecord(e, 10 * e, 1 / e, 0.5 + e / 10, 2 / e, 0.6 + e / 10, 0.1, 0.1) for e in (1, 2)]
        panel.run_ended(m.RunEnded(1, "finished", load_project(RACE).to_dict(), records, {}, 20))
        low, high = panel.plot.getViewBox().viewRange()[1]
        assert low < 0 and high > 100  # 0-100 with its padding, not the curve's 60-80
        assert panel.note.text() == "continua: prueba · discontinua: entrenamiento"
    finally:
        i18n.install_language("en")


def test_the_legend_moves_below_the_plot_when_beside_it_would_squeeze_the_plot(qtbot):
    """At 1280×720 the race's three differences beside the plot left it ~60 px wide."""
    from core.project import load_project
    from core.run import messages as m
    from core.train.trainer import EpochRecord
    from gui.training.runs import RunsPanel

    panel = RunsPanel()
    qtbot.addWidget(panel)
    project = load_project(RACE)
    records = [EpochRecord(e, 10 * e, 1 / e, 0.5 + e / 10, 2 / e, 0.6 + e / 10, 0.1, 0.1) for e in (1, 2, 3)]
    for number, (optimizer, lr) in enumerate((("sgd", 0.1), ("momentum", 0.1), ("adam", 0.01)), 1):
        project.training = project.training.replace(optimizer=optimizer, lr=lr)
        panel.run_ended(m.RunEnded(number, "finished", project.to_dict(), records, {}, 20))
    for width, below in ((940, True), (1560, False)):
        panel.resize(width, 320)
        panel.show()
        qtbot.waitUntil(lambda w=width: panel.canvas.width() > 0.4 * w)
        panel.redraw()
        assert panel.legend_below == below
        plot_width = panel.plot.getViewBox().sceneBoundingRect().width()
        assert plot_width >= 0.4 * panel.canvas.width()


def test_next_to_a_step_that_only_shows_lets_the_series_finish(window_thread, qtbot):
    window = window_thread
    series, controller, runs = start_series(window, qtbot), window.run_controls.controller, window.runs
    qtbot.waitUntil(lambda: controller.state == "running", timeout=60000)
    page(window, Qt.Key.Key_PageDown)  # the overlay's step has no actions: the race goes on
    bar = window.guide_panel.series_bar
    assert "Step 3 of 3" in window.guide_panel.header.text() and series.active and bar.isVisible()
    qtbot.waitUntil(lambda: not series.active, timeout=120000)
    assert len(runs.runs) == 3 and "done: 3 runs" in bar.label.text() and bar.isVisible()


def test_the_depth_lesson_trains_one_to_four_hidden_layers_and_gives_the_network_back(window_thread, qtbot):
    """A series whose runs take layers out: each run trains the lesson's network without the layers
    its entry names, wires joined around them; afterwards the canvas holds the lesson's network."""
    from core.network.bypass import bypassed
    from gui.editor.commands import SetTraining

    window = window_thread
    open_lesson(window, qtbot, LESSONS / "depth_sigmoid.json")
    document, guide, runs = window.document, window.guide_panel.guide, window.runs
    lesson = document.project.graph.copy()
    document.push(SetTraining(document.project, "epochs", 2))  # the figures of 60 epochs: test_training_lessons
    (series_step,) = [s for s in document.project.steps if any(a.kind == "series" for a in s.actions)]
    entries = next(a.target for a in series_step.actions if a.kind == "series")
    before = len(runs.runs)
    guide.start((series_step,))
    qtbot.waitUntil(lambda: not guide.series.active, timeout=180000)
    made = runs.runs.runs[before:]
    assert len(made) == 4 and all(run.state == "finished" for run in made)
    for run, entry in zip(made, entries, strict=True):
        without = [node for a in entry for node in a.value]
        assert run.project.graph == bypassed(lesson, without)
        assert [r.epoch for r in run.records] == [1, 2]
    assert [run.changes for run in made[1:]] == ["1 → 2 hidden layers", "2 → 3 hidden layers", "3 → 4 hidden layers"]
    assert document.project.graph == lesson  # the four-layer network, back on the canvas
    assert runs.ticked == {run.number for run in made}
    shallow = made[0].project.copy()
    shallow.training = shallow.training.replace(device="cpu")
    alone = list(Trainer(shallow).train())  # the one-layer run's metrics are its own
    assert [r.test_acc for r in made[0].records] == pytest.approx([r.test_acc for r in alone], abs=0.006)
