"""The space-folding view: the input plane's grid and the training points, and the same
after every stage of the network (each affine map, then each nonlinearity), as a
strip of small panels beside a large one for the stage the slider picks."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.probes.folding import Folding, Stage
from core.probes.registry import ProbeFailed
from gui.dataset.preview import class_colour
from gui.i18n import class_label
from gui.views.base import InsightView, MessageStack
from gui.views.stage_words import projection, stage_title

HORIZONTAL, VERTICAL = (84, 110, 122, 110), (191, 120, 80, 110)  # the grid's two families of lines, pale under points
AXIS = "#b0bec5"
SMALL = 170  # a small panel's least side in pixels; panels grow to fill the strip's width
SELECTED = "border: 2px solid #1e88e5"
UNSELECTED = "border: 2px solid transparent"


def _connect(lines: np.ndarray) -> np.ndarray:
    """pyqtgraph's per-point 'joined to the next' flags: every line is drawn on its own."""
    joined = np.ones(lines.shape[:2], bool)
    joined[:, -1] = False
    return joined.ravel()


def dead_text(stage: Stage) -> str:
    if stage.dead <= 0:
        return ""
    share = QLocale().toString(round(100 * stage.dead))
    return QCoreApplication.translate("FoldingView", "{0}% of points at zero").format(share)


class StagePlot(pg.PlotWidget):
    """One stage: the grid as two curves, the points as one scatter per class, the axes through zero."""

    def __init__(self, point_size: int, axes: bool, parent=None):
        super().__init__(parent, background="w")
        self.setAspectLocked(True)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        for side in ("left", "bottom"):
            self.showAxis(side, axes)
        self.zero_lines = [
            pg.InfiniteLine(0, angle, pen=pg.mkPen(AXIS, width=1, style=Qt.PenStyle.DashLine)) for angle in (0, 90)
        ]
        for line in self.zero_lines:
            self.addItem(line)
        self.grid = [pg.PlotCurveItem(pen=pg.mkPen(colour, width=1)) for colour in (HORIZONTAL, VERTICAL)]
        for curve in self.grid:
            self.addItem(curve)
        self.point_size = point_size
        self.shown: Stage | None = None  # the stage drawn
        self.scatters: list[pg.ScatterPlotItem] = []
        self.masks: list[np.ndarray] = []

    def set_classes(self, labels: np.ndarray, num_classes: int) -> None:
        """One scatter per class, made once per dataset (brushes built once, not per point)."""
        for item in self.scatters:
            self.removeItem(item)
        classes = range(max(num_classes, 1))
        self.masks = [labels == k for k in classes]
        self.scatters = [
            pg.ScatterPlotItem(
                size=self.point_size,
                brush=pg.mkBrush(class_colour(k) if num_classes else "#37474f"),
                pen=pg.mkPen("w", width=0.8),
            )
            for k in classes
        ]
        for item in self.scatters:
            self.addItem(item)

    def show_stage(self, stage: Stage) -> None:
        self.shown = stage
        lines = len(stage.grid) // 2
        for curve, part in zip(self.grid, (stage.grid[:lines], stage.grid[lines:]), strict=True):
            flat = part.reshape(-1, 2)
            curve.setData(flat[:, 0], flat[:, 1], connect=_connect(part))
        for item, mask in zip(self.scatters, self.masks, strict=True):
            chosen = stage.points[mask]
            item.setData(chosen[:, 0], chosen[:, 1])
        self._fit(np.concatenate([stage.grid.reshape(-1, 2), stage.points]))

    def _fit(self, xy: np.ndarray) -> None:
        """A fixed range around everything drawn: cheaper than auto-range, and never empty."""
        finite = xy[np.isfinite(xy).all(1)].astype(np.float64)
        if not len(finite):
            return
        low, high = finite.min(0), finite.max(0)
        centre, half = (low + high) / 2, np.maximum((high - low) / 2, 1e-3 * max(1.0, float(np.abs(finite).max())))
        x_range = (float(centre[0] - half[0]), float(centre[0] + half[0]))
        self.setRange(xRange=x_range, yRange=(float(centre[1] - half[1]), float(centre[1] + half[1])), padding=0.06)


