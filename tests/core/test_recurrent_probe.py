"""The "Through time" probe draws the recurrent layer itself: its unrolled states and gates are the
layer's own outputs, its gradient per step is autograd's on an explicit loop, its eigenvalues are
torch's."""

import numpy as np
import pytest
import torch
from torch import nn

from core.network.graph import Graph
from core.probes.recurrent import (
    ThroughTimeProbe,
    gradient_through_time,
    power_norms,
    start_vector,
    unroll,
)
from core.project import Project
from core.train.trainer import Trainer, data_loss
from core.train_config import TrainConfig

CELLS = {"RNN": nn.RNNCell, "GRU": nn.GRUCell, "LSTM": nn.LSTMCell}


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """Small recurrent networks: a second intra-op thread only spins against other processes on 2 cores."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def project(kind: str, levels: int = 1, output: str = "last", steps: int = 12, hidden: int = 6, **train) -> Project:
    """Input (steps × 2) → recurrent layer → [Flatten] → Linear(1) → MSE, on the adding problem."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [steps, 2]})
    extra = {"nonlinearity": "tanh"} if kind == "RNN" else {}
    g.add_node(kind, "rnn", {"hidden_size": hidden, "num_layers": levels, "output": output, **extra})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    if output == "all":
        g.add_node("Flatten", "flat", {})
        g.add_edge("x", "rnn")
        g.add_edge("rnn", "flat")
        g.add_edge("flat", "fc")
    else:
        g.add_edge("x", "rnn")
        g.add_edge("rnn", "fc")
    g.add_edge("fc", "out")
    config = TrainConfig(optimizer="adam", lr=0.01, batch_size=16, epochs=1, **train)
    return Project(g, "adding", {"n_samples": 120, "steps": steps, "seed": 0}, config)


@pytest.mark.parametrize("kind", ["RNN", "GRU", "LSTM"])
@pytest.mark.parametrize("levels", [1, 2])
def test_unrolled_states_and_gates_reproduce_the_layers_outputs(kind, levels):
    torch.manual_seed(1)
    rnn = getattr(nn, kind)(3, 5, levels, batch_first=True)
    x = torch.randn(4, 9, 3)
    with torch.no_grad():
        out, state = rnn(x)
        unrolled = unroll(rnn, x, kind)
    h_n, c_n = state if kind == "LSTM" else (state, None)
    torch.testing.assert_close(unrolled[-1][0], out, rtol=1e-5, atol=1e-6)
    for level, (hidden, gates) in enumerate(unrolled):
        torch.testing.assert_close(hidden[:, -1], h_n[level], rtol=1e-5, atol=1e-6)
        assert list(gates) == {"RNN": ["slope"], "GRU": list("rzn"), "LSTM": list("ifgoc")}[kind]
        if kind == "RNN":  # tanh′ = 1 − h²
            torch.testing.assert_close(gates["slope"], 1 - hidden**2)
        if kind == "LSTM":
            torch.testing.assert_close(gates["c"][:, -1], c_n[level], rtol=1e-5, atol=1e-6)
            # h = o ⊙ tanh(c) at every step, not only the last
            torch.testing.assert_close(hidden, gates["o"] * torch.tanh(gates["c"]))
        if kind == "GRU":  # h = (1 − z) ⊙ n + z ⊙ h_prev
            previous = torch.cat([torch.zeros_like(hidden[:, :1]), hidden[:, :-1]], 1)
            torch.testing.assert_close(hidden, (1 - gates["z"]) * gates["n"] + gates["z"] * previous)


def test_a_relu_rnn_is_unrolled_with_relu():
    torch.manual_seed(2)
    rnn = nn.RNN(2, 4, 1, batch_first=True, nonlinearity="relu")
    x = torch.randn(3, 7, 2)
    with torch.no_grad():
        hidden, gates = unroll(rnn, x, "RNN")[0]
        torch.testing.assert_close(hidden, rnn(x)[0])
    assert (hidden > 0).any() and (hidden == 0).any()
    torch.testing.assert_close(gates["slope"], (hidden > 0).float())  # relu′: 1 where it passes, else 0


