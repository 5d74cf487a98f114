"""The figures the convolution lessons quote, measured side by side over seeds 0, 1, 2 (each seed
is both the dataset's seed, which draws the split and the random shifts, and the training seed).
Not a timing: test accuracies, and correlations of reverse-correlation estimates with real filters.

  linear_shifted / cnn_shifted   placed at random (the lesson) and centred (shift 0)
  permuted_pixels                the one-layer net and the CNN with and without the pixel shuffle
  lenet5                         the lesson as it is
  equivariance                   the CNN and the one-layer net trained on centred digits, test digits
                                 moved 0–3 pixels right
  reverse_correlation            the 16 first-layer units at (3, 4), before and after the ReLU

Usage, from the repository root: python bench/conv_lessons.py   (about three minutes on 2 cores)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.data.catalog import validate_dataset  # noqa: E402
from core.data.transforms import shifted  # noqa: E402
from core.probes.activations import _reverse  # noqa: E402
from core.project import load_project  # noqa: E402
from core.train.trainer import Trainer  # noqa: E402

LESSONS = Path(__file__).resolve().parent.parent / "assets" / "lessons"
SEEDS = (0, 1, 2)


def trained(lesson: str, seed: int, **dataset) -> Trainer:
    project = load_project(LESSONS / f"{lesson}.json")
    project.dataset_params = validate_dataset(project.dataset, project.dataset_params | dataset | {"seed": seed})
    project.training = project.training.replace(seed=seed)
    trainer = Trainer(project)
    list(trainer.train())
    return trainer


def accuracy(trainer: Trainer, right: int = 0) -> float:
    x, y = trainer.data.x_test, trainer.data.y_test
    trainer.model.eval()
    with torch.no_grad():
        return float((trainer.model(torch.as_tensor(shifted(x, 0, right))).argmax(1).numpy() == y).mean())


def row(name: str, values) -> None:
    print(f"{name:<44}" + "  ".join(f"{v:7.3f}" for v in values), flush=True)


def main() -> None:
    torch.set_num_threads(1)
    print(f"{'':<44}" + "  ".join(f"seed {s}" for s in SEEDS))
    for lesson in ("linear_shifted", "cnn_shifted"):
        row(f"{lesson}: placed at random", [accuracy(trained(lesson, s)) for s in SEEDS])
        centred = [trained(lesson, s, shift=0) for s in SEEDS]
        for right in range(4):
            row(f"{lesson}: trained centred, test moved {right}", [accuracy(t, right) for t in centred])
    for lesson in ("digit_templates", "digits_cnn"):
        for permute in (False, True):
            row(f"{lesson}: permute {permute}", [accuracy(trained(lesson, s, permute=permute)) for s in SEEDS])
    row("lenet5", [accuracy(trained("lenet5", s)) for s in SEEDS])
    for node in ("conv1", "relu1"):
        found = []
        for s in SEEDS:
            trainer = trained("reverse_correlation", s)
            found.append([_reverse(trainer, node, channel, 3, 4).correlation for channel in range(16)])
        row(f"reverse correlation {node}: lowest", [min(f) for f in found])
        row(f"reverse correlation {node}: median", [float(np.median(f)) for f in found])
        row(f"reverse correlation {node}: highest", [max(f) for f in found])


if __name__ == "__main__":
    main()
