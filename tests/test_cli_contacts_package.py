"""The contacts sheet (联系人信息表) rendered from the command line goes into the Henan and
Xinyang packages, each notice's own version."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import test_cli_book
from tests.test_cli_book import PERIOD, seed_book
from tests.test_cli_package import package_folder, run

register = test_cli_book.register


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


def test_contacts_sheet_goes_into_the_henan_and_xinyang_packages(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    seed_book(register, tmp_path)
    db = str(register)
    assert run(capsys, "--db", db, "render", "deals", "--period", PERIOD, "--county", "浉河区",
               "--out", str(tmp_path / "tables"))[0] == 0
    assert run(capsys, "--db", db, "render", "summary-book", "--period", PERIOD,
               "--out", str(tmp_path / "book"))[0] == 0
    for notice in ("xinyang", "henan"):
        code, out, _ = run(capsys, "--db", db, "render", "contacts-sheet", "--notice", notice,
                           "--out", str(tmp_path / "contacts"))
        assert code == 0, out
    names = {p.name for p in (tmp_path / "contacts").iterdir()}
    assert names == {f"{t}专利开放许可试点工作联系人信息表.{e}" for t in ("河南省", "信阳市")
                     for e in ("pdf", "xlsx")}
    code, out, _ = run(capsys, "--db", db, "package", "--target", "xinyang", "--send-unsealed",
                       "--out", str(tmp_path / "xy"))
    assert code == 0, out
    assert "专利开放许可试点工作联系人信息表.pdf" in {p.name for p in package_folder(out).iterdir()}
    code, out, _ = run(capsys, "--db", db, "package", "--target", "henan", "--send-unsealed",
                       "--out", str(tmp_path / "hn"))
    assert code == 0, out
    assert "河南省专利开放许可试点工作联系人信息表.pdf" in {
        p.name for p in package_folder(out).iterdir()}
