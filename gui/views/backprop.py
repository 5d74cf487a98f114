"""Back-propagation by hand (course 002/003): one training sample through a small dense network,
forward and then backward, every product of the chain rule written with its numbers
(core.probes.backprop). With a batch of one sample it shows the last step's own sample and the
update that step applied; for the perceptron lesson, that update is the perceptron rule."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

from gui.views.base import InsightView, MessageStack

WAITING = QT_TRANSLATE_NOOP(
    "BackpropView", "Take a step or train, to see one sample's forward and backward pass with every number."
)
LAST = -1  # the sample spin box's value for "the last step's sample"


def num(value: float) -> str:
    return QLocale().toString(float(value), "g", 3)


def vector(values: np.ndarray) -> str:
    return "(" + ", ".join(num(v) for v in np.asarray(values).reshape(-1)) + ")"


class BackpropView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.sample = QSpinBox(minimum=LAST, maximum=0, value=LAST)
        self.sample.setSpecialValueText(self.tr("the last step's"))
        self.sample.setToolTip(self.tr("The training sample followed through the network"))
        self.sample.setKeyboardTracking(False)
        self.sample.valueChanged.connect(lambda _: self.options_changed.emit())
        next_button = QPushButton(self.tr("Next sample"))
        next_button.clicked.connect(lambda: self.sample.setValue(max(0, self.sample.value() + 1)))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("training sample")))
        bar.addWidget(self.sample)
        bar.addWidget(next_button)
        bar.addStretch(1)
        self.text = QTextBrowser()
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.text, 1)
        self.stack = MessageStack(content, text=self.tr(WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ----------------------------------------------------------------------

    def wanted(self) -> dict[str, dict]:
        value = self.sample.value()
        return {"backprop": {"sample": None if value == LAST else value}}

    def set_context(self, project, data) -> None:
        self.result = None
        if data is not None:
            self.sample.setMaximum(max(0, len(data.x_train) - 1))
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = self.stack.accept(insights.get("backprop"))
        if result is None:
            return
        self.result = result
        bar = self.text.verticalScrollBar().value()
        self.text.setHtml(self.page(result))
        self.text.verticalScrollBar().setValue(bar)  # a new step keeps the reader's place

    def keep(self) -> object:
        return self.sample.value()

    def restore(self, kept) -> None:
        self.sample.setValue(int(kept))

    # ---- the page ---------------------------------------------------------------------------

    def page(self, r) -> str:
        loc, out = QLocale(), r.layers[-1]
        when = (
            self.tr("trained at step {0}, with the weights before that step").format(loc.toString(r.step))
            if r.last_step is not None
            else self.tr("with the weights of step {0}").format(loc.toString(r.step))
        )
        parts = [
            "<p>"
            + self.tr(
                "Training sample <b>#{0}</b>, {1}: x = {2}, target t = {3}; output ŷ = {4}; loss L = {5}."
            ).format(
                r.sample,
                when,
                vector(r.layers[0].outputs),
                vector(r.target),
                vector(out.outputs),
                num(r.loss),
            )
            + "</p>",
            "<h3>" + self.tr("Forward: each layer's values") + "</h3><table cellspacing='0' cellpadding='3'>",
        ]
        for layer in r.layers[1:]:
            parts.append(
                f"<tr><td><b>{html.escape(layer.node)}</b> ({layer.kind})</td><td>{vector(layer.outputs)}</td></tr>"
            )
        parts.append("</table>")
        parts.append("<h3>" + self.tr("Backward: the chain rule, from the loss down") + "</h3>")
        parts.append("<p>" + self.tr("∂L/∂ŷ = {0} (the loss's own derivative)").format(vector(out.delta)) + "</p>")
        for layer in reversed(r.layers[1:-1]):
            parts.append(self._backward(layer))
        if r.last_step is not None:
            parts.append(self._update(r))
        return "".join(parts)

    def _backward(self, layer) -> str:
        name = f"<b>{html.escape(layer.node)}</b> ({layer.kind})"
        if layer.grad_weight is not None:
            rows = "".join(
                "<tr>" + "".join(f"<td align='right'>{num(v)}</td>" for v in row) + "</tr>" for row in layer.grad_weight
            )
            text = self.tr("{0}: δ = ∂L/∂h = {1}; ∂L/∂W = δ·xᵀ (a row per unit, a column per input):").format(
                name, vector(layer.delta)
            )
            bias = self.tr("∂L/∂b = δ; passed down: Wᵀδ = {0}").format(vector(layer.delta_in))
            return f"<p>{text}</p><table cellspacing='0' cellpadding='2' border='1'>{rows}</table><p>{bias}</p>"
        if layer.derivative is not None:
            products = ", ".join(
                f"{num(d)} × {num(f)} = {num(d * f)}" for d, f in zip(layer.delta, layer.derivative, strict=True)
            )
            text = self.tr("{0}: δ ⊙ f′(a), unit by unit: {1}").format(name, products)
            if layer.kind == "Sigmoid":
                text += " " + self.tr("(σ′ ≤ 0.25: each sigmoid layer shrinks δ at least four times)")
            if layer.kind == "Step":
                text += " " + self.tr("(a step has no useful slope: training passes δ straight through)")
            return f"<p>{text}</p>"
        return f"<p>{self.tr('{0}: passes δ on unchanged').format(name)}</p>"

    def _update(self, r) -> str:
        step = r.last_step
        parts = [
            "<h3>" + self.tr("The update this step applied: w ← w − η ∂L/∂w, η = {0}").format(num(step.lr)) + "</h3>"
        ]
        for node, (weight, bias) in step.before.items():
            change, bias_change = step.change[node]
            text = self.tr("<b>{0}</b>: W {1} + ΔW {2} = {3}").format(
                html.escape(node), vector(weight), vector(change), vector(weight + change)
            )
            if bias is not None:
                text += "; " + self.tr("b {0} + Δb {1} = {2}").format(
                    vector(bias), vector(bias_change), vector(bias + bias_change)
                )
            parts.append(f"<p>{text}</p>")
        chain = [layer.kind for layer in r.layers]
        if chain == ["Input", "Linear", "Step", "Output"] and r.loss_kind == "mse" and len(r.target) == 1:
            unit, y, t = r.layers[1], r.layers[-1].outputs[0], r.target[0]
            parts.append(
                "<p>"
                + self.tr(
                    "The perceptron rule: w ← w + η′(t − y)x with η′ = 2η = {0} (the squared error's derivative "
                    "is 2(y − t)): here t − y = {1}, so ΔW = {2}."
                ).format(num(2 * step.lr), num(t - y), vector(2 * step.lr * (t - y) * unit.inputs))
                + "</p>"
            )
        return "".join(parts)
