"""Accuracy by position of the key, for the key-among-distractors task (course ch. 10, LESSONS #34).

Each sequence of the key_position dataset hides one key (A or B) at one step; the probe sorts the
training and test samples by that step and gives the share the network classifies right at each.
With `unseen` training keys lie in the first half and test keys in the second: a network that
shares its weights across positions (a convolution with global max pooling, a recurrent one)
can be right where training never put a key; a dense network on the flattened sequence cannot.
The predicted class is the trainer's own (`Trainer.classify`), as in the accuracy curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe
from core.words import translate


@dataclass
class PositionAccuracy:
    step: int  # the training step the weights are from
    train_accuracy: np.ndarray  # (steps,) share right among training samples with the key there (nan: none)
    test_accuracy: np.ndarray  # (steps,) the same for test samples
    train_count: np.ndarray  # (steps,) training samples with the key at each position
    test_count: np.ndarray  # (steps,) test samples with the key at each position
    chance: float  # 1 / classes

    @property
    def unseen(self) -> np.ndarray:
        """Positions where test samples have their key and no training sample has one."""
        return np.flatnonzero((self.train_count == 0) & (self.test_count > 0))

    @property
    def unseen_accuracy(self) -> float:
        """Share right over the test samples whose key sits where training never put one (nan: none)."""
        where = self.unseen
        total = self.test_count[where].sum()
        return float((self.test_accuracy[where] * self.test_count[where]).sum() / total) if total else float("nan")


def key_positions(x: np.ndarray) -> np.ndarray:
    """The step of each sequence's key: the one step whose key features (all but the first) are set."""
    return np.argmax(x[..., 1:].sum(-1), 1)


def by_position(right: np.ndarray, positions: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """(share right, count) at every position; nan where there is no sample."""
    count = np.bincount(positions, minlength=steps)
    hits = np.bincount(positions, weights=right.astype(np.float64), minlength=steps)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, hits / np.maximum(count, 1), np.nan), count


class PositionsProbe(Probe):
    """Recomputed only after the weights change."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: tuple[int, PositionAccuracy] | None = None

    def compute(self) -> PositionAccuracy:
        if self.last is None or self.last[0] != self.trainer.step_count:
            self.last = (self.trainer.step_count, self._compute())
        return self.last[1]

    def _compute(self) -> PositionAccuracy:
        trainer = self.trainer
        if trainer.project.dataset != "key_position":
            raise ValueError(
                translate(
                    "probes",
                    "accuracy by position is for the key-position dataset (a key among distractors); "
                    "this network trains on '{0}'",
                ).format(trainer.project.dataset)
            )
        data = trainer.data
        steps = data.input_shape[0]
        found = []
        for x, y, tensor in ((data.x_train, data.y_train, trainer.x_train), (data.x_test, data.y_test, trainer.x_test)):
            predicted = trainer.classify(trainer.predict(tensor)).cpu().numpy()
            found.append(by_position(predicted == y, key_positions(x), steps))
        (train_accuracy, train_count), (test_accuracy, test_count) = found
        return PositionAccuracy(
            step=trainer.step_count,
            train_accuracy=train_accuracy,
            test_accuracy=test_accuracy,
            train_count=train_count,
            test_count=test_count,
            chance=1.0 / max(1, data.num_classes),
        )
