"""Background operations: results, failures, progress and cancel come back on the UI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.ui.operations import run_operation


def test_result_and_progress_come_back_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}
    ui_thread = QApplication.instance().thread()  # type: ignore[union-attr]

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        seen["worker_thread"] = QThread.currentThread()
        for i in range(3):
            progress(i + 1, 3, f"item {i + 1}")
        return 42

    def success(result):  # type: ignore[no-untyped-def]
        seen["result"] = result
        seen["callback_thread"] = QThread.currentThread()

    operation = run_operation(parent, "Working", work, success)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker_thread"] is not ui_thread
    assert seen["callback_thread"] is ui_thread
    assert operation.dialog is not None and operation.dialog.maximum() == 3


def test_failure_is_reported_not_swallowed(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    run_operation(None, "Working", work, on_failure=errors.append, show_dialog=False)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "disk full"


def test_cancel_stops_between_items(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    done: list[int] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        count = 0
        for _ in range(1000):
            started.set()
            if cancelled():
                break
            time.sleep(0.005)
            count += 1
        return count

    operation = run_operation(None, "Working", work, done.append)
    assert started.wait(5)
    operation.dialog.findChild(QPushButton).click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0] < 1000


def test_wait_returns_when_the_work_ends_even_with_the_ui_thread_blocked(qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[int] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        time.sleep(0.05)
        return 7

    operation = run_operation(None, "Working", work, results.append, show_dialog=False)
    started = time.monotonic()
    assert operation.wait(10000)
    assert time.monotonic() - started < 5
    qtbot.waitUntil(lambda: results == [7], timeout=5000)


def test_failure_text_words_an_os_error_in_the_window_language(chinese: str) -> None:
    import errno

    from app.ui.operations import failure_text

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "D:/报送/汇总表.xlsx")
    text = failure_text(missing)
    assert text == "D:/报送/汇总表.xlsx：文件或文件夹不存在"
    assert failure_text(ValueError("a bug's own words")) == "a bug's own words"
