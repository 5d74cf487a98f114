"""Space folding's and the hidden layer's titles and axes in the reader's language.

core.probes.folding writes them in English (its results also serve the command line); the
views word them again from the numbers the results carry (node, kind, width, explained
variance), so a Spanish window says "fc1 (afín)" and "PCA de 12 unidades (91 % de la varianza)".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.network.layers import has_trait
from gui.i18n import percent


def stage_title(stage) -> str:
    """ "input plane", "fc1 (affine)", "relu1", "pool (MaxPool2d)" as core.probes.folding.stage_title has them."""
    if not stage.node:
        return QCoreApplication.translate("FoldingView", "input plane")
    if has_trait(stage.kind, "dense"):
        return QCoreApplication.translate("FoldingView", "{0} (affine)").format(stage.node)
    return stage.title


def projection(width: int, explained: float | None) -> str:
    """How a stage or layer of `width` values is drawn on the plane ("" when as it is)."""
    if width == 2:
        return ""
    if width == 1:
        return QCoreApplication.translate("FoldingView", "1 unit, drawn along the x axis")
    if explained is None:
        return QCoreApplication.translate("FoldingView", "PCA of {0} units").format(width)
    return QCoreApplication.translate("FoldingView", "PCA of {0} units ({1} of the variance)").format(
        width, percent(explained)
    )


def hidden_title(code) -> str:
    """The hidden layer view's title for a core.probes.folding.HiddenCode."""
    if code.width == 2:
        return QCoreApplication.translate("HiddenView", "{0}: 2 units").format(code.layer)
    if code.width == 1:
        return QCoreApplication.translate("HiddenView", "{0}: 1 unit, one row per class").format(code.layer)
    return f"{code.layer}: {projection(code.width, code.explained)}"


def hidden_axes(code) -> tuple[str, str]:
    if code.width == 2:
        unit = QCoreApplication.translate("HiddenView", "{0} unit {1}")
        return unit.format(code.layer, 1), unit.format(code.layer, 2)
    if code.width == 1:
        return code.layer, QCoreApplication.translate("HiddenView", "class")
    axis = QCoreApplication.translate("HiddenView", "principal axis {0}")
    return axis.format(1), axis.format(2)
