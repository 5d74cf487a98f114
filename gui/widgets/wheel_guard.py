"""The mouse wheel scrolls panels; it changes a spin box, combo box or slider only once the
user has clicked it. Scrolling down the Training tab must not turn batch size 32 into 34."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def _guarded(obj: QObject) -> bool:
    return isinstance(obj, GUARDED) and not isinstance(obj, QScrollBar)  # a scroll bar is for wheeling


class WheelGuard(QObject):
    """An application-wide event filter: guarded widgets take focus by click or Tab, not by the
    wheel, and hand the wheel to the scroll area around them while they lack focus."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and _guarded(obj):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and _guarded(obj) and not obj.hasFocus():
            area = _scroll_area_around(obj)
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)  # the panel scrolls
            else:
                event.ignore()
            return True
        return False


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent
