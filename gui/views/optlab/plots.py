"""The optimizer lab's two plots: the surface as a log-coloured map with contours, minima and the
racers' paths, and each racer's loss against the step on a log axis."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from gui.widgets.contours import contour_curve
from gui.widgets.text_size import scale

INK = "#333333"
GRID = 181  # samples per side of the map: fine enough for Rastrigin's bumps; map and contours take < 10 ms
PALE = pg.ColorMap(  # low values near white, high ones grey-blue: the racers' strong colours stand out on both
    [0.0, 0.3, 0.65, 1.0], [(255, 253, 240), (232, 240, 228), (176, 203, 222), (108, 138, 170)]
)
DECADES = 6.0  # the log colour scale spans at most this many decades: an exact zero cannot stretch it


@dataclass
class ColourScale:
    """How a surface's values become colours: log10(value − offset + tiny), or the values themselves
    for a surface unbounded below (the saddle). Fixed per surface, so panning never recolours."""

    log: bool
    offset: float
    tiny: float
    levels: tuple[float, float]
    contours: np.ndarray

    def apply(self, values: np.ndarray) -> np.ndarray:
        if not self.log:
            return values
        return np.log10(np.maximum(values - self.offset, 0.0) + self.tiny)

    @property
    def label(self) -> str:
        return (
            QCoreApplication.translate("LossPlot", "log₁₀ (loss − lowest)")
            if self.log
            else QCoreApplication.translate("LossPlot", "loss")
        )


def colour_scale(surface) -> ColourScale:
    _, _, values = surface.grid(GRID)
    if surface.floor is None:
        low, high = float(values.min()), float(values.max())
        return ColourScale(False, 0.0, 0.0, (low, high), np.linspace(low, high, 13)[1:-1])
    offset = min(float(values.min()), surface.floor)
    tiny = max(float(values.max()) - offset, 1e-12) * 1e-9
    logged = np.log10(values - offset + tiny)
    high = float(logged.max())
    low = max(float(np.percentile(logged, 0.05)), high - DECADES)
    return ColourScale(True, offset, tiny, (low, high), np.arange(np.ceil(low * 2) / 2, high, 0.5))


class SurfacePlot(pg.PlotWidget):
    """The map follows the view: after a pan or zoom it is recomputed for what is in sight."""

    start_chosen = Signal(float, float)  # the user clicked this point of the map

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.setAspectLocked(True)
        self.hideButtons()
        self.setMenuEnabled(False)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(INK)
            axis.setTextPen(INK)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # not rescaled every frame
        self.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(colorMap=PALE, interactive=False, width=14)
        self.colour_bar.setImageItem(self.image, insert_in=self.getPlotItem())
        self.colour_bar.getAxis("right").setTextPen(INK)
        self.contours = pg.PlotCurveItem(connect="finite", pen=pg.mkPen((40, 50, 60, 100), width=1))
        self.addItem(self.contours)
        self.minima = pg.ScatterPlotItem(symbol="star", size=17, brush="#ffd54f", pen=pg.mkPen("#4e342e", width=1.2))
        self.saddles = pg.ScatterPlotItem(symbol="x", size=12, brush="#4e342e", pen=pg.mkPen("#fafafa", width=0.8))
        self.start = pg.ScatterPlotItem(symbol="o", size=13, brush=(0, 0, 0, 0), pen=pg.mkPen("#111111", width=2.5))
        self.heads = pg.ScatterPlotItem(size=10, pen=pg.mkPen("w", width=1.5))
        self.paths: list[pg.PlotCurveItem] = []
        self.dots: list[pg.ScatterPlotItem] = []
        self._brushes: list = []
        for item in (self.minima, self.saddles, self.start, self.heads):
            self.addItem(item)
        self.minima.setZValue(15)
        self.start.setZValue(19)
        self.heads.setZValue(20)
        self.surface = self.scale = None
        self._shown_rect = None
        self._regrid = QTimer(self, singleShot=True, interval=80)  # a drag moves the view ~60×/s: draw once after
        self._regrid.timeout.connect(self._draw_map)
        self.getViewBox().sigRangeChanged.connect(lambda *_: self.surface is not None and self._regrid.start())
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_surface(self, surface) -> None:
        """Draw a new surface: its coloured map with contours (every half decade), minima and saddles."""
        self.surface, self.scale = surface, colour_scale(surface)
        self.colour_bar.setLevels(self.scale.levels)
        self.colour_bar.getAxis("left").setLabel(self.scale.label, color=INK)  # between map and bar
        self.minima.setData(pos=np.array(surface.minima).reshape(-1, 2))
        self.saddles.setData(pos=np.array(surface.saddles).reshape(-1, 2))
        x0, x1, y0, y1 = surface.window
        self.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
        self._draw_map()

    def redraw_map(self) -> None:
        """Now rather than after the pending pan or zoom settles (a picture is about to be taken)."""
        self._regrid.stop()
        self._draw_map()

    def _draw_map(self) -> None:
        """Sample the surface over the visible rectangle (the window's colour scale kept)."""
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        if self._shown_rect == (x0, x1, y0, y1, id(self.surface)):
            return
        self._shown_rect = (x0, x1, y0, y1, id(self.surface))
        _, _, values = self.surface.grid(GRID, (x0, x1, y0, y1))
        shown = self.scale.apply(values)
        self.image.setImage(shown, autoLevels=False, levels=self.scale.levels)
        dx, dy = (x1 - x0) / (GRID - 1), (y1 - y0) / (GRID - 1)
        self.image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        self.contours.setData(*contour_curve(xs, ys, shown, self.scale.contours))

    def set_racers(self, labels: list[str], colours: list[str]) -> None:
        for item in self.paths + self.dots:
            self.removeItem(item)
        self.paths, self.dots = [], []
        for colour in colours:
            path = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1.8))
            dots = pg.ScatterPlotItem(size=4, brush=colour, pen=None)
            for z, item in ((10, path), (11, dots)):
                item.setZValue(z)
                self.addItem(item)
            self.paths.append(path)
            self.dots.append(dots)
        self._brushes = [pg.mkBrush(c) for c in colours]

    def show_paths(self, paths: list[np.ndarray], dots: bool = True) -> None:
        """Each racer's points so far (start first), a ringed dot where each one is now, and with `dots`
        a dot at every step (left out while playing: a scatter's update costs more than a frame allows)."""
        for item, marks, points in zip(self.paths, self.dots, paths, strict=True):
            item.setData(points[:, 0], points[:, 1])
            marks.setVisible(dots)
            if dots:
                marks.setData(pos=points)
        heads = np.array([points[-1] for points in paths]).reshape(-1, 2)
        self.heads.setData(pos=heads, brush=self._brushes[: len(heads)])

    def set_start(self, x: float, y: float) -> None:
        self.start.setData(pos=[(x, y)])

    def view_point(self, x: float, y: float) -> QPoint:
        """Where the map point (x, y) is in the viewport's pixels (for tests that click on it)."""
        return self.mapFromScene(self.getViewBox().mapViewToScene(QPointF(x, y)))

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        box = self.getViewBox()
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return  # on an axis or the colour bar
        point = box.mapSceneToView(event.scenePos())
        self.start_chosen.emit(point.x(), point.y())


