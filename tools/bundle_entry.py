"""The script both executables of the bundle run (build.spec): `LicenceDesk` (windowed) and
`licence-desk` (console twin). The same as `python -m app`: no command opens the window, a
subcommand runs headless."""

from __future__ import annotations

import os
import sys


def _give_streams() -> None:
    # The windowed executable on Windows starts without a console: sys.stdout and sys.stderr
    # are None, and the first print (--version, a CLI message, a warning) would raise.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A worker process (the register's checks, the PDF pool) is this executable started
        # again: freeze_support runs its target and exits before anything else happens here.
        import multiprocessing

        multiprocessing.freeze_support()
    _give_streams()
    from app.__main__ import main

    sys.exit(main())
