"""The loss landscape of the user's network: contours, a 3-D surface and the 1-D line.

The landscape is computed by the training run, in the process that holds the model
(core.run.loop): "Compute" (or, once, a trained model going quiet) sends ComputeLandscape with
this view's settings through the TrainingController; the run answers with a coarse grid at once,
then finer ones, and the progress between them. While training runs, the landscape is computed on
a copy of the weights taken at the request, and training goes on beside it at about half speed.
Cancel, or a newer request, drops whatever the older request still sends.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from core.probes.registry import ProbeFailed
from core.run.messages import LandscapeDone, LandscapeFailed, LandscapeOptions, LandscapeProgress
from gui.i18n import number, percent, significant
from gui.views.base import InsightView, MessageLabel
from gui.views.landscape.surface3d import Surface3D
from gui.widgets.contours import contour_curve
from gui.widgets.text_size import pt

GRID_SIZES = (17, 33, 51, 65, 101)
QUIET_MS = 500  # a trained model that sends nothing new for this long gets its landscape by itself
CONTOURS = 12
COLOURS = pg.colormap.get("viridis")
PATH_PEN = pg.mkPen("#d32f2f", width=2.2)
HALO_PEN = pg.mkPen("w", width=5)
NO_LINE = QT_TRANSLATE_NOOP("LandscapeView", "needs the initial weights:\nrecorded when training starts")
INTRO = QT_TRANSLATE_NOOP(
    "LandscapeView",
    "Train the network (or step it), then press Compute: the loss around the current weights appears "
    "here, a coarse grid at once, then finer. Random directions are scaled filter by filter to the "
    "weights (Li et al. 2018); PCA directions follow the path training took. While training runs, the "
    "landscape is computed on a copy of the weights taken when you press Compute.",
)


@dataclass
class Picture:
    """A LandscapeResult prepared for drawing, off the GUI thread."""

    result: object  # core.landscape.grid.LandscapeResult
    logs: np.ndarray  # log10 of the loss, non-finite values replaced
    low: float
    high: float
    contour_x: np.ndarray  # all contour lines, NaN between them
    contour_y: np.ndarray


def prepare(result) -> Picture:
    """Log loss, its range and the contour lines."""
    values = np.asarray(result.values, float)
    finite = np.isfinite(values) & (values > 0)
    logs = np.log10(np.where(finite, values, np.nan))
    low, high = (float(np.nanmin(logs)), float(np.nanmax(logs))) if finite.any() else (0.0, 1.0)
    high = max(high, low + 1e-6)
    logs = np.where(np.isfinite(logs), logs, high)
    levels = np.linspace(low, high, CONTOURS + 2)[1:-1]
    return Picture(result, logs, low, high, *contour_curve(result.xs, result.ys, logs, levels))


class LandscapeView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.controller = None  # the TrainingController whose run computes the landscape
        self.request = 0  # grows with every Compute
        self.working: int | None = None  # the request being computed
        self.step = 0  # the model's step, from the latest snapshot
        self.data = None
        self.auto = True  # compute once by itself, before the user ever presses Compute
        self.model_seen = False  # a model exists: Compute can work
        self.picture: Picture | None = None
        self._used: LandscapeOptions | None = None  # the settings of the landscape drawn or being computed
        self.quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self.quiet.timeout.connect(self._quiet)
        self._build()

    # ---- widgets -----------------------------------------------------------------------

    def _build(self) -> None:
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setToolTip(
            self.tr("Compute the landscape around the model's current weights (while training runs: a copy of them)")
        )
        self.compute_button.clicked.connect(self.compute)
        self.compute_button.setEnabled(False)  # until a model exists
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.directions = QComboBox()
        self.directions.addItem(self.tr("random directions (filter-normalised)"), "random")
        self.directions.addItem(self.tr("PCA of the training path"), "pca")
        self.directions.setToolTip(self.tr("The two directions in weight space that span the plane drawn"))
        self.grid = QComboBox()
        for n in GRID_SIZES:
            self.grid.addItem(f"{n}×{n}", n)
        self.grid.setCurrentIndex(GRID_SIZES.index(51))
        self.grid.setToolTip(self.tr("Grid points a side"))
        self.scale = QDoubleSpinBox(
            minimum=0.05, maximum=20.0, value=1.0, singleStep=0.25, decimals=2, prefix=self.tr("range ×")
        )
        self.scale.setToolTip(self.tr("Zoom: random directions span ±1 × this; PCA directions the path's box × this"))
        for widget in (self.directions, self.grid):
            widget.currentIndexChanged.connect(self._settings_changed)
        self.scale.editingFinished.connect(self._settings_changed)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFixedWidth(200)
        self.progress.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #37474f")
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        for widget in (self.compute_button, self.cancel_button, self.directions, self.grid, self.scale, self.progress):
            controls.addWidget(widget)
        controls.addWidget(self.status, 1)
        self.message = MessageLabel(self.tr(INTRO))

        self.map = pg.PlotWidget(background="w")
        self.map.setMenuEnabled(False)
        self.map.hideButtons()
        self.map.setLabel("bottom", self.tr("direction 1"))
        self.map.setLabel("left", self.tr("direction 2"))
        self.map.setTitle(self.tr("loss around the current weights (log scale)"), color="#37474f", size=pt(10))
        self.map.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.map.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(colorMap=COLOURS, interactive=False, width=14, label=self.tr("loss"))
        self.colour_bar.setImageItem(self.image, insert_in=self.map.getPlotItem())
        self.contours = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 150), width=1), connect="finite")
        self.halo = pg.PlotDataItem(pen=HALO_PEN)
        self.path = pg.PlotDataItem(pen=PATH_PEN, symbol="o", symbolSize=4, symbolBrush="#d32f2f", symbolPen=None)
        self.ends = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#d32f2f", width=2))
        for item in (self.contours, self.halo, self.path, self.ends):
            self.map.addItem(item)
        self.surface = Surface3D()
        self.line_plot = pg.PlotWidget(background="w")
        self.line_plot.setMenuEnabled(False)
        self.line_plot.hideButtons()
        self.line_plot.setLogMode(y=True)
        self.line_plot.setLabel("bottom", self.tr("α: (1 − α)·initial + α·final weights"))
        self.line_plot.setLabel("left", self.tr("loss"))
        self.line_plot.setTitle(self.tr("the straight line from the initial weights"), color="#37474f", size=pt(10))
        self.line_curve = self.line_plot.plot(pen=pg.mkPen("#1565c0", width=2))
        for alpha, text, height in (
            (0.0, self.tr("initial"), 0.06),
            (1.0, self.tr("final"), 0.94),
        ):  # where the line seldom is
            mark = pg.InfiniteLine(alpha, pen=pg.mkPen("#90a4ae", style=Qt.PenStyle.DashLine), label=text)
            mark.label.setPosition(height)
            mark.label.setColor("#546e7a")
            self.line_plot.addItem(mark)
        self.line_note = pg.TextItem("", color="#546e7a", anchor=(0.5, 0.5))
        self.line_plot.addItem(self.line_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.map, self.surface, self.line_plot):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([400, 360, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.splitter.hide()  # empty axes until there is something to draw
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.setStretchFactor(self.message, 1)
        self.layout_ = layout

    # ---- InsightView ----------------------------------------------------------------------

    def use_controller(self, controller) -> None:
        """The training controller that computes landscapes (gui.training.controller)."""
        self.controller = controller
        controller.landscape.connect(self._landscape)
        controller.state_changed.connect(self._run_state)
        controller.snapshot.connect(self._snapshot)
        controller.parameter_set.connect(self._weight_set)
        self.step = controller.step
        self._run_state(controller.state)

    def set_context(self, project, data) -> None:
        """Another project, dataset or model (Reset, pretrained weights, a series' next run): the
        surface was computed around weights no longer on screen, so it goes."""
        self.cancel()
        self.data, self.auto, self.picture, self._used = data, True, None, None
        active = self.controller is not None and self.controller.active
        self.step = self.controller.step if active else 0  # a tab opened mid-run keeps the run's step
        self.splitter.hide()
        self.message.setText(self.tr(INTRO))
        self.message.setToolTip("")
        self.message.show()
        self.layout_.setStretchFactor(self.message, 1)
        self._show_status()

    def busy(self) -> bool:
        return self.working is not None or self.quiet.isActive()

    def keep(self) -> dict:
        """The settings, the picture and the computation under way (its answers keep coming)."""
        return dict(
            directions=self.directions.currentIndex(),
            grid=self.grid.currentIndex(),
            scale=self.scale.value(),
            request=self.request,
            working=self.working,
            used=self._used,
            auto=self.auto,
            picture=self.picture,
            progress=(self.progress.maximum(), self.progress.value(), self.progress.format()),
        )

    def restore(self, kept: dict) -> None:
        for widget in (self.directions, self.grid, self.scale):
            widget.blockSignals(True)
        self.directions.setCurrentIndex(kept["directions"])
        self.grid.setCurrentIndex(kept["grid"])
        self.scale.setValue(kept["scale"])
        for widget in (self.directions, self.grid, self.scale):
            widget.blockSignals(False)
        self.request, self.working, self._used, self.auto = kept["request"], kept["working"], kept["used"], kept["auto"]
        if kept["picture"] is not None:
            self.show_picture(kept["picture"])
        if self.working is not None:
            total, done, text = kept["progress"]
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(text)
            self.progress.show()
        self._sync_buttons()
        self._show_status()

    # ---- actions -----------------------------------------------------------------------------

    def compute(self) -> None:
        """Ask the training run for the landscape around its current weights, with these settings."""
        self.auto = False
        self.quiet.stop()
        self.cancel()
        if self.controller is None:
            return
        self.request += 1
        options = self.settings()
        if not self.controller.compute_landscape(self.request, options):
            self.message.setText(self.tr("There is no model yet: press Step (F10) or Run (F5), then Compute."))
            self.message.show()
            return
        self.working, self._used = self.request, options
        self.progress.setRange(0, options.grid**2)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("preparing…"))
        self.progress.show()
        self._sync_buttons()

    def cancel(self) -> None:
        if self.working is not None and self.controller is not None:
            self.controller.cancel_landscape(self.working)
        self.working = None
        self.progress.hide()
        self._sync_buttons()

    def settings(self) -> LandscapeOptions:
        return LandscapeOptions(self.directions.currentData(), self.grid.currentData(), self.scale.value())

    def _quiet(self) -> None:
        if self.auto and self.working is None and self.model_seen:
            self.compute()

    def _settings_changed(self) -> None:
        """New directions, grid or range: compute again if a landscape is drawn or coming."""
        if (self.picture is not None or self.working is not None) and self.settings() != self._used:
            self.compute()

    def _sync_buttons(self) -> None:
        working = self.working is not None
        self.compute_button.setEnabled(self.model_seen and not working)
        self.cancel_button.setEnabled(working)

    # ---- what the run says (on the GUI thread) --------------------------------------------------

    def _run_state(self, state: str) -> None:
        """A model exists from the first pause; a trained one that goes quiet gets its landscape."""
        self.model_seen = state in ("running", "paused", "finished")
        if not self.model_seen:
            self.working = None  # the run that computed it has gone
            self.progress.hide()
            self.quiet.stop()
        elif state == "running":
            self.quiet.stop()
        elif self.auto and self.working is None and self.step > 0:
            self.quiet.start()
        self._sync_buttons()
        self._show_status()

    def _weight_set(self, _message) -> None:
        """A weight set by hand (the Neurons view) changed the model without a step: the surface
        around the weights before goes, and the changed model's comes once it is quiet."""
        shown = self.picture is not None or self.working is not None
        self.set_context(None, self.data)
        if shown and self.model_seen and self.step > 0:
            self.quiet.start()

    def _snapshot(self, shot) -> None:
        self.step = shot.step
        if self.picture is not None:
            self._show_status()

    def _landscape(self, message) -> None:
        if message.request != self.working:
            return  # cancelled, or an older request
        match message:
            case LandscapeProgress(done=done, total=total, result=result):
                locale = QLocale()
                self.progress.setFormat(
                    self.tr("{0} / {1} points").format(locale.toString(int(done)), locale.toString(int(total)))
                )
                self.progress.setValue(done)
                if result is not None:
                    self.show_picture(prepare(result))
            case LandscapeDone(result=result):
                self.working = None
                self.progress.hide()
                self._sync_buttons()
                self.show_picture(prepare(result))
            case LandscapeFailed(text=text, details=details):
                self.working = None
                self.progress.hide()
                self._sync_buttons()
                self.message.show_failure(ProbeFailed(text, details))

    # ---- drawing ---------------------------------------------------------------------------------

    def show_picture(self, picture: Picture) -> None:
        """Draw a (partial or final) landscape; the CLI's picture comes through here too."""
        self.picture, result = picture, picture.result
        self.message.hide()
        self.layout_.setStretchFactor(self.message, 0)
        self.splitter.show()
        xs, ys = result.xs, result.ys
        dx, dy = (xs[-1] - xs[0]) / max(1, len(xs) - 1), (ys[-1] - ys[0]) / max(1, len(ys) - 1)
        self.image.setImage(picture.logs, autoLevels=False)
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy))
        self.colour_bar.setLevels((picture.low, picture.high))
        self.colour_bar.axis.setTicks(log_ticks(picture.low, picture.high))  # the image holds log10(loss)
        self.contours.setData(picture.contour_x, picture.contour_y)
        path = result.path_xy
        if path is not None:
            self.halo.setData(path[:, 0], path[:, 1])
            self.path.setData(path[:, 0], path[:, 1])
            self.ends.setData(
                [path[0, 0], path[-1, 0]], [path[0, 1], path[-1, 1]], brush=["w", "#d32f2f"], symbol=["o", "star"]
            )
        else:
            for item in (self.halo, self.path, self.ends):
                item.setData([], [])
        self.map.getPlotItem().setRange(xRange=(xs[0], xs[-1]), yRange=(ys[0], ys[-1]), padding=0)
        self._draw_surface(picture)
        self._draw_line(result)
        self._show_status()

    def _draw_surface(self, picture: Picture) -> None:
        result = picture.result
        heights = (picture.logs - picture.low) / (picture.high - picture.low)
        colours = COLOURS.map(heights, mode="byte")[..., :3]
        path = None
        if result.path_xy is not None:
            xs, ys = result.xs, result.ys
            u = (result.path_xy[:, 0] - xs[0]) / (xs[-1] - xs[0]) * 2 - 1
            v = (result.path_xy[:, 1] - ys[0]) / (ys[-1] - ys[0]) * 2 - 1
            inside = (np.abs(u) <= 1) & (np.abs(v) <= 1)
            path = np.stack([u, v], 1)[inside]
        self.surface.set_surface(heights, colours, path)

    def _draw_line(self, result) -> None:
        if result.line is None:
            self.line_curve.setData([], [])
            waiting = result.path_xy is not None  # the line comes right after the first grid
            self.line_note.setText(self.tr("computing…") if waiting else self.tr(NO_LINE))
            self.line_note.setPos(0.5, 0)
            return
        self.line_note.setText("")
        finite = np.isfinite(result.line) & (result.line > 0)
        self.line_curve.setData(result.alphas[finite], result.line[finite])
        if finite.any():
            logs = np.log10(result.line[finite])
            self.line_plot.getAxis("left").setTicks(log_ticks(logs.min(), logs.max()))

    def _show_status(self) -> None:
        result = self.picture.result if self.picture is not None else None
        locale = QLocale()
        if result is None:
            self.status.setText(
                self.tr("model at step {0}").format(locale.toString(int(self.step))) if self.step else ""
            )
            return
        parts = [self.tr("loss at the centre {0}").format(significant(result.centre_loss, 4))]
        if result.step is not None:
            parts[0] += self.tr(" (step {0})").format(locale.toString(int(result.step)))
        if result.kind == "pca" and result.explained is not None:
            a, b = result.explained
            parts.append(
                self.tr("PCA directions hold {0} and {1} of the path's variance").format(percent(a), percent(b))
            )
        else:
            parts.append(self.tr("random filter-normalised directions"))
        if result.step is not None and self.step > result.step:
            parts.append(
                self.tr("the model is now at step {0}: Compute again to follow it").format(
                    locale.toString(int(self.step))
                )
            )
        self.status.setText(" · ".join(parts))


def log_ticks(low: float, high: float) -> list[list[tuple[float, str]]]:
    """Ticks for an axis in log10 units, labelled with the values: 1-2-5 steps, finer when few fit."""
    for mantissas in ((1,), (1, 2, 5), (1, 2, 3, 5, 7), tuple(range(1, 10))):
        ticks = [
            (np.log10(m * 10.0**e), number(m * 10.0**e))
            for e in range(int(np.floor(low)) - 1, int(np.ceil(high)) + 1)
            for m in mantissas
            if low - 1e-9 <= np.log10(m * 10.0**e) <= high + 1e-9
        ]
        if len(ticks) >= 4:
            return [ticks]
    return [ticks]
