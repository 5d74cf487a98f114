"""A recurrent node drawn unrolled through time (course figures 10.2-10.3): a real double-click on
it shows, under the node, the circuit and three unrolled steps with every W and U marked as the
same shared matrices, sized from the layer; another double-click hides it; other nodes ignore it."""

from conftest import LESSONS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from gui.editor.unrolled import UnrolledItem


def double_click(window, node_id):
    item = window.editor.scene.nodes[node_id]
    point = window.view.mapFromScene(item.mapToScene(QPointF(60, 60)))  # the node's body
    viewport, left, none = window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, point)  # as a mouse sends it: QTest.mouseDClick alone sends only the
    QTest.mouseRelease(viewport, left, none, point)  # double-click event, which leaves the node grabbed
    QTest.mouseDClick(viewport, left, none, point)
    QTest.mouseRelease(viewport, left, none, point)
    assert window.editor.scene.mouseGrabberItem() is None


def test_double_clicking_a_recurrent_node_draws_it_unrolled_with_its_weights_shared(window, qtbot):
    window.files.open_lesson(LESSONS / "next_character.json")
    qtbot.waitUntil(lambda: "rnn" in window.editor.scene.nodes)
    node = window.editor.scene.nodes["rnn"]
    assert "unrolled" in node.toolTip()
    double_click(window, "rnn")
    assert isinstance(node.unrolled, UnrolledItem) and node.unrolled.isVisible()
    window.view.viewport().repaint()
    labels = node.unrolled.labels
    assert labels.count("W") == 4 and labels.count("U") == 4  # the loop and 3 steps; the circuit's x and 3 more
    assert {"x_(t−1)", "x_t", "x_(t+1)"} <= set(labels)
    shared = [text for text in labels if text.startswith("shared")]
    assert shared == ["shared: the same W (256×64) and U (256×25) at every one of the 20 steps"]  # 4 gates × 64
    window.view.fit_all()
    qtbot.wait(30)
    assert node.pos().y() == window.editor.graph.nodes["rnn"].pos[1]  # nothing moved
    window.view.grab().save("/tmp/unrolled_lstm.png")
    double_click(window, "rnn")
    assert node.unrolled is None
    double_click(window, "fc")
    assert window.editor.scene.nodes["fc"].unrolled is None


def test_the_drawing_follows_the_layers_settings(window, qtbot):
    window.files.open_lesson(LESSONS / "adding_rnn.json")
    qtbot.waitUntil(lambda: "rnn" in window.editor.scene.nodes)
    double_click(window, "rnn")
    node = window.editor.scene.nodes["rnn"]
    window.editor.set_param("rnn", "num_layers", 2)
    window.view.viewport().repaint()
    labels = node.unrolled.labels
    assert "shared: the same W (32×32) and U (32×2) at every one of the 50 steps" in labels
    assert any(text.startswith("level 1 of 2") for text in labels)
    assert "h_t" in labels
