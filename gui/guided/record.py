"""Record lesson: a teacher shows something once, and it becomes a guided lesson's steps.

Recording starts from the project as it is (that becomes the lesson's starting project); each
"Record Step" compares what the window shows now with what it showed at the last step and
writes the difference as the step's actions (the view and the project tab in front, the layer
selected, parameters set, the speed, epochs or steps trained); Finish asks for each step's
text and questions and saves an ordinary lesson file, which the guide plays back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.lesson_steps import PANELS
from core.project import ProjectError, atomic_write, project_from_dict


class RecordError(ValueError):
    """What cannot be written as a step; the message says why, for the teacher."""


@dataclass
class Seen:
    """What the window showed at a recorded step."""

    project: dict
    view: str | None  # None: the training dock was hidden
    panel: int
    selection: list[str]
    pace: float
    generation: int | None
    step: int
    actions: list[dict] = field(default_factory=list)


def seen(window) -> Seen:
    tabs, controller = window.view_tabs, window.run_controls.controller
    view = "training" if tabs.currentIndex() == 0 else tabs.currentWidget().objectName()
    return Seen(
        project=window.document.project.to_dict(),
        view=view if window.training_dock.isVisible() else None,
        panel=window.tabs.currentIndex(),
        selection=window.editor.scene.selected_node_ids(),
        pace=window.run_controls.speed.pace,
        generation=controller.generation if controller.active else None,
        step=controller.step if controller.active else 0,
    )


def difference(before: Seen, after: Seen) -> list[dict]:
    """The actions that take the window from `before` to `after` (core.lesson_steps' JSON form)."""
    old, new = before.project, after.project
    structure = lambda p: ([(n["id"], n["kind"]) for n in p["graph"]["nodes"]], p["graph"]["edges"])  # noqa: E731
    if structure(old) != structure(new):
        raise RecordError("the network's layers or wires changed: a step can set parameters, not rebuild the network")
    if old["dataset"]["name"] != new["dataset"]["name"]:
        raise RecordError("the dataset changed: a step can set the dataset's parameters, not choose another one")
    actions: list[dict] = []
    for a, b in zip(old["graph"]["nodes"], new["graph"]["nodes"], strict=True):
        for name, value in b.get("params", {}).items():
            if a.get("params", {}).get(name) != value:
                actions.append({"set": f"{b['id']}.{name}", "value": value})
    for owner, a, b in (("dataset", old["dataset"]["params"], new["dataset"]["params"]),
                        ("training", old["training"], new["training"])):  # fmt: skip
        actions += [{"set": f"{owner}.{name}", "value": value} for name, value in b.items() if a.get(name) != value]
    if after.view is not None and after.view != before.view:
        actions.append({"view": after.view})
    if after.panel != before.panel:
        actions.append({"panel": PANELS[after.panel]})
    if len(after.selection) == 1 and after.selection != before.selection:
        actions.append({"select": after.selection[0]})
    if after.pace != before.pace:
        actions.append({"speed": after.pace})
    fresh = after.generation != before.generation
    if fresh and before.generation is not None:
        actions.append({"reset": True})
    step = 0 if fresh else before.step
    if after.generation is not None and after.step > step:  # steps, not epochs: it replays exactly
        actions.append({"run_steps": after.step - step})
    return actions


class Recorder(QObject):
    message = Signal(str)  # for the status bar
    recording_changed = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.start_project: dict | None = None
        self.steps: list[Seen] = []
        self.dialog: StepTexts | None = None

    @property
    def recording(self) -> bool:
        return self.start_project is not None

    def start(self) -> None:
        """From now on: the project as it is now is the lesson's start, and its first step shows it."""
        first = seen(self.window)
        first.actions = [{"view": first.view}] if first.view else []
        if len(first.selection) == 1:
            first.actions.append({"select": first.selection[0]})
        self.start_project, self.steps = first.project, [first]
        self.recording_changed.emit(True)
        self.message.emit(self.tr("Recording a lesson: show the next thing, then Record Step (Ctrl+Shift+R)"))

    def record_step(self) -> bool:
        if not self.recording:
            self.start()
            return True
        now = seen(self.window)
        try:
            now.actions = difference(self.steps[-1], now)
        except RecordError as err:
            QMessageBox.information(
                self.window, self.tr("Record Step"), self.tr("Not recorded: %1.").replace("%1", str(err))
            )
            return False
        self.steps.append(now)
        self.message.emit(self.tr("Recorded step %1").replace("%1", str(len(self.steps))))
        return True

    def cancel(self) -> None:
        self.start_project, self.steps = None, []
        self.recording_changed.emit(False)

    def finish(self) -> StepTexts | None:
        """Ask for the steps' texts, then where to save the lesson."""
        if not self.recording:
            return None
        self.dialog = StepTexts(self.window, [step.actions for step in self.steps])
        self.dialog.accepted.connect(self._texts_written)
        self.dialog.open()
        return self.dialog

    def lesson(self, texts: list[dict]) -> dict:
        """The lesson file's contents: the starting project with the recorded steps and these texts."""
        raw = dict(self.start_project)
        raw["version"] = 3
        raw["steps"] = [
            {**text, "actions": step.actions} if step.actions else text
            for text, step in zip(texts, self.steps, strict=True)
        ]
        project_from_dict(raw)  # what the guide reads back, or a ProjectError saying why not
        return raw

    def save(self, path: str, texts: list[dict]) -> None:
        """Write the lesson; raises ProjectError or OSError."""
        import json

        atomic_write(path, json.dumps(self.lesson(texts), indent=2, ensure_ascii=False))
        self.cancel()

    def _texts_written(self) -> None:
        texts = self.dialog.texts()
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the lesson"), self.window.files.folder, self.tr("Lessons (*.json)")
        )
        if not path:
            return
        if not path.endswith(".json"):
            path += ".json"
        try:
            self.save(path, texts)
        except (ProjectError, OSError) as err:
            QMessageBox.warning(self.window, self.tr("Cannot save the lesson"), str(err))
            return
        self.message.emit(self.tr("Saved the lesson to %1: open it to play it back").replace("%1", path))


