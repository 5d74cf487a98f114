"""The probes behind the "Inside the network" views, by name.

A view asks for probes by name with options (which layer, which unit…); the
training session computes them between steps, off the GUI thread, and sends
the results in its snapshots as plain numpy arrays and dataclasses. A probe is
a function `probe(session, **options)`; a module may also name an `attach(session)`
function, called once when the probe is first wanted (to install a training hook).
Modules are imported only when their probe is wanted.
"""

from __future__ import annotations

import importlib
import traceback
from dataclasses import dataclass

# name -> (module, probe function, attach function or None)
PROBES: dict[str, tuple[str, str, str | None]] = {
    "folding": ("core.probes.folding", "folding", None),
    "hidden": ("core.probes.folding", "hidden", None),
    "activations": ("core.probes.activations", "activations", None),
    "feature_maps": ("core.probes.activations", "feature_maps", None),
    "weights": ("core.probes.weights", "weight_images", None),
    "filters": ("core.probes.filters", "filters", None),
    "gradients": ("core.probes.gradients", "gradient_flow", "record_gradients"),
    "confusion": ("core.probes.confusion", "predictions", None),
    "maximise": ("core.probes.maximise", "maximise", None),
    "landscape": ("core.landscape.probe", "model_state", "record_trajectory"),
}

# attached when a session starts, not when their view opens: they draw what happened before that
ATTACHED_FROM_THE_START = ("landscape",)


@dataclass
class ProbeFailed:
    """A probe that raised: the view shows the message, training goes on."""

    message: str
    details: str = ""


def _function(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def attach(session, name: str) -> None:
    module, _, attach_name = PROBES.get(name, ("", "", None))
    if attach_name:
        _function(module, attach_name)(session)


def compute(session, wanted: dict[str, dict]) -> dict[str, object]:
    """Every wanted probe's result (or a ProbeFailed), keyed by name."""
    results: dict[str, object] = {}
    for name, options in wanted.items():
        if name not in PROBES:
            results[name] = ProbeFailed(f"there is no probe called '{name}'")
            continue
        module, function, _ = PROBES[name]
        try:
            results[name] = _function(module, function)(session, **options)
        except Exception as err:  # noqa: BLE001 - a view's probe must never stop the training
            results[name] = ProbeFailed(str(err) or type(err).__name__, traceback.format_exc())
    return results
