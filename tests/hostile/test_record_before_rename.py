"""A document appears under its final name only once it is recorded (issue 18 point 9).

A process dying between writing a PDF and recording it (kill -9, power loss) used to leave a
complete PDF that the register does not know. The death is simulated here at the exact
moment — inside the recording — which a timed kill hits only by chance."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.export.offer_documents import render_offer_documents
from app.models.database import open_database
from app.models.store import Store
from app.submit.records import PackageData
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
        with monkeypatch.context() as patched:  # undo() would drop the data folder too
            patched.setattr(Store, "record_generated_documents", die)
            with pytest.raises(_Killed):
                render_offer_documents(store, None, out, combined=combined)
        assert store.generated_documents() == []
        assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []
        # The next run writes and records them; disk and register agree.
        result = render_offer_documents(store, None, out, combined=combined)
        assert result.written
        recorded = {Path(d.path).name for d in store.generated_documents()}
        assert {p.name for p in out.iterdir()} == recorded
    finally:
        database.close()


# Every other writer that records what it wrote: the ops-centre table, the contacts sheet, the
# summary book and its deal tables, and the package (issue 18 point 9, session 4).

def _visible(folder: Path) -> set[str]:
    """What a clerk sees in `folder` (scratch names start with a dot)."""
    if not folder.exists():
        return set()
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")}


def _recorded(db: Path) -> set[Path]:
    database = open_database(db)
    try:
        return {Path(d.path) for d in Store(database).generated_documents()}
    finally:
        database.close()


def _render_argv(name: str, out: Path) -> list[str]:
    from tests.test_cli_book import PERIOD

    return {
        "ops-centre": ["render", "ops-centre", "--year", str(_OPS_YEAR), "--out", str(out)],
        "contacts-sheet": ["render", "contacts-sheet", "--notice", "henan", "--out", str(out)],
        "summary-book": ["render", "summary-book", "--period", PERIOD, "--out", str(out)],
        "deals": ["render", "deals", "--period", PERIOD, "--county", "浉河区",
                  "--out", str(out)],
    }[name]


_OPS_YEAR = 2023


def _seed_everything(db: Path, tmp_path: Path) -> None:
    """A book of one deal, the unit's contacts and a saved ops-centre report."""
    from app.usecases import ops_centre
    from tests.ops.sample import sample_fields
    from tests.test_cli_book import seed_book

    seed_book(db, tmp_path)
    database = open_database(db)
    try:
        assert ops_centre.save_report(Store(database), sample_fields(_OPS_YEAR)).saved
    finally:
        database.close()


