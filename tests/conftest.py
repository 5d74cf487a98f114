"""Shared test set-up: headless Qt, the repository on the path, small helpers."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "assets" / "lessons"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Each test gets its own settings and autosave folder, never the user's."""
    monkeypatch.setenv("NEURONA_DATA_DIR", str(tmp_path / "neurona-data"))
