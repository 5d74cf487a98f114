"""A layer kind added to the catalogue alone reaches the editor and the functions explorer."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint
from test_editor import drop_layer

from core.network.layers import KINDS, LayerKind
from gui.views.functions import FunctionsView


@pytest.fixture
def swish(monkeypatch):
    """Registered before the window is made, as a kind shipped in the catalogue would be."""
    kind = LayerKind(
        "Swish",
        "activations",
        "x times its own sigmoid: a smooth ReLU",
        (),
        lambda shapes, p: shapes[0],
        lambda shapes, p: torch.nn.SiLU(),
        traits=frozenset({"activation", "unit_wise", "element_wise"}),
        summary=lambda p: "x·σ(x)",
    )
    monkeypatch.setitem(KINDS, "Swish", kind)
    return "Swish"


def test_the_palette_lists_it_and_a_dropped_node_shows_its_summary(swish, window):
    item = window.palette.items["Swish"]
    assert item.parent().text(0) == "Activations"
    drop_layer(window, "Swish", QPoint(300, 250))
    assert window.editor.graph.nodes["swish1"].kind == "Swish"
    node = window.editor.scene.nodes["swish1"]
    assert node.summary == "x·σ(x)" and node.output is not None


def test_the_functions_explorer_draws_it(swish, qtbot):
    view = FunctionsView()
    qtbot.addWidget(view)
    assert view.functions[-1] == "Swish" and not view.boxes["Swish"].isChecked()
    view.boxes["Swish"].setChecked(True)
    z = torch.tensor(view.curves["Swish"].getData()[0], dtype=torch.float64)
    assert np.allclose(view.curves["Swish"].getData()[1], (z * torch.sigmoid(z)).numpy())
