"""ONNX export (the optional extra): onnxruntime gives the outputs torch gives."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.cli.main import main as cli
from core.network.build import GraphModule
from core.project import load_project
from core.run.saved import save_run

ort = pytest.importorskip("onnxruntime")


@pytest.mark.parametrize("lesson", ["perceptron", "gabor_filters"])  # a step with a custom gradient; conv, sparsity
def test_onnxruntime_runs_the_exported_network_with_the_runs_weights(tmp_path, lesson):
    project = load_project(LESSONS / f"{lesson}.json")
    torch.manual_seed(3)
    model = GraphModule(project.graph).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_()  # weights no fresh model has: the file must carry the run's
    save_run(tmp_path / "run", project, [], model)
    out = tmp_path / "model.onnx"
    args = ["export", str(LESSONS / f"{lesson}.json"), "--format", "onnx", "--out", str(out)]
    assert cli([*args, "--weights", str(tmp_path / "run")]) == 0
    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    shape = project.graph.nodes[next(n.id for n in project.graph.nodes.values() if n.kind == "Input")].params["shape"]
    x = torch.randn(7, *shape)  # another batch size than the export's example
    (ours,) = session.run(None, {"x": x.numpy()})
    with torch.no_grad():
        expected = model(x).numpy()
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)
