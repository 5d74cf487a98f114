"""Receptive fields in the activations view: a real click on a unit of a feature map outlines
the pixels core.convolution.receptive says it sees, in the input and every earlier map."""

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from core.convolution.receptive import receptive_fields
from core.project import load_project
from core.run.session import Session
from gui.views.activations import ActivationsView, map_columns
from gui.views.receptive_overlay import mask_outline, tile_of, unit_at


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def segments(x, y) -> set:
    """Line segments as a set of unordered point pairs, to compare outlines drawn in any order."""
    points = list(zip(np.asarray(x).tolist(), np.asarray(y).tolist(), strict=True))
    return {frozenset(points[i : i + 2]) for i in range(0, len(points), 2)}


def test_the_outline_of_a_mask_is_its_boundary():
    mask = np.zeros((4, 5), bool)
    mask[1:3, 1:4] = True
    x, y = mask_outline(mask, top=10, left=20)
    assert len(x) == 2 * (3 + 3 + 2 + 2)  # 3 cells wide, 2 tall: 10 unit sides
    assert segments(x, y) >= {frozenset({(21.0, 11.0), (22.0, 11.0)}), frozenset({(24.0, 12.0), (24.0, 13.0)})}
    assert unit_at(6.5, 2.5, (16, 4, 4), map_columns) == (1, 2, 1)  # the second tile, after a 1-pixel gap
    assert unit_at(4.5, 2.5, (16, 4, 4), map_columns) is None  # the gap
    assert tile_of(1, (16, 4, 4), map_columns) == (0, 5)


@pytest.fixture
def shown(qtbot):
    session = Session(load_project(LESSONS / "digits_cnn.json"))
    session.step()
    view = ActivationsView()
    qtbot.addWidget(view)
    view.set_context(session.trainer.project, session.trainer.data)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_insights(session.compute(view.wanted()))
    qtbot.wait(30)
    return view, session


def click_unit(panel, node, channel, row, col):
    top, left = panel.tile(node, channel)
    box = panel.boxes[node]
    scene = box.mapViewToScene(QPointF(left + col + 0.5, top + row + 0.5))
    QTest.mouseClick(
        panel.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        panel.canvas.mapFromScene(scene),
    )


def test_clicking_a_unit_outlines_its_field_in_the_input_and_every_earlier_map(shown):
    view, session = shown
    panel = view.maps
    assert {"conv2", "pool1", "conv1"} <= set(panel.boxes)
    click_unit(panel, "conv2", 5, 1, 1)
    assert panel.overlay.chosen == ("conv2", 5, 1, 1)
    fields = receptive_fields(session.trainer.project.graph, "conv2", 1, 1)
    x, y = panel.overlay.items["input"].getData()
    assert segments(x, y) == segments(*mask_outline(fields["x"].mask))
    c = panel.shapes["conv1"][0]
    x, y = panel.overlay.items["conv1"].getData()
    expected = set()
    for k in range(c):  # the same field in every channel's tile
        expected |= segments(*mask_outline(fields["conv1"].mask, *tile_of(k, panel.shapes["conv1"], map_columns)))
    assert segments(x, y) == expected
    assert "sees a 8×8 window of the input (7×7 of them on the image" in panel.field_text.text()
    click_unit(panel, "conv1", 0, 3, 3)
    assert "sees a 3×3 window of the input:" in panel.field_text.text()  # deeper units see more
    later = panel.overlay.items["conv2"].getData()[0]
    assert later is None or len(later) == 0  # later maps are not part of it


def test_a_changed_network_is_not_traced(shown):
    view, _ = shown
    project = load_project(LESSONS / "digits_cnn.json")
    project.graph.set_param("conv1", "kernel_size", 5)  # the editor changed the network; the maps are the old one's
    view.maps.forget_fields(project.graph)
    click_unit(view.maps, "conv2", 0, 1, 1)
    assert view.maps.overlay.chosen is None
    assert "changed since these maps were computed" in view.maps.field_text.text()


def test_the_shift_control_moves_the_sample_and_the_maps(shown, qtbot):
    view, session = shown
    panel = view.maps
    assert panel.right.maximum() == 4 and panel.down.minimum() == -4  # half the 8×8 digits
    with qtbot.waitSignal(view.options_changed):
        QTest.keyClick(panel.right, Qt.Key.Key_Up)
    QTest.keyClick(panel.right, Qt.Key.Key_Up)
    assert view.wanted()["feature_maps"] == {"sample": 0, "down": 0, "right": 2}
    results = session.compute(view.wanted())
    view.show_insights(results)
    maps = results["feature_maps"]
    assert np.array_equal(panel.input_image.image, maps.image[0])
    assert not maps.image[0][:, :2].any()  # moved right: the two left columns came in empty
    text = panel.caption.text()
    assert "moved 2 right, 0 down" in text
    labels = {node: label.text for node, label in panel.labels.items()}
    assert "moved with it exactly" in labels["conv1"] and "changed in place" in labels["conv1"]
    assert "moved" in labels["pool1"]  # 2 pixels: a whole cell of pool1's maps
    assert maps.moved["conv1"].moved_difference <= 1e-6
    best = int(np.argmax(maps.probabilities))
    assert f"most likely {session.trainer.data.class_names[best]}: {maps.probabilities[best]:.0%}" in text


def test_reverse_correlation_of_the_clicked_unit(shown, qtbot):
    import pickle

    from core.convolution.reverse import correlation

    view, session = shown
    panel = view.maps
    click_unit(panel, "conv1", 2, 4, 4)
    assert "reverse" not in view.wanted()["feature_maps"]  # computed only when asked for
    with qtbot.waitSignal(view.options_changed):
        panel.reverse.box.click()
    assert view.wanted()["feature_maps"]["reverse"] == ["conv1", 2, 4, 4]
    results = pickle.loads(pickle.dumps(session.compute(view.wanted())))  # as it crosses the worker's pipe
    view.show_insights(results)
    found = results["feature_maps"].reverse
    assert found.unit == ("conv1", 2, 4, 4) and found.filter is not None
    assert found.correlation == pytest.approx(correlation(found.estimate, found.filter))
    assert found.correlation >= 0.9  # a first-layer unit: its kernel comes back from noise
    assert panel.reverse.pictures.isVisible()
    assert f"correlation with its real filter {found.correlation:.2f}" in panel.reverse.text.text()
    click_unit(panel, "conv2", 0, 1, 1)  # another unit: the old estimate is not shown for it
    assert not panel.reverse.pictures.isVisible()
    results = session.compute(view.wanted())
    view.show_insights(results)
    assert "no single filter" in panel.reverse.text.text()
