"""The optimizer lab's words that come from core (which never imports Qt): the surfaces' titles
and notes, the optimisers' names, help and settings, and why a racer stopped, in the reader's
language. The English is listed here for `pyside6-lupdate`; tests/gui/test_i18n.py fails when core
gains a text these lists miss. Numbers are written the reader's way (0,05 in Spanish)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.optimizers import optimizer
from gui.i18n import listed, number

SURFACE_TITLES = (
    QT_TRANSLATE_NOOP("optlab", "Rosenbrock"),
    QT_TRANSLATE_NOOP("optlab", "Beale"),
    QT_TRANSLATE_NOOP("optlab", "Himmelblau"),
    QT_TRANSLATE_NOOP("optlab", "Saddle x² − y²"),
    QT_TRANSLATE_NOOP("optlab", "Rastrigin"),
    QT_TRANSLATE_NOOP("optlab", "Cliff"),
)
QUADRATIC = QT_TRANSLATE_NOOP("optlab", "Quadratic bowl, condition {0}")
QUADRATIC_SHORT = QT_TRANSLATE_NOOP("optlab", "Quadratic bowl")
CLIP = QT_TRANSLATE_NOOP("optlab", "clip {0}")
DECAY = QT_TRANSLATE_NOOP("optlab", "lr to 1% by step {0}")
DIVERGED = QT_TRANSLATE_NOOP("optlab", "diverged at step {0}")
LEFT = QT_TRANSLATE_NOOP("optlab", "left the map at step {0}")

NOTES = (
    QT_TRANSLATE_NOOP("optlab", "Hessian diag(1, κ): a ravine κ times steeper across than along."),
    QT_TRANSLATE_NOOP("optlab", "A curved, flat-bottomed valley: easy to find, slow to follow."),
    QT_TRANSLATE_NOOP("optlab", "Flat plains and sharp ridges: gradients differ by orders of magnitude."),
    QT_TRANSLATE_NOOP(
        "optlab",
        "Four equal minima: which one a racer finds depends on its path. The start lies beside a local maximum, "
        "and Newton's method, which seeks any point of zero gradient, climbs onto it.",
    ),
    QT_TRANSLATE_NOOP("optlab", "No minimum at all: (0, 0) is a saddle, and the surface falls away along y forever."),
    QT_TRANSLATE_NOOP("optlab", "A bowl covered in local minima: gradient methods stop in the nearest one."),
    QT_TRANSLATE_NOOP(
        "optlab", "A plateau that ends in a wall: on the wall the gradient is huge, and one step flies far."
    ),
)

OPTIMIZER_TITLES = (QT_TRANSLATE_NOOP("optlab", "Momentum"), QT_TRANSLATE_NOOP("optlab", "Conjugate gradient"))

OPTIMIZER_HELP = (
    QT_TRANSLATE_NOOP("optlab", "plain gradient descent: θ ← θ − lr·g"),
    QT_TRANSLATE_NOOP("optlab", "heavy ball: v ← αv + g, θ ← θ − lr·v"),
    QT_TRANSLATE_NOOP("optlab", "momentum with the gradient taken where the velocity leads"),
    QT_TRANSLATE_NOOP("optlab", "divides by the root of all past squared gradients: rates only shrink"),
    QT_TRANSLATE_NOOP("optlab", "divides by a running root mean square of the gradient: rates recover"),
    QT_TRANSLATE_NOOP("optlab", "momentum and RMSProp, debiased"),
    QT_TRANSLATE_NOOP("optlab", "Adam with decoupled weight decay (pulls θ towards 0)"),
    QT_TRANSLATE_NOOP("optlab", "quasi-Newton: H⁻¹ estimated from recent gradients"),
    QT_TRANSLATE_NOOP("optlab", "θ ← θ − H⁻¹g: jumps to the critical point of the local quadratic"),
    QT_TRANSLATE_NOOP("optlab", "nonlinear conjugate gradients with a line search; the lr scale does not apply"),
)

SETTING_HELP = (
    QT_TRANSLATE_NOOP("optlab", "learning rate"),
    QT_TRANSLATE_NOOP("optlab", "L2 penalty added to the gradient"),
    QT_TRANSLATE_NOOP("optlab", "α: share of the last step kept"),
    QT_TRANSLATE_NOOP("optlab", "added to the denominator"),
    QT_TRANSLATE_NOOP("optlab", "ρ: decay of the squared gradient's mean"),
    QT_TRANSLATE_NOOP("optlab", "decay of the gradient's running mean (momentum)"),
    QT_TRANSLATE_NOOP("optlab", "decay of the squared gradient's running mean"),
    QT_TRANSLATE_NOOP("optlab", "decay applied to θ itself"),
    QT_TRANSLATE_NOOP("optlab", "step scale"),
    QT_TRANSLATE_NOOP("optlab", "iterations per step"),
    QT_TRANSLATE_NOOP("optlab", "function evaluations per step (line search included)"),
    QT_TRANSLATE_NOOP("optlab", "past steps kept to estimate H⁻¹"),
    QT_TRANSLATE_NOOP("optlab", "how far to go along the direction: a strong Wolfe search, or none"),
    QT_TRANSLATE_NOOP("optlab", "1 is the full Newton step"),
    QT_TRANSLATE_NOOP("optlab", "a in (H + aI)⁻¹g: Levenberg–Marquardt"),
    QT_TRANSLATE_NOOP("optlab", "how the last direction is mixed in"),
    QT_TRANSLATE_NOOP("optlab", "restart with the gradient every k steps (0: never)"),
)

LABELS = (  # the racers' labels in the lab's lessons (assets/lessons/lab)
    QT_TRANSLATE_NOOP("optlab", "SGD at 1/λmax"),
    QT_TRANSLATE_NOOP("optlab", "SGD just above 2/λmax"),
    QT_TRANSLATE_NOOP("optlab", "SGD just below 2/λmax"),
    QT_TRANSLATE_NOOP("optlab", "SGD, clipped at 1"),
    QT_TRANSLATE_NOOP("optlab", "SGD, unclipped"),
    QT_TRANSLATE_NOOP("optlab", "conjugate gradients"),
    QT_TRANSLATE_NOOP("optlab", "gradient descent"),
    QT_TRANSLATE_NOOP("optlab", "momentum 0.5"),
    QT_TRANSLATE_NOOP("optlab", "momentum 0.9"),
    QT_TRANSLATE_NOOP("optlab", "momentum 0.99"),
    QT_TRANSLATE_NOOP("optlab", "steepest descent"),
    QT_TRANSLATE_NOOP("optlab", "SGD, constant 0.001"),
    QT_TRANSLATE_NOOP("optlab", "SGD, constant 0.1"),
    QT_TRANSLATE_NOOP("optlab", "SGD, 0.1 falling to 0.001"),
)

SETTING_NAMES = (  # the settings' names as the form shows them (lr, eps, beta1… are symbols: the same)
    QT_TRANSLATE_NOOP("optlab", "weight decay"),
    QT_TRANSLATE_NOOP("optlab", "momentum"),
    QT_TRANSLATE_NOOP("optlab", "max iter"),
    QT_TRANSLATE_NOOP("optlab", "max eval"),
    QT_TRANSLATE_NOOP("optlab", "history size"),
    QT_TRANSLATE_NOOP("optlab", "line search fn"),
    QT_TRANSLATE_NOOP("optlab", "damping"),
    QT_TRANSLATE_NOOP("optlab", "restart"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("optlab", text)


def surface_title(surface) -> str:
    if surface.name == "quadratic":
        return _t(QUADRATIC).format(number(surface.params.get("condition", 10.0)))
    return _t(surface.title)


def surface_name(name: str, title: str) -> str:
    """The function chooser's entry: the title without its numbers."""
    return _t(QUADRATIC_SHORT) if name == "quadratic" else _t(title)


