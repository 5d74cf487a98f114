"""The filters view (course 004 §9.10): every kernel of the first convolution layer beside the Gabor
function fitted to it, with the fit's R² under the pair and, above the grid, how many kernels are
Gabor-like.

Kernels diverge around zero (blue positive, orange negative, white zero), each on its own
symmetric scale; its fitted Gabor is drawn on the same scale, so a good fit looks like a twin.
Fits are refreshed every few seconds while training runs (they cost far more than reading the
weights); when training stops with fits older than the kernels, the view asks for fresh ones.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.probes.filters import fit_images
from core.probes.registry import ProbeFailed
from gui.i18n import significant
from gui.views.base import InsightView, MessageStack
from gui.views.weights import weight_rgb
from gui.widgets.tile_grid import TileGrid, best_columns

GOOD, POOR = "#2e7d32", "#78909c"  # caption colours of Gabor-like and other kernels
SEPARATOR = 205  # the light grey column between a kernel and its fit
STALE_WAIT_MS = 1000  # fits older than the kernels and no new snapshot for this long: fit again
WAITING = QT_TRANSLATE_NOOP(
    "FiltersView", "Train the network, or take a single step, to see its first convolution layer's filters here."
)


def pair_tiles(kernels: np.ndarray, fitted: np.ndarray | None) -> np.ndarray:
    """(n, k, 2k+1, 3) uint8: each kernel (the images the Gabors were fitted to) and its fit side by
    side on the kernel's own symmetric colour scale; (n, k, k, 3) without fits."""
    tiles = []
    for i, kernel in enumerate(kernels):
        scale = max(float(np.abs(kernel).max()), 1e-12)
        left = weight_rgb(kernel[None], scale)
        if fitted is None:
            tiles.append(left)
            continue
        gap = np.full((kernel.shape[0], 1, 3), SEPARATOR, np.uint8)
        tiles.append(np.concatenate([left, gap, weight_rgb(fitted[i][None], scale)], axis=1))
    return np.stack(tiles)


def shown_r2(r2: float) -> str:
    """R² rounded down, so a kernel shown with 0.60 is one that counts as Gabor-like."""
    return QLocale().toString(math.floor(r2 * 100) / 100, "f", 2)


