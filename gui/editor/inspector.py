"""The inspector: the selected node's parameters and its freeze switch.

Edits become requests (`param_edited`, `frozen_edited`) that the editor
checks and turns into undoable commands; the form shows the model's values
again after every change.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from core.network.graph import Graph, GraphError
from core.network.layers import KINDS, has_any_trait
from gui.i18n import keep, translated
from gui.widgets.param_form import ParamForm


class Inspector(QWidget):
    param_edited = Signal(str, str, object)  # node id, parameter, new value
    frozen_edited = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.graph: Graph | None = None
        self.node_id: str | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #546e7a")
        self.form = ParamForm()
        self.form.edited.connect(lambda name, value: self.param_edited.emit(self.node_id, name, value))
        self.form.check_shape = self._check_shape
        self.form.show_error = self.show_error
        self.frozen = QCheckBox()
        keep(self.frozen.setText, "Inspector", QT_TRANSLATE_NOOP("Inspector", "frozen (its weights do not train)"))
        self.frozen.setObjectName("frozen")
        self.frozen.toggled.connect(lambda on: self.frozen_edited.emit(self.node_id, on))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.help, self.form, self.frozen, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_node(None, None)

    def show_node(self, graph: Graph | None, node_id: str | None) -> None:
        """Rebuild the form for one node (or a hint when none or several are selected)."""
        self.graph, self.node_id = graph, node_id
        self.error.clear()
        node = graph.nodes.get(node_id) if graph is not None else None
        self.form.setVisible(node is not None)
        self.frozen.setVisible(node is not None and not has_any_trait(node.kind, "input", "output"))
        if node is None:
            self.title.setText(self.tr("<b>No layer selected</b>"))
            self.help.setText(self.tr("Select a layer on the canvas to see and edit its settings."))
            return
        self.title.setText(f"<b>{node.kind}</b> '{node_id}'")
        self.help.setText(translated("layer help", KINDS[node.kind].help))
        self.form.set_specs(KINDS[node.kind].params)
        self.update_values()

    def changeEvent(self, event) -> None:  # noqa: N802
        """A language switch: the title, the layer's help and the form's names again, in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.show_node(self.graph, self.node_id)

    def update_values(self) -> None:
        """Show the model's current values without emitting edits."""
        if self.graph is None or self.node_id not in self.graph.nodes:
            return
        node = self.graph.nodes[self.node_id]
        self.form.set_values(node.params)
        self.frozen.blockSignals(True)
        self.frozen.setChecked(node.frozen)
        self.frozen.blockSignals(False)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _check_shape(self, name: str, value: list[int]) -> str | None:
        try:
            self.graph.check_param(self.node_id, name, value)
        except GraphError as err:
            return str(err)
        return None
