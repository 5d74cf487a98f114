"""The Gabor explorer (course 004 §9.10): a slider for every parameter of the course's Gabor
function, the function drawn live as an image and as its profile across the stripes.

The image is core.probes.gabor.gabor itself, so what is drawn is exactly what the filters view fits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSlider, QSplitter, QVBoxLayout, QWidget

from core.probes.gabor import GaborParams, gabor
from gui.i18n import number
from gui.views.base import InsightView
from gui.widgets.colours import POSITIVE, RAMP

SIZE = 32  # pixels per side of the drawn Gabor
STEPS = 1000  # positions of each slider
TEXT = "#37474f"
EQUATION = (
    "<b>w(x, y) = α · exp(−β<sub>x</sub> x′² − β<sub>y</sub> y′²) · cos(f x′ + φ)</b><br>"
    "x′ = (x − x<sub>0</sub>) cos τ + (y − y<sub>0</sub>) sin τ, &nbsp; "
    "y′ = −(x − x<sub>0</sub>) sin τ + (y − y<sub>0</sub>) cos τ<br>"
)
COLOURS = QT_TRANSLATE_NOOP(
    "GaborExplorer", "blue: weight &gt; 0 (likes light), orange: &lt; 0; right: along the dashes"
)


@dataclass(frozen=True)
class Knob:
    name: str  # the GaborParams field it sets (β's set a width σ)
    symbol: str
    low: float
    high: float
    start: float
    help: str
    log: bool = False  # the slider moves along a logarithmic scale
    degrees: bool = False  # shown in degrees, stored in radians


HALF = SIZE / 2
KNOBS = (
    Knob("alpha", "α", -1.0, 1.0, 1.0, QT_TRANSLATE_NOOP("GaborExplorer", "amplitude; below 0, light and dark swap")),
    Knob(
        "beta_x",
        "β<sub>x</sub>",
        0.002,
        1.0,
        0.02,
        QT_TRANSLATE_NOOP("GaborExplorer", "fall-off across the stripes (1 / 2σ²)"),
        True,
    ),
    Knob(
        "beta_y",
        "β<sub>y</sub>",
        0.002,
        1.0,
        0.01,
        QT_TRANSLATE_NOOP("GaborExplorer", "fall-off along them: small = long stripes"),
        True,
    ),
    Knob("f", "f", 0.0, math.pi, 0.8, QT_TRANSLATE_NOOP("GaborExplorer", "frequency: more stripes as it grows")),
    Knob(
        "phi",
        "φ",
        -math.pi,
        math.pi,
        0.0,
        QT_TRANSLATE_NOOP("GaborExplorer", "phase: 0° a bar in the centre, ±90° an edge"),
        degrees=True,
    ),
    Knob(
        "x0",
        "x<sub>0</sub>",
        -HALF,
        HALF,
        0.0,
        QT_TRANSLATE_NOOP("GaborExplorer", "centre: pixels right of the middle"),
    ),
    Knob(
        "y0", "y<sub>0</sub>", -HALF, HALF, 0.0, QT_TRANSLATE_NOOP("GaborExplorer", "centre: pixels above the middle")
    ),
    Knob(
        "tau",
        "τ",
        0.0,
        math.pi,
        math.pi / 6,
        QT_TRANSLATE_NOOP("GaborExplorer", "orientation: direction across the stripes"),
        degrees=True,
    ),
)


def _inside(centre: np.ndarray, direction: np.ndarray) -> tuple[float, float]:
    """Where the line centre + t·direction enters and leaves the image square (t range; the square's
    middle when the centre is outside it, which the sliders do not allow)."""
    first, last = -np.inf, np.inf
    for c, d in zip(centre, direction, strict=True):
        if abs(d) > 1e-12:
            a, b = sorted(((-HALF - c) / d, (HALF - c) / d))
            first, last = max(first, a), min(last, b)
    return (float(first), float(last)) if first < last else (-HALF, HALF)


def _signed(value: float, decimals: int) -> str:
    """+0.50 / −0.50 (0,50 in Spanish): the sign always written, as the sliders go both ways."""
    text = number(abs(value), decimals)
    return ("+" if round(value, decimals) >= 0 else "−") + text


def _width(beta: float) -> float:
    return math.sqrt(0.5 / beta)


class GaborExplorer(InsightView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sliders: dict[str, QSlider] = {}
        self.readouts: dict[str, QLabel] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(2)
        for row, knob in enumerate(KNOBS):
            symbol = QLabel(f"<b>{knob.symbol}</b>")
            slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=STEPS)
            slider.setObjectName(knob.name)
            slider.setMinimumWidth(110)
            slider.setValue(self._position(knob, knob.start))
            slider.valueChanged.connect(self._redraw)
            readout = QLabel()
            explanation = QLabel(self.tr(knob.help))
            explanation.setStyleSheet(f"color: {TEXT}")
            for column, widget in enumerate((symbol, slider, readout, explanation)):
                form.addWidget(widget, row, column)
            self.sliders[knob.name], self.readouts[knob.name] = slider, readout
        form.setColumnStretch(3, 1)
        equation = QLabel(f"{EQUATION}<span style='color: {TEXT}'>{self.tr(COLOURS)}</span>")
        equation.setTextFormat(Qt.TextFormat.RichText)
        controls = QWidget()
        left = QVBoxLayout(controls)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(equation)
        left.addLayout(form)
        left.addStretch(1)

        self.picture = pg.GraphicsLayoutWidget()
        self.picture.setBackground("w")
        self.box = self.picture.addViewBox(lockAspect=True, enableMouse=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setRect(QRectF(-HALF, -HALF, SIZE, SIZE))
        self.box.addItem(self.image)
        self.axis_line = pg.PlotCurveItem(pen=pg.mkPen("#263238", width=1.5, style=Qt.PenStyle.DashLine))
        self.box.addItem(self.axis_line)
        self.box.setRange(QRectF(-HALF, -HALF, SIZE, SIZE), padding=0.02)
        self.profile = pg.PlotWidget(background="w")
        self.profile.setMenuEnabled(False)
        self.profile.hideButtons()
        self.profile.setMouseEnabled(False, False)
        self.profile.setLabel("bottom", self.tr("x′ (pixels)"))
        self.profile.setYRange(-1.05, 1.05, padding=0)
        self.profile.addItem(pg.InfiniteLine(angle=0, pen=pg.mkPen("#b0bec5")))
        self.envelope = [
            self.profile.plot(pen=pg.mkPen("#90a4ae", width=1.5, style=Qt.PenStyle.DashLine)) for _ in "+-"
        ]
        self.curve = self.profile.plot(pen=pg.mkPen(POSITIVE, width=2.5))
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.picture)
        plots.addWidget(self.profile)
        plots.setStretchFactor(0, 2)
        plots.setStretchFactor(1, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plots, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(controls)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.values = np.zeros((SIZE, SIZE))
        self._redraw()
        self._fit_readouts()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: wider numbers
            self._fit_readouts()

    def _fit_readouts(self) -> None:
        """Room for the widest reading, so the sliders do not jump as the numbers change."""
        width = self.fontMetrics().horizontalAdvance(self.tr("{0} (σ {1} px)").format("0.000", "15.8") + "  ")
        for readout in self.readouts.values():
            readout.setMinimumWidth(width)

    # ---- the sliders' values -----------------------------------------------------------------

    @staticmethod
    def _position(knob: Knob, value: float) -> int:
        low, high = knob.low, knob.high
        if knob.log:
            low, high, value = math.log(low), math.log(high), math.log(value)
        return round((value - low) / (high - low) * STEPS)

    def value(self, name: str) -> float:
        knob = next(k for k in KNOBS if k.name == name)
        share = self.sliders[name].value() / STEPS
        if knob.log:
            return math.exp(math.log(knob.low) + share * (math.log(knob.high) - math.log(knob.low)))
        return knob.low + share * (knob.high - knob.low)

    def keep(self) -> dict:
        """The sliders' positions (a language switch builds the view afresh)."""
        return {name: slider.value() for name, slider in self.sliders.items()}

    def restore(self, kept: dict) -> None:
        for name, position in kept.items():
            self.sliders[name].setValue(position)

    def set_value(self, name: str, value: float) -> None:
        """Move a slider to (the step nearest) `value`, as a person dragging it would."""
        knob = next(k for k in KNOBS if k.name == name)
        self.sliders[name].setValue(self._position(knob, value))

    def params(self) -> GaborParams:
        v = {knob.name: self.value(knob.name) for knob in KNOBS}
        return GaborParams(
            x0=v["x0"],
            y0=v["y0"],
            tau=v["tau"],
            f=v["f"],
            phi=v["phi"],
            sigma_x=_width(v["beta_x"]),
            sigma_y=_width(v["beta_y"]),
            alpha=v["alpha"],
        )

    # ---- drawing --------------------------------------------------------------------------------

    def _redraw(self) -> None:
        p = self.params()
        for knob in KNOBS:
            value = self.value(knob.name)
            if knob.degrees:
                text = f"{_signed(math.degrees(value), 0)}°"
            elif knob.log:
                text = self.tr("{0} (σ {1} px)").format(number(value, 3), number(_width(value), 1))
            elif knob.name == "f":
                text = (
                    self.tr("{0} ({1} px/cycle)").format(number(value, 2), number(p.wavelength, 1))
                    if value > 0.005
                    else self.tr("0 (no stripes)")
                )
            else:
                text = _signed(value, 2)
            self.readouts[knob.name].setText(text)
        self.values = gabor(p, SIZE)
        self.image.setImage(self.rgb(self.values), autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(-HALF, -HALF, SIZE, SIZE))
        direction = np.array([math.cos(p.tau), math.sin(p.tau)])
        first, last = _inside(np.array([p.x0, p.y0]), direction)
        t = np.linspace(first, last, 400)
        ends = np.array([p.x0, p.y0]) + np.outer([first, last], direction)
        self.axis_line.setData(ends[:, 0], ends[:, 1])
        self.profile.setXRange(first, last, padding=0.02)
        envelope = p.alpha * np.exp(-p.beta_x * t**2)
        self.envelope[0].setData(t, envelope)
        self.envelope[1].setData(t, -envelope)
        self.curve.setData(t, envelope * np.cos(p.f * t + p.phi))

    @staticmethod
    def rgb(values: np.ndarray) -> np.ndarray:
        """The image as drawn: the diverging ramp on a fixed ±1 scale, so α's size shows; row 0 at the top
        of the array is y max, so it is flipped for the y-up view box."""
        return RAMP.map(np.clip(values[::-1] / 2 + 0.5, 0, 1), mode="byte")[..., :3]
