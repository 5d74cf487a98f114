"""The Approximation view's y range takes in every hidden unit's share (they used to run off the
plot), up to the data's own span beyond it on each side; shares beyond that are counted in the caption."""

import dataclasses

import numpy as np
from conftest import LESSONS

from core.probes.approximation import ApproximationProbe
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.approximation import ApproximationView


def test_every_share_is_inside_the_plot_or_counted_beyond_it(qtbot):
    project = load_project(LESSONS / "universal_approximation.json")
    project.graph.set_param("hidden", "out_features", 16)
    trainer = Trainer(project)  # seed 0, as the lesson ships it
    for _ in range(1500):
        trainer.step()
    result = ApproximationProbe(trainer).compute()
    view = ApproximationView()
    qtbot.addWidget(view)
    view.resize(1000, 480)
    view.show()
    view.show_insights({"approximation": result})
    (_, _), (low, high) = view.plot.getViewBox().viewRange()
    shares = result.contributions
    data = np.concatenate([result.y_train, result.y_test, result.fit])
    span = data.max() - data.min()
    assert shares.min() < data.min() - 0.1 * span or shares.max() > data.max() + 0.1 * span  # they go past the points
    assert low <= shares.min() and high >= shares.max() and low <= result.bias <= high  # and all are on the plot
    assert "past the plot" not in view.caption.text()

    huge = dataclasses.replace(result, contributions=result.contributions * 40)
    view.show_insights({"approximation": huge})
    (_, _), (low, high) = view.plot.getViewBox().viewRange()
    assert high - low < 3.5 * span  # the fit and the points keep most of the height
    outside = int(np.count_nonzero((huge.contributions.min(1) < low) | (huge.contributions.max(1) > high)))
    assert outside > 0 and f"reaching past the plot's edge: {outside}." in view.caption.text()
