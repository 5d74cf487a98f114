"""The code stays in the house style: ruff's lint rules and format (configured in pyproject.toml)."""

import subprocess
import sys

from conftest import ROOT


def test_ruff_lint_and_format_are_clean():
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    form = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert form.returncode == 0, form.stdout
