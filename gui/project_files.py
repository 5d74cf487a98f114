"""File actions: New, Open, Open Recent, Open Run, lessons, Save and Save As, the
prompt before unsaved work is lost, and the autosave copy a crashed session
offers back. The Document holds the project; this adds the dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.project import Project, ProjectError, load_project
from gui.document import Document

MAX_RECENT = 8


class ProjectFiles(QObject):
    message = Signal(str)  # for the status bar
    recent_changed = Signal(list)  # the recent files, newest first
    run_opened = Signal(object)  # a reopened run's weights, to start a paused model once its data has loaded

    def __init__(self, window: QWidget, document: Document, settings):
        super().__init__(window)
        self.window, self.document, self.settings = window, document, settings

    @property
    def folder(self) -> str:
        """Where file dialogs start: the last folder used, else the open project's, else home."""
        last = self.settings.value("last_folder", "", type=str)
        if last and Path(last).is_dir():
            return last
        return str(Path(self.document.path).parent) if self.document.path else str(Path.home())

    def used_folder(self, path: str) -> None:
        self.settings.setValue("last_folder", str(Path(path).parent if not Path(path).is_dir() else path))

    @property
    def recent(self) -> list[str]:
        return self.settings.value("recent", [], type=list)

    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost; False means the user cancelled."""
        if not self.document.dirty:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this project first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_project(self) -> None:
        if self.maybe_save():
            self.document.open(Project())
            self.document.autosave.clear()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a project"), self.folder, self.tr("Neurona projects (*.json)")
        )
        if path:
            self.used_folder(path)
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            project = load_project(path, strict_steps=False)
        except ProjectError as err:
            QMessageBox.warning(self.window, self.tr("Cannot open the project"), f"{Path(path).name}: {err}")
            return False
        self.document.open(project, str(path))
        self._remember(str(path))
        self.document.autosave.clear()
        self.message.emit(self.tr("Opened {0}").format(path))
        if project.steps_left_out:
            self._say_steps_left_out(Path(path).name, project.steps_left_out)
        return True

    def _say_steps_left_out(self, name: str, why: str) -> None:
        QMessageBox.warning(
            self.window,
            self.tr("Opened without its lesson steps"),
            self.tr(
                "{0}: its network, dataset and settings are as saved, but its lesson steps were left out: {1}"
            ).format(name, why),
        )

    def open_run_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a saved run"), self.folder)
        if folder:
            self.used_folder(folder)
            self.open_run(folder)

    def open_run(self, folder: str) -> bool:
        """A saved run: its project, and a paused model with its trained weights; a run that cannot be
        used (corrupt, truncated or empty weights, another network's, NaN) gets a dialog naming the file."""
        from core.run.saved import PROJECT_FILE, RunFolderError, load_run

        try:
            project, weights = load_run(folder)
        except RunFolderError as err:  # its message names the file
            QMessageBox.warning(self.window, self.tr("Cannot open the run"), str(err))
            return False
        except ProjectError as err:
            QMessageBox.warning(self.window, self.tr("Cannot open the run"), f"{Path(folder) / PROJECT_FILE}: {err}")
            return False
        except OSError as err:
            QMessageBox.warning(
                self.window, self.tr("Cannot open the run"), f"{err.filename or folder}: {err.strerror or err}"
            )
            return False
        self.document.open(project)
        self.run_opened.emit(weights)
        return True

    def open_lesson(self, path: Path) -> bool:
        """A lesson opens as a new, unsaved project, so the original stays as shipped."""
        if not self.maybe_save():
            return False
        try:
            self.document.open(load_project(path))
        except ProjectError as err:
            QMessageBox.warning(self.window, self.tr("Cannot open the lesson"), str(err))
            return False
        return True

    def save(self) -> bool:
        return self.save_to(self.document.path) if self.document.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = self.document.path or str(Path(self.folder) / f"{self.document.project.title or 'project'}.json")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the project"), suggestion, self.tr("Neurona projects (*.json)")
        )
        if path:
            self.used_folder(path)
        return self.save_to(path) if path else False

    def save_to(self, path: str) -> bool:
        try:
            path = self.document.save_to(path)
        except OSError as err:
            QMessageBox.warning(self.window, self.tr("Cannot save"), f"{path}: {err.strerror or err}")
            return False
        self._remember(path)
        self.message.emit(self.tr("Saved {0}").format(path))
        return True

    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent if p != path]
        self.settings.setValue("recent", [path] + recent[: MAX_RECENT - 1])
        self.recent_changed.emit(self.recent)

    def offer_recovery(self) -> bool:
        """After a crash, offer the autosaved work back; True if it was restored."""
        pending = self.document.autosave.pending()
        if pending is None:
            return False
        project, source = pending
        where = Path(source).name if source else project.title
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover unsaved work?"),
            self.tr("Neurona closed without saving changes to “{0}”. Recover them?").format(where),
            buttons.Yes | buttons.No,
            buttons.Yes,
        )
        if answer != buttons.Yes:
            self.document.autosave.clear()
            return False
        self.document.open(project, source, recovered=True)
        if project.steps_left_out:
            self._say_steps_left_out(where, project.steps_left_out)
        return True
