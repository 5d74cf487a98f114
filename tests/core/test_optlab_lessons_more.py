"""The lab lessons on the learning rate's edge (course §8.3.1) and on conjugate gradients against
steepest descent (§8.6.2): each lesson's race shows what its explanation claims."""

import numpy as np
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
