"""The hidden-layer view: one chosen layer's activations for every sample, as a scatter
coloured by class. A 2-unit layer is drawn as it is (the course's digits in the space of
two hidden neurons); a wider one on its two principal axes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.probes.folding import HiddenCode, Layer, default_layer, hidden_layers
from core.probes.registry import ProbeFailed
from gui.dataset.preview import class_colour
from gui.i18n import class_label
from gui.views.base import InsightView, MessageStack
from gui.views.stage_words import hidden_axes, hidden_title

INK = "#37474f"
SUBSETS = [
    ("all", QT_TRANSLATE_NOOP("HiddenView", "train and test samples")),
    ("test", QT_TRANSLATE_NOOP("HiddenView", "test samples only")),
]


class HiddenView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.code: HiddenCode | None = None
        self.layers: list[Layer] = []
        self.chooser = QComboBox()
        self.chooser.setObjectName("layer")
        self.chooser.setToolTip(self.tr("The layer whose activations are drawn"))
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.subset = QComboBox()
        self.subset.setObjectName("subset")
        for key, text in SUBSETS:
            self.subset.addItem(self.tr(text), key)
        self.subset.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("title")
        self.title.setStyleSheet(f"font-weight: bold; color: {INK}")
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("layer")))
        controls.addWidget(self.chooser)
        controls.addWidget(self.subset)
        controls.addSpacing(12)
        controls.addWidget(self.title, 1)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.plot = self.canvas.addPlot(0, 0)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.legend = QLabel(wordWrap=True)
        self.legend.setObjectName("legend")
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setStyleSheet("background: white; padding: 8px 10px 8px 4px")
        self.train_items: list[pg.ScatterPlotItem] = []
        self.test_items: list[pg.ScatterPlotItem] = []
        self.masks: list[np.ndarray] = []
        picture = QWidget()
        row = QHBoxLayout(picture)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.canvas, 1)
        row.addWidget(self.legend)
        self.stack = MessageStack(
            picture, text=self.tr("Run or step the training to see where this layer puts every sample.")
        )
        self.message = self.stack.message
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)

    # ---- InsightView ----------------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        return {"hidden": {"layer": self.chooser.currentData(), "subset": self.subset.currentData()}}

    def set_context(self, project, data) -> None:
        self.code = None
        self._set_layers(hidden_layers(project.graph) if project is not None else [])
        self.stack.say(self.tr("Run or step the training to see where this layer puts every sample."))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = insights.get("hidden")
        if isinstance(result, ProbeFailed):
            self.stack.fail(result)
            return
        if not isinstance(result, HiddenCode):
            return
        if [layer.node for layer in result.layers] != [layer.node for layer in self.layers]:
            self._set_layers(result.layers, result.layer)  # the network changed since the project was opened
        old, self.code = self.code, result
        if old is None or old.num_classes != result.num_classes or not _same(old, result):
            self._build_items(result)
        for train, test, mask in zip(self.train_items, self.test_items, self.masks, strict=True):
            chosen = result.points[mask & ~result.test]
            train.setData(chosen[:, 0], chosen[:, 1])
            chosen = result.points[mask & result.test]
            test.setData(chosen[:, 0], chosen[:, 1])
        self.title.setText(
            hidden_title(result)
            + (self.tr(" · hollow: test samples") if result.test.any() and not result.test.all() else "")
        )
        axes = hidden_axes(result)
        self.plot.setLabel("bottom", axes[0], color=INK)
        self.plot.setLabel("left", axes[1], color=INK)
        self._class_ticks(result)
        self.stack.show_content()

    # ---- helpers --------------------------------------------------------------------------------

    def _set_layers(self, layers: list[Layer], chosen: str | None = None) -> None:
        """Fill the chooser without asking the worker again; keeps the chosen layer if it still exists."""
        current = chosen or self.chooser.currentData()
        self.layers = layers
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for layer in layers:
            units = self.tr("1 unit") if layer.width == 1 else self.tr("{0} units").format(layer.width)
            self.chooser.addItem(f"{layer.node} · {layer.kind} · {units}", layer.node)  # Layer.label, translated
        nodes = [layer.node for layer in layers]
        fallback = default_layer(layers)
        if current in nodes:
            self.chooser.setCurrentIndex(nodes.index(current))
        elif fallback is not None:
            self.chooser.setCurrentIndex(nodes.index(fallback.node))
        self.chooser.blockSignals(False)

    def _build_items(self, code: HiddenCode) -> None:
        """One filled scatter (train) and one hollow (test) per class, made once per dataset."""
        for item in self.train_items + self.test_items:
            self.plot.removeItem(item)
        classes = range(max(code.num_classes, 1))
        self.masks = [code.labels == k for k in classes]
        self.train_items, self.test_items = [], []
        for k in classes:
            colour = class_colour(k) if code.num_classes else "#546e7a"
            train = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(colour), pen=pg.mkPen("w", width=0.6))
            test = pg.ScatterPlotItem(size=6, brush=pg.mkBrush("w"), pen=pg.mkPen(colour, width=1.5))
            self.plot.addItem(train)
            self.plot.addItem(test)
            self.train_items.append(train)
            self.test_items.append(test)
        self.legend.setText(_legend(code))

    def _class_ticks(self, code: HiddenCode) -> None:
        """A 1-unit layer spreads the classes over rows: name them on the vertical axis."""
        axis = self.plot.getAxis("left")
        if code.width == 1 and code.num_classes:
            axis.setTicks([[(k, class_label(code.class_names[k])) for k in range(code.num_classes)]])
        else:
            axis.setTicks(None)


def _same(old: HiddenCode, new: HiddenCode) -> bool:
    """The same samples with the same labels: the scatter items and their class masks still fit."""
    return np.array_equal(old.labels, new.labels) and np.array_equal(old.test, new.test)


def _legend(code: HiddenCode) -> str:
    """Class names beside a dot of their colour, one per line."""
    if not code.num_classes:
        return ""
    rows = [
        f'<tr><td style="color:{class_colour(k)}; font-size:15px">●</td><td>&nbsp;{class_label(name)}</td></tr>'
        for k, name in enumerate(code.class_names[: code.num_classes])
    ]
    return f'<table style="color:{INK}">' + "".join(rows) + "</table>"
