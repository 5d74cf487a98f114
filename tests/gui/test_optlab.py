"""The optimizer lab: its racers against torch.optim and the course's algorithms, the lessons' claims,
the `lab` verb, and the lab view driven by real mouse clicks."""

import json

import numpy as np
import pytest
import torch

from core.cli.main import main as cli
from core.optlab import Common, Race, RacerSpec, make_surface
from core.optlab.lessons import LAB_LESSONS, find_lesson, lab_lessons, load_lesson
from core.optlab.methods import ConjugateGradient, Newton, gradient

TORCH_CASES = [  # our optimiser name and settings, then the torch.optim class and arguments written out by hand
    ("sgd", {"lr": 0.001}, torch.optim.SGD, {"lr": 0.001}),
    ("momentum", {"lr": 0.0005, "momentum": 0.8}, torch.optim.SGD, {"lr": 0.0005, "momentum": 0.8}),
    ("nesterov", {"lr": 0.0005}, torch.optim.SGD, {"lr": 0.0005, "momentum": 0.9, "nesterov": True}),
    ("adagrad", {"lr": 0.3}, torch.optim.Adagrad, {"lr": 0.3, "eps": 1e-10}),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9}, torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9}),
    ("adam", {"lr": 0.05, "beta1": 0.8}, torch.optim.Adam, {"lr": 0.05, "betas": (0.8, 0.999)}),
    ("adamw", {"lr": 0.05, "weight_decay": 0.1}, torch.optim.AdamW, {"lr": 0.05, "weight_decay": 0.1}),
    (
        "lbfgs",
        {},
        torch.optim.LBFGS,
        {"lr": 1, "max_iter": 1, "max_eval": 25, "history_size": 10, "line_search_fn": "strong_wolfe"},
    ),
]


def plain_torch_path(surface, start, cls, kwargs, steps):
    """The textbook loop: zero_grad, loss, backward, step."""
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = cls([p], **kwargs)

    def closure():
        opt.zero_grad()
        loss = surface(p)
        loss.backward()
        return loss

    path = [p.detach().clone().numpy()]
    for _ in range(steps):
        opt.step(closure)
        path.append(p.detach().clone().numpy())
    return np.array(path)


@pytest.mark.parametrize("name, settings, cls, kwargs", TORCH_CASES, ids=[c[0] for c in TORCH_CASES])
def test_torch_racers_follow_torch_optim_exactly(name, settings, cls, kwargs):
    surface = make_surface("rosenbrock")
    race = Race(surface, [RacerSpec(name, settings)], start=(-1.5, 2.0))
    race.step(40)
    expected = plain_torch_path(surface, [-1.5, 2.0], cls, kwargs, 40)
    assert np.array_equal(race.racers[0].points, expected)  # bit for bit


def test_newton_lands_on_a_quadratics_minimum_in_one_step():
    race = Race(make_surface("quadratic", condition=100), [RacerSpec("newton")], start=(-9.0, 3.0))
    race.step(1)
    assert np.abs(race.racers[0].points[1]).max() < 1e-12
    # an n-dimensional quadratic with a full Hessian: one step solves H x = -b
    gen = torch.Generator().manual_seed(0)
    a = torch.randn(6, 6, generator=gen, dtype=torch.float64)
    h, b = a @ a.T + 6 * torch.eye(6, dtype=torch.float64), torch.randn(6, generator=gen, dtype=torch.float64)
    f = lambda x: 0.5 * x @ h @ x + b @ x
    x1 = Newton().step(f, torch.zeros(6, dtype=torch.float64))
    assert torch.allclose(x1, torch.linalg.solve(h, -b), atol=1e-12)


def test_conjugate_gradient_solves_a_2d_quadratic_in_two_steps():
    race = Race(make_surface("quadratic", condition=100), [RacerSpec("cg")], start=(-9.0, 3.0))
    race.step(2)
    first, second = race.racers[0].points[1:3]
    assert np.abs(first).max() > 0.1  # one line search is not enough in a ravine ...
    assert np.abs(second).max() < 1e-8  # ... two are, as the course says for k = 2


