"""The optimizer lab: optimisers racing across a 2-D test surface (course ch. 8).

Click on the map to set the common start, add racers, then Step or Play; the learning-rate
scale, clipping and gradient noise apply live. Lessons load a prepared race with its
explanation. The computing is core.optlab's Race; this view only draws it and drives its timer.
"""

from __future__ import annotations

import copy
import math
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.optlab.functions import SURFACES, make_surface
from core.optlab.race import Common, Race, RacerSpec
from gui.i18n import current_language, listed, number, significant
from gui.views.base import InsightView
from gui.views.optlab.plots import LossPlot, SurfacePlot, legend_html
from gui.views.optlab.racers import RacerPanel
from gui.views.optlab.words import racer_label, status, surface_name, surface_note, surface_title

FRAME_MS = 30
BUDGET_S = 0.008  # stepping may take this much of a frame; the rest is for drawing
MAX_STEPS = 5000  # Play stops here (or at a lesson's own length first)
DEMO = ("rosenbrock", ["sgd", "momentum", "adam", "newton"], 300)  # what the lab plays when first opened


class OptimizerLab(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.common = Common()
        self.surface = make_surface(DEMO[0])
        self.race = Race(self.surface, [], None, self.common)
        self.stop_at = DEMO[2]
        self.lessons = []
        self._statuses: list[str] = []
        self.text_of = "surface"  # what the text under the losses tells: "surface", "lesson" or "race"
        self._resume = False  # playing when last hidden: play again when shown

        self.surface_plot = SurfacePlot()
        self.surface_plot.start_chosen.connect(self.set_start)
        self.loss_plot = LossPlot()
        self.legend = QLabel(objectName="legend", wordWrap=True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setStyleSheet("color: #333333; padding: 2px 6px; background: white;")
        self.lesson_text = QLabel(objectName="lesson_text", wordWrap=True)
        self.lesson_text.setTextFormat(Qt.TextFormat.RichText)
        self.lesson_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lesson_text.setStyleSheet("color: #37474f; padding: 4px 6px;")
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.legend)
        column.addWidget(self.loss_plot, 1)
        column.addWidget(self.lesson_text)
        self.board = QSplitter(Qt.Orientation.Horizontal)  # the picture: map and losses (what `lab` saves)
        self.board.addWidget(self.surface_plot)
        self.board.addWidget(middle)
        self.board.setStretchFactor(0, 5)
        self.board.setStretchFactor(1, 4)
        self.board.setStyleSheet("QSplitter { background: white; }")

        self.panel = RacerPanel()
        self.panel.changed.connect(self._racers_changed)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self._controls())
        scroll.setFixedWidth(340)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.board, 1)
        layout.addWidget(scroll)

        self.timer = QTimer(self, interval=FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._new_surface(self.surface, forget_rates=True)
        self.panel.set_racers([RacerSpec(name) for name in DEMO[1]])
        self._racers_changed()
        self.play(True)  # the demo race runs as soon as the lab opens

    # -- building --------------------------------------------------------------------------------

    def _controls(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(6, 6, 6, 6)
        self.function = QComboBox(objectName="function")
        for name in SURFACES:
            self.function.addItem(surface_name(name, make_surface(name).title), name)
        self.function.setCurrentIndex(list(SURFACES).index(DEMO[0]))
        self.function.currentIndexChanged.connect(lambda _: self._choose_function())
        self.condition = QDoubleSpinBox(objectName="condition", minimum=1.0, maximum=1000.0, decimals=1, value=10.0)
        self.condition.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.condition.setKeyboardTracking(False)
        self.condition.setToolTip(
            self.tr("The quadratic's condition number λmax / λmin: how much narrower the ravine is")
        )
        self.condition.valueChanged.connect(lambda _: self._choose_function(keep_start=True))
        self.lesson = QComboBox(objectName="lesson")
        self.lesson.addItem(self.tr("— choose a lesson —"), None)
        self._load_lessons()
        self.lesson.currentIndexChanged.connect(lambda i: i > 0 and self.load_lesson(self.lessons[i - 1]))
        for combo in (self.function, self.lesson):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        form.addRow(self.tr("function"), self.function)
        form.addRow(self.tr("condition"), self.condition)
        form.addRow(self.tr("lesson"), self.lesson)

        self.step_button = QPushButton(
            self.tr("Step"), objectName="step", toolTip=self.tr("Every racer takes one step")
        )
        self.step_button.clicked.connect(lambda: self.step(1))
        self.play_button = QPushButton(
            self.tr("Play"), objectName="play", checkable=True, toolTip=self.tr("Animate the race")
        )
        self.play_button.toggled.connect(self.play)
        self.reset_button = QPushButton(
            self.tr("Reset"), objectName="reset", toolTip=self.tr("Every racer back to the start")
        )
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        for button in (self.step_button, self.play_button, self.reset_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        self.step_label = QLabel(self.tr("step {0}").format(0), objectName="step_label")
        self.speed = QSpinBox(objectName="speed", minimum=1, maximum=50, value=3, suffix=self.tr(" steps / frame"))
        self.speed.setToolTip(self.tr("How many steps Play takes per frame (about 30 frames a second)"))
        form.addRow(self.step_label, self.speed)

        self.lr_scale = QSlider(Qt.Orientation.Horizontal, objectName="lr_scale", minimum=-20, maximum=20, value=0)
        self.lr_scale.setToolTip(
            self.tr("Multiplies every racer's learning rate (log scale, {0}× to {1}×); applies live").format(
                number(0.01), 100
            )
        )
        self.lr_label = QLabel("× 1")
        self.lr_label.setMinimumWidth(44)
        self.lr_scale.valueChanged.connect(self._set_lr_scale)
        row = QHBoxLayout()
        row.addWidget(self.lr_scale, 1)
        row.addWidget(self.lr_label)
        form.addRow(self.tr("learning rate"), row)
        self.clip = QDoubleSpinBox(objectName="clip", minimum=0.0, maximum=1e4, decimals=2, singleStep=0.5)
        self.clip.setSpecialValueText(self.tr("off"))
        self.clip.setToolTip(self.tr("Clip every gradient to this norm (0: off); applies live"))
        self.clip.valueChanged.connect(lambda v: setattr(self.common, "clip", v))
        self.noise = QDoubleSpinBox(objectName="noise", minimum=0.0, maximum=100.0, decimals=3, singleStep=0.01)
        self.noise.setSpecialValueText(self.tr("off"))
        self.noise.setToolTip(
            self.tr("Gaussian noise added to each gradient, like a mini-batch's (seeded); applies live")
        )
        self.noise.valueChanged.connect(lambda v: setattr(self.common, "noise", v))
        form.addRow(self.tr("clip norm"), self.clip)
        form.addRow(self.tr("gradient noise"), self.noise)
        title = QLabel(self.tr("<b>Racers</b>  (click the map to set the start)"))
        title.setWordWrap(True)
        form.addRow(title)
        form.addRow(self.panel)
        return box

    def _load_lessons(self) -> None:
        from core.optlab.lessons import lab_lessons

        try:
            self.lessons = lab_lessons(language=current_language())
        except ValueError as err:
            self.lesson.setToolTip(self.tr("The lessons could not be read: {0}").format(err))
            return
        for lesson in self.lessons:
            self.lesson.addItem(lesson.title, lesson.name)

    # -- what the user does ----------------------------------------------------------------------

    def set_start(self, x: float, y: float) -> None:
        """Start every racer afresh from (x, y)."""
        self.race.reset((x, y))
        self.surface_plot.set_start(x, y)
        self._draw()

    def step(self, n: int = 1) -> None:
        self.race.step(n)
        self._draw()

    def play(self, on: bool) -> None:
        if self.play_button.isChecked() != on:
            self.play_button.setChecked(on)  # comes back here through `toggled`
            return
        if on:
            if self.race.step_count >= self.stop_at:
                self.stop_at = MAX_STEPS
            self.timer.start()
        else:
            self.timer.stop()
            self._draw()  # with a dot at every step, now that the race stands still
        self.play_button.setText(self.tr("Pause") if on else self.tr("Play"))

    def reset(self) -> None:
        self.race.reset()
        self._draw()

    def load_lesson(self, lesson) -> None:
        """Set up a lesson's race, show its explanation and play it to its length."""
        self.play(False)
        self._set_common(lesson.common)
        self._select_function(lesson.function, lesson.params.get("condition"))
        self._new_surface(make_surface(lesson.function, **lesson.params))
        self.panel.set_racers(copy.deepcopy(lesson.racers))
        self.race = Race(self.surface, self.panel.specs, lesson.start, self.common)
        self._restart_drawing()
        self.lesson_text.setText(f"<b>{lesson.title}</b><br>{lesson.explanation}")
        self.text_of = "lesson"
        self.lesson.blockSignals(True)
        self.lesson.setCurrentIndex(self.lesson.findData(lesson.name))
        self.lesson.blockSignals(False)
        self.stop_at = lesson.steps
        self.play(True)

    def show_race(self, race: Race) -> None:
        """Adopt a race computed elsewhere (the `lab` verb's) and draw it as it stands."""
        self.play(False)
        self.common = race.common
        self._set_common(race.common)
        self._select_function(race.surface.name, race.surface.params.get("condition"))
        self._new_surface(race.surface)
        self.panel.set_racers([r.spec for r in race.racers])
        self.race = race
        self._restart_drawing()
        start = listed(number(v) for v in race.start)
        self.text_of = "race"
        self.lesson_text.setText(
            self.tr("<b>{0}</b>, from ({1}), {2} steps").format(surface_title(race.surface), start, race.step_count)
        )

    def keep(self) -> dict:
        """The race as it stands, the lesson shown, and whether it was playing."""
        return dict(
            race=self.race,
            stop_at=self.stop_at,
            lesson=self.lesson.currentIndex(),
            text=self.text_of,
            speed=self.speed.value(),
            playing=self.timer.isActive() or self._resume,
        )

    def restore(self, kept: dict) -> None:
        self.show_race(kept["race"])
        self.lesson.blockSignals(True)
        self.lesson.setCurrentIndex(kept["lesson"])
        self.lesson.blockSignals(False)
        if kept["text"] == "lesson" and kept["lesson"] > 0:  # its texts in the language now chosen
            lesson = self.lessons[kept["lesson"] - 1]
            self.lesson_text.setText(f"<b>{lesson.title}</b><br>{lesson.explanation}")
            self.text_of = "lesson"
        elif kept["text"] == "surface":
            self.lesson_text.setText(f"<b>{surface_title(self.surface)}</b><br>{surface_note(self.surface)}")
            self.text_of = "surface"
        self.speed.setValue(kept["speed"])
        self.stop_at = kept["stop_at"]
        if kept["playing"]:
            self._resume = not self.isVisible()  # a hidden lab plays on once shown
            self.play(self.isVisible())

    # -- internals -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.timer.isActive()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A hidden race stops stepping (it would cost the GUI thread for nothing) and goes on when shown."""
        super().hideEvent(event)
        self._resume = self._resume or self.timer.isActive()
        self.play(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._resume:
            self._resume = False
            self.play(True)

    def _choose_function(self, keep_start: bool = False) -> None:
        name = self.function.currentData()
        params = {"condition": self.condition.value()} if name == "quadratic" else {}
        start = self.race.start if keep_start else None
        self._new_surface(make_surface(name, **params), forget_rates=not keep_start)
        self.lesson.blockSignals(True)
        if not keep_start:
            self.lesson.setCurrentIndex(0)
            self.lesson_text.setText(f"<b>{surface_title(self.surface)}</b><br>{surface_note(self.surface)}")
            self.text_of = "surface"
        self.lesson.blockSignals(False)
        self.race = Race(self.surface, self.panel.specs, start, self.common)
        self._restart_drawing()

    def _new_surface(self, surface, forget_rates: bool = False) -> None:
        self.surface = surface
        self.condition.setEnabled(surface.name == "quadratic")
        self.panel.set_surface(surface, forget_rates)
        self.surface_plot.show_surface(surface)
        self.loss_plot.set_surface(surface, self.surface_plot.scale)
        self.lesson_text.setText(f"<b>{surface_title(surface)}</b><br>{surface_note(surface)}")
        self.text_of = "surface"

    def _select_function(self, name: str, condition: float | None) -> None:
        for widget in (self.function, self.condition):
            widget.blockSignals(True)
        self.function.setCurrentIndex(list(SURFACES).index(name))
        if condition is not None:
            self.condition.setValue(condition)
        for widget in (self.function, self.condition):
            widget.blockSignals(False)

    def _set_common(self, common: Common) -> None:
        self.common.seed = common.seed
        for widget, value in ((self.clip, common.clip), (self.noise, common.noise)):
            widget.setValue(value)
        self.lr_scale.setValue(round(10 * math.log10(common.lr_scale)))
        self.common.lr_scale = common.lr_scale

    def _set_lr_scale(self, tick: int) -> None:
        self.common.lr_scale = 10 ** (tick / 10)
        self.lr_label.setText(f"× {significant(self.common.lr_scale)}")

    def _racers_changed(self) -> None:
        self.race = Race(self.surface, self.panel.specs, self.race.start, self.common)
        self._restart_drawing()

    def _restart_drawing(self) -> None:
        labels = [racer_label(r.spec) for r in self.race.racers]
        self.surface_plot.set_racers(labels, self.panel.colours)
        self.loss_plot.set_racers(labels, self.panel.colours)
        self.surface_plot.set_start(*self.race.start)
        self._statuses = []
        self._draw()

    def _tick(self) -> None:
        began = time.perf_counter()
        for _ in range(self.speed.value()):
            if self.race.step_count >= self.stop_at or self.race.finished:
                self.play(False)
                self.loss_plot.fit_steps(self.race.step_count)  # the finished race fills the plot
                break
            self.race.step()
            if time.perf_counter() - began > BUDGET_S:
                break
        self._draw()

    def _draw(self) -> None:
        racers = self.race.racers
        self.surface_plot.show_paths([r.points for r in racers], dots=not self.timer.isActive())
        self.loss_plot.show_losses([r.losses for r in racers])
        self.step_label.setText(self.tr("step {0}").format(self.race.step_count))
        statuses = [status(r) for r in racers]
        if statuses != self._statuses:
            self._statuses = statuses
            self.panel.set_status(statuses)
            self.legend.setText(legend_html([racer_label(r.spec) for r in racers], self.panel.colours, statuses))
