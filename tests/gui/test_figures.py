"""Figures for slides: views and the canvas as PNG (at a scale), SVG, the clipboard; the curves as CSV."""

import csv
import subprocess
import sys

import pytest
from conftest import LESSONS, ROOT
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from gui.figures import curves_csv, save_png, save_svg
from gui.views.dashboard.curves import TrainingCurves


@pytest.fixture
def lesson_window(window, qtbot):
    window.files.open_lesson(LESSONS / "hidden_lines.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "logic")
    return window


@pytest.mark.parametrize("scale", [1, 2])
def test_the_canvas_as_png_has_its_size_times_the_scale(lesson_window, tmp_path, scale):
    canvas = lesson_window.view.viewport()
    out = tmp_path / f"canvas{scale}.png"
    lesson_window.figure_export.save("canvas", "png", str(out), scale)
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (canvas.width() * scale, canvas.height() * scale)
    # the network is drawn, not an empty background: many distinct colours
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_a_view_as_svg_opens_at_its_size(lesson_window, qtbot, tmp_path):
    lesson_window.show_view("activation_functions")
    qtbot.wait(50)  # the dock grows and lays the new view out
    view = lesson_window.view_tabs.views["activation_functions"]
    assert view.isVisible() and view.height() > 300
    out = tmp_path / "functions.svg"
    lesson_window.figure_export.save("activation_functions", "svg", str(out))
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    assert renderer.viewBox().size() == view.size()
    assert f'width="{view.width() / 96 * 25.4:.3f}mm"' in out.read_text(encoding="utf-8")  # 96 dpi: screen size
    assert "<path" in out.read_text(encoding="utf-8")  # the curves as vectors, not one bitmap


def test_ctrl_shift_c_copies_the_view_in_front_at_the_chosen_scale(lesson_window, qtbot):
    window = lesson_window
    window.show_view("training")
    qtbot.waitUntil(lambda: window.training_dock.isVisible())
    window.settings.setValue("figures/scale", 2)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    image = QGuiApplication.clipboard().image()
    dashboard = window.view_tabs.dashboard
    assert (image.width(), image.height()) == (dashboard.width() * 2, dashboard.height() * 2)


def test_the_dialog_saves_the_chosen_figure(lesson_window, qtbot, tmp_path, monkeypatch):
    window = lesson_window
    window.show_view("training")
    out = tmp_path / "dash.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = window.figure_export.export_dialog()
    assert dialog.choice()[0] == "training"  # the view in front is offered first
    dialog.scale.setCurrentIndex(dialog.scale.findData(3))
    dialog.save_button.click()
    dashboard = window.view_tabs.dashboard
    assert QImage(str(out)).size() == dashboard.size() * 3
    assert window.settings.value("figures/scale", type=int) == 3  # remembered for the next time


def test_the_curves_csv_holds_the_curves_own_numbers(qtbot):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.add_steps([1, 2, 3, 4], [0.9, 0.7, 0.123456789012345, 0.5], [0.1, 0.1, 0.05, 0.05])
    curves.add_evaluation(2, 0.75, 0.8, 60.0, 55.5, epoch=1)
    curves.add_evaluation(4, 0.45, 0.6, 90.0, 81.25, epoch=2)
    rows = list(csv.DictReader(curves_csv(curves).splitlines()))
    assert [int(r["step"]) for r in rows] == [1, 2, 3, 4]
    assert float(rows[2]["loss"]) == 0.123456789012345  # every digit, not the drawn pixels
    assert [r["lr"] for r in rows] == ["0.1", "0.1", "0.05", "0.05"]
    assert rows[0]["test_loss"] == "" and rows[0]["epoch"] == ""
    assert (rows[1]["epoch"], rows[1]["train_loss"], rows[1]["test_acc"]) == ("1", "0.75", "55.5")
    assert (rows[3]["epoch"], rows[3]["test_loss"], rows[3]["train_acc"]) == ("2", "0.6", "90.0")


def test_a_widget_saved_into_a_missing_folder_is_an_oserror(qtbot, tmp_path):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.resize(300, 200)
    with pytest.raises(OSError):
        save_png(curves, tmp_path / "missing" / "x.png")
    with pytest.raises(OSError):
        save_svg(curves, tmp_path / "missing" / "x.svg")


def test_screenshot_with_scale(tmp_path):
    out = tmp_path / "shot.png"
    env_run = subprocess.run(
        [sys.executable, "main.py", "open", str(LESSONS / "perceptron.json"), "--screenshot", str(out)]
        + ["--size", "1000x700", "--scale", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert env_run.returncode == 0, env_run.stderr
    assert QImage(str(out)).size().toTuple() == (2000, 1400)
    assert "(2000x1400)" in env_run.stdout
    bad = subprocess.run(
        [sys.executable, "main.py", "open", "--screenshot", str(out), "--scale", "nan"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "--scale" in bad.stderr and "Traceback" not in bad.stderr
