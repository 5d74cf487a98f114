"""The session's run list: each run named by its differences from the one before, and kept
exactly (a saved and reopened run has the very weights and project the run ended with)."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.network.graph import Edge
from core.project import load_project
from core.run import messages as m
from core.run.changes import SAME, change_text, describe_changes, hidden_layers
from core.run.history import RunList
from core.run.loop import run_loop
from core.run.saved import load_run, read_metrics
from core.run.session import Session
from core.train.records import EpochRecord


def spiral():
    return load_project(LESSONS / "spiral_mlp.json")


def depth_lesson():
    return load_project(LESSONS / "vanishing_sigmoid.json")  # 64–30–30–30–30–10, sigmoid


def insert_after(project, src: str, kind: str, node_id: str, params=None):
    """Put a new node on the wire leaving `src`, as a user does by dropping it there."""
    graph = project.graph
    edge = next(e for e in graph.edges if e.src == src)
    graph.remove_edge(edge)
    graph.add_node(kind, node_id, params or {})
    graph.add_edge(src, node_id)
    graph.add_edge(node_id, edge.dst, edge.port)


def remove_between(project, node_id: str):
    """Take a node out and join its neighbours, as the user does deleting it and re-wiring."""
    graph = project.graph
    before = next(e.src for e in graph.edges if e.dst == node_id)
    after = next(e for e in graph.edges if e.src == node_id)
    graph.remove_node(node_id)
    graph.add_edge(before, after.dst, after.port)


def test_a_learning_rate_change_is_named_with_both_values():
    a, b = spiral(), spiral()
    b.training = b.training.replace(lr=0.1)
    assert describe_changes(a, b) == ["lr 0.02 → 0.1"]


def test_settings_that_do_not_apply_to_either_run_are_no_difference():
    a, b = spiral(), spiral()  # Adam: momentum means nothing to it
    b.training = b.training.replace(momentum=0.5)
    assert describe_changes(a, b) == []
    assert change_text(a, b) == SAME
    b.training = b.training.replace(optimizer="momentum")
    assert describe_changes(a, b) == ["optimizer adam → momentum", "momentum 0.9 → 0.5"]


def test_an_added_dropout_layer_is_named_with_its_rate():
    a, b = spiral(), spiral()
    insert_after(b, "act1", "Dropout", "drop1", {"p": 0.5})
    assert describe_changes(a, b) == ["+ Dropout p=0.5"]
    assert describe_changes(b, a) == ["− Dropout p=0.5"]
    insert_after(b, "act2", "Dropout", "drop2", {"p": 0.5})
    insert_after(b, "fc1", "BatchNorm", "bn1")
    assert describe_changes(b, a) == ["− Dropout p=0.5 (2 layers)", "− BatchNorm affine=on"]


def test_one_more_hidden_layer_is_counted_and_its_activation_goes_with_it():
    a = depth_lesson()
    b = depth_lesson()
    remove_between(b, "fc4")
    remove_between(b, "sigmoid4")
    assert (hidden_layers(a.graph), hidden_layers(b.graph)) == (4, 3)
    assert describe_changes(b, a) == ["3 → 4 hidden layers"]
    assert describe_changes(a, b) == ["4 → 3 hidden layers"]


def test_activations_swapped_for_another_kind_are_one_change():
    a, b = spiral(), spiral()
    for name in ("act1", "act2"):
        src = next(e.src for e in b.graph.edges if e.dst == name)
        dst = next(e for e in b.graph.edges if e.src == name)
        b.graph.remove_node(name)
        b.graph.add_node("ReLU", name.replace("act", "relu"))
        b.graph.add_edge(src, name.replace("act", "relu"))
        b.graph.add_edge(name.replace("act", "relu"), dst.dst, dst.port)
    assert describe_changes(a, b) == ["Tanh → ReLU (2 layers)"]


def test_width_dataset_and_several_settings_are_listed_in_order():
    a, b = spiral(), spiral()
    b.graph.set_param("fc1", "out_features", 30)
    b.set_dataset("spiral", {**b.dataset_params, "noise": 0.3})
    b.training = b.training.replace(seed=3, batch_size=64)
    b.graph.move_node("fc2", (999.0, 999.0))  # where a node sits is no difference
    assert describe_changes(a, b) == [
        "dataset noise 0.1 → 0.3",
        "fc1 out features 12 → 30",
        "batch size 32 → 64",
        "seed 0 → 3",
    ]


def test_a_drawn_function_is_named_as_another_drawing_not_spelled_out():
    a = load_project(LESSONS / "universal_approximation.json")
    b = load_project(LESSONS / "universal_approximation.json")
    b.set_dataset("function", {**b.dataset_params, "function": "drawn", "drawing": "[[-1, 0], [0, 1], [1, 0]]"})
    assert describe_changes(a, b) == ["dataset function sine → drawn", "another drawing"]


def test_rewiring_alone_is_still_a_difference():
    a, b = spiral(), spiral()
    b.graph.remove_edge(Edge("act2", "fc3"))
    b.graph.add_edge("act1", "fc3")  # act2 left dangling: not a sensible net, but different
    b.graph.remove_edge(Edge("fc2", "act2"))
    assert describe_changes(a, b) == ["rewired"]


def train_to_the_end(project):
    """Run the loop as the app does: Run until finished, then Stop; returns the session and messages."""
    session, messages = Session(project, device="cpu"), []

    def next_command(wait):
        if not messages:
            messages.append(None)  # the first call: Run
            return m.Run()
        if any(isinstance(x, m.StateChanged) and x.state == "finished" for x in messages):
            return m.Stop()
        return None

    run_loop(session, next_command, messages.append, 5)
    return session, [x for x in messages if x is not None]


def small_spiral(epochs=2):
    project = spiral()
    project.training = project.training.replace(epochs=epochs, device="cpu")
    return project


def test_the_loop_hands_over_the_run_once_finished_and_again_when_stopped():
    session, messages = train_to_the_end(small_spiral())
    ended = [x for x in messages if isinstance(x, m.RunEnded)]
    assert [x.state for x in ended] == ["finished", "stopped"]
    states = [x.state for x in messages if isinstance(x, m.StateChanged)]
    assert states[-2:] == ["finished", "stopped"]  # each RunEnded comes before its state
    last = ended[-1]
    assert [r.epoch for r in last.records] == [1, 2]
    assert last.step == session.trainer.step_count
    live = session.trainer.model.state_dict()
    assert live.keys() == last.weights.keys()
    assert all(np.array_equal(live[k].numpy(), v) for k, v in last.weights.items())


def test_a_run_stopped_before_its_first_step_is_not_handed_over():
    messages = []
    session = Session(small_spiral(), device="cpu")
    run_loop(session, lambda wait: m.Stop(), messages.append, 1)
    assert not [x for x in messages if isinstance(x, m.RunEnded)]


def keep_all(runs: RunList, messages, generation):
    for x in messages:
        if isinstance(x, m.RunEnded):
            from core.project import project_from_dict

            runs.keep(generation, project_from_dict(x.project), x.records, x.weights, x.state, x.step)


def test_the_run_list_keeps_one_entry_per_model_and_describes_each_against_the_one_before(tmp_path):
    runs = RunList()
    first = small_spiral()
    _, messages = train_to_the_end(first)
    keep_all(runs, messages, generation=1)
    assert len(runs) == 1  # finished, then stopped: one model, one run
    second = small_spiral()
    second.training = second.training.replace(lr=0.1)
    _, messages = train_to_the_end(second)
    keep_all(runs, messages, generation=2)
    third = small_spiral()
    insert_after(third, "act1", "Dropout", "drop1", {"p": 0.5})
    _, messages = train_to_the_end(third)
    keep_all(runs, messages, generation=3)
    assert [r.changes for r in runs.runs] == ["first run", "lr 0.02 → 0.1", "+ Dropout p=0.5, lr 0.1 → 0.02"]
    runs.rename(2, "  fast   learner ")
    assert runs.find(2).label == "fast learner: lr 0.02 → 0.1"
    runs.remove(2)  # the next run is now compared with the first
    assert [r.number for r in runs.runs] == [1, 3]
    assert runs.find(3).changes == "+ Dropout p=0.5"
    with pytest.raises(KeyError):
        runs.find(2)


def test_a_saved_run_reopens_with_the_same_weights_project_and_metrics(tmp_path):
    runs = RunList()
    project = small_spiral()
    insert_after(project, "act1", "Dropout", "drop1", {"p": 0.5})
    session, messages = train_to_the_end(project)
    keep_all(runs, messages, generation=1)
    run = runs.runs[0]
    runs.rename(1, "with dropout")
    folder = run.save(tmp_path / "kept")
    reopened, weights = load_run(folder)
    assert reopened.title == "with dropout"
    reopened.title = session.trainer.project.title
    assert reopened.to_dict() == session.trainer.project.to_dict()
    live = session.trainer.model.state_dict()
    assert weights.keys() == live.keys()
    assert all(torch.equal(weights[k], live[k]) for k in live)
    rows = read_metrics(folder / "metrics.csv")
    assert [row["test_loss"] for row in rows] == pytest.approx([r.test_loss for r in session.records])
    # and the kept run's own module computes what the trained model computes
    x = session.trainer.x_test[:20]
    session.trainer.model.eval()
    with torch.no_grad():
        assert torch.equal(run.model().eval()(x), session.trainer.model(x))


def test_settings_edited_after_a_run_finished_are_not_what_it_trained_with():
    """The app sends a new learning rate to the finished model at once; stopping it afterwards
    must not rewrite the run's history."""
    project = small_spiral()
    session, messages = Session(project, device="cpu"), []
    script = [m.Run()]

    def next_command(wait):
        if script:
            return script.pop(0)
        if any(isinstance(x, m.StateChanged) and x.state == "finished" for x in messages):
            if not any(isinstance(x, m.StateChanged) and x.state == "stopped" for x in messages):
                script.append(m.Stop())
                return m.SetTraining(project.training.replace(lr=0.5))
        return None

    run_loop(session, next_command, messages.append, 1)
    runs = RunList()
    keep_all(runs, messages, generation=1)
    assert [x.state for x in messages if isinstance(x, m.RunEnded)] == ["finished", "stopped"]
    assert runs.runs[0].project.training.lr == 0.02 and runs.runs[0].state == "finished"


