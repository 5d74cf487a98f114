"""A training run on disk: the project it ran, its metrics, its weights and what resuming needs.

A run folder is written whole or not at all: every file goes into a fresh temporary folder
beside it, which is then swapped into place in one rename, so a crash, a full disk or a second
save never leaves a folder mixing files of two runs. Weights go through safetensors, which
stores tensors and nothing that runs; the optimiser's state is read with
`torch.load(weights_only=True)`, which refuses anything but tensors and plain values.
"""

from __future__ import annotations

import csv
import ctypes
import io
import math
import os
import re
import shutil
import tempfile
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file
from torch import nn

from core.project import Project, ProjectError, load_project, save_project
from core.train.records import EpochRecord

PROJECT_FILE = "project.json"
METRICS_FILE = "metrics.csv"
WEIGHTS_FILE = "weights.safetensors"
TRAJECTORY_FILE = "trajectory.safetensors"  # a thinned sample of the weights along training (core.landscape.probe)
RESUME_FILE = "resume.pt"  # optimiser, schedule and shuffling state, for `train --resume`
RUN_FILES = (PROJECT_FILE, METRICS_FILE, WEIGHTS_FILE, TRAJECTORY_FILE, RESUME_FILE)
_SAVING = ".saving-"  # a temporary folder is named .RUN.saving-PID-RANDOM beside the run


class RunFolderError(OSError):
    """A run cannot be saved or opened; the message names the folder or file and what is wrong."""


def save_run(
    folder: str | os.PathLike,
    project: Project,
    records: list[EpochRecord],
    model: nn.Module,
    trajectory=None,
    *,
    resume: dict | None = None,
) -> Path:
    """Write the run into `folder`, replacing an earlier run there as a whole, and return where it went.

    A folder holding other files (the app lets one pick any folder) is never replaced: the run goes
    into a new sub-folder of it. `resume` (from `resume_state`) lets `train --resume` continue with
    the optimiser's state."""
    folder = Path(folder)
    try:
        check_run_target(folder)
    except RunFolderError:
        if not folder.is_dir() or folder.is_symlink():
            raise
        folder = new_run_folder(folder, project.title)
    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}{_SAVING}{os.getpid()}-", dir=folder.parent))
    try:
        save_project(project, tmp / PROJECT_FILE)
        write_metrics(tmp / METRICS_FILE, records)
        tensors = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
        _save_tensors(tmp / WEIGHTS_FILE, tensors)
        if trajectory is not None:
            steps, weights = torch.as_tensor(trajectory.steps), torch.as_tensor(trajectory.weights)
            _save_tensors(tmp / TRAJECTORY_FILE, {"steps": steps, "weights": weights})
        if resume is not None:
            torch.save(resume, tmp / RESUME_FILE)
        _finish_files(tmp)
        _swap_into_place(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def new_run_folder(parent: Path, name: str) -> Path:
    """A new, empty folder NAME-TIME (or NAME-TIME-2 …) in `parent`, made at once so that runs
    saved in the same second never share one."""
    from datetime import datetime

    stem = re.sub(r"[^\w.-]+", "-", name).strip("-.")[:60] or "run"
    base = f"{stem}-{datetime.now():%Y%m%d-%H%M%S}"
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        folder = parent / (base if n == 1 else f"{base}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise RunFolderError(f"too many runs named {base}-… in {parent}")


def check_run_target(folder: Path) -> None:
    """Refuse a target that is a file, or a folder holding anything but an earlier run."""
    if folder.is_symlink():
        raise RunFolderError(f"{folder} is a link: give the run's real folder")
    if folder.exists() and not folder.is_dir():
        raise RunFolderError(f"{folder} is a file, not a folder: choose another name for the run")
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir() if p.name not in RUN_FILES and not _is_leftover(p.name))
        if others:
            shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
            raise RunFolderError(
                f"{folder} holds files that are not part of a run ({shown}): choose an empty folder, "
                "a new name, or an earlier run's folder"
            )


def _is_leftover(name: str) -> bool:
    """Temporary files an earlier version left inside a run folder (.weights.safetensors.tmp …)."""
    return name.startswith(".") and name.endswith(".tmp")


def check_can_save(folder: str | os.PathLike, needed_bytes: int) -> None:
    """Before training: the run's folder can be written and its disk has room for `needed_bytes`."""
    folder = Path(folder)
    check_run_target(folder)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=f".{folder.name}.probe-", dir=parent)
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        raise RunFolderError(f"cannot write the run into {parent}: {err.strerror or err}") from None
    free = shutil.disk_usage(parent).free
    if free < needed_bytes:
        raise RunFolderError(
            f"the run needs about {_megabytes(needed_bytes)} but {parent} has only {_megabytes(free)} free: "
            "free some space or choose another --out"
        )


