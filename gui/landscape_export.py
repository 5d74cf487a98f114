"""The `landscape` verb's picture: the landscape view, drawn offscreen and saved as a PNG.

main.py sends `landscape` here so the file shows exactly what the app shows; computing the
grid and writing landscape.npz are core.landscape_cli's.
"""

from __future__ import annotations

from pathlib import Path

PICTURE_SIZE = (1500, 560)


def run_landscape(args) -> int:
    from core.landscape_cli import run

    return run(args, render=save_landscape_picture)


def save_landscape_picture(result, path: Path, size: tuple[int, int] = PICTURE_SIZE) -> bool:
    """Draw a finished core.landscape.LandscapeResult in the landscape view and save its plots."""
    from gui.app import picture_app

    app = picture_app()
    from gui.views.landscape import LandscapeView, prepare

    view = LandscapeView()
    view.resize(*size)
    view.show()
    view.show_picture(prepare(result))
    for _ in range(3):
        app.processEvents()
    saved = view.splitter.grab().save(str(path))
    view.close()
    view.deleteLater()
    app.processEvents()
    return saved
