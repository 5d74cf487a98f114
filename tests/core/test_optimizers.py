"""The optimiser catalogue: torch.optim made from typed settings, one validation path, and the
same optimiser for training and the lab."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from core.optimizers import OPTIMIZERS, TRAINABLE, optimizer
from core.optlab import Common, Racer, RacerSpec, make_surface
from core.train.trainer import make_optimizer
from core.train_config import TRAIN_PARAMS, TrainConfig

ROOT = Path(__file__).resolve().parents[2]


def other_value(param):
    """A valid value of `param` that is not its default, so passing it through shows."""
    if param.type == "choice":
        return next(c for c in param.choices if c != param.default)
    if param.type == "int":
        return param.default + 1
    return param.default / 2 if param.default else 0.1


@pytest.mark.parametrize("name", TRAINABLE)
def test_make_returns_the_named_torch_class_with_the_settings(name):
    spec = optimizer(name)
    settings = {p.name: other_value(p) for p in spec.settings}
    made = spec.make([torch.zeros(3, requires_grad=True)], settings)
    assert type(made) is getattr(torch.optim, spec.torch_class)
    group = made.param_groups[0]
    for setting, value in settings.items():
        if setting.startswith("beta"):
            assert group["betas"][int(setting[-1]) - 1] == value
        else:
            assert group[setting] == (None if value == "none" else value), setting
    assert all(group[key] == value for key, value in spec.fixed)


@pytest.mark.parametrize(
    "name, settings, message",
    [
        ("adam", {"lr": -1}, "optimizer adam: 'lr' must be at least 1e-07, not -1"),
        ("momentum", {"momentum": 1.5}, "optimizer momentum: 'momentum' must be at most 0.9999, not 1.5"),
        ("sgd", {"beta1": 0.9}, "optimizer sgd: unknown parameter 'beta1' (known: lr, weight_decay)"),
        ("rmsprop", {"alpha": "high"}, "optimizer rmsprop: 'alpha' must be a number, not 'high'"),
        ("lbfgs", {"history_size": 2.5}, "optimizer lbfgs: 'history_size' must be a whole number, not 2.5"),
        ("lbfgs", {"line_search_fn": "armijo"}, "optimizer lbfgs: 'line_search_fn' must be one of strong_wolfe"),
        ("cg", {"beta": "hestenes"}, "optimizer cg: 'beta' must be one of polak-ribiere, fletcher-reeves"),
    ],
)
def test_bad_settings_name_the_optimiser_and_the_setting(name, settings, message):
    with pytest.raises(ValueError) as error:
        optimizer(name).validate(settings)
    assert message in str(error.value)
    if optimizer(name).trainable:
        with pytest.raises(ValueError, match="optimizer " + name):
            optimizer(name).make([torch.zeros(2, requires_grad=True)], settings)


def test_unknown_and_lab_only_optimisers_are_refused():
    with pytest.raises(ValueError, match="unknown optimizer 'adamm'; choose one of: sgd, momentum"):
        optimizer("adamm")
    with pytest.raises(ValueError, match="newton is a lab-only method"):
        optimizer("newton").make([torch.zeros(2, requires_grad=True)])


def test_training_offers_every_torch_optimiser_and_no_lab_method():
    choices = next(p for p in TRAIN_PARAMS if p.name == "optimizer").choices
    assert choices == TRAINABLE == ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "lbfgs")
    assert {name for name in OPTIMIZERS if name not in TRAINABLE} == {"newton", "cg"}


def test_each_optimiser_says_which_training_settings_it_uses():
    uses = {name: OPTIMIZERS[name].training for name in TRAINABLE}
    assert uses["momentum"] == uses["nesterov"] == ("lr", "momentum")
    assert uses["adamw"] == ("lr", "weight_decay")
    assert uses["sgd"] == uses["adam"] == uses["lbfgs"] == ("lr",)
    training = {p.name: p for p in TRAIN_PARAMS}
    for name in TRAINABLE:  # any value a project may hold is one the optimiser accepts
        own = {p.name: p for p in OPTIMIZERS[name].settings}
        for setting in uses[name]:
            assert own[setting].min <= training[setting].min and training[setting].max <= own[setting].max


# training as it was before the catalogue, written out: project files must train exactly as then
BEFORE = {
    "sgd": lambda p, c: torch.optim.SGD(p, lr=c.lr),
    "momentum": lambda p, c: torch.optim.SGD(p, lr=c.lr, momentum=c.momentum),
    "nesterov": lambda p, c: torch.optim.SGD(p, lr=c.lr, momentum=c.momentum, nesterov=True),
    "adagrad": lambda p, c: torch.optim.Adagrad(p, lr=c.lr),
    "rmsprop": lambda p, c: torch.optim.RMSprop(p, lr=c.lr),
    "adam": lambda p, c: torch.optim.Adam(p, lr=c.lr),
    "adamw": lambda p, c: torch.optim.AdamW(p, lr=c.lr, weight_decay=c.weight_decay),
    "lbfgs": lambda p, c: torch.optim.LBFGS(p, lr=c.lr, max_iter=1, history_size=20),
}


def five_steps(model, optim, x, y):
    def closure():
        optim.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        return loss

    for _ in range(5):
        optim.step(closure)
    return [p.detach().clone() for p in model.parameters()]


@pytest.mark.parametrize("name", TRAINABLE)
def test_training_makes_the_optimiser_it_always_made(name):
    config = TrainConfig(optimizer=name, lr=0.03, momentum=0.7, weight_decay=0.05)  # adam ignores weight_decay
    torch.manual_seed(0)
    x, y, model = torch.randn(16, 3), torch.randn(16, 2), torch.nn.Linear(3, 2)
    twin = torch.nn.Linear(3, 2)
    twin.load_state_dict(model.state_dict())
    made = make_optimizer(name, model.parameters(), config)
    before = BEFORE[name](twin.parameters(), config)
    assert type(made) is type(before) and made.defaults == before.defaults
    for ours, theirs in zip(five_steps(model, made, x, y), five_steps(twin, before, x, y), strict=True):
        assert torch.equal(ours, theirs)


@pytest.mark.parametrize("name", TRAINABLE)
def test_the_lab_races_the_optimiser_training_uses(name):
    config = TrainConfig(optimizer=name, lr=0.002, momentum=0.8, weight_decay=0.05)
    surface, start = make_surface("rosenbrock"), (-1.5, 2.0)
    racer = Racer(RacerSpec(name, optimizer(name).training_settings(config.to_dict())), surface, start)
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    trained = make_optimizer(name, [p], config)
    assert trained.defaults == racer.optimizer.defaults

    def closure():
        trained.zero_grad()
        loss = surface(p)
        loss.backward()
        return loss

    points = [start]
    for _ in range(5):
        racer.step(Common())
        trained.step(closure)
        points.append(tuple(p.detach().tolist()))
    assert np.array_equal(racer.points, np.array(points))
    assert not np.array_equal(racer.points[0], racer.points[5])


def test_lab_defaults_suit_the_surface_and_yield_to_chosen_settings():
    quadratic = make_surface("quadratic")
    assert optimizer("sgd").defaults(quadratic)["lr"] == quadratic.gd_lr
    assert optimizer("adam").defaults(quadratic)["lr"] == quadratic.step_lr
    assert optimizer("lbfgs").defaults(quadratic)["lr"] == 1.0  # "newton" rates: 1 is the full step
    assert optimizer("adam").defaults()["lr"] == 0.01
    assert optimizer("adam").validate({"lr": 0.3}, quadratic)["lr"] == 0.3
    assert optimizer("cg").validate({"restart": 2.0}) == {"beta": "polak-ribiere", "restart": 2}


def test_reading_the_catalogue_does_not_import_torch():
    code = "import sys, core.optimizers, core.train_config; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