class FoldingView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.folding: Folding | None = None
        self.two_d = True
        self.selected = -1
        self.chosen_node: str | None = None  # the stage the user picked, kept while stages come and go
        self.large = StagePlot(point_size=7, axes=True)
        self.large.setObjectName("large")
        self.legend = pg.LegendItem(offset=(-6, 6), labelTextColor="#37474f", brush=pg.mkBrush(255, 255, 255, 200))
        self.legend.setParentItem(self.large.getPlotItem().vb)
        self.title = QLabel()
        self.title.setObjectName("stage_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; color: #263238")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("stage")
        self.slider.setToolTip(self.tr("Which stage the large panel shows: the input, then each layer in turn"))
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._select)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.title)
        left_column.addWidget(self.large, 1)
        left_column.addWidget(self.slider)
        self.strip = QWidget()
        self.strip_grid = QGridLayout(self.strip)
        self.strip_grid.setContentsMargins(2, 2, 2, 2)
        self.strip_grid.setSpacing(4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.strip)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._draw_panels)
        self.panels: list[StagePlot] = []
        self.next_panel = QTimer(self, singleShot=True, interval=0)  # the small panels, one a turn
        self.next_panel.timeout.connect(self._draw_panels)
        self.columns = (0, 0)
        self.captions: list[QLabel] = []
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(left, 2)
        row.addWidget(self.scroll, 3)
        self.stack = MessageStack(
            content, text=self.tr("Run or step the training to see the plane folded by each layer.")
        )
        self.message = self.stack.message
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"folding": {}} if self.two_d else {}

    def set_context(self, project, data) -> None:
        self.two_d = data is None or data.is_2d
        self.folding = None
        if not self.two_d:
            self.stack.say(
                self.tr(
                    "Space folding follows the points of a plane through the network, so it needs a 2-D dataset "
                    "(moons, circles, spiral…). The Hidden layer view shows any layer of any network."
                )
            )
        else:
            self.stack.say(self.tr("Run or step the training to see the plane folded by each layer."))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("folding")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if not isinstance(result, Folding):
            return
        old = self.folding
        self.folding = result
        nodes = [stage.node for stage in result.stages]
        if (
            old is None
            or nodes != [stage.node for stage in old.stages]
            or not np.array_equal(old.labels, result.labels)
        ):
            self._build(result)
        for caption, stage in zip(self.captions, result.stages, strict=True):
            caption.setText(self._caption(stage))
        self._show_large()
        self.next_panel.start()  # the small panels from the next turn on
        self.stack.show_content()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self._draw_panels)  # what came while the view was hidden, once laid out

    # ---- drawing --------------------------------------------------------------------------------

    def _draw_panels(self) -> None:
        """Draw a small panel in sight whose stage is not the latest, and the next in the next turn of the
        event loop: all of them in one turn kept a key press waiting 40-60 ms on the spiral. Those scrolled
        out of sight wait until they come into it."""
        if self.folding is None:
            return
        stale = [
            (panel, stage)
            for panel, stage in zip(self.panels, self.folding.stages, strict=False)
            if panel.shown is not stage and not panel.visibleRegion().isEmpty()
        ]
        if stale:
            panel, stage = stale[0]
            panel.show_stage(stage)
        if len(stale) > 1:
            self.next_panel.start()

    @staticmethod
    def _caption(stage: Stage) -> str:
        pca = QCoreApplication.translate("FoldingView", "PCA of {0}").format(stage.width)
        parts = [stage_title(stage)] + ([pca] if stage.basis is not None else [])
        share = QLocale().toString(round(100 * stage.dead))
        dead = QCoreApplication.translate("FoldingView", "{0}% at zero").format(share) if stage.dead > 0 else ""
        return " · ".join(parts + ([dead] if dead else []))

    def _build(self, folding: Folding) -> None:
        """New small panels when the network's stages change; the large panel keeps its items."""
        for widget in self.panels + self.captions:
            self.strip_grid.removeWidget(widget)
            widget.deleteLater()
        self.panels, self.captions = [], []
        for index in range(len(folding.stages)):
            panel = StagePlot(point_size=4, axes=False)
            panel.setStyleSheet(UNSELECTED)
            panel.set_classes(folding.labels, folding.num_classes)
            panel.scene().sigMouseClicked.connect(lambda _event, i=index: self.slider.setValue(i))
            panel.setToolTip(self.tr("Click to show this stage in the large panel"))
            caption = QLabel()
            caption.setStyleSheet("color: #37474f; font-size: 11px")
            caption.setWordWrap(True)
            self.panels.append(panel)
            self.captions.append(caption)
        self._lay_out_strip()
        QTimer.singleShot(0, self, self._draw_panels)  # the new panels are shown and placed by the event loop
        self.large.set_classes(folding.labels, folding.num_classes)
        self.legend.clear()
        if folding.num_classes:
            for item, name in zip(self.large.scatters, folding.class_names, strict=False):
                self.legend.addItem(item, class_label(name))
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(folding.stages) - 1)
        nodes = [stage.node for stage in folding.stages]
        # the last hidden stage by default: there a line should separate the classes
        default = len(nodes) - 2 if len(nodes) > 2 else len(nodes) - 1
        self.slider.setValue(nodes.index(self.chosen_node) if self.chosen_node in nodes else default)
        self.slider.blockSignals(False)
        self.selected = -1

    def _lay_out_strip(self, force: bool = True) -> None:
        """As many columns of small panels as fit the strip's width, each as wide as it can be; rows scroll."""
        spacing = self.strip_grid.spacing()
        # the scroll area's own width, not its viewport's: the viewport narrows when the scroll bar
        # appears, which re-laid the panels, which hid the bar again, for ever (the window froze)
        frame = 2 * self.scroll.frameWidth()
        width = self.scroll.width() - frame - 4 - self.scroll.verticalScrollBar().sizeHint().width()
        columns = max(1, (width + spacing) // (SMALL + spacing))
        side = max(SMALL // 2, (width + spacing) // columns - spacing)
        if (columns, side) == self.columns and not force:
            return
        for widget in self.panels + self.captions:
            self.strip_grid.removeWidget(widget)
        for r in range(self.strip_grid.rowCount()):
            self.strip_grid.setRowStretch(r, 0)
        for index, (panel, caption) in enumerate(zip(self.panels, self.captions, strict=True)):
            r, c = divmod(index, columns)
            panel.setFixedSize(side, side)
            caption.setFixedWidth(side)
            self.strip_grid.addWidget(caption, 2 * r, c, Qt.AlignmentFlag.AlignBottom)
            self.strip_grid.addWidget(panel, 2 * r + 1, c)
        self.strip_grid.setRowStretch(2 * (-(-len(self.panels) // columns)), 1)
        self.columns = (columns, side)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self.panels:
            self._lay_out_strip(force=False)
            QTimer.singleShot(0, self, self._draw_panels)  # other panels may have come into sight
        return super().eventFilter(watched, event)

    def _select(self, index: int) -> None:
        if self.folding is None or not 0 <= index < len(self.folding.stages):
            return
        self.chosen_node = self.folding.stages[index].node
        self._show_large()

    def _show_large(self) -> None:
        index = self.slider.value()
        stage = self.folding.stages[index]
        self.large.show_stage(stage)
        details = [projection(stage.width, stage.explained) if stage.projection else "", dead_text(stage)]
        place = self.tr("stage {0} of {1}: ").format(index, len(self.folding.stages) - 1) if index else ""
        self.title.setText(place + stage_title(stage) + "".join(f" — {d}" for d in details if d))
        if index != self.selected:
            for i, panel in enumerate(self.panels):
                panel.setStyleSheet(SELECTED if i == index else UNSELECTED)
            self.selected = index
