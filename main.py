"""Neurona's entry point: no arguments opens the app, a verb runs headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from gui.app import run_app

        return run_app()
    from core.cli import main as run_verb

    return run_verb(argv)


if __name__ == "__main__":
    sys.exit(main())
