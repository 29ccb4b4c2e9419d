"""Long work off the UI thread: one helper for every batch export, import, package and send.

`run_operation(parent, title, work, on_success, on_failure)` runs `work(progress, cancelled)` on
a worker thread while a progress dialog shows how far it is and offers Cancel. `progress(done,
total, text="")` may be called from the worker; `cancelled()` tells the work to stop between two
items (work that is half done stays consistent because each item is one transaction). Results
and exceptions come back on the UI thread through the callbacks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[..., None]
# Running operations are kept here until they end: a QThread collected while it runs aborts
# the process, and callers should not have to hold on to them.
_running: set[Operation] = set()
Work = Callable[[Progress, Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancel_event: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel_event

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress, self._cancel.is_set)
        except Exception as exc:  # reported to the clerk by on_failure, never swallowed
            log.exception("background operation failed")
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            # End the thread from here, so Operation.wait() returns even while the UI thread
            # is blocked in it; the results still arrive on the UI thread afterwards.
            QThread.currentThread().quit()

    def _progress(self, done: int, total: int, text: str = "") -> None:
        self.progressed.emit(int(done), int(total), str(text))


class Operation(QObject):
    """A running operation; kept alive by its parent until it ends."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        work: Work,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        show_dialog: bool = True,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._on_success = on_success
        self._on_failure = on_failure
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)  # quick work finishes before a dialog flashes
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)

        self._thread = QThread()
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        _running.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Stopping after the current item…"))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text and not self._cancel.is_set():
            self.dialog.setLabelText(text)

    def _end(self) -> None:
        self._thread.quit()
        self._thread.wait()
        if self.dialog is not None:
            self.dialog.close()
        self.done = True
        _running.discard(self)
        self.finished.emit()

    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._end()
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._end()
        if self._on_failure is not None:
            self._on_failure(error)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the worker ends (for closing the window mid-operation, and tests)."""
        return self._thread.wait(timeout_ms)


def failure_text(error: BaseException) -> str:
    """Why an operation stopped, in the window's language (an OSError's reason in words)."""
    from app.messages import os_error_text
    from app.ui import i18n

    return os_error_text(error, i18n.language())


def run_operation(
    parent: QWidget | None,
    title: str,
    work: Work,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    show_dialog: bool = True,
) -> Operation:
    return Operation(parent, title, work, on_success, on_failure, show_dialog=show_dialog)
