"""The figures of the Weights by hand lesson, measured the way the lesson gets them: the hand-set
numbers go into the model through the session's SetParameter path, and training runs from seed 0."""

import pytest
from conftest import LESSONS

from core.project import load_project
from core.run.session import Session
from core.train.trainer import Trainer

LESSON = LESSONS / "weights_by_hand.json"


def project_for(gate: str):
    project = load_project(LESSON)
    project.dataset_params["gate"] = gate
    return project


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


@pytest.mark.parametrize(("gate", "bias"), [("and", -0.5), ("or", 0.5)])
def test_the_hand_set_numbers_get_every_point_of_the_gate_right(gate, bias):
    session = Session(project_for(gate), device="cpu")
    session.trainer.step()  # the lesson makes its model with one training step, then the numbers are set
    session.set_parameter("unit", "weight", (0, 0), 1.0)
    session.set_parameter("unit", "weight", (0, 1), 1.0)
    session.set_parameter("unit", "bias", (0,), bias)
    scores = session.trainer.evaluate()
    assert scores["train_acc"] == 1.0 and scores["test_acc"] == 1.0
    shown = session.compute({"wires": {}})["wires"]  # what the Neurons view's line reads
    assert shown.train_accuracy == 1.0 and shown.columns[1].bias[0] == bias
    assert "100%" in load_project(LESSON).description


def test_the_corners_and_the_sums_the_lesson_states():
    """Corners at ±0.6, so with both weights 1, w·x is about 1.2, 0 and −1.2 (the data's noise aside)."""
    x = Trainer(project_for("or")).x_train.numpy()
    sums = {}
    for a in (False, True):
        for b in (False, True):
            corner = x[((x[:, 0] > 0) == a) & ((x[:, 1] > 0) == b)]
            sums[(a, b)] = corner.sum(1).mean()
            assert abs(corner).mean() == pytest.approx(0.6, abs=0.05)
    assert sums[(True, True)] == pytest.approx(1.2, abs=0.1) and sums[(False, False)] == pytest.approx(-1.2, abs=0.1)
    assert sums[(True, False)] == pytest.approx(0, abs=0.1) and sums[(False, True)] == pytest.approx(0, abs=0.1)
    description = load_project(LESSON).description
    assert "±0.6" in description and "−1.2 + 0.5 = −0.7" in description


def test_training_from_seed_0_finds_numbers_of_its_own():
    project = project_for("or")
    assert project.training.seed == 0 and project.training.epochs == 10
    trainer = Trainer(project)
    start = trainer.evaluate()["train_acc"]
    for _ in range(10):
        record = trainer.run_epoch()
    unit = trainer.model.layer("unit")
    w = unit.weight.detach().numpy()[0]
    b = float(unit.bias.detach()[0])
    description = load_project(LESSON).description
    assert percent(start) == "25.7%" and "25.7%" in description
    assert record.train_acc == 1.0 and record.test_acc == 1.0
    assert [f"{v:.2f}" for v in (*w, b)] == ["0.26", "0.34", "0.22"]
    assert "w = 0.26 and 0.34 and b = 0.22" in description