def describe(action: dict) -> str:
    """An action as the teacher reads it in the texts dialog: "set fc2.out_features = 3"."""
    if "set" in action:
        return f"{action['set']} = {action['value']}"
    ((kind, value),) = action.items()
    return kind.replace("_", " ") if value is True else f"{kind.replace('_', ' ')} {value}"


class StepTexts(QDialog):
    """A title, a text and one question with its answer for every recorded step."""

    def __init__(self, parent: QWidget, actions: list[list[dict]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("The lesson's texts"))
        self.resize(640, 560)
        self.rows: list[tuple[QLineEdit, QPlainTextEdit, QLineEdit, QLineEdit]] = []
        body = QWidget()
        column = QVBoxLayout(body)
        for number, done in enumerate(actions, 1):
            box = QGroupBox(self.tr("Step %1").replace("%1", str(number)))
            form = QFormLayout(box)
            does = QLabel(" · ".join(describe(action) for action in done) or self.tr("nothing: the lesson as it opens"))
            does.setWordWrap(True)
            does.setStyleSheet("color: #546e7a")
            form.addRow(self.tr("Does"), does)
            row = (QLineEdit(), QPlainTextEdit(), QLineEdit(), QLineEdit())
            row[1].setFixedHeight(row[1].fontMetrics().lineSpacing() * 4 + 12)
            for label, widget in zip(
                (self.tr("Title"), self.tr("Text"), self.tr("Question"), self.tr("Answer")), row, strict=True
            ):
                form.addRow(label, widget)
            column.addWidget(box)
            self.rows.append(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def texts(self) -> list[dict]:
        out = []
        for title, text, question, answer in self.rows:
            entry = {"title": title.text().strip()} if title.text().strip() else {}
            entry["text"] = text.toPlainText().strip()
            if question.text().strip() and answer.text().strip():
                entry["questions"] = [{"question": question.text().strip(), "answer": answer.text().strip()}]
            out.append(entry)
        return out

    def _check(self) -> None:
        missing = [str(i + 1) for i, entry in enumerate(self.texts()) if not entry["text"]]
        if missing:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Write a text for step %1.").replace("%1", ", ".join(missing))
            )
            return
        self.accept()
