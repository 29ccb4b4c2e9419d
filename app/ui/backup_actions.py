"""The File menu's one-file backup and restore (issue 16), off the UI thread with progress and
Cancel. The work is app.usecases.backup; this module asks, shows and words. `window` is the
MainWindow (not imported: it imports this)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.ui import i18n, interaction

_CANCELLED = object()


def _adapter(progress: Any, cancelled: Any) -> Any:
    def report(done: int, total: int) -> bool:
        progress(done, total)
        return not cancelled()

    return report


def back_up(window: Any, path: str | None = None) -> Any:
    """Ask where, then write the zip of the register and its files."""
    if window.store is None:
        return None
    if path is None:
        path = interaction.choose_save_file(
            window, QCoreApplication.translate("Backup", "Back up to a file"),
            window.preferences.last_folder("backup"),
            QCoreApplication.translate("Backup", "Licence Desk backup (*.zip)"))
        if not path:
            return None
    target = Path(path)
    window.preferences.set_last_folder("backup", target.parent)
    store = window.store

    def work(progress: Any, cancelled: Any) -> Any:
        from app.models.store import Cancelled
        from app.usecases.backup import write_backup

        try:
            return write_backup(store, target, _adapter(progress, cancelled))
        except Cancelled:
            return _CANCELLED

    def done(result: Any) -> None:
        from app.messages import describe

        title = QCoreApplication.translate("Backup", "Back up to a file")
        if result is _CANCELLED:
            window.statusBar().showMessage(QCoreApplication.translate(
                "Backup", "Backup cancelled; no file was written."), 10000)
            return
        if result.findings:
            interaction.critical(window, title, "\n".join(
                describe(f, i18n.language()) for f in result.findings))
            return
        window.statusBar().showMessage(
            QCoreApplication.translate("Backup", "Backed up the register and %1 files to %2")
            .replace("%1", str(result.files)).replace("%2", str(result.path)), 10000)

    from app.ui.operations import run_operation

    return run_operation(window, QCoreApplication.translate("Backup", "Backing up…"), work, done,
                         window._operation_failed)


def restore(window: Any, path: str | None = None) -> Any:
    """Ask which backup; say what it replaces and ask again; then check it all and restore."""
    if window.store is None:
        return None
    title = QCoreApplication.translate("Backup", "Restore from a backup file")
    if path is None:
        path = interaction.choose_open_file(
            window, title, window.preferences.last_folder("backup"),
            QCoreApplication.translate("Backup", "Licence Desk backup (*.zip)"))
        if not path:
            return None
    from app.usecases.backup import register_counts, restore_backup

    store = window.store
    current = register_counts(store)
    if not current.empty and not interaction.confirm(
            window, title,
            QCoreApplication.translate(
                "Backup", "Restoring replaces everything in this register: %1 patents, %2 "
                "information sheets, %3 deals, %4 generated documents and %5 stored files, "
                "with the package history and outbox. The mail accounts and send targets "
                "stay. The backup is checked in full first; if it is damaged nothing changes.")
            .replace("%1", str(current.patents)).replace("%2", str(current.offers))
            .replace("%3", str(current.deals)).replace("%4", str(current.documents))
            .replace("%5", str(current.files))):
        return None
    source = Path(path)

    def work(progress: Any, cancelled: Any) -> Any:
        from app.models.store import Cancelled

        try:
            return restore_backup(store, source, replace=True,
                                  progress=_adapter(progress, cancelled))
        except Cancelled:
            return _CANCELLED

    def done(result: Any) -> None:
        from app.messages import describe

        if result is _CANCELLED:
            window.statusBar().showMessage(QCoreApplication.translate(
                "Backup", "Restore cancelled; nothing was changed."), 10000)
            return
        if not result.restored:
            interaction.critical(window, title, "\n".join(
                describe(f, i18n.language()) for f in result.findings[:15]))
            return
        window.reload()
        counts = result.restored_counts
        interaction.inform(window, title, QCoreApplication.translate(
            "Backup", "Restored: %1 patents, %2 information sheets, %3 deals, %4 generated "
            "documents and %5 stored files.")
            .replace("%1", str(counts.patents)).replace("%2", str(counts.offers))
            .replace("%3", str(counts.deals)).replace("%4", str(counts.documents))
            .replace("%5", str(counts.files)))

    from app.ui.operations import run_operation

    return run_operation(window, QCoreApplication.translate("Backup", "Restoring…"), work, done,
                         window._operation_failed)
