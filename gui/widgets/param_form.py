"""A form for typed parameters: each `Param` gets the widget its type needs.

Used for a layer's settings in the inspector and a dataset's in the dataset
panel. User edits come out as `edited(name, value)`; `set_values` shows the
model's values with signals blocked, so nothing echoes back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.network.layers import fmt_shape
from core.params import Param
from gui.i18n import keep

INVALID = "border: 2px solid #d32f2f"


def parse_shape(text: str) -> list[int]:
    """'1×8×8', '1x8x8', '1, 8, 8' or '1 8 8' → [1, 8, 8]; ValueError if it is not sizes."""
    parts = [p for p in re.split(r"[×x*,\s]+", text.strip()) if p]
    if not parts:
        raise ValueError("give at least one size")
    return [int(p) for p in parts]


class PathField(QWidget):
    """A line edit with a Browse button; a parameter named 'folder' browses folders, others files."""

    def __init__(self, folder: bool):
        super().__init__()
        self.line = QLineEdit()
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(button)
        self.folder = folder

    def _browse(self) -> None:
        if self.folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.line.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), self.line.text())
        if path:
            self.line.setText(path)
            self.line.editingFinished.emit()


class ParamForm(QWidget):
    edited = Signal(str, object)  # parameter name, new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.widgets: dict[str, QWidget] = {}
        self.types: dict[str, str] = {}
        self.check_shape: Callable[[str, list[int]], str | None] = lambda name, value: None
        self.show_error: Callable[[str], None] = lambda text: None

    def set_specs(self, specs: tuple[Param, ...]) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.widgets = {}
        self.types = {spec.name: spec.type for spec in specs}
        for spec in specs:
            widget = self._widget_for(spec)
            widget.setObjectName(spec.name)
            widget.setToolTip(spec.help)
            self.widgets[spec.name] = widget
            label = QLabel()
            keep(label.setText, "params", spec.name.replace("_", " "))  # the names are listed in gui/terms.py
            self.layout_.addRow(label, widget)

    def set_values(self, values: dict[str, Any]) -> None:
        for name, widget in self.widgets.items():
            value = values[name]
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, PathField):
                widget.line.setText(value)
            elif self.types[name] == "text":
                widget.setText(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(fmt_shape(value))
                widget.setStyleSheet("")
            else:
                widget.setValue(value)
            widget.blockSignals(False)

    def _widget_for(self, spec: Param) -> QWidget:
        name = spec.name
        if spec.type == "bool":
            widget = QCheckBox()
            widget.toggled.connect(lambda on: self.edited.emit(name, on))
        elif spec.type == "choice":
            widget = QComboBox()
            for i, choice in enumerate(spec.choices):  # shown in the reader's words, kept as the value
                widget.addItem(choice, choice)
                keep(lambda text, w=widget, i=i: w.setItemText(i, text), "choices", choice)  # gui/terms.py
            widget.currentIndexChanged.connect(lambda _, w=widget: self.edited.emit(name, w.currentData()))
        elif spec.type == "int":
            widget = QSpinBox()
            widget.setRange(int(spec.min), int(min(spec.max, 2**31 - 1)))
            widget.setKeyboardTracking(False)  # one edit when typing is done, not one per digit
            widget.valueChanged.connect(lambda v: self.edited.emit(name, v))
        elif spec.type == "float":
            widget = QDoubleSpinBox()
            widget.setDecimals(4)
            widget.setRange(spec.min, spec.max)
            widget.setSingleStep(0.01 if spec.max <= 1 else 0.1)
            widget.setKeyboardTracking(False)
            widget.valueChanged.connect(lambda v: self.edited.emit(name, v))
        elif spec.type == "text":
            widget = PathField(folder=name == "folder") if name in ("file", "folder") else QLineEdit()
            line = widget.line if isinstance(widget, PathField) else widget
            line.setPlaceholderText(spec.help)
            line.editingFinished.connect(lambda: self.edited.emit(name, line.text()))
        else:  # shape
            widget = QLineEdit()
            widget.setPlaceholderText(self.tr("e.g. 1×8×8"))
            widget.textEdited.connect(lambda text, w=widget: self._check(w, name, text))
            widget.editingFinished.connect(lambda w=widget: self._finish_shape(w, name))
        return widget

    def _check(self, widget: QLineEdit, name: str, text: str) -> list[int] | None:
        """Validate as the user types: a red frame and the reason while the text is not a valid shape."""
        try:
            value = parse_shape(text)
            problem = self.check_shape(name, value)
        except ValueError:
            value, problem = None, f"'{text}' is not a list of sizes"
        widget.setStyleSheet(INVALID if problem else "")
        self.show_error(problem or "")
        return None if problem else value

    def _finish_shape(self, widget: QLineEdit, name: str) -> None:
        value = self._check(widget, name, widget.text())
        if value is not None:
            self.edited.emit(name, value)
