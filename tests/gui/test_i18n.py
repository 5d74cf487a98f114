"""Spanish and English: the catalogue is complete and compiled, the language is chosen as the
system, the settings and the command line say, and switching keeps the project and the run."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
)

from gui import i18n, i18n_build
from gui.views.registry import VIEWS

TS = i18n.TRANSLATIONS / "neurona_es.ts"
QM = i18n.TRANSLATIONS / "neurona_es.qm"

# Names that are the same in Spanish: layer kinds (PyTorch's names), optimisers, datasets, units
SAME_IN_BOTH = {
    "adam", "adamw", "sgd", "rmsprop", "adagrad", "nesterov", "relu", "leakyrelu", "elu", "gelu", "tanh", "sigmoid",
    "softmax", "linear", "flatten", "reshape", "conv1d", "conv2d", "maxpool2d", "avgpool2d", "dropout", "sparsity",
    "batchnorm", "rnn", "gru", "lstm", "add", "concat", "input", "output", "step", "mnist", "fashion", "cifar",
    "gaussiannoise",  # a layer kind
    "onnx", "csv", "pytorch", "cpu", "cuda", "mps", "auto", "neurona", "gabor", "xor", "l1", "l2", "f5", "f10",
    "ctrl", "x", "p", "lr", "mlp", "cnn", "default", "english",
    "exp", "cos", "sin", "eps", "pca", "sobel", "mse",  # mathematical names
    "series", "diverge", "pooling", "universal",  # Spanish words spelt as English ones (pooling: the lessons' own)
}  # fmt: skip


TRANSLATED_VIEWS = ("training", *(spec.name for spec in VIEWS))  # every tab of the bottom dock


def english_only_words() -> set[str]:
    """Words of the catalogue's English, and of every string written in gui/, that the Spanish
    catalogue never uses: a visible one means an English text."""
    english, spanish = set(), set()
    for path in (Path(i18n_build.ROOT) / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
                english |= set(_words(node.value))  # sentences only: names and keys are not shown as such
    for message in ET.parse(TS).getroot().iter("message"):
        english |= set(_words(message.findtext("source", "")))
        translation = message.find("translation")
        spanish |= set(_words("".join(translation.itertext()) if translation is not None else ""))
    return english - spanish - SAME_IN_BOTH


def _words(text: str) -> list[str]:
    """Words of a text, leaving out tags, mnemonics and names with digits or underscores (act2, h_t)."""
    tokens = re.findall(r"[A-Za-zÀ-ÿ0-9_]+", re.sub(r"<[^>]+>|&\w+;|&(?=\w)", "", text))
    return [t.lower() for t in tokens if len(t) > 1 and not re.search(r"[\d_]", t)]


def test_the_catalogue_covers_the_code_and_every_entry_is_translated(tmp_path):
    """lupdate run again over the code finds nothing new and nothing unfinished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n_build.update(copy)
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), "run: python -m gui.i18n_build"
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    built = tmp_path / "neurona_es.qm"
    i18n_build.release(TS, built)
    assert built.read_bytes() == QM.read_bytes(), "run: python -m gui.i18n_build"


