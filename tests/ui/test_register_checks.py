"""Every record checked with a worker process beside the worker thread (issue 19): the same
findings, sort keys and orders as the rules on each record one by one; a process that cannot
start or dies leaves the thread to finish with the same results; a cancel ends the process."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields, check_patent
from app.models.register_checks import CheckProcess
from app.models.register_table import RegisterTuple, fields_of, tuple_of
from app.ui.register_model import Column, PatentTableModel, RegisterRow

from .conftest import number

TODAY = dt.date.today()


def problem_register(count: int) -> list[RegisterTuple]:
    """`count` register rows, in number order, cycling through clean records and a record
    with each problem the rules find on a patent."""
    long_text = "长" * 201
    rows = []
    for i in range(count):
        year = 2004 + i % 20
        kind = "1238"[i % 4]
        serial = 1000 + i
        good = number(year, kind, serial)
        filing = dt.date(year, 1 + i % 12, 1 + i % 28)
        fields: dict[str, Any] = dict(
            number=good, title=f"一种检测方法（{i}）",
            patentees=("武汉大学", "华中科技大学")[: 1 + i % 2],
            filing_date=filing, grant_date=filing + dt.timedelta(days=400),
            legal_status=("valid", "lapsed", "expired", "valid")[i % 4],
        )
        problem = i % 24
        digits = f"{year}{kind}{serial:07d}"
        if problem == 1:
            fields["number"] = digits + ".0" if check_character(digits) != "0" else digits + ".1"
        elif problem == 2:
            fields["number"] = digits  # no check character
        elif problem == 3:
            fields["number"] = f"CN{10_000_000 + i}A"  # a publication number
        elif problem == 4:
            fields["number"] = f"20{i:03d}"  # malformed
        elif problem == 5:
            fields["number"] = number(year, "5", serial)  # unknown type digit
        elif problem == 6:
            fields["entered_kind"] = "design" if kind == "1" else "invention"
        elif problem == 7:
            fields["entered_kind"] = "patent"  # unknown kind
        elif problem == 8:
            fields["title"] = "  "
        elif problem == 9:
            fields["patentees"] = ()
        elif problem == 10:
            fields["patentees"] = ("武汉大学", " ")
        elif problem == 11:
            fields["patentees"] = ("武汉大学", "武汉大学")
        elif problem == 12:
            fields["filing_date"] = None
        elif problem == 13:
            fields["filing_date"] = TODAY + dt.timedelta(days=30)
            fields["grant_date"] = None
        elif problem == 14:
            fields["filing_date"] = dt.date(year - 1 if year > 2004 else year + 1, 6, 1)
        elif problem == 15:
            fields["title"] = long_text
            fields["remarks"] = "注" * 2001
        elif problem == 16:
            fields["grant_date"] = filing - dt.timedelta(days=3)
        elif problem == 17:
            fields["grant_date"] = None  # valid without a grant date: a warning
            fields["legal_status"] = "valid"
        elif problem == 18:
            fields["legal_status"] = "sleeping"
        elif problem == 19:
            days = (-5, 9999, 100)[(i // 24) % 3]
            fields["term_compensation_days"] = days
            if days == 100:
                fields["number"] = number(year, "2", serial)  # a utility model
        elif problem == 20:
            fields["expiry_override"] = dt.date(2040, 1, 1)  # without a note
        elif problem == 21:
            fields["expiry_override"] = dt.date(2039, 5, 4)
            fields["expiry_override_note"] = "法院判决"
        elif problem == 22:
            fields["grant_date"] = TODAY + dt.timedelta(days=3)
        elif problem == 23:
            fields["filing_date"] = dt.date(1970, 1, 1)  # out of range
        rows.append(tuple_of(i + 1, PatentFields(**fields)))
    rows.sort(key=lambda r: r[1])
    return rows


def expected(rows: list[RegisterTuple]) -> dict[int, Any]:
    """The old path: the rules on each record's fields, the cells from the number parsed."""
    return {
        raw[0]: (check_patent(fields_of(raw), today=TODAY),
                 RegisterRow(raw).sort_keys())
        for raw in rows
    }


