"""Printing for the headless verbs: text from files is shown, never obeyed, and a reader that goes
away (`check p.json | head -1`) ends the output quietly instead of with a traceback."""

from __future__ import annotations

import os
import re
import sys

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def clean(text: object) -> str:
    """`text` with control characters (escape sequences, carriage returns, bells) written as \\x.. codes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def say(text: object = "", *, err: bool = False, end: str = "\n", raw: bool = False) -> None:
    """Print a line of output (or to stderr), escaping control characters (unless `raw`: text we
    made, already cleaned); a closed pipe ends output."""
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write((str(text) if raw else clean(text)) + end)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except ValueError:  # the stream was closed by an earlier broken pipe
        pass


def _silence(stream) -> None:
    """The reader is gone: point the stream at nothing, so Python's final flush does not complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


class ProgressLine:
    """One stderr line redrawn in place as a long read goes (`reading big.csv: 45%`); `end()` closes it."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, what: str, share: float) -> None:
        self.shown = True
        say(f"\r  reading {clean(what)}: {share:4.0%}", err=True, end="", raw=True)

    def end(self) -> None:
        if self.shown:
            say("", err=True)
            self.shown = False
