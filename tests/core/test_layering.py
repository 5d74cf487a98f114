"""`core` must never import Qt or the GUI: the import-linter contract in pyproject.toml says so."""

import shutil
import subprocess
import sys

from conftest import ROOT

LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def _lint(folder):
    return subprocess.run(
        [sys.executable, "-c", LINT],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder)},
    )


def test_core_imports_no_qt():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "core knows no screen KEPT" in result.stdout


def test_the_contract_catches_a_qt_import(tmp_path):
    for name in ("core", "gui"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "core" / "sneaky.py").write_text("from PySide6 import QtCore\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "core knows no screen BROKEN" in result.stdout
