"""The palette: layer kinds grouped as the course introduces them, with a
search box; dragging one out carries its kind name to the canvas."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.network.layers import GROUPS, KINDS
from gui.editor.items import GROUP_COLOURS
from gui.i18n import keep

MIME_LAYER = "application/x-neurona-layer"
GROUP_TITLES = {
    "inputs": QT_TRANSLATE_NOOP("layer groups", "Input"),
    "dense": QT_TRANSLATE_NOOP("layer groups", "Dense"),
    "convolution": QT_TRANSLATE_NOOP("layer groups", "Convolution"),
    "pooling": QT_TRANSLATE_NOOP("layer groups", "Pooling"),
    "activations": QT_TRANSLATE_NOOP("layer groups", "Activations"),
    "regularisation": QT_TRANSLATE_NOOP("layer groups", "Regularisation"),
    "recurrent": QT_TRANSLATE_NOOP("layer groups", "Recurrent"),
    "merge": QT_TRANSLATE_NOOP("layer groups", "Merge"),
    "output": QT_TRANSLATE_NOOP("layer groups", "Output"),
}


class LayerTree(QTreeWidget):
    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        kind = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        if kind:
            mime.setData(MIME_LAYER, kind.encode())
            mime.setText(kind)
        return mime


class Palette(QWidget):
    layer_activated = Signal(str)  # double-click or Enter: add the layer at the canvas centre

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        keep(self.search.setPlaceholderText, "Palette", QT_TRANSLATE_NOOP("Palette", "Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.tree = LayerTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        self.tree.itemActivated.connect(self._activated)
        self.items: dict[str, QTreeWidgetItem] = {}
        for group in GROUPS:
            header = QTreeWidgetItem(self.tree)
            keep(lambda text, h=header: h.setText(0, text), "layer groups", GROUP_TITLES[group])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setForeground(0, QBrush(QColor(GROUP_COLOURS[group])))
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            for kind in KINDS.values():
                if kind.group == group:
                    item = QTreeWidgetItem(header, [kind.name])
                    item.setData(0, Qt.ItemDataRole.UserRole, kind.name)
                    keep(lambda text, i=item: i.setToolTip(0, text), "layer help", kind.help)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                    )
                    self.items[kind.name] = item
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)

    def needed_width(self) -> int:
        """The width that shows every entry whole in the current font (presentation mode enlarges it)."""
        tree = self.tree
        tree.resizeColumnToContents(0)
        return tree.sizeHintForColumn(0) + tree.indentation() + tree.verticalScrollBar().sizeHint().width() + 24

    def filter(self, text: str) -> None:
        """Show only kinds whose name or help mentions `text`, and the groups holding them."""
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            shown = 0
            for j in range(header.childCount()):
                item = header.child(j)
                kind = KINDS[item.data(0, Qt.ItemDataRole.UserRole)]
                hit = not needle or needle in kind.name.lower() or needle in kind.help.lower()
                item.setHidden(not hit)
                shown += hit
            header.setHidden(shown == 0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        kind = item.data(0, Qt.ItemDataRole.UserRole)
        if kind:
            self.layer_activated.emit(kind)
