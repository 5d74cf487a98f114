"""The explorer's sentences: one output cell's products written out row by row, for the kernel as
it is and turned, and the output-size formula and parameter counts with the numbers filled in."""

from __future__ import annotations

from core.convolution.explorer import ConvSettings, Term, size_formula
from core.convolution.matrix import conv_parameters, dense_parameters
from gui.views.convolution.panels import WINDOW


def _signed(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace("-", "−")


def _products(found: list, first: bool) -> str:
    """'w·x + w·x − w·x' for one row of the window; a row after the first starts with its sign."""
    text = ""
    for n, t in enumerate(found):
        minus = t.weight < 0
        if n == 0 and first:
            text += "−" if minus else ""
        else:
            text += (" − " if minus else " + ") if n else ("− " if minus else "+ ")
        text += f"{abs(t.weight):.2f}·{_signed(t.value)}"
    return text


def sums_html(
    found: dict[bool, list[Term]], cell: tuple[int, int], columns: int, corr_value: float, true_value: float
) -> str:
    """Both sums for output cell `cell`: found[False] the cross-correlation's terms, found[True] the
    true convolution's, each `columns` terms to a window row."""
    i, j = cell
    lines = [
        f"<b style='color:{WINDOW}'>Output cell (row {i}, column {j})</b> (click another): one line per"
        " row of the window; the zero border counts as 0."
    ]
    for flip, name, value in (
        (False, "Cross-correlation, the kernel as it is", corr_value),
        (True, "True convolution, the kernel turned half a turn", true_value),
    ):
        rows = [found[flip][k : k + columns] for k in range(0, len(found[flip]), columns)]
        text = "<br>".join("&nbsp;&nbsp;" + _products(row, first=n == 0) for n, row in enumerate(rows))
        lines.append(f"<b>{name}</b>: the sum of these products is <b>{_signed(value, 3)}</b><br>{text}")
    return "<br>".join(lines)


def sizes_html(image: tuple[int, int], kernel: tuple[int, int], conv: ConvSettings, out: tuple[int, int]) -> str:
    """The size formula along rows and columns, and this convolution's parameters against a dense layer's."""
    (h, w), (kh, kw) = image, kernel
    dense = dense_parameters((1, h, w), (1, *out))
    conv_count = conv_parameters(1, 1, (kh, kw))
    return (
        "<b>Output size</b> ⌊(n + padding − d·(k − 1) − 1) / s⌋ + 1 — "
        f"rows: {size_formula(h, kh, conv)}; columns: {size_formula(w, kw, conv)}<br>"
        f"<b>Parameters</b> (weights + bias): this convolution {kh}·{kw} + 1 = {conv_count}; "
        f"a dense layer from the {h}×{w} input to the {out[0]}×{out[1]} output "
        f"{h * w}·{out[0] * out[1]} + {out[0] * out[1]} = {dense:,}"
    )
