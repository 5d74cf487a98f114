"""What every view of the training dock shares with the tabs that host it.

A view says which probes it wants (`wanted`), is told about the project and
its data when they change (`set_context`), and draws the probes' results from
each snapshot that carries them (`show_insights`). Only the visible tab's
probes are computed, the training dashboard's included. Standalone explorers
(the Gabor explorer, the optimizer lab…) want nothing and ignore snapshots.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from core.probes.registry import ProbeFailed


class InsightView(QWidget):
    options_changed = Signal()  # `wanted` changed (another layer or unit chosen): ask the worker again

    def wanted(self) -> dict[str, dict]:
        """Probe name (core.probes.registry.PROBES) -> options; {} for a view that needs no training run."""
        return {}

    def set_context(self, project, data) -> None:
        """A project was opened or its dataset (re)loaded; `data` is a core.data.catalog.Data or None."""

    def show_insights(self, insights: dict[str, object]) -> None:
        """The results of the probes this view wanted (any of them may be a ProbeFailed)."""

    def keep(self) -> object:
        """What this view must not lose when it is built afresh at another size (presentation mode):
        handed to the new view's `restore` once its context is set. None: nothing to keep."""
        return None

    def restore(self, kept) -> None:
        """Take back what an earlier instance's `keep` returned."""

    def busy(self) -> bool:
        """True while the view computes something of its own (a screenshot waits for it)."""
        return False


class MessageLabel(QLabel):
    """A grey explanation in place of a picture: why there is nothing to draw, or a probe's failure."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #546e7a; padding: 6px")

    def show_failure(self, failed: ProbeFailed) -> None:
        self.setText(self.tr("This view could not be computed: {0}").format(failed.message))
        self.setToolTip(failed.details)
        self.show()


class MessageStack(QStackedWidget):
    """A view's pictures, or in their place a message: why there is nothing to draw yet, or why
    the probe failed. The first page is the one `show_content` shows unless told another."""

    def __init__(self, *pages: QWidget, text: str = ""):
        super().__init__()
        self.message = MessageLabel(text)
        for widget in (self.message, *pages):
            self.addWidget(widget)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip("")
        self.setCurrentWidget(self.message)

    def fail(self, failed: ProbeFailed) -> None:
        self.message.show_failure(failed)
        self.setCurrentWidget(self.message)

    def accept(self, result):
        """A probe's result to draw, or None: a failure takes the pictures' place, and no result
        (the probe did not run this time) leaves what is shown."""
        if isinstance(result, ProbeFailed):
            self.fail(result)
            return None
        if result is not None:
            self.show_content()
        return result

    def show_content(self, page: QWidget | None = None) -> None:
        self.setCurrentWidget(page if page is not None else self.widget(1))
