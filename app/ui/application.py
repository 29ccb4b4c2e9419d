"""Starting the window: QApplication, translators, fonts, crash handler, the database.

`run_window(db_path)` is what `app.__main__` and `app.cli` call when no subcommand is given.
The main window is shown first and the database opened right after its first paint:
SQLAlchemy and the register take a few hundred milliseconds to load, and a window that
appears at once reads as a program that started. (Importing them on a worker thread
meanwhile was tried: the two threads take turns at the GIL and the first paint came later,
so the window thread imports them itself.) A database that cannot be opened is explained in
a message box and the exit status is 1, never a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import ORGANISATION_NAME, __app_name__, __version__
from app.paths import resource_path
from app.ui import crash, i18n, interaction
from app.ui.fonts import configure_fonts
from app.ui.settings import Preferences

log = logging.getLogger(__name__)

# The bundle's smoke test and benchmarks/bundle.py set this to a file name: after the first
# paint, once the register is open, the window writes what it started with there (times,
# title, language, translation files, folders) as JSON and quits with status 0. The windowed
# executable on Windows has no console to print to, hence a file.
STARTUP_REPORT_ENV = "LICENCE_DESK_STARTUP_REPORT"


def create_application(preferences: Preferences) -> QApplication:
    """The QApplication with name, translators and fonts (reuses one that exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(__app_name__)
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName(ORGANISATION_NAME)
    i18n.install_translators(app, preferences.language)
    configure_fonts(app)
    app.setWindowIcon(QIcon(str(resource_path("icons", "licence-desk.png"))))
    return app


def missing_display(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True where the window cannot appear: an X11/Wayland system with no display to draw on
    (an SSH session, a server). Qt would abort there with a message about plugins that sends
    clerks looking for a broken installation; `run_window` says what is really missing."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "cygwin", "darwin")) or env.get("QT_QPA_PLATFORM"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def start_window(option: str | None) -> int:
    """Show the main window on the register `--db` (`option`), LICENCE_DESK_DB, the settings
    page's saved choice or this PC's file names, in that order; returns the exit status.
    OSError when the user data folder cannot be made."""
    from app.ui.settings import SERVER
    from app.usecases.start import start_location

    preferences = Preferences()
    kind = preferences.database_kind
    start = start_location(option, kind, preferences.server_choice if kind == SERVER else None)
    return run_window(start.location, start=start, preferences=preferences)


def run_window(db_path: Path | str, *, start: Any = None,
               preferences: Preferences | None = None) -> int:
    """Show the main window on the database at `db_path`; returns the exit status. `start`
    (app.usecases.start.StartLocation) says who chose it: a saved office server that cannot
    be opened gives way to this PC's register, so that the clerk can reach the settings."""
    preferences = preferences or Preferences()
    if missing_display():
        from app.messages import message

        print(message("window.no_display", {}, preferences.language), file=sys.stderr)
        return 2
    crash.install()
    app = create_application(preferences)

    from app.ui.main_window import FirstPaintWatcher, MainWindow

    window = MainWindow(preferences)
    window.start_location = start
    status = {"code": 0}

    def open_register() -> None:
        from app.messages import message

        # A large register's rows, painted: the checks' worker process starts now, beside
        # the database opening (app.ui.register_model.PatentTableModel.start_check_process).
        window.model.start_check_process()
        from app.models.database import DatabaseError, open_database

        try:
            database = open_database(db_path)
        except DatabaseError as err:
            from app.paths import shown_location

            log.warning("cannot open %s: %s %s", shown_location(db_path), err.code, err.params)
            if getattr(start, "source", "") == "saved":
                database = _this_pc_instead(window, err)
                if database is not None:
                    opened(database)
                    return
            interaction.critical(
                window,
                QCoreApplication.translate("Application", "Cannot open the register"),
                message(err.code, err.params, i18n.language()),
            )
            status["code"] = 1
            window.close()
            QTimer.singleShot(0, lambda: app.exit(1))  # from the loop itself, not a paint
            return
        opened(database)

    def opened(database: Any) -> None:
        from app.models.store import Store

        app.aboutToQuit.connect(database.close)
        if database.backup_path is not None:
            log.info("database upgraded; copy before upgrade at %s", database.backup_path)
        window.set_store(Store(database))
        if database.is_server and database.backup_path is not None:  # says where (issue 16)
            QTimer.singleShot(0, lambda: interaction.inform(
                window, QCoreApplication.translate("Application", "Server database upgraded"),
                message("db.server_backup_written", {"path": database.server,
                                                     "backup": str(database.backup_path)},
                        i18n.language())))
        if database.file_report:  # files an older version kept that could not be moved in
            from app.messages import describe

            QTimer.singleShot(0, lambda: interaction.inform(
                window, QCoreApplication.translate("Application", "Files of the register"),
                "\n\n".join(describe(f, i18n.language()) for f in database.file_report)))
        if report_path:
            _write_startup_report(Path(report_path), window, db_path, painted_at, painted_cpu)
            QTimer.singleShot(0, app.quit)
            return
        QTimer.singleShot(0, window.first_start.ask)  # no unit name yet: ask for it first
        QTimer.singleShot(0, window.offer_drafts)

    painted_at = 0.0
    painted_cpu = 0.0
    report_path = os.environ.get(STARTUP_REPORT_ENV)

    def first_paint() -> None:
        nonlocal painted_at, painted_cpu
        painted_at = time.time()
        painted_cpu = time.process_time()
        if window.show_register_preview(db_path):
            # The register's rows paint first; the database opens right after.
            FirstPaintWatcher(window.view.viewport(), open_register, fallback_ms=300)
        else:
            open_register()

    FirstPaintWatcher(window, first_paint)
    # The checks' thread is stopped and waited for, and their process ended, before Qt is
    # torn down: a daemon thread still inside Qt (the collator) at exit aborts the process.
    app.aboutToQuit.connect(lambda: window.model.stop_checks(3.0))
    window.show()
    code = app.exec()
    return status["code"] or code


def _this_pc_instead(window: QWidget, err: Any) -> Any:
    """The saved office server cannot be opened: say why, and open this PC's register so
    that the clerk can still work and correct the settings (Settings → Database). None when
    that fails too (the first error has been shown)."""
    from app.messages import message
    from app.models.database import DatabaseError, open_database
    from app.paths import default_database_path

    interaction.critical(
        window,
        QCoreApplication.translate("Application", "Cannot open the office server"),
        message(err.code, err.params, i18n.language()) + "\n\n" + QCoreApplication.translate(
            "Application", "This PC's register is opened instead. Correct the office server's "
            "settings under Settings → Database."),
    )
    try:
        return open_database(default_database_path(None))
    except DatabaseError:
        return None


def _write_startup_report(
    path: Path, window: QWidget, db_path: Path | str, painted_at: float,
    painted_cpu: float = 0.0,
) -> None:
    import json

    from app.paths import shown_location, user_data_dir

    report = {
        "first_paint": painted_at,
        "first_paint_cpu": painted_cpu,  # CPU seconds of the process at it (all threads)
        "register_open": time.time(),
        "title": window.windowTitle(),
        "language": i18n.language(),
        "catalogues": i18n.loaded_catalogues(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": getattr(sys, "_MEIPASS", None),
        "data_dir": str(user_data_dir()),
        "database": shown_location(db_path),
        "log": str(crash.log_path()),
        "version": __version__,
    }
    from app.models.register_checks import spawned_modules

    # What a worker process (the register's checks) loads before its target: not the window.
    report["spawned_modules"] = spawned_modules()
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
