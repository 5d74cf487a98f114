"""The open project and everything that belongs to it: its path, its undo stack,
its dirty flag, its autosave copy, its loaded data and the model generation.

Panels and views subscribe to the Document's signals instead of reaching into
the window. Every edit goes through `push`, so undo and redo are the only way
the project changes; whatever trains the model listens to the project's own
change events, so an undone setting reaches a running model too.

The generation numbers models: it grows whenever the model on screen is gone
(another project, another dataset, Reset Weights, a new run). Views clear
themselves on `model_reset` and ignore results of an older generation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.data.catalog import Data
from core.project import Project, save_project
from gui.settings import Autosave

AUTOSAVE_DELAY_MS = 1500


class Document(QObject):
    project_opened = Signal(object)  # Project: it replaced the previous one (new, open, lesson, run, recovery)
    project_changed = Signal()  # an edit, an undo or a redo changed the project
    data_loaded = Signal(object)  # Data: the project's dataset finished loading
    model_reset = Signal(int)  # the new generation: the model on screen is gone
    title_changed = Signal()  # the path, the title or the dirty flag changed
    autosave_failed = Signal(str)  # why the autosave copy could not be written

    def __init__(self, autosave: Autosave | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = Project()
        self.path: str | None = None
        self.recovered = False  # restored from an autosave copy: unsaved although the undo stack is clean
        self.data: Data | None = None
        self.generation = 0
        self.autosave = autosave or Autosave()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._changed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS, timeout=self.write_autosave)

    # ---- what is open ----------------------------------------------------------------

    def open(self, project: Project, path: str | None = None, recovered: bool = False) -> None:
        """Show another project: a fresh undo history, no data yet, a new model generation."""
        self.project, self.path, self.recovered, self.data = project, path, recovered, None
        self.undo_stack.clear()
        self.project_opened.emit(project)
        self.reset_model()
        self.title_changed.emit()

    def push(self, command: QUndoCommand) -> None:
        """Make an edit, undoably."""
        self.undo_stack.push(command)

    def set_data(self, data: Data) -> None:
        """The project's dataset has loaded (or reloaded after an edit)."""
        self.data = data
        self.data_loaded.emit(data)

    def reset_model(self) -> int:
        """The model on screen is gone: every view must forget it. Returns the new generation."""
        self.generation += 1
        self.model_reset.emit(self.generation)
        return self.generation

    # ---- saving --------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.recovered or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return Path(self.path).name if self.path else self.project.title

    def save_to(self, path: str) -> str:
        """Write the project to `path` (".json" added if missing) atomically; raises OSError."""
        if not path.endswith(".json"):
            path += ".json"
        save_project(self.project, path)
        self.path, self.recovered = path, False
        self.undo_stack.setClean()
        self.autosave.clear()
        self.title_changed.emit()
        return path

    def write_autosave(self) -> None:
        if not self.dirty:
            return
        try:
            self.autosave.write(self.project, self.path)
        except OSError as err:
            self.autosave_failed.emit(f"Could not write the autosave copy: {err.strerror or err}")

    def _clean_changed(self, _clean: bool) -> None:
        self.title_changed.emit()

    def _changed(self, _index: int) -> None:
        self.project_changed.emit()
        self._autosave_timer.start()
