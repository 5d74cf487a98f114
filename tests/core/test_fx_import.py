"""Importing a PyTorch module: torch.fx maps its calls to layers, copies its weights, reports the rest."""

import textwrap

import pytest
import torch
from conftest import LESSONS
from test_export_script import every_path_project, sequence_project

from core.cli.main import main as cli
from core.export.fx_import import ImportFailed, import_module
from core.export.script import export_script
from core.network.build import GraphModule
from core.project import load_project
from core.run.saved import load_run

USER_MODULE = """
import torch
from torch import nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.side = nn.Linear(16, 6)
        self.fc = nn.Linear(22, 3)
        self.rnn = nn.LSTM(4, 5, batch_first=True)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        h = self.features(x)
        flat = h.view(h.size(0), -1)
        both = torch.cat([flat, F.relu(self.side(x.flatten(1)))], dim=1)
        y = torch.tanh(self.fc(both))
        return y
"""


def write(tmp_path, text, name="user_model.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("lesson", sorted(LESSONS.glob("*.json")), ids=lambda p: p.stem)
def test_every_lesson_exports_and_imports_back_to_the_same_project(tmp_path, lesson):
    project = load_project(lesson)
    path = write(tmp_path, export_script(project), "train_model.py")
    torch.manual_seed(11)
    imported = import_module(f"{path}:Model")
    assert imported.project.to_dict() == project.to_dict()  # graph, positions, dataset, training, text
    torch.manual_seed(11)  # the script's Model and the app's network draw the same initial weights
    expected = GraphModule(project.graph).state_dict()
    got = imported.model.state_dict()
    assert got.keys() == expected.keys() and all(torch.equal(got[k], expected[k]) for k in got)


@pytest.mark.parametrize("make", [lambda: every_path_project("adam", "step"), sequence_project])
def test_merges_recurrent_layers_frozen_layers_and_odd_names_round_trip(tmp_path, make):
    project = make()
    imported = import_module(f"{write(tmp_path, export_script(project), 'train_model.py')}:Model")
    assert imported.project.graph == project.graph


def test_a_plain_pytorch_module_maps_and_keeps_its_weights(tmp_path):
    path = write(tmp_path, USER_MODULE)
    graph = import_module(f"{path}:Net", input_shape=(1, 4, 4)).project.graph
    kinds = {n.id: n.kind for n in graph.nodes.values()}
    assert kinds["features_0"] == "Conv2d" and kinds["features_2"] == "MaxPool2d" and kinds["fc"] == "Linear"
    assert sorted(kinds.values()).count("Flatten") == 2 and "Concat" in kinds.values() and "Tanh" in kinds.values()
    assert "rnn" not in kinds and "head" not in kinds  # never called in forward: not part of the network
    namespace = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    torch.manual_seed(0)
    imported = import_module(f"{path}:Net", input_shape=(1, 4, 4))
    torch.manual_seed(0)
    original = namespace["Net"]()  # the same seed: the weights of the module the import built
    x = torch.randn(5, 1, 4, 4)
    with torch.no_grad():
        torch.testing.assert_close(imported.model.eval()(x), original.eval()(x))


def test_a_recurrent_module_with_its_last_step_maps_to_output_last(tmp_path):
    path = write(
        tmp_path,
        """
        from torch import nn

        class Seq(nn.Module):
            INPUT_SHAPE = (9, 3)
            LOSS = "mse"

            def __init__(self):
                super().__init__()
                self.gru = nn.GRU(3, 7, num_layers=2, batch_first=True)
                self.fc = nn.Linear(7, 1)

            def forward(self, x):
                out, _ = self.gru(x)
                return self.fc(out[:, -1])
        """,
    )
    imported = import_module(f"{path}:Seq")
    assert imported.project.graph.nodes["gru"].params == {"hidden_size": 7, "num_layers": 2, "output": "last"}
    assert imported.project.graph.nodes["out"].params["loss"] == "mse"


def test_calls_without_a_layer_are_reported_by_name_and_line(tmp_path):
    path = write(
        tmp_path,
        """
        import torch
        from torch import nn

        class Odd(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 4)

            def forward(self, x):
                h = self.fc(x)
                h = torch.einsum("bi,bi->bi", h, h)
                return torch.sin(h)
        """,
    )
    with pytest.raises(ImportFailed) as failure:
        import_module(f"{path}:Odd")
    assert failure.value.problems == [
        "`torch.einsum` in forward, line 12, has no layer",
        "`torch.sin` in forward, line 13, has no layer",
    ]


def test_the_import_verb_writes_a_project_and_a_run_holding_the_weights(tmp_path, capsys):
    path = write(tmp_path, export_script(load_project(LESSONS / "hidden_lines.json")), "train_model.py")
    out = tmp_path / "imported.json"
    assert cli(["import", f"{path}:Model", "--out", str(out)]) == 0
    assert load_project(out).graph == load_project(LESSONS / "hidden_lines.json").graph
    project, weights = load_run(tmp_path / "imported-run")
    GraphModule(project.graph).load_state_dict(weights)


def test_the_import_verb_refuses_bad_input_with_exit_code_2(tmp_path, capsys):
    out = str(tmp_path / "p.json")
    assert cli(["import", "missing.py:Net", "--out", out]) == 2
    assert "there is no file missing.py" in capsys.readouterr().err
    path = write(tmp_path, "raise RuntimeError('boom')\n", "bad.py")
    assert cli(["import", f"{path}:Net", "--out", out]) == 2
    assert "running" in capsys.readouterr().err
    path = write(tmp_path, USER_MODULE)
    assert cli(["import", f"{path}:Nope", "--out", out]) == 2
    assert "no nn.Module class named Nope" in capsys.readouterr().err
    assert cli(["import", f"{path}:Net", "--out", out]) == 2  # a conv input's height and width are unknown
    assert "--input-shape" in capsys.readouterr().err
