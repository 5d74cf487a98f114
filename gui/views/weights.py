"""Weights as images (course 001): each unit of a dense layer fed by the image drawn as a picture
of its incoming weights, and the next layer's weights as bars, one row of bars per class.

Colours diverge around zero (blue positive, orange negative, white zero), scaled symmetrically per
unit or, when the user asks, on one scale shared by all units so their strengths compare. A layer
that does not see the image is drawn as its weight matrix. Clicking a class's row of bars writes
that class's weight on every unit under the unit's picture.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from core.probes.registry import ProbeFailed
from gui.views.base import InsightView, MessageStack
from gui.widgets.colours import NEGATIVE, POSITIVE, RAMP
from gui.widgets.tile_grid import TileGrid, grid_columns

ROW = 0.42  # a class's largest bar reaches this far from its baseline; baselines are 1 apart
HIGHLIGHT = (255, 236, 179)
MAX_TICKS = 32  # name every unit or class on an axis up to this many
GAP_GREY = 224  # where a stacked recurrent layer's picture has no weight: between levels, right of a narrower one


def weight_rgb(w: np.ndarray, scale: float) -> np.ndarray:
    """(C, H, W) weights as (H, W', 3) uint8 on the scale ±`scale`: the diverging ramp for one channel
    (other counts side by side), grey-centred colour for three."""
    scale = max(float(scale), 1e-12)
    if w.shape[0] == 3:
        return (np.clip(0.5 + w.transpose(1, 2, 0) / (2 * scale), 0, 1) * 255 + 0.5).astype(np.uint8)
    plane = np.concatenate(list(w), axis=1)
    return RAMP.map(np.clip(plane / (2 * scale) + 0.5, 0, 1), mode="byte")[..., :3]


def unit_scales(weights: np.ndarray, shared: bool) -> np.ndarray:
    """Each unit's colour scale: its own largest |weight|, or the largest of all units."""
    largest = np.abs(weights.reshape(len(weights), -1)).max(1)
    return np.full_like(largest, largest.max()) if shared else largest


def spaced_ticks(names: list[str], width: float, axis: pg.AxisItem) -> list[list[tuple[float, str]]]:
    """Every k-th name where all would run into each other (30 units on a narrow axis: h0, h5, h10…),
    the others as unlabelled ticks."""
    metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
    widest = max((metrics.horizontalAdvance(n) for n in names), default=0.0) + metrics.horizontalAdvance("  ")
    every = max(1, int(np.ceil(widest * len(names) / max(width, 1.0))))
    every = next(k for k in (1, 2, 5, 10, 20, 50) if k >= every) if every <= 50 else every
    named = [(j, n) for j, n in enumerate(names) if j % every == 0]
    return [named, [(j, "") for j in range(len(names)) if j % every]]


class WeightsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer: str | None = None  # None: the probe picks the first layer that sees the image
        self.result = None
        self.data = None
        self.selected: int | None = None  # the class whose bars were clicked
        self.chooser = QComboBox()
        self.chooser.setObjectName("layer")
        self.chooser.setToolTip(self.tr("The dense layer whose weights are drawn"))
        self.chooser.currentTextChanged.connect(self._layer_chosen)
        self.shared = QCheckBox(self.tr("one colour scale for all units"))
        self.shared.setObjectName("shared")
        self.shared.setToolTip(
            self.tr("Off: each unit on its own scale, to see its pattern. On: all on one, to compare strengths")
        )
        self.shared.toggled.connect(lambda _: self.result is not None and self._draw())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("layer")))
        controls.addWidget(self.chooser)
        controls.addWidget(self.shared)
        controls.addWidget(self.caption, 1)

        self.tiles = TileGrid()
        self.matrix = pg.PlotWidget(background="w")
        self.matrix.setMenuEnabled(False)
        self.matrix.hideButtons()
        self.matrix.getViewBox().invertY(True)
        self.matrix.setLabel("bottom", self.tr("input"))
        self.matrix.setLabel("left", self.tr("unit"))
        self.matrix_image = pg.ImageItem(axisOrder="row-major")
        self.matrix.addItem(self.matrix_image)
        self.blocks = pg.PlotCurveItem(pen=pg.mkPen("#212121", width=2), connect="pairs")  # a recurrent layer's parts
        self.matrix.addItem(self.blocks)
        self.pictures = QStackedWidget()
        self.pictures.addWidget(self.tiles)
        self.pictures.addWidget(self.matrix)

        self.bars_caption = QLabel()
        self.bars_caption.setWordWrap(True)
        self.bars_plot = pg.PlotWidget(background="w")
        self.bars_plot.setMenuEnabled(False)
        self.bars_plot.hideButtons()
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.showGrid(x=False, y=False)
        self.band = pg.BarGraphItem(x0=[0], width=[0], y0=[0], height=[0], brush=HIGHLIGHT, pen=None)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, pen=None)
        self.brushes = (pg.mkBrush(POSITIVE), pg.mkBrush(NEGATIVE))
        self.zero_lines = pg.PlotCurveItem(pen=pg.mkPen("#90a4ae", width=1), connect="pairs")
        for item in (self.band, self.zero_lines, self.bars):
            self.bars_plot.addItem(item)
        self.bars_plot.scene().sigMouseClicked.connect(self._bars_clicked)
        self.bars_panel = QWidget()
        bars_layout = QVBoxLayout(self.bars_panel)
        bars_layout.setContentsMargins(0, 0, 0, 0)
        bars_layout.addWidget(self.bars_caption)
        bars_layout.addWidget(self.bars_plot, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.pictures)
        self.split.addWidget(self.bars_panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(controls)
        inner.addWidget(self.split, 1)
        self.stack = MessageStack(
            self.content, text=self.tr("Train the network, or take a single step, to see its weights here.")
        )
        self.message = self.stack.message
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"weights": {"layer": self.layer} if self.layer else {}}

    def set_context(self, project, data) -> None:
        self.layer, self.result, self.selected, self.data = None, None, None, data
        self.stack.say(self.tr("Train the network, or take a single step, to see its weights here."))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("weights")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if result is None or (self.layer is not None and result.layer != self.layer):
            return  # nothing, or still the layer chosen before: the chosen one's weights are on their way
        if self.result is None or result.next_names != self.result.next_names:
            self.selected = None
        self.result = result
        self.chooser.blockSignals(True)
        if [self.chooser.itemText(i) for i in range(self.chooser.count())] != result.layers:
            self.chooser.clear()
            self.chooser.addItems(result.layers)
        self.chooser.setCurrentText(result.layer)
        self.chooser.blockSignals(False)
        self.stack.show_content()
        self._draw()

    # ---- drawing ----------------------------------------------------------------------------

    def _draw(self) -> None:
        r = self.result
        if r.is_image:
            self._draw_images()
        else:
            self._draw_matrix()
        self._draw_bars()

    def _draw_images(self) -> None:
        r = self.result
        c, h, w = r.weights.shape[1:]
        scales = unit_scales(r.weights, self.shared.isChecked())
        tiles = np.stack([weight_rgb(unit, scale) for unit, scale in zip(r.weights, scales, strict=True)])
        captions, colours = list(r.unit_names), None
        if self.selected is not None:  # the chosen class's weight on each unit, under the unit
            votes = r.next_weights[self.selected, : len(r.weights)]
            captions = [f"{name} {v:+.2f}" for name, v in zip(r.unit_names, votes, strict=True)]
            colours = [_hex(POSITIVE if v >= 0 else NEGATIVE) for v in votes]
        self.tiles.show_tiles(tiles, grid_columns(len(tiles)), captions, colours)
        self.pictures.setCurrentWidget(self.tiles)
        cropped = self.tr(" (the first {0})").format(len(r.weights)) if len(r.weights) < r.units else ""
        colour = (
            self.tr("red, green and blue channels, grey at zero")
            if c == 3
            else self.tr("blue positive, orange negative")
        )
        scale = self.tr("one scale for all") if self.shared.isChecked() else self.tr("each on its own scale")
        shape = "×".join(map(str, (c, h, w) if c > 1 else (h, w)))
        self.caption.setText(
            self.tr(
                "<b>{0}</b>: {1} units{2}; each picture is one unit's {3} incoming weights laid out as the {4} "
                "input ({5}; {6})."
            ).format(r.layer, r.units, cropped, c * h * w, shape, colour, scale)
        )

    def _draw_matrix(self) -> None:
        r = self.result
        if r.recurrent_split is not None:
            self._draw_recurrent(r)
            return
        scale = max(float(np.abs(r.weights).max()), 1e-12)
        self.matrix_image.setImage(weight_rgb(r.weights[None], scale), autoLevels=False, levels=(0, 255))
        rows, columns = r.weights.shape
        self.matrix_image.setRect(QRectF(0, 0, columns, rows))
        names = r.unit_names[:rows]
        self.matrix.getAxis("left").setTicks(
            [[(k + 0.5, n) for k, n in enumerate(names)]] if rows <= MAX_TICKS else None
        )
        inputs = [[(j + 0.5, str(j)) for j in range(columns)]] if columns <= MAX_TICKS else None
        self.matrix.getAxis("bottom").setTicks(inputs)
        self.matrix.setRange(QRectF(0, 0, columns, rows), padding=0.02)
        self.pictures.setCurrentWidget(self.matrix)
        cropped = self.tr(" (the first {0})").format(rows) if rows < r.units else ""
        self.blocks.setData(np.zeros(0), np.zeros(0))
        self.matrix.setLabel("bottom", self.tr("input"))
        self.caption.setText(
            self.tr(
                "<b>{0}</b> does not see the image, so its weights are drawn as a matrix: one row per unit{1}, "
                "one column per input; blue positive, orange negative, largest |w| = {2}."
            ).format(r.layer, cropped, _g3(scale))
        )

    def _draw_recurrent(self, r) -> None:
        """[W_ih | W_hh] of every level of a recurrent layer, one level under another: W_ih and W_hh
        each on its own scale (one large input weight would wash out all of W_hh), a line between
        them and between the gates' blocks of rows, a frame around each level when there are several."""
        levels = r.level_weights or [r.weights]
        splits = r.level_splits or [r.recurrent_split]
        pictures, scales = [], []
        for weight, split in zip(levels, splits, strict=True):
            parts = np.split(weight, [split], axis=1)
            level_scales = [max(float(np.abs(p).max()), 1e-12) if p.size else 1.0 for p in parts]
            pictures.append(
                np.concatenate([weight_rgb(p[None], s) for p, s in zip(parts, level_scales, strict=True)], axis=1)
            )
            scales.append(level_scales)
        stacked = len(pictures) > 1
        gap = max(2, pictures[0].shape[0] // 12) if stacked else 0
        width = max(p.shape[1] for p in pictures)
        tops = list(np.cumsum([0] + [p.shape[0] + gap for p in pictures[:-1]]))
        height = tops[-1] + pictures[-1].shape[0]
        canvas = np.full((height, width, 3), GAP_GREY, dtype=np.uint8)  # grey: no weight there (white is zero)
        for top, picture in zip(tops, pictures, strict=True):
            canvas[top : top + picture.shape[0], : picture.shape[1]] = picture
        self.matrix_image.setImage(canvas, autoLevels=False, levels=(0, 255))
        self.matrix_image.setRect(QRectF(0, 0, width, height))
        xs, ys, ticks = [], [], []
        block = r.units // max(len(r.gates), 1)
        for level, (top, weight, split) in enumerate(zip(tops, levels, splits, strict=True)):
            rows, columns = weight.shape
            xs += [split, split]
            ys += [top, top + rows]
            for k in range(1, len(r.gates)):
                if k * block < rows:
                    xs += [0, columns]
                    ys += [top + k * block, top + k * block]
            if stacked:  # a frame: where this level's matrix ends
                corners = [(0, top), (columns, top), (columns, top + rows), (0, top + rows), (0, top)]
                for (x0, y0), (x1, y1) in zip(corners, corners[1:], strict=False):
                    xs += [x0, x1]
                    ys += [y0, y1]
            ticks += self._level_ticks(r, level, top, rows, block, stacked)
        self.blocks.setData(np.array(xs, float), np.array(ys, float))
        self.matrix.getAxis("left").setTicks([ticks] if ticks else None)
        columns = levels[0].shape[1]
        inputs = [[(j + 0.5, str(j)) for j in range(columns)]] if columns <= MAX_TICKS and not stacked else None
        self.matrix.getAxis("bottom").setTicks(inputs)
        self.matrix.setRange(QRectF(0, 0, width, height), padding=0.02)
        self.pictures.setCurrentWidget(self.matrix)
        self.matrix.setLabel(
            "bottom",
            self.tr("inputs (x_t, or the level below's h_t) | state h_(t−1)")
            if stacked
            else self.tr("inputs x_t | state h_(t−1)"),
        )
        self.caption.setText(self._recurrent_caption(r, levels, scales))

    def _level_ticks(self, r, level: int, top: int, rows: int, block: int, stacked: bool) -> list:
        """The left axis's names for one level's rows: each unit when few, else each gate's block."""
        named = self.tr("level {0}").format(level + 1) + " · " if stacked else ""
        if rows <= MAX_TICKS and not stacked:
            return [(top + k + 0.5, n) for k, n in enumerate(r.unit_names[:rows])]
        if r.gates:
            return [
                (top + (k + 0.5) * block, (named if k == 0 else "") + gate)
                for k, gate in enumerate(r.gates)
                if k * block < rows
            ]
        return [(top + rows / 2, named.rstrip(" ·") or "h")]

    def _recurrent_caption(self, r, levels: list[np.ndarray], scales: list[list[float]]) -> str:
        gates = self.tr(" in blocks of rows, one per gate ({0})").format(", ".join(r.gates)) if r.gates else ""
        cropped = self.tr(" (the first {0})").format(len(levels[0])) if len(levels[0]) < r.units else ""
        if len(levels) == 1:
            return self.tr(
                "<b>{0}</b> is recurrent: its weights as one matrix, a row per unit{1}{2}; left of the line W_ih "
                "(its {3} inputs x_t), right of it W_hh (the state h_(t−1) fed back). Blue positive, orange "
                "negative, each part on its own scale: largest |w| {4} in W_ih, {5} in W_hh."
            ).format(r.layer, gates, cropped, r.recurrent_split, _g3(scales[0][0]), _g3(scales[0][1]))
        return self.tr(
            "<b>{0}</b> is recurrent with {1} stacked levels, drawn one under another, a row per unit{2}{3}: "
            "left of each level's line W_ih (level 1 reads the {4} inputs x_t, each level above the states of "
            "the level below), right of it W_hh (the level's own state fed back). Blue positive, orange negative, "
            "each part on its own scale: largest |w| in W_ih {5}, in W_hh {6}, level by level."
        ).format(
            r.layer, len(levels), gates, cropped, r.recurrent_split,
            " / ".join(_g3(s[0]) for s in scales), " / ".join(_g3(s[1]) for s in scales),
        )  # fmt: skip

    def _draw_bars(self) -> None:
        r = self.result
        if r.next_weights is None:
            self.bars_panel.hide()
            return
        self.bars_panel.show()
        units = min(r.next_weights.shape[1], len(r.weights)) if r.is_image else r.next_weights.shape[1]
        values = r.next_weights[:, :units]  # (classes, units)
        classes = len(values)
        scale = max(float(np.abs(values).max()), 1e-12)
        x = np.tile(np.arange(units, dtype=float), classes)
        baselines = -np.repeat(np.arange(classes, dtype=float), units)
        heights = values.ravel() / scale * ROW
        up, down = self.brushes
        self.bars.setOpts(
            x=x, y0=baselines, height=heights, width=0.7, brushes=[up if v >= 0 else down for v in heights]
        )
        ends = np.arange(classes, dtype=float)
        self.zero_lines.setData(np.tile([-0.5, units - 0.5], classes), -np.repeat(ends, 2))
        if self.selected is not None:
            self.band.setOpts(x0=[-0.5], width=[units], y0=[-self.selected - 0.5], height=[1.0])
        else:
            self.band.setOpts(x0=[0], width=[0], y0=[0], height=[0])
        self.bars_plot.getAxis("left").setTicks(
            [[(-k, n) for k, n in enumerate(r.next_names)]] if classes <= MAX_TICKS else None
        )
        self.bars_plot.getAxis("bottom").setTicks(
            spaced_ticks(r.unit_names[:units], self.bars_plot.getViewBox().width(), self.bars_plot.getAxis("bottom"))
            if units <= MAX_TICKS
            else None
        )
        self.bars_plot.setRange(xRange=(-0.6, units - 0.4), yRange=(-classes + 0.45, 0.55), padding=0)
        classes_named = self.data is not None and r.next_names == list(self.data.class_names)
        self.bars_plot.setLabel("left", self.tr("class") if classes_named else self.tr("{0} unit").format(r.next_layer))
        self.bars_plot.setLabel("bottom", self.tr("{0} unit").format(r.layer))
        how = (
            self.tr(
                "<b>{0}</b>: how each class weighs {1}'s units (a bar up: the unit votes for it; largest |w| = {2}). "
                "Click a row to write its weights under the pictures."
            )
            if classes_named
            else self.tr(
                "<b>{0}</b>: how each unit weighs {1}'s units (a bar up: the unit votes for it; largest |w| = {2}). "
                "Click a row to write its weights under the pictures."
            )
        )
        self.bars_caption.setText(how.format(r.next_layer, r.layer, QLocale().toString(float(scale), "g", 3)))

    # ---- interaction ----------------------------------------------------------------------

    def _layer_chosen(self, name: str) -> None:
        if name and name != self.layer:
            self.layer = name
            self.selected = None
            self.options_changed.emit()

    def _bars_clicked(self, event) -> None:
        if self.result is None or self.result.next_weights is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.bars_plot.getViewBox().mapSceneToView(event.scenePos())
        row = int(round(-point.y()))
        if 0 <= row < len(self.result.next_weights):
            self.select_class(None if row == self.selected else row)

    def select_class(self, row: int | None) -> None:
        """Write class `row`'s weights under the unit pictures (None: the units' names again)."""
        self.selected = row
        self._draw()


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _g3(value: float) -> str:
    """Three significant digits as the reader's language writes them."""
    return QLocale().toString(float(value), "g", 3)
