"""The 'hidden units are lines' and 'random filters work' lessons hold what their descriptions claim."""

import torch
from conftest import LESSONS
from sklearn.linear_model import LogisticRegression

from core.cli.main import main as cli
from core.project import load_project
from core.run.saved import read_metrics
from core.train.trainer import Trainer


def linear_score(x_train, y_train, x_test, y_test) -> float:
    """Test accuracy of a logistic regression: what a single line (no hidden layer) can separate."""
    return LogisticRegression(C=100.0).fit(x_train, y_train).score(x_test, y_test)


def test_hidden_lines_lesson_trains_through_the_command_line(tmp_path, capsys):
    assert cli(["train", str(LESSONS / "hidden_lines.json"), "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("trained ")
    assert read_metrics(tmp_path / "metrics.csv")[-1]["test_acc"] >= 0.95


def test_hidden_units_make_xor_linearly_separable():
    trainer = Trainer(load_project(LESSONS / "hidden_lines.json"))
    assert list(trainer.train())[-1].test_acc >= 0.95
    data = trainer.data
    with torch.no_grad():
        code_train = trainer.model(trainer.x_train, taps=["u"])[1]["u"].numpy()
        code_test = trainer.model(trainer.x_test, taps=["u"])[1]["u"].numpy()
    assert code_train.shape[1] == 2
    assert linear_score(data.x_train, data.y_train, data.x_test, data.y_test) <= 0.65
    assert linear_score(code_train, data.y_train, code_test, data.y_test) >= 0.95


def test_random_frozen_filters_classify_digits_about_as_well_as_raw_pixels():
    project = load_project(LESSONS / "random_filters.json")
    trainer = Trainer(project)
    conv = {n: trainer.model.layer(n).weight.detach().clone() for n in ("conv1", "conv2")}
    readout = trainer.model.layer("fc").weight.detach().clone()
    accuracy = list(trainer.train())[-1].test_acc
    assert accuracy >= 0.93
    # the filters stayed as drawn; only the last layer learned
    assert all(torch.equal(trainer.model.layer(n).weight, w) for n, w in conv.items())
    assert not torch.equal(trainer.model.layer("fc").weight, readout)
    # a Linear layer on the raw pixels, trained the same way, does at most a little better
    raw = load_project(LESSONS / "digit_templates.json")
    raw.training = project.training
    assert accuracy >= list(Trainer(raw).train())[-1].test_acc - 0.02
