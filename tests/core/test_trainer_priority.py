"""The training process lowers its own priority, so the window stays responsive on a busy machine."""

import os
import subprocess
import sys

import pytest

from core.run.loop import TRAINER_NICE


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="niceness is a Unix notion")
def test_a_training_process_runs_at_a_lower_priority_and_never_raises_it():
    code = (
        "import os; from core.run.loop import lower_priority; lower_priority(); a = os.getpriority(os.PRIO_PROCESS, 0);"
        "os.setpriority(os.PRIO_PROCESS, 0, 15); lower_priority(); print(a, os.getpriority(os.PRIO_PROCESS, 0))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) == max(TRAINER_NICE, os.getpriority(os.PRIO_PROCESS, 0)) and int(out[1]) == 15


def test_a_training_process_keeps_numpy_blas_on_one_thread():
    pytest.importorskip("threadpoolctl")
    code = (
        "from threadpoolctl import threadpool_info; from core.run.loop import one_blas_thread; one_blas_thread();"
        "print(max([p['num_threads'] for p in threadpool_info()] or [1]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) == 1
