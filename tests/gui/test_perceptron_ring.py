"""The perceptron lesson step by step: each Step (F10) rings, on the decision boundary, the
training sample that step used, and that sample's perceptron-rule update is the one applied."""

import numpy as np
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_each_step_rings_the_sample_whose_update_moved_the_line(window_thread, qtbot):
    window = window_thread
    window.files.open_lesson(LESSONS / "perceptron.json")
    qtbot.waitUntil(lambda: window.dataset_panel.data is not None and window.dataset_panel.data.name == "logic")
    controller, boundary = window.run_controls.controller, window.run_controls.dashboard.boundary
    window.show_view("training")
    assert not boundary.ring.isVisible() and not boundary.before.isVisible()
    data, moved, shifts, lines = window.dataset_panel.data, 0, 0, set()
    for n in range(1, 13):
        session = controller.worker.session if controller.worker is not None else None
        if session is None:  # the first Step starts the run
            before, outputs = None, None
        else:
            trainer = session.trainer
            with torch.no_grad():
                outputs = trainer.model(trainer.x_train)[:, 0].numpy().copy()
            before = trainer.model.layer("unit").weight.detach().numpy().copy()
        QTest.keyClick(window, Qt.Key.Key_F10)
        qtbot.waitUntil(lambda n=n: controller.state == "paused" and controller.step == n, timeout=30000)
        qtbot.waitUntil(lambda: boundary.surface is not None and boundary.ring.isVisible(), timeout=5000)
        i = boundary.surface.sample
        x, y = boundary.ring.getData()
        assert np.allclose([x[0], y[0]], data.x_train[i])  # the ring sits on the window's own sample i
        assert f"#{i}" in boundary.ring_label.toPlainText()
        lines.add(boundary.surface.values.tobytes())
        if before is None:
            previous = boundary.surface
        else:
            trainer = controller.worker.session.trainer
            change = trainer.model.layer("unit").weight.detach().numpy()[0] - before[0]
            rule = 2 * trainer.lr * (float(trainer.y_train[i]) - outputs[i]) * trainer.x_train[i].numpy()
            assert np.allclose(change, rule, atol=1e-7)
            moved += bool(np.any(change))
            # a step that moved the line leaves the line before it, dashed, drawn from the surface before it
            line_moved = bool(np.any((previous.values > 0.5) != (boundary.surface.values > 0.5)))
            assert boundary.before.isVisible() == line_moved
            shifts += line_moved
            if boundary.before.isVisible():
                assert np.array_equal(boundary.before.data, previous.values.T)
                assert "moved the line from where the dashes are" in boundary.ring_label.toPlainText()
                boundary.discrete.toggle()  # the same surface redrawn keeps the ring and the line before
                assert boundary.before.isVisible() and boundary.ring.isVisible()
                boundary.discrete.toggle()
        previous = boundary.surface
    assert moved >= 1 and shifts >= 1 and len(lines) >= 2  # some step met a misclassified sample: the line moved
    grab = window.run_controls.dashboard.grab()
    grab.save("/tmp/pc/ring.png")
    window.run_controls.reset()
    qtbot.waitUntil(lambda: boundary.surface is None)
    assert not boundary.ring.isVisible() and not boundary.before.isVisible()


def test_the_rings_words_wrap_inside_a_narrow_plane(qtbot):
    """At 1280×720 the plane is narrow: "sample #119: the last step trained on it" was cut off at
    its right edge. The words now wrap to the plot's width, and unwrap when it is wide again."""
    from gui.views.dashboard.boundary import BoundaryView

    view = BoundaryView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    box, label = view.plot.getViewBox(), view.ring_label
    qtbot.waitUntil(lambda: box.width() > 600)
    view.show_ring(119, (0.5, 0.5))
    assert label.isVisible() and "#119" in label.toPlainText()
    one_line = label.boundingRect().height()
    view.resize(260, 300)
    qtbot.waitUntil(lambda: box.width() < 260)
    assert label.pos().x() + label.boundingRect().width() <= box.width()
    assert label.boundingRect().height() > 1.5 * one_line  # wrapped, all of it shown
    view.resize(900, 700)
    qtbot.waitUntil(lambda: box.width() > 600)
    assert label.boundingRect().height() == one_line