def test_conjugate_gradient_against_steepest_descent_in_10_d():
    """Lesson 22: steepest descent's consecutive directions are orthogonal; CG's residual is < 1e-8 in 10 steps."""
    gen = torch.Generator().manual_seed(1)
    q, _ = torch.linalg.qr(torch.randn(10, 10, generator=gen, dtype=torch.float64))
    # condition 100, eigenvalues evenly spread (a log-spread spectrum leaves ~3e-8 after 10 steps, 1e-12 after 11:
    # in floating point CG's directions slowly lose conjugacy)
    h = q @ torch.diag(torch.linspace(1, 100, 10, dtype=torch.float64)) @ q.T
    h = (h + h.T) / 2
    b = torch.randn(10, generator=gen, dtype=torch.float64)
    f = lambda x: 0.5 * x @ h @ x - b @ x
    x, cg = torch.zeros(10, dtype=torch.float64), ConjugateGradient()
    for _ in range(10):
        x = cg.step(f, x)
    assert (h @ x - b).norm() < 1e-8
    x, steepest, grads = torch.zeros(10, dtype=torch.float64), ConjugateGradient(restart=1), []
    for _ in range(6):
        grads.append(gradient(f, x))
        x = steepest.step(f, x)
    for g0, g1 in zip(grads, grads[1:], strict=False):
        assert abs(g0 @ g1) < 1e-8 * g0.norm() * g1.norm()
    assert (h @ x - b).norm() > 1e-3  # while steepest descent still zig-zags


def test_common_options_apply_live_and_noise_is_seeded():
    surface = make_surface("rosenbrock")
    noisy = lambda: Race(surface, [RacerSpec("sgd")], common=Common(noise=0.5, seed=3))
    a, b = noisy(), noisy()
    a.step(5)
    b.step(5)
    assert np.array_equal(a.racers[0].points, b.racers[0].points)
    quiet = Race(surface, [RacerSpec("sgd")])
    quiet.step(5)
    assert not np.array_equal(a.racers[0].points, quiet.racers[0].points)
    race = Race(surface, [RacerSpec("sgd", {"lr": 0.001})])
    race.step(1)
    race.common.lr_scale = 0.0  # a live change: the next step does not move
    race.step(1)
    assert np.array_equal(race.racers[0].points[1], race.racers[0].points[2])


def settle_step(losses, tol=1e-6):
    """The step after which the loss stays below tol."""
    above = np.nonzero(losses >= tol)[0]
    return above[-1] + 1 if len(above) else 0


def test_lesson_momentum_ravine():
    """Lessons 17 and 18: momentum 0.9 settles ≥ 3× sooner than SGD; SGD converges below lr 2/λmax, not above."""
    lesson = find_lesson("momentum_ravine")
    race = lesson.race()
    race.racers = [r for r in race.racers if r.label in ("SGD", "momentum 0.9")]
    race.step(lesson.steps)
    sgd, heavy = (settle_step(r.losses) for r in race.racers)
    assert sgd <= lesson.steps and sgd >= 3 * heavy, (sgd, heavy)  # measured 872 and 190
    for scale, converges in ((1.99, True), (2.01, False)):  # λmax = 100, lr 0.01: 2/λmax is a scale of 2
        race = Race(race.surface, [RacerSpec("sgd", {"lr": 0.01})], lesson.start, Common(lr_scale=scale))
        race.step(400)
        assert (race.racers[0].losses[-1] < race.racers[0].losses[0] * 1e-3) == converges


def test_lesson_saddle_escape():
    lesson = find_lesson("saddle_escape")
    race = lesson.race()
    race.step(lesson.steps)
    escaped = [int(np.argmax(np.abs(r.points[:, 1]) > 1)) for r in race.racers]
    assert all(step > 0 for step in escaped)
    assert escaped[1] < escaped[0]  # momentum leaves first (measured 28 and 75 steps)
    race.common.noise = 0.0
    race.reset()
    race.step(lesson.steps)
    sgd = race.racers[0]
    assert (sgd.points[:, 1] == 0).all() and np.abs(sgd.points[-1]).max() < 1e-4  # stuck at the saddle


def test_lesson_newton_saddle():
    lesson = find_lesson("newton_saddle")
    race = lesson.race()
    race.step(lesson.steps)
    newton, descent = race.racers
    assert np.abs(newton.points[1:]).max() < 1e-12  # on (0, 0) after one step, and it stays
    assert (np.diff(np.abs(descent.points[:, 1])) > 0).all()  # |y| grows at every step
    assert abs(descent.points[-1, 0]) < 0.05


def test_lesson_cliff_clipping():
    lesson = find_lesson("cliff_clipping")
    race = lesson.race()
    race.step(lesson.steps)
    free, clipped = (np.linalg.norm(np.diff(r.points, axis=0), axis=1) for r in race.racers)
    lr, c = race.racers[1].settings["lr"], race.racers[1].spec.clip
    assert clipped.max() <= lr * c  # exactly: no clipped step is longer
    assert free.max() > 10 * np.median(free)  # measured 8.1 against a median of 0.03
    x_landed = race.racers[0].points[np.argmax(free) + 1, 0]
    assert x_landed > race.surface.minima[0][0] + 2  # catapulted past the minimum