def explicit_gradients(trainer: Trainer, kind: str, x, y) -> np.ndarray:
    """(levels, T) ‖∂L/∂h_t‖ by an explicit loop of torch's cells holding the layer's weights, each
    state kept with retain_grad(): the textbook way, independent of the probe's."""
    model = trainer.model
    model.eval()
    rnn = model.layer("rnn").rnn
    cells = []
    for level in range(rnn.num_layers):
        cell = CELLS[kind](rnn.input_size if level == 0 else rnn.hidden_size, rnn.hidden_size)
        with torch.no_grad():
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(cell, name).copy_(getattr(rnn, f"{name}_l{level}"))
        cells.append(cell)
    batch, steps = x.shape[:2]
    h = [torch.zeros(batch, rnn.hidden_size) for _ in cells]
    c = [torch.zeros(batch, rnn.hidden_size) for _ in cells]
    kept, tops = [], []
    for t in range(steps):
        below = x[:, t]
        row = []
        for level, cell in enumerate(cells):
            if kind == "LSTM":
                h[level], c[level] = cell(below, (h[level], c[level]))
            else:
                h[level] = cell(below, h[level])
            h[level].retain_grad()
            row.append(h[level])
            below = h[level]
        kept.append(row)
        tops.append(below)
    layer = model.layer("rnn")
    features = tops[-1] if layer.last_only else torch.stack(tops, 1)
    after = features
    for node in model.order[model.order.index("rnn") + 1 :]:
        after = model.layer(node)(after)
    loss = data_loss(after, y, trainer.loss_kind, trainer.data.num_classes, trainer.out_width)
    loss.backward()
    return np.array([[kept[t][level].grad.norm().item() for t in range(steps)] for level in range(len(cells))])


@pytest.mark.parametrize("kind", ["RNN", "GRU", "LSTM"])
@pytest.mark.parametrize(("levels", "output"), [(1, "last"), (2, "last"), (1, "all")])
def test_gradient_per_step_equals_autograd_on_an_explicit_unrolled_loop(kind, levels, output):
    trainer = Trainer(project(kind, levels, output), device="cpu")
    for _ in range(3):
        trainer.step()
    index = trainer.last_batch
    x, y = trainer.x_train[index], trainer.y_train[index]

    def loss(out, target):
        return data_loss(out, target, trainer.loss_kind, trainer.data.num_classes, trainer.out_width)

    before = [p.grad.clone() for p in trainer.model.parameters()]
    probe = gradient_through_time(trainer.model, "rnn", x, y, loss)
    # the parameters' gradients are left alone: the probe never adds to .grad
    assert all(torch.equal(p.grad, g) for p, g in zip(trainer.model.parameters(), before, strict=True))
    expected = explicit_gradients(trainer, kind, x, y)
    assert probe.shape == (levels, 12)
    assert (expected > 0).all()  # every step's state reaches the loss
    np.testing.assert_allclose(probe, expected, rtol=1e-4, atol=1e-9)


def test_gradient_per_step_matches_finite_differences():
    """LESSONS #35: nudging h_t by ε along the gradient's direction changes L by ε‖∂L/∂h_t‖ (to 1e-6)."""
    trainer = Trainer(project("RNN", steps=8), device="cpu")
    model = trainer.model.double()
    x, y = trainer.x_train[:16].double(), trainer.y_train[:16].double()
    rnn = model.layer("rnn").rnn

    def loss(out, target):
        return data_loss(out, target, "mse", 0, 1)

    norms = gradient_through_time(model, "rnn", x, y, loss)[0]

    def loss_with(t: int, push: torch.Tensor) -> torch.Tensor:
        """L with h_t moved by `push` (the later steps run from the moved state)."""
        state = torch.zeros(1, len(x), rnn.hidden_size, dtype=torch.float64)
        for s in range(x.shape[1]):
            _, state = rnn(x[:, s : s + 1], state)
            if s == t:
                state = state + push
        return loss(model.layer("fc")(state[-1]), y)

    eps = 1e-6
    for t in (0, 3, 7):
        push = torch.zeros(1, len(x), rnn.hidden_size, dtype=torch.float64, requires_grad=True)
        (direction,) = torch.autograd.grad(loss_with(t, push), push)
        direction = direction / direction.norm()
        with torch.no_grad():
            slope = (loss_with(t, eps * direction) - loss_with(t, -eps * direction)).item() / (2 * eps)
        assert slope == pytest.approx(norms[t], rel=1e-6, abs=1e-12)


def test_a_small_recurrent_matrix_makes_the_gradient_vanish_backwards():
    """LESSONS #35: with spectral radius < 1 the gradient decays from the last step to the first."""
    trainer = Trainer(project("RNN", steps=20, init="normal", init_scale=0.2), device="cpu")
    trainer.step()
    result = ThroughTimeProbe(trainer).compute()
    assert result.spectral_radius < 1
    assert 0 < result.grad_norms[0] < 1e-6 * result.grad_norms[-1]
    assert np.all(np.diff(result.grad_norms) > 0)