class FiltersView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.refit_pending = False  # a refit was asked for and its result has not come back yet
        self.headline = QLabel(wordWrap=True)
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-weight: bold; color: #263238")  # no size: presentation mode sets it
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #455a64")
        self.sort = QCheckBox(self.tr("best fits first"))
        self.sort.setObjectName("sort")
        self.sort.setToolTip(self.tr("Order the kernels by R², best first (else in the layer's order)"))
        self.sort.toggled.connect(lambda _: self.result is not None and self._draw())
        self.every = QDoubleSpinBox(minimum=0.0, maximum=600.0, value=3.0, singleStep=1.0, decimals=0, suffix=" s")
        self.every.setObjectName("refit_seconds")
        self.every.setToolTip(
            self.tr(
                "While training runs, fit the Gabors again at most this often (0: at every refresh, which slows "
                "training); the kernels themselves are always the current ones"
            )
        )
        self.every.valueChanged.connect(lambda _: self.options_changed.emit())
        self.fit_now = QPushButton(self.tr("Fit now"))
        self.fit_now.setObjectName("fit_now")
        self.fit_now.setToolTip(self.tr("Fit a Gabor to every kernel as it is now"))
        self.fit_now.clicked.connect(self.request_refit)
        controls = QHBoxLayout()
        controls.addWidget(self.headline, 1)
        controls.addWidget(self.sort)
        controls.addWidget(QLabel(self.tr("refit every")))
        controls.addWidget(self.every)
        controls.addWidget(self.fit_now)
        self.tiles = TileGrid()
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(controls)
        content.addWidget(self.caption)
        content.addWidget(self.tiles, 1)
        self.page = QWidget()
        self.page.setLayout(content)
        self.stack = MessageStack(self.page, text=self.tr(WAITING))  # the grid with its controls, or the message alone
        self.message = self.stack.message
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.stale = QTimer(self, singleShot=True, interval=STALE_WAIT_MS)
        self.stale.timeout.connect(self.request_refit)

    # ---- InsightView ----------------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        options = {"refit_seconds": float(self.every.value())}
        return {"filters": options | ({"refit": True} if self.refit_pending else {})}

    def set_context(self, project, data) -> None:
        self.result, self.refit_pending = None, False
        self.stale.stop()
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("filters")
        if isinstance(result, ProbeFailed):
            self.refit_pending = False
            self.stale.stop()
            self.stack.fail(result)
            return
        if result is None:
            return
        self.result = result
        self.stack.show_content()
        self._draw()
        if result.fits and result.fit_step < result.step:
            self.stale.start()  # restarted by every snapshot: it fires only once they stop coming
        else:
            self.stale.stop()
            if self.refit_pending:
                self.refit_pending = False
                self.options_changed.emit()  # back to fitting every few seconds

    def keep(self) -> dict:
        """The order and the refit pace (a language switch builds the view afresh)."""
        return {"sort": self.sort.isChecked(), "every": self.every.value()}

    def restore(self, kept: dict) -> None:
        self.sort.setChecked(kept["sort"])
        self.every.setValue(kept["every"])

    def busy(self) -> bool:
        """A screenshot waits until the fits are those of the kernels shown."""
        return self.refit_pending or self.stale.isActive()

    def request_refit(self) -> None:
        self.refit_pending = True
        self.options_changed.emit()

    # ---- drawing --------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.result is not None:
            self._draw()  # the best number of columns depends on the view's shape

    def _columns(self, count: int, tile: tuple[int, int]) -> int:
        return best_columns(count, tile, (self.tiles.width(), self.tiles.height()))

    def _draw(self) -> None:
        r = self.result
        images, _ = fit_images(r.kernels)
        k = "×".join(map(str, r.kernels.shape[2:]))
        cropped = len(r.kernels) < r.total
        for control in (self.sort, self.every, self.fit_now):
            control.setEnabled(bool(r.fits))  # nothing to sort or fit when the kernels are too small
        if not r.fits:
            headline = (
                self.tr("the first {0} of {1} kernels of {2}: too small to compare with a Gabor")
                if cropped
                else self.tr("{1} kernels of {2}: too small to compare with a Gabor")
            )
            self.headline.setText(headline.format(len(r.kernels), r.total, k))
            self.caption.setText(
                self.tr(
                    "<b>{0}</b>: a Gabor has 9 parameters, so a kernel needs at least 5×5 pixels before a good "
                    "fit means anything. Blue positive, orange negative, white zero; each kernel on its own scale."
                ).format(r.node)
            )
            self.tiles.show_tiles(pair_tiles(images, None), self._columns(len(images), images.shape[1:]))
            return
        r2 = r.r2
        order = np.argsort(-r2, kind="stable") if self.sort.isChecked() else np.arange(len(r2))
        fitted = np.stack([fit.image for fit in r.fits])
        tiles = pair_tiles(images[order], fitted[order])
        captions = [f"#{i}  R² {shown_r2(r2[i])}" for i in order]
        colours = [GOOD if r2[i] >= r.threshold else POOR for i in order]
        self.tiles.show_tiles(tiles, self._columns(len(tiles), tiles.shape[1:3]), captions, colours)
        self.headline.setText(
            self.tr("{0} of {1} kernels are Gabor-like (R² ≥ {2})").format(
                r.gabor_like, len(r.fits), significant(r.threshold, 6)
            )
        )
        lag = (
            ""
            if r.fit_step == r.step
            else self.tr(", training is at {0}: kernels and fits are renewed every few seconds").format(r.step)
        )
        shown = (self.tr("The first {0} of {1} kernels of {2}") if cropped else self.tr("{1} kernels of {2}")).format(
            len(r.kernels), r.total, k
        )
        channels = r.kernels.shape[1]
        fitted_to = (
            self.tr("the kernel") if channels == 1 else self.tr("the mean of its {0} input channels").format(channels)
        )
        self.caption.setText(
            self.tr(
                "<b>{0}</b> at step {1}{2}. {3}; on the left {4}, on the right the Gabor function fitted to it, "
                "on the same scale (blue positive, orange negative, white zero)."
            ).format(r.node, r.fit_step, lag, shown, fitted_to)
        )
