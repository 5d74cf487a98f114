"""Rare minima (LESSONS #26): the random-matrix shares, and the network's Hessian against autograd's."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.probes.hessian import HessianProbe, curvature, positive_definite_share
from core.project import load_project
from core.train.trainer import Trainer


def test_random_symmetric_matrices_are_seldom_positive_definite():
    """The course's check: n = 1 about one half, n = 5 below one in a thousand."""
    rng = np.random.default_rng(0)
    shares = [positive_definite_share(n, 20_000, rng) for n in range(1, 6)]
    assert abs(shares[0] - 0.5) < 0.02 and shares[4] < 0.001
    assert all(later < earlier for earlier, later in zip(shares, shares[1:], strict=False))
    assert all(share < 0.5**n for n, share in enumerate(shares[1:], 2))  # faster than coin flips


def test_the_hessian_is_autograds_and_its_signs_are_counted():
    trainer = Trainer(load_project(LESSONS / "spiral_mlp.json"))
    for _ in range(50):
        trainer.step()
    found = curvature(trainer)
    model = trainer.model
    params = [p for p in model.parameters() if p.requires_grad]
    names = [n for n, p in model.named_parameters() if p.requires_grad]
    x, y = trainer.x_train[:1024].double(), trainer.y_train[:1024]

    def loss(*values):
        out = torch.func.functional_call(model, dict(zip(names, values, strict=True)), (x,))
        return trainer._loss(out, y)

    blocks = torch.autograd.functional.hessian(loss, tuple(p.detach().double() for p in params))
    sizes = [p.numel() for p in params]
    full = torch.cat(
        [
            torch.cat([b.reshape(si, sj) for b, sj in zip(row, sizes, strict=True)], 1)
            for row, si in zip(blocks, sizes, strict=True)
        ]
    )
    expected = torch.linalg.eigvalsh(full).numpy()
    assert found.params == sum(sizes) == len(found.eigenvalues)
    assert np.allclose(found.eigenvalues, expected, atol=1e-8 * np.abs(expected).max())
    assert found.negative + found.flat + found.positive == found.params
    assert found.negative == int((expected < -1e-6 * np.abs(expected).max()).sum())
    assert model.training and next(model.parameters()).dtype == torch.float32  # the model left as it was


def test_networks_it_cannot_curve_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="no slope"):
        HessianProbe(Trainer(load_project(LESSONS / "perceptron.json"))).compute()
    with pytest.raises(ValueError, match="at most 2,000"):
        HessianProbe(Trainer(load_project(LESSONS / "digits_cnn.json"))).compute()


def test_the_rare_minima_lesson_states_what_was_measured():
    """The lesson's figures: the view's sampled shares (seed 0, 20,000 matrices) and, over seeds 0–9,
    seven XOR networks at a minimum (100%, all 9 eigenvalues positive), seeds 0 and 2 stalled at a
    saddle (76.1%, one negative eigenvalue), seed 9 stalled with none negative."""
    from gui.views.minima import SAMPLES, SEED, SIZES

    project = load_project(LESSONS / "rare_minima.json")
    rng = np.random.default_rng(SEED)
    shares = [positive_definite_share(n, SAMPLES, rng) for n in SIZES]
    stated = ["49.8%", "14.5%", "2.71%", "0.24%", "0.005%"]
    assert [f"{100 * s:.3g}%" for s in shares[:5]] == stated and not any(shares[5:])
    assert all(text in project.description for text in stated) and "none for n = 6 to 8" in project.description
    outcomes = {}
    for seed in range(10):
        project.training = project.training.replace(seed=seed)
        trainer = Trainer(project)
        while trainer.epoch < trainer.config.epochs:
            trainer.step()
        found = curvature(trainer)
        outcomes[seed] = (round(100 * trainer.evaluate()["train_acc"], 1), found.negative, found.params)
    assert {s for s, o in outcomes.items() if o == (100.0, 0, 9)} == {1, 3, 4, 5, 6, 7, 8}
    assert outcomes[0] == outcomes[2] == (76.1, 1, 9) and outcomes[9] == (76.1, 0, 9)
