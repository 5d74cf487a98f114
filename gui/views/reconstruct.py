"""Reconstructions, seen (course 003, autoencoders): for a few test samples, the input, the input
with Gaussian noise, and what the network on screen rebuilds from each (core.probes.reconstruct).

A plain autoencoder rebuilds clean inputs well and passes much of the noise through; a denoising
one (a GaussianNoise layer on its input while training) rebuilds the clean sample from the noisy
one. All four rows share one grey scale, the clean inputs' range, so a blurred or noisy row looks
so; values outside it are drawn at its ends. Each row's name sits in its own line above it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.probes.reconstruct import Reconstruction
from gui.i18n import number, significant
from gui.views.base import InsightView, MessageStack
from gui.widgets.text_size import pt

INK = "#333333"
GAP = (236, 239, 241)  # between tiles
WAITING = QT_TRANSLATE_NOOP(
    "ReconstructView",
    "Train the network, or take a single step, to see what it rebuilds from a few test samples, clean and noisy. "
    "It must output as many values as its input: choose the target 'input' in the dataset settings.",
)


def as_images(x: np.ndarray) -> np.ndarray:
    """Samples of any shape as (n, channels, height, width): images stay images, a sequence
    (steps, features) becomes features × steps, a vector one row of values."""
    if x.ndim == 4:
        return x
    if x.ndim == 3:
        return x.transpose(0, 2, 1)[:, None]
    return x.reshape(len(x), 1, 1, -1)


def tiles_rgb(samples: np.ndarray, low: float, high: float) -> np.ndarray:
    """Samples (n, C, H, W) side by side as one (H, n·(W+1)−1, 3) uint8 image, every value on the
    same scale from `low` (black) to `high` (white); colour images keep their colours."""
    n, c, h, w = samples.shape
    canvas = np.empty((h, n * (w + 1) - 1, 3), np.uint8)
    canvas[:] = GAP
    scaled = np.clip((samples - low) / max(high - low, 1e-8), 0.0, 1.0)
    rgb = scaled[:, :3] if c == 3 else np.repeat(scaled[:, :1], 3, axis=1)
    pixels = (rgb.transpose(0, 2, 3, 1) * 255 + 0.5).astype(np.uint8)
    for i in range(n):
        canvas[:, i * (w + 1) : i * (w + 1) + w] = pixels[i]
    return canvas


class ReconstructView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: Reconstruction | None = None
        self.rows: list[np.ndarray] = []  # what the picture shows, row by row, as (n, C, H, W)
        self.shown = 0  # samples drawn: as many as the width holds
        self.std: float | None = None  # the σ the user chose; None: the network's
        self.spin = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=2.0, singleStep=0.05)
        self.spin.setToolTip(self.tr("Standard deviation of the Gaussian noise added to the inputs shown"))
        self.spin.valueChanged.connect(self._std_chosen)
        self.headline = QLabel(wordWrap=True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("noise σ")))
        bar.addWidget(self.spin)
        bar.addWidget(self.headline, 1)
        self.plot = pg.GraphicsLayoutWidget()  # per row: its name, then its pictures (names never cover them)
        self.plot.setBackground("w")
        self.names: list[pg.LabelItem] = []
        self.boxes: list[pg.ViewBox] = []
        self.images: list[pg.ImageItem] = []
        for r in range(4):
            self.names.append(self.plot.ci.addLabel(row=2 * r, col=0, color=INK, justify="left"))
            box = self.plot.ci.addViewBox(row=2 * r + 1, col=0, lockAspect=True, enableMouse=False, invertY=True)
            box.setMenuEnabled(False)
            image = pg.ImageItem(axisOrder="row-major")
            box.addItem(image)
            self.boxes.append(box)
            self.images.append(image)
        grid = self.plot.ci.layout
        grid.setVerticalSpacing(2)
        for r in range(4):
            grid.setRowStretchFactor(2 * r, 0)  # a name takes its line; the pictures take the rest
            grid.setRowStretchFactor(2 * r + 1, 1)
            self.names[r].setText(" ", size=pt(10))
            self.names[r].setMaximumHeight(self.names[r].item.boundingRect().height() * 1.2 + 2)
        self.boxes[0].sigResized.connect(self._box_resized)
        self.caption = QLabel(wordWrap=True)
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.plot, 1)
        column.addWidget(self.caption)
        self.stack = MessageStack(self.content, text=self.tr(WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"reconstruct": {"std": self.std}}

    def set_context(self, project, data) -> None:
        self.result, self.rows, self.std = None, [], None
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = self.stack.accept(insights.get("reconstruct"))
        if result is None:
            return
        self.result = result
        self.spin.blockSignals(True)
        self.spin.setValue(result.std)
        self.spin.blockSignals(False)
        self._draw()

    def keep(self) -> object:
        return self.std

    def restore(self, kept) -> None:
        self.std = kept

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if self.result is not None and event.type() == event.Type.LanguageChange:
            self._draw()

    # ---- drawing ----------------------------------------------------------------------------

    def row_names(self) -> list[str]:
        noisy = self.tr("input + noise of σ = {0}").format(number(self.result.std)) if self.result else ""
        return [self.tr("input"), noisy, self.tr("rebuilt from the noisy input"), self.tr("rebuilt from the input")]

    def _draw(self) -> None:
        r = self.result
        rows = [as_images(a) for a in (r.clean, r.noisy, r.from_noisy, r.from_clean)]
        low, high = float(r.clean.min()), float(r.clean.max())
        h = rows[0].shape[2]
        self.shown = self.columns_that_fit(len(r.clean), h, rows[0].shape[3])
        self.rows = [samples[: self.shown] for samples in rows]
        for box, image, name, label, samples in zip(
            self.boxes, self.images, self.row_names(), self.names, self.rows, strict=True
        ):
            picture = tiles_rgb(samples, low, high)
            height, width = picture.shape[:2]
            image.setImage(picture, autoLevels=False, levels=(0, 255))
            image.setRect(QRectF(0, 0, width, height))
            box.setAspectLocked(h >= 4)  # a row of values is one pixel high: stretched, not square
            box.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)
            label.setText(name, color=INK, size=pt(10))
        if r.layer_std:
            trained = self.tr("the network adds noise of σ = {0} while training (layer '{1}')").format(
                number(r.layer_std), r.layer
            )
        else:
            trained = self.tr("the network adds no noise while training")
        self.headline.setText(self.tr("Step {0}: {1}.").format(r.step, trained))
        self.caption.setText(
            self.tr(
                "{0} test samples: the input, the input plus Gaussian noise of σ = {1}, and what the network "
                "rebuilds from each (the network run as at test time). Mean squared error against the input, "
                "over {2} test samples: the noisy input <b>{3}</b>, rebuilt from the noisy input <b>{4}</b>, "
                "rebuilt from the input <b>{5}</b>. One grey scale for all rows: the inputs' range, {6} to {7}."
            ).format(
                self.shown,
                number(r.std),
                r.measured,
                significant(r.noise_mse),
                significant(r.noisy_mse),
                significant(r.clean_mse),
                significant(low),
                significant(high),
            )
        )

    def columns_that_fit(self, available: int, h: int, w: int) -> int:
        """How many of the `available` samples of h × w fill a row's width at its height (square
        pixels), at least 4 (or all there are); 8 rows of values (not square)."""
        box = self.boxes[0].sceneBoundingRect()
        if h < 4 or box.height() < 1:
            return min(available, 8)
        fit = int(box.width() / box.height() * h / (w + 1))
        return max(min(available, 4), min(available, fit))

    def _box_resized(self) -> None:
        if self.result is not None and self.rows:
            _, _, h, w = self.rows[0].shape
            if self.columns_that_fit(len(self.result.clean), h, w) != self.shown:
                self._draw()

    def _std_chosen(self, value: float) -> None:
        if self.std != value:
            self.std = value
            self.options_changed.emit()
