"""The tile grid's captions stay under their own tile whatever the text size (presentation mode)."""

import numpy as np
import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from gui.widgets.tile_grid import TileGrid, tile_gaps


@pytest.fixture
def large_text(qapp):
    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(16.0)  # presentation mode's size on a 1080-line screen
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def test_captions_shrink_to_their_tile_in_large_text(qtbot, large_text):
    grid = TileGrid()
    qtbot.addWidget(grid)
    grid.resize(760, 170)
    grid.show()
    tiles = np.full((32, 8, 17, 3), 128, np.uint8)  # the Filters view's kernel-and-fit pairs
    captions = [f"#{i}  R² 0.{70 + i}" for i in range(32)]
    grid.show_tiles(tiles, 11, captions)
    qtbot.waitUntil(lambda: grid.box.size().width() > 100)
    grid._fit()
    scale = grid.box.size().width() / grid.box.viewRect().width()  # screen pixels per image pixel
    metrics = QFontMetricsF(grid.texts[0].textItem.font())
    gap_x, gap_y = tile_gaps(8, 17, captions=True)
    pitch = (17 + gap_x) * scale
    assert max(metrics.horizontalAdvance(text) for text in captions) <= pitch
    assert metrics.height() <= gap_y * scale + 0.5  # nor into the next row's tiles