def results_of(model: PatentTableModel) -> dict[int, Any]:
    out = {}
    for record in model.records():
        assert record._findings is not None
        out[record.patent_id] = (record.findings, record.sort_keys())
    return out


def orders_of(model: PatentTableModel) -> dict[int, list[int]]:
    return {column: [r.patent_id for r in model.ascending(column)] for column in Column}


def wait_checked(qtbot: QtBot, model: PatentTableModel) -> None:
    qtbot.waitUntil(lambda: not model.checking, timeout=60_000)


def loaded(rows: list[RegisterTuple], **settings: Any) -> PatentTableModel:
    model = PatentTableModel()
    for name, value in settings.items():
        setattr(model, name, value)
    model.load_table(rows)
    return model


def test_the_problem_register_holds_every_finding_of_the_rules() -> None:
    codes = {f.code for found, _keys in expected(problem_register(480)).values() for f in found}
    assert codes >= {
        "number.check_mismatch", "number.check_missing", "number.publication",
        "number.malformed", "number.type_unknown", "kind.mismatch", "kind.unknown",
        "title.required", "patentees.required", "patentees.blank", "patentees.duplicate",
        "filing_date.required", "filing_date.future", "filing_date.year_mismatch",
        "range.text", "range.date", "grant_date.before_filing", "grant_date.missing",
        "grant_date.future", "legal_status.unknown", "compensation.negative",
        "compensation.too_large", "compensation.not_invention",
        "expiry_override.note_missing", "legal_status.term_ended",
    }, codes


def test_thread_and_process_give_the_findings_keys_and_orders_of_the_rules(
        qtbot: QtBot) -> None:
    rows = problem_register(2400)
    want = expected(rows)
    alone = loaded(rows, process_rows=10**9)
    alone.start_checks()
    wait_checked(qtbot, alone)
    assert alone.checked_by_process == 0
    assert results_of(alone) == want

    # The process started ahead and given time to check every chunk: all its results.
    ahead = loaded(rows, process_rows=100, process_chunk=100)
    ahead.start_check_process()
    process = ahead._process
    assert process is not None
    deadline = time.monotonic() + 60
    while process.poll_done() > 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    ahead.start_checks()
    wait_checked(qtbot, ahead)
    assert ahead.checked_by_process == len(rows)
    assert results_of(ahead) == want

    # Started with the checks: the two share the chunks, whoever gets there first.
    shared = loaded(rows, process_rows=100, process_chunk=50)
    shared.start_checks()
    wait_checked(qtbot, shared)
    assert results_of(shared) == want

    lazy = loaded(rows)  # never checked in the background: the rows' own properties
    orders = orders_of(lazy)
    for model in (alone, ahead, shared):
        assert orders_of(model) == orders
        model.sort(Column.EXPIRY, Qt.SortOrder.DescendingOrder)
    assert [r.patent_id for r in ahead.records()] == [r.patent_id for r in alone.records()]


def test_a_process_that_cannot_start_leaves_the_thread_to_check_everything(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Any) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    rows = problem_register(600)
    model = loaded(rows, process_rows=100, process_chunk=50)
    model.start_check_process()
    assert model._process is None
    model.start_checks()
    wait_checked(qtbot, model)
    assert model.checked_by_process == 0
    assert results_of(model) == expected(rows)


def test_a_process_that_dies_leaves_the_thread_to_check_the_rest(qtbot: QtBot) -> None:
    rows = problem_register(600)
    model = loaded(rows, process_rows=100, process_chunk=50)
    model.start_check_process()
    process = model._process
    assert process is not None and process.pid is not None
    os.kill(process.pid, signal.SIGKILL if sys.platform != "win32" else signal.SIGTERM)
    model.start_checks()
    wait_checked(qtbot, model)
    assert model.checked_by_process == 0
    assert not process.alive
    assert results_of(model) == expected(rows)


