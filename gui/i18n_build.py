"""Keep the translations up to date: `python -m gui.i18n_build`.

Runs Qt's own tools from the PySide6 wheel: `pyside6-lupdate` reads every `tr()`,
`QCoreApplication.translate()` and `QT_TRANSLATE_NOOP()` in gui/ and core/ into
assets/translations/neurona_LANG.ts (kept translations stay; edit new ones with Qt Linguist
or any text editor), then `pyside6-lrelease` compiles each .ts into the .qm the app loads.
Locations are left out of the .ts so that moving code does not change the file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "assets" / "translations"
CATALOGUES = ("es",)


def sources(root: Path = ROOT) -> list[str]:
    return sorted(str(p.relative_to(root)) for folder in ("gui", "core") for p in (root / folder).rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def update(ts: Path, root: Path = ROOT) -> str:
    """Merge the strings of the code into `ts` (lupdate); returns lupdate's summary."""
    done = subprocess.run(
        [tool("lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete", *sources(root), "-ts", str(ts)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def release(ts: Path, qm: Path) -> str:
    done = subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def main() -> int:
    for language in CATALOGUES:
        ts = TRANSLATIONS / f"neurona_{language}.ts"
        print(update(ts))
        print(release(ts, ts.with_suffix(".qm")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
