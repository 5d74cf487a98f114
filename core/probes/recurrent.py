"""A recurrent layer unrolled through time (the course's chapter 10): what the "Through time" view draws.

For one RNN, GRU or LSTM node and one level of its stack:

- the hidden state h_t of every unit at every step for a chosen test sample, and the gates of a
  GRU (reset r, update z, candidate n) or an LSTM (input i, forget f, candidate g, output o, and
  the cell c), or for a plain RNN the slope of its activation at each unit and step (1 − h_t² for
  tanh: the factor by which the gradient passing back through that unit is multiplied), all
  recomputed from the layer's own weights with PyTorch's equations (the tests check that they
  reproduce the layer's outputs);
- back-propagation through time: ‖∂L/∂h_t‖ at every step t for the batch the trainer last trained
  on, at the current weights. h_t is the state handed to step t+1, so its gradient sums every path
  from the loss back to it, through later steps too (the course's equation 10.21). The layer is
  run one step at a time through its own module, so autograd gives the gradient of every step's
  state. The probe keeps the curve's history over training steps;
- the eigenvalues of the recurrent matrix W_hh (of each gate's block for a GRU or LSTM) and
  ‖W_hhᵗ h₀‖ over t for a fixed unit vector h₀: powers of a matrix whose spectral radius is below
  one shrink every vector, above one they blow most up (LESSONS #27).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network.layers import has_trait
from core.probes.base import Probe
from core.words import translate

GATES = {"RNN": (), "GRU": ("r", "z", "n"), "LSTM": ("i", "f", "g", "o")}  # PyTorch's order of the weight blocks
PANELS = {"RNN": ("slope",), "GRU": GATES["GRU"], "LSTM": GATES["LSTM"] + ("c",)}  # drawn under the state
GATE_NAMES = {
    "slope": "slope act′(a_t)",
    "r": "reset gate r",
    "z": "update gate z",
    "n": "candidate n",
    "i": "input gate i",
    "f": "forget gate f",
    "g": "candidate g",
    "o": "output gate o",
    "c": "cell state c",
}
STATE_BLOCK = {"RNN": "W_hh", "GRU": "n", "LSTM": "g"}  # the block that writes the new state's content
MIN_POWERS = 50  # ‖W_hhᵗ h₀‖ is drawn for t up to the sequence's length, and at least this far
HISTORY = 200  # gradient curves kept over training; beyond, every other one goes


@dataclass
class ThroughTime:
    """One recurrent layer through time, all arrays plain numpy."""

    node: str
    kind: str  # "RNN", "GRU" or "LSTM"
    level: int  # which layer of the stack (0: the one reading the input)
    levels: int
    layers: list[str]  # every recurrent node of the network, to choose from
    step: int  # the training step the weights are from
    sample: int  # index into the test set
    inputs: np.ndarray  # (T, F) what the layer reads for the sample
    hidden: np.ndarray  # (T, H) h_t of every unit
    gates: dict[str, np.ndarray]  # name -> (T, H): the gates and an LSTM's cell c, or a plain RNN's slope
    output: np.ndarray  # the network's output for the sample
    target: np.ndarray  # the sample's target (a class index or values)
    grad_norms: np.ndarray  # (T,) ‖∂L/∂h_t‖ for the batch
    batch_step: int  # the training step that batch was trained at (0: none yet, the first samples)
    batch_size: int
    grad_steps: np.ndarray  # (n,) the training step of each recorded curve, the current one last
    grad_history: np.ndarray  # (n, T)
    eigenvalues: dict[str, np.ndarray]  # block name -> complex eigenvalues of that block of W_hh
    state_block: str  # the block whose eigenvalues and powers matter most
    powers: np.ndarray  # (P + 1,) ‖W^t h₀‖ for t = 0..P, W the state block
    spectral_radius: float


def recurrent_layers(graph, model) -> list[str]:
    return [n for n in model.order if has_trait(graph.nodes[n].kind, "recurrent")]


def _weights(rnn, level: int):
    w_ih, w_hh = getattr(rnn, f"weight_ih_l{level}"), getattr(rnn, f"weight_hh_l{level}")
    b_ih, b_hh = getattr(rnn, f"bias_ih_l{level}", None), getattr(rnn, f"bias_hh_l{level}", None)
    return w_ih, w_hh, b_ih, b_hh


def _affine(x, w, b):
    import torch

    return torch.nn.functional.linear(x, w, b)


def unroll(rnn, x, kind: str) -> list[tuple[object, dict[str, object]]]:
    """Every level's states (B, T, H) and gates {name: (B, T, H)}, from the layer's own weights."""
    import torch

    return [
        (torch.stack(states, 1), {name: torch.stack(values, 1) for name, values in gates.items()})
        for states, gates in _steps(rnn, x, kind)
    ]


def _steps(rnn, x, kind: str) -> list[tuple[list, dict[str, list]]]:
    """Every level's state at each step, and its gates, as lists of (B, H) tensors in the autograd graph.

    PyTorch's equations, one step at a time: RNN h = act(W_ih x + b_ih + W_hh h + b_hh); GRU
    r, z = σ(…), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h = (1 − z) ⊙ n + z ⊙ h; LSTM
    i, f, o = σ(…), g = tanh(…), c = f ⊙ c + i ⊙ g, h = o ⊙ tanh(c). Initial states are zero; each
    level reads the states of the level below."""
    import torch

    act = torch.relu if getattr(rnn, "nonlinearity", "tanh") == "relu" else torch.tanh
    levels, sequence = [], x
    for level in range(rnn.num_layers):
        w_ih, w_hh, b_ih, b_hh = _weights(rnn, level)
        batch, steps = sequence.shape[0], sequence.shape[1]
        h = sequence.new_zeros(batch, rnn.hidden_size)
        c = torch.zeros_like(h)
        drive = _affine(sequence, w_ih, b_ih)  # (B, T, gates·H): the input's part of every step at once
        states, gates = [], {name: [] for name in PANELS[kind]}
        for t in range(steps):
            recurrent = _affine(h, w_hh, b_hh)
            if kind == "RNN":
                before = drive[:, t] + recurrent
                h = act(before)
                gates["slope"].append(1 - h * h if act is torch.tanh else (before > 0).to(h.dtype))
            elif kind == "GRU":
                xr, xz, xn = drive[:, t].chunk(3, 1)
                hr, hz, hn = recurrent.chunk(3, 1)
                r, z = torch.sigmoid(xr + hr), torch.sigmoid(xz + hz)
                n = torch.tanh(xn + r * hn)
                h = (1 - z) * n + z * h
                for name, value in zip("rzn", (r, z, n), strict=True):
                    gates[name].append(value)
            else:
                i, f, g, o = (drive[:, t] + recurrent).chunk(4, 1)
                i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
                c = f * c + i * g
                h = o * torch.tanh(c)
                for name, value in zip("ifgoc", (i, f, g, o, c), strict=True):
                    gates[name].append(value)
            states.append(h)
        levels.append((states, gates))
        sequence = torch.stack(states, 1)
    return levels


def gradient_through_time(model, node: str, x, y, loss) -> np.ndarray:
    """(levels, T) ‖∂L/∂h_t‖ over the batch (x, y), where L = loss(model(x), y).

    The recurrent node's output is recomputed one step at a time from its own weights (`_steps`),
    so every level's state at every step is a tensor of the graph and autograd gives its gradient:
    the sum over every path from L back to it (through the output at that step, the next step,
    and the level above). Eval mode, so dropout and batch statistics stay as they are drawn."""
    import torch

    layer = model.layer(node)
    kind = type(layer.rnn).__name__  # torch's RNN, GRU or LSTM: the names of the catalogue's kinds
    levels: list = []

    def stepwise(module, args, output):
        levels.extend(_steps(module.rnn, args[0], kind))
        top = levels[-1][0]
        return top[-1] if module.last_only else torch.stack(top, 1)

    was_training = model.training
    model.eval()
    handle = layer.register_forward_hook(stepwise)
    try:
        with torch.enable_grad():
            value = loss(model(x), y)
            states = [h for level_states, _ in levels for h in level_states]
            grads = torch.autograd.grad(value, states, allow_unused=True)
    finally:
        handle.remove()
        model.train(was_training)
    zero = states[0].new_zeros(())  # a state the loss does not reach
    norms = torch.stack([g.norm() if g is not None else zero for g in grads])
    return norms.reshape(len(levels), -1).detach().double().cpu().numpy()


def blocks(w_hh, kind: str) -> dict[str, np.ndarray]:
    """W_hh (float64), or each gate's square block of it for a GRU or LSTM."""
    w = w_hh.detach().double().cpu().numpy()
    if kind == "RNN":
        return {"W_hh": w}
    return dict(zip(GATES[kind], np.split(w, len(GATES[kind])), strict=True))


