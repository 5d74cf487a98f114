"""The `train` verb: train a project headless and keep every run whole.

Before the first step it checks that the run's folder can be written and has room; a stop
signal (Ctrl-C, SIGTERM, SIGHUP) saves what was trained; checkpoints every few epochs or minutes
bound what a `kill -9` or a power cut can lose; `--resume RUN_DIR` continues a saved run with
its optimiser's state.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from core.cli.stopping import Stopped, StopSignals
from core.cli.terminal import ProgressLine, say
from core.words import translate

EXIT_OK, EXIT_PROBLEM = 0, 1
DEFAULT_CHECKPOINT_MINUTES = 10.0


def add_arguments(train) -> None:
    train.add_argument("--epochs", type=int, help="epochs to train in all (default: the project's)")
    train.add_argument("--out", type=Path, help="folder for the run (default: runs/NAME-TIME, or the resumed run's)")
    train.add_argument(
        "--device", choices=("auto", "cpu", "cuda", "mps"), help="where to train (default: the project's)"
    )
    train.add_argument("--seed", type=int, help="override the training seed")
    train.add_argument("--resume", type=Path, metavar="RUN_DIR", help="continue a run saved by `train`")
    train.add_argument(
        "--pretrain",
        type=int,
        default=0,
        metavar="EPOCHS",
        help="first pretrain the hidden dense layers one by one as autoencoders, EPOCHS epochs each",
    )
    train.add_argument(
        "--checkpoint-every", type=int, default=0, metavar="EPOCHS", help="save the run every EPOCHS epochs"
    )
    train.add_argument(
        "--checkpoint-minutes",
        type=float,
        default=DEFAULT_CHECKPOINT_MINUTES,
        metavar="M",
        help=f"save the run after every M minutes of training (default: {DEFAULT_CHECKPOINT_MINUTES:g}; 0: never)",
    )


def train(project, args) -> int:
    import torch

    from core.data.catalog import load_dataset
    from core.landscape.probe import TrajectoryRecorder
    from core.run.saved import RunFolderError, check_can_save, new_run_folder, remove_stale_temporaries, run_size
    from core.train.trainer import Diverged, Trainer, TrainingError

    if "OMP_NUM_THREADS" not in os.environ:  # one intra-op thread, as the app's worker: on 2 busy cores a
        torch.set_num_threads(1)  # second one spun so much that a small network trained 20× slower
    problem = _bad_options(args)
    if problem:
        say(f"error: {problem}", err=True)
        return EXIT_PROBLEM
    changes = {
        k: v for k, v in (("epochs", args.epochs), ("seed", args.seed), ("device", args.device)) if v is not None
    }
    try:
        if changes:
            project.training = project.training.replace(**changes)
        progress = ProgressLine()
        try:
            data = load_dataset(project.dataset, project.dataset_params, progress)
        finally:
            progress.end()
        trainer = Trainer(project, data)
        records = _resume(trainer, args.resume) if args.resume else []
    except (TrainingError, ValueError, OSError) as err:  # OSError: a RunFolderError of the resumed run
        say(f"error: {err}", err=True)
        return EXIT_PROBLEM
    recorder = TrajectoryRecorder(trainer)  # the run keeps its path, for `landscape` with PCA directions
    if args.resume:
        _continue_path(recorder, args.resume)
    trainer.after_step.append(recorder)
    path_bytes = 0 if recorder.note else recorder.capacity * recorder.count * 4
    out = args.out or args.resume
    try:
        if out is None:
            out = new_run_folder(Path("runs"), Path(args.project).stem)
        else:
            remove_stale_temporaries(out)
        check_can_save(out, run_size(trainer.model, path_bytes))
    except OSError as err:
        say(f"error: {err if isinstance(err, RunFolderError) else _os_message(err)}", err=True)
        return EXIT_PROBLEM
    config = project.training
    say(f"{project.title}: {describe(trainer.data)}")
    say(
        translate("cli", "{0}, lr {1}, batch {2}, {3} epochs on {4}").format(
            config.optimizer, f"{config.lr:g}", config.batch_size, config.epochs, trainer.device
        )
    )
    if trainer.epoch:
        say(
            translate("cli", "resuming {0} after epoch {1} (step {2})").format(
                args.resume, trainer.epoch, trainer.step_count
            )
        )
    if args.pretrain:
        problem = _pretrain(trainer, args.pretrain)
        if problem:
            say(f"error: {problem}", err=True)
            return EXIT_PROBLEM
        trainer.after_step.remove(recorder)
        recorder = TrajectoryRecorder(trainer)  # the training path starts at the pretrained weights
        trainer.after_step.append(recorder)
    status, started = EXIT_OK, time.perf_counter()
    with StopSignals() as stop:
        saver = _Saver(out, project, records, trainer, recorder, stop, args)
        try:
            while trainer.epoch < config.epochs:
                record = trainer.run_epoch()
                records.append(record)
                say(epoch_line(record, config.epochs))
                saver.maybe_checkpoint()
        except Diverged as err:
            say(f"error: {err}", err=True)
            status = EXIT_PROBLEM
        except Stopped as stopped:
            say(
                translate("cli", "stopped by {0}; saving what was trained").format(_signal_words(stopped.name)),
                err=True,
            )
            status = EXIT_PROBLEM
        with stop.held():  # a second Ctrl-C or SIGTERM waits until the run is on disk
            if not saver.save():
                return EXIT_PROBLEM
    seconds = f"{time.perf_counter() - started:.1f}"
    say(translate("cli", "trained {0} steps in {1}s; run saved to {2}").format(trainer.step_count, seconds, out))
    return status


def _bad_options(args) -> str:
    if args.resume is None and args.project is None:
        return "give a project file to train, or --resume RUN_DIR"
    if args.epochs is not None and args.epochs < 0:
        return f"--epochs must be 0 or more, not {args.epochs}"
    if args.pretrain and args.resume is not None:
        return "--pretrain starts a run: it cannot continue one (--resume)"
    if args.checkpoint_every < 0:
        return f"--checkpoint-every must be 0 (never) or more epochs, not {args.checkpoint_every}"
    if not 0 <= args.checkpoint_minutes < float("inf"):
        return f"--checkpoint-minutes must be 0 (never) or more minutes, not {args.checkpoint_minutes:g}"
    return ""


class _Saver:
    """Writes the run (whole, see core.run.saved) at checkpoints and at the end."""

    def __init__(self, out: Path, project, records, trainer, recorder, stop: StopSignals, args):
        self.out, self.project, self.records = out, project, records
        self.trainer, self.recorder, self.stop = trainer, recorder, stop
        self.every, self.minutes = args.checkpoint_every, args.checkpoint_minutes
        self.last = time.monotonic()

    def maybe_checkpoint(self) -> None:
        due_epochs = self.every and self.trainer.epoch % self.every == 0
        due_minutes = self.minutes and time.monotonic() - self.last >= self.minutes * 60
        if due_epochs or due_minutes:
            with self.stop.held():
                if self.save():
                    say(f"checkpoint saved to {self.out}")
            self.stop.raise_pending()

    def save(self) -> bool:
        from core.run.saved import resume_state, save_run

        try:
            save_run(
                self.out,
                self.project,
                self.records,
                self.trainer.model,
                self.recorder.trajectory(),
                resume=resume_state(self.trainer),
            )
        except OSError as err:
            say(f"error: cannot save the run to {self.out}: {_os_message(err)}", err=True)
            return False
        self.last = time.monotonic()
        return True


def _pretrain(trainer, epochs: int) -> str:
    """Greedy layer-wise pretraining before training (core.train.pretrain), a line per layer;
    what went wrong, or ""."""
    from core.train.pretrain import PretrainError, after_pretraining, pretraining_of

    try:
        job = pretraining_of(trainer, epochs)
        for record in job:
            if record.epoch_end and record.epoch == record.epochs:
                say(
                    translate("cli", "pretrained {0} ({1} of {2}): reconstruction error {3} → {4}").format(
                        record.layer, record.stage, record.stages, f"{record.start_loss:.3g}", f"{record.loss:.2g}"
                    )
                )
    except PretrainError as err:
        return str(err)
    except KeyboardInterrupt:
        return translate("cli", "stopped while pretraining; nothing was trained or saved")
    after_pretraining(trainer)
    return ""


def _os_message(err: OSError) -> str:
    where = f"{err.filename}: " if err.filename else ""
    return f"{where}{err.strerror or err}"


def _signal_words(name: str) -> str:
    words = {
        "SIGINT": translate("cli", "the user (Ctrl-C)"),
        "SIGHUP": translate("cli", "SIGHUP (the terminal closed)"),
    }
    return words.get(name, name)


def _resume(trainer, folder: Path) -> list:
    from core.run.saved import METRICS_FILE, read_metrics, records_from_metrics, restore

    restore(trainer, folder)
    metrics = folder / METRICS_FILE
    records = records_from_metrics(read_metrics(metrics)) if metrics.is_file() else []
    return [r for r in records if r.epoch <= trainer.epoch]


def _continue_path(recorder, folder: Path) -> None:
    """Put the resumed run's recorded path before the new one, so the landscape shows the whole run."""
    import numpy as np

    from core.run.saved import load_trajectory

    try:
        earlier = load_trajectory(folder)
    except Exception:  # noqa: BLE001 - a broken path only costs the picture's path, never the run
        return
    if recorder.note or earlier is None or earlier.weights.shape[1:] != (recorder.count,):
        return
    keep = earlier.steps < (recorder.steps[0] if recorder.steps else np.inf)
    recorder.steps = [int(s) for s in earlier.steps[keep]] + recorder.steps
    recorder.weights = list(earlier.weights[keep]) + recorder.weights
    if len(recorder.steps) > 2:  # keep sampling as sparsely as the earlier run had come to
        recorder.every = max(1, int(recorder.steps[-2] - recorder.steps[-3]))
    while len(recorder.weights) > recorder.capacity:
        recorder.steps, recorder.weights = recorder.steps[::2], recorder.weights[::2]
        recorder.every *= 2


def describe(data) -> str:
    from core.network.layers import fmt_shape

    kind = (
        translate("cli", "{0} classes").format(data.num_classes)
        if data.num_classes
        else translate("cli", "targets of {0}").format(fmt_shape(data.target_shape))
    )
    sizes = translate("cli", "{0} train / {1} test").format(len(data.x_train), len(data.x_test))
    return translate("cli", "{0}, {1} inputs, {2}, {3}").format(data.name, fmt_shape(data.input_shape), kind, sizes)


def epoch_line(r, epochs: int) -> str:
    def acc(a):
        return translate("cli", " acc {0}%").format(f"{a * 100:5.1f}") if a is not None else ""

    width = len(str(epochs))
    return translate("cli", "epoch {0}/{1}  train loss {2}{3}  test loss {4}{5}  lr {6}  {7}s").format(
        f"{r.epoch:>{width}}",
        epochs,
        f"{r.train_loss:.4f}",
        acc(r.train_acc),
        f"{r.test_loss:.4f}",
        acc(r.test_acc),
        f"{r.lr:.3g}",
        f"{r.seconds:.2f}",
    )
