"""The path the weights took: along training a recorder keeps a bounded, thinned sample of the
weights, which PCA directions, the projected trajectory and saved runs are made of.

The landscape itself is computed where the model lives, by the run loop (core.run.loop), on
request; this probe only records, from a session's start. No torch is needed at import.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SNAPSHOTS = 64  # weight vectors kept along a run: enough for PCA and a smooth path
MAX_BYTES = 64_000_000  # ... and never more memory than this
MIN_SNAPSHOTS = 8  # fewer than this would fit: the model is too big to record
MAX_PARAMS = MAX_BYTES // (4 * MIN_SNAPSHOTS)  # 2 million trainable parameters


@dataclass
class Trajectory:
    """Trainable parameters, flattened in `named_parameters` order, at a few steps of a run."""

    steps: np.ndarray  # (k,) int64, increasing; steps[0] is where the recording began
    weights: np.ndarray  # (k, P) float32


class TrajectoryRecorder:
    """An after_step hook keeping weights every `every` steps; when full it drops every other
    snapshot and doubles `every`, so the sample stays bounded and spread over the whole run."""

    def __init__(self, trainer):
        self.params = [p for p in trainer.model.parameters() if p.requires_grad]
        self.count = sum(p.numel() for p in self.params)
        self.capacity = min(MAX_SNAPSHOTS, MAX_BYTES // max(1, 4 * self.count))
        self.note = ""
        if self.capacity < MIN_SNAPSHOTS:
            self.note = (
                f"the training path is not recorded for networks of more than {MAX_PARAMS / 1e6:g} million "
                f"trainable parameters (this one has {self.count / 1e6:.1f} million): PCA directions, the path "
                "and the line from the initial weights are not available"
            )
        elif self.count == 0:
            self.note = "the network has no trainable parameters"
        self.every = 1
        self.steps: list[int] = []
        self.weights: list[np.ndarray] = []
        if not self.note:
            self._keep(trainer.step_count)

    def __call__(self, trainer) -> None:
        if self.note or trainer.step_count % self.every:
            return
        self._keep(trainer.step_count)
        if len(self.weights) > self.capacity:
            self.steps, self.weights = self.steps[::2], self.weights[::2]
            self.every *= 2

    def _keep(self, step: int) -> None:
        import torch

        with torch.no_grad():
            flat = torch.cat([p.detach().reshape(-1) for p in self.params]).float().cpu().numpy()
        self.steps.append(step)
        self.weights.append(flat)

    def trajectory(self) -> Trajectory | None:
        if not self.weights:
            return None
        return Trajectory(np.array(self.steps, dtype=np.int64), np.stack(self.weights))


class LandscapeProbe:
    """The "landscape" probe (shaped as core.probes.base.Probe, which core's layers keep out of
    reach): attached from the session's start, so the path begins at the initial weights even
    if the view opens later."""

    from_start = True
    interval = None

    def __init__(self, trainer):
        self.trainer = trainer
        self.recorder = TrajectoryRecorder(trainer)

    def attach(self) -> None:
        self.trainer.after_step.append(self.recorder)

    def detach(self) -> None:
        self.trainer.after_step.remove(self.recorder)

    def trajectory(self) -> Trajectory | None:
        """The training path recorded so far."""
        return self.recorder.trajectory()

    compute = trajectory  # as a probe: the path itself
