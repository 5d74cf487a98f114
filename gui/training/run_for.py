"""Run → Run For…: train a number of epochs, or until a metric reaches a value, then pause by
itself, so a teacher can say "let the loss fall, then we look" and talk while it trains."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QRadioButton,
    QSpinBox,
)

from core.run.messages import METRICS, Goal
from gui.i18n import translated


class RunForDialog(QDialog):
    def __init__(self, parent=None, classifies: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Train, then pause"))
        self.for_epochs = QRadioButton(self.tr("Train for"))
        self.until = QRadioButton(self.tr("Train until"))
        group = QButtonGroup(self)
        group.addButton(self.for_epochs)
        group.addButton(self.until)
        self.for_epochs.setChecked(True)
        self.epochs = QSpinBox(minimum=1, maximum=100_000, value=5, suffix=self.tr(" epochs"))
        self.quantity = QComboBox()
        for key, text in METRICS.items():
            if classifies or key.endswith("loss"):
                self.quantity.addItem(translated("metrics", text), key)
        self.target = QDoubleSpinBox(decimals=4)
        self.quantity.currentIndexChanged.connect(self._quantity_changed)
        self._quantity_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Train"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(self.for_epochs, 0, 0)
        grid.addWidget(self.epochs, 0, 1, 1, 2)
        grid.addWidget(self.until, 1, 0)
        grid.addWidget(self.quantity, 1, 1)
        grid.addWidget(self.target, 1, 2)
        grid.addWidget(buttons, 2, 0, 1, 3)
        # changing a field picks its line
        self.epochs.valueChanged.connect(lambda: self.for_epochs.setChecked(True))
        self.quantity.activated.connect(lambda: self.until.setChecked(True))
        self.target.valueChanged.connect(lambda: self.until.setChecked(True))

    def _quantity_changed(self) -> None:
        accuracy = self.quantity.currentData().endswith("acc")
        if accuracy:
            self.target.setRange(0.0, 100.0)
            self.target.setDecimals(1)
            self.target.setSuffix(" %")
            self.target.setValue(90.0)
            self.target.setToolTip(self.tr("Pause at the first epoch whose accuracy is at least this"))
        else:
            self.target.setRange(0.0, 1e6)
            self.target.setDecimals(4)
            self.target.setSuffix("")
            self.target.setValue(0.1)
            self.target.setToolTip(self.tr("Pause at the first epoch whose loss is at most this"))

    def choice(self) -> tuple[int, Goal | None]:
        """(epochs, goal) for a core.run.messages.Run."""
        if self.for_epochs.isChecked():
            return self.epochs.value(), None
        metric = self.quantity.currentData()
        target = self.target.value() / 100 if metric.endswith("acc") else self.target.value()
        return 0, Goal(metric, target)
