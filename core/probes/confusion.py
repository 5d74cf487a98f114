"""The confusion matrix and every test sample's class probabilities, for drilling into mistakes.

Only indices and float32 probabilities cross to the GUI; it already holds the test images. The
predicted class is the trainer's own (`Trainer.classify`), so the matrix's trace over its total is
exactly the test accuracy the curves show.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe
from core.words import translate


@dataclass
class Predictions:
    """The test set as the network sees it now."""

    probabilities: np.ndarray  # (N, C) float32: each test sample's probability per class
    labels: np.ndarray  # (N,) true classes
    predicted: np.ndarray  # (N,) predicted classes
    matrix: np.ndarray  # (C, C) counts: row = true class, column = predicted class
    class_names: list[str]

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.matrix) / max(1, self.matrix.sum()))

    @property
    def confidence(self) -> np.ndarray:
        """Each sample's probability of the class it was given."""
        return self.probabilities[np.arange(len(self.predicted)), self.predicted]

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the test samples of class `true` predicted as `predicted`, most confident first."""
        chosen = np.flatnonzero((self.labels == true) & (self.predicted == predicted))
        return chosen[np.argsort(-self.confidence[chosen], kind="stable")]

    def most_confident(self) -> np.ndarray:
        """(C, C): the index of each cell's most confident sample, -1 for an empty cell."""
        classes = len(self.class_names)
        best = np.full((classes, classes), -1, dtype=np.int64)
        order = np.argsort(self.confidence, kind="stable")  # least confident first: the last write wins
        best[self.labels[order], self.predicted[order]] = order
        return best

    def worst_mistakes(self, count: int) -> np.ndarray:
        """The wrong predictions made with the highest confidence, worst first."""
        wrong = np.flatnonzero(self.labels != self.predicted)
        return wrong[np.argsort(-self.confidence[wrong], kind="stable")][:count]


class ConfusionProbe(Probe):
    """The test set's probabilities and confusion matrix; recomputed only after the weights change."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.last: tuple[tuple[int, int], Predictions] | None = None  # (weights and samples, result)

    def compute(self, chunk: int = 2048) -> Predictions:
        key = (self.trainer.step_count, id(self.trainer.x_test))  # new weights or new samples (points the user added)
        if self.last is None or self.last[0] != key:
            self.last = (key, _predictions(self.trainer, chunk))
        return self.last[1]


def _predictions(trainer, chunk: int) -> Predictions:
    data = trainer.data
    if not data.num_classes:
        raise ValueError(
            translate("probes", "the confusion matrix needs a classification dataset; this one has values to predict")
        )
    if len(data.y_test) == 0:
        raise ValueError(
            translate("probes", "the dataset has no test samples: raise its test share to see the confusion matrix")
        )
    out = trainer.predict(trainer.x_test, chunk)
    probabilities = _probabilities(out, trainer.loss_kind).cpu().numpy().astype(np.float32)
    predicted = trainer.classify(out).cpu().numpy().astype(np.int64)
    labels = np.asarray(data.y_test, dtype=np.int64)
    classes = data.num_classes
    matrix = np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)
    return Predictions(probabilities, labels, predicted, matrix, list(data.class_names))


def _probabilities(out, loss: str):
    """Class probabilities from the network's output, for each loss it may have been trained with."""
    import torch

    out = out.float()
    if out.shape[1] == 1:  # one yes/no unit: a logit for bce, the value itself for mse
        p = torch.sigmoid(out[:, 0]) if loss == "bce" else out[:, 0].clamp(0, 1)
        return torch.stack([1 - p, p], 1)
    if loss == "cross_entropy":
        return torch.softmax(out, 1)
    scores = torch.sigmoid(out) if loss == "bce" else out.clamp(min=0)
    return scores / scores.sum(1, keepdim=True).clamp(min=1e-12)
