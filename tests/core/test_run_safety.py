"""No run is lost or mixed: signals, kill -9 mid-save, full and read-only disks, runs started together."""

import os
import signal
import subprocess
import sys
from pathlib import Path
from signal import SIGHUP, SIGTERM

import pytest
import torch
from conftest import LESSONS, ROOT

from core.cli.main import main as cli
from core.network.build import GraphModule
from core.project import load_project
from core.run.saved import (
    METRICS_FILE,
    RESUME_FILE,
    TRAJECTORY_FILE,
    RunFolderError,
    load_run,
    read_metrics,
    save_run,
)
from core.train.trainer import Trainer

SPIRAL = LESSONS / "spiral_mlp.json"


def train_process(*args, cwd=ROOT):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "train", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_whole_run(folder: Path) -> int:
    """The run folder loads and its parts agree; returns its epochs. Nothing temporary is left beside it."""
    project, weights = load_run(folder)
    model = GraphModule(project.graph)
    model.load_state_dict(weights)
    rows = read_metrics(folder / METRICS_FILE)
    assert [row["epoch"] for row in rows] == list(range(1, len(rows) + 1))
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.")]
    return len(rows)


def test_signals_mid_run_save_what_was_trained_and_runs_started_together_keep_apart(tmp_path):
    """Three real `train` processes started at once with the default folder name (so in the same
    second): all three runs are kept; the two stopped by SIGTERM and SIGHUP each saved a whole run."""
    stopped = {sig: train_process(str(SPIRAL), "--epochs", "100000", cwd=tmp_path) for sig in (SIGTERM, SIGHUP)}
    short = train_process(str(SPIRAL), "--epochs", "1", cwd=tmp_path)
    for sig, proc in stopped.items():
        for line in proc.stdout:
            if line.split()[:2] == ["epoch", "2/100000"]:
                break
        proc.send_signal(sig)
    for sig, proc in stopped.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, err
        assert "Traceback" not in err and f"stopped by {sig.name}" in err
        folder = tmp_path / out.split("run saved to ")[-1].strip()
        assert assert_whole_run(folder) >= 2 and (folder / RESUME_FILE).is_file()
    _, err = short.communicate(timeout=120)
    assert short.returncode == 0, err
    folders = sorted((tmp_path / "runs").iterdir())
    assert len(folders) == 3
    assert all(assert_whole_run(folder) >= 1 for folder in folders)


def _trained(epochs: int):
    project = load_project(SPIRAL)
    project.training = project.training.replace(epochs=epochs)
    trainer = Trainer(project)
    return project, list(trainer.train()), trainer.model


def _killed_during_save(folder: Path, project, records, model, kill_at: int, in_rmtree: bool) -> bool:
    """Save in a forked child that SIGKILLs itself at its `kill_at`-th fsync (or when it deletes the
    old run); True if the kill happened."""
    pid = os.fork()
    if pid == 0:  # the child: no pytest machinery may run here
        try:
            import shutil

            calls = [0]
            real_fsync = os.fsync

            def fsync(fd):
                calls[0] += 1
                if calls[0] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
                real_fsync(fd)

            os.fsync = fsync
            if in_rmtree:
                shutil.rmtree = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
            save_run(folder, project, records, model)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def test_kill_9_at_every_point_of_a_save_leaves_the_old_run_or_the_new_one_whole(tmp_path):
    folder = tmp_path / "run"
    old, new = _trained(1), _trained(2)
    save_run(folder, *old)
    kills = 0
    for kill_at in range(1, 30):
        if not _killed_during_save(folder, *new, kill_at=kill_at, in_rmtree=False):
            break
        kills += 1
        epochs = len(read_metrics(folder / METRICS_FILE))
        model = (old if epochs == 1 else new)[2]
        assert torch.equal(load_run(folder)[1]["layers.fc1.weight"], model.state_dict()["layers.fc1.weight"])
    assert kills >= 4  # project, metrics, weights, the folder: each write was cut once
    assert _killed_during_save(folder, *old, kill_at=0, in_rmtree=True)
    assert len(read_metrics(folder / METRICS_FILE)) == 1  # the new run is in place, the old one was being deleted
    save_run(folder, *new)  # the next save sweeps away what the killed ones left
    assert assert_whole_run(folder) == 2


