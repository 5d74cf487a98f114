"""The Neurons view in the real window (training in a thread, so the test can read the model):
what it draws is the model's, a click on a line sets that weight in the model, Undo puts it
back, the backward pass writes the probe's gradients, and every edit is refused while training runs."""

import numpy as np
import pytest
from conftest import LESSONS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.views.backprop import num


def model_of(window):
    return window.run_controls.controller.worker.session.trainer.model


def weight(window, node):
    return model_of(window).layer(node).weight.detach().double().numpy().copy()


def opened(window, qtbot, lesson):
    window.files.open_lesson(LESSONS / f"{lesson}.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.document.data.name == window.project.dataset, timeout=20000)
    view = window.show_view("neurons")
    window.run_controls.step()
    qtbot.waitUntil(lambda: view.result is not None and window.run_controls.controller.state == "paused", timeout=30000)
    qtbot.waitUntil(lambda: view.result.step == 1, timeout=10000)
    return view


def line_middle(view, node, unit, source):
    """Where the line of weight (unit, source) into `node` is drawn, a third of the way along."""
    canvas = view.canvas
    c = next(k for k, column in enumerate(canvas.wiring.columns) if column.node == node)
    a, b = canvas.centres[c - 1][source], canvas.centres[c][unit]
    return (a + (b - a) * 0.45).toPoint()


def test_the_drawing_is_the_models_and_a_clicked_weight_is_set_in_it_and_undone(window_thread, qtbot):
    window = window_thread
    view = opened(window, qtbot, "hidden_lines")
    for column in view.result.columns[1:]:
        assert np.array_equal(column.weight, weight(window, column.node))
    view.canvas.repaint()
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line_middle(view, "lines", 1, 0)
    )
    editor = view.editor
    assert editor.isVisible() and editor.target.kind == "weight" and editor.target.index == (1, 0)
    before = weight(window, "lines")[1, 0]
    assert editor.spin.value() == pytest.approx(before, abs=1e-3)
    editor.spin.setValue(-2.5)
    QTest.keyClick(editor.spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.result.columns[1].weight[1, 0] == -2.5, timeout=10000)
    assert weight(window, "lines")[1, 0] == -2.5 and not editor.isVisible()
    assert "-2.5" in view.note.text().replace("−", "-") and view.undo_button.isEnabled()
    assert view.result.step == 1  # the model changed without training
    first = weight(window, "lines")[0, 0]
    assert window.run_controls.controller.set_parameter("lines", "weight", (0, 0), 3.0)
    qtbot.waitUntil(lambda: view.result.columns[1].weight[0, 0] == 3.0, timeout=10000)
    view.undo_button.click()  # the newest first
    view.undo_button.click()
    qtbot.waitUntil(lambda: view.result.columns[1].weight[1, 0] != -2.5, timeout=10000)
    assert weight(window, "lines")[0, 0] == pytest.approx(first) and weight(window, "lines")[1, 0] == pytest.approx(
        before
    )
    assert not view.undo_button.isEnabled() and view.edits == [] and view.undoing == []


def test_a_clicked_unit_sets_its_bias(window_thread, qtbot):
    window = window_thread
    view = opened(window, qtbot, "perceptron")
    view.canvas.repaint()
    centre = view.canvas.centres[1][0].toPoint()
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert view.editor.isVisible() and view.editor.target.kind == "bias"
    view.editor.spin.setValue(0.75)
    view.editor.set_button.click()
    qtbot.waitUntil(lambda: view.result.columns[1].bias[0] == 0.75, timeout=10000)
    assert float(model_of(window).layer("unit").bias.detach()[0]) == 0.75
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.canvas.centres[0][0].toPoint()
    )
    assert not view.editor.isVisible() and "x1" in view.note.text()  # an input has nothing to set
    before = weight(window, "unit")[0, 1]
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line_middle(view, "unit", 0, 1)
    )
    assert view.editor.isVisible() and view.canvas.selected == view.editor.target
    view.editor.spin.setValue(5.0)
    QTest.keyClick(view.editor.spin, Qt.Key.Key_Escape)  # closed: nothing sent
    assert not view.editor.isVisible() and view.canvas.selected is None
    qtbot.wait(300)
    assert weight(window, "unit")[0, 1] == before and view.result.columns[1].weight[0, 1] == before


