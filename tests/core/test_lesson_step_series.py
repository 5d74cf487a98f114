"""A step's series of runs ({"series": [...]}): each entry the settings set before its run, checked
as "set" actions are, so a bad entry is named, with its run's number, when the lesson opens."""

import pytest
from conftest import LESSONS

from core.project import ProjectError, load_project, project_from_dict

BASE = {
    "format": "neurona-project",
    "version": 3,
    "graph": {
        "nodes": [
            {"id": "x", "kind": "Input", "params": {"shape": [2]}},
            {"id": "fc1", "kind": "Linear", "params": {"out_features": 4}},
            {"id": "out", "kind": "Output", "params": {"loss": "cross_entropy"}},
        ],
        "edges": [{"from": "x", "to": "fc1"}, {"from": "fc1", "to": "out"}],
    },
    "dataset": {"name": "logic"},
}
RACE = [{"training.optimizer": "sgd", "training.lr": 0.1}, {"training.optimizer": "adam", "training.lr": 0.01}]


def project(series):
    return project_from_dict(BASE | {"steps": [{"text": "Race.", "actions": [{"series": series}]}]})


def test_a_series_holds_its_runs_settings_and_keeps_them_when_saved():
    action = project(RACE + [{"fc1.out_features": 8}, {}]).steps[0].actions[0]
    assert action.kind == "series" and len(action.target) == 4
    first, second, third, fourth = action.target
    assert [(a.target, a.value) for a in first] == [("training.optimizer", "sgd"), ("training.lr", 0.1)]
    assert [(a.kind, a.target, a.value) for a in second] == [
        ("set", "training.optimizer", "adam"),
        ("set", "training.lr", 0.01),
    ]
    assert [(a.target, a.value) for a in third] == [("fc1.out_features", 8)] and fourth == ()
    saved = project(RACE).to_dict()
    assert saved["steps"][0]["actions"] == [{"series": RACE}]
    assert project_from_dict(saved).steps == project(RACE).steps


@pytest.mark.parametrize(
    ("series", "words"),
    [
        ({"training.lr": 0.1}, '"series" must be a list of 2 to 10 runs'),
        ([{"training.lr": 0.1}], '"series" must be a list of 2 to 10 runs'),
        ([{}] * 11, '"series" must be a list of 2 to 10 runs'),
        ([{}, "adam"], "step 1, action 1, run 2 of the series must be an object of settings"),
        ([{}, {"training.optimizer": "fastest"}], "step 1, action 1, run 2 of the series: training"),
        ([{"fc9.out_features": 3}, {}], 'step 1, action 1, run 1 of the series: the network has no layer "fc9"'),
        ([{}, {"fc1.out_features": -1}], "step 1, action 1, run 2 of the series"),
        ([{}, {"lr": 0.1}], 'run 2 of the series: "set" names LAYER.PARAMETER'),
    ],
)
def test_a_bad_series_is_named_when_the_lesson_opens(series, words):
    with pytest.raises(ProjectError) as err:
        project(series)
    assert words in str(err.value)


def test_the_optimiser_race_trains_sgd_momentum_and_adam_as_its_texts_say():
    race = load_project(LESSONS / "optimiser_race_digits.json")
    assert (race.training.momentum, race.training.lr, race.training.epochs) == (0.9, 0.1, 20)
    steps = race.steps
    series = [a for step in steps for a in step.actions if a.kind == "series"]
    assert len(series) == 1
    runs = [{a.target: a.value for a in entry} for entry in series[0].target]
    assert runs == [
        {"training.optimizer": "sgd", "training.lr": 0.1},
        {"training.optimizer": "momentum"},  # momentum 0.9 and lr 0.1 as the project has them
        {"training.optimizer": "adam", "training.lr": 0.01},
    ]
