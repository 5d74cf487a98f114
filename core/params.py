"""Typed parameters shared by layer kinds, datasets and training settings.

A `Param` knows its type, default, range and a one-line help text, so the
editor can pick the right widget and project files can be validated without
any special cases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


class ParamError(ValueError):
    """A value that does not fit its parameter; the message is for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "int", "float", "bool", "choice", "shape", or "text" (also file and folder paths)
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()

    def validate(self, value: Any) -> Any:
        """Return `value` in its canonical form, or raise ParamError saying why not."""
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ParamError(f"'{self.name}' must be true or false, not {_show(value)}")
            return value
        if self.type == "choice":
            if value not in self.choices:
                raise ParamError(f"'{self.name}' must be one of {', '.join(self.choices)}, not {_show(value)}")
            return value
        if self.type == "shape":
            return self._validate_shape(value)
        if self.type == "text":
            limit = int(self.max or 4096)
            if not isinstance(value, str) or len(value) > limit:
                raise ParamError(f"'{self.name}' must be text of at most {limit} characters, not {_show(value)}")
            return value
        if self.type == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                else:
                    raise ParamError(f"'{self.name}' must be a whole number, not {_show(value)}")
        elif self.type == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
                raise ParamError(f"'{self.name}' must be a number, not {_show(value)}")
            value = float(value)
        else:
            raise ParamError(f"'{self.name}' has an unknown type {self.type}")
        self._check_range(value)
        return value

    def _check_range(self, value: float) -> None:
        if self.min is not None and value < self.min:
            raise ParamError(f"'{self.name}' must be at least {_num(self.min)}, not {_num(value)}")
        if self.max is not None and value > self.max:
            raise ParamError(f"'{self.name}' must be at most {_num(self.max)}, not {_num(value)}")

    def _validate_shape(self, value: Any) -> tuple[int, ...]:
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, (list, tuple)) or not 1 <= len(value) <= 4:
            raise ParamError(f"'{self.name}' must be a list of 1 to 4 sizes, not {_show(value)}")
        for size in value:
            if isinstance(size, bool) or not isinstance(size, int):
                raise ParamError(f"'{self.name}' sizes must be whole numbers, not {_show(size)}")
            if size != -1:
                self._check_range(size)
        return tuple(value)


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _num(value: float) -> str:
    """A number as a person writes it: whole numbers in full (2147483647, not 2.14748e+09)."""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        value = int(value)
        if abs(value) < 10**30:
            return str(value)
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        return f"{value:g}"
    except OverflowError:
        return _show(value)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validate_params(owner: str, specs: tuple[Param, ...], given: Any) -> dict[str, Any]:
    """Fill defaults and validate every given value; unknown names are errors."""
    if not isinstance(given, dict):
        raise ParamError(f"{owner}: parameters must be an object, not {_show(given)}")
    known = {p.name: p for p in specs}
    unknown = [name for name in given if name not in known]
    if unknown:
        names = ", ".join(known) or "none"
        raise ParamError(f"{owner}: unknown parameter '{unknown[0]}' (known: {names})")
    out = {}
    for spec in specs:
        try:
            out[spec.name] = spec.validate(given.get(spec.name, spec.default))
        except ParamError as err:
            raise ParamError(f"{owner}: {err}") from None
    return out
