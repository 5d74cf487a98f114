"""Record lesson: what a teacher shows becomes steps, saved as an ordinary lesson that replays to it."""

import json

from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.project import load_project
from gui.editor.commands import SetTraining


def test_a_recorded_lesson_replays_to_the_same_state(window, qtbot, tmp_path, monkeypatch):
    plain = json.loads((LESSONS / "folding_circles.json").read_text(encoding="utf-8"))
    del plain["steps"]  # recorded from a lesson as it opens without a guide (its own step 1 selects a layer)
    (tmp_path / "plain.json").write_text(json.dumps(plain), encoding="utf-8")
    window.files.open_lesson(tmp_path / "plain.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "circle")
    recorder = window.guide_panel.recorder
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_R, ctrl_shift)  # start: step 1 shows the project as it is
    assert recorder.recording and window.guide_panel.finish_action.isEnabled()

    window.show_view("weights")
    window.editor.select(["fc2"])
    window.editor.set_param("fc2", "out_features", 3)
    window.document.push(SetTraining(window.document.project, "lr", 0.05))
    window.run_controls.speed.set_pace(10)
    QTest.keyClick(window, Qt.Key.Key_R, ctrl_shift)
    controller = window.run_controls.controller
    window.run_controls.speed.set_pace(0)
    window.run_controls._ensure_started()
    controller.step_once(25)
    qtbot.waitUntil(lambda: controller.step >= 25 and controller.state == "paused", timeout=30000)
    QTest.keyClick(window, Qt.Key.Key_R, ctrl_shift)
    shown = (window.view_tabs.currentWidget().objectName(), window.run_controls.speed.pace)
    assert recorder.steps[0].actions == [{"view": "folding"}]  # the lesson opened on it
    assert [len(step.actions) for step in recorder.steps] == [1, 6, 2]  # (selecting showed the Layer tab)
    assert {"panel": "layer"} in recorder.steps[1].actions
    assert {"set": "fc2.out_features", "value": 3} in recorder.steps[1].actions
    assert {"run_steps": 25} in recorder.steps[2].actions

    out = tmp_path / "recorded.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog = recorder.finish()
    dialog.rows[0][1].setPlainText("Six layers of two units.")
    dialog.rows[1][1].setPlainText("A third output and a *smaller* step.")
    dialog.rows[1][2].setText("What changes?")
    dialog.rows[1][3].setText("The last layer's size.")
    dialog._check()
    assert dialog.isVisible() and told == ["Write a text for step 3."]  # refused: the dialog stays open
    dialog.rows[2][1].setPlainText("Twenty-five steps.")
    dialog._check()
    assert out.exists() and not recorder.recording

    lesson = load_project(out)
    assert lesson.graph.nodes["fc2"].params["out_features"] == 2  # the lesson starts where recording did
    assert len(lesson.steps) == 3 and lesson.steps[1].questions[0].answer == "The last layer's size."

    controller.shutdown()
    window.files.open_lesson(out)
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading)
    guide = window.guide_panel.guide
    guide.next()
    project = window.document.project
    assert project.graph.nodes["fc2"].params["out_features"] == 3 and project.training.lr == 0.05
    assert window.editor.scene.selected_node_ids() == ["fc2"]
    guide.next()
    qtbot.waitUntil(lambda: controller.step >= 25 and controller.state == "paused", timeout=30000)
    assert controller.step == 25
    assert (window.view_tabs.currentWidget().objectName(), window.run_controls.speed.pace) == shown
