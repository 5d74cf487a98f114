"""Guided lessons: a step's actions leave the window in the state the step names; Back takes them back."""

import json

import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.project import load_project, project_from_dict

STEPS = [
    {"text": "The network as it starts.", "actions": [{"panel": "about"}]},
    {
        "title": "Wider",
        "text": "Give the first layer *three* units and a **larger** learning rate.",
        "actions": [
            {"view": "weights"},
            {"select": "fc1"},
            {"speed": 5},
            {"set": "fc1.out_features", "value": 3},
            {"set": "training.lr", "value": 0.1},
        ],
        "questions": [{"question": "What will the boundary look like?", "answer": "Three lines' worth of bends."}],
    },
    {"text": "Noisier data.", "actions": [{"set": "dataset.noise", "value": 0.3}, {"view": "activation_functions"}]},
]


def lesson(tmp_path, steps, name="spiral_mlp"):
    raw = json.loads((LESSONS / f"{name}.json").read_text(encoding="utf-8"))
    raw["steps"] = steps
    path = tmp_path / f"{name}_guided.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def open_lesson(window, qtbot, path):
    window.files.open_lesson(path)
    qtbot.waitUntil(lambda: window.document.data is not None and not window.guide_panel.guide.loading)


def page(window, key):
    QTest.keyClick(window, key)


def current_view(window):
    tabs = window.view_tabs
    return "training" if tabs.currentIndex() == 0 else tabs.currentWidget().objectName()


def test_next_performs_a_steps_actions_and_back_takes_them_back(window, qtbot, tmp_path):
    open_lesson(window, qtbot, lesson(tmp_path, STEPS))
    panel, project = window.guide_panel, window.document.project
    assert panel.dock.isVisible() and "Step 1 of 3" in panel.header.text()
    assert not panel.back_button.isEnabled()
    fc1 = project.graph.nodes["fc1"]
    before = (fc1.params["out_features"], project.training.lr, window.run_controls.speed.pace)
    assert before == (12, 0.02, 0.0)
    assert not window.training_dock.isVisible()

    page(window, Qt.Key.Key_PageDown)  # as a presentation clicker sends it
    assert "Step 2 of 3" in panel.header.text() and "Wider" in panel.header.text()
    assert current_view(window) == "weights" and window.training_dock.isVisible()
    assert window.editor.scene.selected_node_ids() == ["fc1"]
    assert window.tabs.currentWidget() is window.inspector  # selecting a layer shows its parameters
    assert (fc1.params["out_features"], project.training.lr, window.run_controls.speed.pace) == (3, 0.1, 5.0)
    assert window.run_controls.speed.label.text() == "5 steps/s"
    assert len(panel.questions) == 1 and not panel.questions[0].answer.isVisible()

    page(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.document.data is not None and not panel.guide.loading)
    assert project.dataset_params["noise"] == 0.3 and current_view(window) == "activation_functions"
    assert not panel.next_button.isEnabled()

    page(window, Qt.Key.Key_PageUp)
    assert project.dataset_params["noise"] == 0.1 and current_view(window) == "weights"
    assert (fc1.params["out_features"], project.training.lr) == (3, 0.1)  # only the last step is undone

    page(window, Qt.Key.Key_PageUp)
    assert "Step 1 of 3" in panel.header.text()
    assert (fc1.params["out_features"], project.training.lr, window.run_controls.speed.pace) == before
    assert not window.training_dock.isVisible() and window.tabs.currentIndex() == 0
    assert window.editor.scene.selected_node_ids() == []
    assert not window.document.undo_stack.canUndo()  # nothing of the lesson's is left to undo


def test_a_question_shows_its_answer_on_click(window, qtbot, tmp_path):
    open_lesson(window, qtbot, lesson(tmp_path, STEPS))
    window.guide_panel.next_button.click()
    box = window.guide_panel.questions[0]
    qtbot.waitUntil(
        lambda: box.reveal.isVisible() and box.reveal.height() > 10
    )  # laid out and shown by the next turn of the event loop
    qtbot.mouseClick(box.reveal, Qt.MouseButton.LeftButton)
    assert box.answer.isVisible() and "Three lines" in box.answer.text() and not box.reveal.isVisible()
    window.guide_panel.grab().save(str(tmp_path / "panel.png"))


