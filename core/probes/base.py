"""The shape every probe has: one object per session, its state kept as attributes.

A probe is made the first time a view wants it (or when the session starts, for a probe that
must record from the first step), with the trainer it looks at. `attach` installs its training
hooks while it is wanted and `detach` removes them; `compute(**options)` returns what its view
draws, as plain numpy arrays, numbers and dataclasses: the result crosses a process pipe.
"""

from __future__ import annotations

from typing import ClassVar


class Probe:
    from_start: ClassVar[bool] = False  # attached when the session starts: it records what came before its view
    interval: ClassVar[float | None] = None  # seconds between computations; None: every `stride` steps,
    # within the share of the training time the session allows the views

    def __init__(self, trainer):
        self.trainer = trainer

    def attach(self) -> None:
        """Install training hooks; the session calls it when the probe becomes wanted."""

    def detach(self) -> None:
        """Remove them; the session calls it when no view wants the probe any more."""

    def compute(self, **options) -> object:
        """The view's picture as plain, picklable data; every probe class defines its own."""
        raise NotImplementedError(f"{type(self).__name__} must define compute()")
