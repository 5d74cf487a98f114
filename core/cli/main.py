"""The headless verbs: `check` a project and `train` it, printing plain text; the others live beside it."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from core.project import ProjectError, load_project

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_FILE = 0, 1, 2


def build_parser(view_names: tuple[str, ...] = ("training",)) -> argparse.ArgumentParser:
    """The command line; `view_names` are the app's views (gui.views.registry, passed in by main.py)."""
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Neurona, a playground for seeing how neural networks learn. With no arguments it opens the app.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    check = verbs.add_parser(
        "check",
        help="validate a project and list every layer's shape",
        description="Validate a project file: print each node's output shape and "
        "parameter count, or every problem with the node it concerns.",
    )
    check.add_argument("project", help="a project file (.json)")
    train = verbs.add_parser(
        "train",
        help="train a project without the app",
        description="Train a project headless, printing one line per epoch, and save "
        "the run (metrics.csv, weights.safetensors, project.json, and trajectory.safetensors: "
        "a sample of the weights along training, for `landscape`).",
    )
    train.add_argument("project", help="a project file (.json)")
    train.add_argument("--epochs", type=int, help="epochs to train (default: the project's)")
    train.add_argument("--out", type=Path, help="folder for the run (default: runs/NAME-TIME)")
    train.add_argument(
        "--device", choices=("auto", "cpu", "cuda", "mps"), help="where to train (default: the project's)"
    )
    train.add_argument("--seed", type=int, help="override the training seed")
    fetch = verbs.add_parser(
        "download",
        help="download MNIST, Fashion-MNIST or CIFAR-10 into the cache",
        description="Download a published dataset into Neurona's cache folder, resuming a "
        "partial download and verifying each file's checksum.",
    )
    fetch.add_argument("dataset", choices=("mnist", "fashion_mnist", "cifar10"))
    fetch.add_argument("--cache", type=Path, help="cache folder (default: Neurona's)")
    verbs.add_parser(
        "install-desktop",
        help="add Neurona to the desktop's applications menu and open project files with it",
        description="Install a .desktop entry, an icon and a MIME type for Neurona project files "
        "into ~/.local/share (Linux desktops following the freedesktop.org standards).",
    )
    show = verbs.add_parser(
        "open",
        help="open a project in the app, or save a picture of it",
        description="Open a project in the app. With --screenshot, render the window "
        "(offscreen when there is no display), save it as a PNG and exit.",
    )
    show.add_argument("project", nargs="?", help="a project file (.json)")
    show.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and exit")
    show.add_argument("--size", default="1280x800", help="window size for the picture (default: 1280x800)")
    show.add_argument(
        "--train",
        type=int,
        default=0,
        metavar="STEPS",
        help="with --screenshot: first train this many steps through the app's own worker",
    )
    show.add_argument(
        "--view",
        choices=view_names,
        metavar="NAME",
        help="open this view of the training dock in front: " + ", ".join(view_names),
    )
    from core.cli.lab import add_parser as add_lab

    add_lab(verbs)
    from core.cli.landscape import add_parser as add_landscape

    add_landscape(verbs)
    from core.cli.export import add_parsers as add_export

    add_export(verbs)
    return parser


def main(argv: list[str]) -> int:
    """Run a headless verb (`open` belongs to the app: main.py sends it there)."""
    args = build_parser().parse_args(argv)
    if args.verb == "download":
        return download(args)
    if args.verb == "lab":  # trajectories only: main.py runs `lab` with the GUI's picture maker
        from core.cli.lab import run as run_lab

        return run_lab(args)
    if args.verb == "landscape":  # the grid only: main.py runs `landscape` with the GUI's picture maker
        from core.cli.landscape import run as run_landscape

        return run_landscape(args)
    if args.verb in ("export", "import"):
        from core.cli.export import run_export, run_import

        return run_export(args) if args.verb == "export" else run_import(args)
    try:
        project = load_project(args.project)
    except ProjectError as err:
        print(f"error: {args.project}: {err}", file=sys.stderr)
        return EXIT_BAD_FILE
    if args.verb == "check":
        return check(project, args.project)
    return train(project, args)


