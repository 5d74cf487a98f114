"""A page that keeps its widget's layout changes to itself.

A label given new text asks its parents for a new layout, and the request travels up through
every layout to the main window, which lays out and repaints whole: with a view's captions and
counters changing 30 times a second while training, that was most of the window's painting
(bench/training_overhead.py). A LayoutBoundary fills itself with one widget without a layout of
its own, so such a request ends here; the parents hear of it only when the widget needs more room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QWidget, QWidgetItem


class LayoutBoundary(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._widget: QWidget | None = None
        self._hint = self._least = QSize(0, 0)  # the most room the widget has asked for, as told to the parents

    def widget(self) -> QWidget | None:
        return self._widget

    def set_widget(self, widget: QWidget) -> None:
        """Show `widget` filling this page (it becomes its parent)."""
        self._widget = widget
        widget.setParent(self)
        widget.setGeometry(self.rect())
        widget.show()
        self._hint = self._least = QSize(0, 0)
        self._ask_for_room()

    def take_widget(self) -> None:
        """Forget the widget (its owner reparents or deletes it)."""
        self._widget = None
        self._hint = self._least = QSize(0, 0)
        self.updateGeometry()

    def _ask_for_room(self) -> None:
        """Tell the parents when the widget wants more room than it ever did. Less is not told: a
        caption whose longest word is a changing number would make the window lay out at every step."""
        w = self._widget
        hint, least = self._hint.expandedTo(w.sizeHint()), self._least.expandedTo(QWidgetItem(w).minimumSize())
        if (hint, least) != (self._hint, self._least):
            self._hint, self._least = hint, least
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._hint)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._least)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._widget is not None:
            self._widget.setGeometry(self.rect())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self._widget is not None:
            self._ask_for_room()
        return super().event(event)
