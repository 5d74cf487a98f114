"""Neurona behaves like a desktop application: opened with a file, installed in the menu,
remembering its window, and a mouse wheel that scrolls instead of editing."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from importlib.metadata import entry_points

from conftest import LESSONS, ROOT
from input_events import wheel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from gui.desktop import MIME_TYPE, install_desktop_entry
from gui.main_window import MainWindow


def test_the_wheel_scrolls_the_training_tab_without_changing_an_unclicked_spin_box(window, qtbot):
    window.resize(1280, 600)
    window.tabs.setCurrentWidget(window.run_controls.settings)
    batch = window.run_controls.settings.form.findChild(QSpinBox, "batch_size")
    qtbot.waitUntil(batch.isVisible)
    scroll = window.run_controls.settings.verticalScrollBar()
    before, position = batch.value(), scroll.value()
    wheel(batch, -3)
    assert batch.value() == before and window.document.project.training.batch_size == before
    assert scroll.maximum() == 0 or scroll.value() > position  # the panel scrolled instead
    qtbot.mouseClick(batch, Qt.MouseButton.LeftButton)  # once clicked, the wheel is the user's to use
    qtbot.waitUntil(batch.hasFocus)
    wheel(batch, 1)
    assert batch.value() == before + 1


def test_the_window_opens_maximised_the_first_time_then_as_it_was_left(qtbot, monkeypatch):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show_as_last_time()
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(20, 30, 700, 500)  # inside the offscreen screen (800×600)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show_as_last_time()
    assert not second.isMaximized() and (second.width(), second.height()) == (700, 500)
    second.close()


def test_a_project_file_as_the_only_argument_opens_it(tmp_path):
    out = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "main.py", str(LESSONS / "perceptron.json"), "--screenshot", str(out), "--size", "640x480"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEURONA_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_options_before_the_project_file_open_it_too(monkeypatch):
    """`python main.py --lang es lesson.json` is `open lesson.json --lang es`, not a verb called lesson.json."""
    import main

    opened = {}
    monkeypatch.setattr("gui.app.run_app", lambda project, *args, **kwargs: opened.update(project=project, **kwargs))
    main.main(["--lang", "es", str(LESSONS / "perceptron.json")])
    assert opened["project"] == str(LESSONS / "perceptron.json") and opened["lang"] == "es"


def test_the_neurona_command_is_installed_with_the_package():
    (script,) = entry_points(group="console_scripts", name="neurona")
    assert script.value == "main:main"


def test_install_desktop_writes_an_entry_an_icon_and_a_mime_type(tmp_path, capsys):
    assert install_desktop_entry(tmp_path) == 0
    entry = (tmp_path / "applications" / "neurona.desktop").read_text()
    assert "Exec=" in entry and entry.split("Exec=")[1].split("\n")[0].endswith(" %f")
    assert f"MimeType={MIME_TYPE};" in entry and "Icon=neurona" in entry
    mime = ElementTree.parse(tmp_path / "mime" / "packages" / "neurona.xml").getroot()
    assert mime[0].get("type") == MIME_TYPE
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "neurona.svg").read_text().startswith("<svg")


def test_install_desktop_says_why_when_it_cannot_write(tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert install_desktop_entry(blocked) == 1
    assert "cannot write" in capsys.readouterr().err


def test_the_window_has_neurona_s_icon(window):
    assert not window.windowIcon().isNull() and window.windowIcon().pixmap(32, 32).width() == 32
