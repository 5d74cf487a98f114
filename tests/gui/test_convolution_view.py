"""The convolution explorer as a person uses it: click an output cell, draw an input, type into
the kernel, change stride, padding and dilation, open the matrix; what is drawn and written is
checked against core.convolution (itself held to torch and scipy in tests/core)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from core.convolution import inputs
from core.convolution.explorer import ConvSettings, convolve, cross_correlate
from core.convolution.kernels import preset
from core.convolution.matrix import doubly_blocked
from gui.views.convolution.view import ConvolutionView


@pytest.fixture
def view(qtbot):
    view = ConvolutionView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    return view


def scene_point(panel, row: float, col: float) -> QPoint:
    """Where grid cell (row, col)'s centre is on the panel's screen."""
    return panel.mapFromScene(panel.box.mapViewToScene(QPointF(col + 0.5, row + 0.5)))


def click(panel, row: int, col: int, button=Qt.MouseButton.LeftButton) -> None:
    QTest.mouseClick(panel.viewport(), button, Qt.KeyboardModifier.NoModifier, scene_point(panel, row, col))


def drag(panel, cells, button=Qt.MouseButton.LeftButton) -> None:
    """Press on the first cell, move through the others, release on the last: a real drag."""
    viewport = panel.viewport()
    points = [scene_point(panel, r, c) for r, c in cells]
    QTest.mousePress(viewport, button, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(viewport, point)
        QTest.qWait(5)
    QTest.mouseRelease(viewport, button, Qt.KeyboardModifier.NoModifier, points[-1])


def test_it_opens_on_a_digit_with_sobel_x_and_shows_torchs_output(view):
    expected = cross_correlate(inputs.digit(0), preset("Sobel x"))
    np.testing.assert_array_equal(view.out, expected)
    assert view.corr_panel.shape == (6, 6) and view.conv_panel.shape == (6, 6)
    assert "rows: ⌊(8 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 6" in view.sizes.text()
    assert "3·3 + 1 = 10" in view.sizes.text() and "64·36 + 36 = 2,340" in view.sizes.text()


def test_clicking_an_output_cell_writes_its_products_and_frames_its_window(view):
    click(view.corr_panel, 3, 2)
    assert view.cell == (3, 2) and not view.flip
    image, kernel = inputs.digit(0), preset("Sobel x")
    value = cross_correlate(image, kernel)[3, 2]
    assert f"the sum of these products is <b>{value:.3f}</b>".replace("-", "−") in view.sum_label.text()
    xs, ys = view.input_panel.cells.getData()
    framed = {
        (int(np.floor(y.min())), int(np.floor(x.min())))
        for x, y in zip(xs.reshape(-1, 8), ys.reshape(-1, 8), strict=True)
    }
    assert framed == {(3 + a, 2 + b) for a in range(3) for b in range(3)}
    click(view.conv_panel, 0, 5)  # the true convolution's cell: the kernel turned
    assert view.cell == (0, 5) and view.flip
    true_value = convolve(image, kernel)[0, 5]
    assert f"<b>{true_value:.3f}</b>".replace("-", "−") in view.sum_label.text()
    assert "−1.00·" not in view.sum_label.text().split("True convolution")[1].split("<br>")[1][:7]  # turned: +1 first


def test_drawing_on_a_blank_grid_with_the_mouse(view, qtbot):
    view.source.setCurrentText("draw")
    assert view.image.shape == (10, 10) and not view.image.any()
    drag(view.input_panel, [(2, 4), (3, 4), (4, 4), (5, 4), (6, 4)])
    assert {tuple(p) for p in np.argwhere(view.image)} >= {(2, 4), (6, 4)}
    assert view.image[:, 4].sum() >= 4 and view.image.sum() == view.image[:, 4].sum()
    np.testing.assert_array_equal(view.out, cross_correlate(view.image, preset("Sobel x")))
    assert (view.out[:, 4] < 0).any() and (view.out[:, 2] > 0).any()  # a vertical stroke: both its edges
    drag(view.input_panel, [(4, 4), (4, 5)], button=Qt.MouseButton.RightButton)  # the eraser
    assert view.image[4, 4] == 0
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert not view.image.any()
    drag(view.input_panel, [(1, 1), (8, 8)])  # one fast move: the stroke has no gaps
    assert all(view.image[k, k] for k in range(1, 9))


def type_into(grid, row: int, col: int, text: str) -> None:
    """Double-click a kernel cell, type over its number, press Enter."""
    rect = grid.visualItemRect(grid.item(row, col))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    (editor,) = [e for e in grid.findChildren(QLineEdit) if e.isVisible()]  # closed editors linger hidden
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call


def test_typing_a_kernel_cell_and_a_bad_number(view):
    grid = view.kernel
    type_into(grid, 1, 1, "5")
    assert grid.values[1, 1] == 5
    assert view.preset_help.text() == "edited by hand"
    kernel = preset("Sobel x")
    kernel[1, 1] = 5
    np.testing.assert_allclose(view.out, cross_correlate(inputs.digit(0), kernel))
    type_into(grid, 0, 2, "five")
    assert grid.values[0, 2] == 1 and grid.item(0, 2).text() == "1"
    assert view.problem.isVisible() and "“five” is not a number" in view.problem.text()
    type_into(grid, 0, 2, "-2,5")  # a decimal comma is understood
    assert grid.values[0, 2] == -2.5 and not view.problem.isVisible()


def test_stride_padding_and_dilation_reach_the_output(view):
    view.stride.setValue(2)
    view.padding.setCurrentText("same")
    assert view.out.shape == (4, 4)
    view.padding.setCurrentText("number")
    assert view.padding_number.isEnabled()
    view.padding_number.setValue(2)
    view.dilation.setValue(2)
    conv = ConvSettings(2, 2, 2)
    np.testing.assert_array_equal(view.out, cross_correlate(inputs.digit(0), preset("Sobel x"), conv))
    assert "⌊(8 + 2·2 − 2·(3 − 1) − 1) / 2⌋ + 1 = 4" in view.sizes.text()
    assert view.input_panel.shape == (12, 12)  # the zero border is drawn


def test_a_kernel_too_big_for_the_input_is_a_message_and_not_a_crash(view):
    view.source.setCurrentText("draw")
    view.draw_size.setValue(3)
    view.kernel_rows.setValue(5)
    assert view.out is None and view.problem.isVisible()
    assert "add padding" in view.problem.text()
    view.padding.setCurrentText("same")
    assert view.out is not None and view.out.shape == (3, 3) and not view.problem.isVisible()


def test_presets_photographs_and_the_matrix_tab(view, qtbot):
    view.source.setCurrentText("photograph")
    assert view.image.shape == (16, 16)
    view.choose_preset("Gabor")
    assert view.kernel.values.shape == (5, 5) and view.out.shape == (12, 12)
    click(view.corr_panel, 4, 7)
    view.tabs.setCurrentWidget(view.matrix)
    qtbot.wait(10)
    m = doubly_blocked(preset("Gabor"), (16, 16))
    assert view.matrix.matrix_2d.shape == m.shape == (144, 256)
    assert view.matrix.error < 1e-12
    assert "M·x equals the output map" in view.matrix.caption_2d.text()
    assert view.matrix.matrix_1d.shape == (12, 16)


def test_the_kernel_slides_by_itself(view, qtbot):
    qtbot.mouseClick(view.slide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.cell == (0, 3), timeout=3000)
    qtbot.mouseClick(view.slide_button, Qt.MouseButton.LeftButton)
    assert not view.timer.isActive()


def test_a_lesson_for_this_view_starts_from_its_first_conv_layer(view, qtbot):
    from conftest import LESSONS

    from core.project import load_project

    project = load_project(LESSONS / "stride_padding.json")
    view.set_context(project, None)
    assert [view.layer.itemText(i) for i in range(view.layer.count())] == ["(none)", "same", "full", "valid_s2"]
    assert view.kernel.values.shape == (5, 5) and view.settings() == ConvSettings(1, 2, 1)
    assert view.out.shape == (8, 8)  # 'same': the digit keeps its size
    view.layer.setCurrentIndex(3)
    view.layer.activated.emit(3)  # as a person choosing it from the list
    assert view.settings() == ConvSettings(2, 0, 1) and view.out.shape == (2, 2)
    assert "⌊(8 + 2·0 − 1·(5 − 1) − 1) / 2⌋ + 1 = 2" in view.sizes.text()
    view.set_context(project, None)  # the same project again (its data reloaded): the user's settings stay
    assert view.settings() == ConvSettings(2, 0, 1)
    other = load_project(LESSONS / "digits_cnn.json")  # a project not made for this view: listed, not applied
    view.set_context(other, None)
    assert view.layer.count() == 3 and view.settings() == ConvSettings(2, 0, 1)


def test_the_layer_list_follows_the_network_as_edited(view, qtbot):
    from conftest import LESSONS

    from core.project import load_project

    project = load_project(LESSONS / "conv_matrix.json")
    view.set_context(project, None)
    assert [view.layer.itemText(i) for i in range(view.layer.count())] == ["(none)", "conv1"]
    project.graph.add_node("Conv2d", "extra", {"out_channels": 2, "kernel_size": 5, "stride": 2})
    view.layer.showPopup()  # opening the list reads the project again
    assert [view.layer.itemText(i) for i in range(view.layer.count())] == ["(none)", "conv1", "extra"]
    assert view.layer.currentText() == "conv1"  # the choice stays
    view.layer.hidePopup()
    view.layer.setCurrentIndex(2)
    view.layer.activated.emit(2)
    assert view.settings() == ConvSettings(2, 0, 1) and view.kernel.values.shape == (5, 5)
