"""The Dropout view draws the probe's mask as it is and asks for the layer the user picks."""

import numpy as np
from conftest import LESSONS

from core.probes.dropout import DROPPED, KEPT, ZERO, DropoutProbe
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.dropout import COLOURS, DropoutView, mask_rgb


def picture(steps: int = 1, layer: str | None = None):
    trainer = Trainer(load_project(LESSONS / "dropout_small_data.json"))
    probe = DropoutProbe(trainer)
    probe.attach()
    for _ in range(steps):
        trainer.step()
    return probe.compute(layer)


def test_the_mask_is_drawn_value_for_value_and_the_layer_can_be_chosen(qtbot):
    view = DropoutView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    result = picture()
    view.show_insights({"dropout": result})
    drawn = view.mask_image.image
    assert drawn.shape == (*result.mask.shape, 3)
    for value in (KEPT, DROPPED, ZERO):
        assert (drawn[result.mask == value] == COLOURS[value]).all()
    assert np.array_equal(drawn, mask_rgb(result.mask))
    assert [view.chooser.itemText(i) for i in range(view.chooser.count())] == ["drop1", "drop2"]
    assert "step 1" in view.mask_caption.text() and "Averaging 256 masks" in view.headline.text()
    x, y = view.geometric.getData()  # drawn on log axes
    assert np.allclose(x, np.log10(result.masks)) and np.allclose(y, np.log10(np.maximum(result.distance, 1e-9)))
    with qtbot.waitSignal(view.options_changed):
        view.chooser.setCurrentText("drop2")
    assert view.wanted() == {"dropout": {"layer": "drop2"}}


def test_a_network_without_dropout_is_told_so(qtbot):
    from core.probes.registry import ProbeFailed

    view = DropoutView()
    qtbot.addWidget(view)
    view.show_insights({"dropout": ProbeFailed("this network has no Dropout layer: add one after a hidden layer")})
    assert "no Dropout layer" in view.stack.message.text()
