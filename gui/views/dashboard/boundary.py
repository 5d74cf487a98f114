"""The decision boundary: the network's output over the input plane as a
heatmap, with the data points on top, updated from every snapshot."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from core.data.catalog import Data
from core.probes.plane import Surface
from gui.dataset.preview import class_colour
from gui.i18n import class_label

# a pale blue-white-orange ramp: class 0 blue, undecided white, class 1 orange; paler than the
# points' own colours, so every point stands out on its region
_TWO_CLASS = pg.ColorMap([0.0, 0.5, 1.0], [(128, 177, 214), (247, 247, 247), (255, 183, 120)])


def surface_image(surface: Surface, discrete: bool) -> np.ndarray:
    """RGB (n, n, 3) uint8 of a surface; discrete shows only which side of the boundary."""
    values = surface.values
    if surface.kind == "probability":
        v = (values > 0.5).astype(np.float32) * 0.8 + 0.1 if discrete else values
        return _TWO_CLASS.map(v, mode="byte")[..., :3]
    if surface.kind == "classes":
        colours = np.array([QColor(class_colour(k)).getRgb()[:3] for k in range(int(values.max()) + 1)], np.float32)
        strength = np.ones_like(values) if discrete else np.clip((surface.confidence - 0.3) / 0.7, 0, 1)
        blend = 0.25 + 0.45 * strength[..., None]  # pale where unsure, stronger where sure
        return (255 - blend * (255 - colours[values.astype(int)])).astype(np.uint8)
    span = max(float(values.max() - values.min()), 1e-8)
    scaled = (values - values.min()) / span
    if discrete:
        scaled = np.round(scaled * 8) / 8
    return pg.colormap.get("viridis").map(scaled, mode="byte")[..., :3]


class BoundaryView(QWidget):
    point_added = Signal(float, float, int)  # x, y and class of a point the user clicked onto the plane

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setAspectLocked(True)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.train_points: list[pg.ScatterPlotItem] = []
        # the sample the last step trained on, when it trained on one (the perceptron rule step by step)
        self.ring = pg.ScatterPlotItem(size=22, brush=None, pen=pg.mkPen("#212121", width=2.5))
        self.ring.setZValue(20)
        self.plot.addItem(self.ring, ignoreBounds=True)
        self.ring.hide()
        # step by step, the boundary before the last step, dashed: the line that step moved
        self.before = pg.IsocurveItem(level=0.5, pen=pg.mkPen("#212121", width=1.5, style=Qt.PenStyle.DashLine))
        self.before.setZValue(15)
        self.plot.addItem(self.before, ignoreBounds=True)
        self.before.hide()
        # its words sit in the plot's top left corner, in pixels (a child of the view box, not of the
        # plane), so they show whatever the plane's range and hide no point under the ring
        self.ring_label = pg.TextItem(color="#212121", anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 215))
        self.ring_label.setParentItem(self.plot.getViewBox())
        self.ring_label.setPos(4, 4)
        self.ring_label.setZValue(20)
        self.ring_label.hide()
        self.plot.getViewBox().sigResized.connect(self._fit_ring_label)
        self.test_points: list[pg.ScatterPlotItem] = []
        self.show_test = QCheckBox(self.tr("test points"))
        self.show_test.setObjectName("show_test")
        self.show_test.toggled.connect(self._toggle_test)
        self.discrete = QCheckBox(self.tr("discrete output"))
        self.discrete.setObjectName("discrete")
        self.discrete.toggled.connect(lambda _: self.surface is not None and self.show_surface(self.surface))
        self.surface: Surface | None = None
        self._class_names: list[str] = []
        self.adding = QComboBox()
        self.adding.setObjectName("adding")
        self.adding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.adding.setMinimumContentsLength(16)
        self.adding.setToolTip(
            self.tr("Choose a class, then click on the plane to add points of it to your own data set")
        )
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        # the controls live in the dashboard's header row (Dashboard places them): under the plot they
        # made the panel wider than the square plane and left empty bands beside it
        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.show_test)
        row.addWidget(self.discrete)
        row.addWidget(self.adding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)

    def changeEvent(self, event) -> None:  # noqa: N802
        """A new language: the switches and the class chooser say it; the plane stays."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.LanguageChange or not hasattr(self, "adding"):
            return
        self.show_test.setText(self.tr("test points"))
        self.discrete.setText(self.tr("discrete output"))
        self.adding.setToolTip(
            self.tr("Choose a class, then click on the plane to add points of it to your own data set")
        )
        if self.adding.count():
            self.adding.setItemText(0, self.tr("click adds nothing"))
        for k, name in enumerate(self._class_names[: self.adding.count() - 1], 1):
            self.adding.setItemText(k, self.tr("click adds {0}").format(class_label(name)))

    def show_data(self, data: Data) -> None:
        """Draw the points once per dataset; snapshots only repaint the heatmap."""
        for item in self.train_points + self.test_points:
            self.plot.removeItem(item)
        self.train_points, self.test_points = [], []
        classes = range(data.num_classes) if data.num_classes else [None]
        for k in classes:
            colour = class_colour(k) if k is not None else "#37474f"
            pick_train = data.y_train == k if k is not None else slice(None)
            pick_test = data.y_test == k if k is not None else slice(None)
            train, test = data.x_train[pick_train], data.x_test[pick_test]
            self.train_points.append(
                pg.ScatterPlotItem(train[:, 0], train[:, 1], size=7, brush=colour, pen=pg.mkPen("w", width=1))
            )
            self.test_points.append(
                pg.ScatterPlotItem(test[:, 0], test[:, 1], size=7, brush="w", pen=pg.mkPen(colour, width=2))
            )
        for item in self.train_points + self.test_points:
            self.plot.addItem(item)
        self._toggle_test(self.show_test.isChecked())
        chosen = self.adding.currentIndex()
        self.adding.clear()
        self.adding.addItem(self.tr("click adds nothing"))
        for k in range(data.num_classes):
            self.adding.addItem(self.tr("click adds {0}").format(class_label(data.class_names[k])))
        self._class_names = list(data.class_names[: data.num_classes])
        self.adding.setCurrentIndex(chosen if 0 <= chosen < self.adding.count() else 0)
        self.adding.setEnabled(bool(data.num_classes))
        if self.surface is None:
            self.plot.autoRange()

    def show_surface(self, surface: Surface) -> None:
        previous, self.surface = self.surface, surface
        self.image.setImage(surface_image(surface, self.discrete.isChecked()), autoLevels=False, levels=(0, 255))
        x0, x1, y0, y1 = surface.bounds
        n = surface.values.shape[0]
        step_x, step_y = (x1 - x0) / (n - 1), (y1 - y0) / (n - 1)
        self.image.setRect(QRectF(x0 - step_x / 2, y0 - step_y / 2, x1 - x0 + step_x, y1 - y0 + step_y))
        if surface is not previous:  # the same surface drawn again (discrete output toggled) keeps its marks
            self.show_ring(surface.sample, surface.sample_point)
            self._show_before(previous, surface)

    def _show_before(self, previous: Surface | None, surface: Surface) -> None:
        """The line before the step, when the surface before it is the one drawn last (one sample,
        one step: Step pressed) and it moved; else none."""
        one_step = (
            previous is not None
            and surface.sample is not None
            and surface.kind == previous.kind == "probability"
            and surface.step == previous.step + 1
            and previous.bounds == surface.bounds
            and previous.values.shape == surface.values.shape
        )
        if not one_step or np.array_equal(previous.values > 0.5, surface.values > 0.5):
            self.before.hide()
            return
        x0, x1, y0, y1 = surface.bounds
        n = surface.values.shape[0]
        self.before.setData(previous.values.T, 0.5)  # IsocurveItem reads [x, y]
        self.before.setTransform(QTransform.fromScale((x1 - x0) / (n - 1), (y1 - y0) / (n - 1)))
        self.before.setPos(x0, y0)
        self.before.show()
        self.ring_label.setText(
            self.tr("◯ sample #{0}: the last step trained on it").format(surface.sample)
            + "\n"
            + self.tr("and moved the line from where the dashes are")
        )
        self._fit_ring_label()

    def _fit_ring_label(self) -> None:
        """The ring's words wrap to the plot's width: a narrow plane (1280×720) would cut them off."""
        self.ring_label.setTextWidth(-1)
        room = self.plot.getViewBox().width() - 8
        if room > 40 and self.ring_label.textItem.document().idealWidth() > room:
            self.ring_label.setTextWidth(room)

    def show_ring(self, sample: int | None, point: tuple[float, float] | None) -> None:
        """Ring the training sample the last step used (its update is what moved the line), or none."""
        if sample is None or point is None:
            self.ring.hide()
            self.ring_label.hide()
            return
        self.ring.setData([point[0]], [point[1]])
        self.ring_label.setText(self.tr("◯ sample #{0}: the last step trained on it").format(sample))
        self._fit_ring_label()
        self.ring.show()
        self.ring_label.show()

    def clear_surface(self) -> None:
        """No model: no boundary (the data's points stay), no last step's sample."""
        self.surface = None
        self.image.clear()
        self.show_ring(None, None)
        self.before.hide()

    def _clicked(self, event) -> None:
        k = self.adding.currentIndex() - 1
        if k < 0 or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        self.point_added.emit(point.x(), point.y(), k)

    def _toggle_test(self, on: bool) -> None:
        for item in self.test_points:
            item.setVisible(on)
