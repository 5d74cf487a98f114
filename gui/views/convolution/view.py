"""The convolution explorer (course 000, 004 §9.1–9.5): an input, a kernel edited cell by cell or
picked by name, stride, padding and dilation; the output map with one cell's products written out
and its window on the input; cross-correlation (what torch computes) beside the true convolution;
the size formula with the numbers in; the same operation as a matrix.

Every number drawn comes from core.convolution, whose output the tests hold to torch and scipy.
The explorer needs no model, so a new project or run leaves it as it is.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.convolution import inputs
from core.convolution.explorer import (
    MAX_KERNEL,
    ConvError,
    ConvSettings,
    convolve,
    cross_correlate,
    terms,
)
from core.convolution.kernels import PRESETS, preset
from gui.i18n import translated
from gui.views.base import InsightView
from gui.views.convolution.matrix_panel import MatrixPanel
from gui.views.convolution.panels import FreshCombo, GridPanel, KernelGrid
from gui.views.convolution.texts import sizes_html, sums_html

TEXT = "#37474f"
SOURCES = ("digit", "photograph", "draw")
PADDINGS = ("valid", "same", "full", "number")
SHOWN = {  # the choices' keys as the reader's language says them
    "digit": QT_TRANSLATE_NOOP("ConvolutionView", "digit"),
    "photograph": QT_TRANSLATE_NOOP("ConvolutionView", "photograph"),
    "draw": QT_TRANSLATE_NOOP("ConvolutionView", "draw"),
    "valid": QT_TRANSLATE_NOOP("ConvolutionView", "valid"),
    "same": QT_TRANSLATE_NOOP("ConvolutionView", "same"),
    "full": QT_TRANSLATE_NOOP("ConvolutionView", "full"),
    "number": QT_TRANSLATE_NOOP("ConvolutionView", "number"),
    "china": QT_TRANSLATE_NOOP("ConvolutionView", "china"),
    "flower": QT_TRANSLATE_NOOP("ConvolutionView", "flower"),
}


def _fill(box: QComboBox, keys) -> None:
    for key in keys:
        box.addItem(QCoreApplication.translate("ConvolutionView", SHOWN[key]), key)


SLIDE_MS = 350  # between two cells when the kernel slides by itself


class ConvolutionView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cell = (0, 0)  # the highlighted output cell
        self.edited_by_hand = False  # the kernel is no longer the preset's
        self.flip = False  # the highlighted cell is the true convolution's (else cross-correlation's)
        self.drawn = inputs.blank(10)
        self.image = inputs.digit(0)
        self.out: np.ndarray | None = None
        self.project = None
        self.timer = QTimer(self, interval=SLIDE_MS)
        self.timer.timeout.connect(self._slide)

        controls = QWidget()
        column = QVBoxLayout(controls)
        column.addWidget(self._input_box())
        column.addWidget(self._kernel_box(), 1)
        column.addWidget(self._settings_box())
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(300)

        self.input_panel = GridPanel(self.tr("input"), signed=False)
        self.input_panel.painted.connect(self._paint)
        self.corr_panel = GridPanel(self.tr("cross-correlation"))
        self.conv_panel = GridPanel(self.tr("true convolution"))
        self.corr_panel.clicked.connect(lambda r, c: self.select(r, c, flip=False))
        self.conv_panel.clicked.connect(lambda r, c: self.select(r, c, flip=True))
        pictures = QSplitter(Qt.Orientation.Horizontal)
        for panel in (self.input_panel, self.corr_panel, self.conv_panel):
            panel.setMinimumSize(160, 160)
            pictures.addWidget(panel)
        self.sum_label = QLabel()
        self.sum_label.setTextFormat(Qt.TextFormat.RichText)
        self.sum_label.setWordWrap(True)
        self.sum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sum_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.sizes = QLabel()
        self.sizes.setTextFormat(Qt.TextFormat.RichText)
        self.sizes.setWordWrap(True)
        self.sizes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QWidget()  # sizes first, then the sums: one scrolling column, however low the dock
        text_column = QVBoxLayout(texts)
        text_column.setContentsMargins(2, 2, 2, 2)
        text_column.addWidget(self.sizes)
        text_column.addWidget(self.sum_label, 1)
        sums = QScrollArea()
        sums.setWidget(texts)
        sums.setWidgetResizable(True)
        sums.setFrameShape(QScrollArea.Shape.NoFrame)
        sliding = QSplitter(Qt.Orientation.Vertical)
        sliding.addWidget(pictures)
        sliding.addWidget(sums)
        sliding.setStretchFactor(0, 3)
        sliding.setStretchFactor(1, 2)
        sliding.setSizes([600, 400])

        self.matrix = MatrixPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(sliding, self.tr("Sliding window"))
        self.tabs.addTab(self.matrix, self.tr("As a matrix"))
        self.tabs.currentChanged.connect(lambda _: self._recompute())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828; font-weight: bold")
        self.problem.hide()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.problem)
        right_column.addWidget(self.tabs, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self._list_layers()
        self.choose_preset("Sobel x")

    # ---- the controls ----------------------------------------------------------------------------

    def _input_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Input"))
        form = QFormLayout(box)
        self.source = QComboBox()
        _fill(self.source, SOURCES)
        form.addRow(self.tr("from"), self.source)
        self.options = QStackedWidget()
        self.digit_index = QSpinBox(minimum=0, maximum=inputs.DIGIT_COUNT - 1)
        self.digit_index.setToolTip(self.tr("Which of scikit-learn's 1,797 handwritten digits (8×8)"))
        self.options.addWidget(self._row(QLabel(self.tr("number")), self.digit_index))
        self.photo = QComboBox()
        _fill(self.photo, inputs.PHOTOS)
        self.across = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100, value=50)
        self.down = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100, value=40)
        photo = QWidget()
        photo_form = QFormLayout(photo)
        photo_form.setContentsMargins(0, 0, 0, 0)
        photo_form.addRow(self.tr("photo"), self.photo)
        photo_form.addRow(self.tr("across"), self.across)
        photo_form.addRow(self.tr("down"), self.down)
        photo.setToolTip(self.tr("A 16×16 patch of scikit-learn's photographs, shrunk 8 times"))
        self.options.addWidget(photo)
        self.draw_size = QSpinBox(minimum=3, maximum=16, value=10)
        self.clear_button = QPushButton(self.tr("Clear"))
        draw = QWidget()
        draw_column = QVBoxLayout(draw)
        draw_column.setContentsMargins(0, 0, 0, 0)
        draw_column.addWidget(self._row(QLabel(self.tr("size")), self.draw_size, self.clear_button))
        hint = QLabel(self.tr("Drag on the input: left button draws, right button erases."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {TEXT}")
        draw_column.addWidget(hint)
        self.options.addWidget(draw)
        form.addRow(self.options)
        self.source.currentIndexChanged.connect(self._input_changed)
        self.digit_index.valueChanged.connect(self._input_changed)
        for widget in (self.photo,):
            widget.currentIndexChanged.connect(self._input_changed)
        for slider in (self.across, self.down):
            slider.valueChanged.connect(self._input_changed)
        self.draw_size.valueChanged.connect(self._new_drawing)
        self.clear_button.clicked.connect(self._new_drawing)
        return box

    def _kernel_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kernel"))
        column = QVBoxLayout(box)
        self.presets = QComboBox()
        for name in PRESETS:
            self.presets.addItem(translated("kernels", name), name)  # listed in gui/terms.py
        self.presets.activated.connect(lambda index: self.choose_preset(self.presets.itemData(index)))
        self.preset_help = QLabel()
        self.preset_help.setWordWrap(True)
        self.preset_help.setStyleSheet(f"color: {TEXT}")
        self.kernel_rows = QSpinBox(minimum=1, maximum=MAX_KERNEL, value=3)
        self.kernel_cols = QSpinBox(minimum=1, maximum=MAX_KERNEL, value=3)
        self.kernel_rows.valueChanged.connect(self._kernel_resized)
        self.kernel_cols.valueChanged.connect(self._kernel_resized)
        self.kernel = KernelGrid()
        self.kernel.setMinimumHeight(140)
        self.kernel.edited.connect(self._kernel_edited)
        self.kernel.rejected.connect(self._say)
        column.addWidget(self._row(QLabel(self.tr("preset")), self.presets))
        column.addWidget(self.preset_help)
        rows, columns = QLabel(self.tr("rows")), QLabel(self.tr("columns"))
        column.addWidget(self._row(rows, self.kernel_rows, columns, self.kernel_cols))
        column.addWidget(self.kernel, 1)
        return box

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sliding"))
        form = QFormLayout(box)
        self.stride = QSpinBox(minimum=1, maximum=4)
        self.padding = QComboBox()
        _fill(self.padding, PADDINGS)
        self.padding_number = QSpinBox(minimum=0, maximum=4, value=1)
        self.padding_number.setEnabled(False)
        self.dilation = QSpinBox(minimum=1, maximum=3)
        self.stride.setToolTip(self.tr("How many pixels the window moves between two output cells"))
        self.padding.setToolTip(
            self.tr(
                "valid: no zeros added; same: enough zeros that stride 1 keeps the size; "
                "full: every pixel meets every kernel cell; number: that many zeros on every side"
            )
        )
        self.dilation.setToolTip(self.tr("Gaps between the kernel's cells on the input: 2 reads every other pixel"))
        form.addRow(self.tr("stride"), self.stride)
        form.addRow(self.tr("padding"), self._row(self.padding, self.padding_number))
        form.addRow(self.tr("dilation"), self.dilation)
        self.layer = FreshCombo(self._list_layers)
        self.layer.setToolTip(self.tr("Take the kernel size, stride and padding of a Conv2d layer of the network"))
        self.layer.activated.connect(lambda _: self.adopt(self.layer.currentData()))
        form.addRow(self.tr("as layer"), self.layer)
        self.slide_button = QPushButton(self.tr("Slide the kernel"))
        self.slide_button.setCheckable(True)
        self.slide_button.toggled.connect(lambda on: self.timer.start() if on else self.timer.stop())
        form.addRow(self.slide_button)
        self.padding.currentIndexChanged.connect(
            lambda _: self.padding_number.setEnabled(self.padding.currentData() == "number")
        )
        for spin in (self.stride, self.padding_number, self.dilation):
            spin.valueChanged.connect(self._recompute)
        self.padding.currentIndexChanged.connect(self._recompute)
        return box

    @staticmethod
    def _row(*widgets) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return row

    # ---- the project's conv layers ----------------------------------------------------------

    def set_context(self, project, data) -> None:
        """A new project lists its Conv2d layers; a lesson made for this view starts from the first."""
        if project is self.project:
            return
        self.project = project
        self._list_layers()
        if project is not None and project.view == "convolution" and self.layer.count() > 1:
            self.adopt(self.layer.itemData(1))

    def keep(self) -> dict:
        """Everything chosen, drawn and typed (a language switch builds the view afresh)."""
        return {
            "project": self.project,
            "spins": [w.value() for w in self._kept_widgets()],
            "combos": [self.source.currentIndex(), self.photo.currentIndex(), self.padding.currentIndex()],
            "drawn": self.drawn.copy(),
            "kernel": self.kernel.values.copy(),
            "preset": self.presets.currentData(),
            "edited": self.edited_by_hand,
            "layer": self.layer.currentData(),
            "cell": (self.cell, self.flip),
            "tab": self.tabs.currentIndex(),
        }

    def restore(self, kept: dict) -> None:
        self.project = kept["project"]
        self._list_layers()
        widgets = [*self._kept_widgets(), self.source, self.photo, self.padding, self.tabs]
        for widget in widgets:
            widget.blockSignals(True)
        for widget, value in zip(self._kept_widgets(), kept["spins"], strict=True):
            widget.setValue(value)
        for box, index in zip((self.source, self.photo, self.padding), kept["combos"], strict=True):
            box.setCurrentIndex(index)
        self.tabs.setCurrentIndex(kept["tab"])
        for widget in widgets:
            widget.blockSignals(False)
        self.padding_number.setEnabled(self.padding.currentData() == "number")
        self.layer.setCurrentIndex(max(self.layer.findData(kept["layer"]), 0))
        self.drawn = kept["drawn"]
        self.presets.setCurrentIndex(self.presets.findData(kept["preset"]))
        self.kernel.set_kernel(kept["kernel"])
        if kept["edited"]:
            self.edited_by_hand = True
            self.preset_help.setText(self.tr("edited by hand"))
        self.cell, self.flip = kept["cell"]
        self._input_changed()

    def _kept_widgets(self) -> list:
        return [
            self.digit_index,
            self.across,
            self.down,
            self.draw_size,
            self.kernel_rows,
            self.kernel_cols,
            self.stride,
            self.padding_number,
            self.dilation,
        ]

    def _list_layers(self) -> None:
        chosen = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem(self.tr("(none)"), None)
        if self.project is not None:
            for node_id, node in self.project.graph.nodes.items():
                if node.kind == "Conv2d":
                    self.layer.addItem(node_id, node_id)
        self.layer.setCurrentIndex(max(self.layer.findData(chosen), 0))
        self.layer.blockSignals(False)
        self.layer.setEnabled(self.layer.count() > 1)

    def adopt(self, node_id: str | None) -> None:
        """Kernel size, stride and padding as layer `node_id` has them now (the weights stay the explorer's)."""
        if node_id is None or self.project is None or node_id not in self.project.graph.nodes:
            return
        params = self.project.graph.nodes[node_id].params
        wanted = {"kernel": params["kernel_size"], "stride": params["stride"], "padding": params["padding"]}
        limits = {"kernel": MAX_KERNEL, "stride": self.stride.maximum(), "padding": self.padding_number.maximum()}
        names = {"kernel": self.tr("kernel"), "stride": self.tr("stride"), "padding": self.tr("padding")}
        beyond = [
            self.tr("{0} {1} (the explorer goes to {2})").format(names[name], value, limits[name])
            for name, value in wanted.items()
            if value > limits[name]
        ]
        size = min(wanted["kernel"], MAX_KERNEL)
        if self.kernel.values.shape != (size, size):
            fitting = [n for n, (_, kernel) in PRESETS.items() if kernel.shape == (size, size) and n != "identity"]
            if fitting:
                self.choose_preset("Sobel x" if "Sobel x" in fitting else fitting[0])
            else:
                self.kernel_rows.setValue(size)
                self.kernel_cols.setValue(size)
        self.layer.setCurrentIndex(max(self.layer.findData(node_id), 0))
        for widget in (self.stride, self.padding_number, self.padding):
            widget.blockSignals(True)
        self.stride.setValue(wanted["stride"])
        self.padding.setCurrentIndex(PADDINGS.index("number"))
        self.padding_number.setEnabled(True)
        self.padding_number.setValue(wanted["padding"])
        for widget in (self.stride, self.padding_number, self.padding):
            widget.blockSignals(False)
        self.dilation.setValue(1)
        self._recompute()
        if beyond:
            self._say(self.tr("{0} has {1}.").format(node_id, ", ".join(beyond)))

    # ---- state ----------------------------------------------------------------------------------

    def settings(self) -> ConvSettings:
        mode = self.padding.currentData()
        padding = self.padding_number.value() if mode == "number" else mode
        return ConvSettings(self.stride.value(), padding, self.dilation.value())

    def choose_preset(self, name: str) -> None:
        self.presets.setCurrentIndex(self.presets.findData(name))
        self.preset_help.setText(translated("kernels", PRESETS[name][0]))
        self.edited_by_hand = False
        kernel = preset(name)
        self.kernel.set_kernel(kernel)
        for spin, size in ((self.kernel_rows, kernel.shape[0]), (self.kernel_cols, kernel.shape[1])):
            spin.blockSignals(True)
            spin.setValue(size)
            spin.blockSignals(False)
        self._recompute()

    def select(self, row: int, col: int, flip: bool = False) -> None:
        """Highlight output cell (row, col) of the cross-correlation, or with flip of the convolution."""
        self.cell, self.flip = (row, col), flip
        self._recompute()

    def _kernel_resized(self) -> None:
        self.edited_by_hand = True
        self.preset_help.setText(self.tr("edited by hand"))
        self.kernel.resize_kernel(self.kernel_rows.value(), self.kernel_cols.value())

    def _kernel_edited(self) -> None:
        self.edited_by_hand = True
        self.preset_help.setText(self.tr("edited by hand"))
        self._recompute()

    def _input_changed(self) -> None:
        source = self.source.currentData()
        self.options.setCurrentIndex(SOURCES.index(source))
        self.input_panel.painting = source == "draw"
        if source == "digit":
            self.image = inputs.digit(self.digit_index.value())
        elif source == "photograph":
            self.image = inputs.photo_patch(
                self.photo.currentIndex(), self.down.value() / 100, self.across.value() / 100
            )
        else:
            self.image = self.drawn
        self._recompute()

    def _new_drawing(self) -> None:
        self.drawn = inputs.blank(self.draw_size.value())
        self._input_changed()

    def _paint(self, row: int, col: int, ink: bool) -> None:
        if 0 <= row < self.drawn.shape[0] and 0 <= col < self.drawn.shape[1]:
            self.drawn[row, col] = 1.0 if ink else 0.0
            self._recompute()

    def _slide(self) -> None:
        if self.out is None:
            return
        rows, cols = self.out.shape
        index = (self.cell[0] * cols + self.cell[1] + 1) % (rows * cols)
        self.select(*divmod(index, cols), flip=self.flip)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # ---- drawing -------------------------------------------------------------------------------

    def _recompute(self, *_) -> None:
        image, kernel = self.image, self.kernel.values
        try:
            conv = self.settings()
            corr, true = cross_correlate(image, kernel, conv), convolve(image, kernel, conv)
        except ConvError as error:
            self.out = None
            self._say(str(error))
            for panel in (self.corr_panel, self.conv_panel):
                panel.blank()
                panel.set_title(self.tr("no output"))
            self.input_panel.show_values(image)
            self.input_panel.clear_marks()
            self.sum_label.setText("")
            self.sizes.setText("")
            return
        self._say("")
        self.out = corr
        self.cell = (min(self.cell[0], corr.shape[0] - 1), min(self.cell[1], corr.shape[1] - 1))
        i, j = self.cell
        found = {flip: terms(image, kernel, i, j, conv, flip) for flip in (False, True)}
        self._draw_input(image, kernel, conv, found[self.flip])
        scale = float(max(np.abs(corr).max(), np.abs(true).max()))
        h, w = corr.shape
        for panel, values, flip, name in (
            (self.corr_panel, corr, False, self.tr("cross-correlation (torch's Conv2d), {0}×{1}")),
            (self.conv_panel, true, True, self.tr("true convolution (kernel turned), {0}×{1}")),
        ):
            panel.show_values(values, scale=scale)
            panel.set_title(name.format(h, w))
            panel.clear_marks()
            panel.mark([self.cell], panel.cells if flip == self.flip else panel.border, inset=0.0)
        self.sum_label.setText(sums_html(found, self.cell, kernel.shape[1], corr[i, j], true[i, j]))
        self.sizes.setText(sizes_html(image.shape, kernel.shape, conv, corr.shape))
        if self.tabs.currentWidget() is self.matrix:
            self.matrix.show_for(image, kernel, conv, self.cell)

    def _draw_input(self, image, kernel, conv, found) -> None:
        (top, bottom), (left, right) = (conv.pads(k) for k in kernel.shape)
        if self.flip:  # the turned kernel's uneven 'same' border is mirrored
            top, bottom, left, right = bottom, top, right, left
        padded = np.pad(image, ((top, bottom), (left, right)))
        panel = self.input_panel
        border = np.ones(padded.shape, dtype=bool)
        border[top : top + image.shape[0], left : left + image.shape[1]] = False
        panel.show_values(padded, origin=(-top, -left), tinted=border)
        panel.clear_marks()
        panel.outline(panel.frame, 0, 0, *image.shape)
        if top or bottom or left or right:
            panel.outline(panel.border, -top, -left, *padded.shape)
        panel.mark([(t.row, t.col) for t in found])
        h, w = image.shape
        title = self.tr("input {0}×{1} + zero border (tinted)") if border.any() else self.tr("input {0}×{1}")
        panel.set_title(title.format(h, w))
