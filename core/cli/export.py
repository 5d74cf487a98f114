"""`export` and `import`: take a network out of Neurona (a PyTorch training script or ONNX) and bring a
PyTorch module in (traced with torch.fx)."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2


def add_parsers(verbs) -> None:
    export = verbs.add_parser(
        "export",
        help="write a project as a PyTorch training script or its network as ONNX",
        description="Write a project as one self-contained PyTorch training script (it needs only torch, numpy "
        "and what its dataset needs, and runs under torchrun too), or its network as an ONNX file "
        "(needs the optional extra: pip install -e '.[export]').",
    )
    export.add_argument("project", help="a project file (.json)")
    export.add_argument(
        "--format", choices=("script", "onnx"), default="script", help="what to write (default: script)"
    )
    export.add_argument("--out", type=Path, required=True, help="the file to write (train_model.py or model.onnx)")
    export.add_argument(
        "--weights",
        type=Path,
        metavar="RUN_DIR",
        help="a run folder (or its weights.safetensors): the script starts from these weights, ONNX carries them",
    )
    load = verbs.add_parser(
        "import",
        help="turn a PyTorch module into a project (runs the module's file)",
        description="Trace a PyTorch nn.Module with torch.fx, map each call to a Neurona layer, lay the layers "
        "out and copy the module's weights into a run beside the project. Importing runs the file's code: "
        "import only files you trust.",
    )
    load.add_argument("module", metavar="MODULE.py:ClassName", help="a Python file and the nn.Module class in it")
    load.add_argument("--out", type=Path, required=True, help="the project file to write (.json)")
    load.add_argument(
        "--input-shape",
        metavar="C,H,W",
        help="one sample's shape, without the batch (default: the class's INPUT_SHAPE, or the first Linear's width)",
    )
    load.add_argument(
        "--loss", choices=("cross_entropy", "mse", "bce"), help="the Output's loss (default: the class's LOSS)"
    )
    load.add_argument("--dataset", default="spiral", help="the project's dataset (default: spiral)")
    load.add_argument("--run", type=Path, help="folder for the run holding the weights (default: PROJECT-run)")


def _weights_file(path: Path) -> Path:
    return path / "weights.safetensors" if path.is_dir() else path


def load_weights(project, path: Path):
    """The GraphModule of `project` holding the weights at `path`; ValueError says what does not fit."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    from core.network.build import GraphModule, InvalidGraph

    file = _weights_file(path)
    try:
        model = GraphModule(project.graph)
        weights = load_file(str(file))
        model.load_state_dict(weights)
    except InvalidGraph as err:
        raise ValueError(f"the network has problems: {err}") from None
    except (OSError, SafetensorError) as err:
        raise ValueError(f"cannot read the weights {file}: {err}") from None
    except RuntimeError as err:
        raise ValueError(
            f"the weights in {file} do not fit this project's network: {str(err).splitlines()[0]}"
        ) from None
    return model


def run_export(args) -> int:
    from core.export.script import ExportError, export_script
    from core.project import ProjectError, atomic_write, load_project

    try:
        project = load_project(args.project)
    except ProjectError as err:
        print(f"error: {args.project}: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        model = load_weights(project, args.weights) if args.weights else None
        if args.format == "script":
            text = export_script(project, _weights_file(args.weights) if args.weights else None, args.out.name)
            atomic_write(args.out, text)
        else:
            from core.export.onnx import export_onnx

            export_onnx(project, args.out, model)
    except (ExportError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as err:
        print(f"error: cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEM
    what = "training script" if args.format == "script" else "ONNX network"
    print(f"wrote the {what} of {project.title} to {args.out}")
    if args.format == "script":
        print(f"run it with: python {args.out}   or   torchrun --standalone --nproc_per_node=2 {args.out}")
    return EXIT_OK


def run_import(args) -> int:
    from core.export.fx_import import ImportFailed, import_module
    from core.project import save_project
    from core.run.saved import save_run

    shape = None
    if args.input_shape:
        try:
            shape = tuple(int(s) for s in args.input_shape.replace("x", ",").split(",") if s.strip())
        except ValueError:
            print(f"error: --input-shape must be sizes separated by commas, not {args.input_shape!r}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        result = import_module(args.module, input_shape=shape, loss=args.loss, dataset=args.dataset)
    except ImportFailed as err:
        print(f"error: {err}", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    run = args.run or args.out.with_name(f"{args.out.stem}-run")
    try:
        save_project(result.project, args.out)
        save_run(run, result.project, [], result.model)
    except OSError as err:
        print(f"error: cannot write {err.filename or args.out}: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"imported {len(result.project.graph.nodes)} nodes into {args.out}; its weights are the run {run}")
    return EXIT_OK
