"""The `lab` verb: race optimisers on a 2-D test function headless and write their trajectories.

main.py runs it with the lab view's picture maker (gui.verb_pictures), which adds the PNG;
core itself never draws.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from core.cli.terminal import say
from core.project import atomic_write

EXIT_OK, EXIT_PROBLEM = 0, 1
MAX_STEPS = 100_000


def add_parser(verbs) -> None:
    """The `lab` sub-command, on the parser's sub-command list `verbs`."""
    from core.optimizers import OPTIMIZERS
    from core.optlab.functions import SURFACES

    lab = verbs.add_parser(
        "lab",
        help="race optimisers on a 2-D test function and save the trajectories and a picture",
        description="Race optimisers from one start on a 2-D test function, as the app's optimizer lab does, "
        "and write each trajectory (CSV and JSON) and a PNG of the race into --out.",
        epilog="Settings follow an optimizer's name after colons, e.g. --optimizers sgd:lr=0.002,adam:lr=0.1 . "
        "Without an lr, each racer gets a rate that suits the function.",
    )
    lab.add_argument("--function", default="rosenbrock", help="one of: " + ", ".join(SURFACES))
    lab.add_argument("--condition", type=float, help="the quadratic's condition number (default 10)")
    lab.add_argument(
        "--optimizers",
        default="sgd,momentum,adam",
        metavar="NAMES",
        help="comma-separated, from: " + ", ".join(OPTIMIZERS) + " (default: sgd,momentum,adam)",
    )
    lab.add_argument("--start", metavar="X,Y", help="the common start (default: the function's own)")
    lab.add_argument("--steps", type=int, help="steps to race (default 300, or the lesson's)")
    lab.add_argument(
        "--lesson", metavar="NAME", help="run a lab lesson from assets/lessons/lab (its function, racers…)"
    )
    lab.add_argument("--lr-scale", type=float, help="multiply every learning rate (default 1)")
    lab.add_argument("--clip", type=float, help="clip each gradient to this norm (default: off)")
    lab.add_argument("--noise", type=float, help="std of Gaussian noise added to each gradient (default: none)")
    lab.add_argument("--seed", type=int, help="seed of the gradient noise (default 0)")
    lab.add_argument("--format", choices=("csv", "json", "both"), default="both", help="trajectory files to write")
    lab.add_argument("--no-picture", action="store_true", help="write the trajectories only, no PNG")
    lab.add_argument("--out", type=Path, help="folder for the files (default: runs/lab-FUNCTION-TIME)")
    # "-1.5,2" would otherwise read as an unknown option: let numbers and pairs of numbers be values
    lab._negative_number_matcher = re.compile(r"^-\d*\.?\d+(e-?\d+)?(,-?\d*\.?\d+(e-?\d+)?)?$")


def parse_start(text: str) -> tuple[float, float]:
    parts = text.replace(" ", "").split(",")
    try:
        x, y = (float(v) for v in parts)
    except ValueError:
        raise ValueError(f"--start must be two numbers X,Y such as -1.5,2, not '{text}'") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError(f"--start must be two finite numbers, not '{text}'")
    return x, y


def parse_racers(text: str) -> list:
    """'sgd,adam:lr=0.1:beta1=0.8' -> RacerSpecs (ValueError naming the bad part)."""
    from core.optimizers import optimizer
    from core.optlab.race import RacerSpec

    specs = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, *pairs = item.split(":")
        kind = optimizer(name)
        settings = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"'{pair}' in '{item}' should be KEY=VALUE")
            word = any(p.name == key and p.type == "choice" for p in kind.settings)
            settings[key] = value if word else _number(value, item)
        kind.validate(settings)
        specs.append(RacerSpec(name, settings))
    if not specs:
        raise ValueError("--optimizers names no optimizer")
    return specs