def test_a_reused_folder_keeps_no_file_of_the_earlier_run(tmp_path, capsys):
    project, records, model = _trained(1)
    trainer = Trainer(project)
    from core.landscape.probe import TrajectoryRecorder

    save_run(tmp_path / "run", project, records, model, TrajectoryRecorder(trainer).trajectory())
    assert (tmp_path / "run" / TRAJECTORY_FILE).exists()
    save_run(tmp_path / "run", project, records, model)
    assert not (tmp_path / "run" / TRAJECTORY_FILE).exists()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "thesis.tex").write_text("mine")
    saved = save_run(tmp_path / "notes", project, records, model)  # the app lets one pick any folder
    assert saved.parent == tmp_path / "notes" and saved.name.startswith(project.title.split()[0])
    assert (tmp_path / "notes" / "thesis.tex").read_text() == "mine" and assert_whole_run(saved) == 1
    assert cli(["train", str(SPIRAL), "--out", str(tmp_path / "notes")]) == 1  # train names its folder: refused
    err = capsys.readouterr().err
    assert "holds files that are not part of a run" in err and "thesis.tex" in err
    (tmp_path / "file").write_text("mine")
    with pytest.raises(RunFolderError, match="is a file"):
        save_run(tmp_path / "file", project, records, model)


def test_weight_files_get_the_same_permissions_as_the_other_run_files(tmp_path):
    mask = os.umask(0o027)
    try:
        save_run(tmp_path / "run", *_trained(1))
    finally:
        os.umask(mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "run").iterdir()}
    assert set(modes.values()) == {0o640}, modes
    assert (tmp_path / "run").stat().st_mode & 0o777 == 0o750


def test_resume_continues_as_if_never_stopped(tmp_path, capsys):
    whole, part = tmp_path / "whole", tmp_path / "part"
    assert cli(["train", str(SPIRAL), "--epochs", "4", "--out", str(whole)]) == 0
    assert cli(["train", str(SPIRAL), "--epochs", "2", "--out", str(part)]) == 0
    assert cli(["train", "--resume", str(part), "--epochs", "4"]) == 0
    assert "resuming" in capsys.readouterr().out

    def without_time(folder):
        return [{k: v for k, v in row.items() if k != "seconds"} for row in read_metrics(folder / METRICS_FILE)]

    assert without_time(part) == without_time(whole)
    assert all(torch.equal(a, b) for a, b in zip(load_run(part)[1].values(), load_run(whole)[1].values(), strict=True))


def test_resuming_what_cannot_be_resumed_says_why(tmp_path, capsys):
    save_run(tmp_path / "gui-run", *_trained(1))  # the app's saves carry no optimiser state
    assert cli(["train", "--resume", str(tmp_path / "gui-run")]) == 1
    assert "cannot be resumed" in capsys.readouterr().err
    assert cli(["train", "--resume", str(tmp_path / "nothing")]) == 2
    assert "nothing" in capsys.readouterr().err


def test_read_only_and_full_disks_refuse_before_training(tmpfs, capsys):
    read_only, full = tmpfs("ro", "size=4m,ro"), tmpfs("full", "size=256k")
    for out, why in ((read_only / "run", "Read-only file system"), (full / "run", "free")):
        assert cli(["train", str(SPIRAL), "--epochs", "1000", "--out", str(out)]) == 1
        captured = capsys.readouterr()
        assert why in captured.err and "epoch" not in captured.out
        assert not out.exists()


def test_a_disk_filling_up_during_the_save_keeps_the_earlier_run(tmpfs):
    disk = tmpfs("disk", "size=1m")
    project, records, model = _trained(1)
    save_run(disk / "run", project, records, model)
    with open(disk / "filler", "ab") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    with pytest.raises(OSError):
        save_run(disk / "run", *_trained(2))
    assert assert_whole_run(disk / "run") == 1
