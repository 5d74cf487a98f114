"""ONNX export (the optional extra): onnxruntime gives the outputs torch gives."""

import numpy as np
import pytest
import torch

from core.cli.main import main as cli
from core.network.build import GraphModule
from core.network.graph import Graph
from core.project import Project, save_project
from core.run.saved import save_run

ort = pytest.importorskip("onnxruntime")


def odd_layers_project() -> Project:
    """A convolution, the step with its custom gradient, sparsity and a reshape: what ONNX might trip on."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    g.add_node("Conv2d", "conv", {"out_channels": 4, "kernel_size": 3, "padding": 1})
    g.add_node("MaxPool2d", "pool")
    g.add_node("Step", "step")
    g.add_node("Flatten", "flat")
    g.add_node("Sparsity", "sparse")
    g.add_node("Linear", "fc", {"out_features": 64})
    g.add_node("Reshape", "image", {"shape": [1, 8, -1]})
    g.add_node("Output", "out", {"loss": "mse"})
    nodes = list(g.nodes)
    for a, b in zip(nodes, nodes[1:], strict=False):
        g.add_edge(a, b)
    return Project(g, "patches", {"n_samples": 100})


def test_onnxruntime_runs_the_exported_network_with_the_runs_weights(tmp_path):
    project = odd_layers_project()
    save_project(project, tmp_path / "project.json")
    torch.manual_seed(3)
    model = GraphModule(project.graph).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_()  # weights no fresh model has: the file must carry the run's
    save_run(tmp_path / "run", project, [], model)
    out = tmp_path / "model.onnx"
    args = ["export", str(tmp_path / "project.json"), "--format", "onnx", "--out", str(out)]
    assert cli([*args, "--weights", str(tmp_path / "run")]) == 0
    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    x = torch.randn(7, 1, 8, 8)  # another batch size than the export's example
    (ours,) = session.run(None, {"x": x.numpy()})
    with torch.no_grad():
        expected = model(x).numpy()
    assert ours.shape == expected.shape == (7, 1, 8, 8)
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)
