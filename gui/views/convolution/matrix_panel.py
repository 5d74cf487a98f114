"""Convolution as a matrix (course 004 §9.1): the doubly block Toeplitz matrix of the kernel for
the input on screen, and the 1-D Toeplitz matrix of the kernel's middle row, with the check that
multiplying by the matrix gives the explorer's own output."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from core.convolution.explorer import ConvError, ConvSettings, cross_correlate
from core.convolution.matrix import doubly_blocked, toeplitz_1d
from gui.i18n import listed
from gui.views.convolution.panels import GridPanel

TEXT = "#37474f"


class MatrixPanel(QWidget):
    def __init__(self):
        super().__init__()
        self.matrix_2d = GridPanel(self.tr("2-D: doubly block Toeplitz"))
        self.matrix_1d = GridPanel(self.tr("1-D: Toeplitz"))
        self.caption_2d, self.caption_1d = QLabel(wordWrap=True), QLabel(wordWrap=True)
        columns = QSplitter(Qt.Orientation.Horizontal)
        for panel, caption in ((self.matrix_2d, self.caption_2d), (self.matrix_1d, self.caption_1d)):
            caption.setWordWrap(True)
            caption.setTextFormat(Qt.TextFormat.RichText)
            caption.setStyleSheet(f"color: {TEXT}")
            column = QWidget()
            layout = QVBoxLayout(column)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(panel, 1)
            layout.addWidget(caption)
            columns.addWidget(column)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(columns)
        self.error = 0.0  # max |M·x − output| of the matrix on screen
        self._drawn_for = None
        self.matrix_shape: tuple[int, int] | None = None
        self.out_shape = (0, 0)
        self.caption_text = (
            ""  # (input, kernel, settings) of the matrices drawn: choosing a cell redraws only its frame
        )

    def show_for(self, image: np.ndarray, kernel: np.ndarray, conv: ConvSettings, cell: tuple[int, int]) -> None:
        """Draw both matrices for this input, kernel and settings; `cell` is the output cell chosen."""
        key = (image.tobytes(), image.shape, kernel.tobytes(), kernel.shape, conv)
        if key != self._drawn_for:
            self._draw(image, kernel, conv)
            self._drawn_for = key
        self._frame(image, kernel, conv, cell)

    def _draw(self, image: np.ndarray, kernel: np.ndarray, conv: ConvSettings) -> None:
        out = cross_correlate(image, kernel, conv)
        self.out_shape = out.shape
        try:
            m = doubly_blocked(kernel, image.shape, conv)
        except ConvError as error:
            self.matrix_2d.blank()
            self.caption_2d.setText(str(error))
            self.matrix_shape = None
        else:
            self.error = float(np.abs(m @ image.ravel() - out.ravel()).max())
            self.matrix_2d.show_values(m)
            self.matrix_shape = m.shape
            self.matrix_2d.set_title(self.tr("2-D: doubly block Toeplitz, {0} × {1}").format(*m.shape))
            locale = QLocale()
            self.caption_text = self.tr(
                "One row per output cell ({0}×{1}), one column per input pixel ({2}×{3}), both read row by row. "
                "Only {4} of {5} entries are non-zero: every row holds the same {6} kernel weights, moved along. "
                "The framed row is output cell {{cell}}: its non-zero entries sit on the pixels of its window."
                "<br><b>M·x equals the output map</b>: largest difference {7}."
            ).format(
                out.shape[0],
                out.shape[1],
                image.shape[0],
                image.shape[1],
                locale.toString(int(np.count_nonzero(m))),
                locale.toString(int(m.size)),
                kernel.size,
                locale.toString(self.error, "e", 1),
            )
        middle = kernel[kernel.shape[0] // 2]
        try:
            t = toeplitz_1d(middle, image.shape[1], conv)
        except ConvError as error:
            self.matrix_1d.blank()
            self.caption_1d.setText(str(error))
            return
        self.matrix_1d.show_values(t)
        self.matrix_1d.clear_marks()
        self.matrix_1d.set_title(self.tr("1-D: Toeplitz, {0} × {1}").format(*t.shape))
        weights = listed(QLocale().toString(float(w), "f", 2) for w in middle).replace("-", "−")
        caption = (
            self.tr(
                "The kernel's middle row [{0}] sliding along one row of {1} pixels: each row of T is the row above "
                "moved one place to the right."
            )
            if conv.stride == 1
            else self.tr(
                "The kernel's middle row [{0}] sliding along one row of {1} pixels: each row of T is the row above "
                "moved {2} places (the stride) to the right."
            )
        )
        self.caption_1d.setText(caption.format(weights, image.shape[1], conv.stride))

    def _frame(self, image, kernel, conv, cell: tuple[int, int]) -> None:
        if self.matrix_shape is None:
            return
        row = cell[0] * self.out_shape[1] + cell[1]
        self.matrix_2d.clear_marks()
        self.matrix_2d.outline(self.matrix_2d.frame, row, 0, 1, self.matrix_shape[1])
        self.caption_2d.setText(self.caption_text.replace("{cell}", str(cell)))
