"""The one-line summary a node shows, in the interface's language.

core/network/layers.py words each kind's summary in English (core has no Qt, so no translator);
here the same facts are worded through Qt's catalogue for the kinds whose summary says words.
A kind not listed (a new one) shows core's own summary.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from core.network.layers import KINDS, fmt_shape

_PLURALS = (  # singular and plural, both in the catalogue (Spanish counts as English does)
    QT_TRANSLATE_NOOP("layer summary", "{0} unit"),
    QT_TRANSLATE_NOOP("layer summary", "{0} units"),
    QT_TRANSLATE_NOOP("layer summary", "{0} unit, {1}"),
    QT_TRANSLATE_NOOP("layer summary", "{0} units, {1}"),
    QT_TRANSLATE_NOOP("layer summary", "{0} filter {1}"),
    QT_TRANSLATE_NOOP("layer summary", "{0} filters {1}"),
)
_LOSSES = {
    "cross_entropy": QT_TRANSLATE_NOOP("layer summary", "cross-entropy loss"),
    "mse": QT_TRANSLATE_NOOP("layer summary", "mean squared error"),
    "bce": QT_TRANSLATE_NOOP("layer summary", "binary cross-entropy"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("layer summary", text)


def _num(value: float) -> str:
    return QLocale().toString(float(value), "g", 6)


def _conv(p: dict, dims: int) -> str:
    k = p["kernel_size"]
    filters = "{0} filter {1}" if p["out_channels"] == 1 else "{0} filters {1}"
    text = _t(filters).format(p["out_channels"], f"{k}×{k}" if dims == 2 else str(k))
    if p["stride"] != 1:
        text += QCoreApplication.translate("layer summary", ", stride {0}").format(p["stride"])
    if p.get("groups", 1) != 1:
        text += QCoreApplication.translate("layer summary", ", {0} groups").format(p["groups"])
    return text


def _recurrent(p: dict) -> str:
    steps = (
        QCoreApplication.translate("layer summary", "last step")
        if p["output"] == "last"
        else QCoreApplication.translate("layer summary", "all steps")
    )
    units = "{0} unit, {1}" if p["hidden_size"] == 1 else "{0} units, {1}"
    return _t(units).format(p["hidden_size"], steps)


_WORDED = {
    "Input": lambda p: QCoreApplication.translate("layer summary", "shape {0}").format(fmt_shape(p["shape"])),
    "Linear": lambda p: _t("{0} unit" if p["out_features"] == 1 else "{0} units").format(p["out_features"]),
    "Conv1d": lambda p: _conv(p, 1),
    "Conv2d": lambda p: _conv(p, 2),
    "MaxPool2d": lambda p: QCoreApplication.translate("layer summary", "{0}×{0} window").format(p["kernel_size"]),
    "AvgPool2d": lambda p: QCoreApplication.translate("layer summary", "{0}×{0} window").format(p["kernel_size"]),
    "Reshape": lambda p: QCoreApplication.translate("layer summary", "to {0}").format(fmt_shape(p["shape"])),
    "LeakyReLU": lambda p: QCoreApplication.translate("layer summary", "slope {0}").format(_num(p["negative_slope"])),
    "ELU": lambda p: QCoreApplication.translate("layer summary", "alpha {0}").format(_num(p["alpha"])),
    "Dropout": lambda p: QCoreApplication.translate("layer summary", "drops {0}%").format(
        QLocale().toString(round(100 * p["p"]))
    ),
    "GaussianNoise": lambda p: QCoreApplication.translate("layer summary", "noise σ = {0}").format(_num(p["std"])),
    "Sparsity": lambda p: QCoreApplication.translate("layer summary", "L1 weight {0}").format(_num(p["weight"])),
    "RNN": _recurrent,
    "GRU": _recurrent,
    "LSTM": _recurrent,
    "Add": lambda p: QCoreApplication.translate("layer summary", "{0} inputs").format(p["inputs"]),
    "Concat": lambda p: QCoreApplication.translate("layer summary", "{0} inputs").format(p["inputs"]),
    "Output": lambda p: _t(_LOSSES[p["loss"]]) if p["loss"] in _LOSSES else KINDS["Output"].summary(p),
}


def node_summary(kind: str, params: dict) -> str:
    worded = _WORDED.get(kind)
    return worded(params) if worded is not None else KINDS[kind].summary(params)
