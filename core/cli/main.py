"""The headless verbs: `check` a project and `train` it, printing plain text; the others live beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.terminal import ProgressLine, say
from core.project import ProjectError, load_project
from core.words import translate

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_FILE = 0, 1, 2


def build_parser(view_names: tuple[str, ...] = ("training",)) -> argparse.ArgumentParser:
    """The command line; `view_names` are the app's views (gui.views.registry, passed in by main.py)."""
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=translate(
            "cli", "Neurona, a playground for seeing how neural networks learn. With no arguments it opens the app."
        ),
    )
    lang_help = translate(
        "cli", "language of the interface: es (español) or en; default: the system's (LANGUAGE, LC_ALL, LANG)"
    )
    parser.add_argument("--lang", choices=("es", "en"), help=lang_help)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    check = verbs.add_parser(
        "check",
        help=translate("cli", "validate a project and list every layer's shape"),
        description=translate(
            "cli",
            "Validate a project file: print each node's output shape and "
            "parameter count, or every problem with the node it concerns.",
        ),
    )
    check.add_argument("project", help=translate("cli", "a project file (.json)"))
    train = verbs.add_parser(
        "train",
        help=translate("cli", "train a project without the app"),
        description="Train a project headless, printing one line per epoch, and save "
        "the run (metrics.csv, weights.safetensors, project.json, and trajectory.safetensors: "
        "a sample of the weights along training, for `landscape`; resume.pt: the optimiser's state, for --resume). "
        "Ctrl-C, SIGTERM and SIGHUP save what was trained; checkpoints bound what a crash can lose.",
    )
    train.add_argument("project", nargs="?", help="a project file (.json); with --resume, the run's own")
    from core.cli.train import add_arguments as add_train_arguments

    add_train_arguments(train)
    fetch = verbs.add_parser(
        "download",
        help=translate("cli", "download MNIST, Fashion-MNIST or CIFAR-10 into the cache"),
        description="Download a published dataset into Neurona's cache folder, resuming a "
        "partial download and verifying each file's checksum.",
    )
    fetch.add_argument("dataset", choices=("mnist", "fashion_mnist", "cifar10"))
    fetch.add_argument("--cache", type=Path, help="cache folder (default: Neurona's)")
    verbs.add_parser(
        "install-desktop",
        help=translate("cli", "add Neurona to the desktop's applications menu and open project files with it"),
        description="Install a .desktop entry, an icon and a MIME type for Neurona project files "
        "into ~/.local/share (Linux desktops following the freedesktop.org standards).",
    )
    show = verbs.add_parser(
        "open",
        help=translate("cli", "open a project in the app, or save a picture of it"),
        description="Open a project in the app. With --screenshot, render the window "
        "(offscreen when there is no display), save it as a PNG and exit.",
    )
    show.add_argument("project", nargs="?", help="a project file (.json)")
    show.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and exit")
    show.add_argument("--lang", choices=("es", "en"), default=argparse.SUPPRESS, help=lang_help)
    show.add_argument("--size", default="1280x800", help="window size for the picture (default: 1280x800)")
    show.add_argument(
        "--train",
        type=int,
        default=0,
        metavar="STEPS",
        help="with --screenshot: first train this many steps through the app's own worker",
    )
    show.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="with --screenshot: the picture's pixels per pixel on screen, e.g. 2 for a projector (default: 1)",
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
    from core.cli.convolve import add_parser as add_convolve

    add_convolve(verbs)
    return parser


