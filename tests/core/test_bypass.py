"""Taking layers out of a network for a series' run (core.network.bypass), as a lesson's steps
name it; and a lesson whose steps name a layer the user has deleted still copies and trains."""

import json

import pytest
from conftest import LESSONS

from core.lesson_steps import StepError, steps_from
from core.network.bypass import bypassed
from core.network.graph import Graph, GraphError, infer
from core.project import load_project
from core.train_config import TRAIN_PARAMS

DEPTH = LESSONS / "depth_sigmoid.json"


def test_taking_layers_out_joins_the_wires_around_them_and_leaves_the_original_alone():
    graph = load_project(DEPTH).graph
    shallow = bypassed(graph, ["fc3", "sigmoid3", "fc4", "sigmoid4"])
    assert "fc3" in graph.nodes and len(graph.nodes) == 12  # a copy is changed, not the lesson's
    assert set(shallow.nodes) == set(graph.nodes) - {"fc3", "sigmoid3", "fc4", "sigmoid4"}
    assert [(e.src, e.dst) for e in shallow.edges if e.dst == "fc5"] == [("sigmoid2", "fc5")]
    result = infer(shallow)
    assert not result.problems and result.shapes["fc5"] == (10,)
    assert bypassed(graph, ["sigmoid4", "fc4"]) == bypassed(graph, ["fc4", "sigmoid4"])  # any order


def test_what_cannot_be_taken_out_is_named():
    graph = load_project(DEPTH).graph
    with pytest.raises(GraphError, match="no layer 'fc9'"):
        bypassed(graph, ["fc9"])
    with pytest.raises(GraphError, match="'x' is the network's Input"):
        bypassed(graph, ["x"])
    merge = Graph()
    merge.add_node("Input", "a", {"shape": [2]})
    merge.add_node("Input", "b", {"shape": [2]})
    merge.add_node("Add", "sum", {})
    merge.add_edge("a", "sum", 0)
    merge.add_edge("b", "sum", 1)
    with pytest.raises(GraphError, match="'sum' has 2 inputs"):
        bypassed(merge, ["sum"])


def steps(series):
    project = load_project(DEPTH)
    raw = [{"text": "Depths", "actions": [{"series": series}]}]
    return steps_from(raw, project.graph, {}, TRAIN_PARAMS)


def test_a_series_entry_may_take_layers_out_and_a_bad_one_is_named_when_the_lesson_opens():
    (step,) = steps([{"bypass": ["fc4", "sigmoid4"]}, {}])
    (series,) = step.actions
    assert series.to_dict() == {"series": [{"bypass": ["fc4", "sigmoid4"]}, {}]}
    with pytest.raises(StepError, match="run 1 of the series: the network has no layer 'fc9'"):
        steps([{"bypass": ["fc9"]}, {}])
    with pytest.raises(StepError, match='run 1 of the series: "bypass" must be a list of layer names'):
        steps([{"bypass": "fc4"}, {}])
    with pytest.raises(StepError, match='sets "fc4.out_features" but takes that layer out'):
        steps([{"bypass": ["fc4", "sigmoid4"], "fc4.out_features": 20}, {}])
    with pytest.raises(StepError, match="without flat the network has a problem: Linear 'fc1' expects a flat"):
        steps([{"bypass": ["flat"]}, {}])


def test_a_lesson_whose_steps_name_a_deleted_layer_still_copies_for_training():
    project = load_project(DEPTH)
    project.graph.remove_node("fc4")  # what the lesson once told its reader to do
    project.graph.remove_node("sigmoid4")
    project.graph.add_edge("sigmoid3", "fc5")
    twin = project.copy()
    assert twin.graph == project.graph and twin.steps == project.steps


def test_a_file_whose_steps_name_a_deleted_layer_opens_without_them_only_when_asked(tmp_path):
    from core.project import ProjectError

    project = load_project(DEPTH)
    project.graph.remove_node("fc4")
    project.graph.remove_node("sigmoid4")
    project.graph.add_edge("sigmoid3", "fc5")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(project.to_dict()), encoding="utf-8")
    with pytest.raises(ProjectError, match="no layer 'fc4'"):
        load_project(path)  # a lesson must be whole
    opened = load_project(path, strict_steps=False)  # the user's own file: the work first
    assert opened.graph == project.graph and opened.steps == ()
    assert "no layer 'fc4'" in opened.steps_left_out