def test_a_diverged_epoch_is_left_out_of_the_curves():
    from core.train.trainer import EpochRecord

    runs = RunList()
    records = [
        EpochRecord(1, 10, 0.9, 0.5, 1.0, 0.4, 0.1, 1.0),
        EpochRecord(2, 20, float("nan"), 0.1, float("inf"), 0.1, 0.1, 1.0),
    ]
    run = runs.keep(1, spiral(), records, {}, "stopped", 20)
    assert run.curve("test_loss")[1].tolist() == [1.0]
    assert run.curve("test_acc")[1].tolist() == [0.4, 0.1]


def test_the_kept_runs_weights_stay_within_the_budget_the_oldest_going_first():
    project = small_spiral()
    weights = {"fc1.weight": np.zeros((1000, 100), np.float32)}  # 400 kB a run
    record = [EpochRecord(1, 14, 0.5, 0.7, 0.6, 0.6, 0.02, 0.1)]
    runs = RunList(budget=1_000_000)
    for generation in range(1, 5):
        runs.keep(generation, project, record, weights, "finished", 14)
    assert [run.number for run in runs.runs] == [3, 4] and runs.dropped == 2
    assert sum(run.nbytes for run in runs.runs) <= 1_000_000
    alone = RunList(budget=1)
    alone.keep(1, project, record, weights, "finished", 14)
    assert len(alone) == 1  # the newest stays whatever its size