def surface_note(surface) -> str:
    return _t(surface.note)


def optimizer_title(name: str) -> str:
    return _t(optimizer(name).title)


def optimizer_help(name: str) -> str:
    return _t(optimizer(name).help)


def setting_name(name: str) -> str:
    return _t(name.replace("_", " "))


def setting_help(text: str) -> str:
    return _t(text)


def _value(value) -> str:
    return number(value) if isinstance(value, float) else str(value)


def describe(spec, surface=None) -> str:
    """ "Adam (lr 0.05, beta1 0.8)" as core's RacerSpec.describe says it, in the reader's words and numbers."""
    kind = optimizer(spec.optimizer)
    values = kind.validate(spec.settings, surface)
    parts = [f"{setting_name(k)} {_value(v)}" for k, v in values.items() if k == "lr" or k in spec.settings]
    parts += [_t(CLIP).format(number(spec.clip))] if spec.clip else []
    parts += [_t(DECAY).format(spec.decay_steps)] if getattr(spec, "decay_steps", 0) else []
    return racer_label(spec) + (f" ({listed(parts)})" if parts else "")


def racer_label(spec) -> str:
    """A racer's name: its lesson's label (listed in LABELS) or its optimiser's."""
    return _t(spec.label) if spec.label else optimizer_title(spec.optimizer)


def status(racer) -> str:
    """Why a racer stopped ("" while it runs)."""
    why, step = getattr(racer, "stop", ("", 0))
    if why == "diverged":
        return _t(DIVERGED).format(step)
    if why == "left":
        return _t(LEFT).format(step)
    return racer.stopped
