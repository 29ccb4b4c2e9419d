"""`render contract`, `render contacts-sheet`, `render henan-application`: files and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.models.database import open_database
from app.models.store import Store
from app.usecases import contracts
from tests.usecases.test_contracts import contract, setup


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    try:
        store = Store(database)
        setup(store)
        contracts.save(store, contract())
        contracts.save(store, contract(manner=""))
    finally:
        database.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_render_contract(capsys: pytest.CaptureFixture[str], register: Path,
                         tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "--db", str(register), "render", "contract", "--id", "1",
                       "--out", str(out_dir))
    assert code == 0, out
    assert sorted(p.suffix for p in out_dir.iterdir()) == [".docx", ".pdf"]
    code, out, _ = run(capsys, "--db", str(register), "render", "contract", "--out",
                       str(out_dir))
    assert code == 1
    assert "#2\t实施方式\t此项为必填项。" in out
    code, _, _ = run(capsys, "--db", str(register), "render", "contract", "--draft", "--out",
                     str(out_dir))
    assert code == 0
    assert len(list(out_dir.iterdir())) == 4




def test_render_henan_application(capsys: pytest.CaptureFixture[str], register: Path,
                                  tmp_path: Path) -> None:
    out_dir = tmp_path / "app"
    code, out, _ = run(capsys, "--db", str(register), "render", "henan-application", "--out",
                       str(out_dir))
    assert code == 1 and "工作指标" in out and not out_dir.exists()
    code, out, _ = run(capsys, "--db", str(register), "render", "henan-application", "--draft",
                       "--out", str(out_dir))
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "河南省专利开放许可试点工作方案（2023年-2024年）（草稿）.pdf",
        "河南省专利开放许可试点工作申请书（草稿）.pdf"]