@pytest.mark.parametrize("command", ["ops-centre", "contacts-sheet", "summary-book", "deals"])
def test_dying_while_recording_a_render_leaves_no_unrecorded_file(
    command: str, register: Path, tmp_path: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    _seed_everything(register, tmp_path)
    out = tmp_path / "out"
    argv = ["--db", str(register), *_render_argv(command, out)]

    def die(self: Store, documents: object) -> list[int]:
        raise _Killed

    with monkeypatch.context() as patched:  # undo() would drop the data folder too
        patched.setattr(Store, "record_generated_documents", die)
        with pytest.raises(_Killed):
            run_cli(capsys, *argv)
    assert _recorded(register) == set()
    assert _visible(out) == set(), "a finished file the register does not know"
    # The next run writes and records; every recorded file is on disk.
    code, printed, _ = run_cli(capsys, *argv)
    assert code == 0, printed
    recorded = _recorded(register)
    assert recorded and all(path.is_file() for path in recorded)
    assert {p.name for p in recorded} <= _visible(out)


def _package(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """A Hubei package's command line, its documents rendered and recorded."""
    db = str(db_file)
    assert run_cli(capsys, "--db", db, "finalise", "--patent", GOOD, OTHER)[0] == 0
    assert run_cli(capsys, "--db", db, "render", "offers", "--patent", GOOD, OTHER,
                   "--out", str(tmp_path / "pdf"))[0] == 0
    assert run_cli(capsys, "--db", db, "render", "summary-list",
                   "--out", str(tmp_path / "pdf"))[0] == 0
    return ["--db", db, "package", "--target", "hubei", "--send-unsealed",
            "--out", str(tmp_path / "packages")]


def _packages(db: Path) -> list[PackageData]:
    from app.submit.records import SubmissionRecords

    database = open_database(db)
    try:
        return list(SubmissionRecords(database).packages())
    finally:
        database.close()


def _draft_message_ids(folder: Path) -> set[str]:
    import email
    from email import policy

    return {str(email.message_from_bytes(p.read_bytes(), policy=policy.default)["Message-ID"])
            for p in folder.glob("*.eml")}


def test_dying_while_recording_a_package_leaves_no_unrecorded_package(
    register: Path, tmp_path: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.submit.records import SubmissionRecords

    argv = _package(register, tmp_path, capsys)
    packages = tmp_path / "packages"

    def die(self: SubmissionRecords, built: object) -> int:
        raise _Killed

    with monkeypatch.context() as patched:  # undo() would drop the data folder too
        patched.setattr(SubmissionRecords, "record_package", die)
        with pytest.raises(_Killed):
            run_cli(capsys, *argv)
    assert _packages(register) == []
    assert _visible(packages) == set(), "a package on disk the register does not know"

    code, printed, _ = run_cli(capsys, *argv)
    assert code == 0, printed
    [first] = _packages(register)
    folder = Path(first.folder)
    assert {m.message_id for m in first.messages} == _draft_message_ids(folder)

    # A rebuild that dies while recording leaves the previous package and its record as
    # they were: never the new drafts under the old record.
    with monkeypatch.context() as patched:  # undo() would drop the data folder too
        patched.setattr(SubmissionRecords, "record_package", die)
        with pytest.raises(_Killed):
            run_cli(capsys, *argv)
    assert len(_packages(register)) == 1
    assert {m.message_id for m in first.messages} == _draft_message_ids(folder)
    assert _visible(packages) == {folder.name, f"{folder.name}.zip"}


def test_a_package_that_cannot_be_put_in_place_is_not_recorded(
    register: Path, tmp_path: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The zip cannot be renamed into place (on Windows: open in another program): the record
    is taken back and the previous package is put back whole."""
    import os

    from app.submit import package as package_module

    argv = _package(register, tmp_path, capsys)
    assert run_cli(capsys, *argv)[0] == 0
    [first] = _packages(register)
    folder = Path(first.folder)
    before = _draft_message_ids(folder)
    real_replace = os.replace

    def refuse_zip(source: object, target: object) -> None:
        if Path(str(source)).name == "zip.partial":  # the new zip, not the old one put back
            raise PermissionError(13, "in use", str(target))
        real_replace(source, target)

    with monkeypatch.context() as patched:  # undo() would drop the data folder too
        patched.setattr(package_module.os, "replace", refuse_zip)
        code, printed, _ = run_cli(capsys, *argv)
    assert code != 0, printed
    assert len(_packages(register)) == 1
    assert _draft_message_ids(folder) == before
    assert _visible(folder.parent) == {folder.name, f"{folder.name}.zip"}
    assert hashlib.sha256(Path(first.zip_path).read_bytes()).hexdigest() == first.zip_sha256


def test_dying_while_queueing_a_mail_leaves_no_mail_file_the_outbox_does_not_know(
    register: Path, tmp_path: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.submit.accounts import AccountData
    from app.submit.outbox import outbox_dir, queue_package
    from app.submit.records import SubmissionRecords

    assert run_cli(capsys, *_package(register, tmp_path, capsys))[0] == 0
    database = open_database(register)
    try:
        records = SubmissionRecords(database)
        saved = records.save_account(AccountData(
            name="test", host="127.0.0.1", port=465, security="ssl", user="kjc@example.edu.cn",
            sender_name="科技成果转化办公室", sender_address="kjc@example.edu.cn"))
        account = records.account(saved.record_id)
        assert account is not None
        [package] = records.packages()

        def die(self: SubmissionRecords, *args: object, **kwargs: object) -> bool:
            raise _Killed

        with monkeypatch.context() as patched:  # undo() would drop the data folder too
            patched.setattr(SubmissionRecords, "set_queued", die)
            with pytest.raises(_Killed):
                queue_package(records, package.id, account)
        assert _visible(outbox_dir()) == set(), "a mail file the outbox does not know"
        assert queue_package(records, package.id, account) == []
        queued = [Path(m.eml_path) for m in records.outbox(package.id)]
        assert queued and all(path.is_file() for path in queued)
        assert _visible(outbox_dir()) == {path.name for path in queued}
    finally:
        database.close()
