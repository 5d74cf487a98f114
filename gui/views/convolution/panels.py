"""The explorer's pictures: a grid of values drawn as an image with the sliding window over it
(clickable, and paintable for a drawn input), and the editable kernel grid.

Grid cell (row, col) covers x ∈ [col, col + 1], y ∈ [row, row + 1] with y growing downwards, so
row 0 is at the top as in the arrays of core.convolution.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QRectF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from gui.widgets.colours import RAMP
from gui.widgets.text_size import pt

GREY = pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])
BORDER = "#f9a825"  # the zero border and the window's cells
WINDOW = "#d81b60"  # the highlighted output cell and the input pixels it reads
FRAME = "#455a64"


def _squares(cells: list[tuple[int, int]], inset: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Outlines of unit squares at (row, col) as one 'pairs' path."""
    xs, ys = [], []
    for r, c in cells:
        x0, y0, x1, y1 = c + inset, r + inset, c + 1 - inset, r + 1 - inset
        for (a, b), (e, f) in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
            xs += [a, e]
            ys += [b, f]
    return np.array(xs, float), np.array(ys, float)


class _Image(pg.ImageItem):
    """An image the user may paint on with the mouse (left: 1, right: 0) when `painting` is set."""

    def __init__(self, panel: GridPanel):
        super().__init__(axisOrder="row-major")
        self.panel = panel

    def _cell(self, scene_pos) -> tuple[int, int]:
        pos = self.panel.box.mapSceneToView(scene_pos)
        return math.floor(pos.y()), math.floor(pos.x())

    def _paint_line(self, start: tuple[int, int], end: tuple[int, int], ink: bool) -> None:
        """Every cell from start to end: a fast stroke reports few positions, and must leave no gaps."""
        steps = max(abs(end[0] - start[0]), abs(end[1] - start[1]), 0) + 1
        rows = np.rint(np.linspace(start[0], end[0], steps)).astype(int)
        cols = np.rint(np.linspace(start[1], end[1], steps)).astype(int)
        for row, col in zip(rows, cols, strict=True):
            self.panel.painted.emit(int(row), int(col), ink)

    def mouseDragEvent(self, event) -> None:  # noqa: N802 - pyqtgraph's name
        if not self.panel.painting or event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            event.ignore()
            return
        event.accept()
        ink = event.button() == Qt.MouseButton.LeftButton
        # pyqtgraph starts a drag a few pixels after the press: the stroke begins where the button went down
        start = self._cell(event.buttonDownScenePos() if event.isStart() else event.lastScenePos())
        self._paint_line(start, self._cell(event.scenePos()), ink)

    def mouseClickEvent(self, event) -> None:  # noqa: N802 - pyqtgraph's name
        if not self.panel.painting or event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            event.ignore()
            return
        event.accept()
        cell = self._cell(event.scenePos())
        self._paint_line(cell, cell, event.button() == Qt.MouseButton.LeftButton)


