"""The bottom dock's tabs: the training dashboard, then every "Inside the network" view.

Views are built the first time their tab opens. Only the visible view's probes
(the dashboard's too: its decision boundary and neurons) are computed by the
worker, so a hidden view costs training nothing.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTabWidget, QWidget

from gui.i18n import keep
from gui.views.base import InsightView, MessageLabel
from gui.views.registry import VIEWS, view_spec
from gui.widgets.layout_boundary import LayoutBoundary


class ViewTabs(QTabWidget):
    dataset_edited = Signal(str, dict)  # a view chose a dataset (the Approximation view's drawn curve)

    def __init__(self, dashboard: InsightView, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.dashboard = dashboard
        self.views: dict[str, InsightView] = {}
        self.delivered: set[InsightView] = set()  # views that have drawn at least one snapshot's probes
        self.project = self.data = None
        page = LayoutBoundary()
        page.set_widget(dashboard)
        self.addTab(page, "")
        keep(lambda t: self.setTabText(0, t), "ViewTabs", QT_TRANSLATE_NOOP("ViewTabs", "Training"))
        tip = QT_TRANSLATE_NOOP("ViewTabs", "loss and accuracy curves, the decision boundary, the neurons")
        keep(lambda t: self.setTabToolTip(0, t), "ViewTabs", tip)
        for spec in VIEWS:
            holder = LayoutBoundary()
            holder.setObjectName(spec.name)
            index = self.addTab(holder, "")
            keep(lambda t, i=index: self.setTabText(i, t), "views", spec.title)  # listed in gui/terms.py
            keep(lambda t, i=index: self.setTabToolTip(i, t), "views", spec.help)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.stride = QSpinBox(minimum=1, maximum=100_000, value=20)
        keep(self.stride.setSuffix, "ViewTabs", QT_TRANSLATE_NOOP("ViewTabs", " steps"))
        tip = QT_TRANSLATE_NOOP("ViewTabs", "How often the open view is recomputed while training runs")
        keep(self.stride.setToolTip, "ViewTabs", tip)
        self.stride.valueChanged.connect(controller.set_stride)
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(4, 0, 4, 0)
        every = QLabel()
        keep(every.setText, "ViewTabs", QT_TRANSLATE_NOOP("ViewTabs", "refresh every"))
        row.addWidget(every)
        row.addWidget(self.stride)
        self.setCornerWidget(corner)
        self.currentChanged.connect(self._tab_changed)
        controller.snapshot.connect(self._snapshot)

    def show_view(self, name: str) -> InsightView | None:
        """Bring a view's tab to the front ("training" is the dashboard); returns the view."""
        if name == "training":
            self.setCurrentIndex(0)
            return self.dashboard
        self.setCurrentIndex(1 + [spec.name for spec in VIEWS].index(name))
        return self.views.get(name)

    def set_context(self, project, data) -> None:
        self.project, self.data = project, data
        for view in (self.dashboard, *self.views.values()):
            view.set_context(project, data)
        self._ask()

    def rebuild(self) -> None:
        """Build the views afresh (after the application's font changed); the training session
        keeps the probes' histories, so the visible view is redrawn whole from the next snapshot."""
        built = {name: view.keep() for name, view in self.views.items()}  # what each must not lose
        for view in self.views.values():
            view.parentWidget().take_widget()
            view.setParent(None)
            view.deleteLater()
        self.views.clear()
        self.delivered.clear()
        self.controller.set_views({})  # so that asking again brings the probes at once, even when paused
        for name, kept in built.items():
            self._build(name, self.widget(1 + [spec.name for spec in VIEWS].index(name)))
            if kept is not None and name in self.views:
                self.views[name].restore(kept)
        self._ask()

    def current_view(self) -> InsightView | None:
        if self.currentIndex() == 0:
            return self.dashboard
        holder = self.currentWidget()
        return self.views.get(holder.objectName()) if holder is not None else None

    def _tab_changed(self, index: int) -> None:
        holder = self.widget(index)
        name = holder.objectName() if holder is not None else ""
        if index > 0 and name not in self.views:
            self._build(name, holder)
        self._ask()

    def _build(self, name: str, holder: LayoutBoundary) -> None:
        try:
            view = view_spec(name).create()
        except Exception as err:  # noqa: BLE001 - a view that cannot load says why in its tab
            label = MessageLabel(self.tr("This view could not be loaded: {0}").format(err))
            label.setToolTip(traceback.format_exc())
            holder.set_widget(label)
            return
        holder.set_widget(view)
        self.views[name] = view
        view.options_changed.connect(lambda v=view: v is self.current_view() and self._ask())
        if hasattr(view, "dataset_edited"):  # a view that edits the dataset (a drawn function)
            view.dataset_edited.connect(self.dataset_edited)
        if hasattr(view, "use_controller"):  # a view that asks the run for work of its own (the landscape)
            view.use_controller(self.controller)
        view.set_context(self.project, self.data)

    def _ask(self) -> None:
        view = self.current_view()
        self.controller.set_views(view.wanted() if view is not None else {})

    def _snapshot(self, shot) -> None:
        view = self.current_view()
        if shot.insights and view is not None:
            mine = {name: shot.insights[name] for name in view.wanted() if name in shot.insights}
            if mine:
                view.show_insights(mine)
                self.delivered.add(view)
