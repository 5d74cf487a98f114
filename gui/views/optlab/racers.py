"""The lab's list of racers: add or remove any number, each with its optimiser, colour and settings.

The panel holds the racers' specs (core.optlab.race.RacerSpec) and says `changed` whenever one is
added, removed or edited; the lab then restarts the race with them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.optimizers import OPTIMIZERS
from core.optlab.race import RacerSpec
from core.params import Param
from gui.views.optlab.words import describe, optimizer_help, optimizer_title, setting_help, setting_name

DECIMALS = 6  # of the settings' number fields
COLOURS = ["#d62728", "#111111", "#1b9e3a", "#8e24aa", "#ff7f0e", "#e6449a", "#00838f", "#6d4c41", "#1f3fb4"]


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class RacerPanel(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.specs: list[RacerSpec] = []
        self.colours: list[str] = []
        self.surface = None
        self.list = QListWidget(objectName="racers")
        self.list.setMinimumHeight(70)
        self.list.currentRowChanged.connect(self._show_settings)
        self.chooser = QComboBox(objectName="add_optimizer")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        for name in OPTIMIZERS:
            self.chooser.addItem(optimizer_title(name), name)
            self.chooser.setItemData(self.chooser.count() - 1, optimizer_help(name), 3)  # 3: Qt.ToolTipRole
        self.add_button = QPushButton(
            self.tr("Add"), objectName="add_racer", toolTip=self.tr("Add a racer with this optimiser")
        )
        self.add_button.clicked.connect(lambda: self.add(self.chooser.currentData()))
        self.remove_button = QPushButton(
            self.tr("Remove"), objectName="remove_racer", toolTip=self.tr("Remove the selected racer")
        )
        self.remove_button.clicked.connect(lambda: self.remove(self.list.currentRow()))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chooser, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.form_holder = QWidget()
        self.form = QFormLayout(self.form_holder)
        self.form.setContentsMargins(0, 2, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.form_holder)

    def set_racers(self, specs: list[RacerSpec]) -> None:
        """Replace every racer (a lesson loads its own), without saying `changed`."""
        self.specs = list(specs)
        self.colours = COLOURS[: len(specs)] + [COLOURS[i % len(COLOURS)] for i in range(len(COLOURS), len(specs))]
        self._refill()

    def set_surface(self, surface, forget_rates: bool = False) -> None:
        """A new surface: the shown defaults follow it; with `forget_rates`, chosen rates go too
        (a rate that suits one surface can blow up on another)."""
        self.surface = surface
        if forget_rates:
            for spec in self.specs:
                spec.settings.pop("lr", None)
            self._refill()
        else:
            self._show_settings(self.list.currentRow())

    def add(self, name: str) -> None:
        self.specs.append(RacerSpec(name))
        used = set(self.colours)
        self.colours.append(next((c for c in COLOURS if c not in used), COLOURS[len(self.colours) % len(COLOURS)]))
        self._refill(select=len(self.specs) - 1)
        self.changed.emit()

    def remove(self, index: int) -> None:
        if not 0 <= index < len(self.specs):
            return
        del self.specs[index], self.colours[index]
        self._refill(select=min(index, len(self.specs) - 1))
        self.changed.emit()

    def set_status(self, statuses: list[str]) -> None:
        """Each racer's line, with why it stopped if it did."""
        for i, status in enumerate(statuses):
            item = self.list.item(i)
            if item is not None:
                item.setText(describe(self.specs[i], self.surface) + (f" — {status}" if status else ""))

    def _refill(self, select: int | None = None) -> None:
        current = self.list.currentRow() if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for spec, colour in zip(self.specs, self.colours, strict=True):
            self.list.addItem(QListWidgetItem(swatch(colour), describe(spec, self.surface)))
        self.list.blockSignals(False)
        self.list.setCurrentRow(max(0, min(current, len(self.specs) - 1)) if self.specs else -1)
        self._show_settings(self.list.currentRow())

    def _show_settings(self, index: int) -> None:
        """One editor per setting of the selected racer, showing its value on this surface."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.remove_button.setEnabled(0 <= index < len(self.specs))
        if not 0 <= index < len(self.specs):
            return
        spec = self.specs[index]
        kind = OPTIMIZERS[spec.optimizer]
        values = kind.validate(spec.settings, self.surface)
        for setting in kind.settings:
            editor = self._editor(setting, values[setting.name], spec)
            editor.setToolTip(setting_help(setting.help))
            self.form.addRow(setting_name(setting.name), editor)
        clip = QDoubleSpinBox(minimum=0.0, maximum=1e4, decimals=3, value=spec.clip, singleStep=0.1)
        clip.setSpecialValueText(self.tr("common"))
        clip.setToolTip(self.tr("This racer's own clipping norm; 'common' follows the lab's clip setting"))
        clip.setKeyboardTracking(False)
        clip.valueChanged.connect(lambda v, s=spec: self._set(s, "clip", v))
        self.form.addRow(self.tr("own clip"), clip)
        decay = QSpinBox(minimum=0, maximum=1_000_000, value=spec.decay_steps, singleStep=50)
        decay.setSpecialValueText(self.tr("never"))
        decay.setToolTip(
            self.tr(
                "The course's SGD schedule (§8.3): the rate falls linearly to 1% of its value by this step, "
                "then stays there; 'never' leaves it as it is"
            )
        )
        decay.setKeyboardTracking(False)
        decay.valueChanged.connect(lambda v, s=spec: self._set(s, "decay_steps", v))
        self.form.addRow(self.tr("lr to 1% by step"), decay)

    def _editor(self, setting: Param, value, spec: RacerSpec) -> QWidget:
        if setting.type == "choice":
            editor = QComboBox()
            editor.addItems(list(setting.choices))
            editor.setCurrentText(str(value))
            editor.currentTextChanged.connect(lambda v, s=spec, n=setting.name: self._set(s, n, v))
        elif setting.type == "bool":
            editor = QCheckBox(checked=bool(value))
            editor.toggled.connect(lambda v, s=spec, n=setting.name: self._set(s, n, v))
        elif setting.type == "int":
            editor = QSpinBox(minimum=int(setting.min), maximum=int(setting.max), value=int(value))
            editor.setKeyboardTracking(False)
            editor.valueChanged.connect(lambda v, s=spec, n=setting.name: self._set(s, n, v))
        else:
            # a positive minimum below the shown decimals would round to 0, which the setting refuses
            low = max(setting.min, 10**-DECIMALS) if setting.min > 0 else setting.min
            editor = QDoubleSpinBox(minimum=low, maximum=setting.max, decimals=DECIMALS)
            editor.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            editor.setValue(float(value))
            editor.setKeyboardTracking(False)
            editor.valueChanged.connect(lambda v, s=spec, n=setting.name: self._set(s, n, v))
        return editor

    def _set(self, spec: RacerSpec, name: str, value) -> None:
        if name == "clip":
            spec.clip = float(value)
        elif name == "decay_steps":
            spec.decay_steps = int(value)
        else:
            spec.settings[name] = value
        row = self.specs.index(spec)
        self.list.item(row).setText(describe(spec, self.surface))
        self.changed.emit()
