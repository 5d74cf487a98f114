"""The lab lessons on the learning rate's edge (course §8.3.1) and on conjugate gradients against
steepest descent (§8.6.2): each lesson's race shows what its explanation claims."""

import numpy as np
import pytest
import torch

from core.optlab.lessons import find_lesson, lab_lessons


def test_learning_rate_stability_converges_below_2_over_lambda_max_and_diverges_above():
    lesson = find_lesson("learning_rate_stability")
    race = lesson.race()
    hessian = torch.autograd.functional.hessian(race.surface, torch.zeros(2, dtype=torch.float64))
    edge = 2 / float(torch.linalg.eigvalsh(hessian).max())
    assert abs(edge - 0.02) < 1e-12 and "2/λmax = 0.02" in lesson.explanation
    race.step(lesson.steps)
    small, below, above = race.racers
    assert small.settings["lr"] < below.settings["lr"] < edge < above.settings["lr"] < 1.15 * edge
    assert below.losses[-1] < 1e-6  # measured 1.9e-7 after 500 steps
    assert below.losses[-1] < small.losses[-1] / 100  # zig-zagging, yet first (measured 1.7e-3 for 1/λmax)
    assert above.losses.max() > 1e6 * above.losses[0] and above.stopped  # measured 5.7e13 from 690
    assert np.all(np.diff(np.abs(above.points[:, 1])) > 0)  # every swing across the ravine is wider


def test_conjugate_gradients_arrive_in_two_steps_while_steepest_descent_zig_zags():
    lesson = find_lesson("cg_vs_steepest_descent")
    race = lesson.race()
    race.step(lesson.steps)
    steepest, conjugate = race.racers
    assert np.linalg.norm(conjugate.points[2]) < 1e-8  # the minimum is (0, 0): two line searches
    moves = np.diff(steepest.points, axis=0)
    moves = moves[np.linalg.norm(moves, axis=1) > 1e-9]
    cosines = np.sum(moves[1:] * moves[:-1], axis=1) / np.prod(np.linalg.norm([moves[1:], moves[:-1]], axis=2), 0)
    assert len(cosines) > 20 and np.abs(cosines).max() < 1e-6  # every turn a right angle
    race.step(150 - lesson.steps)
    needed = int(np.argmax(np.linalg.norm(steepest.points, axis=1) < 1e-8))
    assert needed >= 90, needed  # measured 102 line searches against conjugate gradients' 2


def test_both_lessons_come_after_the_first_five_in_the_chooser():
    names = [lesson.name for lesson in lab_lessons()]
    assert names.index("learning_rate_stability") >= 5 and names.index("cg_vs_steepest_descent") >= 5


def test_the_lab_schedule_is_the_courses_linear_decay_to_one_percent():
    from core.optlab.race import decayed

    assert decayed(0, 200) == 1.0 and decayed(100, 200) == pytest.approx(0.505)
    assert decayed(200, 200) == pytest.approx(0.01) == decayed(5000, 200)  # constant after τ
    assert decayed(7, 0) == 1.0  # no schedule


def test_sgd_settles_at_the_minimum_only_with_a_falling_rate():
    """The claim of sgd_decaying_rate, over the noise seeds 0–9 its explanation names."""
    lesson = find_lesson("sgd_decaying_rate")
    assert "0.046–0.095" in lesson.explanation and "0.0002–0.0069" in lesson.explanation
    finals = []
    for seed in range(10):
        race = lesson.race()
        race.common.seed = seed
        race.reset()
        race.step(lesson.steps)
        finals.append([float(np.mean(r.losses[-100:])) for r in race.racers])
    fast, slow, falling = np.array(finals).T
    assert race.racers[0].losses[0] == pytest.approx(85.5)
    assert 0.04 < fast.min() and fast.max() < 0.1  # measured 0.046–0.095: rattling round the minimum
    assert 19.5 < slow.min() and slow.max() < 21  # measured 20.0–20.3: steady, far from it
    assert falling.max() < 0.007 and np.all(falling < fast / 5)  # measured 0.0002–0.0069
    rates = [r.optimizer.param_groups[0]["lr"] for r in race.racers]
    assert rates == pytest.approx([0.1, 0.001, 0.001])  # the falling one ends at the slow one's rate
