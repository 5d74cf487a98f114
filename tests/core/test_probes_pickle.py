"""Every probe's result crosses the process pipe: on a small 2-D MLP, a small CNN on digits and two LSTMs,
each registered probe is computed with its default options, pickled and unpickled, and must come
back equal, made only of numpy arrays, plain numbers, strings, lists, dicts and dataclasses (a
torch tensor pickles too, but would drag torch and the model's device into the GUI)."""

import dataclasses
import pickle
import subprocess
import sys

import numpy as np
import pytest
import torch
from conftest import LESSONS, ROOT

from core.probes.registry import PROBES, ProbeFailed
from core.project import load_project
from core.run.session import Session

PLAIN = (type(None), bool, int, float, str, np.generic)


def assert_plain_and_equal(value, copy, where: str = "result") -> None:
    """`value` holds only plain data, and its round-tripped `copy` equals it, array by array."""
    assert type(copy) is type(value), f"{where}: {type(value).__name__} came back as {type(copy).__name__}"
    if isinstance(value, np.ndarray):
        assert value.dtype != object, f"{where}: an array of Python objects"
        assert value.shape == copy.shape and value.dtype == copy.dtype, where
        assert np.array_equal(value, copy, equal_nan=value.dtype.kind in "fc"), f"{where}: changed in the pipe"
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            assert_plain_and_equal(getattr(value, f.name), getattr(copy, f.name), f"{where}.{f.name}")
    elif isinstance(value, list | tuple):
        assert len(value) == len(copy), where
        for i, (a, b) in enumerate(zip(value, copy, strict=True)):
            assert_plain_and_equal(a, b, f"{where}[{i}]")
    elif isinstance(value, dict):
        assert list(value) == list(copy), where
        for key in value:
            assert isinstance(key, PLAIN + (tuple,)), f"{where}: key {key!r}"
            assert_plain_and_equal(value[key], copy[key], f"{where}[{key!r}]")
    else:
        assert isinstance(value, PLAIN), f"{where}: a {type(value).__module__}.{type(value).__name__}"
        assert value == copy or (value != value and copy != copy), f"{where}: {value!r} came back as {copy!r}"


def trained(lesson: str, steps: int = 5) -> Session:
    session = Session(load_project(LESSONS / lesson), device="cpu")
    session.set_views({name: {} for name in PROBES})  # attached: the recording probes have something to send
    for _ in range(steps):
        session.step()
    return session


PROBED = ("spiral_mlp.json", "digits_cnn.json", "adding_lstm.json", "sine_generation.json", "dropout_small_data.json")
PROBED += ("next_character.json", "key_position_conv.json")  # text generation, accuracy by position
PROBED += ("universal_approximation.json",)  # a curve over one input and its hidden units' shares
PROBED += ("denoising_autoencoder.json",)  # an autoencoder's reconstructions


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, object]]:
    """Each network's results of every registered probe, with its default options."""
    return {lesson: trained(lesson).compute({name: {} for name in PROBES}) for lesson in PROBED}


@pytest.mark.parametrize("lesson", PROBED)
def test_every_probes_result_survives_the_pipe(results, lesson):
    for name, result in results[lesson].items():
        assert_plain_and_equal(result, pickle.loads(pickle.dumps(result)), f"{lesson} {name}")


def test_every_probe_computes_on_one_of_the_networks(results):
    """So that a probe failing everywhere cannot pass the pipe test with a ProbeFailed."""
    answered = {name for found in results.values() for name, r in found.items() if not isinstance(r, ProbeFailed)}
    failures = {name: r.message for found in results.values() for name, r in found.items() if name not in answered}
    assert answered == set(PROBES), failures


def test_the_check_refuses_a_tensor_and_a_changed_array():
    @dataclasses.dataclass
    class Carrier:
        values: object

    with pytest.raises(AssertionError, match="torch.Tensor"):
        assert_plain_and_equal(Carrier([torch.zeros(2)]), Carrier([torch.zeros(2)]))
    with pytest.raises(AssertionError, match="changed in the pipe"):
        assert_plain_and_equal(Carrier({"a": np.zeros(2)}), Carrier({"a": np.ones(2)}))


def test_the_window_reads_a_snapshot_with_every_probe_and_an_epoch_without_importing_torch():
    """Unpickling a class from a module that imports torch would load PyTorch into the window on
    the first message, a second after Run (the spare training process exists to avoid that wait)."""
    session = trained("spiral_mlp.json", steps=15)  # an epoch of the spiral is 14 batches
    shot = session.snapshot(probes=True)
    assert shot.evaluations and set(shot.insights) == set(PROBES)
    read = "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); print('torch' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", read], input=pickle.dumps(shot), capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().split() == ["False"]