def start_vector(size: int) -> np.ndarray:
    """The fixed unit vector h₀ whose powers are drawn (the same at every training step)."""
    h0 = np.random.default_rng(0).normal(size=size)
    return h0 / np.linalg.norm(h0)


def power_norms(w: np.ndarray, h0: np.ndarray, steps: int) -> np.ndarray:
    """‖Wᵗ h₀‖ for t = 0..steps (inf once it overflows float64)."""
    norms, h = [float(np.linalg.norm(h0))], h0.astype(np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            h = w @ h
            norms.append(float(np.linalg.norm(h)))
    return np.nan_to_num(np.array(norms), nan=np.inf)


class _GradientHistory:
    """The per-step gradient curves recorded so far, evenly thinned past HISTORY."""

    def __init__(self, key):
        self.key, self.steps, self.rows, self.every, self.calls = key, [], [], 1, 0

    def add(self, step: int, row: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.steps and self.steps[-1] == step:
            self.rows[-1] = row
        else:
            if self.calls % self.every == 0:
                if len(self.steps) >= HISTORY:
                    self.steps, self.rows, self.every = self.steps[::2], self.rows[::2], self.every * 2
                self.steps.append(step)
                self.rows.append(row)
            self.calls += 1
        steps, rows = list(self.steps), list(self.rows)
        if steps[-1] != step:  # not kept, but the current curve is always shown
            steps.append(step)
            rows.append(row)
        return np.array(steps, np.int64), np.array(rows)


class ThroughTimeProbe(Probe):
    """The chosen recurrent layer through time; the gradient curves over training are kept while
    the same layer and level are looked at."""

    def __init__(self, trainer):
        super().__init__(trainer)
        self.history: _GradientHistory | None = None

    def compute(self, layer: str | None = None, sample: int = 0, level: int = 0) -> ThroughTime:
        import torch

        from core.train.trainer import data_loss

        trainer = self.trainer
        graph, model = trainer.project.graph, trainer.model
        layers = recurrent_layers(graph, model)
        if not layers:
            raise ValueError(translate("probes", "this network has no RNN, GRU or LSTM layer to unroll"))
        node = layer if layer in layers else layers[0]
        kind = graph.nodes[node].kind
        rnn = model.layer(node).rnn
        level = min(max(int(level), 0), rnn.num_layers - 1)
        x_test = trainer.x_test if len(trainer.x_test) else trainer.x_train
        if not 0 <= sample < len(x_test):
            raise ValueError(
                translate("probes", "there is no test sample {0}: the test set has {1}").format(sample, len(x_test))
            )
        y_test = trainer.y_test if len(trainer.x_test) else trainer.y_train
        source = model.sources[node][0]

        def loss(out, y):
            return data_loss(out, y, trainer.loss_kind, trainer.data.num_classes, trainer.out_width)

        was_training = model.training
        model.eval()
        try:
            with torch.inference_mode():
                out, taps = model(x_test[sample : sample + 1], taps=[source])
                unrolled = unroll(rnn, taps[source], kind)
        finally:
            model.train(was_training)
        hidden, gates = unrolled[level]
        index = trainer.last_batch
        if index is None:  # nothing trained yet: the first batch's worth of training samples
            index = torch.arange(min(trainer.config.batch_size, len(trainer.x_train)), device=trainer.x_train.device)
        grads = gradient_through_time(model, node, trainer.x_train[index], trainer.y_train[index], loss)[level]

        key = (node, level, len(grads))
        if self.history is None or self.history.key != key:
            self.history = _GradientHistory(key)
        grad_steps, grad_history = self.history.add(trainer.step_count, grads)

        w_blocks = blocks(_weights(rnn, level)[1], kind)
        state_block = STATE_BLOCK[kind]
        w = w_blocks[state_block]
        eigenvalues = {name: np.linalg.eigvals(b).astype(np.complex128) for name, b in w_blocks.items()}
        powers = power_norms(w, start_vector(len(w)), max(len(grads), MIN_POWERS))
        numpy = lambda t: t[0].detach().float().cpu().numpy().copy()  # noqa: E731
        return ThroughTime(
            node=node,
            kind=kind,
            level=level,
            levels=rnn.num_layers,
            layers=layers,
            step=trainer.step_count,
            sample=sample,
            inputs=numpy(taps[source] if level == 0 else unrolled[level - 1][0]),
            hidden=numpy(hidden),
            gates={name: numpy(value) for name, value in gates.items()},
            output=numpy(out).reshape(-1),
            target=np.asarray(y_test[sample].cpu().numpy()).reshape(-1).copy(),
            grad_norms=grads,
            batch_step=trainer.step_count if trainer.last_batch is not None else 0,
            batch_size=len(index),
            grad_steps=grad_steps,
            grad_history=grad_history,
            eigenvalues=eigenvalues,
            state_block=state_block,
            powers=powers,
            spectral_radius=float(np.abs(eigenvalues[state_block]).max()) if len(w) else 0.0,
        )
