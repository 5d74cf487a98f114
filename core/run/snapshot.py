"""What a training session publishes: the steps since the last snapshot and the probes' results.
Torch-free, so the window unpickles it without importing PyTorch (which would hold up the first
Run by a second)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.train.records import EpochRecord

PICTURE_RATE = 10.0  # a view's pictures (probe results) a second at most while training runs at full
# speed: the session computes no more (core.run.session), the window draws no more (gui/training/pacer.py)


@dataclass
class Snapshot:
    step: int
    epoch: int
    lr: float
    steps: np.ndarray  # the steps trained since the previous snapshot
    losses: np.ndarray  # their batch losses
    lrs: np.ndarray  # their learning rates
    evaluations: list[EpochRecord] = field(default_factory=list)
    insights: dict[str, object] | None = None  # probe results (or ProbeFailed) by name, when any were due
    made_at: float = 0.0  # time.perf_counter() where it was made: the trainer's own clock, which the
    # window's delays in drawing it do not blur (bench/training_overhead.py times steps by it)