def legend_html(labels: list[str], colours: list[str], statuses: list[str]) -> str:
    """The racers' names in their colours, in one wrapping line (a legend that never hides a curve)."""
    entries = []
    for label, colour, status in zip(labels, colours, statuses, strict=True):
        note = f' <span style="color:#78909c">({status})</span>' if status else ""
        entries.append(f'<span style="color:{colour}; font-weight:bold">━━</span>&nbsp;{escape(label)}{note}')
    return " &nbsp;&nbsp; ".join(entries)


class _PowerAxis(pg.AxisItem):
    """A log axis with a tick at every decade, labelled 1e-6, 1, 1e2 … (every 2nd or 4th on a long axis;
    small superscript digits read badly at tick size)."""

    _every = 1

    def tickValues(self, minVal, maxVal, size):
        if not self.logMode:
            return super().tickValues(minVal, maxVal, size)
        decades = list(range(int(np.ceil(minVal)), int(np.floor(maxVal)) + 1))
        self._every = 1 if len(decades) <= 8 else 2 if len(decades) <= 16 else 4
        labelled = [v for v in decades if v % self._every == 0]
        return [(float(self._every), labelled), (1.0, [v for v in decades if v % self._every])]

    def logTickStrings(self, values, scale, spacing):
        return [_power(round(v)) if round(v) % self._every == 0 else "" for v in values]


