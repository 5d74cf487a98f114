"""The figures guided lessons' steps state beyond their lessons' descriptions, measured again, and
the seconds an epoch of each lesson costs (a step's run_epochs must stay short for a class).

  folding    - folding_circles with eight units in every hidden layer, seeds 1 to 3, its 100
               epochs: the step "Wider layers" states the test accuracy of seed 1 (99.3%).
  gabor      - gabor_filters, seed 0: the share of the 32 kernels whose Gabor fit reaches
               R² >= 0.6 (core.probes.gabor.gabor_share) after 10 and 60 epochs, with the
               Sparsity weight as shipped (1.5) and at 0 (the steps "Edges within seconds",
               "Without sparsity").
  dropout    - dropout_small_data with both Dropout rates at 0, seed 0: the lowest test loss and
               its epoch, which should fall in the description's range for no Dropout layers
               (0.279–0.295 around epochs 16–20): the step "Without dropout" sets p = 0.
  epochs     - seconds of one epoch (the second) of every lesson, core's Trainer on one thread.

Usage, from the repository root: python bench/guided_step_figures.py [folding|gabor|dropout|epochs]
"""

import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.probes.gabor import gabor_share  # noqa: E402
from core.project import load_project  # noqa: E402
from core.train.trainer import Trainer  # noqa: E402

LESSONS = Path(__file__).resolve().parent.parent / "assets" / "lessons"


def folding() -> None:
    for seed in (1, 2, 3):
        project = load_project(LESSONS / "folding_circles.json")
        for node in ("fc1", "fc2", "fc3", "fc4"):
            project.graph.nodes[node].params["out_features"] = 8
        project.training = project.training.replace(seed=seed)
        last = list(Trainer(project).train())[-1]
        print(f"folding, 8 units a layer, seed {seed}: test accuracy {100 * last.test_acc:.1f}%")


def gabor() -> None:
    for weight in (1.5, 0.0):
        project = load_project(LESSONS / "gabor_filters.json")
        project.graph.nodes["sparse"].params["weight"] = weight
        trainer, done = Trainer(project), 0
        for epochs in (10, 60):
            list(trainer.train(epochs - done))
            done = epochs
            kernels = trainer.model.state_dict()["layers.filters.weight"].cpu().numpy()[:, 0]
            share = gabor_share(kernels)
            print(
                f"gabor, sparsity {weight}, {epochs} epochs: {round(share * len(kernels))} of {len(kernels)} R² >= 0.6"
            )


def dropout() -> None:
    project = load_project(LESSONS / "dropout_small_data.json")
    for node in ("drop1", "drop2"):
        project.graph.nodes[node].params["p"] = 0.0
    records = list(Trainer(project).train())
    best = min(range(len(records)), key=lambda i: records[i].test_loss)
    print(f"dropout p = 0, seed 0: lowest test loss {records[best].test_loss:.3f} at epoch {best + 1}")


def epochs() -> None:
    for path in sorted(LESSONS.glob("*.json")):
        trainer = Trainer(load_project(path))
        trainer.run_epoch()
        start = time.perf_counter()
        trainer.run_epoch()
        print(f"{path.stem}: {time.perf_counter() - start:.2f} s an epoch")


if __name__ == "__main__":
    torch.set_num_threads(1)
    chosen = sys.argv[1:] or ["folding", "gabor", "dropout", "epochs"]
    for name in chosen:
        {"folding": folding, "gabor": gabor, "dropout": dropout, "epochs": epochs}[name]()
