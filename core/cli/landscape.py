"""`python main.py landscape PROJECT.json --weights RUN_DIR`: a trained network's loss landscape,
headless. Writes the grid, the projected path and the 1-D line as landscape.npz; main.py adds
the picture (landscape.png), which needs Qt (gui.verb_pictures)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from core.cli.terminal import say

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_FILE = 0, 1, 2
NPZ_FILE, PNG_FILE = "landscape.npz", "landscape.png"


def add_parser(verbs) -> None:
    verb = verbs.add_parser(
        "landscape",
        help="compute a trained network's loss landscape",
        description="The loss around a run's final weights on a plane of two directions (random "
        "filter-normalised, or PCA of the training path), coarse to fine, and along the line from "
        "the initial to the final weights. Writes landscape.npz and landscape.png to --out.",
    )
    verb.add_argument("project", help="a project file (.json) with the network and its dataset")
    verb.add_argument(
        "--weights",
        required=True,
        type=Path,
        metavar="RUN_DIR",
        help="a run folder from `python main.py train` (or its weights.safetensors file)",
    )
    verb.add_argument("--grid", type=int, default=51, help="grid points a side (default: 51)")
    verb.add_argument("--out", type=Path, default=Path("landscape"), help="folder for the files (default: landscape)")
    verb.add_argument(
        "--directions",
        choices=("random", "pca"),
        default="random",
        help="random filter-normalised directions, or the training path's first two principal ones (default: random)",
    )
    verb.add_argument("--range", type=float, default=1.0, help="zoom: half-width of the plane × this (default: 1)")
    verb.add_argument("--seed", type=int, default=0, help="seed of the random directions (default: 0)")


def compute(args, log: Callable[[str], None] = print):
    """The finished LandscapeResult for the arguments; raises LandscapeError/ProjectError/OSError
    with a message for the user."""
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    from core.landscape.grid import LandscapeError, LandscapeJob
    from core.project import load_project
    from core.run.saved import METRICS_FILE, TRAJECTORY_FILE, WEIGHTS_FILE, load_trajectory, read_metrics

    if not 3 <= args.grid <= 401:
        raise LandscapeError("--grid must be between 3 and 401 points a side")
    if not 0 < args.range < float("inf"):
        raise LandscapeError(f"--range must be a positive number, not {args.range:g}")
    from core.cli.main import project_file_problem

    problem = project_file_problem(args.project)
    if problem:
        raise LandscapeError(problem)
    project = load_project(args.project)
    folder = args.weights if args.weights.is_dir() else args.weights.parent
    weights_file = args.weights / WEIGHTS_FILE if args.weights.is_dir() else args.weights
    if not weights_file.exists():
        raise LandscapeError(f"no weights at {weights_file}: give a run folder made by `python main.py train`")
    try:
        weights = load_file(str(weights_file))
        trajectory = load_trajectory(folder)
    except (SafetensorError, OSError, KeyError, ValueError) as err:
        raise LandscapeError(f"the run in {folder} cannot be read ({err})") from None
    if trajectory is not None and (
        trajectory.steps.ndim != 1 or trajectory.weights.ndim != 2 or len(trajectory.steps) != len(trajectory.weights)
    ):
        raise LandscapeError(f"{folder / TRAJECTORY_FILE} is malformed: its steps and weights do not match")
    bad = [name for name, w in weights.items() if w.dtype.kind == "f" and not np.isfinite(w).all()]
    if bad:
        raise LandscapeError(f"{weights_file}: {bad[0]} holds NaN or infinite values: the run diverged")
    metrics = read_metrics(folder / METRICS_FILE) if (folder / METRICS_FILE).exists() else []
    step = metrics[-1]["step"] if metrics else None
    if step is not None and not (np.isfinite(step) and step >= 0):
        raise LandscapeError(f"{folder / METRICS_FILE}: the last row's step, {step:g}, is not a step number")
    step = None if step is None else int(step)
    started = time.perf_counter()
    job = LandscapeJob(project, None, weights, trajectory, step, args.directions, args.seed)
    if job.path is None:
        log("no training path recorded in the run: no path and no line from the initial weights")
    update, line, stride = None, None, 0
    try:
        for update in job.grid(args.grid, args.range):
            if update.stride != stride:
                stride, side = update.stride, len(update.xs[:: update.stride])
                log(f"  {side}×{side} grid after {time.perf_counter() - started:.2f}s")
                if line is None and job.path is not None:
                    line = job.line()
    except KeyboardInterrupt:  # keep the grids already computed
        if update is None:
            raise
        log(f"stopped by the user: keeping the {stride and len(update.xs[::stride])}-point grid computed so far")
    result = job.result(update, line)
    if not np.isfinite(result.centre_loss):
        raise LandscapeError(
            f"the loss at the run's own weights is {result.centre_loss}: the run diverged, so there is no "
            "landscape to draw; train it again with a lower learning rate"
        )
    return result


def save_npz(path: Path, result) -> None:
    arrays = {
        "xs": result.xs,
        "ys": result.ys,
        "values": result.values,
        "kind": np.array(result.kind),
        "centre_loss": np.array(result.centre_loss),
    }
    if result.explained is not None:
        arrays["explained"] = np.array(result.explained)
    if result.step is not None:
        arrays["step"] = np.array(result.step)
    if result.path_xy is not None:
        arrays |= {"path_xy": result.path_xy, "path_steps": result.path_steps}
    if result.line is not None:
        arrays |= {"alphas": result.alphas, "line": result.line}
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
    try:
        np.savez(tmp, **arrays)
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OSError(err.errno, err.strerror or str(err), str(path)) from None


def run(args, render: Callable | None = None) -> int:
    """Compute, save the npz and (given a renderer, from the GUI side) the PNG."""
    from core.train.trainer import TrainingError

    try:
        result = compute(args)
        args.out.mkdir(parents=True, exist_ok=True)
        save_npz(args.out / NPZ_FILE, result)
    except (ValueError, TrainingError) as err:  # LandscapeError, ProjectError, DatasetError: a message
        say(f"error: {err}", err=True)
        return EXIT_PROBLEM
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        say(f"error: {where}{err.strerror or err}", err=True)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("stopped by the user before a grid was computed", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"loss at the centre {result.centre_loss:.4f}; grid saved to {args.out / NPZ_FILE}")
    if render is None:
        print("no picture: run it as `python main.py landscape …` to draw landscape.png")
        return EXIT_OK
    if not render(result, args.out / PNG_FILE):
        say(f"error: cannot write {args.out / PNG_FILE}", err=True)
        return EXIT_PROBLEM
    print(f"picture saved to {args.out / PNG_FILE}")
    return EXIT_OK