def download(args) -> int:
    from core.data.download import DownloadCancelled, DownloadError, default_cache_dir, fetch_dataset

    def progress(done: int, total: int | None) -> None:
        share = f"{done / total:6.1%}" if total else ""
        print(f"\r  {done / 1e6:8.1f} MB {share}", end="", flush=True)

    try:
        folder = fetch_dataset(args.dataset, args.cache or default_cache_dir(), progress)
    except (DownloadError, DownloadCancelled) as err:
        print(f"\nerror: {err}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("\nstopped; run the same command again to resume", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"\n{args.dataset} is ready in {folder}")
    return EXIT_OK


def check(project, path) -> int:
    from core.data.catalog import DatasetError, load_dataset
    from core.network.fit import data_problems
    from core.network.graph import infer
    from core.network.layers import fmt_shape

    inference = infer(project.graph)
    try:
        data = load_dataset(project.dataset, project.dataset_params)
    except DatasetError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"{project.title} ({path})")
    print(f"dataset: {_describe(data)}")
    print(f"  {'node':<14}{'kind':<11}{'output':>14}{'params':>12}")
    for node_id in inference.order + [n for n in project.graph.nodes if n not in inference.order]:
        shape = inference.shapes.get(node_id)
        count = inference.param_counts.get(node_id)
        print(
            f"  {node_id:<14}{project.graph.nodes[node_id].kind:<11}"
            f"{fmt_shape(shape) if shape is not None else '?':>14}{'' if count is None else f'{count:,}':>12}"
        )
    print(f"total parameters: {inference.total_params:,}")
    problems = inference.problems or data_problems(project.graph, inference, data)
    for problem in problems:
        print(f"error: {problem}")
    if problems:
        return EXIT_PROBLEM
    print("ok: the network is ready to train")
    return EXIT_OK


def train(project, args) -> int:
    import os

    import torch

    from core.run.saved import save_run
    from core.train.trainer import Diverged, Trainer, TrainingError

    if "OMP_NUM_THREADS" not in os.environ:  # one intra-op thread, as the app's worker: on 2 busy cores a
        torch.set_num_threads(1)  # second one spun so much that a small network trained 20× slower
    changes = {
        k: v for k, v in (("epochs", args.epochs), ("seed", args.seed), ("device", args.device)) if v is not None
    }
    try:
        if changes:
            project.training = project.training.replace(**changes)
        trainer = Trainer(project)
    except (TrainingError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_PROBLEM
    out = args.out or Path("runs") / f"{Path(args.project).stem}-{datetime.now():%Y%m%d-%H%M%S}"
    config = project.training
    print(f"{project.title}: {_describe(trainer.data)}")
    print(
        f"{config.optimizer}, lr {config.lr:g}, batch {config.batch_size}, {config.epochs} epochs on {trainer.device}"
    )
    from core.landscape.probe import TrajectoryRecorder

    recorder = TrajectoryRecorder(trainer)  # the run keeps its path, for `landscape` with PCA directions
    trainer.after_step.append(recorder)
    records, status = [], EXIT_OK
    started = time.perf_counter()
    try:
        for record in trainer.train():
            records.append(record)
            print(_epoch_line(record, config.epochs), flush=True)
    except Diverged as err:
        print(f"error: {err}", file=sys.stderr)
        status = EXIT_PROBLEM
    except KeyboardInterrupt:
        print("stopped by the user; saving what was trained", file=sys.stderr)
        status = EXIT_PROBLEM
    save_run(out, project, records, trainer.model, recorder.trajectory())
    print(f"trained {trainer.step_count} steps in {time.perf_counter() - started:.1f}s; run saved to {out}")
    return status


def _describe(data) -> str:
    from core.network.layers import fmt_shape

    kind = f"{data.num_classes} classes" if data.num_classes else f"targets of {fmt_shape(data.target_shape)}"
    sizes = f"{len(data.x_train)} train / {len(data.x_test)} test"
    return f"{data.name}, {fmt_shape(data.input_shape)} inputs, {kind}, {sizes}"


def _epoch_line(r, epochs: int) -> str:
    def acc(a):
        return f" acc {a * 100:5.1f}%" if a is not None else ""

    width = len(str(epochs))
    return (
        f"epoch {r.epoch:>{width}}/{epochs}  train loss {r.train_loss:.4f}{acc(r.train_acc)}  "
        f"test loss {r.test_loss:.4f}{acc(r.test_acc)}  lr {r.lr:.3g}  {r.seconds:.2f}s"
    )
