"""Neurona's entry point: no arguments opens the app, a verb runs headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from core.cli import build_parser
    from core.cli import main as run_verb

    args = build_parser().parse_args(argv)  # --help and bad arguments end here
    if args.verb in ("check", "train", "download"):
        return run_verb(argv)
    from gui.app import run_app

    if args.verb == "open":
        return run_app(args.project, args.screenshot, args.size, args.train)
    return run_app()


if __name__ == "__main__":
    sys.exit(main())
