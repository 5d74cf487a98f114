"""Project files for the main window: New, Open, Open Recent, Open Run, lessons,
Save and Save As, the prompt before unsaved work is lost, and the autosave
copy that a crashed session offers back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.project import Project, ProjectError, load_project, save_project

MAX_RECENT = 8


class ProjectFiles:
    """Mixed into MainWindow, which provides project, path, undo_stack, autosave, settings,
    recent_menu, show_project and the run controls."""

    # ---- files ---------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost; False means the user cancelled."""
        if not self.dirty:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "Save the changes to this project first?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_project(self) -> None:
        if self.maybe_save():
            self.show_project(Project(), None)
            self.autosave.clear()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(Path(self.path).parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open a project", start, "Neurona projects (*.json)")
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except ProjectError as err:
            QMessageBox.warning(self, "Cannot open the project", f"{Path(path).name}: {err}")
            return False
        self.show_project(project, str(path))
        self._remember(str(path))
        self.autosave.clear()
        self.statusBar().showMessage(f"Opened {path}", 4000)
        return True

    def open_run_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = QFileDialog.getExistingDirectory(self, "Open a saved run", str(Path.home()))
        if folder:
            self.open_run(folder)

    def open_run(self, folder: str) -> bool:
        """A saved run: its project, and a paused model with its trained weights."""
        from core.run.saved import load_run

        try:
            project, weights = load_run(folder)
        except (ProjectError, OSError) as err:
            QMessageBox.warning(self, "Cannot open the run", f"{folder}: {err}")
            return False
        self.show_project(project, None)
        self._pending_weights = weights
        return True

    def open_lesson(self, path: Path) -> bool:
        """A lesson opens as a new, unsaved project, so the original stays as shipped."""
        if not self.maybe_save():
            return False
        try:
            self.show_project(load_project(path), None)
        except ProjectError as err:
            QMessageBox.warning(self, "Cannot open the lesson", str(err))
            return False
        return True

    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = self.path or str(Path.home() / f"{self.project.title or 'project'}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save the project", suggestion, "Neurona projects (*.json)")
        return self.save_to(path) if path else False

    def save_to(self, path: str) -> bool:
        if not path.endswith(".json"):
            path += ".json"
        try:
            save_project(self.project, path)
        except OSError as err:
            QMessageBox.warning(self, "Cannot save", f"{path}: {err.strerror or err}")
            return False
        self.path, self.recovered = path, False
        self.undo_stack.setClean()
        self.autosave.clear()
        self._remember(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def _remember(self, path: str) -> None:
        recent = [p for p in self.settings.value("recent", [], type=list) if p != path]
        self.settings.setValue("recent", [path] + recent[: MAX_RECENT - 1])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.value("recent", [], type=list):
            self._action(self.recent_menu, path, lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # ---- crash safety -----------------------------------------------------------------------

    def _write_autosave(self) -> None:
        if self.dirty:
            try:
                self.autosave.write(self.project, self.path)
            except OSError as err:
                self.statusBar().showMessage(f"Could not write the autosave copy: {err}", 6000)

    def offer_recovery(self) -> bool:
        """After a crash, offer the autosaved work back; True if it was restored."""
        pending = self.autosave.pending()
        if pending is None:
            return False
        project, source = pending
        where = Path(source).name if source else project.title
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Recover unsaved work?",
            f"Neurona closed without saving changes to “{where}”. Recover them?",
            buttons.Yes | buttons.No,
            buttons.Yes,
        )
        if answer != buttons.Yes:
            self.autosave.clear()
            return False
        self.show_project(project, source)
        self.recovered = True
        self._update_title()
        return True
