"""Drawing one's own function in the Approximation view, with the mouse: the stroke becomes the
dataset (one undoable change), the data are the drawn curve's values, the project file keeps it,
Run trains on it, and a click or a vertical stroke gets a sentence instead."""

import numpy as np
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