def test_a_cancel_ends_the_process_at_once_and_a_new_register_is_checked(
        qtbot: QtBot) -> None:
    rows = problem_register(6000)
    model = loaded(rows, process_rows=100, process_chunk=20)
    model.start_checks()
    qtbot.waitUntil(lambda: model._running_process is not None, timeout=10_000)
    process = model._running_process
    model.stop_checks(timeout=10)  # as the window closing does
    deadline = time.monotonic() + 2
    while process._process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not process._process.is_alive()
    assert not model._checker.is_alive()

    # Another register shown while a check runs: the old check is abandoned.
    model.start_check_process()
    first = model._process
    other = problem_register(300)
    model.load_table(other)
    model.start_checks()
    wait_checked(qtbot, model)
    assert results_of(model) == expected(other)
    first._process.join(5)
    assert not first._process.is_alive()


HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "app.ui", "app.usecases",
         "openpyxl", "reportlab")


@pytest.mark.parametrize("how", ["python -m app", "a console script"])
def test_a_spawned_child_of_the_application_imports_no_qt_sqlalchemy_or_window(
        how: str, tmp_path: Path) -> None:
    """Started as `python -m app` and as `licence-desk` (a script file as pip writes it), the
    window's process spawns a child that loads none of the window's modules on its way to its
    target (reported in the start-up report; the bundle's test asks its executables)."""
    root = Path(__file__).resolve().parents[2]
    if how == "python -m app":
        command = [sys.executable, "-m", "app"]
    else:
        script = tmp_path / "licence-desk"
        script.write_text("import sys\nfrom app.__main__ import main\n"
                          "if __name__ == '__main__':\n    sys.exit(main())\n",
                          encoding="utf-8")
        command = [sys.executable, str(script)]
    report = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LICENCE_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root),
               LICENCE_DESK_DATA_DIR=str(tmp_path / "data"),
               LICENCE_DESK_STARTUP_REPORT=str(report))
    subprocess.run([*command, "--db", str(tmp_path / "register.sqlite3")], env=env,
                   cwd=tmp_path, timeout=120, check=True, capture_output=True)
    modules = json.loads(report.read_text(encoding="utf-8"))["spawned_modules"]
    assert modules and "app.models.register_checks" in modules
    assert [m for m in modules if m.startswith(HEAVY)] == []


def test_the_process_exits_when_the_window_process_goes() -> None:
    """Its pipe closed (the application ended, however): the process ends by itself."""
    process = CheckProcess(problem_register(200), TODAY, 50)
    process._connection.close()  # as the end of the window's process closes it
    process._process.join(10)
    assert not process._process.is_alive()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")
def test_a_pipe_closed_under_a_blocked_send_ends_the_sending_thread_quietly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`close` gives up waiting for a sender blocked on a process that stopped reading, kills
    the process and closes the pipe: in whichever order the sender's write then returns, the
    thread ends without an exception of its own (here the worst order, made certain)."""
    import threading

    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    rows = problem_register(200) * 100  # far more than a pipe's buffer holds
    process = CheckProcess(rows[:1], TODAY, 50)
    assert process.pid is not None
    assert process.finish(timeout=60) is not None  # started and answering: now stop it
    os.kill(process.pid, signal.SIGSTOP)
    process.submit(rows, TODAY, 500)
    sender = next(t for t in threading.enumerate() if t.name == "register-checks-send")
    deadline = time.monotonic() + 10
    while not process._send_lock.locked() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # blocked in its write, part of a message written
    process._connection.close()
    process.kill()
    sender.join(10)
    process._process.join(10)
    assert not sender.is_alive()
    assert raised == []
    assert not process.alive
