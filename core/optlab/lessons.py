"""The lab's lessons: races ready to run, stored as JSON in assets/lessons/lab/.

A lesson names a surface, a start, the racers with their settings, the common options and
how many steps it takes to show its point, with a title and a short explanation for the lab.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.optlab.functions import make_surface
from core.optlab.race import Common, Race, RacerSpec

LAB_LESSONS = Path(__file__).resolve().parents[2] / "assets" / "lessons" / "lab"
FORMAT, VERSION = "neurona-lab-lesson", 1


@dataclass
class LabLesson:
    name: str  # the file's stem
    title: str
    explanation: str
    function: str
    params: dict = field(default_factory=dict)
    start: tuple[float, float] | None = None
    steps: int = 300
    common: Common = field(default_factory=Common)
    racers: list[RacerSpec] = field(default_factory=list)
    order: int = 99  # where the lab's chooser lists it (the course's order)

    def race(self) -> Race:
        return Race(make_surface(self.function, **self.params), self.racers, self.start, Common(**vars(self.common)))


def _text(raw: dict, key: str, language: str):
    translated = raw.get("texts", {}).get(language, {}) if isinstance(raw.get("texts"), dict) else {}
    return translated.get(key) if isinstance(translated, dict) and translated.get(key) else raw[key]


def load_lesson(path: str | Path, language: str = "en") -> LabLesson:
    """Read and check a lesson file; ValueError says what is wrong with it. Its title and
    explanation in `language` where the file has them ("texts": {"es": {...}}), else in English."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ValueError(f"{path.name}: cannot read it ({err})") from None
    try:
        if raw.get("format") != FORMAT or raw.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} file of version {VERSION}")
        start = raw.get("start")
        lesson = LabLesson(
            name=path.stem,
            title=str(_text(raw, "title", language)),
            explanation=str(_text(raw, "explanation", language)),
            function=str(raw["function"]),
            params=dict(raw.get("params", {})),
            start=(float(start[0]), float(start[1])) if start is not None else None,
            steps=int(raw.get("steps", 300)),
            common=Common(**raw.get("common", {})),
            racers=[RacerSpec(**r) for r in raw["racers"]],
            order=int(raw.get("order", 99)),
        )
        lesson.race()  # every name and setting is valid
    except (KeyError, TypeError, ValueError, IndexError) as err:
        what = f"missing '{err.args[0]}'" if isinstance(err, KeyError) else str(err)
        raise ValueError(f"{path.name}: {what}") from None
    return lesson


def lab_lessons(folder: Path = LAB_LESSONS, language: str = "en") -> list[LabLesson]:
    """Every lesson in the folder, in the course's order, with its texts in `language` where it has them."""
    lessons = (load_lesson(p, language) for p in folder.glob("*.json"))
    return sorted(lessons, key=lambda lesson: (lesson.order, lesson.name))


def find_lesson(name: str, folder: Path = LAB_LESSONS) -> LabLesson:
    path = folder / f"{name}.json"
    if not path.exists():
        names = ", ".join(p.stem for p in sorted(folder.glob("*.json")))
        raise ValueError(f"no lab lesson '{name}'; there are: {names}")
    return load_lesson(path)
