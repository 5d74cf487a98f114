"""The editor, driven as a person drives it: drops, mouse drags, keys, the inspector."""

import os
import subprocess
import sys

import pytest
from conftest import LESSONS, ROOT
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontMetricsF, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QSpinBox

from core.project import load_project
from gui.editor.commands import SetTraining
from gui.editor.items import BODY, HEADER, WIDTH, _fitted_font
from gui.main_window import MainWindow, presentation_scale


def drop_layer(window, kind, view_pos):
    """Drop a palette item on the canvas with the same mime data a real drag carries."""
    mime: QMimeData = window.palette.tree.mimeData([window.palette.items[kind]])
    viewport = window.view.viewport()
    actions = Qt.DropAction.CopyAction
    for event in (
        QDragEnterEvent(view_pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
        QDragMoveEvent(view_pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
        QDropEvent(QPointF(view_pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(viewport, event)


def port_pos(window, node_id, is_input, index=0):
    item = window.editor.scene.nodes[node_id]
    port = item.inputs[index] if is_input else item.output
    return window.view.mapFromScene(port.scenePos())


def drag_wire(window, src, dst, port=0):
    viewport = window.view.viewport()
    start, end = port_pos(window, src, False), port_pos(window, dst, True, port)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def build_chain(window, kinds):
    ids = []
    for i, kind in enumerate(kinds):
        drop_layer(window, kind, QPoint(150 + 200 * (i % 3), 150 + 150 * (i // 3)))
        ids.append(list(window.editor.graph.nodes)[-1])
    for a, b in zip(ids, ids[1:], strict=False):
        drag_wire(window, a, b)
    return ids


def test_dropping_a_layer_creates_it_where_it_was_dropped(window):
    drop_layer(window, "Linear", QPoint(300, 250))
    graph = window.editor.graph
    assert list(graph.nodes) == ["linear1"]
    centre = window.view.mapToScene(QPoint(300, 250))
    x, y = graph.nodes["linear1"].pos
    assert (x + WIDTH / 2, y + (HEADER + BODY) / 2) == pytest.approx((centre.x(), centre.y()))
    assert "linear1" in window.editor.scene.nodes


def test_dragging_from_port_to_port_makes_a_wire_and_ctrl_z_removes_it(window, qtbot):
    src, dst = build_chain(window, ["Input", "Linear"])
    graph = window.editor.graph
    assert [(e.src, e.dst, e.port) for e in graph.edges] == [(src, dst, 0)]
    assert window.editor.scene.wires[graph.edges[0]].label == "2"
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert graph.edges == [] and window.editor.scene.wires == {}
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(graph.edges) == 1


def test_a_new_input_takes_the_datasets_shape(window, qtbot):
    with qtbot.waitSignal(window.dataset_panel.data_loaded):
        window.project.set_dataset("digits", {})
    (node_id,) = build_chain(window, ["Input"])
    assert window.editor.graph.nodes[node_id].params["shape"] == (1, 8, 8)


def test_a_wire_dropped_on_empty_canvas_or_into_a_loop_is_refused(window):
    a, b = build_chain(window, ["Linear", "ReLU"])
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, a, False))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, b, False))
    assert "connect an output (right side) to an input (left side)" in window.statusBar().currentMessage()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, b, False))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, a, True))
    assert len(window.editor.graph.edges) == 1
    assert "would make a loop" in window.statusBar().currentMessage()


def test_editing_a_parameter_updates_the_shapes_downstream(window):
    ids = build_chain(window, ["Input", "Linear", "ReLU"])
    window.editor.select([ids[1]])
    spin = window.inspector.findChild(QSpinBox, "out_features")
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "24")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    graph = window.editor.graph
    assert graph.nodes[ids[1]].params["out_features"] == 24
    relu_wire = next(w for e, w in window.editor.scene.wires.items() if e.src == ids[1])
    assert relu_wire.label == "24"
    assert window.editor.scene.inference.shapes[ids[2]] == (24,)
    window.document.undo_stack.undo()
    assert graph.nodes[ids[1]].params["out_features"] == 8 and spin.value() == 8


def test_a_miswired_graph_shows_the_red_node_with_the_message(window, qtbot):
    with qtbot.waitSignal(window.dataset_panel.data_loaded):
        window.project.set_dataset("digits", {})
    ids = build_chain(window, ["Input", "Conv2d", "Linear", "Output"])
    window.editor.set_param(ids[0], "shape", [1, 8, 8])
    linear = window.editor.scene.nodes[ids[2]]
    expected = f"Linear '{ids[2]}' expects a flat input but receives 8×6×6 — insert Flatten"
    assert linear.problems == [expected]
    assert expected in linear.toolTip()
    assert "1 problem" in window.totals.text()