def test_the_backward_pass_writes_the_probes_gradients(window_thread, qtbot):
    window = window_thread
    view = opened(window, qtbot, "hidden_lines")
    view.backward.setChecked(True)
    view.sample.setValue(4)
    qtbot.waitUntil(lambda: view.result.sample == 4, timeout=10000)
    view.canvas.repaint()
    grads = view.result.columns[1].grad_weight
    target = view.canvas.target_at(line_middle(view, "lines", 0, 1))
    assert target.index == (0, 1) and num(grads[0, 1]) in view.canvas.describe(target)
    sigmoid = view.result.columns[1]
    assert np.allclose(sigmoid.slopes, sigmoid.values * (1 - sigmoid.values))  # σ′ per unit
    assert "σ′" in view.legend.text()


def test_setting_a_weight_is_refused_while_training_runs(window_thread, qtbot):
    window = window_thread
    view = opened(window, qtbot, "perceptron")
    view.canvas.repaint()
    controller = window.run_controls.controller
    controller.run()
    qtbot.waitUntil(lambda: controller.state == "running", timeout=10000)
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line_middle(view, "unit", 0, 1)
    )
    assert not view.editor.isVisible() and "Training is running" in view.note.text()
    assert not controller.set_parameter("unit", "weight", (0, 1), 3.0)  # nothing is sent
    controller.pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=10000)
    assert weight(window, "unit")[0, 1] != 3.0
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 2))
    assert not view.editor.isVisible()


def test_the_drawing_speaks_spanish(qtbot):
    """The words painted on the canvas (the i18n walk reads only plot items) come in the reader's language."""
    from core.probes.wires import wiring
    from core.project import load_project
    from core.train.trainer import Trainer
    from gui import i18n
    from gui.views.neurons import NeuronsView

    trainer = Trainer(load_project(LESSONS / "hidden_lines.json"))
    assert i18n.install_language("es")
    try:
        view = NeuronsView()
        qtbot.addWidget(view)
        view.resize(900, 500)
        view.show()
        view.show_insights({"wires": wiring(trainer)})
        view.canvas.grab()  # paints it
        drawn = " ".join(view.canvas.drawn)
        assert "entradas" in drawn and "fc (salida)" in drawn and "lineal" in drawn
        assert "inputs" not in drawn and "output" not in drawn
        assert "precisión de entrenamiento" in view.scores.text() and "Las líneas son pesos" in view.legend.text()
    finally:
        i18n.install_language("en")


def set_by_click(view, qtbot, at, value):
    """Click on the drawing where a student would, type the value, press Enter; wait for the model."""
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert view.editor.isVisible(), view.note.text()
    target = view.editor.target
    view.editor.spin.lineEdit().selectAll()
    QTest.keyClicks(view.editor.spin, str(value))
    QTest.keyClick(view.editor.spin, Qt.Key.Key_Return)
    column = 1  # the perceptron's only layer
    if target.kind == "weight":
        qtbot.waitUntil(lambda: view.result.columns[column].weight[target.index] == value, timeout=10000)
    else:
        qtbot.waitUntil(lambda: view.result.columns[column].bias[target.index] == value, timeout=10000)


def test_the_weights_by_hand_lesson_as_a_student_follows_it(window_thread, qtbot):
    """Its steps in the window: the clicks the steps name give the accuracy they state, then
    training finds the numbers the last step states (seed 0, as the lesson is shipped)."""
    window = window_thread
    window.files.open_lesson(LESSONS / "weights_by_hand.json")
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading, timeout=20000)
    view = window.view_tabs.current_view()
    assert window.view_tabs.currentWidget().objectName() == "neurons" and view.result is None
    panel = window.guide_panel
    for gate, bias in (("and", -0.5), ("or", 0.5)):
        before = window.document.generation
        panel.next_button.click()  # one training step makes a new model

        def made(b=before, controller=window.run_controls.controller):
            fresh = controller.generation is not None and controller.generation > b and controller.state == "paused"
            return fresh and view.result is not None and view.result.step == 1

        qtbot.waitUntil(made, timeout=30000)
        assert window.project.dataset_params["gate"] == gate and window.document.data.name == "logic"
        view.canvas.repaint()
        set_by_click(view, qtbot, line_middle(view, "unit", 0, 0), 1)  # the line from x1
        set_by_click(view, qtbot, line_middle(view, "unit", 0, 1), 1)  # the line from x2
        set_by_click(view, qtbot, view.canvas.centres[1][0].toPoint(), bias)  # the unit
        assert view.result.train_accuracy == 1.0
        assert "training accuracy 100.0 %" in view.scores.text()
    panel.next_button.click()  # training finds its own
    qtbot.waitUntil(lambda: window.run_controls.controller.state == "finished", timeout=60000)
    qtbot.waitUntil(lambda: view.result.step == window.run_controls.controller.step, timeout=10000)
    unit = view.result.columns[1]
    assert [f"{v:.2f}" for v in (*unit.weight[0], unit.bias[0])] == ["0.26", "0.34", "0.22"]
    assert view.result.train_accuracy == 1.0


