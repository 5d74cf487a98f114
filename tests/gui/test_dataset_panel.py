"""The dataset panel: choose, configure, preview, fit the network, download."""

import numpy as np
import pyqtgraph as pg
import pytest
from conftest import LESSONS
from format_files import mnist_folder
from input_events import wheel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from gui.dataset.preview import tile_images


@pytest.fixture
def window(window, qtbot):
    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "spiral")
    return window


def choose(window, qtbot, name):
    panel = window.dataset_panel
    with qtbot.waitSignal(panel.data_loaded, timeout=20000):
        panel.kind.setCurrentIndex(panel.kind.findData(name))
        panel.kind.activated.emit(panel.kind.currentIndex())


def test_2d_preview_draws_every_point_in_its_class_colour(window):
    data = window.dataset_panel.data
    scatters = window.dataset_panel.preview.scatters
    drawn = np.concatenate([np.c_[s.data["x"], s.data["y"]] for s in scatters])
    assert len(drawn) == len(data.x_train) + len(data.x_test) and len(scatters) == 2 * data.num_classes
    for k in range(data.num_classes):  # each class: its training points filled, then its test points hollow
        train, test = scatters[2 * k], scatters[2 * k + 1]
        assert np.allclose(np.c_[train.data["x"], train.data["y"]], data.x_train[data.y_train == k])
        assert np.allclose(np.c_[test.data["x"], test.data["y"]], data.x_test[data.y_test == k])
        assert test.opts["brush"].color().name() == "#ffffff"


def test_choosing_digits_previews_images_and_fits_the_network(window, qtbot):
    choose(window, qtbot, "digits")
    data = window.dataset_panel.data
    assert window.project.dataset == "digits" and data.input_shape == (1, 8, 8)
    image = next(i for i in window.dataset_panel.preview.plot.items() if isinstance(i, pg.ImageItem))
    assert np.allclose(image.image, tile_images(data.x_train[:32], 8, row_gap=4)[..., 0])
    qtbot.waitUntil(lambda: window.project.graph.nodes["x"].params["shape"] == (1, 8, 8))
    assert window.project.graph.nodes["fc3"].params["out_features"] == 10
    problems = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("expects a flat input but receives 1×8×8 — insert Flatten" in p for p in problems)
    assert "1,258 train / 539 test" in window.dataset_panel.status.text()
    stack = window.document.undo_stack
    assert stack.undoText() == "Use the digits dataset and fit the network to it"
    stack.undo()  # choosing the data and fitting the network to it were one action: one undo step
    assert window.project.dataset == "spiral" and window.project.graph.nodes["x"].params["shape"] == (2,)
    assert window.project.graph.nodes["fc3"].params["out_features"] == 2
    stack.redo()
    assert window.project.dataset == "digits" and window.project.graph.nodes["fc3"].params["out_features"] == 10


def test_changing_a_parameter_reloads_and_is_undoable(window, qtbot):
    spin = window.dataset_panel.form.findChild(QSpinBox, "n_samples")
    with qtbot.waitSignal(window.dataset_panel.data_loaded, timeout=20000):
        spin.setValue(100)
    assert len(window.dataset_panel.data.x_train) + len(window.dataset_panel.data.x_test) == 100
    assert window.isWindowModified()
    with qtbot.waitSignal(window.dataset_panel.data_loaded, timeout=20000):
        window.document.undo_stack.undo()
    assert window.project.dataset_params["n_samples"] == 600 and spin.value() == 600


