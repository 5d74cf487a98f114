"""A plot that follows its data, not the mouse: no buttons, menu, dragging or auto-range (the
views set ranges themselves, once a frame), axes in the view's ink without SI prefixes ("0.001",
not "1" and a "(x0.001)" that a short axis cuts off)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem


def still_plot(ink: str, left: str, bottom: str | None = None, axes: dict | None = None) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w", axisItems=axes or None)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.disableAutoRange()
    plot.setLabel("left", left, color=ink)
    if bottom:
        plot.setLabel("bottom", bottom, color=ink)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # redrawn when it changes, not every frame
        axis.setPen(ink)
        axis.setTextPen(ink)
        axis.enableAutoSIPrefix(False)
    plot.setMinimumHeight(60)
    return plot
