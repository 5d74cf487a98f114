"""How much memory this machine can still give, so a dataset or a network too large for it is
refused with the size it would need instead of swapping the machine to a halt or being killed."""

from __future__ import annotations

import os


class TooLarge(ValueError):
    """Arrays that would not fit in memory; the message gives the size needed and what to lower."""


def available_memory() -> int | None:
    """Bytes this machine can still give a program (Linux's MemAvailable), or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def size_text(n: float) -> str:
    return f"{n / 1e9:,.1f} GB" if n >= 1e8 else f"{n / 1e6:,.1f} MB"


def check_fits(what: str, needed: float, lower: str) -> None:
    """Refuse `what` if making it would need more than half the free memory (training needs the rest)."""
    free = available_memory()
    if free is not None and needed > free / 2:
        raise TooLarge(
            f"{what} would need about {size_text(needed)} of memory, but only {size_text(free)} is free: lower {lower}"
        )
