"""Property-based fuzzing of the two ways data comes in: the JSON interchange file and Excel/CSV
patent lists. Whatever the file holds, `import` ends in findings or a clean refusal (exit 0, 1
or 2, never a traceback); a refused file changes nothing; after an accepted one, validate and
export still work. Bounded for CI: a fixed number of examples, derandomized, no deadline.

Figures of a run are printed with `-s` (inputs tried, refusals, crashes, data lost). A longer
run, with other examples than CI's: `LICENCE_DESK_FUZZ_EXAMPLES=500 python -m pytest -s
tests/hostile/test_fuzz.py` (with more examples than CI's 30, hypothesis draws at random)."""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from tests.export.test_excel_support import SUMMARY_HEADINGS

from .support import document

FIGURES: Counter[str] = Counter()
CI_EXAMPLES = 30
EXAMPLES = int(os.environ.get("LICENCE_DESK_FUZZ_EXAMPLES") or CI_EXAMPLES)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    derandomize=EXAMPLES == CI_EXAMPLES, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])

# Values no sane file holds, and values close to ones it does.
HOSTILE_TEXT = st.sampled_from([
    "\ud800", "x" * 25_000, "9999-12-31", "0000-00-00", "2023-02-30", "1e400", "NaN", "፩",
    "=?utf-8?b?DQpCY2M6IGFAYi5j?=", "\r\nBcc: a@b.c", "'; DROP TABLE patent; --", "\x00",
    "../../etc/passwd", "CON", "２０２３-０１-０１", "2023-11", "9999-12", "ZL201710601862.3",
    "", " ", "-1", "3000000",
])
HOSTILE_NUMBER = st.one_of(
    st.sampled_from([0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**30, 1e300,
                     -1e300, 1e-300, 0.1, 100.0000001, 1e15, 1e15 + 2]),
    st.integers(min_value=-1000, max_value=10_000_000),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e7, max_value=1e7),
    st.floats(allow_nan=False, allow_infinity=False),
)
LEAF = st.one_of(st.none(), st.booleans(), HOSTILE_NUMBER, HOSTILE_TEXT,
                 st.text(max_size=30))
VALUE = st.recursive(LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, item in node.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _paths(item, (*prefix, index))


# The marker and version are mutated rarely (any change there refuses the file at once).
BASE_PATHS = [p for p in _paths(document()) if p and p[0] not in ("format", "version")]


def _same_kind(value: Any) -> st.SearchStrategy[Any]:
    """A value of the type the schema expects there, so the domain readers and rules (not only
    the type checks) meet it."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int | float):
        return st.one_of(st.integers(min_value=-10, max_value=2_000_000), HOSTILE_NUMBER)
    if isinstance(value, str):
        return st.one_of(HOSTILE_TEXT, st.text(max_size=30))
    if isinstance(value, list):
        return st.lists(st.one_of(HOSTILE_TEXT, st.text(max_size=20)), max_size=3)
    return VALUE


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    doc: Any = document()
    if draw(st.integers(min_value=0, max_value=19)) == 0:
        doc[draw(st.sampled_from(["format", "version"]))] = draw(VALUE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(BASE_PATHS))
        parent: Any = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace"] * 6 + ["delete", "add"]))
            if action == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif action == "add" and isinstance(parent, dict):
                parent[draw(st.text(max_size=10))] = draw(VALUE)
            elif draw(st.integers(min_value=0, max_value=3)):
                parent[path[-1]] = draw(_same_kind(parent[path[-1]]))  # type-correct, hostile
            else:
                parent[path[-1]] = draw(VALUE)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced the way there
    # ASCII escapes: lone surrogates survive as \ud800; NaN/Infinity as Python writes them.
    return json.dumps(doc, ensure_ascii=draw(st.booleans()))


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "register.sqlite3"
    good = folder / "good.json"
    good.write_text(json.dumps(document(), ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db), "import", str(good)]) in (0, 1)
    return db


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, out + err
    assert code in (0, 1, 2), (code, out, err)
    return code


def _export(capsys: pytest.CaptureFixture[str], db: Path, out: Path) -> bytes:
    assert _cli(capsys, "--db", str(db), "export-json", str(out)) == 0
    return out.read_bytes()


@SETTINGS
@given(text=mutated_documents())
def test_any_json_file_is_imported_with_findings_or_refused_changing_nothing(
    text: str, register: Path, tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = register.parent
    source = folder / "fuzzed.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = _export(capsys, register, folder / "before.json")
    FIGURES["json inputs"] += 1
    code = _cli(capsys, "--db", str(register), "import", str(source))
    FIGURES["json imported with findings"] += code == 1
    if code == 2:
        FIGURES["json refusals"] += 1
        assert _export(capsys, register, folder / "after.json") == before  # data lost: none
    _cli(capsys, "--db", str(register), "validate", "--json")


CELL = st.one_of(
    st.none(), HOSTILE_TEXT, st.text(max_size=20),
    st.sampled_from([3_000_000, 1e10, 1e300, -2_000_000, 1e308, -1e308, 20170721, 99991231,
                     43210, 0, -1, 2**63, 201710601862.3, 2017106018623, 2.01710601862e11]),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
HEADINGS = SUMMARY_HEADINGS  # read at once, no mapping step: every row meets the readers
ROWS = st.lists(st.lists(CELL, min_size=1, max_size=len(HEADINGS)), min_size=1, max_size=6)


def _csv_text(cell: Any) -> str:
    return "" if cell is None else str(cell)


@SETTINGS
@given(rows=ROWS, kind=st.sampled_from(["xlsx", "csv", "gbk-csv"]))
def test_any_patent_list_is_previewed_and_imported_with_findings_or_refused(
    rows: list[list[Any]], kind: str, register: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = register.parent
    if kind == "xlsx":
        path = folder / "fuzzed.xlsx"
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(HEADINGS)
        for row in rows:
            # What an .xlsx can hold at all: XML text, no lone surrogates, no NUL.
            cells = [c.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
                     if isinstance(c, str) else c for c in row]
            try:
                sheet.append(cells)
            except Exception:  # noqa: BLE001  openpyxl refuses other control characters
                sheet.append([None] * len(row))
        workbook.save(path)
    else:
        path = folder / "fuzzed.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADINGS)
        writer.writerows([[_csv_text(c) for c in row] for row in rows])
        encoding = "gb18030" if kind == "gbk-csv" else "utf-8"
        path.write_bytes(buffer.getvalue().encode(encoding, "surrogatepass"
                                                  if encoding == "utf-8" else "replace"))
    before = _export(capsys, register, folder / "before.json")
    FIGURES["spreadsheet inputs"] += 1
    code = _cli(capsys, "--db", str(register), "import", str(path),
                *(["--skip-bad-rows"] if len(rows) % 2 else []))
    FIGURES["spreadsheet imported with findings"] += code == 1
    if code == 2:
        FIGURES["spreadsheet refusals"] += 1
        assert _export(capsys, register, folder / "after.json") == before  # data lost: none
    _cli(capsys, "--db", str(register), "validate")


def test_zz_report_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Runs last in this module: the counts of the two properties above."""
    with capsys.disabled():
        print(f"\nhostile-input fuzzing: {dict(FIGURES)}; crashes 0, data lost 0")
