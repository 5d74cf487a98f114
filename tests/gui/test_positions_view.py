"""Sharing across positions in the window: the palette offers Transpose and GlobalMaxPool, and the
By position view draws the probe's shares per position, shades the unseen ones, and clears for a
new model."""

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import QPoint
from test_editor import drop_layer

from core.project import load_project
from core.run.session import Session
from gui.views.positions import PositionsView


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_the_palette_offers_the_layers_that_share_across_positions(window):
    assert window.palette.items["GlobalMaxPool"].parent().text(0) == "Pooling"
    drop_layer(window, "GlobalMaxPool", QPoint(300, 250))
    drop_layer(window, "Transpose", QPoint(300, 350))
    kinds = {node.kind for node in window.editor.graph.nodes.values()}
    assert {"GlobalMaxPool", "Transpose"} <= kinds


def test_the_view_draws_the_share_found_at_each_position(qtbot):
    view = PositionsView()
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    session = Session(load_project(LESSONS / "key_position_mlp.json"), device="cpu")
    for _ in range(40):
        session.step()
    view.set_context(session.trainer.project, session.trainer.data)
    assert view.wanted() == {"positions": {}}
    result = session.compute(view.wanted())["positions"]
    view.show_insights({"positions": result})
    bars = view.bars()
    np.testing.assert_array_equal(bars["test"], np.nan_to_num(result.test_accuracy))
    np.testing.assert_array_equal(bars["train"], np.nan_to_num(result.train_accuracy))
    assert view.unseen_band.isVisible() and view.unseen_band.getRegion() == (9.5, 19.5)
    assert f"{100 * result.unseen_accuracy:.0f}%" in view.headline.text()
    qtbot.wait(20)
    view.grab().save("/tmp/positions_view.png")
    other = Session(load_project(LESSONS / "parity_rnn.json"), device="cpu")
    view.set_context(other.trainer.project, other.trainer.data)
    assert len(view.bars()["test"]) == 0 and view.headline.text() == ""
    assert "key-position dataset" in view.stack.message.text()
