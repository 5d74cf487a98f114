"""What an epoch's evaluation recorded. Torch-free, like every class a run's messages carry, so
the window can read them without importing PyTorch."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class EpochRecord:
    epoch: int
    step: int
    train_loss: float
    train_acc: float | None
    test_loss: float
    test_acc: float | None
    lr: float
    seconds: float

    def to_dict(self) -> dict:
        return asdict(self)
