"""Twenty seeds of the spiral MLP trained together (core.train.seeds) against one seed alone.

The issue's goal: 20 seeds in less than 5x the time of one. Three ways, on one thread (as the
app's worker trains), each the lesson's full 60 epochs on the same data:
  one       - a single Trainer run (seed 0), evaluated on both sets after every epoch;
  one, steps only - the same run without those evaluations (train_seeds evaluates once, at the end);
  together  - train_seeds with seeds 0-19, vmap-ed over stacked weights;
  one by one - twenty Trainer runs in a row, what "together" replaces.
Order ABC CBA ABC; the median of the three rounds is reported, with the ratios to "one".
Usage, from the repository root: python bench/many_seeds.py
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEEDS = list(range(20))


def main() -> None:
    import torch

    from core.data.catalog import load_dataset
    from core.project import load_project
    from core.train.seeds import train_seeds
    from core.train.trainer import Trainer

    torch.set_num_threads(1)
    project = load_project(ROOT / "assets" / "lessons" / "spiral_mlp.json")
    project.training = project.training.replace(device="cpu")
    data = load_dataset(project.dataset, project.dataset_params)

    def single(seed: int) -> float:
        copy = project.copy()
        copy.training = copy.training.replace(seed=seed)
        return list(Trainer(copy, data).train())[-1].test_acc

    def bare(seed: int) -> None:
        copy = project.copy()
        copy.training = copy.training.replace(seed=seed)
        trainer = Trainer(copy, data)
        while trainer.epoch < copy.training.epochs:
            trainer.step()

    ways = {
        "one": lambda: single(0),
        "one, steps only": lambda: bare(0),
        "together": lambda: train_seeds(project, SEEDS, data=data),
        "one by one": lambda: [single(seed) for seed in SEEDS],
    }
    train_seeds(project, SEEDS[:2], epochs=1, data=data)  # warm up: the first vmap traces, torch loads kernels
    single(0)
    times = {name: [] for name in ways}
    names = list(ways)
    for order in (names, names[::-1], names):
        for name in order:
            start = time.perf_counter()
            ways[name]()
            times[name].append(time.perf_counter() - start)
    one = statistics.median(times["one"])
    for name, values in times.items():
        median = statistics.median(values)
        rounds = ", ".join(f"{v:.2f}" for v in values)
        print(f"{name:>15}: {median:6.2f} s  ({median / one:4.1f}x one seed)  rounds {rounds}")
    result = train_seeds(project, SEEDS, data=data)
    accuracies = sorted(round(100 * float(a), 1) for a in result.accuracies())
    print(f"final test accuracies of seeds 0-19 (%): {accuracies}")
    together, steps = statistics.median(times["together"]), statistics.median(times["one, steps only"])
    print(f"20 seeds together take {together / one:.1f}x the time of one run, {together / steps:.1f}x its steps alone")
    print("(goal: < 5x)")


if __name__ == "__main__":
    main()
