"""Drawing one's own function in the Approximation view, with the mouse: the stroke becomes the
dataset (one undoable change), the data are the drawn curve's values, the project file keeps it,
Run trains on it, and a click or a vertical stroke gets a sentence instead."""

import numpy as np
import pytest
from conftest import LESSONS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.data.drawn import parse_curve


def on_screen(view, x: float, y: float) -> QPoint:
    """The plot's viewport pixel of the point (x, y)."""
    scene = view.plot.getViewBox().mapViewToScene(QPoint(0, 0).toPointF().__class__(x, y))
    return view.plot.mapFromScene(scene)


def drag(view, points) -> None:
    viewport = view.plot.viewport()
    pixels = [on_screen(view, x, y) for x, y in points]
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixels[0])
    for pixel in pixels[1:]:
        QTest.mouseMove(viewport, pixel)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixels[-1])


def loaded(window, function: str, old=None) -> bool:
    """The data of the project's function has loaded (a new object, when the old one is given)."""
    data = window.document.data
    return data is not None and data is not old and window.project.dataset_params.get("function") == function


def test_a_stroke_dragged_across_the_plot_becomes_the_data_set(window_thread, qtbot, tmp_path):
    window = window_thread
    window.files.open_lesson(LESSONS / "universal_approximation.json")
    qtbot.waitUntil(lambda: loaded(window, "sine"), timeout=20000)
    view = window.show_view("approximation")
    qtbot.waitUntil(lambda: window.view_tabs.views.get("approximation") is not None)
    view = window.view_tabs.views["approximation"]
    assert view.stack.currentWidget() is view.content  # the points, before any training: a plot to draw on
    qtbot.mouseClick(view.draw, Qt.MouseButton.LeftButton)
    assert view.draw.isChecked()

    drag(view, [(0.4, 0.6)])  # a click is no curve
    assert view.notice.isVisible() and "single point" in view.notice.text()
    drag(view, [(0.3, -1.0), (0.3, 0.0), (0.31, 1.0)])  # nor is a vertical stroke
    assert "vertical" in view.notice.text() and window.project.dataset_params["function"] == "sine"

    xs, sine = np.linspace(-0.95, 0.95, 40), window.document.data
    drag(view, list(zip(xs, 0.8 * np.abs(xs) - 0.4, strict=True)))  # a V
    qtbot.waitUntil(lambda: loaded(window, "drawn", sine), timeout=20000)
    assert not view.notice.isVisible() and not view.draw.isChecked()
    curve = parse_curve(window.project.dataset_params["drawing"])
    data = window.document.data
    assert np.allclose(np.interp([-0.95, 0.0, 0.95], *curve), [0.36, -0.4, 0.36], atol=0.03)  # what was drawn
    noise = window.project.dataset_params["noise"]
    residual = data.y_train - np.interp(data.x_train[:, 0], *curve)
    assert abs(residual.mean()) < 0.02 and residual.std() < 2 * noise  # the targets are the curve plus noise
    qtbot.waitUntil(lambda: view.drawn_line.getData()[0] is not None and len(view.drawn_line.getData()[0]) > 0)
    assert np.array_equal(view.train_points.getData()[1], data.y_train)
    view.grab().save("/tmp/pc/drawn.png")

    window.run_controls.step_action.trigger()  # Run (or a Step) trains on the drawn data
    qtbot.waitUntil(lambda: view.result is not None, timeout=30000)
    assert np.array_equal(view.result.y_train, data.y_train[: len(view.result.y_train)])
    window.run_controls.reset()

    path = tmp_path / "drawn.json"
    assert window.files.save_to(str(path))
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: the sine again
    qtbot.waitUntil(lambda: loaded(window, "sine", data), timeout=20000)
    assert view.drawing is None
    window.files.open_path(str(path), ask=False)  # reopening gives the same curve, the same points
    qtbot.waitUntil(lambda: loaded(window, "drawn", data), timeout=20000)
    assert np.array_equal(parse_curve(window.project.dataset_params["drawing"])[1], curve[1])
    assert np.array_equal(window.document.data.y_train, data.y_train)


def test_esc_cancels_a_stroke_and_a_finished_one_keeps_the_projects_other_settings(qtbot):
    from core.data.catalog import load_dataset
    from core.project import load_project
    from gui.views.approximation import ApproximationView

    project = load_project(LESSONS / "universal_approximation.json")
    view = ApproximationView()
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    view.set_context(project, load_dataset(project.dataset, project.dataset_params))
    view.draw.setChecked(True)
    edits = []
    view.dataset_edited.connect(lambda name, params: edits.append((name, params)))
    viewport = view.plot.viewport()
    start, end = on_screen(view, -0.8, 0.0), on_screen(view, 0.6, 0.5)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    assert view.pencil.line.isVisible()
    QTest.keyClick(view.plot, Qt.Key.Key_Escape)  # Esc: the stroke is dropped
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert not edits and not view.pencil.line.isVisible() and not view.notice.isVisible()
    drag(view, [(-0.8, 0.0), (0.6, 0.5)])
    assert len(edits) == 1
    name, params = edits[0]
    assert name == "function" and params["function"] == "drawn"
    assert {k: v for k, v in params.items() if k not in ("function", "drawing")} == {
        k: v for k, v in project.dataset_params.items() if k not in ("function", "drawing")
    }
    xs, ys = parse_curve(params["drawing"])
    assert xs[0] == pytest.approx(-0.8, abs=0.02) and xs[-1] == pytest.approx(0.6, abs=0.02)
    assert np.allclose(ys, np.interp(xs, [-0.8, 0.6], [0.0, 0.5]), atol=0.02)  # the straight segment drawn