def run_size(model: nn.Module, trajectory_bytes: int = 0) -> int:
    """Bytes a saved run may take: the weights, an optimiser state of up to twice their size, the path."""
    weights = sum(t.numel() * t.element_size() for t in model.state_dict().values())
    return 3 * weights + trajectory_bytes + 1_000_000


def _megabytes(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary folders of saves into `folder` whose process is gone (killed mid-save)."""
    prefix = f".{folder.name}{_SAVING}"
    if not folder.parent.is_dir():
        return
    for candidate in folder.parent.iterdir():
        if candidate.name.startswith(prefix) and not _alive(candidate.name[len(prefix) :].split("-")[0]):
            shutil.rmtree(candidate, ignore_errors=True)


def _alive(pid_text: str) -> bool:
    try:
        os.kill(int(pid_text), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's process
        return True
    return int(pid_text) != 0


def _save_tensors(path: Path, tensors: dict) -> None:
    save_file(tensors, str(path))


def _finish_files(tmp: Path) -> None:
    """Give every file the permissions a new file gets here, flush it to disk, then the folder."""
    mask = _umask()
    for path in tmp.iterdir():
        os.chmod(path, 0o666 & ~mask)
        with open(path, "rb") as f:
            os.fsync(f.fileno())
    os.chmod(tmp, 0o777 & ~mask)  # mkdtemp makes it private
    _fsync_folder(tmp)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # not thread-safe, so only where /proc is missing
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_into_place(tmp: Path, folder: Path) -> None:
    """Put the finished `tmp` where `folder` is: one atomic exchange where the system has it."""
    if not folder.exists():
        os.rename(tmp, folder)
    elif _exchange(tmp, folder):
        shutil.rmtree(tmp)  # now the earlier run
    else:  # no atomic exchange: move the old run aside first (a crash between leaves it beside, whole)
        old = tmp.with_name(tmp.name + "-old")
        os.rename(folder, old)
        os.rename(tmp, folder)
        shutil.rmtree(old)
    _fsync_folder(folder.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE): swap two paths in one step; False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # not Linux, or a C library without it
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


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
    path.write_text(out.getvalue(), encoding="utf-8")


def read_metrics(path: str | os.PathLike) -> list[dict[str, float | None]]:
    """The metrics rows; a malformed file raises RunFolderError naming the row and column."""
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "step" not in reader.fieldnames:
                raise RunFolderError(f"{path} has no 'step' column: it is not a run's metrics file")
            rows = []
            for i, row in enumerate(reader, 2):
                rows.append({k: _metric(v, path, i, k) for k, v in row.items() if k is not None})
            return rows
    except (UnicodeDecodeError, csv.Error) as err:
        raise RunFolderError(f"{path} is not a readable CSV file ({err})") from None


def _metric(text: str | None, path: Path, row: int, column: str) -> float | None:
    if text is None or text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise RunFolderError(f"{path}, row {row}, column '{column}': {text[:40]!r} is not a number") from None


def records_from_metrics(rows: list[dict[str, float | None]]) -> list[EpochRecord]:
    """Epoch records back from metrics.csv, to carry a resumed run's history on."""
    records = []
    for row in rows:
        try:
            records.append(
                EpochRecord(
                    epoch=int(row["epoch"]),
                    step=int(row["step"]),
                    train_loss=row["train_loss"] if row["train_loss"] is not None else math.nan,
                    train_acc=row["train_acc"],
                    test_loss=row["test_loss"] if row["test_loss"] is not None else math.nan,
                    test_acc=row["test_acc"],
                    lr=row["lr"] or 0.0,
                    seconds=row["seconds"] or 0.0,
                )
            )
        except (KeyError, TypeError, ValueError, OverflowError):
            raise RunFolderError(f"{METRICS_FILE} lacks a column or a value on row {len(records) + 2}") from None
    return records


def load_run(folder: str | os.PathLike) -> tuple[Project, dict]:
    """The project and the weights (a name → tensor dict) of a saved run, checked to fit each other.

    Any problem raises RunFolderError (or ProjectError for project.json) naming the file and what is wrong."""
    from core.network.build import GraphModule, InvalidGraph

    folder = Path(folder)
    if not folder.is_dir():
        raise RunFolderError(f"{folder} is not a folder")
    project = load_project(folder / PROJECT_FILE)
    weights = load_weights(folder / WEIGHTS_FILE)
    try:
        model = GraphModule(project.graph)
    except (InvalidGraph, ValueError, RuntimeError) as err:
        raise ProjectError(f"{folder / PROJECT_FILE}: the network cannot be built ({err})") from None
    check_weights_fit(model, weights, folder / WEIGHTS_FILE)
    return project, weights


def load_weights(path: Path) -> dict:
    if not path.is_file():
        raise RunFolderError(f"{path} is missing: the folder is not a saved run")
    if path.stat().st_size == 0:
        raise RunFolderError(f"{path} is empty: the run was not saved completely")
    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as err:
        raise RunFolderError(f"{path} is not a readable weights file ({err})") from None


def check_weights_fit(model: nn.Module, weights: dict, path: Path) -> None:
    """The weights are this network's, with the right shapes, and hold numbers."""
    expected = model.state_dict()
    missing = [k for k in expected if k not in weights]
    extra = [k for k in weights if k not in expected]
    if missing or extra:
        names = ", ".join((missing or extra)[:3])
        what = "lacks" if missing else "has tensors the network does not have:"
        raise RunFolderError(f"{path} belongs to another network: it {what} {names}")
    for name, tensor in expected.items():
        if tuple(weights[name].shape) != tuple(tensor.shape):
            raise RunFolderError(
                f"{path} belongs to another network: {name} is {tuple(weights[name].shape)} "
                f"but the network needs {tuple(tensor.shape)}"
            )
        if weights[name].is_floating_point() and not torch.isfinite(weights[name]).all():
            raise RunFolderError(f"{path}: {name} holds NaN or infinite values (the run diverged)")


def resume_state(trainer) -> dict:
    """What `train --resume` needs beyond the weights: optimiser, schedule, counters and the shuffling."""
    return {
        "optimizer": trainer.optimizer.state_dict(),
        "scheduler": trainer.scheduler.state_dict(),
        "step": trainer.step_count,
        "epoch": trainer.epoch,
        "generator": trainer.generator.get_state(),
        "torch_rng": torch.get_rng_state(),
    }


def restore(trainer, folder: str | os.PathLike) -> None:
    """Put a saved run's weights and training state into a fresh trainer built from its project."""
    folder = Path(folder)
    path = folder / RESUME_FILE
    if not path.is_file():
        raise RunFolderError(f"{folder} has no {RESUME_FILE}: it was not saved by `train`, so it cannot be resumed")
    weights = load_weights(folder / WEIGHTS_FILE)
    check_weights_fit(trainer.model, weights, folder / WEIGHTS_FILE)
    try:
        state = torch.load(path, weights_only=True, map_location="cpu")
        trainer.model.load_state_dict(weights)
        trainer.optimizer.load_state_dict(state["optimizer"])
        trainer.scheduler.load_state_dict(state["scheduler"])
        trainer.step_count, trainer.epoch = int(state["step"]), int(state["epoch"])
        trainer.generator.set_state(state["generator"])
        torch.set_rng_state(state["torch_rng"])
    except Exception as err:  # noqa: BLE001 - any flaw in a file from disk is a message, not a traceback
        raise RunFolderError(f"{path} cannot be read ({type(err).__name__}: {err})") from None
