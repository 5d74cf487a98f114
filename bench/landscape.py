"""The loss landscape of the 8×8-digits CNN on a 51×51 grid: Neurona's way against a per-point loop.

The lesson assets/lessons/digits_cnn.json trains briefly (TRAIN_STEPS steps); then, on the same
plane (two random filter-normalised directions) and the same evaluation subset (512 training
samples, core.landscape.grid.EVAL_SAMPLES), the 2,601 grid points are computed two ways, on one
thread each:
  loop  - the loss-landscape repository's approach: for every point, build the weights,
          load_state_dict them into the model, run the evaluation set through it;
  ours  - core.landscape.grid: LandscapeJob (its set-up included) and the progressive grid, which runs
          many points per call with batched parameters and yields a coarse grid first.
A third way, torch.func.vmap over functional_call, is timed on VMAP_POINTS points only: on this
CPU it is slower than the loop, which is why ours batches parameters by hand.
"ours" runs before and after the loop (the mean counts), so a change in the machine's load
hits both. The loop stops after LOOP_CAP seconds and its time is extrapolated from the points
it did (said so when it happens), to keep the whole run under a minute. Both ways must agree:
the largest relative difference over the loop's points is printed. The goals (issue 15): the
full grid at least 3× faster than the loop and under 5 s, the first picture under 0.2 s. On a
machine shared with other programs wall seconds swing with their load; CPU seconds (also
printed, as `cpu_ratio=`) swing less.

Usage, from the repository root: python bench/landscape.py
The last line is `ratio=<loop seconds / ours> full_s=<ours> first_s=<ours> cpu_ratio=<loop / ours>`.
"""

import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from core.landscape.batch import trainable  # noqa: E402
from core.landscape.grid import LandscapeJob  # noqa: E402
from core.project import load_project  # noqa: E402
from core.train.trainer import Trainer  # noqa: E402

GRID = 51
TRAIN_STEPS = 120
LOOP_CAP = 15.0  # seconds
VMAP_POINTS = 96


def ours(project, data, weights) -> tuple[float, float, float, int, np.ndarray, LandscapeJob]:
    """Seconds to the first coarse picture and to the full grid (both from the start), the full
    grid's CPU seconds, the coarse grid's side."""
    start, cpu = time.perf_counter(), time.process_time()
    job = LandscapeJob(project, data, weights, directions="random", seed=1)
    first = side = None
    for update in job.grid(GRID):
        if first is None and update.stride:
            first, side = time.perf_counter() - start, len(update.xs[:: update.stride])
    return first, time.perf_counter() - start, time.process_time() - cpu, side, update.values, job


def loop(job: LandscapeJob, xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, dict]:
    """Seconds and CPU seconds for the whole grid (extrapolated past LOOP_CAP), the values it computed."""
    model = copy.deepcopy(job.model)
    names = [(name, p.shape, p.numel()) for name, p in trainable(model)]
    origin, (d1, d2) = job.plane.origin, job.plane.directions
    order = np.random.default_rng(0).permutation(GRID * GRID)  # spread over the grid if it stops early
    values, start, cpu = {}, time.perf_counter(), time.process_time()
    for index in order:
        i, j = divmod(int(index), GRID)
        flat = origin + float(xs[j]) * d1 + float(ys[i]) * d2
        state, offset = {}, 0
        for name, shape, count in names:
            state[name] = flat[offset : offset + count].reshape(shape)
            offset += count
        model.load_state_dict(state, strict=False)
        with torch.no_grad():
            values[i, j] = job.loss_fn(model(job.x), job.y).item()
        if time.perf_counter() - start > LOOP_CAP:
            break
    share = GRID * GRID / len(values)
    return (time.perf_counter() - start) * share, (time.process_time() - cpu) * share, values


def vmapped(job: LandscapeJob, points: np.ndarray, chunk: int = 16) -> float:
    """Seconds a point for torch.func.vmap over functional_call, `chunk` points a call (the generic
    batching the issue suggests), on a sample of points."""
    from torch.func import functional_call, vmap

    names = [(name, p.shape, p.numel()) for name, p in trainable(job.model)]
    origin, directions = job.plane.origin, job.plane.directions

    def loss_at(c):
        flat, params, offset = origin + c @ directions, {}, 0
        for name, shape, count in names:
            params[name] = flat[offset : offset + count].reshape(shape)
            offset += count
        return job.loss_fn(functional_call(job.model, params, (job.x,)), job.y)

    c = torch.as_tensor(points, dtype=torch.float32)
    with torch.no_grad():
        vmap(loss_at)(c[:2])  # warm up
        start = time.perf_counter()
        for i in range(0, len(c), chunk):
            vmap(loss_at)(c[i : i + chunk])
    return (time.perf_counter() - start) / len(c)


def main() -> None:
    torch.set_num_threads(1)  # as in the app, where the landscape shares the CPU with the GUI and training
    project = load_project(ROOT / "assets/lessons/digits_cnn.json")
    trainer = Trainer(project, device="cpu")
    for _ in range(TRAIN_STEPS):
        trainer.step()
    weights = {k: v.numpy() for k, v in trainer.model.state_dict().items()}
    print(f"digits CNN trained {TRAIN_STEPS} steps; {GRID}×{GRID} grid, 1 thread")

    first_a, full_a, cpu_a, side, grid, job = ours(project, trainer.data, weights)
    x0, x1, y0, y1 = job.bounds()
    loop_s, loop_cpu, values = loop(job, np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID))
    first_b, full_b, cpu_b, _, _, _ = ours(project, trainer.data, weights)
    vmap_s = vmapped(job, np.random.default_rng(1).uniform(-1, 1, (VMAP_POINTS, 2)))
    first, full = (first_a + first_b) / 2, (full_a + full_b) / 2
    diff = max(abs(v - grid[i, j]) / abs(v) for (i, j), v in values.items())
    done = len(values)
    note = "" if done == GRID * GRID else f" (extrapolated from {done} of {GRID * GRID} points)"
    print(f"evaluation subset: {len(job.x)} training samples; ours evaluates {job.loss.chunk} points per call")
    print(f"loop (load_state_dict per point): {loop_s:7.2f} s{note}, {loop_s / GRID**2 * 1000:.2f} ms a point")
    print(f"vmap(functional_call), 16 points a call: {vmap_s * 1000:.2f} ms a point (on {VMAP_POINTS} points)")
    print(f"ours, first coarse {side}×{side} picture: {first_a:.3f} s, {first_b:.3f} s")
    print(f"ours, full {GRID}×{GRID} grid:          {full_a:.2f} s, {full_b:.2f} s")
    print(f"CPU seconds (busy neighbours raise these too): loop {loop_cpu:.2f}, ours {cpu_a:.2f}, {cpu_b:.2f}")
    print(f"largest relative difference between the two: {diff:.1e}")
    met = lambda ok: "met" if ok else "missed"  # noqa: E731
    ratio = loop_s / full
    goals = f"first picture < 0.2 s ({met(first < 0.2)}), full grid < 5 s ({met(full < 5)})"
    print(f"goals: {goals}, at least 3× the loop ({met(ratio >= 3)})")
    print(f"ratio={ratio:.2f} full_s={full:.2f} first_s={first:.3f} cpu_ratio={loop_cpu / ((cpu_a + cpu_b) / 2):.2f}")


if __name__ == "__main__":
    main()
