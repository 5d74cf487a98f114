"""The confusion matrix (course 001, "0op5, l0 h1ce 0tra v3z"): rows are the true classes, columns
the network's answers, live while training runs. Clicking a cell lists its test samples, most
confident first; two more galleries show the most confident sample of every cell and the mistakes
the network was surest of. Sample images come from the test set the GUI already holds."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QRectF, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from core.probes.registry import ProbeFailed
from gui.i18n import class_label
from gui.views.base import InsightView, MessageStack
from gui.widgets.tile_grid import TileGrid, greyscale_rgb

RIGHT, WRONG, BLANK = np.array([46, 125, 50]), np.array([198, 40, 40]), np.array([255, 255, 255])
CELL_SAMPLES = 48  # the most confident samples of a cell shown
MISTAKES = 32
COLUMNS = 8
MAX_COUNTS = 20  # write the counts in the cells up to this many classes
WAITING = QT_TRANSLATE_NOOP(
    "ConfusionView", "Train the network, or take a single step, to see how it classifies the test set."
)


def matrix_rgb(matrix: np.ndarray) -> np.ndarray:
    """(C, C, 3) uint8: each cell's share of its row (its true class), green on the diagonal (right)
    and red off it (wrong); the square root lets a few percent of mistakes show."""
    share = matrix / np.maximum(matrix.sum(1, keepdims=True), 1)
    strength = np.sqrt(share)[..., None]
    ink = np.where(np.eye(len(matrix), dtype=bool)[..., None], RIGHT, WRONG)
    return (BLANK + strength * (ink - BLANK) + 0.5).astype(np.uint8)


class SampleGallery(QWidget):
    """Test samples as pictures with a caption each (or as lines of text when they are not images)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.tiles = TileGrid()
        self.text = QPlainTextEdit(readOnly=True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tiles)
        self.stack.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self.indices = np.zeros(0, np.int64)

    def show_samples(self, caption: str, x: np.ndarray, indices: np.ndarray, captions: list[str], **grid) -> None:
        """`indices` into the test samples `x` (-1: an empty slot); `grid` goes to TileGrid.show_tiles."""
        self.caption.setText(caption)
        self.indices = np.asarray(indices, np.int64)
        present = self.indices >= 0
        if not len(self.indices):
            self.tiles.clear_tiles()
            self.text.clear()
            return
        if x.ndim != 4:
            shown = [(i, c) for i, c, here in zip(self.indices, captions, present, strict=True) if here]
            self.text.setPlainText(
                "\n".join(self.tr("test sample #{0} {1}: {2}").format(i, np.round(x[i], 3), c) for i, c in shown)
            )
            self.stack.setCurrentWidget(self.text)
            return
        tiles = greyscale_rgb(x[np.where(present, self.indices, 0)])
        self.tiles.show_tiles(tiles, present=present, captions=captions, **grid)
        self.stack.setCurrentWidget(self.tiles)


