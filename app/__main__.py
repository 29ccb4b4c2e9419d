"""`python -m app` and the `licence-desk` script: the window with no command, else the CLI.

A clerk starts the window with no arguments (or only `--db PATH`). That case goes straight to
the window without building the command line's parser and message table, which would cost a
fifth of the start-up time. Anything else, and any trouble on the way (a data folder that
cannot be created, Qt missing), is handed to `app.cli`, which parses it and words the problem.
"""

from __future__ import annotations

import sys


def plain_window_start(argv: list[str]) -> tuple[bool, str | None]:
    """(whether `argv` only asks for the window, the `--db` value given or None)."""
    option: str | None = None
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest and not rest[0].startswith("-"):
            option = rest.pop(0)
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            option = arg[len("--db="):]
        else:
            return False, None
    return True, option


def _start_window(option: str | None) -> int | None:
    """Runs the window; None when it cannot start here and the CLI should explain why."""
    try:
        from app.paths import user_data_dir

        user_data_dir()  # a folder that cannot be made: the CLI words it
        from app.ui.application import start_window
    except (OSError, ImportError):
        return None
    return int(start_window(option))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    window_only, option = plain_window_start(args)
    if window_only:
        status = _start_window(option)
        if status is not None:
            return status
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # a bundled copy starts its PDF workers through here
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
