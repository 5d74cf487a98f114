"""A grid of small pictures with a caption under each, drawn as one image: unit weights, samples.

All tiles go into a single RGB image (one ImageItem is several times cheaper to repaint than one
item per tile); thin frames show where each tile ends even when its border is the background
colour, and a pool of text items is reused from update to update.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from gui.widgets.text_size import scale as text_scale

FRAME = "#b0bec5"
INK = "#37474f"


def grid_columns(count: int, aspect: float = 2.0) -> int:
    """Columns for `count` tiles in a block about `aspect` times wider than tall."""
    rows = max(1, round(np.sqrt(count / aspect)))
    return max(1, -(-count // rows))


def greyscale_rgb(x: np.ndarray) -> np.ndarray:
    """Samples (N, C, H, W) as (N, H, W, 3) uint8, each stretched to its own full range; channels
    other than 1 or 3 show their first channel."""
    n = len(x)
    low = x.reshape(n, -1).min(1)[:, None, None, None]
    high = x.reshape(n, -1).max(1)[:, None, None, None]
    scaled = (x - low) / np.maximum(high - low, 1e-8)
    if x.shape[1] != 3:
        scaled = np.repeat(scaled[:, :1], 3, axis=1)
    return (scaled.transpose(0, 2, 3, 1) * 255 + 0.5).astype(np.uint8)


def tile_gaps(h: int, w: int, captions: bool) -> tuple[int, int]:
    """The space (x, y) TileGrid leaves after each tile of (h, w) pixels: room under it for a caption."""
    gap_x = max(2, round(w * 0.2))
    return gap_x, max(3, round(h * 0.55)) if captions else gap_x


def best_columns(count: int, tile: tuple[int, int], area: tuple[float, float], captions: bool = True) -> int:
    """The number of columns that shows `count` tiles of (height, width) largest in an area (width, height)."""
    h, w = tile
    gap_x, gap_y = tile_gaps(h, w, captions)
    pitch_x, pitch_y = w + gap_x, h + gap_y
    width, height = max(area[0], 1.0), max(area[1], 1.0)

    def scale(columns: int) -> float:
        return min(width / (columns * pitch_x), height / (-(-count // columns) * pitch_y))

    return max(range(1, max(count, 1) + 1), key=scale)


class TileGrid(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground("w")
        self.box = self.addViewBox(invertY=True, enableMouse=False)  # _fit keeps the aspect
        self.image = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.image)
        self.frames = pg.PlotCurveItem(pen=pg.mkPen(FRAME, width=1), connect="pairs")
        self.box.addItem(self.frames)
        self.texts: list[pg.TextItem] = []
        self.origins = np.zeros((0, 2))  # each tile's top-left corner, in image pixels
        self.tile_size = (0, 0)  # (h, w)
        self.gaps = (0, 0)  # the room after each tile, in image pixels (x, y)
        self.caption_texts: list[str] = []
        self.content: QRectF | None = None  # what must be seen, in image pixels
        self.centre = True
        self.box.sigResized.connect(self._fit)

    def show_tiles(
        self,
        tiles: np.ndarray,
        columns: int,
        captions: list[str] | None = None,
        colours: list[str] | None = None,
        present: np.ndarray | None = None,
        row_labels: list[str] | None = None,
        column_labels: list[str] | None = None,
        centre: bool = True,
    ) -> None:
        """Tiles (n, h, w, 3) uint8 in rows of `columns`, a caption under each; tiles where
        `present` is False are left blank, unframed and uncaptioned. The grid is centred in the
        view, or kept at its top left (so a short list is not blown up)."""
        n, h, w, _ = tiles.shape
        present = np.ones(n, bool) if present is None else np.asarray(present, bool)
        rows = max(1, -(-n // columns))
        gap_x, gap_y = tile_gaps(h, w, bool(captions))
        pitch_x, pitch_y = w + gap_x, h + gap_y
        canvas = np.full((rows * pitch_y, columns * pitch_x, 3), 255, np.uint8)
        index = np.arange(n)
        self.origins = np.stack([(index % columns) * pitch_x, (index // columns) * pitch_y], 1).astype(float)
        self.tile_size, self.gaps = (h, w), (gap_x, gap_y)
        self.caption_texts = [captions[k] for k in np.flatnonzero(present)] if captions else []
        for k in np.flatnonzero(present):
            x, y = self.origins[k].astype(int)
            canvas[y : y + h, x : x + w] = tiles[k]
        self.image.setImage(canvas, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(0, 0, canvas.shape[1], canvas.shape[0]))
        self._frame(self.origins[present], h, w)
        texts = []
        if captions:
            for k in np.flatnonzero(present):
                x, y = self.origins[k]
                colour = colours[k] if colours else INK
                texts.append((captions[k], colour, (x + w / 2, y + h), (0.5, 0.0)))
        for r, label in enumerate(row_labels or []):
            texts.append((label, INK, (-gap_x, r * pitch_y + h / 2), (1.0, 0.5)))
        for c, label in enumerate(column_labels or []):
            texts.append((label, INK, (c * pitch_x + w / 2, -gap_x / 2), (0.5, 1.0)))
        self._texts(texts)
        left = max((len(s) for s in row_labels or []), default=0) * h * 0.35 + (gap_x if row_labels else 0)
        top = h * 0.6 if column_labels else 0
        self.content = QRectF(
            -left - gap_x, -top - gap_x, canvas.shape[1] + left + gap_x, canvas.shape[0] + top + gap_x
        )
        self.centre = centre
        self._fit()

    def _fit(self) -> None:
        """Show the whole grid as large as it fits, without stretching; captions sized to the tiles."""
        size = self.box.size()
        if self.content is None or size.width() < 2 or size.height() < 2:
            return
        c = self.content
        scale = min(size.width() / c.width(), size.height() / c.height())  # screen pixels per image pixel
        width, height = size.width() / scale, size.height() / scale
        left = c.left() - (width - c.width()) / 2 if self.centre else c.left()
        top = c.top() - (height - c.height()) / 2 if self.centre else c.top()
        self.box.setRange(QRectF(left, top, width, height), padding=0)
        font = QFont()
        font.setPointSizeF(float(np.clip(self.tile_size[1] * scale / 6, 6.5, 10) * text_scale()))
        if self.caption_texts:  # large text shrinks rather than running into the next tile's caption
            metrics = QFontMetricsF(font)
            widest = max(metrics.horizontalAdvance(text) for text in self.caption_texts)
            room_x, room_y = (self.tile_size[1] + self.gaps[0]) * scale * 0.92, self.gaps[1] * scale
            fits = min(1.0, room_x / max(widest, 1.0), room_y / metrics.height())
            font.setPointSizeF(max(5.0, font.pointSizeF() * fits))
        for item in self.texts:
            item.setFont(font)

    def clear_tiles(self) -> None:
        self.content = None
        self.image.clear()
        self.frames.setData([], [])
        self.origins = np.zeros((0, 2))
        self._texts([])

    def captions(self) -> list[str]:
        return [t.toPlainText() for t in self.texts if t.isVisible()]

    def _frame(self, origins: np.ndarray, h: int, w: int) -> None:
        """Each tile's outline, as one item of line segments."""
        if not len(origins):
            self.frames.setData([], [])
            return
        x0, y0 = origins[:, 0] - 0.5, origins[:, 1] - 0.5
        x1, y1 = x0 + w + 1, y0 + h + 1
        xs = np.stack([x0, x1, x1, x1, x1, x0, x0, x0], 1).ravel()
        ys = np.stack([y0, y0, y0, y1, y1, y1, y1, y0], 1).ravel()
        self.frames.setData(xs, ys)

    def _texts(self, wanted: list[tuple[str, str, tuple[float, float], tuple[float, float]]]) -> None:
        while len(self.texts) < len(wanted):
            item = pg.TextItem()
            self.box.addItem(item)
            self.texts.append(item)
        for item, (text, colour, pos, anchor) in zip(self.texts, wanted, strict=False):
            item.setText(text, color=colour)
            item.setAnchor(anchor)
            item.setPos(*pos)
            item.show()
        for item in self.texts[len(wanted) :]:
            item.hide()