def test_delete_removes_a_node_and_its_wires_in_one_undo_step(window):
    ids = build_chain(window, ["Input", "Linear", "Output"])
    window.editor.select([ids[1]])
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    graph = window.editor.graph
    assert ids[1] not in graph.nodes and graph.edges == []
    window.document.undo_stack.undo()
    assert ids[1] in graph.nodes and len(graph.edges) == 2


def test_copy_paste_and_duplicate_keep_inner_wires(window):
    ids = build_chain(window, ["Linear", "ReLU"])
    window.editor.select_all()
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    graph = window.editor.graph
    assert len(graph.nodes) == 4 and len(graph.edges) == 2
    new = window.editor.scene.selected_node_ids()
    assert len(new) == 2 and not set(new) & set(ids)
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(graph.nodes) == 6 and len(graph.edges) == 3


def test_moving_a_node_with_the_mouse_is_one_undoable_step(window):
    (node_id,) = build_chain(window, ["Linear"])
    item = window.editor.scene.nodes[node_id]
    before = window.editor.graph.nodes[node_id].pos
    grab = window.view.mapFromScene(item.scenePos() + QPointF(WIDTH / 2, HEADER / 2))
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    QTest.mouseMove(viewport, grab + QPoint(40, 30))
    QTest.mouseMove(viewport, grab + QPoint(80, 60))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab + QPoint(80, 60))
    after = window.editor.graph.nodes[node_id].pos
    assert after != before
    window.document.undo_stack.undo()
    assert window.editor.graph.nodes[node_id].pos == before and item.pos() == QPointF(*before)


def test_save_then_open_gives_the_same_graph(window, tmp_path):
    build_chain(window, ["Input", "Linear", "Output"])
    path = tmp_path / "mine.json"
    assert window.files.save_to(str(path))
    assert not window.isWindowModified() and window.windowTitle().startswith("mine.json")
    saved = window.editor.graph.copy()
    window.files.new_project()
    assert window.editor.graph.nodes == {}
    assert window.files.open_path(str(path))
    assert window.editor.graph == saved


def test_unsaved_changes_mark_the_title_and_are_offered_back_after_a_crash(qtbot, window, monkeypatch):
    build_chain(window, ["Input", "Linear"])
    assert window.isWindowModified()
    window.document.write_autosave()  # as the autosave timer does 1.5 s after an edit
    expected = window.editor.graph.copy()
    # the first window "crashes": it is never closed; a new session starts
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.offer_recovery()
    assert second.editor.graph == expected and second.isWindowModified()


def test_a_lesson_whose_step_names_a_deleted_layer_is_saved_recovered_and_reopened(
    qtbot, window, monkeypatch, tmp_path
):
    """The depth lesson's series takes fc4 out: delete fc4 by hand, and the work still saves, comes
    back after a crash and reopens (without its steps, saying why) instead of being refused or lost."""
    from core.network.graph import Edge
    from gui.editor.commands import AddEdge, delete_command

    assert window.files.open_lesson(LESSONS / "depth_sigmoid.json")
    graph = window.document.project.graph
    window.document.push(delete_command(graph, ["fc4", "sigmoid4"], []))
    window.document.push(AddEdge(graph, Edge("sigmoid3", "fc5")))
    expected = graph.copy()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.document.write_autosave()
    second = MainWindow()  # the first window "crashed"
    qtbot.addWidget(second)
    assert second.files.offer_recovery() and second.editor.graph == expected
    assert "lesson steps were left out" in warnings[-1] and "fc4" in warnings[-1]
    path = tmp_path / "mine.json"
    assert second.files.save_to(str(path)) and second.files.open_path(str(path), ask=False)
    assert second.editor.graph == expected


@pytest.mark.parametrize("path", sorted(LESSONS.glob("*.json")), ids=lambda p: p.stem)
def test_every_lesson_opens_and_displays_without_errors(window, path):
    assert window.files.open_lesson(path)
    project = load_project(path)
    scene = window.editor.scene
    assert set(scene.nodes) == set(project.graph.nodes) and len(scene.wires) == len(project.graph.edges)
    assert all(not item.problems for item in scene.nodes.values())
    assert all(wire.label not in ("", "?") for wire in scene.wires.values())
    assert project.title in window.about.text()


def test_auto_layout_is_undoable(window):
    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    graph = window.editor.graph
    for node_id in graph.nodes:
        graph.move_node(node_id, (0.0, 0.0))
    window.editor.auto_layout()
    positions = {n.pos for n in graph.nodes.values()}
    assert len(positions) == len(graph.nodes)
    window.document.undo_stack.undo()
    assert {n.pos for n in graph.nodes.values()} == {(0.0, 0.0)}


