"""The Approximation view draws the probe's fit, points and unit curves as they are, hides the
units when asked, and clears when a new model comes."""

import numpy as np
from conftest import LESSONS

from core.probes.approximation import ApproximationProbe
from core.probes.registry import ProbeFailed
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.approximation import ApproximationView


def picture(steps: int = 20, width: int = 16):
    project = load_project(LESSONS / "universal_approximation.json")
    project.graph.set_param("hidden", "out_features", width)
    trainer = Trainer(project)
    for _ in range(steps):
        trainer.step()
    return ApproximationProbe(trainer).compute()


def test_the_fit_the_points_and_each_unit_are_drawn_as_computed(qtbot):
    view = ApproximationView()
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    result = picture()
    view.show_insights({"approximation": result})
    assert view.stack.currentWidget() is view.content
    x, y = view.fit.getData()
    assert np.array_equal(x, result.xs) and np.array_equal(y, result.fit)
    assert np.array_equal(view.train_points.getData()[0], result.x_train)
    assert np.array_equal(view.test_points.getData()[1], result.y_test)
    shown = [item for item in view.unit_curves if item.isVisible()]
    assert len(shown) == 16
    for item, curve in zip(shown, result.contributions, strict=True):
        assert np.array_equal(item.getData()[1], curve)
    assert view.bias_line.value() == result.bias and view.bias_line.isVisible()
    assert "16 Tanh units" in view.headline.text() and "Step 20" in view.headline.text()

    view.show_units.setChecked(False)
    assert not any(item.isVisible() for item in view.unit_curves) and not view.bias_line.isVisible()
    view.show_units.setChecked(True)
    view.show_insights({"approximation": picture(width=3)})  # fewer units: the spare curves hide
    assert sum(item.isVisible() for item in view.unit_curves) == 3

    view.set_context(None, None)  # a new model: nothing of the old one stays on screen
    assert view.stack.currentWidget() is view.stack.message and view.result is None
    view.show_insights({"approximation": ProbeFailed("this view fits one number from one number")})
    assert "one number from one number" in view.stack.message.text()