def main(argv: list[str]) -> int:
    """Run a headless verb (`open` belongs to the app: main.py sends it there); a reader that goes
    away (`check p.json | head -1`) or a Ctrl-C outside training ends it without a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return _run_verb(args)
    except BrokenPipeError:
        say("")  # points the closed stream at nothing
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        say(translate("cli", "stopped by the user"), err=True)
        return EXIT_PROBLEM


def project_file_problem(path: str) -> str:
    """Why `path` cannot be a project file without even opening it (a FIFO or /dev/zero would be read forever)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return translate("cli", "cannot read {0}: {1}").format(path, err.strerror or err)
    if stat.S_ISDIR(mode):
        return translate("cli", "{0} is a folder, not a project file").format(path)
    if not stat.S_ISREG(mode):
        return translate(
            "cli", "{0} is not a regular file (a device or a pipe), so it cannot be a project file"
        ).format(path)
    return ""


def _run_verb(args) -> int:
    if args.verb == "download":
        return download(args)
    if args.verb == "lab":  # trajectories only: main.py runs `lab` with the GUI's picture maker
        from core.cli.lab import run as run_lab

        return run_lab(args)
    if args.verb == "landscape":  # the grid only: main.py runs `landscape` with the GUI's picture maker
        from core.cli.landscape import run as run_landscape

        return run_landscape(args)
    if args.verb == "convolve":
        from core.cli.convolve import run as run_convolve

        return run_convolve(args)
    if args.verb in ("export", "import"):
        from core.cli.export import run_export, run_import

        return run_export(args) if args.verb == "export" else run_import(args)
    path = args.project
    if args.verb == "train" and path is None and args.resume is not None:
        path = str(args.resume / "project.json")
    if path is None:
        say(translate("cli", "error: give a project file to {0}").format(args.verb), err=True)
        return EXIT_BAD_FILE
    problem = project_file_problem(path)
    if problem:
        say(translate("cli", "error: {0}").format(problem), err=True)
        return EXIT_BAD_FILE
    try:
        project = load_project(path)
    except ProjectError as err:
        say(translate("cli", "error: {0}: {1}").format(path, err), err=True)
        return EXIT_BAD_FILE
    if args.verb == "check":
        return check(project, path)
    from core.cli.train import train

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
    except OSError as err:  # the cache folder itself: a file in its place, no permission, a full disk
        where = f"{err.filename}: " if err.filename else ""
        print(f"\nerror: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("\nstopped; run the same command again to resume", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"\n{args.dataset} is ready in {folder}")
    return EXIT_OK


def check(project, path) -> int:
    from core.cli.train import describe
    from core.data.catalog import DatasetError, load_dataset
    from core.network.fit import data_problems
    from core.network.graph import infer
    from core.network.layers import fmt_shape

    inference = infer(project.graph)
    progress = ProgressLine()
    try:
        data = load_dataset(project.dataset, project.dataset_params, progress)
    except DatasetError as err:
        progress.end()
        say(translate("cli", "error: {0}").format(err), err=True)
        return EXIT_PROBLEM
    progress.end()
    say(f"{project.title} ({path})")
    say(translate("cli", "dataset: {0}").format(describe(data)))
    rows = [
        (translate("cli", "node"), translate("cli", "kind"), translate("cli", "output"), translate("cli", "params"))
    ]
    for node_id in inference.order + [n for n in project.graph.nodes if n not in inference.order]:
        shape, count = inference.shapes.get(node_id), inference.param_counts.get(node_id)
        out = fmt_shape(shape) if shape is not None else "?"
        rows.append((node_id, project.graph.nodes[node_id].kind, out, "" if count is None else f"{count:,}"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for node_id, kind, out, count in rows:  # columns as wide as their widest cell, so they never run together
        say(f"  {node_id:<{widths[0]}}  {kind:<{widths[1]}}  {out:>{widths[2]}}  {count:>{widths[3]}}")
    say(translate("cli", "total parameters: {0}").format(f"{inference.total_params:,}"))
    problems = inference.problems or data_problems(project.graph, inference, data, project.training)
    for problem in problems:
        say(translate("cli", "error: {0}").format(problem))
    if problems:
        return EXIT_PROBLEM
    say(translate("cli", "ok: the network is ready to train"))
    return EXIT_OK