def test_presentation_mode_enlarges_the_text(window, qtbot):
    normal = window.palette.tree.font().pointSizeF()
    window.presentation_action.trigger()
    screen = window.screen().availableGeometry().height()
    assert window.palette.tree.font().pointSizeF() == pytest.approx(presentation_scale(screen) * normal)
    assert window.palette.tree.font().pointSizeF() >= 1.25 * normal
    tree, dock = window.palette.tree, window.palette.parentWidget()
    needed = tree.sizeHintForColumn(0) + tree.verticalScrollBar().sizeHint().width()  # "Regularisation" whole
    qtbot.waitUntil(lambda: dock.width() >= needed, timeout=2000)
    window.presentation_action.trigger()
    assert window.palette.tree.font().pointSizeF() == normal


def test_presentation_text_takes_the_same_share_of_any_projector_within_limits():
    assert presentation_scale(1080) == pytest.approx(1.6)
    assert presentation_scale(720) == 1.25  # a 720-line projector's window has no room for more
    assert presentation_scale(1200) == pytest.approx(1.6 * 1200 / 1080)
    assert presentation_scale(2160) == 2.0


def test_canvas_text_grows_in_presentation_mode_but_long_names_shrink_to_fit(window, qtbot):
    """Short summaries get the large text; one too long for the node shrinks, never below the normal size."""
    short, long = "12 units", "cross-entropy loss with a long name"
    normal_short = _fitted_font(short, 9.5, WIDTH - 28).pointSizeF()
    window.set_presentation(True)
    try:
        assert _fitted_font(short, 9.5, WIDTH - 28).pointSizeF() == pytest.approx(1.7 * normal_short)
        fitted = _fitted_font(long, 9.5, WIDTH - 28)
        assert normal_short <= fitted.pointSizeF() < 1.7 * normal_short
        assert QFontMetricsF(fitted).horizontalAdvance(long) <= WIDTH - 28 + 1 or fitted.pointSizeF() == normal_short
    finally:
        window.set_presentation(False)


def test_palette_search_filters_the_kinds(window):
    window.palette.search.setText("conv")
    visible = [k for k, item in window.palette.items.items() if not item.isHidden()]
    assert visible == ["Conv1d", "Conv2d"]


def test_wheel_zooms_and_ctrl_0_fits(window, qtbot):
    window.files.open_lesson(LESSONS / "digits_cnn.json")
    qtbot.wait(20)  # the fit after opening runs once the window has laid out
    before = window.view.zoom
    centre = QPointF(window.view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        window.view.mapToGlobal(centre),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(window.view.viewport(), wheel)
    assert window.view.zoom > 1.3 * before
    QTest.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(before)
    every_node = QRectF()
    for item in window.editor.scene.nodes.values():
        every_node = every_node.united(item.sceneBoundingRect())
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(every_node)


def test_middle_drag_pans(window):
    window.files.open_lesson(LESSONS / "digits_cnn.json")
    window.view.zoom_by(3)
    viewport = window.view.viewport()
    before = window.view.mapToScene(viewport.rect().center())
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 300))
    QTest.mouseMove(viewport, QPoint(200, 250))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 250))
    after = window.view.mapToScene(viewport.rect().center())
    assert after.x() > before.x() and after.y() > before.y()


def test_rubber_band_selects_several_nodes(window):
    ids = build_chain(window, ["Linear", "ReLU", "Linear"])
    window.editor.scene.clearSelection()
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    QTest.mouseMove(viewport, QPoint(400, 300))
    QTest.mouseMove(viewport, QPoint(viewport.width() - 5, viewport.height() - 5))
    QTest.mouseRelease(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(viewport.width() - 5, viewport.height() - 5),
    )
    assert sorted(window.editor.scene.selected_node_ids()) == sorted(ids)


def test_escape_cancels_a_wire_being_dragged(window):
    a, b = build_chain(window, ["Linear", "ReLU"])
    window.document.undo_stack.undo()  # remove the wire build_chain made
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, a, False))
    QTest.mouseMove(viewport, port_pos(window, b, True))
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, port_pos(window, b, True))
    assert window.editor.graph.edges == []


def test_the_shape_field_validates_as_you_type(window):
    (node_id,) = build_chain(window, ["Input"])
    window.editor.select([node_id])
    field = window.inspector.findChild(QLineEdit, "shape")
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "1×8×q")
    assert "#d32f2f" in field.styleSheet()
    assert "is not a list of sizes" in window.inspector.error.text()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClicks(field, "8")
    assert field.styleSheet() == "" and window.inspector.error.text() == ""
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.editor.graph.nodes[node_id].params["shape"] == (1, 8, 8)


