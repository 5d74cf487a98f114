"""The figures the denoising-autoencoder lesson states, measured: digits 64 → code → 64 trained to
reconstruct the input, without and with a GaussianNoise layer on the input, then asked to rebuild
the test digits clean and with Gaussian noise of σ = 0.3 (core.probes.reconstruct, noise seed 0).

Usage, from the repository root:
  python bench/denoising_autoencoder.py [--seeds 0 1 2] [--epochs 30] [--code 30] [--std 0.3]
Prints, per training seed and per network, the test MSE of the noisy input itself and of the
reconstructions of the noisy and of the clean digits.
"""

import argparse
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.probes.reconstruct import ReconstructProbe  # noqa: E402
from core.project import load_project  # noqa: E402
from core.train.trainer import Trainer  # noqa: E402

LESSON = Path(__file__).resolve().parent.parent / "assets" / "lessons" / "denoising_autoencoder.json"


def measure(seed: int, epochs: int, code: int, std: float, noise_in_training: float) -> dict:
    project = load_project(LESSON)
    project.training = project.training.replace(seed=seed, epochs=epochs, device="cpu")
    project.graph.set_param("code", "out_features", code)
    project.graph.set_param("noise", "std", noise_in_training)
    trainer = Trainer(project)
    start = time.perf_counter()
    for _ in trainer.train():
        pass
    seconds = time.perf_counter() - start
    r = ReconstructProbe(trainer).compute(std=std)
    return {"noise": r.noise_mse, "noisy": r.noisy_mse, "clean": r.clean_mse, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--code", type=int, default=30)
    parser.add_argument("--std", type=float, default=0.3)
    parser.add_argument("--train-std", type=float, default=0.3, help="σ of the noise layer when it is on")
    args = parser.parse_args()
    torch.set_num_threads(1)
    for seed in args.seeds:
        for name, train_std in (("plain", 0.0), ("denoising", args.train_std)):
            m = measure(seed, args.epochs, args.code, args.std, train_std)
            print(
                f"seed {seed} {name:9} code {args.code}: noisy input {m['noise']:.4f}, "
                f"rebuilt from noisy {m['noisy']:.4f}, rebuilt from clean {m['clean']:.4f} ({m['seconds']:.1f} s)"
            )


if __name__ == "__main__":
    main()
