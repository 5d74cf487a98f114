"""Universal approximation: the 1-D function dataset, the probe that draws the fit and each hidden
unit's share of it, and the claim of assets/lessons/universal_approximation.json."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.data.catalog import load_dataset
from core.data.toys import FUNCTIONS
from core.probes.approximation import MAX_UNITS, approximation, one_hidden_layer
from core.project import load_project
from core.train.trainer import Trainer

LESSON = LESSONS / "universal_approximation.json"


def trained(project, steps: int = 30) -> Trainer:
    trainer = Trainer(project)
    for _ in range(steps):
        trainer.step()
    return trainer


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_the_function_dataset_holds_points_of_the_chosen_function(name):
    data = load_dataset("function", {"function": name, "noise": 0.0, "n_samples": 50})
    assert data.input_shape == (1,) and data.num_classes == 0 and len(data.x_train) + len(data.x_test) == 50
    x = np.concatenate([data.x_train, data.x_test])[:, 0]
    y = np.concatenate([data.y_train, data.y_test])
    assert x.min() >= -1 and x.max() <= 1
    assert np.allclose(y, FUNCTIONS[name](x.astype(np.float64)), atol=1e-6)
    noisy = load_dataset("function", {"function": name, "noise": 0.1, "n_samples": 2000})
    residual = noisy.y_train - FUNCTIONS[name](noisy.x_train[:, 0].astype(np.float64))
    assert 0.09 < residual.std() < 0.11


def test_an_unknown_function_is_refused_with_a_message():
    with pytest.raises(ValueError, match="function"):
        load_dataset("function", {"function": "tan"})


def test_the_units_shares_plus_the_output_bias_are_the_models_output():
    project = load_project(LESSON)
    trainer = trained(project)
    picture = approximation(trainer)
    assert picture.hidden == "hidden" and picture.activation == "Tanh" and picture.units == 16
    assert picture.contributions.shape == (16, len(picture.xs))
    own = trainer.predict(torch.as_tensor(picture.xs[:, None]))[:, 0].numpy()
    assert np.allclose(picture.fit, own, atol=1e-6)
    assert np.allclose(picture.contributions.sum(0) + picture.bias, own, atol=1e-5)
    assert picture.bias == pytest.approx(float(trainer.model.layer("fc").bias.detach()[0]))
    assert picture.xs.min() <= trainer.data.x_train.min() and picture.xs.max() >= trainer.data.x_train.max()
    assert picture.test_mse == pytest.approx(trainer.evaluate()["test_loss"], rel=1e-5)
    assert picture.train_mse == pytest.approx(trainer.evaluate()["train_loss"], rel=1e-5)


def test_wide_layers_send_the_first_units_and_still_say_how_many():
    project = load_project(LESSON)
    project.graph.set_param("hidden", "out_features", MAX_UNITS + 6)
    picture = approximation(trained(project, 2))
    assert picture.units == MAX_UNITS + 6 and len(picture.contributions) == MAX_UNITS


def test_another_shape_of_network_gets_the_fit_and_no_shares():
    project = load_project(LESSON)
    graph = project.graph
    graph.add_node("Linear", "second", {"out_features": 8})
    graph.add_node("Tanh", "act2")
    graph.remove_edge(next(e for e in graph.edges if (e.src, e.dst) == ("act", "fc")))
    graph.add_edge("act", "second")
    graph.add_edge("second", "act2")
    graph.add_edge("act2", "fc")
    trainer = trained(project, 3)
    assert one_hidden_layer(graph, trainer.model) is None
    picture = approximation(trainer)
    assert picture.hidden == "" and picture.contributions.shape == (0, len(picture.xs))
    assert np.allclose(picture.fit, trainer.predict(torch.as_tensor(picture.xs[:, None]))[:, 0].numpy())


def test_other_data_gets_a_message_not_a_picture():
    project = load_project(LESSONS / "rare_minima.json")
    with pytest.raises(ValueError, match="A function of x"):
        approximation(Trainer(project))
    with pytest.raises(ValueError, match="n_samples"):
        load_dataset("function", {"n_samples": 5})


def _test_mse(width: int, seed: int, activation: str = "Tanh") -> float:
    project = load_project(LESSON)
    project.graph.set_param("hidden", "out_features", width)
    project.graph.nodes["act"].kind = activation
    project.training = project.training.replace(seed=seed)
    trainer = Trainer(project)
    while trainer.epoch < trainer.config.epochs:
        trainer.step()
    return round(trainer.evaluate()["test_loss"], 4)


@pytest.mark.parametrize(("width", "low", "high"), [(2, 0.2084, 0.2339), (4, 0.0153, 0.0458), (16, 0.0053, 0.008)])
def test_the_lesson_claim_with_the_seeds_it_names(width, low, high):
    """500 epochs, Adam lr 0.02, batch 32, seeds 0–2, as universal_approximation.json states."""
    found = [_test_mse(width, seed) for seed in range(3)]
    assert (min(found), max(found)) == (low, high)


def test_the_relu_figure_the_lesson_states():
    """The same 500 epochs with 16 ReLU units instead of tanh, seeds 0–2."""
    found = [_test_mse(16, seed, "ReLU") for seed in range(3)]
    assert (min(found), max(found)) == (0.0311, 0.1574)


def _trained_on(function: str, seed: int) -> Trainer:
    project = load_project(LESSON)
    project.dataset_params = {**project.dataset_params, "function": function}
    project.training = project.training.replace(seed=seed)
    trainer = Trainer(project)
    while trainer.epoch < trainer.config.epochs:
        trainer.step()
    return trainer


def test_the_step_is_missed_at_its_jump_as_the_lesson_says():
    """16 tanh units on the step, seeds 0–2: test MSE 0.041–0.047, the worst training point near x = 0."""
    found = []
    for seed in range(3):
        trainer = _trained_on("step", seed)
        found.append(round(trainer.evaluate()["test_loss"], 4))
        errors = (trainer.predict(trainer.x_train)[:, 0] - trainer.y_train) ** 2
        assert abs(float(trainer.x_train[int(errors.argmax()), 0])) < 0.03
    assert (min(found), max(found)) == (0.0408, 0.0465)


def test_the_other_functions_are_fitted_closer_than_the_step():
    found = [
        round(_trained_on(f, seed).evaluate()["test_loss"], 4) for f in ("abs", "bump", "cubic") for seed in range(3)
    ]
    assert (min(found), max(found)) == (0.0024, 0.0054)