def test_freezing_a_layer_is_undoable_and_drawn(window):
    (node_id,) = build_chain(window, ["Linear"])
    window.editor.select([node_id])
    window.inspector.findChild(QCheckBox, "frozen").click()
    assert window.editor.graph.nodes[node_id].frozen and window.editor.scene.nodes[node_id].frozen
    window.document.undo_stack.undo()
    assert not window.editor.graph.nodes[node_id].frozen


def test_open_recent_remembers_saved_files(window, tmp_path):
    build_chain(window, ["Input"])
    window.files.save_to(str(tmp_path / "a.json"))
    assert [a.text() for a in window.recent_menu.actions()] == [str(tmp_path / "a.json")]


def test_screenshot_mode_renders_the_window_to_a_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "open",
            str(LESSONS / "digits_cnn.json"),
            "--screenshot",
            str(out),
            "--size",
            "1024x700",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1024, 16) for y in range(0, 700, 16)}
    assert "#6a1b9a" in colours  # the convolution nodes' header colour: the graph was drawn
    bad = subprocess.run(
        [sys.executable, "main.py", "open", str(tmp_path / "missing.json"), "--screenshot", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert bad.returncode == 2 and "cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_closing_after_a_copy_exits_cleanly(tmp_path):
    """Qt freed the clipboard's data at exit after Python had: a crash on every exit after a copy."""
    script = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from core.project import load_project
window = MainWindow()
window.document.open(load_project({str(LESSONS / "perceptron.json")!r}))
window.editor.select(["unit"])
assert window.editor.copy()
window.close()
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEURONA_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr


def test_layers_added_at_the_same_spot_never_overlap(window, qtbot):
    for _ in range(4):
        window.palette.layer_activated.emit("Linear")  # as a double-click on the palette does
    rects = [window.editor.scene.nodes[n].sceneBoundingRect() for n in window.editor.graph.nodes]
    assert len(rects) == 4
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_an_edit_does_not_move_the_canvas_under_the_user(window, qtbot):
    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    qtbot.wait(200)  # the lesson is fitted to the window once it is laid out
    assert window.view.auto_fit
    port = window.editor.scene.nodes["fc1"].output
    before, zoom = window.view.mapFromScene(port.scenePos()), window.view.zoom
    window.editor.add_layer("ReLU", QPointF(3000, 1500))  # far away, and unwired: the problem list appears
    window.editor.add_layer("ReLU", QPointF(-3000, -1500))
    qtbot.wait(50)
    assert window.problems.isVisible()
    assert window.view.mapFromScene(port.scenePos()) == before and window.view.zoom == zoom


def test_batch_norm_with_a_batch_of_one_is_a_problem_in_the_editor_and_run_refuses_it(window):
    ids = build_chain(window, ["Input", "Linear", "BatchNorm", "Linear", "Output"])
    window.editor.set_param(ids[3], "out_features", window.document.data.num_classes)
    assert not window.editor.scene.inference.problems
    window.document.push(SetTraining(window.project, "batch_size", 1))
    batch_norm = window.editor.scene.nodes[ids[2]]
    assert batch_norm.problems and "single sample" in batch_norm.problems[0]
    assert "1 problem" in window.totals.text()
    messages = []
    window.run_controls.message.connect(messages.append)
    window.run_controls.run_action.trigger()
    assert not window.run_controls.controller.active
    assert "single sample" in messages[-1]
    window.document.undo_stack.undo()
    assert not batch_norm.problems and "ready to train" in window.totals.text()


def test_presentation_mode_keeps_the_project_tabs_in_view(window, qtbot, monkeypatch):
    monkeypatch.setattr("gui.main_window.presentation_scale", lambda height: 1.6)  # a 1080-line projector
    window.resize(1920, 1080)
    window.set_presentation(True)
    try:
        bar = window.tabs.tabBar()
        qtbot.waitUntil(lambda: bar.width() >= bar.sizeHint().width(), timeout=2000)  # no scroll arrows
    finally:
        window.set_presentation(False)


def test_the_about_text_follows_the_training_settings(window, qtbot):
    window.files.open_lesson(LESSONS / "optimiser_race_digits.json")
    assert "learning rate 0.1," in window.about.text()
    window._setting_edited("lr", 0.01)
    assert "learning rate 0.01," in window.about.text()
    window.document.undo_stack.undo()
    assert "learning rate 0.1," in window.about.text()
