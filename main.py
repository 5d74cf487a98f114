"""Neurona's entry point: no arguments opens the app, a project file opens it in the app
(as a file manager asks), a verb runs headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from core.cli.main import build_parser
    from core.cli.main import main as run_verb
    from gui.views.registry import VIEW_NAMES  # plain names: Qt is not imported yet

    first = _first_positional(argv)
    if first is not None and _is_a_file_to_open(first):  # also `main.py --lang es lesson.json`
        argv = ["open", *argv]
    if argv and "open" not in argv[:3]:  # a headless verb: its messages in the language asked for
        from gui.i18n import speak_on_the_command_line

        speak_on_the_command_line(_lang_asked(argv))
    parser = build_parser(tuple(VIEW_NAMES))
    args = parser.parse_args(argv)  # --help and bad arguments end here
    if args.verb in ("lab", "landscape"):  # their PNGs are drawn by the app's own views
        from gui.verb_pictures import run_picture_verb

        return run_picture_verb(args)
    if args.verb == "install-desktop":
        from gui.desktop import install_desktop_entry

        return install_desktop_entry()
    if args.verb is not None and args.verb != "open":
        return run_verb(argv)
    from gui.app import run_app

    if args.verb == "open":
        return run_app(
            args.project, args.screenshot, args.size, args.train, args.view or "", scale=args.scale, lang=args.lang
        )
    return run_app(lang=args.lang)


def _lang_asked(argv: list[str]) -> str | None:
    """--lang es / --lang=es anywhere on the line, before argparse reads it (its help is translated too)."""
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def _first_positional(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value (--lang es)."""
    for i, arg in enumerate(argv):
        if not arg.startswith("-") and (i == 0 or argv[i - 1] != "--lang"):
            return arg
    return None


def _is_a_file_to_open(first: str) -> bool:
    """`python main.py lesson.json` (what a file manager runs): a project, not a verb."""
    from pathlib import Path

    return first.endswith(".json") or Path(first).is_file()


if __name__ == "__main__":
    sys.exit(main())
