"""Files the clerk gets carry the user's normal permissions, not owner-only (issue 17 point 16)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import interchange
from app.export.excel.workbook import write_atomically as write_workbook
from app.export.pdf.kit import write_atomic as write_pdf
from app.file_modes import current_umask
from app.models import patent_import
from app.submit.files import write_atomic as write_package_file

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX file modes")

WRITERS: dict[str, Callable[[Path], object]] = {
    "pdf": lambda p: write_pdf(p / "信息表.pdf", b"%PDF-1.4\n"),
    "xlsx": lambda p: write_workbook(p / "汇总表.xlsx", b"PK"),
    "package": lambda p: write_package_file(p / "manifest.json", b"{}"),
    "json": lambda p: interchange.write_atomically(p / "backup.json", "{}"),
    "mapping": lambda p: patent_import._write_text_atomically(p / "mapping.json", "{}"),
}


@pytest.fixture(params=[0o022, 0o027, 0o002])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_written_with_the_umask_s_mode(kind: str, umask: int, tmp_path: Path) -> None:
    WRITERS[kind](tmp_path)
    (written,) = [p for p in tmp_path.iterdir()]
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~umask
    # What a plain open() gives, for comparison.
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    assert stat.S_IMODE(plain.stat().st_mode) == stat.S_IMODE(written.stat().st_mode)


def test_current_umask_leaves_it_alone(umask: int) -> None:
    assert current_umask() == umask
    assert current_umask() == umask
