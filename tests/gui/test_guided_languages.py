"""The guide speaks the reader's language: Spanish steps in a Spanish app, and a language switch
re-renders the step shown (its answers still revealed) without moving to another step."""

import pytest
from conftest import LESSONS
from PySide6.QtCore import Qt

from gui import i18n


def open_lesson(window, qtbot, name):
    window.files.open_lesson(LESSONS / f"{name}.json")
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading)


def switch(window, qtbot, code, next_label):
    next(a for a in window.language_menu.actions() if a.data() == code).trigger()
    # the change reaches each widget as a posted event
    qtbot.waitUntil(lambda: window.guide_panel.next_button.text() == next_label)


@pytest.fixture
def spanish(qapp):
    assert i18n.install_language("es")
    yield
    i18n.install_language("en")


def test_a_spanish_app_shows_the_spanish_steps(spanish, window, qtbot):
    open_lesson(window, qtbot, "perceptron")
    panel = window.guide_panel
    assert panel.dock.windowTitle() == "Pasos de la lección"
    assert "Paso 1 de 4" in panel.header.text() and "Una unidad, una recta" in panel.header.text()
    assert "pondera las dos entradas" in panel.text.text()
    box = panel.questions[0]
    assert "Pregunta 1" in box.question.text() and "¿Cuántos números aprende" in box.question.text()
    assert box.reveal.text() == "Mostrar la respuesta" and "dos pesos" in box.answer.text()
    assert panel.next_button.text() == "Siguiente ▶"


def test_switching_language_re_renders_the_step_shown(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    panel, guide = window.guide_panel, window.guide_panel.guide
    panel.next_button.click()  # step 2 trains ten epochs: the switch must not disturb it either
    qtbot.waitUntil(lambda: panel.questions[0].reveal.isVisible())
    qtbot.mouseClick(panel.questions[0].reveal, Qt.MouseButton.LeftButton)
    assert "Why tanh" in panel.questions[0].question.text()
    undo_index = window.document.undo_stack.index()
    try:
        switch(window, qtbot, "es", "Siguiente ▶")
        assert guide.index == 1 and "Paso 2 de 4" in panel.header.text() and "Doblar el plano" in panel.header.text()
        assert "Dos capas ocultas de 12 unidades" in panel.text.text()
        box = panel.questions[0]
        assert "¿Por qué tanh" in box.question.text() and "Pregunta 1" in box.question.text()
        assert box.answered and "La derivada del escalón" in box.answer.text()  # still revealed, in Spanish
        assert panel.back_button.text() == "◀ Atrás" and panel.back_button.isEnabled()
        assert window.document.undo_stack.index() == undo_index  # nothing performed again
        qtbot.waitUntil(lambda: panel.record_action in window.lessons_menu.actions())  # the menu was refilled
        assert panel.record_action.text() == "Grabar una lección (paso)"
        panel.next_button.click()  # the next step comes in Spanish as well
        assert "Paso 3 de 4" in panel.header.text() and "Las otras 50 épocas" in panel.text.text()
    finally:
        switch(window, qtbot, "en", "Next ▶")
    assert guide.index == 2 and "The other 50 epochs" in panel.text.text()
    qtbot.waitUntil(lambda: panel.record_action in window.lessons_menu.actions())  # refilled, "Your own" kept
    assert panel.record_action.text() == "Record a Lesson (Step)"
    controller = window.run_controls.controller
    qtbot.waitUntil(lambda: controller.state in ("paused", "finished"), timeout=60000)


def test_the_symmetry_lesson_walked_through_shows_what_its_texts_say(window, qtbot):
    """Seed 0, as shipped: 31.0% with thirty identical units, 94.4% from a random start (its steps' figures)."""
    open_lesson(window, qtbot, "symmetry_breaking")
    guide, controller = window.guide_panel.guide, window.run_controls.controller
    dashboard = window.run_controls.dashboard

    def walk(index):
        generation = controller.generation
        guide.next()
        assert guide.index == index
        qtbot.waitUntil(lambda: controller.generation not in (None, generation), timeout=20000)
        qtbot.waitUntil(lambda: controller.epoch >= 20 and controller.state in ("paused", "finished"), timeout=60000)
        qtbot.waitUntil(lambda: dashboard._latest is not None and dashboard._latest.epoch == 20, timeout=10000)
        return dashboard._latest.test_acc

    assert window.editor.scene.selected_node_ids() == ["fc1"]
    assert "31.0%" in guide.steps[1].text and round(100 * walk(1), 1) == 31.0
    assert "94.4%" in guide.steps[2].text and round(100 * walk(2), 1) == 94.4
    assert window.document.project.training.init == "default"
    guide.back()
    assert window.document.project.training.init == "constant"
