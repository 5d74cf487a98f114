"""The main window: palette, canvas and inspector, with the file and edit menus.

It lays out the panels and menus and wires them to the Document, which owns
the open project, its undo stack, its data and the model generation; the
panels subscribe to the Document's signals.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.data.catalog import dataset_title, points_json
from core.lessons import LESSONS, lesson_groups
from core.network.fit import adapt_to_data
from core.project import Project
from gui.dataset.panel import DatasetPanel
from gui.desktop import ICON
from gui.document import Document
from gui.editor.commands import FitToData, SetDataset, SetParam, SetTraining, fmt_value, words
from gui.editor.editor import Editor
from gui.editor.inspector import Inspector
from gui.editor.items import TEXT_SCALE
from gui.editor.palette import Palette
from gui.editor.view import GraphView
from gui.export_actions import ExportActions
from gui.figures import FigureExport
from gui.guided.panel import install_guide
from gui.i18n import current_language, keep, retranslate_kept, translated
from gui.i18n import number as local_number
from gui.language_menu import LanguageMenu
from gui.project_files import ProjectFiles
from gui.settings import Autosave, app_settings
from gui.training.pretrain import PretrainControls
from gui.training.run_controls import RunControls
from gui.training.runs import add_runs_dock
from gui.training.view_tabs import ViewTabs
from gui.transfer import Transfer
from gui.views.registry import VIEW_NAMES, VIEWS
from gui.widgets.text_size import NORMAL_POINT_SIZE
from gui.widgets.wheel_guard import WheelGuard

PRESENTATION_SCALE = 1.6  # on a 1080-line screen; scaled with the screen's height, within the limits below
PRESENTATION_LIMITS = (1.25, 2.0)


def presentation_scale(screen_height: int) -> float:
    """How much presentation mode enlarges the interface: the same share of the wall on any projector.
    A 720-line projector's pixels are already large, and its window has no room for 1.6× text."""
    low, high = PRESENTATION_LIMITS
    return min(high, max(low, PRESENTATION_SCALE * screen_height / 1080))


