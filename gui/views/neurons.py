"""Neurons: a small dense network drawn unit by unit (course 002's perceptron and MLP pictures),
from the live model (core.probes.wires). While training is paused, a click on a line or a unit
opens a spin box that sets that weight or bias in the model where it lives (a SetParameter
command); every view then shows the changed model, and Undo puts the old value back. With the
backward pass on, one sample's values and gradients are written on the drawing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.views.backprop import num
from gui.views.base import InsightView, MessageStack
from gui.views.neurons_canvas import NetworkCanvas, Target, unit_name

WAITING = QT_TRANSLATE_NOOP(
    "NeuronsView", "Take a step (F10) or train, to draw the model's units and weights here and set them by hand."
)
LIMIT = 1000.0  # the largest weight the editor sets


class WeightEditor(QFrame):
    """The small editor a click opens over the drawing: which weight or bias, a spin box, Set."""

    submitted = Signal(object, float)  # the Target and its new value
    closed = Signal()  # hidden: set, cancelled or closed

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.target: Target | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("WeightEditor { background: #fffde7; border: 1px solid #fbc02d; border-radius: 4px; }")
        self.title = QLabel()
        self.spin = QDoubleSpinBox(minimum=-LIMIT, maximum=LIMIT, decimals=3, singleStep=0.1)
        self.spin.setKeyboardTracking(False)
        self.set_button = QPushButton(self.tr("Set"))
        self.set_button.clicked.connect(self.submit)
        close = QPushButton("×")
        close.setFlat(True)
        close.setToolTip(self.tr("Close without changing the model (Esc)"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spin, 1)
        row.addWidget(self.set_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.hide()

    def open_for(self, target: Target, title: str, at: QPoint) -> None:
        self.target = target
        self.title.setText(title)
        self.spin.setValue(target.value)
        self.adjustSize()
        room = self.parentWidget().rect()
        x = min(max(0, at.x() + 12), max(0, room.width() - self.width()))
        y = min(max(0, at.y() + 12), max(0, room.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.spin.setFocus()
        self.spin.selectAll()

    def submit(self) -> None:
        if self.target is not None and self.isVisible():
            self.spin.interpretText()
            self.submitted.emit(self.target, float(self.spin.value()))
            self.hide()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter sets, Esc closes
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)


class NeuronsView(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.controller = None
        self.edits: list = []  # core.run.messages.ParameterSet of this model, the newest last (for Undo)
        self.undoing: list[tuple] = []  # the values Undo sent back and not yet confirmed: not edits to record
        self.backward = QCheckBox(self.tr("backward pass on the wires"))
        self.backward.setToolTip(
            self.tr("Write, for one training sample, each unit's value and each weight's gradient ∂L/∂w")
        )
        self.backward.toggled.connect(self._backward_toggled)
        self.sample = QSpinBox(minimum=0, maximum=0)
        self.sample.setPrefix("#")
        self.sample.setToolTip(self.tr("The training sample followed through the network"))
        self.sample.setKeyboardTracking(False)
        self.sample.setEnabled(False)
        self.sample.valueChanged.connect(lambda _: self.options_changed.emit())
        self.undo_button = QPushButton(self.tr("Undo the last weight set"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.backward)
        bar.addWidget(QLabel(self.tr("sample")))
        bar.addWidget(self.sample)
        bar.addStretch(1)
        bar.addWidget(self.undo_button)
        self.scores = QLabel(wordWrap=True)
        self.note = QLabel(wordWrap=True)  # what the last click or edit did, or why it was refused
        self.note.setStyleSheet("color: #4e342e")
        self.canvas = NetworkCanvas()
        self.canvas.clicked.connect(self._clicked)
        self.editor = WeightEditor(self.canvas)
        self.editor.submitted.connect(self._submit)
        self.editor.closed.connect(self._editor_closed)
        self.legend = QLabel(wordWrap=True)
        self.legend.setStyleSheet("color: #546e7a")
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.scores)
        inner.addWidget(self.canvas, 1)
        inner.addWidget(self.note)
        inner.addWidget(self.legend)
        self.stack = MessageStack(content, text=self.tr(WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    # ---- InsightView ------------------------------------------------------------------------

    def use_controller(self, controller) -> None:
        """The run's controller: edits go to the model through it, and its answers come back."""
        self.controller = controller
        controller.parameter_set.connect(self._parameter_set)
        controller.refused.connect(self._refused)
        controller.state_changed.connect(self._state_changed)

    def wanted(self) -> dict[str, dict]:
        return {"wires": {"sample": self.sample.value() if self.backward.isChecked() else None}}

    def set_context(self, project, data) -> None:
        """A new model: nothing of the old one stays, its edits included."""
        self.result, self.edits, self.undoing = None, [], []
        self.undo_button.setEnabled(False)
        self.editor.hide()
        self.canvas.clear()
        self.note.clear()
        if data is not None:
            self.sample.setMaximum(max(0, len(data.x_train) - 1))
        self.stack.say(self.tr(WAITING))

    def show_insights(self, insights: dict[str, object]) -> None:
        result = self.stack.accept(insights.get("wires"))
        if result is None:
            return
        self.result = result
        self.canvas.show_wiring(result, self.backward.isChecked())
        self._describe(result)

    def keep(self) -> object:
        return self.backward.isChecked(), self.sample.value()

    def restore(self, kept) -> None:
        backward, sample = kept
        self.sample.setValue(int(sample))
        self.backward.setChecked(bool(backward))

    # ---- words ------------------------------------------------------------------------------

    def _describe(self, r) -> None:
        loc = QLocale()
        parts = [self.tr("Step {0}").format(loc.toString(r.step))]
        if r.train_accuracy is not None:
            parts.append(self.tr("training accuracy {0} %").format(loc.toString(100 * r.train_accuracy, "f", 1)))
        parts.append(self.tr("training loss {0}").format(num(r.train_loss)))
        if r.sample is not None and self.backward.isChecked():
            target = ", ".join(num(v) for v in r.target)
            parts.append(self.tr("sample #{0}: target {1}, loss L = {2}").format(r.sample, target, num(r.loss)))
        self.scores.setText(" · ".join(parts))
        largest = self.canvas._largest()
        if self.canvas.backprop:
            legend = self.tr(
                "In each unit: its value for this sample; under it its bias b, ∂L/∂b, and its activation's slope "
                "(σ′ for a sigmoid). On each line: ∂L/∂w, the gradient of this sample's loss."
            )
        else:
            legend = self.tr(
                "Lines are weights: blue positive, orange negative, the thickest |w| = {0}. The number in a unit "
                "is its bias, and its ring's colour the bias's sign. Click a line or a unit to set its weight or "
                "bias by hand (training paused)."
            ).format(num(largest))
        if self.canvas.crowded():
            legend += " " + self.tr("Where a number does not fit, point at the line or the unit to read it.")
        self.legend.setText(legend)

    def _title(self, target: Target) -> str:
        if target.kind == "weight":
            unit, _ = target.index
            return self.tr("weight {0} → {1} {2}").format(target.source, target.node, unit + 1)
        return self.tr("bias of {0}").format(target.source)

    # ---- editing ----------------------------------------------------------------------------

    def refusal(self) -> str:
        """Why a weight cannot be set now, or "" when it can."""
        if self.controller is None or not self.controller.active or self.result is None:
            return self.tr("There is no model to change yet: take a step (F10) first.")
        if self.controller.state == "running":
            return self.tr("Training is running: pause it (F5), then set a weight by hand.")
        return ""

    def _clicked(self, target: Target | None, at: QPoint) -> None:
        self.editor.hide()
        self.canvas.selected = None
        if target is not None and target.kind in ("input", "none"):
            self.note.setText(
                self.tr(
                    "{0} has no weight or bias to set: click a line (a weight) or a unit of a layer (its bias)."
                ).format(target.source)
            )
        elif target is not None:
            refused = self.refusal()
            if refused:
                self.note.setText(refused)
            else:
                self.canvas.selected = target
                self.editor.open_for(target, self._title(target), at)
        self.canvas.update()

    def _submit(self, target: Target, value: float) -> None:
        self.canvas.selected = None
        refused = self.refusal()
        if refused:
            self.note.setText(refused)
        elif self.controller.set_parameter(target.node, target.kind, target.index, value):
            self.note.setText(self.tr("Setting {0} to {1}…").format(self._title(target), num(value)))
        self.canvas.update()

    def _parameter_set(self, message) -> None:
        edit = (message.node, message.name, tuple(message.index), message.value)
        target = Target(message.name, message.node, tuple(message.index), message.value, self._source(message))
        if edit in self.undoing:
            self.undoing.remove(edit)
            self.note.setText(self.tr("Undone: {0} is {1} again.").format(self._title(target), num(message.value)))
        else:
            self.edits.append(message)
            self.note.setText(
                self.tr("{0} set to {1} (it was {2}).").format(
                    self._title(target), num(message.value), num(message.previous)
                )
            )
        self.undo_button.setEnabled(bool(self.edits))

    def _source(self, message) -> str:
        """The label of the unit a weight comes from (of the unit itself for a bias)."""
        columns = self.result.columns if self.result is not None else []
        for c, column in enumerate(columns):
            if column.node == message.node:
                unit = message.index[1] if message.name == "weight" else message.index[0]
                return unit_name(columns, c - 1 if message.name == "weight" else c, unit)
        return message.node

    def undo(self) -> None:
        """Put the last weight set by hand back to what it was."""
        refused = self.refusal()
        if refused or not self.edits:
            self.note.setText(refused)
            return
        last = self.edits.pop()
        self.undoing.append((last.node, last.name, tuple(last.index), last.previous))
        self.controller.set_parameter(last.node, last.name, last.index, last.previous)
        self.undo_button.setEnabled(bool(self.edits))

    def _refused(self, text: str) -> None:
        """The run did not take a weight: it was training (a step still under way), or the weight
        no longer exists (a sentence from core, in English)."""
        if text.startswith("training is running"):
            text = self.tr("Training was still running when the value arrived: the model is unchanged. Set it again.")
        self.note.setText(text)

    def _state_changed(self, state: str) -> None:
        if state == "running" and self.editor.isVisible():
            self.editor.hide()
            self.canvas.selected = None
            self.canvas.update()
            self.note.setText(self.tr("Training is running: pause it (F5), then set a weight by hand."))

    def _editor_closed(self) -> None:
        if self.canvas.selected is not None:
            self.canvas.selected = None
            self.canvas.update()

    def _backward_toggled(self, on: bool) -> None:
        self.sample.setEnabled(on)
        self.options_changed.emit()