class GridPanel(pg.GraphicsLayoutWidget):
    """One grid of values with a title, outlines for a frame, a window and a chosen cell."""

    clicked = Signal(int, int)  # (row, col) of the grid cell clicked
    painted = Signal(int, int, bool)  # (row, col, True for ink / False for eraser)

    def __init__(self, title: str = "", signed: bool = True):
        super().__init__()
        self.setBackground("w")
        self.signed = signed
        self.painting = False
        self.title = self.addLabel(title, color="#263238", size=pt(10))
        self.nextRow()
        self.box = self.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        self.box.setMenuEnabled(False)
        self.image = _Image(self)
        self.box.addItem(self.image)
        self.frame = pg.PlotCurveItem(pen=pg.mkPen(FRAME, width=2), connect="pairs")
        self.border = pg.PlotCurveItem(pen=pg.mkPen(BORDER, width=1.5), connect="pairs")
        self.cells = pg.PlotCurveItem(pen=pg.mkPen(WINDOW, width=2), connect="pairs")
        for item in (self.frame, self.border, self.cells):
            self.box.addItem(item)
        self.origin = (0, 0)  # the grid position of the array's top-left value
        self.shape = (0, 0)
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_title(self, text: str) -> None:
        self.title.setText(text, color="#263238", size=pt(10))

    def show_values(
        self,
        values: np.ndarray,
        origin: tuple[int, int] = (0, 0),
        scale: float | None = None,
        tinted: np.ndarray | None = None,
    ) -> None:
        """Draw `values` with its top-left value at grid cell `origin`; signed grids share ±scale;
        cells where `tinted` is true (the zero border) are washed with the border's colour."""
        values = np.asarray(values, dtype=np.float64)
        self.origin, self.shape = origin, values.shape
        if self.signed:
            top = scale if scale is not None else float(np.abs(values).max()) if values.size else 1.0
            top = top if top > 0 else 1.0
            rgb = RAMP.map(np.clip(values / (2 * top) + 0.5, 0, 1), mode="byte")[..., :3]
        else:
            rgb = GREY.map(np.clip(values, 0, 1), mode="byte")[..., :3]
        if tinted is not None:
            wash = np.array(pg.mkColor(BORDER).getRgb()[:3], dtype=np.float64)
            rgb = rgb.astype(np.float64)
            rgb[tinted] = 0.55 * rgb[tinted] + 0.45 * wash
            rgb = rgb.astype(np.uint8)
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(origin[1], origin[0], values.shape[1], values.shape[0]))
        self.box.setRange(QRectF(origin[1], origin[0], values.shape[1], values.shape[0]), padding=0.02)

    def outline(self, item: pg.PlotCurveItem, top: int, left: int, rows: int, cols: int) -> None:
        x0, y0, x1, y1 = left, top, left + cols, top + rows
        item.setData([x0, x1, x1, x1, x1, x0, x0, x0], [y0, y0, y0, y1, y1, y1, y1, y0])

    def mark(self, cells: list[tuple[int, int]], item: pg.PlotCurveItem | None = None, inset: float = 0.06) -> None:
        xs, ys = _squares(cells, inset)
        (item or self.cells).setData(xs, ys)

    def clear_marks(self) -> None:
        for item in (self.frame, self.border, self.cells):
            item.setData([], [])

    def blank(self) -> None:
        """An empty picture, as when the settings give no output."""
        self.image.clear()
        self.clear_marks()
        self.shape = (0, 0)

    def _clicked(self, event) -> None:
        if self.painting or event.button() != Qt.MouseButton.LeftButton or not self.shape[0]:
            return
        pos = self.box.mapSceneToView(event.scenePos())
        row, col = math.floor(pos.y()) - self.origin[0], math.floor(pos.x()) - self.origin[1]
        if 0 <= row < self.shape[0] and 0 <= col < self.shape[1]:
            self.clicked.emit(row, col)


class KernelGrid(QTableWidget):
    """The kernel, one editable number per cell; `edited` after a valid change, `rejected(text)` otherwise."""

    edited = Signal()
    rejected = Signal(str)

    def __init__(self):
        super().__init__()
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values = np.zeros((3, 3))
        self._filling = False
        self.itemChanged.connect(self._changed)
        self.set_kernel(self.values)

    def set_kernel(self, kernel: np.ndarray) -> None:
        self.values = np.array(kernel, dtype=np.float64)
        self._filling = True
        if (self.rowCount(), self.columnCount()) != self.values.shape:
            self.setRowCount(self.values.shape[0])
            self.setColumnCount(self.values.shape[1])
        top = float(np.abs(self.values).max()) or 1.0
        for (r, c), value in np.ndenumerate(self.values):
            item = self.item(r, c)
            if item is None:
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
            locale = QLocale()
            item.setText(
                locale.toString(float(value), "g", 6) if value == round(value) else locale.toString(value, "f", 2)
            )
            item.setToolTip(locale.toString(float(value), "g", 6))
            shade = RAMP.map(np.array([value / (2 * top) + 0.5]), mode="byte")[0]
            item.setBackground(pg.mkColor(*[int(255 - (255 - v) * 0.45) for v in shade[:3]]))
        self._filling = False

    def resize_kernel(self, rows: int, cols: int) -> None:
        """Keep the overlapping cells, zeros elsewhere."""
        grown = np.zeros((rows, cols))
        r, c = min(rows, self.values.shape[0]), min(cols, self.values.shape[1])
        grown[:r, :c] = self.values[:r, :c]
        self.set_kernel(grown)
        self.edited.emit()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, col, typed = item.row(), item.column(), item.text()
        try:
            value = float(typed.strip().replace("−", "-").replace(",", "."))
            if not math.isfinite(value):
                raise ValueError(typed)
        except ValueError:
            self.set_kernel(self.values)
            self.rejected.emit(
                self.tr("“{0}” is not a number: the kernel cell keeps {1}.").format(
                    typed, QLocale().toString(float(self.values[row, col]), "g", 3)
                )
            )
            return
        self.values[row, col] = value
        self.set_kernel(self.values)
        self.edited.emit()


class FreshCombo(QComboBox):
    """A list read anew from the project each time it opens: layers added or renamed since show up."""

    def __init__(self, refill):
        super().__init__()
        self.refill = refill

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.refill()
        super().showPopup()