def test_a_missing_dataset_offers_the_download_and_loads_after_it(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    panel = window.dataset_panel
    panel.kind.setCurrentIndex(panel.kind.findData("mnist"))
    panel.kind.activated.emit(panel.kind.currentIndex())
    qtbot.waitUntil(lambda: "not in the download cache" in panel.status.text(), timeout=20000)
    assert not panel.download.isHidden()  # shown on the Dataset tab
    seen = []

    def fake_fetch(name, cache, progress=None, cancel=None):  # the real one is tested on a local server
        folder = cache / name
        folder.parent.mkdir(parents=True, exist_ok=True)
        mnist_folder(folder, n_train=20, n_test=5)
        for done in (10, 20, 30):
            progress(done, 30)
        seen.append(name)
        return folder

    monkeypatch.setattr("core.data.download.fetch_dataset", fake_fetch)
    with qtbot.waitSignal(panel.data_loaded, timeout=20000):
        panel.download.click()
    assert seen == ["mnist"] and len(panel.data.x_train) == 20 and panel.download.isHidden()


def test_a_csv_file_with_chosen_columns(window, qtbot, tmp_path):
    (tmp_path / "t.csv").write_text("a,b,c,kind\n" + "".join(f"{i},{i % 3},{-i},{'xy'[i % 2]}\n" for i in range(30)))
    with qtbot.waitSignal(window.dataset_panel.data_loaded, timeout=20000):
        window.project.set_dataset("csv", {"file": str(tmp_path / "t.csv"), "features": "a, c", "label": "kind"})
    data = window.dataset_panel.data
    assert data.input_shape == (2,) and data.class_names == ["x", "y"]
    form = window.dataset_panel.form.widgets
    assert form["features"].text() == "a, c" and form["label"].text() == "kind"
    assert form["file"].line.text() == str(tmp_path / "t.csv")


def test_a_zoomed_preview_shows_a_reset_that_puts_the_whole_picture_back(window, qtbot):
    window.tabs.setCurrentIndex(2)  # the Dataset tab
    preview = window.dataset_panel.preview
    qtbot.waitUntil(lambda: preview.plot.isVisible() and window.document.data is not None)
    preview.plot.autoRange()  # the whole picture at the panel's present size
    whole = preview.plot.getViewBox().viewRange()
    assert not preview.zoom_reset.button.isVisible()
    wheel(preview.plot.viewport(), 3)
    assert preview.plot.getViewBox().viewRange() != whole
    assert preview.zoom_reset.button.isVisible()
    qtbot.mouseClick(preview.zoom_reset.button, Qt.MouseButton.LeftButton)
    assert not preview.zoom_reset.button.isVisible()
    assert np.allclose(preview.plot.getViewBox().viewRange(), whole, rtol=0.05)


def test_the_grammar_sentences_preview_their_windows_and_the_language_is_a_choice(window, qtbot):
    choose(window, qtbot, "sentences")
    panel = window.dataset_panel
    data = panel.data
    assert data.name == "sentences" and data.input_shape == (20, 25)
    shown = panel.preview.text.text()
    first = "".join(data.class_names[j] for j in data.x_train[0].argmax(1))
    assert f"“{first}” → “{data.class_names[data.y_train[0]]}”" in shown
    panel.grab().save("/tmp/dataset_sentences.png")


def test_a_text_file_longer_than_what_is_read_says_so(window, qtbot, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("abcdefghij " * 200_000, encoding="utf-8")  # 2.2 million characters
    panel = window.dataset_panel
    with qtbot.waitSignal(panel.data_loaded, timeout=30000):
        window.project.set_dataset("text", {"file": str(path), "n_samples": 100})
    assert panel.data.read_chars == 2_000_000
    assert "its first 2,000,000 characters were read" in panel.status.text()


def test_the_next_character_lesson_follows_the_grammar_into_spanish(window, qtbot):
    window.files.open_lesson(LESSONS / "next_character.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "sentences")
    panel = window.dataset_panel
    language = panel.form.findChild(QComboBox, "language")
    with qtbot.waitSignal(panel.data_loaded, timeout=30000):
        language.setCurrentText("spanish")  # as the user picks it
    data = panel.data
    assert {"ñ", "í"} <= set(data.class_names)  # niña, jardín
    qtbot.waitUntil(lambda: tuple(window.project.graph.nodes["x"].params["shape"]) == data.input_shape)
    assert window.project.graph.nodes["fc"].params["out_features"] == data.num_classes