def lab_lesson_titles() -> list[tuple[str, Path]]:
    """The optimizer lab's lessons, read as plain JSON (the lab itself loads torch, not needed yet)."""
    found = []
    for path in sorted((LESSONS / "lab").glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            title = raw.get("texts", {}).get(current_language(), {}).get("title") or raw["title"]
            found.append((raw.get("order", 99), str(title), path))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return [(title, path) for _, title, path in sorted(found)]


class MainWindow(QMainWindow):
    def __init__(self, autosave: Autosave | None = None) -> None:
        super().__init__()
        self.resize(1280, 800)
        self.setWindowIcon(QIcon(str(ICON)))
        self.settings = app_settings()
        self.wheel_guard = WheelGuard(self)
        QApplication.instance().installEventFilter(self.wheel_guard)
        self.document = doc = Document(autosave or Autosave(), self)
        self.files = ProjectFiles(self, doc, self.settings)

        self.palette = Palette()
        self.inspector = Inspector()
        self.dataset_panel = DatasetPanel()
        self.run_controls = RunControls(self, doc)
        self.exports = ExportActions(self, doc, self.files, self.run_controls.controller)
        self.view = GraphView()
        self.editor = Editor(self.view, self.inspector, doc.undo_stack)
        self.problems = QListWidget()
        self.problems.setStyleSheet("QListWidget { color: #b71c1c; background: #fff5f5; border: 1px solid #ef9a9a; }")
        self.problems.itemClicked.connect(self._problem_clicked)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.view, 1)
        column.addWidget(self.problems)
        self.setCentralWidget(centre)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._docks()
        self.runs = add_runs_dock(self)
        self.pretrain = PretrainControls(self)  # after the Runs dock: it names the runs it started
        self.transfer = Transfer(self)  # layers of another run into this network (gui/transfer.py)
        self.figure_export = FigureExport(self)
        self.figure_export.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.totals = QLabel()
        self.totals.setContentsMargins(16, 0, 4, 0)  # apart from the device, which ends where it begins
        self.statusBar().addPermanentWidget(self.run_controls.device_label)
        self.statusBar().addPermanentWidget(self.totals)

        doc.project_opened.connect(self._project_opened)
        doc.data_loaded.connect(self._data_loaded)
        doc.project_changed.connect(lambda: self.editor.scene.set_training(doc.project.training))
        doc.model_reset.connect(lambda _: self.view_tabs.set_context(doc.project, doc.data))
        doc.title_changed.connect(self._update_title)
        doc.autosave_failed.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.files.recent_changed.connect(lambda _: self._fill_recent())
        self.files.run_opened.connect(self.run_controls.start_when_loaded)
        self.exports.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.palette.layer_activated.connect(self.editor.add_layer)
        self.editor.guard = self.run_controls.guard
        self.run_controls.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.run_controls.run_started.connect(self._show_training)
        self.run_controls.settings.setting_edited.connect(self._setting_edited)
        self.dataset_panel.dataset_edited.connect(self._dataset_edited)
        self.dataset_panel.data_loaded.connect(doc.set_data)
        self.run_controls.dashboard.boundary.point_added.connect(self._point_added)
        self.view_tabs.dataset_edited.connect(self._dataset_edited)  # a function drawn in the Approximation view
        self.editor.node_selected.connect(lambda node_id: self.tabs.setCurrentWidget(self.inspector))
        self._fit_after_load = False
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.inference_changed.connect(self._show_totals)
        self._actions()
        self.set_presentation(self.settings.value("presentation", False, type=bool))
        self.guide_panel = install_guide(self)  # after the panels' own handlers: a step acts on the project shown
        doc.open(Project())

    @property
    def project(self) -> Project:
        return self.document.project

    # ---- layout --------------------------------------------------------------------

    def _docks(self) -> None:
        left = QDockWidget(self)
        keep(left.setWindowTitle, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Layers"))
        left.setObjectName("palette")
        left.setWidget(self.palette)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)
        about_box = QScrollArea()
        about_box.setWidgetResizable(True)
        about_box.setFrameShape(QScrollArea.Shape.NoFrame)
        self.about.setContentsMargins(8, 8, 8, 8)
        about_box.setWidget(self.about)
        self.tabs = QTabWidget()
        self.tabs.addTab(about_box, "")
        self.tabs.addTab(self.inspector, "")
        dataset_box = QScrollArea()  # the panel scrolls rather than holding the window's height up
        dataset_box.setWidgetResizable(True)
        dataset_box.setFrameShape(QScrollArea.Shape.NoFrame)
        dataset_box.setWidget(self.dataset_panel)
        self.tabs.addTab(dataset_box, "")
        self.tabs.addTab(self.run_controls.settings, "")
        for index, text in enumerate(
            (
                QT_TRANSLATE_NOOP("MainWindow", "About"),
                QT_TRANSLATE_NOOP("MainWindow", "Layer"),
                QT_TRANSLATE_NOOP("MainWindow", "Dataset"),
                QT_TRANSLATE_NOOP("MainWindow", "Training"),
            )
        ):
            keep(lambda t, i=index: self.tabs.setTabText(i, t), "MainWindow", text)
        right = QDockWidget(self)
        keep(right.setWindowTitle, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Project"))
        right.setObjectName("project")
        right.setWidget(self.tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, right)
        self.resizeDocks([left, right], [210, 330], Qt.Orientation.Horizontal)
        bottom = QDockWidget(self)
        keep(bottom.setWindowTitle, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Training"))
        bottom.setObjectName("training")
        self.view_tabs = ViewTabs(self.run_controls.dashboard, self.run_controls.controller)
        bottom.setWidget(self.view_tabs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom)
        self.resizeDocks([bottom], [360], Qt.Orientation.Vertical)
        self.training_dock = bottom
        bottom.hide()  # the canvas gets the room while the network is built; the first Run shows it

    def _undo_actions(self) -> tuple[QAction, QAction]:
        """Undo and Redo, whose texts the undo stack writes with a prefix in the current language."""
        undo = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # the toolbar says the short name (an edit's own name, "Redo Change the function dataset's
        # settings", pushed Lessons off a 1280-wide toolbar); its tooltip and the Edit menu the whole
        undo.setIconText(self.tr("Undo"))
        redo.setIconText(self.tr("Redo"))
        self.undo_actions = (undo, redo)
        return undo, redo

    def _renew_undo_actions(self) -> None:
        """The undo stack keeps the prefix it was given: new actions in the new language, same places."""
        old = self.undo_actions
        new = self._undo_actions()
        for widget in (self.edit_menu, self.toolbar):
            for before, after in zip(old, new, strict=True):
                widget.insertAction(before, after)
                widget.removeAction(before)
        for action in old:
            action.deleteLater()

    def _menu(self, parent, text: str):
        """A menu whose title follows the language (`text`: the English of a QT_TRANSLATE_NOOP)."""
        menu = parent.addMenu("")
        keep(menu.setTitle, "MainWindow", text)
        return menu

    def _action(self, menu, text, slot, shortcut=None, checkable=False, context="MainWindow") -> QAction:
        """An action whose text follows the language; `context` "" for a text not to translate."""
        action = QAction(self)
        if context:
            keep(action.setText, context, text)
        else:
            action.setText(text)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _actions(self) -> None:
        keys, ed = QKeySequence.StandardKey, self.editor
        file = self._menu(self.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&File"))
        files = self.files
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "&New"), files.new_project, keys.New)
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "&Open…"), files.open_dialog, keys.Open)
        self.recent_menu = self._menu(file, QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"))
        self.lessons_menu = self._menu(file, QT_TRANSLATE_NOOP("MainWindow", "&Lessons"))
        self._fill_lessons(self.lessons_menu)
        file.addSeparator()
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "Open R&un…"), files.open_run_dialog)
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "&Save"), files.save, keys.Save)
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "Save &As…"), files.save_as, keys.SaveAs)
        file.addAction(self.run_controls.save_run_action)
        export = self._menu(file, QT_TRANSLATE_NOOP("MainWindow", "&Export"))
        self._action(export, QT_TRANSLATE_NOOP("MainWindow", "&PyTorch Script…"), self.exports.export_script)
        self._action(export, QT_TRANSLATE_NOOP("MainWindow", "&ONNX…"), self.exports.export_onnx)
        self._action(export, QT_TRANSLATE_NOOP("MainWindow", "&Metrics (CSV)…"), self.exports.export_metrics)
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "&Import PyTorch Model…"), self.exports.import_model)
        file.addSeparator()
        self._action(file, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), self.close, keys.Quit)
        edit = self.edit_menu = self._menu(self.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        undo, redo = self._undo_actions()
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, QT_TRANSLATE_NOOP("MainWindow", "Cu&t"), ed.cut, keys.Cut)
        self._action(edit, QT_TRANSLATE_NOOP("MainWindow", "&Copy"), ed.copy, keys.Copy)
        self._action(edit, QT_TRANSLATE_NOOP("MainWindow", "&Paste"), ed.paste, keys.Paste)
        self._action(edit, QT_TRANSLATE_NOOP("MainWindow", "&Duplicate"), ed.duplicate, QKeySequence("Ctrl+D"))
        self._action(
            edit,
            QT_TRANSLATE_NOOP("MainWindow", "De&lete"),
            ed.delete_selection,
            [QKeySequence.StandardKey.Delete, QKeySequence("Backspace")],
        )
        self._action(edit, QT_TRANSLATE_NOOP("MainWindow", "Select &All"), ed.select_all, keys.SelectAll)
        train = self._menu(self.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&Train"))
        rc = self.run_controls
        train.addActions([rc.run_action, rc.run_for_action, rc.step_action, rc.reset_action])
        train.addSeparator()
        train.addAction(self.pretrain.action)
        train.addAction(self.transfer.action)
        view = self._menu(self.menuBar(), QT_TRANSLATE_NOOP("MainWindow", "&View"))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "&Fit to Window"), self.view.fit_all, QKeySequence("Ctrl+0"))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), lambda: self.view.zoom_by(1.25), keys.ZoomIn)
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), lambda: self.view.zoom_by(0.8), keys.ZoomOut)
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Auto-&layout"), ed.auto_layout, QKeySequence("Ctrl+L"))
        view.addActions([dock.toggleViewAction() for dock in (self.training_dock, self.runs_dock, self.seeds_dock)])
        inside = self._menu(view, QT_TRANSLATE_NOOP("MainWindow", "&Inside the Network"))
        for number, spec in enumerate(VIEWS, 1):
            keys = QKeySequence(f"Alt+{number}") if number < 10 else None
            self._action(
                inside, spec.title, lambda _=False, name=spec.name: self.show_view(name), keys, context="views"
            )
        view.addSeparator()
        view.addActions([self.figure_export.export_action, self.figure_export.copy_action])
        view.addSeparator()
        self.language_menu = LanguageMenu(self, self.settings)
        view.addMenu(self.language_menu)
        self.presentation_action = self._action(
            view,
            QT_TRANSLATE_NOOP("MainWindow", "&Presentation Mode (large text)"),
            self.set_presentation,
            QKeySequence("Ctrl+Shift+P"),
            checkable=True,
        )
        toolbar = self.toolbar = self.addToolBar("")
        keep(toolbar.setWindowTitle, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Main"))
        toolbar.setObjectName("main")
        toolbar.addActions([undo, redo])
        toolbar.addSeparator()
        fit, _, _, layout = view.actions()[:4]  # zooming stays in the menu, the keys and the wheel: the
        toolbar.addActions([fit, layout])  # toolbar keeps its room for Run and Speed on a 1280-wide projector
        keep(fit.setIconText, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Fit to Window"))  # the toolbar's
        keep(layout.setIconText, "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Auto-layout"))
        short = QT_TRANSLATE_NOOP("MainWindow", "Presentation")  # the toolbar's short name
        keep(self.presentation_action.setIconText, "MainWindow", short)
        toolbar.addAction(self.presentation_action)
        toolbar.addSeparator()
        toolbar.addActions([rc.run_action, rc.step_action, rc.reset_action])
        toolbar.addWidget(rc.speed)
        toolbar.addSeparator()
        toolbar.addAction(self.lessons_menu.menuAction())
        lessons_button = toolbar.widgetForAction(self.lessons_menu.menuAction())
        lessons_button.setPopupMode(lessons_button.ToolButtonPopupMode.InstantPopup)
        self._fill_recent()

    # ---- showing a project ------------------------------------------------------------

    def _project_opened(self, project: Project) -> None:
        shown = getattr(self, "_about_project", None)
        if shown is not None:
            shown.training_changed.disconnect(self._settings_changed)
            shown.dataset_changed.disconnect(self._settings_changed)
        self._about_project = project  # the About text's settings line follows every change to them
        project.training_changed.connect(self._settings_changed)
        project.dataset_changed.connect(self._settings_changed)
        self.editor.set_graph(project.graph)
        self.editor.scene.set_training(project.training)
        self.run_controls.settings.show_project(project)
        self.dataset_panel.show_project(project)
        self.tabs.setCurrentIndex(0)
        self._show_about(project)
        if project.view in VIEW_NAMES:
            self.show_view(project.view)  # a lesson opens on the view it is about
        elif project.view:
            self.statusBar().showMessage(
                self.tr("This project opens on a view this Neurona lacks: '{0}'").format(project.view), 8000
            )
        QTimer.singleShot(0, self.view.fit_all)

    def _settings_changed(self, *_) -> None:
        self._show_about(self.project)

    def _show_about(self, project: Project) -> None:
        """The project's title and text in the user's language, and its settings in words."""
        language = current_language()
        title, description = project.text("title", language), project.text("description", language)
        if title == "Untitled":  # a new project's title, not a lesson's
            title = self.tr("Untitled")
        settings = self.tr("Dataset: {0} · {1}, learning rate {2}, {3} epochs").format(
            translated("datasets", dataset_title(project.dataset)),
            translated("choices", project.training.optimizer),
            local_number(project.training.lr),
            project.training.epochs,
        )
        self.about.setText(f"<h3>{title}</h3><p>{description}</p><p style='color:#546e7a'>{settings}</p>")

    def changeEvent(self, event) -> None:  # noqa: N802
        """A new language: every kept text again, and what is built from the project (the About
        text, the lessons menu, the views) afresh; the project and the run stay as they are."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_kept()
            self.run_controls.retranslate()
            self._renew_undo_actions()
            self._show_about(self.project)
            self._update_title()
            self.lessons_menu.clear()
            self._fill_lessons(self.lessons_menu)
            if self.editor.scene is not None:
                self.editor.scene.refresh()  # the nodes' details, and the totals in the status bar
            self.view_tabs.rebuild()

    def open_lab_lesson(self, path: Path) -> None:
        """Show the optimizer lab with one of its lessons set up and playing."""
        from core.optlab.lessons import load_lesson

        try:
            lesson = load_lesson(path, current_language())
        except ValueError as err:
            self.statusBar().showMessage(self.tr("Cannot open the lesson: {0}").format(err), 8000)
            return
        lab = self.show_view("optimizer_lab")
        if lab is not None:
            lab.load_lesson(lesson)

    def show_view(self, name: str):
        """Open the training dock on a view's tab ("training" for the dashboard); returns the view.
        The dock grows to over half the window if it is smaller, so the view is readable."""
        self.training_dock.show()
        QTimer.singleShot(0, self._grow_training_dock)  # once the dock is laid out
        return self.view_tabs.show_view(name)

    def _show_training(self) -> None:
        """A run began: its dock, at least 45% of the window, so the curves are not a strip."""
        self.training_dock.show()
        QTimer.singleShot(0, lambda: self._grow_training_dock(0.45))

    def _grow_training_dock(self, share: float = 0.55) -> None:
        if not self.training_dock.isFloating() and self.training_dock.height() < self.height() * (share - 0.05):
            self.resizeDocks([self.training_dock], [int(self.height() * share)], Qt.Orientation.Vertical)

    def _setting_edited(self, name: str, value) -> None:
        """A training setting changed in the form: one undoable edit; the run follows the project."""
        if getattr(self.project.training, name) != value:
            self.document.push(SetTraining(self.project, name, value))

    def _point_added(self, x: float, y: float, k: int) -> None:
        """A click on the plane: the dataset becomes (or grows) the user's own points."""
        data = self.document.data
        if data is None or not data.is_2d:
            return
        xs = np.concatenate([data.x_train, data.x_test, [[x, y]]])
        ys = np.concatenate([data.y_train, data.y_test, [k]])
        params = {
            "points": points_json(xs, ys),
            "classes": data.num_classes,
            "names": json.dumps(list(data.class_names)),  # "click adds arm 1" keeps its name after the click
            "test_ratio": self.project.dataset_params["test_ratio"],
            "seed": self.project.dataset_params["seed"],
        }
        self.document.push(SetDataset(self.project, "points", params))

    def _dataset_edited(self, name: str, params: dict) -> None:
        if self.run_controls.controller.state == "finished":
            self.run_controls.reset()  # a finished run is not interrupted: no need to ask
        elif not self.run_controls.guard():
            self.dataset_panel.show_values()  # a reload would throw away the model the user kept
            return
        self._fit_after_load = True
        self.document.push(SetDataset(self.project, name, params))

    def _data_loaded(self, data) -> None:
        """Show the data's problems with the graph; after the user changed the dataset, fit the network to it."""
        if self._fit_after_load:
            self._fit_after_load = False
            changes = adapt_to_data(self.project.graph, data)
            if changes:
                steps = [SetParam(self.project.graph, node, name, value) for node, name, value in changes]
                self.document.push(FitToData(f"Fit the network to {dataset_title(data.name)}", steps))
                summary = ", ".join(f"{node}'s {words(name)} = {fmt_value(value)}" for node, name, value in changes)
                self.statusBar().showMessage(f"Fitted the network to {dataset_title(data.name)}: {summary}", 8000)
        self.editor.data = data
        self.editor.scene.set_data(data)
        self.view_tabs.set_context(self.project, data)

    def _show_totals(self, inference) -> None:
        problems = len(inference.problems)
        state = self.tr("ready to train") if not problems else self.tr("%n problem(s)", "", problems)
        self.totals.setText(self.tr("{0} parameters · {1}").format(QLocale().toString(inference.total_params), state))
        self.problems.clear()
        for problem in inference.problems:
            item = QListWidgetItem(f"⚠  {problem}")
            item.setData(Qt.ItemDataRole.UserRole, problem.node)
            self.problems.addItem(item)
        rows = min(problems, 4)
        self.problems.setFixedHeight(rows * self.problems.sizeHintForRow(0) + 6 if rows else 0)
        self.problems.setVisible(bool(problems))

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        """Select the node a problem is about and bring it into view."""
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if node_id in self.editor.scene.nodes:
            self.editor.select([node_id])
            self.view.centerOn(self.editor.scene.nodes[node_id])

    def _fill_lessons(self, menu) -> None:
        """The lessons in the course's order, a section per topic, each with its one-line summary."""
        for group in lesson_groups(language=current_language()):
            menu.addSection(group.title)
            for lesson in group.lessons:
                action = self._action(
                    menu,
                    f"{lesson.title} — {lesson.summary}",
                    lambda _=False, p=lesson.path: self.files.open_lesson(p),
                    context="",
                )
                action.setStatusTip(lesson.summary)
            if group.lab:
                lab_menu = self._menu(menu, QT_TRANSLATE_NOOP("MainWindow", "Optimizer lab races"))
                for title, path in lab_lesson_titles():
                    self._action(lab_menu, title, lambda _=False, p=path: self.open_lab_lesson(p), context="")

    def _update_title(self) -> None:
        name = self.document.display_name
        self.setWindowTitle(f"{self.tr('Untitled') if name == 'Untitled' else name}[*] — Neurona")
        self.setWindowModified(self.document.dirty)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent:
            self._action(self.recent_menu, path, lambda _=False, p=path: self.files.open_path(p), context="")
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def show_as_last_time(self) -> None:
        """Where and how it was when it last closed; maximised the first time."""
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(self.screen().availableGeometry())  # even where no window manager maximises
            self.showMaximized()
            return
        if state is not None:
            self.restoreState(state)
        self.show()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.files.maybe_save():
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.run_controls.shutdown()
            self.run_controls.controller.wait_stopped(2.0)  # the application ends: no child left behind
            self.run_controls.controller.release_spare()
            self.dataset_panel.shutdown()
            self.editor.release_clipboard()
            self.document.autosave.clear()
            event.accept()
        else:
            event.ignore()

    # ---- presentation -------------------------------------------------------------------------

    def set_presentation(self, on: bool) -> None:
        """Large text for a projector: the whole interface's font, and the canvas zoom."""
        font = QFont(QApplication.font())
        screen = self.screen().availableGeometry().height()
        font.setPointSizeF(NORMAL_POINT_SIZE * (presentation_scale(screen) if on else 1.0))
        QApplication.setFont(font)
        for widget in QApplication.allWidgets():
            widget.setFont(font)
        self.view_tabs.rebuild()  # their plots' text sizes follow the new font
        TEXT_SCALE["canvas"] = 1.7 if on else 1.0
        if self.editor.scene is not None:
            self.editor.scene.update()
        self.presentation_action.setChecked(on)
        self.settings.setValue("presentation", on)
        palette_dock, project_dock = self.findChild(QDockWidget, "palette"), self.findChild(QDockWidget, "project")
        tabs = self.tabs.tabBar().sizeHint().width() + 12  # About, Layer, Dataset, Training: all four in view
        widths = [max(210, self.palette.needed_width()), max(330, tabs)]
        self.resizeDocks([palette_dock, project_dock], widths, Qt.Orientation.Horizontal)
        self.view.fit_all()
