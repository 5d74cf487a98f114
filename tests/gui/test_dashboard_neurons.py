"""The dashboard draws its neurons a turn of the event loop after the boundary, so input waits for
one repaint at most, and never draws them for a model that is gone meanwhile."""

from conftest import LESSONS

from core.probes.plane import NeuronsProbe
from core.project import load_project
from core.train.trainer import Trainer
from gui.training.dashboard import Dashboard


def test_the_neurons_come_a_turn_later_and_never_for_a_model_that_is_gone(qtbot):
    trainer = Trainer(load_project(LESSONS / "spiral_mlp.json"))
    trainer.step()
    neurons = NeuronsProbe(trainer).compute()
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    view = dashboard.neurons

    dashboard.show_insights({"neurons": neurons})
    assert view.layout_of is None  # not in this turn ...
    qtbot.waitUntil(lambda: view.layout_of is not None, timeout=1000)  # ... in the next
    assert view.currentWidget() is view.canvas

    dashboard.show_insights({"neurons": neurons})
    dashboard.clear_model(None)  # the model is gone before the neurons' turn
    qtbot.wait(50)
    assert view.layout_of is None and view.currentWidget() is view.message
