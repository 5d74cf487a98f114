"""The plain main window lists the lessons and shows a project's layers."""

from conftest import LESSONS
from PySide6.QtWidgets import QMessageBox

from gui.main_window import MainWindow


def test_lists_every_lesson_and_shows_the_chosen_network(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    lessons = sorted(LESSONS.glob("*.json"))
    assert window.lessons.count() == len(lessons)
    row = [p.stem for p in lessons].index("digits_cnn")
    window.lessons.setCurrentRow(row)
    assert window.title.text() == "A small CNN on handwritten digits"
    cells = [[window.table.item(r, c).text() for c in range(4)] for r in range(window.table.rowCount())]
    assert ["conv1", "Conv2d", "16×8×8", "160"] in cells
    assert "6,090 parameters" in window.summary.text()


def test_a_bad_file_gets_a_message_not_a_traceback(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "neurona-project", "version": 1, "graph": {"nodes": [{"id": "x"')
    assert not window.open_path(str(bad))
    assert shown and "bad.json: the file is not valid JSON" in shown[0]
