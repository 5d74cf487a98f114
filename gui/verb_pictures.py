"""The pictures of the headless verbs `lab` and `landscape`: the app's own views, drawn offscreen.

main.py sends these verbs here so each PNG shows exactly what the app shows; the racing, the
grid and the data files are core.cli.lab's and core.cli.landscape's, which also run without Qt
(then with no picture).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

RACE_SIZE, LANDSCAPE_SIZE = (1500, 760), (1500, 560)


def run_picture_verb(args) -> int:
    if args.verb == "lab":
        from core.cli.lab import run

        return run(args, draw=save_race_picture)
    from core.cli.landscape import run

    return run(args, render=save_landscape_picture)


def save_race_picture(race, path: Path, size: tuple[int, int] = RACE_SIZE) -> bool:
    """The lab's map and loss plot for `race`."""
    from gui.app import picture_app

    picture_app()  # before any widget
    from gui.views.optlab.lab import OptimizerLab

    lab = OptimizerLab()
    lab.show_race(race)
    lab.resize(size[0] + 340, size[1])  # the controls take 340 px beside the board

    def settle() -> None:
        lab.surface_plot.redraw_map()
        lab.loss_plot.fit_steps(race.step_count)

    return _save(lab, lambda: lab.board, path, settle)


def save_landscape_picture(result, path: Path, size: tuple[int, int] = LANDSCAPE_SIZE) -> bool:
    """The landscape view's plots for a finished core.landscape.grid.LandscapeResult."""
    from gui.app import picture_app

    picture_app()  # before any widget
    from gui.views.landscape.view import LandscapeView, prepare

    view = LandscapeView()
    view.resize(*size)
    view.show_picture(prepare(result))
    return _save(view, lambda: view.splitter, path)


def _save(view, part: Callable, path: Path, settle: Callable[[], None] | None = None) -> bool:
    """Show `view`, let it lay out, grab `part()` to `path`."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    view.show()
    for _ in range(3):
        app.processEvents()
    if settle is not None:
        settle()
        app.processEvents()
    saved = part().grab().save(str(path))
    view.close()
    view.deleteLater()
    app.processEvents()
    return saved