def test_eigenvalues_are_torchs_and_the_powers_are_the_matrix_powers():
    trainer = Trainer(project("RNN", hidden=7), device="cpu")
    result = ThroughTimeProbe(trainer).compute()
    w = trainer.model.layer("rnn").rnn.weight_hh_l0.detach().double()
    expected = torch.linalg.eigvals(w).numpy()
    assert list(result.eigenvalues) == ["W_hh"] and result.state_block == "W_hh"
    np.testing.assert_allclose(np.sort_complex(result.eigenvalues["W_hh"]), np.sort_complex(expected), atol=1e-10)
    assert result.spectral_radius == pytest.approx(np.abs(expected).max())
    h0 = torch.as_tensor(start_vector(7))
    assert len(result.powers) == 51  # at least 50 steps, the sequence being 12
    for t in (0, 1, 5, 50):
        assert result.powers[t] == pytest.approx(torch.linalg.matrix_power(w, t).mv(h0).norm().item(), rel=1e-9)


@pytest.mark.parametrize(("kind", "names"), [("GRU", ["r", "z", "n"]), ("LSTM", ["i", "f", "g", "o"])])
def test_a_gated_layer_has_one_block_of_w_hh_per_gate(kind, names):
    trainer = Trainer(project(kind, hidden=5), device="cpu")
    result = ThroughTimeProbe(trainer).compute()
    w = trainer.model.layer("rnn").rnn.weight_hh_l0.detach().double()
    assert list(result.eigenvalues) == names
    for k, name in enumerate(names):
        expected = torch.linalg.eigvals(w[5 * k : 5 * (k + 1)]).numpy()
        np.testing.assert_allclose(np.sort_complex(result.eigenvalues[name]), np.sort_complex(expected), atol=1e-10)
    assert result.state_block == {"GRU": "n", "LSTM": "g"}[kind]


def test_powers_grow_or_shrink_with_the_spectral_radius():
    """LESSONS #27: spectral radius 0.9 → below 0.01 at t = 50; 1.1 → above 10 (a scaled rotation)."""
    q = np.linalg.qr(np.random.default_rng(0).normal(size=(8, 8)))[0]
    h0 = start_vector(8)
    assert power_norms(0.9 * q, h0, 50)[50] < 0.01
    assert power_norms(1.1 * q, h0, 50)[50] > 10
    assert np.isinf(power_norms(1e3 * q, h0, 200)[-1])  # overflow is infinite, never NaN


def test_the_probe_shows_the_chosen_sample_and_keeps_the_gradient_history():
    trainer = Trainer(project("LSTM", levels=2, output="all"), device="cpu")
    probe = ThroughTimeProbe(trainer)
    first = probe.compute(sample=3, level=1)
    assert first.batch_step == 0 and first.batch_size == 16  # before training: the first samples
    for _ in range(2):
        trainer.step()
    result = probe.compute(sample=3, level=1)
    assert (result.node, result.kind, result.level, result.levels, result.layers) == ("rnn", "LSTM", 1, 2, ["rnn"])
    assert result.batch_step == 2 and list(result.grad_steps) == [0, 2]
    assert result.grad_history.shape == (2, 12)
    np.testing.assert_array_equal(result.grad_history[-1], result.grad_norms)
    # the drawn states are the layer's own output for that test sample (the top level: level 1)
    with torch.no_grad():
        trainer.model.eval()
        _, taps = trainer.model(trainer.x_test[3:4], taps=["rnn"])
    np.testing.assert_allclose(result.hidden, taps["rnn"][0].numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(result.inputs, probe.compute(sample=3, level=0).hidden, rtol=1e-6)
    np.testing.assert_allclose(result.target, trainer.data.y_test[3:4])
    # looking at another level starts another history
    assert list(probe.compute(sample=3, level=0).grad_steps) == [2]


def test_the_probe_refuses_what_it_cannot_show():
    trainer = Trainer(project("RNN"), device="cpu")
    with pytest.raises(ValueError, match="no test sample 999"):
        ThroughTimeProbe(trainer).compute(sample=999)
    g = Graph()
    g.add_node("Input", "x", {"shape": [2]})
    g.add_node("Linear", "fc", {"out_features": 1})
    g.add_node("Output", "out", {"loss": "mse"})
    g.add_edge("x", "fc")
    g.add_edge("fc", "out")
    with pytest.raises(ValueError, match="no RNN, GRU or LSTM"):
        ThroughTimeProbe(Trainer(Project(g, "logic", {}, TrainConfig()), device="cpu")).compute()