def test_run_steps_trains_and_pauses_and_back_forgets_that_model(window, qtbot, tmp_path):
    steps = [{"text": "Untrained."}, {"text": "Thirty steps.", "actions": [{"view": "training"}, {"run_steps": 30}]}]
    open_lesson(window, qtbot, lesson(tmp_path, steps))
    controller = window.run_controls.controller
    window.guide_panel.next_button.click()
    qtbot.waitUntil(lambda: controller.step >= 30 and controller.state == "paused", timeout=30000)
    assert controller.step == 30
    window.guide_panel.back_button.click()
    assert not controller.active  # there was no model before the step: there is none after Back


def test_back_over_a_training_step_brings_back_the_weights_from_before_it(window_thread, qtbot, tmp_path):
    window = window_thread
    steps = [
        {"text": "Ten steps.", "actions": [{"run_steps": 10}]},
        {"text": "Forty more.", "actions": [{"run_steps": 40}]},
    ]
    open_lesson(window, qtbot, lesson(tmp_path, steps))
    controller = window.run_controls.controller
    qtbot.waitUntil(lambda: controller.step >= 10 and controller.state == "paused", timeout=30000)
    session = lambda: controller.worker.session
    before = {k: v.clone() for k, v in session().trainer.model.state_dict().items()}
    window.guide_panel.next_button.click()
    qtbot.waitUntil(lambda: controller.step >= 50 and controller.state == "paused", timeout=30000)
    trained = session().trainer.model.state_dict()
    assert any(not torch.equal(trained[k], before[k]) for k in before)
    qtbot.waitUntil(lambda: window.guide_panel.guide.history[-1].weights in window.guide_panel.guide.saved)
    window.guide_panel.back_button.click()
    qtbot.waitUntil(lambda: controller.active and controller.worker.session is not None, timeout=30000)
    back = session().trainer.model.state_dict()
    assert all(torch.equal(back[k], before[k]) for k in before)  # the weights of step 10, not of step 50
    qtbot.waitUntil(lambda: controller.state == "paused")  # a paused run, as after Open Run
    assert "back as it was" in window.guide_panel.note.text()


def test_steps_run_after_a_dataset_change_has_loaded(window, qtbot, tmp_path):
    steps = [
        {"text": "AND."},
        {"text": "XOR.", "actions": [{"set": "dataset.gate", "value": "xor"}, {"run_epochs": 1}]},
    ]
    open_lesson(window, qtbot, lesson(tmp_path, steps, "perceptron"))
    controller = window.run_controls.controller
    window.guide_panel.next_button.click()
    qtbot.waitUntil(lambda: controller.epoch >= 1 and controller.state == "paused", timeout=30000)
    assert window.document.data.name == "logic" and window.document.project.dataset_params["gate"] == "xor"
    assert controller.run_handle.worker is not None  # the model trained on the loaded XOR data


def test_a_project_without_steps_hides_the_panel(window, qtbot, tmp_path):
    open_lesson(window, qtbot, lesson(tmp_path, STEPS))
    plain = json.loads((LESSONS / "folding_circles.json").read_text(encoding="utf-8"))
    del plain["steps"]  # every shipped lesson is guided: this one as it was before its steps
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(plain), encoding="utf-8")
    window.files.open_lesson(path)
    assert not load_project(path).steps
    assert not window.guide_panel.dock.isVisible()
    assert not window.guide_panel.next_action.isEnabled()


def test_steps_survive_saving(tmp_path):
    path = lesson(tmp_path, STEPS)
    project = load_project(path)
    again = project_from_dict(project.to_dict())
    assert again.steps == project.steps and len(again.steps) == 3
    assert again.steps[1].actions[3].target == "fc1.out_features" and again.steps[1].actions[3].value == 3