def test_lesson_adam_versus_sgd_on_rosenbrock():
    lesson = find_lesson("adam_vs_sgd_rosenbrock")
    race = lesson.race()
    sgd, adam, adagrad, rmsprop = race.racers
    g = gradient(race.surface, torch.tensor(race.start, dtype=torch.float64)).numpy()
    race.step(1)
    first = adam.points[1] - adam.points[0]
    assert np.allclose(first, -adam.settings["lr"] * np.sign(g), rtol=1e-9, atol=0)
    rates = {adagrad: [], rmsprop: []}
    for _ in range(lesson.steps - 1):
        race.step()
        for racer, key in ((adagrad, "sum"), (rmsprop, "square_avg")):
            state = racer.optimizer.state[racer.p]
            rates[racer].append(racer.settings["lr"] / (state[key].sqrt().numpy() + racer.settings["eps"]))
    ada, rms = np.array(rates[adagrad]), np.array(rates[rmsprop])
    assert (np.diff(ada, axis=0) <= 0).all()  # AdaGrad's effective rates never rise
    assert (rms[-1] > 5 * rms.min(axis=0)).all()  # RMSProp's recover (measured 7–8×)
    assert adam.losses[-1] < sgd.losses[-1] / 100  # measured 0.0019 against 4.2


def test_every_lab_lesson_loads_and_explains_itself(tmp_path):
    lessons = lab_lessons()
    assert {lesson.name for lesson in lessons} >= {
        "momentum_ravine",
        "saddle_escape",
        "cliff_clipping",
        "adam_vs_sgd_rosenbrock",
        "newton_saddle",
    }
    assert all(lesson.title and len(lesson.explanation) > 150 for lesson in lessons)
    raw = json.loads((LAB_LESSONS / "cliff_clipping.json").read_text())
    raw["racers"][0]["optimizer"] = "adamm"
    (tmp_path / "bad.json").write_text(json.dumps(raw))
    with pytest.raises(ValueError, match="bad.json: unknown optimizer 'adamm'"):
        load_lesson(tmp_path / "bad.json")


def test_lab_verb_writes_trajectories_and_a_picture(tmp_path, capsys):
    from main import main

    args = ["lab", "--function", "rosenbrock", "--optimizers", "sgd,momentum,adam", "--start", "-1.5,2"]
    assert main([*args, "--steps", "30", "--out", str(tmp_path)]) == 0
    assert "wrote 01-sgd.csv, 02-momentum.csv, 03-adam.csv, race.json, race.png" in capsys.readouterr().out
    rows = (tmp_path / "02-momentum.csv").read_text().splitlines()
    assert rows[0] == "step,x,y,loss" and len(rows) == 32 and rows[1].startswith("0,-1.5,2.0,")
    record = json.loads((tmp_path / "race.json").read_text())
    assert [r["optimizer"] for r in record["racers"]] == ["sgd", "momentum", "adam"]
    race = Race(make_surface("rosenbrock"), [RacerSpec("adam")], start=(-1.5, 2.0))
    race.step(30)
    assert np.array_equal(np.array(record["racers"][2]["points"]), race.racers[0].points)
    picture = (tmp_path / "race.png").read_bytes()
    assert picture.startswith(b"\x89PNG") and len(picture) > 20_000


def test_lab_verb_has_help(capsys):
    from main import main

    with pytest.raises(SystemExit) as stop:
        main(["lab", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "usage: python main.py lab" in out and "rosenbrock" in out and "lbfgs" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--function", "rosenbruck"], "unknown function 'rosenbruck'; choose one of: quadratic"),
        (["--optimizers", "sgd,adamm"], "unknown optimizer 'adamm'"),
        (["--start", "1,2,3"], "--start must be two numbers X,Y"),
        (["--optimizers", "adam:lr=-1"], "optimizer adam: 'lr' must be at least"),
        (["--lesson", "nope"], "no lab lesson 'nope'; there are: adam_vs_sgd_rosenbrock"),
    ],
)
def test_lab_verb_explains_bad_arguments(tmp_path, capsys, args, message):
    assert cli(["lab", *args, "--out", str(tmp_path)]) == 1
    assert message in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


# -- the view ------------------------------------------------------------------------------------


@pytest.fixture
def lab(qtbot):
    from gui.views.optlab.lab import OptimizerLab

    view = OptimizerLab()
    view.play(False)  # its demo race would run on its own
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.play(False)


