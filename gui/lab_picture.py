"""The `lab` verb's picture: the optimizer lab's own view, drawn offscreen and saved as a PNG.

main.py sends `lab` here so the race is drawn exactly as the app draws it; the racing and
the trajectory files are core.cli_lab's.
"""

from __future__ import annotations

from pathlib import Path

PICTURE_SIZE = (1500, 760)


def run_lab(args) -> int:
    from core.cli_lab import run

    return run(args, draw=save_race_picture)


def save_race_picture(race, path: Path, size: tuple[int, int] = PICTURE_SIZE) -> bool:
    """Draw `race` in the lab view (offscreen when there is no display) and save the map and losses."""
    from gui.app import picture_app

    app = picture_app()
    from gui.views.optimizer_lab import OptimizerLab

    lab = OptimizerLab()
    lab.show_race(race)
    lab.resize(size[0] + 340, size[1])
    lab.show()
    for _ in range(3):
        app.processEvents()
    lab.surface_plot.redraw_map()
    lab.loss_plot.fit_steps(race.step_count)
    app.processEvents()
    saved = lab.board.grab().save(str(path))
    lab.close()
    lab.deleteLater()
    app.processEvents()
    return saved