class ConfusionView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.data = None
        self.selected: tuple[int, int] | None = None  # (true, predicted) of the clicked cell
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(True)
        self.plot.getViewBox().invertY(True)
        self.plot.setLabel("left", self.tr("true class"))
        self.plot.setLabel("bottom", self.tr("predicted class"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.grid = pg.PlotCurveItem(pen=pg.mkPen("#e0e0e0", width=1), connect="pairs")  # the cells' borders
        self.plot.addItem(self.grid)
        self.frame = pg.PlotCurveItem(pen=pg.mkPen("#212121", width=3))
        self.plot.addItem(self.frame)
        self.counts: list[pg.TextItem] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)

        self.mistakes, self.cell, self.best = SampleGallery(), SampleGallery(), SampleGallery()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mistakes, self.tr("Worst mistakes"))
        self.tabs.addTab(self.cell, self.tr("Samples in a cell"))
        self.tabs.addTab(self.best, self.tr("Most confident per cell"))
        self.tabs.currentChanged.connect(lambda _: self._draw_gallery())
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.plot)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(self.split, 1)
        self.stack = MessageStack(self.content, text=self.tr(WAITING))
        self.message = self.stack.message
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"confusion": {}}

    def set_context(self, project, data) -> None:
        self.data, self.result, self.selected = data, None, None
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("confusion")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if result is None:
            return
        if self.result is None or len(result.class_names) != len(self.result.class_names):
            self.selected = None
        self.result = result
        self.stack.show_content()
        self._draw_matrix()
        self._draw_gallery()

    # ---- drawing ----------------------------------------------------------------------------

    def _draw_matrix(self) -> None:
        r = self.result
        classes, total = len(r.matrix), int(r.matrix.sum())
        rgb = matrix_rgb(r.matrix)
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(0, 0, classes, classes))
        ticks = [[(k + 0.5, class_label(name)) for k, name in enumerate(r.class_names)]]
        self.plot.getAxis("left").setTicks(ticks)
        self.plot.getAxis("bottom").setTicks(ticks)
        self.plot.setRange(QRectF(0, 0, classes, classes), padding=0.01)
        edges = np.repeat(np.arange(classes + 1, dtype=float), 2)
        ends = np.tile([0.0, float(classes)], classes + 1)
        self.grid.setData(np.concatenate([edges, ends]), np.concatenate([ends, edges]))
        cells = [(t, p) for t in range(classes) for p in range(classes)] if classes <= MAX_COUNTS else []
        while len(self.counts) < len(cells):
            item = pg.TextItem(anchor=(0.5, 0.5))
            self.plot.addItem(item)
            self.counts.append(item)
        for item, (t, p) in zip(self.counts, cells, strict=False):
            dark = rgb[t, p].mean() < 150
            item.setText(f"{r.matrix[t, p]:,}" if r.matrix[t, p] else "", color="w" if dark else "#263238")
            item.setPos(p + 0.5, t + 0.5)
            item.show()
        for item in self.counts[len(cells) :]:
            item.hide()
        self._draw_frame()
        right = int(np.trace(r.matrix))
        self.summary.setText(
            self.tr(
                "<b>Test accuracy {0}%</b>: {1} of {2} test samples right. Rows are the true classes, columns the "
                "network's answers; a cell's colour is its share of its row. Click a cell to see its samples."
            ).format(QLocale().toString(100 * r.accuracy, "f", 1), QLocale().toString(right), QLocale().toString(total))
        )

    def _draw_frame(self) -> None:
        if self.selected is None:
            self.frame.setData([], [])
            return
        t, p = self.selected
        self.frame.setData([p, p + 1, p + 1, p, p], [t, t, t + 1, t + 1, t])

    def _draw_gallery(self) -> None:
        """Only the visible gallery is drawn; the others when their tab opens."""
        r = self.result
        if r is None:
            return
        if self.data is None or not np.array_equal(np.asarray(self.data.y_test), r.labels):
            gallery = self.tabs.currentWidget()
            gallery.caption.setText(
                self.tr("The app's test set is not the one the network was evaluated on: reload the data.")
            )
            return
        x, names, confidence = self.data.x_test, [class_label(n) for n in r.class_names], r.confidence
        gallery = self.tabs.currentWidget()
        if gallery is self.mistakes:
            worst = r.worst_mistakes(MISTAKES)
            captions = [f"{names[r.labels[i]]}→{names[r.predicted[i]]} {confidence[i]:.2f}" for i in worst]
            self.mistakes.show_samples(
                self.tr("The {0} mistakes made with the highest confidence (true → predicted, probability).").format(
                    len(worst)
                )
                if len(worst)
                else self.tr("No mistakes on the test set."),
                x,
                worst,
                captions,
                columns=COLUMNS,
                colours=["#c62828"] * len(worst),
                centre=False,
            )
        elif gallery is self.cell:
            self._draw_cell(x, names, confidence)
        else:
            best = r.most_confident().ravel()
            captions = [f"{confidence[i]:.2f}" if i >= 0 else "" for i in best]
            colours = ["#2e7d32" if k % (len(names) + 1) == 0 else "#c62828" for k in range(len(best))]
            self.best.show_samples(
                self.tr("The most confident sample of every cell: rows are true classes, columns predicted ones."),
                x,
                best,
                captions,
                columns=len(names),
                colours=colours,
                row_labels=names,
                column_labels=names,
            )

    def _draw_cell(self, x, names, confidence) -> None:
        if self.selected is None:
            self.cell.show_samples(self.tr("Click a cell of the matrix to see its samples here."), x, np.zeros(0), [])
            return
        t, p = self.selected
        chosen = self.result.cell(t, p)
        shown = chosen[:CELL_SAMPLES]
        what = self.tr("right") if t == p else self.tr("wrong")
        more = (
            self.tr("; the {0} most confident").format(len(shown))
            if len(shown) < len(chosen)
            else self.tr(", most confident first")
        )
        self.cell.show_samples(
            self.tr("True {0}, predicted {1} ({2}): {3} samples{4}.").format(
                names[t], names[p], what, QLocale().toString(len(chosen)), more
            ),
            x,
            shown,
            [f"{confidence[i]:.2f}" for i in shown],
            columns=COLUMNS,
            colours=["#2e7d32" if t == p else "#c62828"] * len(shown),
            centre=False,
        )

    # ---- interaction ----------------------------------------------------------------------

    def _clicked(self, event) -> None:
        if self.result is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        t, p = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= t < len(self.result.matrix) and 0 <= p < len(self.result.matrix):
            self.select_cell(t, p)

    def select_cell(self, true: int, predicted: int) -> None:
        """Show the samples of class `true` predicted as `predicted`."""
        self.selected = (true, predicted)
        self._draw_frame()
        if self.tabs.currentWidget() is self.cell:
            self._draw_gallery()
        else:
            self.tabs.setCurrentWidget(self.cell)  # draws it