def test_clicking_the_map_sets_the_start(lab, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    lab.step(3)
    plot = lab.surface_plot
    QTest.mouseClick(
        plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, plot.view_point(0.5, -0.5)
    )
    assert lab.race.start == pytest.approx((0.5, -0.5), abs=0.03)
    assert lab.race.step_count == 0
    assert all(len(r.points) == 1 for r in lab.race.racers)
    assert plot.start.data["x"][0] == pytest.approx(lab.race.start[0])


def test_adding_an_optimizer_adds_a_trajectory(lab, qtbot):
    from PySide6.QtCore import Qt

    before = len(lab.surface_plot.paths)
    lab.panel.chooser.setCurrentIndex(lab.panel.chooser.findData("cg"))
    qtbot.mouseClick(lab.panel.add_button, Qt.MouseButton.LeftButton)
    assert len(lab.surface_plot.paths) == len(lab.loss_plot.curves) == before + 1
    assert lab.surface_plot.paths[-1] in lab.surface_plot.getPlotItem().items
    assert lab.race.racers[-1].spec.optimizer == "cg"
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    x, y = lab.surface_plot.paths[-1].getData()
    assert len(x) == 2 and (x[1], y[1]) == tuple(lab.race.racers[-1].points[1])
    qtbot.mouseClick(lab.panel.remove_button, Qt.MouseButton.LeftButton)  # the new racer is selected
    assert len(lab.surface_plot.paths) == before


def test_step_and_play_advance_every_racer(lab, qtbot):
    from PySide6.QtCore import Qt

    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert lab.race.step_count == 1 and lab.step_label.text() == "step 1"
    qtbot.mouseClick(lab.play_button, Qt.MouseButton.LeftButton)
    assert lab.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: lab.race.step_count >= 10, timeout=10_000)
    qtbot.mouseClick(lab.play_button, Qt.MouseButton.LeftButton)
    assert not lab.busy()
    steps = lab.race.step_count
    for item, racer in zip(lab.surface_plot.paths, lab.race.racers, strict=True):
        assert len(item.getData()[0]) == len(racer.points) == steps + 1
    qtbot.mouseClick(lab.reset_button, Qt.MouseButton.LeftButton)
    assert lab.race.step_count == 0


def test_lessons_load_from_the_chooser_and_options_apply_live(lab, qtbot):
    lab.lesson.setCurrentIndex(lab.lesson.findData("cliff_clipping"))
    lab.play(False)
    assert lab.function.currentData() == "cliff"
    assert [r.label for r in lab.race.racers] == ["SGD, unclipped", "SGD, clipped at 1"]
    assert "clipped" in lab.lesson_text.text() and "SGD, unclipped" in lab.legend.text()
    lab.step(2)
    lab.lr_scale.setValue(10)  # ×10, live: the race goes on
    assert lab.race.common.lr_scale == pytest.approx(10.0) and lab.race.step_count == 2
    lab.clip.setValue(0.5)
    assert lab.race.common.clip == 0.5
    lab.function.setCurrentIndex(lab.function.findData("quadratic"))
    assert lab.race.surface.name == "quadratic" and lab.condition.isEnabled()
    lab.condition.setValue(50)
    assert lab.race.surface.params == {"condition": 50.0}


def test_hiding_the_lab_pauses_the_race_and_showing_it_plays_on(lab, qtbot):
    lab.play(True)
    lab.hide()
    assert not lab.busy() and lab.play_button.text() == "Play"
    lab.show()
    assert lab.busy() and lab.play_button.text() == "Pause"
    lab.play(False)  # paused by the user: it stays paused through a hide and a show
    lab.hide()
    lab.show()
    assert not lab.busy()


def test_a_racers_rate_can_fall_as_the_course_schedules_it(lab, qtbot):
    from PySide6.QtWidgets import QSpinBox

    lab.panel.list.setCurrentRow(0)
    form = lab.panel.form
    labels = [form.itemAt(row, form.ItemRole.LabelRole).widget().text() for row in range(form.rowCount())]
    decay = form.itemAt(labels.index("lr to 1% by step"), form.ItemRole.FieldRole).widget()
    assert isinstance(decay, QSpinBox) and decay.text() == "never"
    decay.setValue(50)
    racer = lab.race.racers[0]
    assert racer.spec.decay_steps == 50 and "lr to 1% by step 50" in lab.panel.list.item(0).text()
    lab.race.reset()
    lab.step(60)
    lr = racer.settings["lr"] * lab.race.common.lr_scale
    assert racer.optimizer.param_groups[0]["lr"] == pytest.approx(0.01 * lr)  # after step 50: 1% of it
