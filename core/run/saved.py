"""A training run on disk: the project it ran, its metrics and its final weights.

Weights go through safetensors, which stores tensors and nothing that runs.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from core.project import Project, atomic_write, load_project, save_project
from core.train.trainer import EpochRecord

PROJECT_FILE = "project.json"
METRICS_FILE = "metrics.csv"
WEIGHTS_FILE = "weights.safetensors"
TRAJECTORY_FILE = "trajectory.safetensors"  # a thinned sample of the weights along training (core.landscape.probe)


def save_run(
    folder: str | os.PathLike, project: Project, records: list[EpochRecord], model: nn.Module, trajectory=None
) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_project(project, folder / PROJECT_FILE)
    write_metrics(folder / METRICS_FILE, records)
    tensors = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    _save_tensors(folder / WEIGHTS_FILE, tensors)
    if trajectory is not None:
        steps, weights = torch.as_tensor(trajectory.steps), torch.as_tensor(trajectory.weights)
        _save_tensors(folder / TRAJECTORY_FILE, {"steps": steps, "weights": weights})
    return folder


def _save_tensors(path: Path, tensors: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    save_file(tensors, str(tmp))
    os.replace(tmp, path)


def load_trajectory(folder: str | os.PathLike):
    """The run's recorded path (a core.landscape.probe.Trajectory), or None if it has none."""
    from core.landscape.probe import Trajectory

    path = Path(folder) / TRAJECTORY_FILE
    if not path.exists():
        return None
    tensors = load_file(str(path))
    return Trajectory(tensors["steps"].numpy(), tensors["weights"].numpy())


def write_metrics(path: Path, records: list[EpochRecord]) -> None:
    fields = list(EpochRecord.__dataclass_fields__)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: ("" if v is None else v) for k, v in record.to_dict().items()})
    atomic_write(path, out.getvalue())


def read_metrics(path: str | os.PathLike) -> list[dict[str, float | None]]:
    with open(path, newline="", encoding="utf-8") as f:
        return [{k: (float(v) if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]


def load_run(folder: str | os.PathLike) -> tuple[Project, dict]:
    """The project and the weights (a name → tensor dict) of a saved run."""
    folder = Path(folder)
    project = load_project(folder / PROJECT_FILE)
    return project, load_file(str(folder / WEIGHTS_FILE))
