"""The explorer's sentences: one output cell's products written out row by row, for the kernel as
it is and turned, and the output-size formula and parameter counts with the numbers filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from core.convolution.explorer import ConvSettings, Term, size_formula
from core.convolution.matrix import conv_parameters, dense_parameters
from gui.views.convolution.panels import WINDOW


def _signed(value: float, digits: int = 2) -> str:
    return QLocale().toString(float(value), "f", digits).replace("-", "−")


def _products(found: list, first: bool) -> str:
    """'w·x + w·x − w·x' for one row of the window; a row after the first starts with its sign."""
    text = ""
    for n, t in enumerate(found):
        minus = t.weight < 0
        if n == 0 and first:
            text += "−" if minus else ""
        else:
            text += (" − " if minus else " + ") if n else ("− " if minus else "+ ")
        text += f"{_signed(abs(t.weight))}·{_signed(t.value)}"
    return text


def sums_html(
    found: dict[bool, list[Term]], cell: tuple[int, int], columns: int, corr_value: float, true_value: float
) -> str:
    """Both sums for output cell `cell`: found[False] the cross-correlation's terms, found[True] the
    true convolution's, each `columns` terms to a window row."""
    i, j = cell
    lines = [
        QCoreApplication.translate(
            "ConvolutionView",
            "<b style='color:{0}'>Output cell (row {1}, column {2})</b> (click another): one line per row of the "
            "window; the zero border counts as 0.",
        ).format(WINDOW, i, j)
    ]
    for flip, name, value in (
        (False, QCoreApplication.translate("ConvolutionView", "Cross-correlation, the kernel as it is"), corr_value),
        (
            True,
            QCoreApplication.translate("ConvolutionView", "True convolution, the kernel turned half a turn"),
            true_value,
        ),
    ):
        rows = [found[flip][k : k + columns] for k in range(0, len(found[flip]), columns)]
        text = "<br>".join("&nbsp;&nbsp;" + _products(row, first=n == 0) for n, row in enumerate(rows))
        told = QCoreApplication.translate(
            "ConvolutionView", "<b>{0}</b>: the sum of these products is <b>{1}</b>"
        ).format(name, _signed(value, 3))
        lines.append(f"{told}<br>{text}")
    return "<br>".join(lines)


def sizes_html(image: tuple[int, int], kernel: tuple[int, int], conv: ConvSettings, out: tuple[int, int]) -> str:
    """The size formula along rows and columns, and this convolution's parameters against a dense layer's."""
    (h, w), (kh, kw) = image, kernel
    dense = dense_parameters((1, h, w), (1, *out))
    conv_count = conv_parameters(1, 1, (kh, kw))
    return QCoreApplication.translate(
        "ConvolutionView",
        "<b>Output size</b> ⌊(n + padding − d·(k − 1) − 1) / s⌋ + 1 — rows: {0}; columns: {1}<br>"
        "<b>Parameters</b> (weights + bias): this convolution {2}·{3} + 1 = {4}; "
        "a dense layer from the {5}×{6} input to the {7}×{8} output {9}·{10} + {10} = {11}",
    ).format(
        size_formula(h, kh, conv),
        size_formula(w, kw, conv),
        kh,
        kw,
        conv_count,
        h,
        w,
        out[0],
        out[1],
        h * w,
        out[0] * out[1],
        QLocale().toString(int(dense)),
    )
