"""The transfer lesson's figures, measured the way its steps train: the first network on all ten
digits of the first half, then the digits 5–9 of the second half with 5 training images each, from
scratch and with the first network's fc1 imported, frozen for 10 epochs and fine-tuned for 10 more.
python -m pytest tests/core/test_transfer_lesson.py measures them again (seeds 0–2, about a minute)."""

from conftest import LESSONS

from core.project import load_project
from core.run.session import Session
from core.run.transfer import chosen_pairs, fresh_weights, import_weights, plan_import
from core.train.freezing import set_frozen

LESSON = LESSONS / "transfer_digits.json"


def train(session: Session, epochs: int) -> float:
    """Train `epochs` more epochs; the last epoch's test accuracy in percent, as the app shows it."""
    target = session.trainer.epoch + epochs
    while session.trainer.epoch < target:
        session.step()
    return round(100 * session.records[-1].test_acc, 1)


def new_task(seed: int):
    """The lesson's project after step 3's edits (the new task), both seeds set to `seed`."""
    project = load_project(LESSON)
    for action in (a for s in project.steps for a in s.actions if a.kind == "set"):
        owner, name = action.target.split(".")
        if owner == "dataset":
            project.dataset_params[name] = action.value
        else:
            project.graph.set_param(owner, name, action.value)
    project.dataset_params["seed"] = seed
    project.training = project.training.replace(seed=seed)
    return project


def measure(seed: int) -> dict[str, float]:
    first = load_project(LESSON)
    first.dataset_params["seed"] = seed
    first.training = first.training.replace(seed=seed)
    source = Session(first, device="cpu")
    figures = {"source": train(source, 20)}
    weights = {k: v.detach().numpy().copy() for k, v in source.trainer.model.state_dict().items()}
    scratch = Session(new_task(seed), device="cpu")
    figures["scratch 10"], figures["scratch 20"] = train(scratch, 10), train(scratch, 10)
    project = new_task(seed)
    project.graph.set_frozen("fc1", True)  # the step freezes fc1 before the imported model trains
    pairs = chosen_pairs(plan_import(project.graph, first.graph), {"fc1"})
    assert pairs == {"fc1": "fc1"}
    state = import_weights(fresh_weights(project), project.graph, first.graph, weights, pairs)
    transfer = Session(project, weights=state, device="cpu")
    imported = transfer.trainer.model.layer("fc1").weight.detach().clone()
    figures["head 10"] = train(transfer, 10)
    assert (transfer.trainer.model.layer("fc1").weight == imported).all()  # frozen: it did not move
    set_frozen(transfer.trainer, set())
    figures["fine-tuned 20"] = train(transfer, 10)
    assert not (transfer.trainer.model.layer("fc1").weight == imported).all()
    unfrozen = new_task(seed)
    state = import_weights(fresh_weights(unfrozen), unfrozen.graph, first.graph, weights, pairs)
    figures["unfrozen 20"] = train(Session(unfrozen, weights=state, device="cpu"), 20)
    assert len(transfer.trainer.data.y_train) == 25
    return figures


def test_the_lesson_states_what_seed_0_measures_and_the_ranges_of_seeds_0_to_2():
    runs = [measure(seed) for seed in range(3)]
    assert runs[0] == {
        "source": 94.4,
        "scratch 10": 89.1,
        "scratch 20": 89.8,
        "head 10": 92.6,
        "fine-tuned 20": 94.4,
        "unfrozen 20": 95.4,
    }
    spans = {name: (min(r[name] for r in runs), max(r[name] for r in runs)) for name in runs[0]}
    assert spans["scratch 20"] == (82.9, 90.5)
    assert spans["head 10"] == (90.9, 93.6)
    assert spans["fine-tuned 20"] == (91.8, 94.4)
    assert spans["unfrozen 20"] == (90.0, 95.5)
    assert all(r["head 10"] > r["scratch 20"] for r in runs)  # the borrowed layer alone beats scratch
    description = load_project(LESSON).description
    for figure in ("94.4%", "89.1%", "89.8%", "92.6%", "82.9–90.5%", "90.9–93.6%", "91.8–94.4%", "90.0–95.5%"):
        assert figure in description