def test_core_names_shown_in_the_interface_are_listed_for_translation():
    from core.data.catalog import KINDS as DATASETS
    from core.data.catalog import dataset_params, dataset_title
    from core.network.layers import KINDS as LAYERS
    from core.train_config import TRAIN_PARAMS
    from gui import terms
    from gui.views.registry import VIEWS

    names = {p.name for p in TRAIN_PARAMS}
    names |= {p.name for kind in (*LAYERS.values(), *DATASETS.values()) for p in kind.params}
    names |= {p.name for kind in DATASETS for p in dataset_params(kind)}
    assert {name.replace("_", " ") for name in names} <= set(terms.PARAMS)
    assert {dataset_title(kind.name) for kind in DATASETS.values()} <= set(terms.DATASETS)
    assert {kind.group for kind in DATASETS.values()} <= set(terms.DATASET_GROUPS)
    assert {kind.help for kind in DATASETS.values()} <= set(terms.DATASET_HELP)
    assert {kind.help for kind in LAYERS.values()} <= set(terms.LAYER_HELP)
    assert {spec.title for spec in VIEWS} | {spec.help for spec in VIEWS} <= set(terms.VIEWS)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "es", "LANG": "C.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:es", "LANG": "fr_FR.UTF-8"}, "es"),
        ({"LC_ALL": "es_AR.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(environ, expected):
    assert i18n.system_language(environ) == expected


def test_the_command_line_wins_over_the_setting_which_wins_over_the_system():
    class Settings:
        def __init__(self, value):
            self.value_ = value

        def value(self, key, default):
            return self.value_

    assert i18n.chosen_language("en", Settings("es"), {"LANG": "es_ES"}) == "en"
    assert i18n.chosen_language(None, Settings("es"), {"LANG": "en_US"}) == "es"
    assert i18n.chosen_language(None, Settings(""), {"LANG": "es_ES"}) == "es"
    assert i18n.chosen_language(None, None, {}) == "en"


@pytest.fixture
def spanish(qapp):
    assert i18n.install_language("es")
    yield
    i18n.install_language("en")


def visible_texts(window) -> list[tuple[str, str]]:
    """Every text a person can read in the window: labels, buttons, tabs, dock titles, menus and
    their entries, placeholders, the dashboard's axis labels."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            found.append((type(widget).__name__, widget.text()))
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible():
            found.append(("placeholder", edit.placeholderText()))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            found += [("tab", bar.tabText(i)) for i in range(bar.count())]
    for dock in window.findChildren(QDockWidget):
        found.append(("dock", dock.windowTitle()))
    for box in window.findChildren(QComboBox):
        if box.isVisible():
            found.append(("combo", box.currentText()))
    menus = [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        found.append(("menu", menu.title()))
        for action in menu.actions():
            if action.menu() is not None and action.menu() is not window.lessons_menu:  # lessons: tested apart
                menus.append(action.menu())
            elif action.text() and not action.isSeparator() and menu not in (window.recent_menu, window.lessons_menu):
                found.append(("action", action.text()))
    curves = window.run_controls.dashboard.curves
    for plot in (curves.loss_plot, curves.accuracy_plot, curves.lr_plot):
        for side in ("left", "bottom"):
            found.append(("axis", plot.getAxis(side).labelText))
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            found.append(("group", box.title()))
    for listing in window.findChildren(QListWidget):
        if listing.isVisible():
            found += [("list", listing.item(i).text()) for i in range(listing.count())]
    return found + drawn_texts(window)


def drawn_texts(window) -> list[tuple[str, str]]:
    """The texts drawn in the visible plots: titles, axis labels, legends, labels on the picture
    (pyqtgraph draws each as a QGraphicsTextItem)."""
    found = []
    for view in window.findChildren(QGraphicsView):
        if view.isVisible() and view.scene() is not None:
            for item in view.scene().items():
                if isinstance(item, QGraphicsTextItem) and item.isVisible() and item.toPlainText().strip():
                    found.append(("drawn", item.toPlainText()))
    return found


def english_in(window, allowed: set[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    english = english_only_words() - allowed
    found = []
    for where, text in visible_texts(window):
        words = [w for w in _words(text) if w in english]
        if words:
            found.append((where, text, words))
    return found


def test_the_spanish_window_shows_no_english(qtbot, spanish, monkeypatch):
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.dataset_panel.data is not None)
    # a guided lesson: its steps' panel is walked too, in Spanish
    window.files.open_lesson(i18n_build.ROOT / "assets" / "lessons" / "folding_circles.json")
    qtbot.waitUntil(lambda: window.dataset_panel.data is not None and window.dataset_panel.data.name == "circle")
    window.show_view("training")
    window.editor.select(["fc1"])  # the Layer tab shows a layer's settings and help
    for index in range(window.tabs.count()):  # every tab of the Project panel
        window.tabs.setCurrentIndex(index)
        found = english_in(window)
        assert found == [], "\n".join(map(str, found))
    assert window.menuBar().actions()[0].text() == "&Archivo"
    assert window.run_controls.dashboard.curves.loss_plot.getAxis("left").labelText == "pérdida"
    for view in TRANSLATED_VIEWS:  # every view, before training (with pictures: the test below)
        window.show_view(view)
        qtbot.wait(50)
        found = english_in(window)
        assert found == [], (view, found)
    window.tabs.setCurrentIndex(1)
    assert window.inspector.help.text() == "Totalmente conectada: cada salida ve todas las entradas"
    assert "Plegar el plano: seis capas de dos neuronas" in window.about.text()


def test_the_check_finds_english_where_there_is_some(qtbot):
    """The walker is not blind: the same window in English is full of English words."""
    from gui.main_window import MainWindow

    i18n.install_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    words = {w for _, _, found in english_in(window) for w in found}
    assert {"file", "training", "layers", "project"} <= words


def test_switching_language_keeps_the_project_and_the_run(window_thread, qtbot):
    window = window_thread
    window.files.open_lesson(i18n_build.ROOT / "assets" / "lessons" / "spiral_mlp.json")
    qtbot.waitUntil(lambda: window.dataset_panel.data is not None and window.dataset_panel.data.name == "spiral")
    project = window.project
    window._setting_edited("epochs", 100_000)  # a run that cannot finish while the test looks at it
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: window.run_controls.controller.step > 0, timeout=20000)
    generation = window.document.generation
    spanish = next(a for a in window.language_menu.actions() if a.data() == "es")
    spanish.trigger()
    try:  # the language change reaches each window as a posted event (other tests' windows may be alive)
        qtbot.waitUntil(lambda: window.run_controls.run_action.text() == "&Pausa")  # running, said in Spanish
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.tabs.tabText(2) == "Datos"
        assert window.project is project and window.document.generation == generation
        assert window.run_controls.controller.state == "running"
        assert window.settings.value("language") == "es"  # remembered for the next start
        assert (
            window.run_controls.settings.form.layout_.labelForField(
                window.run_controls.settings.form.widgets["lr"]
            ).text()
            == "tasa de aprendizaje"
        )
        assert "tasa de aprendizaje 0,02, 100000 épocas" in window.about.text()  # a decimal comma
        assert "MLP sobre la espiral" in window.about.text()  # the lesson's own Spanish
        curves = window.run_controls.dashboard.curves  # built in English, said in Spanish now
        assert curves.loss_plot.getAxis("left").labelText == "pérdida" and curves.log_scale.text() == "escala log."
        legend = [label.text for _, label in curves.loss_plot.plotItem.legend.items]
        assert "entrenamiento, cada paso" in legend and "prueba, época" in legend
        assert window.run_controls.dashboard.boundary.show_test.text() == "puntos de prueba"
        undo, redo = (a.text() for a in window.undo_actions)  # the edit's own name stays as the editor wrote it
        assert undo.startswith("&Deshacer ") and redo == "&Rehacer"
        assert (
            window.undo_actions[0] in window.edit_menu.actions() and window.undo_actions[0] in window.toolbar.actions()
        )
        lessons = [action.text() for action in window.lessons_menu.actions()]
        assert "El perceptrón y el MLP" in lessons and any(t.startswith("Perceptrón: una recta") for t in lessons)
        assert window.run_controls.device_label.text() == "dispositivo: cpu"
        window.editor.node_selected.emit("fc1")
        window.inspector.show_node(window.project.graph, "fc1")
        spanish_help = window.inspector.help.text()
    finally:
        next(a for a in window.language_menu.actions() if a.data() == "en").trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    qtbot.waitUntil(lambda: window.run_controls.device_label.text() == "device: cpu")  # back in English too
    assert window.inspector.help.text() != spanish_help and "every output" in window.inspector.help.text()
    assert window.run_controls.controller.state == "running"


def test_node_summaries_say_in_english_what_core_says_and_in_spanish_the_same_facts(qapp):
    from core.network.layers import KINDS
    from gui.editor.summaries import node_summary

    variants = [{}, {"stride": 2}, {"groups": 2}, {"output": "all"}, {"p": 0.25}, {"loss": "mse"}, {"loss": "bce"}]
    variants += [{"out_features": 1}, {"hidden_size": 1}, {"out_channels": 1}]  # "1 unit", not "1 units"
    i18n.install_language("en")
    for name, kind in KINDS.items():
        defaults = {p.name: p.default for p in kind.params}
        for change in variants:
            params = defaults | {k: v for k, v in change.items() if k in defaults}
            assert node_summary(name, params) == kind.summary(params), name
    assert i18n.install_language("es")
    try:
        conv = {p.name: p.default for p in KINDS["Conv2d"].params} | {"out_channels": 6, "kernel_size": 5, "stride": 2}
        assert node_summary("Conv2d", conv) == "6 filtros 5×5, zancada 2"
        assert node_summary("Output", {"loss": "cross_entropy"}) == "entropía cruzada"
        assert node_summary("LeakyReLU", {"negative_slope": 0.01}) == "pendiente 0,01"
        assert node_summary("Linear", {"out_features": 1, "bias": True}) == "1 unidad"
        assert node_summary("Linear", {"out_features": 3, "bias": True}) == "3 unidades"
    finally:
        i18n.install_language("en")


@contextmanager
def window_at_1280(qtbot, language: str):
    """The main window in `language`, 1280×720 wide and shown; English again afterwards."""
    from gui.main_window import MainWindow

    assert i18n.install_language(language)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        yield window
    finally:
        i18n.install_language("en")


def assert_toolbar_fits(window) -> None:
    """Every toolbar item visible and inside the toolbar, none behind its » menu."""
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        if widget is not None:
            assert widget.isVisible(), action.iconText()
            assert widget.geometry().right() <= window.toolbar.width(), action.iconText()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_toolbar_fits_a_1280_wide_projector_in_presentation_mode(qtbot, language):
    """Nothing in the toolbar hides behind its » menu: Run, Step, Reset and Speed stay one click away."""
    with window_at_1280(qtbot, language) as window:
        window.set_presentation(True)
        qtbot.waitUntil(lambda: window.toolbar.width() >= 1200)
        assert_toolbar_fits(window)
        window.set_presentation(False)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_long_edit_name_keeps_the_toolbar_within_1280(qtbot, language, monkeypatch):
    """Undo and Redo show their short names in the toolbar, the edit's own name in their tooltips:
    "Redo Change the function dataset's settings" used to push Lessons behind the » menu."""
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    with window_at_1280(qtbot, language) as window:
        qtbot.waitUntil(lambda: window.toolbar.width() >= 1200)
        stack = window.document.undo_stack
        for name in ("Change the function dataset's settings", "Draw a function as the dataset"):
            stack.push(QUndoCommand(name))
        stack.undo()
        undo, redo = window.undo_actions
        assert "Draw" not in undo.iconText() and "Draw" in redo.toolTip() and "settings" in undo.toolTip()
        assert "Draw" in redo.text()  # the Edit menu keeps the whole name
        qtbot.wait(50)
        assert_toolbar_fits(window)
        stack.clear()  # nothing to save when the window closes


# a lesson each view is meant for (the explorers need none: a lesson without a problem on the canvas)
LESSON_FOR = {
    "folding": "folding_circles",
    "hidden": "two_hidden_neurons",
    "activations": "digits_cnn",
    "weights": "digit_templates",
    "filters": "gabor_filters",
    "gradients": "vanishing_relu",
    "confusion": "digits_cnn",
    "maximise": "digits_cnn",
    "through_time": "adding_lstm",
    "generate": "sine_generation",
    "landscape": "spiral_landscape",
    "activation_functions": "folding_circles",
    "gabor": "folding_circles",
    "convolution": "conv_matrix",
    "optimizer_lab": "folding_circles",
    "dropout": "dropout_small_data",
    "backprop": "hidden_lines",
    "minima": "rare_minima",
    "positions": "key_position_mlp",
    "neurons": "hidden_lines",
    "approximation": "universal_approximation",
    "reconstruct": "denoising_autoencoder",
}  # lessons without guided steps: those are English only so far (tested apart)


def test_every_view_is_listed_for_the_spanish_walk():
    assert set(LESSON_FOR) == {spec.name for spec in VIEWS}


@pytest.mark.parametrize("name", list(LESSON_FOR))
def test_each_view_with_its_pictures_shows_no_english_in_spanish(spanish, window_thread, qtbot, name):
    """Each view after a training step (or, for the explorers, as they open and with their other
    pages and lessons), its plots' titles, axes and legends included: no English word."""
    window = window_thread
    window.files.open_lesson(i18n_build.ROOT / "assets" / "lessons" / f"{LESSON_FOR[name]}.json")
    qtbot.waitUntil(lambda: window.document.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.document.data.name == window.project.dataset, timeout=20000)
    names = {w for node in window.project.graph.nodes for w in _words(node)}  # the project's own names
    view = window.show_view(name)
    if view.wanted():
        window.run_controls.step()
        qtbot.waitUntil(lambda: view in window.view_tabs.delivered, timeout=30000)
    if name == "landscape":
        window.run_controls.step()
        qtbot.waitUntil(lambda: window.run_controls.controller.state == "paused", timeout=20000)
        view.grid.setCurrentIndex(0)  # 17×17: quick
        view.compute()
        qtbot.waitUntil(lambda: view.picture is not None and view.working is None, timeout=60000)
    qtbot.wait(100)
    pages = [lambda: None]
    if name == "convolution":
        pages += [lambda: view.tabs.setCurrentIndex(1), lambda: view.source.setCurrentIndex(1)]
    if name == "optimizer_lab":
        pages += [lambda: view.load_lesson(view.lessons[0]), lambda: view.load_lesson(view.lessons[-1])]
    for show in pages:
        show()
        qtbot.wait(50)
        found = english_in(window, names)
        assert found == [], (name, found)
    if name not in ("gabor", "backprop", "neurons"):  # the others draw words in plots: the walk must see them
        assert drawn_texts(window), name
    if name == "optimizer_lab":
        view.play(False)


def test_a_language_switch_retells_the_open_views_and_keeps_what_was_chosen(window, qtbot):
    """The explorers are built afresh in the new language with their settings, drawings and race kept."""
    conv = window.show_view("convolution")
    conv.choose_preset("Laplacian")
    conv.stride.setValue(2)
    conv.padding.setCurrentIndex(conv.padding.findData("same"))
    conv.select(1, 2)
    conv.kernel.item(0, 0).setText("3")  # typed by hand
    kernel = conv.kernel.values.copy()
    functions = window.show_view("activation_functions")
    functions.boxes["ReLU"].setChecked(False)
    functions.range.setValue(12.0)
    gabor = window.show_view("gabor")
    gabor.set_value("tau", 1.0)
    tau = gabor.value("tau")
    lab = window.show_view("optimizer_lab")
    lab.load_lesson(lab.lessons[0])
    lab.play(False)
    steps = lab.race.step_count
    next(a for a in window.language_menu.actions() if a.data() == "es").trigger()
    try:
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Archivo")
        views = window.view_tabs.views
        conv, functions, gabor, lab = (
            views[n] for n in ("convolution", "activation_functions", "gabor", "optimizer_lab")
        )
        assert conv.tabs.tabText(0) == "Ventana deslizante" and conv.presets.currentText() == "laplaciano"
        assert (conv.kernel.values == kernel).all() and conv.stride.value() == 2 and conv.cell == (1, 2)
        assert conv.kernel.values[0, 0] == 3 and conv.preset_help.text() == "editado a mano"
        assert conv.padding.currentData() == "same" and conv.padding.currentText() == "igual"
        assert not functions.boxes["ReLU"].isChecked() and functions.range.value() == 12.0
        assert functions.slope_plot.getPlotItem().titleLabel.text == "f′(z), por autograd"
        assert abs(gabor.value("tau") - tau) < 1e-12
        assert lab.race.step_count == steps and lab.step_button.text() == "Paso"
        assert lab.lesson_text.text().startswith("<b>El momento en un barranco</b>")  # the lesson's own Spanish
    finally:
        next(a for a in window.language_menu.actions() if a.data() == "en").trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert window.view_tabs.views["convolution"].stride.value() == 2


def test_core_messages_follow_the_interface_language(spanish):
    """The app's translator answers core's messages too (the canvas's problems, the explorer's errors)."""
    from core.convolution.explorer import ConvError, ConvSettings
    from core.network.graph import Graph, infer

    assert str(infer(Graph()).problems[0]) == "la red no tiene Input — arrastra una capa Input al lienzo"
    with pytest.raises(ConvError, match="La zancada debe ser al menos 1"):
        ConvSettings(stride=0)
    graph = Graph()
    graph.add_node("Input", "x", {"shape": [1, 8, 8]})
    graph.add_node("Linear", "fc", {"out_features": 3})
    graph.add_node("Output", "out", {"loss": "mse"})
    graph.add_edge("x", "fc")
    graph.add_edge("fc", "out")
    (problem,) = infer(graph).problems
    assert "espera una entrada plana pero recibe 1×8×8 — inserta Flatten" in str(problem)
    i18n.install_language("en")
    assert str(infer(Graph()).problems[0]) == "the network has no Input — drag an Input layer onto the canvas"


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["--lang", "es", "check", "."], {}, "es una carpeta, no un archivo de proyecto"),
        (["check", "."], {"LANGUAGE": "es"}, "es una carpeta, no un archivo de proyecto"),
        (["check", "."], {"LANGUAGE": "", "LC_ALL": "", "LANG": "en_US.UTF-8"}, "is a folder, not a project file"),
        (["--lang", "en", "check", "."], {"LANGUAGE": "es"}, "is a folder, not a project file"),
    ],
)
def test_the_command_line_speaks_the_language_asked_for(args, environ, expected, tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")} | environ
    done = subprocess.run(
        [sys.executable, str(i18n_build.ROOT / "main.py"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and expected in done.stderr, done.stderr


def test_the_screenshot_verb_reports_in_the_language_of_its_window(tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "LANGUAGE": "en"}
    lesson = i18n_build.ROOT / "assets" / "lessons" / "perceptron.json"
    done = subprocess.run(
        [
            sys.executable,
            str(i18n_build.ROOT / "main.py"),
            "open",
            str(lesson),
            "--lang",
            "es",
            "--screenshot",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0 and f"guardado {out} (1280x800)" in done.stdout, done.stderr
    assert out.stat().st_size > 0


def test_plot_axes_write_numbers_the_readers_way(spanish):
    import pyqtgraph as pg

    from gui.widgets.step_axis import StepAxis

    axis = pg.AxisItem("left")
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
    axis.setLabel("unidad")
    axis.autoSIPrefixScale = 1000.0
    assert "(x0,001)" in axis.labelString()
    assert StepAxis().tickStrings([12000.0], 1.0, 1000.0) == ["12.000"]
    i18n.install_language("en")
    assert axis.tickStrings([0.5], 1.0, 0.5) == ["0.5"] and "(x0.001)" in axis.labelString()


def test_core_words_of_the_views_are_listed_for_translation():
    """What the views show from core (gates, kernels, choices, the lab's surfaces, optimisers,
    settings and lesson labels) is in the lists lupdate reads: a new name there fails here."""
    from core.convolution.kernels import PRESETS
    from core.data.catalog import KINDS as DATASETS
    from core.network.layers import KINDS as LAYERS
    from core.optimizers import OPTIMIZERS
    from core.optlab.functions import SURFACES, make_surface
    from core.optlab.lessons import lab_lessons
    from core.probes.recurrent import GATE_NAMES
    from core.train_config import TRAIN_PARAMS
    from gui import terms
    from gui.views.optlab import words

    assert set(GATE_NAMES.values()) <= set(terms.GATES)
    assert set(PRESETS) | {help_ for help_, _ in PRESETS.values()} <= set(terms.KERNEL_PRESETS)
    params = [*TRAIN_PARAMS, *(p for kind in (*LAYERS.values(), *DATASETS.values()) for p in kind.params)]
    assert {c for p in params if p.type == "choice" for c in p.choices} <= set(terms.CHOICES)
    surfaces = [make_surface(name) for name in SURFACES if name != "quadratic"]
    assert {s.title for s in surfaces} <= set(words.SURFACE_TITLES)
    assert {make_surface(name).note for name in SURFACES} <= set(words.NOTES)
    names = {"SGD", "Nesterov", "AdaGrad", "RMSProp", "Adam", "AdamW", "L-BFGS", "Newton"}  # the same in Spanish
    assert {o.title for o in OPTIMIZERS.values()} <= set(words.OPTIMIZER_TITLES) | names
    assert {o.help for o in OPTIMIZERS.values()} <= set(words.OPTIMIZER_HELP)
    assert {s.help for o in OPTIMIZERS.values() for s in o.settings} <= set(words.SETTING_HELP)
    symbols = {"lr", "eps", "alpha", "beta", "beta1", "beta2"}
    shown = {s.name.replace("_", " ") for o in OPTIMIZERS.values() for s in o.settings}
    assert shown <= set(words.SETTING_NAMES) | symbols
    labels = {r.label for lesson in lab_lessons() for r in lesson.racers if r.label}
    assert labels <= set(words.LABELS) | names


def test_a_language_switch_keeps_the_sample_a_view_was_showing(window, qtbot):
    window.files.open_lesson(i18n_build.ROOT / "assets" / "lessons" / "digits_cnn.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "digits", timeout=20000)
    filters = window.show_view("filters")
    filters.sort.setChecked(True)
    maximise = window.show_view("maximise")
    activations = window.show_view("activations")
    activations.maps.sample.setValue(5)
    activations.maps.right.setValue(1)
    unit = maximise.layer.currentData()
    next(a for a in window.language_menu.actions() if a.data() == "es").trigger()
    try:
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Archivo")
        views = window.view_tabs.views
        assert views["activations"] is not activations  # built afresh in Spanish...
        assert views["activations"].maps.sample.value() == 5 and views["activations"].maps.right.value() == 1
        assert views["activations"].wanted()["feature_maps"]["sample"] == 5  # ...asking for the same sample
        assert views["filters"].sort.isChecked() and views["filters"].sort.text() == "mejores ajustes primero"
        assert views["maximise"].layer.currentData() == unit
    finally:
        next(a for a in window.language_menu.actions() if a.data() == "en").trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")


def test_run_names_in_the_runs_dock_come_in_the_readers_language(spanish):
    from core.project import load_project
    from core.run.changes import change_text
    from core.run.history import KeptRun

    project = load_project(i18n_build.ROOT / "assets" / "lessons" / "depth_sigmoid.json")
    other = load_project(i18n_build.ROOT / "assets" / "lessons" / "depth_sigmoid.json")
    other.training = other.training.replace(batch_size=64)
    assert change_text(None, project) == "primera ejecución"
    assert change_text(project, project) == "mismos ajustes"
    assert change_text(project, other) == "tamaño del lote 32 → 64"  # the forms' own name for batch_size
    faster = project.copy()
    faster.training = faster.training.replace(lr=0.5)
    assert change_text(project, faster) == f"tasa de aprendizaje {project.training.lr:g} → 0.5".replace(".", ",")
    halves = load_project(i18n_build.ROOT / "assets" / "lessons" / "transfer_digits.json")
    other_half = halves.copy()
    other_half.set_dataset("digits", {**halves.dataset_params, "images": "second half"})
    assert change_text(halves, other_half) == "datos imágenes primera mitad → segunda mitad"  # the forms' words
    assert KeptRun(1, 1, project, [], {}, "finished", 10).title == "Ejecución 1"
    run = KeptRun(3, 1, project, [], {}, "finished", 0, changes=change_text(None, project))
    assert (run.title, run.label) == ("Ejecución 3", "Ejecución 3: primera ejecución")  # not "Run 3"
    run.name = "rápida"
    assert run.title == "rápida"