def test_no_weight_is_set_while_the_layers_are_pretrained(window_thread, qtbot):
    """Pretraining moves the weights: a click opens no editor, an editor left open closes, and
    the model is not sent the value (the pretrained model then starts afresh, edits and all)."""
    window = window_thread
    view = opened(window, qtbot, "hidden_lines")
    controller = window.run_controls.controller
    view.canvas.repaint()
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line_middle(view, "lines", 1, 0)
    )
    assert view.editor.isVisible()
    assert window.pretrain.begin(1000)
    qtbot.waitUntil(lambda: controller.state == "pretraining", timeout=10000)
    assert not view.editor.isVisible() and "pretrain" in view.note.text()
    view.canvas.repaint()
    QTest.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, line_middle(view, "lines", 1, 0)
    )
    assert not view.editor.isVisible() and "pretrain" in view.note.text()
    assert not controller.set_parameter("lines", "weight", (1, 0), 5.0)
    window.pretrain.stop()
    qtbot.waitUntil(lambda: not window.pretrain.busy and controller.state == "paused", timeout=20000)
    assert view.edits == []


def test_an_undo_the_run_refuses_is_not_lost(window_thread, qtbot):
    """Undo sent just after Step (F10), before the step was taken: the run refuses it, and the edit
    must stay undoable (it was dropped from the list, with no way back to the old value)."""
    window = window_thread
    view = opened(window, qtbot, "hidden_lines")
    controller = window.run_controls.controller
    before = weight(window, "lines")[1, 0]
    assert controller.set_parameter("lines", "weight", (1, 0), -2.5)
    qtbot.waitUntil(lambda: len(view.edits) == 1, timeout=10000)
    controller.step_once(1)
    view.undo()  # reaches the run while its step is pending
    qtbot.waitUntil(lambda: "Training was still running" in view.note.text(), timeout=10000)
    qtbot.waitUntil(lambda: controller.state == "paused" and view.result.step == 2, timeout=10000)
    assert view.undo_button.isEnabled() and len(view.edits) == 1 and view.undoing == []
    view.undo()
    qtbot.waitUntil(lambda: view.edits == [], timeout=10000)
    assert weight(window, "lines")[1, 0] == pytest.approx(before)
    assert not view.undo_button.isEnabled()


def test_a_units_bias_is_written_inside_its_ring_not_over_it(window_thread, qtbot, monkeypatch):
    """weights_by_hand at 1280×720: "-0.582" ran over the unit's thick orange ring. The number's box
    now starts inside the ring's inner edge, whatever the ring's width."""
    window = window_thread
    view = opened(window, qtbot, "weights_by_hand")
    canvas = view.canvas
    boxes = []
    inside = canvas._inside
    monkeypatch.setattr(
        canvas,
        "_inside",
        lambda painter, box, text, colour: (boxes.append((box, text)), inside(painter, box, text, colour)),
    )
    canvas.repaint()
    bias = float(view.result.columns[1].bias[0])
    centre, r = canvas.centres[1][0], canvas.radius
    box = next(b for b, text in boxes if text == num(bias))
    pen = 1.5 + 3 * min(1.0, abs(bias) / canvas._largest())  # the ring's width, as painted
    assert box.left() >= centre.x() - r + pen / 2 and box.right() <= centre.x() + r - pen / 2
    assert num(bias) in canvas.drawn  # still written, in a smaller font if need be


def test_weights_by_hand_names_the_undo_button_it_means(qtbot):
    """The step said "Undo puts back the number you set last", but the toolbar's Undo is greyed for a
    weight set: the step names the view's own button, in English and in Spanish."""
    from core.project import load_project
    from gui.views.neurons import NeuronsView

    view = NeuronsView()
    qtbot.addWidget(view)
    step = load_project(LESSONS / "weights_by_hand.json").steps[1]
    assert view.undo_button.text() in step.text
    assert "Deshacer el último peso fijado" in step.texts["es"].text  # its Spanish in neurona_es.ts
