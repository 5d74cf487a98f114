"""The probes behind the views, by name.

A view asks for probes by name with options (which layer, which unit…); the training session
makes each probe once (core.probes.base.Probe), computes it between steps, off the GUI thread,
and sends the results in its snapshots. Each name points to its class as "module:Class", imported
only when the probe is first wanted or a session starts.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

PROBES: dict[str, str] = {
    "boundary": "core.probes.plane:BoundaryProbe",
    "neurons": "core.probes.plane:NeuronsProbe",
    "folding": "core.probes.folding:FoldingProbe",
    "hidden": "core.probes.folding:HiddenProbe",
    "activations": "core.probes.activations:ActivationsProbe",
    "feature_maps": "core.probes.activations:FeatureMapsProbe",
    "weights": "core.probes.weights:WeightsProbe",
    "filters": "core.probes.filters:FiltersProbe",
    "gradients": "core.probes.gradients:GradientsProbe",
    "confusion": "core.probes.confusion:ConfusionProbe",
    "maximise": "core.probes.maximise:MaximiseProbe",
    "landscape": "core.landscape.probe:LandscapeProbe",
    "through_time": "core.probes.recurrent:ThroughTimeProbe",
    "generate": "core.probes.generate:GenerateProbe",
    "dropout": "core.probes.dropout:DropoutProbe",
    "backprop": "core.probes.backprop:BackpropProbe",
    "hessian": "core.probes.hessian:HessianProbe",
    "positions": "core.probes.positions:PositionsProbe",
    "approximation": "core.probes.approximation:ApproximationProbe",
    "reconstruct": "core.probes.reconstruct:ReconstructProbe",
    "wires": "core.probes.wires:WiresProbe",
}


@dataclass
class ProbeFailed:
    """A probe that raised: the view shows the message, training goes on."""

    message: str
    details: str = ""


def probe_class(name: str) -> type:
    """The class registered under `name` (KeyError when there is none)."""
    module, _, attribute = PROBES[name].partition(":")
    return getattr(importlib.import_module(module), attribute)
