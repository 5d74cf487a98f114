"""Every view of the training dock, in the real window: it loads, and after a few training
steps its probes arrive without failing. The run trains in a thread here (a child process per
view would double this file's time); that the probes' results can cross the child's pipe is
checked by pickling every snapshot received."""

import pickle

import pytest
from conftest import LESSONS

from core.probes.registry import ProbeFailed
from core.project import load_project
from gui.views.base import MessageLabel
from gui.views.registry import VIEWS

# a lesson each probing view is meant for
LESSON_FOR = {
    "folding": "folding_circles",
    "hidden": "two_hidden_neurons",
    "activations": "digits_cnn",
    "weights": "digit_templates",
    "filters": "digits_cnn",
    "gradients": "vanishing_sigmoid",
    "confusion": "digits_cnn",
    "maximise": "digits_cnn",
    "landscape": "spiral_mlp",
    "through_time": "adding_lstm",
    "generate": "sine_generation",
    "dropout": "dropout_small_data",
    "backprop": "hidden_lines",
    "minima": "rare_minima",
    "approximation": "universal_approximation",
    "positions": "key_position_mlp",
    "reconstruct": "denoising_autoencoder",
    "neurons": "hidden_lines",
}


def open_lesson(window, qtbot, name):
    window.files.open_lesson(LESSONS / f"{name}.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.document.data.name == window.project.dataset, timeout=20000)


@pytest.mark.parametrize("spec", VIEWS, ids=[spec.name for spec in VIEWS])
def test_each_view_loads_and_gets_its_probes_from_the_worker(window_thread, qtbot, spec):
    window = window_thread
    if spec.name in LESSON_FOR:
        open_lesson(window, qtbot, LESSON_FOR[spec.name])
    view = window.show_view(spec.name)
    assert view is not None, window.view_tabs.currentWidget().findChild(MessageLabel).text()
    assert window.training_dock.isVisible()
    if not view.wanted():
        return
    received = {}
    pickled = []
    window.run_controls.controller.snapshot.connect(lambda shot: received.update(shot.insights or {}))
    window.run_controls.controller.snapshot.connect(lambda shot: pickled.append(pickle.loads(pickle.dumps(shot))))
    window.run_controls.step()
    qtbot.waitUntil(lambda: view in window.view_tabs.delivered, timeout=30000)
    assert window.run_controls.controller.views == view.wanted()
    assert any(shot.insights for shot in pickled)  # what the child process would send
    failures = [name for name, result in received.items() if isinstance(result, ProbeFailed)]
    assert not failures, [received[name].details for name in failures]


def test_every_lesson_that_names_a_view_opens_on_it(window, qtbot):
    named = [(path, load_project(path).view) for path in sorted(LESSONS.glob("*.json"))]
    named = [(path, view) for path, view in named if view]
    assert named, "at least one lesson opens on the view it is about"
    for path, view in named:
        open_lesson(window, qtbot, path.stem)
        assert window.view_tabs.currentWidget().objectName() == view


def test_the_lessons_menu_opens_a_lab_lesson_in_the_lab(window, qtbot):
    lab_menu = next(a.menu() for a in window.lessons_menu.actions() if a.menu() is not None)
    first = lab_menu.actions()[0]
    assert first.text() == "Momentum in a ravine"  # the course's order
    first.trigger()
    lab = window.view_tabs.current_view()
    assert window.view_tabs.currentWidget().objectName() == "optimizer_lab"
    assert lab.lesson.currentIndex() > 0 and first.text() in lab.lesson_text.text()
    lab.play(False)


def test_showing_a_view_gives_the_dock_over_half_the_window(window, qtbot):
    window.show_view("activation_functions")
    qtbot.waitUntil(lambda: window.training_dock.height() >= window.height() // 2, timeout=5000)


def test_presentation_mode_rebuilds_the_views_with_larger_plot_text(window_thread, qtbot):
    window = window_thread
    from gui.main_window import presentation_scale
    from gui.widgets.text_size import pt

    open_lesson(window, qtbot, "digit_templates")
    window.run_controls.step()
    before = window.view_tabs.current_view()
    qtbot.waitUntil(lambda: before in window.view_tabs.delivered, timeout=30000)
    assert pt(9) == "9pt"
    window.set_presentation(True)
    after = window.view_tabs.current_view()
    screen = window.screen().availableGeometry().height()
    assert after is not before and pt(9) == f"{9 * presentation_scale(screen):.3g}pt" != "9pt"
    qtbot.waitUntil(lambda: after in window.view_tabs.delivered, timeout=30000)  # redrawn while paused
    window.set_presentation(False)


def test_presentation_mode_keeps_the_labs_race_and_the_landscapes_settings_and_picture(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    landscape = window.show_view("landscape")
    landscape.grid.setCurrentIndex(landscape.grid.findData(17))
    landscape.scale.setValue(1.5)
    assert window.run_controls._ensure_started()
    window.run_controls.controller.step_once(30)
    qtbot.waitUntil(lambda: landscape.picture is not None and not landscape.busy(), timeout=60000)
    picture = landscape.picture
    lab = window.show_view("optimizer_lab")
    lab.lesson.setCurrentIndex(2)  # a lesson's race, its text
    qtbot.waitUntil(lambda: lab.race.step_count > 5, timeout=10000)
    lab.play(False)
    lab.set_start(0.5, -0.5)
    lab.step(7)
    race, text = lab.race, lab.lesson_text.text()
    window.set_presentation(True)
    new_lab = window.view_tabs.current_view()
    assert new_lab is not lab and new_lab.race is race and new_lab.race.start == (0.5, -0.5)
    assert new_lab.step_label.text() == "step 7" and new_lab.lesson.currentIndex() == 2
    assert new_lab.lesson_text.text() == text and not new_lab.busy()  # paused stays paused
    new_landscape = window.view_tabs.views["landscape"]
    assert new_landscape is not landscape and new_landscape.picture is picture
    assert new_landscape.grid.currentData() == 17 and new_landscape.scale.value() == 1.5
    assert not new_landscape.progress.isVisible() and new_landscape.compute_button.isEnabled()
    new_lab.play(True)
    window.set_presentation(False)
    playing = window.view_tabs.current_view()
    qtbot.waitUntil(lambda: playing.race.step_count > 7, timeout=10000)  # a playing race plays on
    assert playing.race is race
    window.show_view("landscape")
    qtbot.wait(300)
    assert window.view_tabs.views["landscape"].picture is picture  # not computed again


def test_the_first_run_gives_the_training_dock_room_for_its_curves(window, qtbot):
    open_lesson(window, qtbot, "spiral_mlp")
    window.resize(1280, 1000)
    window.run_controls.step_action.trigger()
    qtbot.waitUntil(lambda: window.training_dock.height() >= 0.4 * window.height(), timeout=5000)


@pytest.mark.parametrize("name", ["gradients", "filters", "hidden"])
def test_a_long_headline_wraps_instead_of_widening_the_window(qtbot, name):
    """A Spanish headline in presentation mode once pushed the window past a 1920-pixel screen."""
    from gui.views.registry import view_spec

    view = view_spec(name).create()
    qtbot.addWidget(view)
    before = view.minimumSizeHint().width()
    label = {"gradients": "summary", "filters": "headline", "hidden": "title"}[name]
    getattr(view, label).setText("paso 19: fc1 aprende 109× más despacio que fc4, la última capa oculta " * 4)
    assert view.minimumSizeHint().width() <= max(before, 800)
