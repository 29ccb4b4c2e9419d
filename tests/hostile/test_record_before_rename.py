"""A document appears under its final name only once it is recorded (issue 18 point 9).

A process dying between writing a PDF and recording it (kill -9, power loss) used to leave a
complete PDF that the register does not know. The death is simulated here at the exact
moment — inside the recording — which a timed kill hits only by chance."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.export.offer_documents import render_offer_documents
from app.models.database import open_database
from app.models.store import Store
from tests.test_cli_book import GOOD, OTHER, register  # noqa: F401  (the register fixture)
from tests.test_cli_book import run as run_cli


class _Killed(BaseException):
    """Stands for the process dying: nothing after it runs, nothing catches it."""


@pytest.mark.parametrize("combined", [False, True])
def test_dying_while_recording_leaves_no_unrecorded_document(
    combined: bool, register: Path, tmp_path: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_cli(capsys, "--db", str(register), "finalise", "--patent", GOOD, OTHER)[0] == 0
    out = tmp_path / "pdf"

    def die(self: Store, documents: object) -> list[int]:
        raise _Killed

    database = open_database(register)
    try:
        store = Store(database)
        monkeypatch.setattr(Store, "record_generated_documents", die)
        with pytest.raises(_Killed):
            render_offer_documents(store, None, out, combined=combined)
        monkeypatch.undo()
        assert store.generated_documents() == []
        assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []
        # The next run writes and records them; disk and register agree.
        result = render_offer_documents(store, None, out, combined=combined)
        assert result.written
        recorded = {Path(d.path).name for d in store.generated_documents()}
        assert {p.name for p in out.iterdir()} == recorded
    finally:
        database.close()
