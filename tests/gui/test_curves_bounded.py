"""The per-step loss curve stays bounded over a long run (bench/memory.py): past MAX_STEP_POINTS
it keeps every other step, then every 4th…, each kept point a true step's values."""

import numpy as np

from gui.views.dashboard import curves as module
from gui.views.dashboard.curves import TrainingCurves


def test_a_long_run_keeps_at_most_max_step_points_true_points(qtbot, monkeypatch):
    monkeypatch.setattr(module, "MAX_STEP_POINTS", 1000)
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    for start in range(0, 5000, 250):
        steps = np.arange(start, start + 250)
        curves.add_steps(steps, steps * 0.001, np.full(250, 0.1))
    steps, losses, lrs = curves.stored_steps()
    assert 500 <= len(steps) <= 1000
    assert np.all(np.diff(steps) == 8) and steps[0] == 0 and steps[-1] == 4992  # evenly thinned
    assert np.allclose(losses, steps * 0.001) and np.all(lrs == 0.1)  # each point is its own step's
    curves.clear()
    curves.add_steps(np.arange(3), np.ones(3), np.ones(3))
    assert len(curves.stored_steps()[0]) == 3  # a new run starts at full resolution
