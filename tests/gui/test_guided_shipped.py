"""Every shipped lesson is a guided one: its steps load against its own graph and settings, come in
English and Spanish, name views this Neurona has, train no longer than the lesson was measured
with, ask the class something, and state only figures its description states, its network's own
sizes, or figures measured for the step (listed below, with how)."""

import json
import re

import pytest
from conftest import LESSONS

from core.project import load_project
from gui.views.registry import VIEW_NAMES

ALL = sorted(LESSONS.glob("*.json"))

# Lessons whose steps are still to be written (the list may only shrink).
NOT_YET: set[str] = set()

# Figures a step states beyond its lesson's description and its network's sizes: measured for the
# step (python bench/guided_step_figures.py measures them again), or names that are numbers.
EXTRA = {
    "folding_circles": {99.3},  # eight units per hidden layer, seed 1, 100 epochs: 99.3% test accuracy
    "digit_templates": {0},  # the digit 0, a class's name
    "gabor_filters": {21},  # seed 0: 21 of 32 kernels with a Gabor fit R² >= 0.6 after 10 epochs (0 without sparsity)
    "stride_padding": {6},  # valid_s2 at stride 1: 6×6, as shape inference says (tested below)
}


def numbers(text: str) -> set[float]:
    """The numbers a text states, as English writes them ("1,000.5")."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def guided():
    return [p for p in ALL if p.stem not in NOT_YET]


def test_every_lesson_has_steps_but_those_listed():
    has_steps = {p.stem for p in ALL if "steps" in json.loads(p.read_text(encoding="utf-8"))}
    assert {p.stem for p in ALL} - has_steps == NOT_YET


@pytest.mark.parametrize("path", guided(), ids=lambda p: p.stem)
def test_a_shipped_guided_lesson_is_complete_in_both_languages(path):
    project = load_project(path)  # validates every step against the lesson's graph and settings
    assert 3 <= len(project.steps) <= 5
    sizes = json.dumps(project.graph.to_dict()["nodes"])  # the network's own sizes: shapes, units, kernels
    stated = numbers(project.description) | numbers(sizes) | EXTRA.get(path.stem, set())
    trained = 0
    for number, step in enumerate(project.steps, 1):
        assert step.title and "es" in step.texts, f"step {number}"
        assert step.questions or step.actions, f"step {number}"
        for action in step.actions:
            assert action.kind != "view" or action.target in VIEW_NAMES, f"step {number}"
            if action.kind == "run_epochs":
                trained += action.target
            if action.kind in ("reset", "import_weights") or (
                action.kind == "set" and not action.target.startswith("training.")
            ):
                trained = 0  # a new network, new data or imported weights: a new model
            if action.kind in ("set", "run_steps", "run_epochs"):
                stated |= numbers(str(action.value if action.kind == "set" else action.target))
            assert trained <= project.training.epochs, f"step {number} trains beyond the lesson's measured epochs"
        words = " ".join([step.title, step.text] + [q.question + " " + q.answer for q in step.questions])
        unstated = numbers(words) - stated
        assert not unstated, f"step {number} states {sorted(unstated)}, which the description does not"
    assert any(step.questions for step in project.steps)
    first_views = [a.target for a in project.steps[0].actions if a.kind == "view"]
    assert set(first_views) <= {project.view or "training"}, "step 1 hides the view the lesson opens on"
    assert not [
        a for a in project.steps[0].actions if a.kind in ("run_epochs", "run_steps", "reset", "series", "pretrain")
    ], "step 1 is shown as the lesson opens: it must not train before the teacher asks"
    assert any(a.kind in ("run_epochs", "run_steps", "series") for step in project.steps for a in step.actions)


def test_the_stride_step_states_the_size_the_editor_infers():
    from core.network.graph import infer

    project = load_project(LESSONS / "stride_padding.json")
    (stride,) = [a for step in project.steps for a in step.actions if a.kind == "set"]
    owner, name = stride.target.split(".")
    project.graph.nodes[owner].params[name] = stride.value
    assert infer(project.graph).shapes[owner] == (8, 6, 6)


@pytest.mark.parametrize(
    "path",
    [p for p in guided() if any(a.kind in ("set", "series") for s in load_project(p).steps for a in s.actions)],
    ids=lambda p: p.stem,
)
def test_after_each_steps_edits_the_network_still_fits_its_data(path):
    """A step that changes the data or the network leaves a network that can train on that data
    (the guide does not fit the network to new data as the dataset panel does: the step must)."""
    from core.data.catalog import load_dataset
    from core.network.bypass import bypassed
    from core.network.fit import data_problems
    from core.network.graph import infer

    project = load_project(path)
    changes = []  # each step's edits, and each run of a series' (set before that run)
    for number, step in enumerate(project.steps, 1):
        changes.append((f"step {number}", [a for a in step.actions if a.kind == "set"]))
        for action in (a for a in step.actions if a.kind == "series"):
            changes += [(f"step {number}, run {i + 1}", list(entry)) for i, entry in enumerate(action.target)]
    for number, sets in changes:
        graph = project.graph  # a series' run that takes layers out trains a copy without them
        for action in sets:
            if action.kind == "bypass":
                graph = bypassed(project.graph, action.value)
                continue
            owner, name = action.target.split(".")
            if owner == "training":
                project.training = project.training.replace(**{name: action.value})
            elif owner == "dataset":
                project.dataset_params[name] = action.value
            else:
                project.graph.nodes[owner].params[name] = action.value
        if sets:
            inference = infer(graph)
            assert inference.ok, f"{number}: {inference.problems}"
            data = load_dataset(project.dataset, project.dataset_params)
            problems = data_problems(graph, inference, data, project.training)
            assert not problems, f"{number}: {[str(p) for p in problems]}"
