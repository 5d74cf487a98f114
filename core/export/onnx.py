"""Export a project's network as ONNX through `torch.onnx.export`, for runtimes outside Python.

It uses PyTorch's torch.export-based exporter (the default since PyTorch 2.9), which needs the packages
`onnx` and `onnxscript`: the optional extra `pip install -e ".[export]"` installs them, with
onnxruntime to run the file. The batch size stays free; one sample has the Input's shape.
"""

from __future__ import annotations

import logging
import os
import warnings

import torch
from torch import nn

from core.export.script import ExportError
from core.network.build import GraphModule
from core.network.graph import infer
from core.project import Project


class _Network(nn.Module):
    """The GraphModule with a forward of one argument, as the exporter wants it."""

    def __init__(self, model: GraphModule):
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)


def untrained_model(project: Project) -> GraphModule:
    """The network as a new run starts it: the project's seed and init scheme."""
    from core.train.trainer import initialise

    torch.manual_seed(project.training.seed)
    model = GraphModule(project.graph)
    initialise(model, project.training.init, project.training.init_scale)
    return model


def export_onnx(project: Project, path: str | os.PathLike, model: GraphModule | None = None) -> None:
    """Write `model` (the project's untrained network when None) to `path` as ONNX, input 'x', output 'y'."""
    try:
        import onnx  # noqa: F401 - the exporter needs both; say so before it fails deep inside
        import onnxscript  # noqa: F401
    except ImportError:
        raise ExportError(
            "ONNX export needs the packages onnx and onnxscript: install them with pip install -e '.[export]'"
        ) from None
    inference = infer(project.graph)
    if not inference.ok:
        raise ExportError("the network has problems: " + "; ".join(str(p) for p in inference.problems))
    network = _Network(model if model is not None else untrained_model(project)).cpu().eval()
    shape = tuple(project.graph.nodes[inference.input_id].params["shape"])
    example = torch.zeros((2, *shape))
    batch = torch.export.Dim("batch", min=1)
    quiet = logging.getLogger("torch.onnx")  # its notes (e.g. torchvision's ops skipped) are not the user's concern
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            program = torch.onnx.export(
                network,
                (example,),
                dynamo=True,
                input_names=["x"],
                output_names=["y"],
                dynamic_shapes={"x": {0: batch}},
                verbose=False,
            )
        except Exception as err:  # noqa: BLE001 - the exporter raises many kinds; the user needs the reason
            raise ExportError(f"PyTorch could not export this network to ONNX: {str(err).splitlines()[0]}") from None
        finally:
            quiet.setLevel(level)
    program.save(str(path), external_data=False)
