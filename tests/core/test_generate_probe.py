"""Generation with a next-value model: teacher forcing is the model's output on the true sequence,
free running feeds its own outputs back, and the noisy-sine lesson shows what its text claims."""

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.probes.generate import GenerateProbe, series
from core.project import load_project
from core.train.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def sine_trainer(seed: int = 0, epochs: int | None = None) -> Trainer:
    project = load_project(LESSONS / "sine_generation.json")
    project.training = project.training.replace(seed=seed, device="cpu", epochs=epochs or project.training.epochs)
    return Trainer(project)


def test_teacher_forcing_is_the_models_output_on_the_true_sequence():
    trainer = sine_trainer()
    for _ in range(30):
        trainer.step()
    result = GenerateProbe(trainer).compute(series_seed=4, horizon=25)
    truth = series(20, 25, 0.05, 4)
    np.testing.assert_array_equal(result.truth, truth)
    windows = np.stack([truth[t - 20 : t] for t in range(20, 45)])[..., None].astype(np.float32)
    expected = trainer.predict(torch.as_tensor(windows))[:, 0].numpy()
    np.testing.assert_allclose(result.teacher, expected, rtol=1e-5, atol=1e-6)
    assert result.teacher_mse == pytest.approx(np.mean((result.teacher - truth[20:]) ** 2))


def test_free_running_reads_its_own_outputs():
    trainer = sine_trainer()
    for _ in range(30):
        trainer.step()
    result = GenerateProbe(trainer).compute(series_seed=4, horizon=25)
    assert result.free[0] == pytest.approx(result.teacher[0], rel=1e-6)  # the prompt is true: the same first step
    sequence = list(result.truth[:20]) + list(result.free)
    for k in (1, 10, 24):  # each prediction is the model's output on the prompt's tail and its own outputs
        window = torch.as_tensor(np.array(sequence[k : k + 20], np.float32)[None, :, None])
        assert result.free[k] == pytest.approx(trainer.predict(window)[0, 0].item(), rel=1e-5, abs=1e-6)
    assert not np.allclose(result.free[1:], result.teacher[1:])


def test_generation_refuses_a_model_that_does_not_predict_a_sine():
    trainer = Trainer(load_project(LESSONS / "adding_lstm.json"), device="cpu")
    with pytest.raises(ValueError, match="noisy-sine dataset"):
        GenerateProbe(trainer).compute()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_running_free_drifts_far_from_the_truth_that_teacher_forcing_follows(seed):
    trainer = sine_trainer(seed)
    list(trainer.train())
    probe = GenerateProbe(trainer)
    runs = [probe.compute(series_seed=s, horizon=60) for s in range(20)]
    teacher = np.array([r.teacher_mse for r in runs])
    free = np.array([r.free_mse for r in runs])
    assert np.median(teacher) < 0.01  # measured 0.0046 to 0.0055
    assert np.median(free) > 0.3  # measured 0.64 to 0.76
    assert (free > teacher).all()  # on every one of the 20 series


def test_the_window_reads_the_recurrent_views_results_without_importing_torch():
    """Their classes live in modules that import torch only inside functions, so a snapshot carrying
    them does not load PyTorch into the window."""
    import pickle
    import subprocess
    import sys

    from conftest import ROOT

    from core.probes.recurrent import ThroughTimeProbe

    trainer = sine_trainer()
    trainer.step()
    results = [GenerateProbe(trainer).compute(horizon=5), ThroughTimeProbe(trainer).compute()]
    read = "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); print('torch' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", read], input=pickle.dumps(results), capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().split() == ["False"]
