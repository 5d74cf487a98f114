"""The training settings: optimiser, learning rate, batch size, schedule,
initialisation, penalties, clipping, seed and device. Only the settings that
apply to the current choices are shown (momentum for the SGD family, the step
schedule's own settings for that schedule…)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from core.train_config import TRAIN_PARAMS, applicable_settings
from gui.i18n import keep
from gui.widgets.param_form import ParamForm


class TrainingSettings(QScrollArea):
    setting_edited = Signal(str, object)  # name, value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.project = None
        self.form = ParamForm()
        self.form.set_specs(TRAIN_PARAMS)
        self.form.edited.connect(self.setting_edited)
        self.note = QLabel()
        keep(
            self.note.setText,
            "TrainingSettings",
            QT_TRANSLATE_NOOP(
                "TrainingSettings",
                "Changes reach a running model at once, and so do their undos; the optimiser, the initialisation, "
                "the seed, the device and the kind of schedule apply when you reset the weights.",
            ),
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.form)
        column.addWidget(self.note)
        column.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def show_project(self, project) -> None:
        if self.project is not None:
            self.project.training_changed.disconnect(self.refresh)
        self.project = project
        project.training_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        values = self.project.training.to_dict()
        self.form.set_values(values)
        shown = applicable_settings(values)
        for name, widget in self.form.widgets.items():
            self.form.layout_.setRowVisible(widget, name in shown)
