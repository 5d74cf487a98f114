"""Reverse correlation of the unit chosen in the activations view (course 004 §9.10): white noise
averaged by the unit's response, drawn beside the unit's real filter (for a first-layer unit)
with their correlation. The worker computes it (core.convolution.reverse) only while the box is
ticked; an estimate is drawn only for the unit it was asked for."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.i18n import number
from gui.widgets.colours import RAMP
from gui.widgets.text_size import pt

TEXT = "#37474f"


class ReversePanel(QWidget):
    toggled = Signal()

    def __init__(self):
        super().__init__()
        self.box = QCheckBox(self.tr("Reverse correlation of the chosen unit"))
        self.box.setObjectName("reverse")
        self.box.setToolTip(
            self.tr(
                "Average white-noise images weighted by the unit's response: its receptive field, "
                "found without looking at the weights"
            )
        )
        self.box.toggled.connect(lambda _: self.toggled.emit())
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {TEXT}")
        self.pictures = pg.GraphicsLayoutWidget()
        self.pictures.setBackground("w")
        self.pictures.setFixedSize(260, 96)  # beside the text, so the maps above keep their room
        self.views: list[pg.ImageItem] = []
        self.titles = []
        for column, title in enumerate((self.tr("from noise"), self.tr("real filter"))):
            self.titles.append(self.pictures.addLabel(title, 0, column, color=TEXT, size=pt(9)))
            box = self.pictures.addViewBox(1, column, lockAspect=True, invertY=True, enableMouse=False)
            image = pg.ImageItem(axisOrder="row-major")
            box.addItem(image)
            self.views.append(image)
        self.pictures.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.box)
        column.addWidget(self.text, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(column, 1)
        layout.addWidget(self.pictures)

    def wanted(self, chosen) -> list | None:
        """The probe option for the chosen unit, or None when not asked for."""
        return list(chosen) if self.box.isChecked() and chosen is not None else None

    def clear(self) -> None:
        for image in self.views:
            image.clear()
        self.pictures.hide()
        self.text.setText(
            self.tr("computed for the unit you click, at the next refresh") if self.box.isChecked() else ""
        )

    def show_result(self, result, chosen) -> None:
        """Draw `result` (core.probes.activations.ReverseCorrelation) if it is the chosen unit's."""
        if result is None or chosen is None or tuple(result.unit) != tuple(chosen):
            self.clear()
            return
        if result.problem:
            self.clear()
            self.text.setText(result.problem)
            return
        estimate = result.estimate.sum(axis=0)
        pictures = [estimate] + ([result.filter.sum(axis=0)] if result.filter is not None else [])
        for image, values in zip(self.views, pictures, strict=False):
            top = max(float(np.abs(values).max()), 1e-12)
            image.setImage(RAMP.map(np.clip(values / (2 * top) + 0.5, 0, 1), mode="byte")[..., :3], levels=(0, 255))
        if result.filter is None:
            self.views[1].clear()
        node, channel, row, col = result.unit
        compared = (
            self.tr("correlation with its real filter {0}").format(number(result.correlation, 2))
            if result.correlation is not None
            else self.tr("a deeper unit has no single filter to compare with")
        )
        self.text.setText(
            self.tr("{0} channel {1} ({2}, {3}), {4} noise images: {5}.").format(
                node, channel, row, col, QLocale().toString(int(result.samples)), compared
            )
        )
        self.pictures.show()