@pytest.mark.parametrize(
    ("step", "words"),
    [
        ({"text": "x", "actions": [{"select": "nope"}]}, 'step 1, action 1: the network has no layer "nope"'),
        ({"text": "x", "actions": [{"set": "fc1.out_features", "value": -2}]}, "step 1, action 1"),
        ({"text": "x", "actions": [{"set": "training.lr", "value": "fast"}]}, "step 1, action 1: training"),
        ({"text": "x", "actions": [{"fly": 1}]}, 'unknown action "fly"'),
        ({"text": "x", "actions": [{"run_epochs": 0}]}, "run_epochs"),
        ({"text": ""}, "step 1: its text"),
        ({"text": "x", "questions": [{"question": "why?"}]}, "question 1"),
    ],
)
def test_a_bad_step_is_named_when_the_lesson_opens(tmp_path, step, words):
    from core.project import ProjectError

    with pytest.raises(ProjectError, match=None) as err:
        load_project(lesson(tmp_path, [step]))
    assert words in str(err.value)


def test_the_perceptron_lesson_walked_through_shows_what_its_texts_say(window, qtbot):
    """Seed 0, as shipped: AND reaches 100% after the ten epochs, XOR stays at most 76.7% (the texts' figures)."""
    open_lesson(window, qtbot, LESSONS / "perceptron.json")
    guide, controller = window.guide_panel.guide, window.run_controls.controller
    dashboard = window.run_controls.dashboard

    def walk_to(index, epoch, new_model=False):
        generation = controller.generation
        guide.next()
        assert guide.index == index
        if new_model:  # the data changes first: the step trains once it has loaded, a new model
            qtbot.waitUntil(lambda: controller.generation not in (None, generation), timeout=20000)
        qtbot.waitUntil(lambda: controller.epoch >= epoch and controller.state in ("paused", "finished"), timeout=60000)
        qtbot.waitUntil(lambda: dashboard._latest is not None and dashboard._latest.epoch == epoch, timeout=10000)
        return dashboard._latest

    assert window.editor.scene.selected_node_ids() == ["unit"]
    first = walk_to(1, 1)
    assert window.run_controls.speed.pace == 25.0 and first.epoch == 1
    done = walk_to(2, 10)
    assert window.run_controls.speed.pace == 0.0
    assert done.train_acc == 1.0 and done.test_acc == 1.0
    xor = walk_to(3, 10, new_model=True)
    assert window.document.project.dataset_params["gate"] == "xor"
    assert xor.train_acc <= 0.757 + 1e-9 and xor.test_acc <= 0.767 + 1e-9
    guide.back()
    assert window.document.project.dataset_params["gate"] == "and"


def test_in_a_small_window_the_steps_keep_the_full_height_beside_an_open_view(window, qtbot):
    """1280×800 with a view open: the steps' tab runs the window's height, not a strip above the views."""
    open_lesson(window, qtbot, LESSONS / "spiral_mlp.json")
    window.show_view("folding")
    dock = window.guide_panel.dock
    qtbot.waitUntil(lambda: dock.isVisible() and window.training_dock.isVisible())
    qtbot.wait(50)
    assert dock.height() > 0.75 * window.centralWidget().height()
    assert dock.geometry().left() >= window.training_dock.geometry().right()  # beside the views, not above them


def test_a_lesson_opened_before_the_window_shows_has_its_steps_in_front(qtbot):
    """As `main.py open LESSON` does: the project opens, then the window shows, at 1280×720."""
    from PySide6.QtWidgets import QTabBar

    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.document.open(load_project(LESSONS / "gabor_filters.json"), str(LESSONS / "gabor_filters.json"))
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)

    def steps_in_front():
        for bar in window.findChildren(QTabBar):
            names = [bar.tabText(i) for i in range(bar.count())]
            if "Lesson steps" in names and "Project" in names:
                return bar.tabText(bar.currentIndex()) == "Lesson steps"
        return False

    qtbot.waitUntil(steps_in_front)
    window.run_controls.shutdown()