def _power(k: int) -> str:
    return "1" if k == 0 else "10" if k == 1 else f"1e{k}"


class LossPlot(pg.PlotWidget):
    """Loss minus the surface's lowest value on a log axis; the saddle, unbounded below, on a linear
    one that shows the window's range of values (a racer falling off the saddle leaves through the
    bottom). The range is set by hand, only when the curves outgrow it."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w", axisItems={"left": _PowerAxis("left")})
        self._tick_font = QFont()
        self._tick_font.setPointSizeF(9.5 * scale())
        self.getAxis("left").setStyle(tickFont=self._tick_font)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.disableAutoRange()  # (and no grid: an axis with grid lines repaints with every curve update)
        self.setLabel("bottom", self.tr("step"), color=INK)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(INK)
            axis.setTextPen(INK)
            axis.enableAutoSIPrefix(False)
        self.curves: list[pg.PlotDataItem] = []
        self.floor: float | None = 0.0
        self.ceiling = 1.0  # the highest value worth showing: 10× the window's highest
        self._range = None

    def set_surface(self, surface, scale: ColourScale) -> None:
        self.floor = surface.floor
        self.setLogMode(y=self.floor is not None)
        self.setLabel("left", self.tr("loss") if self.floor is None else self.tr("loss − minimum"), color=INK)
        if scale.log:
            self.ceiling = 10 * (10 ** scale.levels[1])
        else:
            low, high = scale.levels
            self.setYRange(low - 0.1 * (high - low), high + 0.1 * (high - low), padding=0)
        self._range = None

    def set_racers(self, labels: list[str], colours: list[str]) -> None:
        for item in self.curves:
            self.removeItem(item)
        self.curves = [
            self.plot(pen=pg.mkPen(c, width=2), name=label) for label, c in zip(labels, colours, strict=True)
        ]

    def show_losses(self, losses: list[np.ndarray]) -> None:
        shown = []
        for item, values in zip(self.curves, losses, strict=True):
            if self.floor is not None:  # a log axis: 1e-16 stands for "exactly at the minimum"
                values = np.maximum(values - self.floor, 1e-16)
            item.setData(np.arange(len(values)), values)
            shown.append(values)
        self._fit(shown)

    def fit_steps(self, steps: int) -> None:
        """A finished race: the step axis ends at its last step."""
        right = max(10.0, float(steps))
        self.setXRange(0, right, padding=0)
        self._range = (right, *(self._range[1:] if self._range else (0.0, 0.0)))

    def _fit(self, shown: list[np.ndarray]) -> None:
        """Whole decades, and a step axis with room to grow, so the range moves only now and then."""
        steps = max((len(v) - 1 for v in shown), default=0)
        now = self._range
        if now is None or not (steps <= now[0] <= 3 * steps + 10):
            right = max(10.0, 1.5 * steps)
            self.setXRange(0, right, padding=0)
            now = self._range = (right, *(now[1:] if now else (0.0, 0.0)))
        if self.floor is None:
            return
        values = np.concatenate(shown) if shown else np.ones(1)
        values = values[np.isfinite(values) & (values > 0)]
        low = float(np.log10(max(values.min(initial=1.0), 1e-16)))
        high = float(np.log10(min(max(values.max(initial=1.0), 1e-15), self.ceiling)))
        if not (now[1] <= low and high <= now[2]) or now[2] - now[1] > (high - low) + 4:
            bottom, top = np.floor(low - 0.2), np.ceil(high + 0.1)
            self._range = (now[0], bottom, top)
            self.setYRange(bottom, top, padding=0)
