"""The side panel of a guided lesson: the step's number and text, questions for the class with
their answers hidden until clicked, and Back/Next (Page Up/Page Down, which a presentation
clicker sends). It shows itself when the open project has steps and hides otherwise.

The step's words are the reader's language's (core.lesson_steps: a step's "texts"); a language
switch re-renders the step shown, with the answers already revealed still revealed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from gui.guided.guide import Guide
from gui.guided.series import SeriesBar
from gui.i18n import current_language, keep

QUESTION_STYLE = "QFrame#question { background: #f3f7fb; border: 1px solid #c5d5e4; border-radius: 4px; }"


class QuestionBox(QFrame):
    """A question for the class; its answer appears when the button is clicked."""

    def __init__(self, number: int, question: str, answer: str, parent=None):
        super().__init__(parent)
        self.setObjectName("question")
        self.setStyleSheet(QUESTION_STYLE)
        self.number = number
        self.question = _markdown("")
        self.answer = _markdown("")
        self.answer.setStyleSheet("color: #1b5e20")
        self.answer.hide()
        self.reveal = QPushButton()
        self.reveal.clicked.connect(self.show_answer)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.addWidget(self.question)
        column.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.answer)
        self.say(question, answer)

    def say(self, question: str, answer: str) -> None:
        """The question and its answer in the language shown (answered or not, as it was)."""
        label = self.tr("Question %1").replace("%1", str(self.number))  # outside the f-string: lupdate sees it
        self.question.setText(f"**{label}:** {question}")
        self.answer.setText(answer)
        self.reveal.setText(self.tr("Show the answer"))

    @property
    def answered(self) -> bool:
        return not self.answer.isHidden()

    def show_answer(self) -> None:
        self.reveal.hide()
        self.answer.show()


def _markdown(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.MarkdownText)  # *emphasis* and **strong**, as the lesson files write them
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class GuidePanel(QWidget):
    def __init__(self, guide: Guide, parent=None):
        super().__init__(parent)
        self.guide = guide
        self.header = QLabel()
        self.header.setObjectName("step_number")
        self.header.setWordWrap(True)
        self.text = _markdown("")
        self.questions: list[QuestionBox] = []
        self.question_column = QVBoxLayout()
        self.question_column.setSpacing(6)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8d6e00; font-style: italic")
        self.note.hide()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(10)
        column.addWidget(self.text)
        column.addLayout(self.question_column)
        column.addWidget(self.note)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self._name_buttons()
        self.back_button.clicked.connect(guide.back)
        self.next_button.clicked.connect(guide.next)
        for button in (self.back_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the window's shortcuts
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.setContentsMargins(10, 2, 10, 0)
        top.addWidget(self.header, 1)
        layout.addLayout(top)
        self.series_bar = SeriesBar(guide.series)  # a series' progress and its Stop, above the text
        layout.addWidget(self.series_bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        guide.step_shown.connect(self.show_step)
        guide.note.connect(self.show_note)

    def _name_buttons(self) -> None:
        self.back_button.setText(self.tr("◀ Back"))
        self.back_button.setToolTip(self.tr("The previous step, as it was (Page Up)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The next step (Page Down)"))

    def changeEvent(self, event) -> None:  # noqa: N802
        """A new language: the buttons, and the step shown, in it; the step and its answers stay."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._name_buttons()
            self.series_bar.retranslate()
            window = self.guide.window
            if hasattr(self, "record_action"):
                QTimer.singleShot(0, self, lambda: add_record_menu(window, self))  # after the window refills the menu
            if 0 <= self.guide.index < len(self.guide.steps):
                self._say(self.guide.index)

    def show_step(self, index: int) -> None:
        guide = self.guide
        step = self._say(index)
        if not guide.series.active:
            self.series_bar.show_progress("")  # a finished or stopped series' words belong to its step
        for box in self.questions:
            self.question_column.removeWidget(box)
            box.hide()  # at once: deleteLater waits for the event loop, and a clicker may be faster
            box.setParent(None)
            box.deleteLater()
        self.questions = [QuestionBox(i + 1, q.question, q.answer) for i, q in enumerate(step.questions)]
        for box in self.questions:
            self.question_column.addWidget(box)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(guide.steps))

    def _say(self, index: int):
        """The number, title and text of step `index` in the reader's language (and its questions'
        words, where their boxes are built); returns the step in that language."""
        guide = self.guide
        step = guide.steps[index].in_language(current_language())
        number = self.tr("Step %1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(guide.steps)))
        self.header.setText(f"<b>{number}</b>" + (f" · {_escape(step.title)}" if step.title else ""))
        self.text.setText(step.text)
        if len(self.questions) == len(step.questions):
            for box, q in zip(self.questions, step.questions, strict=True):
                box.say(q.question, q.answer)
        return step

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install_guide(window) -> GuidePanel:
    """The guide, its dock above the project's on the right, and Page Up/Page Down on the window."""
    guide = Guide(window)
    panel = GuidePanel(guide)
    dock = QDockWidget(window)
    keep(dock.setWindowTitle, "panel", QT_TRANSLATE_NOOP("panel", "Lesson steps"))
    dock.setObjectName("lesson_steps")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    project_dock = window.findChild(QDockWidget, "project")
    if project_dock is not None:
        window.splitDockWidget(dock, project_dock, Qt.Orientation.Vertical)
    dock.hide()
    panel.dock = dock
    panel.next_action = QAction(window, shortcut=QKeySequence(Qt.Key.Key_PageDown))
    keep(panel.next_action.setText, "panel", QT_TRANSLATE_NOOP("panel", "Next Lesson Step"))
    panel.back_action = QAction(window, shortcut=QKeySequence(Qt.Key.Key_PageUp))
    keep(panel.back_action.setText, "panel", QT_TRANSLATE_NOOP("panel", "Previous Lesson Step"))
    panel.next_action.triggered.connect(guide.next)
    panel.back_action.triggered.connect(guide.back)
    window.addActions([panel.next_action, panel.back_action])

    def opened(project) -> None:
        has_steps = bool(project.steps)
        if has_steps and project_dock is not None and not dock.isFloating():
            _arrange(window, dock, project_dock)
        else:
            window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        dock.setVisible(has_steps)
        if has_steps:
            dock.raise_()
            if not window.isVisible():  # a lesson opened before the window shows (a file on the command line)
                _RaiseWhenShown(window, dock)
        panel.next_action.setEnabled(has_steps)
        panel.back_action.setEnabled(has_steps)

    window.document.project_opened.connect(opened)
    _record_actions(window, panel)
    return panel


def _record_actions(window, panel: GuidePanel) -> None:
    """Lessons → Record: start, record a step (Ctrl+Shift+R), finish with the texts, or cancel."""
    from gui.guided.record import Recorder

    recorder = panel.recorder = Recorder(window)
    recorder.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    panel.record_action = QAction(window, shortcut=QKeySequence("Ctrl+Shift+R"))
    keep(panel.record_action.setText, "panel", QT_TRANSLATE_NOOP("panel", "Record a Lesson (Step)"))
    keep(
        panel.record_action.setStatusTip,
        "panel",
        QT_TRANSLATE_NOOP(
            "panel", "Start a lesson from what is shown now; each press records what changed since as a step"
        ),
    )
    panel.record_action.triggered.connect(recorder.record_step)
    panel.finish_action = QAction(window, enabled=False)
    keep(panel.finish_action.setText, "panel", QT_TRANSLATE_NOOP("panel", "Finish Recording…"))
    panel.finish_action.triggered.connect(recorder.finish)
    panel.cancel_action = QAction(window, enabled=False)
    keep(panel.cancel_action.setText, "panel", QT_TRANSLATE_NOOP("panel", "Cancel Recording"))
    panel.cancel_action.triggered.connect(recorder.cancel)
    window.addAction(panel.record_action)
    add_record_menu(window, panel)

    def changed(on: bool) -> None:
        panel.finish_action.setEnabled(on)
        panel.cancel_action.setEnabled(on)

    recorder.recording_changed.connect(changed)


def add_record_menu(window, panel: GuidePanel) -> None:
    """The "Your own" section at the end of the Lessons menu; again after a language change,
    which rebuilds that menu from the lesson index."""
    menu = window.lessons_menu
    if not isValid(menu) or panel.record_action in menu.actions():
        return
    menu.addSection(QCoreApplication.translate("panel", "Your own"))
    menu.addActions([panel.record_action, panel.finish_action, panel.cancel_action])


class _RaiseWhenShown(QObject):
    """Brings the steps' tab in front once the window is shown: a tab raised before that, while the
    window had not laid out its docks, stays behind the project's."""

    def __init__(self, window, dock: QDockWidget):
        super().__init__(window)
        self.dock = dock
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.dock, self.dock.raise_)
            self.deleteLater()
        return False


