"""Where the app keeps its settings and autosave copies, and the autosave itself.

`NEURONA_DATA_DIR` overrides the folder (the tests point it at a temporary
one, so they never touch a user's settings).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from core.project import Project, ProjectError, atomic_write, load_project, save_project


def data_dir() -> Path:
    folder = os.environ.get("NEURONA_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation
    )
    path = Path(folder or Path.home() / ".neurona")
    path.mkdir(parents=True, exist_ok=True)
    return path


def app_settings() -> QSettings:
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class Autosave:
    """A copy of unsaved work, written after every edit, so a crash loses nothing."""

    def __init__(self, folder: Path | None = None):
        folder = folder or data_dir()
        self.path = folder / "autosave.json"
        self.info = folder / "autosave-info.json"

    def write(self, project: Project, source: str | None) -> None:
        save_project(project, self.path)
        atomic_write(self.info, json.dumps({"source": source}))

    def pending(self) -> tuple[Project, str | None] | None:
        """The work a crashed session left behind, if any can still be read."""
        if not self.path.exists():
            return None
        try:
            project = load_project(self.path, strict_steps=False)  # the work matters more than its steps
            source = json.loads(self.info.read_text(encoding="utf-8")).get("source") if self.info.exists() else None
        except (ProjectError, OSError, ValueError, AttributeError):
            self.clear()
            return None
        return project, source if isinstance(source, str) else None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        self.info.unlink(missing_ok=True)
