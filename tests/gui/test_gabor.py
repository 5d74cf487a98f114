"""Gabor functions and fits (course 004 §9.10): the fitter against known Gabors and noise, the
filters probe against the model, the two views against what they were given, and the lesson
whose first layer learns Gabor-like filters from photographs."""

import math

import numpy as np
import pytest
import torch
from conftest import LESSONS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.cli.main import main as cli
from core.network.graph import Graph
from core.network.modules import Sparsity
from core.probes.gabor import GaborParams, fit_gabor, gabor, gabor_share, pixel_grid
from core.probes.registry import ProbeFailed
from core.project import Project
from core.run.session import Session
from core.train_config import TrainConfig


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """Tiny networks: a second intra-op thread only spins against the other processes on 2 cores."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def random_gabor(rng: np.random.Generator, size: int) -> GaborParams:
    """A Gabor that shows at least one cycle inside a size×size kernel."""
    wavelength = rng.uniform(2.5, 0.9 * size)
    sigma_x = min(rng.uniform(0.45, 0.8) * wavelength, size / 2.5)
    sigma_y = min(rng.uniform(1.0, 2.0) * sigma_x, size / 1.5)
    return GaborParams(
        x0=rng.uniform(-1, 1),
        y0=rng.uniform(-1, 1),
        tau=rng.uniform(0, math.pi),
        f=2 * math.pi / wavelength,
        phi=rng.uniform(-math.pi, math.pi),
        sigma_x=sigma_x,
        sigma_y=sigma_y,
        alpha=rng.uniform(0.5, 2.0),
        offset=rng.uniform(-0.2, 0.2),
    )


def orientation_error(a: float, b: float) -> float:
    """Degrees between two orientations; τ and τ + 180° are the same stripes."""
    return math.degrees(abs((a - b + math.pi / 2) % math.pi - math.pi / 2))


# ---- the Gabor function and its fit ------------------------------------------------------------


def test_the_function_is_the_course_equation():
    p = GaborParams(x0=0.7, y0=-0.4, tau=0.5, f=1.1, phi=0.3, sigma_x=1.5, sigma_y=2.5, alpha=1.7, offset=0.0)
    x, y = pixel_grid(6, 7)
    assert x[0, 0] == -3 and y[0, 0] == 2.5 and y[-1, 0] == -2.5  # row 0 is the top, y runs up
    xr = (x - p.x0) * math.cos(p.tau) + (y - p.y0) * math.sin(p.tau)
    yr = -(x - p.x0) * math.sin(p.tau) + (y - p.y0) * math.cos(p.tau)
    expected = p.alpha * np.exp(-p.beta_x * xr**2 - p.beta_y * yr**2) * np.cos(p.f * xr + p.phi)
    np.testing.assert_allclose(gabor(p, 6, 7), expected, atol=1e-12)


def test_canonical_parameters_describe_the_same_function():
    rng = np.random.default_rng(3)
    for _ in range(20):
        p = GaborParams(*rng.uniform(-4, 4, 9))
        c = p.canonical()
        assert c.alpha >= 0 and c.f >= 0 and 0 <= c.tau < math.pi and -math.pi < c.phi <= math.pi
        np.testing.assert_allclose(gabor(c, 9), gabor(p, 9), atol=1e-9)


@pytest.mark.parametrize("size", [8, 12])
def test_fit_recovers_orientation_and_frequency_of_noisy_gabors(size):
    rng = np.random.default_rng(size)
    for _ in range(12):
        true = random_gabor(rng, size)
        clean = gabor(true, size)
        kernel = clean + rng.normal(0, 0.05 * clean.std(), clean.shape)
        fit = fit_gabor(kernel)
        assert orientation_error(fit.params.tau, true.tau) < 5, (true, fit.params)
        assert abs(fit.params.f / true.f - 1) < 0.10, (true, fit.params)
        assert fit.r2 > 0.95
        np.testing.assert_allclose(fit.image, gabor(fit.params, size))


def test_noise_is_not_gabor_like():
    rng = np.random.default_rng(0)
    r2 = np.array([fit_gabor(rng.normal(size=(8, 8))).r2 for _ in range(24)])
    assert r2.max() < 0.6 and r2.mean() < 0.35
    assert gabor_share(rng.normal(size=(10, 12, 12))) == 0.0
    flat = fit_gabor(np.full((8, 8), 0.3))
    assert flat.r2 == 0.0 and np.allclose(flat.image, 0.3)


def test_a_previous_fit_is_a_good_start():
    rng = np.random.default_rng(5)
    true = random_gabor(rng, 8)
    first = fit_gabor(gabor(true, 8))
    moved = GaborParams(**{**true.__dict__, "tau": true.tau + 0.05})
    again = fit_gabor(gabor(moved, 8), start=first.params)
    assert again.r2 > 0.99 and orientation_error(again.params.tau, moved.tau) < 1


# ---- the sparsity layer the lesson uses ------------------------------------------------------


def test_sparsity_adds_the_gradient_of_an_l1_penalty_while_training_only():
    layer = Sparsity(0.7).train()
    x = torch.randn(5, 3, requires_grad=True)
    (layer(x) ** 2).sum().backward()
    reference = x.detach().clone().requires_grad_(True)
    ((reference**2).sum() + 0.7 * reference.abs().mean()).backward()
    torch.testing.assert_close(x.grad, reference.grad)
    assert torch.equal(layer.eval()(x), x)


# ---- the probe -------------------------------------------------------------------------------


def conv_project(*layers, epochs: int = 1) -> Project:
    """A digits classifier: the given layers, then Flatten and a Linear of 10 when they end wider."""
    g = Graph()
    tail = [] if layers[-1][0] == "Linear" else [("Flatten", "flat", {}), ("Linear", "fc", {"out_features": 10})]
    specs = [("Input", "x", {"shape": [1, 8, 8]}), *layers, *tail, ("Output", "out", {"loss": "cross_entropy"})]
    for kind, node_id, params in specs:
        g.add_node(kind, node_id, params)
    for (_, a, _), (_, b, _) in zip(specs, specs[1:], strict=False):
        g.add_edge(a, b)
    return Project(g, "digits", {}, TrainConfig(epochs=epochs, batch_size=64))


DIGITS_CNN = (
    ("Conv2d", "c1", {"out_channels": 6, "kernel_size": 5}),
    ("ReLU", "r", {}),
    ("Conv2d", "c2", {"out_channels": 4, "kernel_size": 3}),
)


def test_probe_gives_the_first_conv_layers_weights_and_caches_its_fits():
    session = Session(conv_project(*DIGITS_CNN))
    for _ in range(5):
        session.step()
    result = session.probe("filters").compute()
    weight = session.trainer.model.layer("c1").weight.detach().numpy().copy()
    assert result.node == "c1" and result.total == 6
    np.testing.assert_array_equal(result.kernels, weight)
    assert len(result.fits) == 6 and result.fit_step == result.step == 5
    for kernel, fit in zip(result.kernels[:, 0], result.fits, strict=True):
        assert fit.r2 == pytest.approx(fit_gabor(kernel).r2, abs=0.02)
    session.step()
    later = session.probe("filters").compute()  # within refit_seconds: the earlier fits, with their own kernels
    np.testing.assert_array_equal(later.kernels, weight)
    assert not np.array_equal(later.kernels, session.trainer.model.layer("c1").weight.detach().numpy())
    assert later.step == 6 and later.fit_step == 5 and later.fits is result.fits
    fresh = session.probe("filters").compute(refit=True)
    assert fresh.fit_step == 6 and fresh.fits is not result.fits
    np.testing.assert_array_equal(fresh.kernels, session.trainer.model.layer("c1").weight.detach().numpy())


def test_probe_fits_the_channel_mean_of_colour_kernels():
    g = Graph()
    specs = [
        ("Input", "x", {"shape": [3, 8, 8]}),
        ("Conv2d", "c", {"out_channels": 2, "kernel_size": 5}),
        ("Flatten", "flat", {}),
        ("Linear", "fc", {"out_features": 192}),
        ("Reshape", "r", {"shape": [3, 8, 8]}),
        ("Output", "out", {"loss": "mse"}),
    ]
    for kind, node_id, params in specs:
        g.add_node(kind, node_id, params)
    for (_, a, _), (_, b, _) in zip(specs, specs[1:], strict=False):
        g.add_edge(a, b)
    session = Session(Project(g, "patches", {"n_samples": 100, "colour": True}, TrainConfig()))
    result = session.probe("filters").compute()
    assert result.fitted_to == "the mean of its 3 input channels" and result.kernels.shape == (2, 3, 5, 5)
    mean = session.trainer.model.layer("c").weight.detach().numpy().mean(axis=1)
    assert result.fits[1].r2 == pytest.approx(fit_gabor(mean[1]).r2, abs=1e-9)


def test_probe_says_why_without_a_conv_layer_or_with_tiny_kernels():
    dense = Session(conv_project(("Flatten", "f", {}), ("Linear", "fc", {"out_features": 10})))
    failed = dense.compute({"filters": {}})["filters"]
    assert isinstance(failed, ProbeFailed) and "this network has no convolution layer" in failed.message
    small = Session(conv_project(("Conv2d", "c", {"out_channels": 3}))).probe("filters").compute()
    assert small.fits == [] and small.kernels.shape == (3, 1, 3, 3)


# ---- the views -------------------------------------------------------------------------------


def test_filters_view_draws_the_probes_kernels_and_counts_the_gabor_like(qtbot):
    from gui.views.filters import FiltersView, pair_tiles
    from gui.views.weights import NEGATIVE, POSITIVE

    session = Session(conv_project(*DIGITS_CNN))
    for _ in range(3):
        session.step()
    result = session.probe("filters").compute()
    good = gabor(GaborParams(tau=0.4, f=1.2, sigma_x=1.5, sigma_y=2.0), 5)
    result.kernels[2, 0] = good  # one kernel that surely is a Gabor
    result.fits[2] = fit_gabor(good)
    view = FiltersView()
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    view.show_insights({"filters": result})
    h, w = 5, 11
    canvas = view.tiles.image.image
    expected = pair_tiles(result.kernels[:, 0], np.stack([f.image for f in result.fits]))
    assert view.tiles.tile_size == (h, w)
    for k, (x, y) in enumerate(view.tiles.origins.astype(int)):
        np.testing.assert_array_equal(canvas[y : y + h, x : x + w], expected[k])
        # the kernel on its own symmetric scale: its largest |weight| takes an end colour of the ramp
        row, column = np.unravel_index(np.abs(result.kernels[k, 0]).argmax(), (5, 5))
        assert tuple(canvas[y + row, x + column]) in (NEGATIVE, POSITIVE)
    count = sum(f.r2 >= 0.6 for f in result.fits)
    assert count >= 1
    assert view.headline.text() == f"{count} of 6 kernels are Gabor-like (R² ≥ 0.6)"
    assert view.tiles.captions() == [f"#{k}  R² {math.floor(f.r2 * 100) / 100:.2f}" for k, f in enumerate(result.fits)]
    QTest.mouseClick(view.sort, Qt.MouseButton.LeftButton)
    assert view.tiles.captions()[0] == f"#{int(np.argmax(result.r2))}  R² {math.floor(result.r2.max() * 100) / 100:.2f}"


def test_filters_view_asks_for_fresh_fits_when_the_kernels_moved_on(qtbot):
    from gui.views.filters import FiltersView

    session = Session(conv_project(*DIGITS_CNN))
    view = FiltersView()
    qtbot.addWidget(view)
    view.show_insights({"filters": session.probe("filters").compute()})
    assert not view.busy() and "refit" not in view.wanted()["filters"]
    session.step()
    view.show_insights({"filters": session.probe("filters").compute()})  # fits from step 0, kernels from step 1
    assert view.busy()
    with qtbot.waitSignal(view.options_changed, timeout=3000):
        pass  # training went quiet: the view asks for a refit
    assert view.wanted()["filters"]["refit"] is True
    with qtbot.waitSignal(view.options_changed, timeout=1000):
        view.show_insights(session.compute(view.wanted()))
    assert not view.busy() and "refit" not in view.wanted()["filters"]
    assert f"{view.result.gabor_like} of 6 kernels" in view.headline.text()


def test_explorer_draws_the_course_gabor_for_its_sliders(qtbot):
    from gui.views.gabor_explorer import SIZE, GaborExplorer

    explorer = GaborExplorer()
    qtbot.addWidget(explorer)
    explorer.show()
    for name in ("tau", "f", "phi", "x0"):
        slider = explorer.sliders[name]
        slider.setFocus()
        QTest.keyClick(slider, Qt.Key.Key_PageUp)  # as a person nudging it
    explorer.set_value("beta_y", 0.05)
    p = explorer.params()
    assert p.tau == pytest.approx(explorer.value("tau")) and p.tau > 0
    assert p.beta_y == pytest.approx(explorer.value("beta_y"))
    assert p.beta_x == pytest.approx(explorer.value("beta_x"))
    np.testing.assert_allclose(explorer.values, gabor(p, SIZE))
    np.testing.assert_array_equal(explorer.image.image, explorer.rgb(gabor(p, SIZE)))
    profile_x, profile_y = explorer.curve.getData()
    np.testing.assert_allclose(profile_y, p.alpha * np.exp(-p.beta_x * profile_x**2) * np.cos(p.f * profile_x + p.phi))


# ---- the lesson --------------------------------------------------------------------------------


def test_lesson_learns_gabor_like_filters_from_photographs(tmp_path, capsys):
    from safetensors.numpy import load_file

    assert cli(["train", str(LESSONS / "gabor_filters.json"), "--out", str(tmp_path)]) == 0
    assert "trained " in capsys.readouterr().out
    weights = load_file(tmp_path / "weights.safetensors")
    kernels = weights["layers.filters.weight"]
    assert kernels.shape == (32, 1, 8, 8)
    assert gabor_share(kernels[:, 0]) >= 0.5