ROOMY = (1600, 900)  # a window at least this large keeps the steps and the project's tabs side by side


def _arrange(window, dock: QDockWidget, project_dock: QDockWidget) -> None:
    """In a roomy window the right-hand column runs the window's full height, beside the training
    dock rather than above it, the steps above the project's tabs, so the step's text stays readable
    with a view open. In a smaller one (1280×720 with large text) that column cannot hold both at a
    readable height: the steps become a tab beside the project's, in front, and still run the full
    height (under the training dock they had a strip of five lines, the question out of sight)."""
    right = Qt.DockWidgetArea.RightDockWidgetArea
    roomy = window.width() >= ROOMY[0] and window.height() >= ROOMY[1]
    window.removeDockWidget(dock)
    window.setCorner(Qt.Corner.BottomRightCorner, right)
    if roomy:
        window.addDockWidget(right, dock)
        window.splitDockWidget(dock, project_dock, Qt.Orientation.Vertical)
        QTimer.singleShot(0, lambda: _share_column(window, dock, project_dock))
    else:
        window.tabifyDockWidget(project_dock, dock)


def _share_column(window, dock: QDockWidget, project_dock: QDockWidget) -> None:
    """The steps' text and questions get half the right-hand column, the project's tabs the rest."""
    if dock.isVisible() and not dock.isFloating():
        half = max(200, window.height() // 2 - 40)
        window.resizeDocks([dock, project_dock], [half, half], Qt.Orientation.Vertical)
        if dock.width() < window.width() // 4:  # a wider column: fewer lines to scroll in presentation mode
            window.resizeDocks([dock], [max(330, window.width() // 4)], Qt.Orientation.Horizontal)
