"""Neurona's entry point: no arguments opens the app, a verb runs headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from core.cli import build_parser
    from core.cli import main as run_verb
    from gui.views.registry import VIEW_NAMES  # plain names: Qt is not imported yet

    args = build_parser(tuple(VIEW_NAMES)).parse_args(argv)  # --help and bad arguments end here
    if args.verb == "lab":  # its PNG is drawn by the lab's own view, so this verb starts on the GUI side
        from gui.lab_picture import run_lab

        return run_lab(args)
    if args.verb == "landscape":  # the same: its PNG is drawn by the landscape view
        from gui.landscape_export import run_landscape

        return run_landscape(args)
    if args.verb is not None and args.verb != "open":
        return run_verb(argv)
    from gui.app import run_app

    if args.verb == "open":
        return run_app(args.project, args.screenshot, args.size, args.train, args.view or "")
    return run_app()


if __name__ == "__main__":
    sys.exit(main())