def _number(text: str, item: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"'{text}' in '{item}' is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"'{text}' in '{item}' is not a finite number")
    return value


def build_race(args):
    """The race the arguments describe (ValueError with a plain message if they cannot)."""
    from core.optlab.functions import make_surface
    from core.optlab.lessons import find_lesson
    from core.optlab.race import Common, Race

    if args.lesson:
        lesson = find_lesson(args.lesson)
        race, steps = lesson.race(), lesson.steps
        if args.start:
            race.reset(parse_start(args.start))
    else:
        params = {"condition": args.condition} if args.condition is not None else {}
        if args.condition is not None and not 0 < args.condition < math.inf:
            raise ValueError(f"--condition must be a positive finite number, not {args.condition:g}")
        if params and args.function != "quadratic":
            raise ValueError("--condition applies to the quadratic function only")
        surface = make_surface(args.function, **params)
        start = parse_start(args.start) if args.start else None
        race, steps = Race(surface, parse_racers(args.optimizers), start, Common()), 300
    for name, value in (("lr_scale", args.lr_scale), ("clip", args.clip), ("noise", args.noise)):
        if value is not None:
            if not math.isfinite(value):
                raise ValueError(f"--{name.replace('_', '-')} must be a finite number, not {value:g}")
            if value < 0 or (name == "lr_scale" and value == 0):
                raise ValueError(f"--{name.replace('_', '-')} must be positive, not {value:g}")
            setattr(race.common, name, value)
    if args.seed is not None:
        race.common.seed = args.seed
        race.reset()
    steps = args.steps if args.steps is not None else steps
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"--steps must be between 0 and {MAX_STEPS}, not {steps}")
    return race, steps


def run(args, draw: Callable | None = None) -> int:
    """Race, write the files and, given `draw(race, path)`, the picture."""
    try:
        race, steps = build_race(args)
    except ValueError as err:
        say(f"error: {err}", err=True)
        return EXIT_PROBLEM
    started, shown = time.monotonic(), time.monotonic()
    try:
        for done in range(steps):
            if race.finished:
                break
            race.step()
            if time.monotonic() - shown > 1.0:  # a long race says how far it is
                shown = time.monotonic()
                print(f"  step {done + 1:,} of {steps:,} after {shown - started:.0f}s", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(f"stopped by the user after {race.step_count:,} steps; writing them", file=sys.stderr)
    out = args.out or Path("runs") / f"lab-{race.surface.name}-{datetime.now():%Y%m%d-%H%M%S}"
    try:
        written = write_race(race, out, args.format)
    except OSError as err:
        where = err.filename or out
        say(f"error: cannot write {where}: {err.strerror or err}", err=True)
        return EXIT_PROBLEM
    print(f"{race.surface.title}, from ({race.start[0]:g}, {race.start[1]:g}), {race.step_count} steps")
    for racer in race.racers:
        x, y = racer.points[-1]
        where = f"at ({x:.4g}, {y:.4g})"
        print(f"  {racer.spec.describe(race.surface):<44} loss {racer.losses[-1]:<11.4g} {where}  {racer.stopped}")
    if draw is not None and not args.no_picture:
        picture = out / "race.png"
        if not draw(race, picture):
            say(f"error: cannot write {picture}", err=True)
            return EXIT_PROBLEM
        written.append(picture)
    print(f"wrote {', '.join(p.name for p in written)} to {out}")
    return EXIT_OK


def write_race(race, out: Path, fmt: str = "both") -> list[Path]:
    """One CSV per racer (step, x, y, loss) and/or race.json with everything."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if fmt in ("csv", "both"):
        for i, racer in enumerate(race.racers, 1):
            path = out / f"{i:02d}-{_slug(racer.label)}.csv"
            text = io.StringIO()
            rows = csv.writer(text, lineterminator="\n")
            rows.writerow(["step", "x", "y", "loss"])
            for step, ((x, y), loss) in enumerate(zip(racer.points, racer.losses, strict=True)):
                rows.writerow([step, repr(float(x)), repr(float(y)), repr(float(loss))])
            atomic_write(path, text.getvalue())
            written.append(path)
    if fmt in ("json", "both"):
        path = out / "race.json"  # strict JSON: a diverged racer's inf and nan become null
        atomic_write(path, json.dumps(_strict(race_record(race)), indent=1, allow_nan=False))
        written.append(path)
    return written


def race_record(race) -> dict:
    surface = race.surface
    return {
        "function": surface.name,
        "params": surface.params,
        "start": list(race.start),
        "steps": race.step_count,
        "common": vars(race.common),
        "racers": [
            {
                "label": r.label,
                "optimizer": r.spec.optimizer,
                "settings": r.settings,
                "clip": r.spec.clip,
                "stopped": r.stopped,
                "points": r.points.tolist(),
                "losses": r.losses.tolist(),
            }
            for r in race.racers
        ],
    }


def _strict(value):
    """`value` with every non-finite float replaced by None, which JSON can hold."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict(v) for v in value]
    return value


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "racer"
