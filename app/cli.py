"""The command line: `licence-desk` and `python -m app`.

No subcommand opens the window. The subcommands work headless on the same database and never
import Qt (a test checks), so they run on a server, in CI and in scripts.

Exit status: 0 success, 1 the data has errors, 2 bad usage or a file/database that cannot be
read or written. Every message comes from the message table (`app.messages`) in `--lang`.

Adding a subcommand: write a builder that adds its arguments to the parser it is given and
returns the handler, and decorate it with `@subcommand(name, help)`. The handler parses, calls
the clerk's action in app/usecases (shared with the window: what the action means is decided
there, never here), and prints what comes back. Import heavy modules (reportlab, openpyxl,
smtplib) inside the handler so the other commands stay quick.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app import __app_name__, __version__
from app.messages import (
    KIND_LABELS,
    LANGUAGES,
    SEVERITY_LABELS,
    ZH,
    describe,
    field_label,
    label,
    message,
)
from app.models.findings import Finding
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.models.database import Database
    from app.models.store import Store

LANG_ENV_VAR = "LICENCE_DESK_LANG"

EXIT_OK = 0
EXIT_DATA_ERRORS = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report in words (through the message table) with exit status 2."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass
class Context:
    """What a handler gets: its arguments, the language, and the database opened on demand."""

    args: argparse.Namespace
    lang: str
    db_option: str | None
    _database: Database | None = field(default=None, repr=False)

    @property
    def out(self) -> TextIO:
        return sys.stdout

    @property
    def err(self) -> TextIO:
        return sys.stderr

    def text(self, code: str, **params: Any) -> str:
        return message(code, params, self.lang)

    def say(self, code: str, **params: Any) -> None:
        print(self.text(code, **params), file=self.out)

    def complain(self, code: str, **params: Any) -> None:
        print(self.text(code, **params), file=self.err)

    def database_path(self) -> Path | str:
        from app.models.database import DatabaseError
        from app.paths import default_database_path

        try:
            return default_database_path(self.db_option)
        except OSError as exc:  # the user data folder cannot be created
            raise DatabaseError(
                "db.folder_unwritable", path=str(exc.filename or ""), **reason_params(exc)
            ) from exc

    def store(self) -> Store:
        from app.models.database import open_database
        from app.models.store import Store

        if self._database is None:
            self._database = open_database(self.database_path())
            if self._database.read_only_reason:  # said once, before any output
                self.complain("db.opened_read_only", path=str(self._database.path),
                              reason=self._database.read_only_reason)
            if self._database.is_server and self._database.backup_path is not None:
                self.complain("db.server_backup_written", path=self._database.server,
                              backup=str(self._database.backup_path))
            for finding in self._database.file_report:  # files not moved in on upgrade
                self.complain(finding.code, **finding.params)
        return Store(self._database)

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


Handler = Callable[[Context], int]
Builder = Callable[[argparse.ArgumentParser], Handler]


@dataclass(frozen=True)
class Subcommand:
    name: str
    help: str
    build: Builder


SUBCOMMANDS: dict[str, Subcommand] = {}


def subcommand(name: str, help: str) -> Callable[[Builder], Builder]:
    """Register a subcommand builder (see the module docstring)."""

    def register(build: Builder) -> Builder:
        SUBCOMMANDS[name] = Subcommand(name, help, build)
        return build

    return register


# check-number ------------------------------------------------------------------------------


@subcommand("check-number", "检查专利号 / check and normalise patent numbers")
def _build_check_number(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("numbers", nargs="+", metavar="NUMBER", help="e.g. ZL201710601862.3")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return _check_number


def _check_number(ctx: Context) -> int:
    from app.models.patent_number import parse

    results = [parse(text) for text in ctx.args.numbers]
    if ctx.args.json:
        rows = [
            {
                "input": r.input,
                "valid": r.valid,
                "normalized": r.normalized,
                "kind": r.kind.value if r.kind else None,
                "code": r.code,
            }
            for r in results
        ]
        _print_json(ctx, rows)
    else:
        for r in results:
            official = r.number.official if r.number and r.valid else "-"
            kind = label(KIND_LABELS, r.kind.value, ctx.lang) if r.kind else "-"
            status = (
                ctx.text("cli.number_valid")
                if r.valid
                else " ".join(describe(f, ctx.lang) for f in r.findings)
            )
            columns = [r.input, r.normalized if r.valid and r.normalized else "-", official,
                       kind, status]
            print("\t".join(columns), file=ctx.out)
    return EXIT_OK if all(r.valid for r in results) else EXIT_DATA_ERRORS


# import / export-json ----------------------------------------------------------------------


@subcommand("import", "导入 JSON 数据文件或 Excel/CSV 专利清单 / import a JSON data file "
                      "(checked whole first) or an Excel/CSV patent list")
def _build_import(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("file", metavar="FILE",
                        help="FILE.json (the whole register) or FILE.xlsx / FILE.csv (a patent "
                             "list)")
    parser.add_argument("--mapping", metavar="FILE.json",
                        help="patent list: which column holds which item (save the mapping "
                             "printed when one is needed, edit it, pass it here)")
    parser.add_argument("--dry-run", action="store_true",
                        help="patent list: check every row and report, write nothing")
    parser.add_argument("--update", action="store_true",
                        help="patent list: update patents already in the register with the "
                             "cells the list fills in (default: skip them)")
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help="patent list: import the rows without errors even when other "
                             "rows have errors")
    return _import


def _import(ctx: Context) -> int:
    from app.usecases.register import import_data_file

    path = Path(ctx.args.file)
    if path.suffix.lower() in PATENT_LIST_SUFFIXES:
        return _import_patent_list(ctx, path)
    args = ctx.args
    if args.mapping or args.dry_run or args.update or args.skip_bad_rows:
        raise CommandError("cli.import_list_options", path=str(path))
    imported = import_data_file(path, ctx.store)
    if imported.result is None:
        return _refuse_json(ctx, path, imported.problems, unreadable=imported.unreadable)
    result = imported.result
    ctx.say(
        "cli.imported",
        path=str(path),
        count=result.created + result.updated,
        created=result.created,
        updated=result.updated,
    )
    if result.organisation_replaced:
        ctx.say("cli.organisation_replaced")
    # Kept as drafts, each kind counted and named as what it is.
    for code, count in (("cli.imported_drafts", result.patents_with_errors),
                        ("cli.imported_offer_drafts", result.offers_with_errors),
                        ("cli.imported_deal_drafts", result.deals_with_errors)):
        if count:
            ctx.say(code, count=count)
    return EXIT_DATA_ERRORS if result.records_with_errors else EXIT_OK


def _refuse_json(ctx: Context, path: Path, problems: Sequence[Finding], *,
                 unreadable: bool) -> int:
    for problem in problems:
        if problem.code in {"json.unreadable", "json.encoding"}:
            print(describe(problem, ctx.lang), file=ctx.err)
        else:
            print(f"{problem.field}: {describe(problem, ctx.lang)}", file=ctx.err)
    if not unreadable:
        ctx.complain("json.refused", path=str(path), count=len(problems))
    return EXIT_USAGE


# import: patent lists ----------------------------------------------------------------------
# A clerk's Excel or CSV list goes through the same preview as the window's import dialog:
# every row checked first, nothing written while any row has errors (unless asked), and a
# layout that is not the summary list's asks for a column mapping instead of guessing.

PATENT_LIST_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt"})


def _import_patent_list(ctx: Context, path: Path) -> int:
    from app.models.patent_import import mapping_to_json
    from app.usecases.register import check_patent_list

    args = ctx.args
    store: Store | None = None

    def existing_numbers() -> set[str]:
        nonlocal store
        # A dry run on a register that does not exist yet must not create one.
        location = ctx.database_path()
        if not args.dry_run or isinstance(location, str) or location.exists():
            store = ctx.store()
            return store.patent_numbers()
        return set()

    checked = check_patent_list(path, Path(args.mapping) if args.mapping else None,
                                existing_numbers)
    for problem in checked.mapping_problems:
        print(f"{args.mapping}: {describe(problem, ctx.lang)}", file=ctx.err)
    for problem in checked.table_problems:
        print(describe(problem, ctx.lang), file=ctx.err)
    preview = checked.preview
    if preview is None:
        return EXIT_USAGE

    if checked.proposed is not None:
        for problem in preview.findings:
            if problem.code != "import.mapping_needed":
                print(describe(problem, ctx.lang), file=ctx.err)
        ctx.complain("cli.mapping_needed", path=str(path))
        headings = "、" if ctx.lang == ZH else ", "
        ctx.complain("cli.mapping_headings", row=preview.header_row,
                     headings=headings.join(h.replace("\n", "") for h in preview.headers if h))
        print(mapping_to_json(checked.proposed), file=ctx.out)
        return EXIT_USAGE
    if not preview.readable:  # the mapping does not fit the sheet, or the sheet is empty
        for problem in preview.findings:
            print(describe(problem, ctx.lang), file=ctx.err)
        return EXIT_USAGE

    for problem in preview.findings:  # warnings about the file as a whole
        print(describe(problem, ctx.lang), file=ctx.out)
    for row in preview.rows:
        number = _official(row.patent.number) if row.patent.number else "-"
        # The import's own findings; what the register's rules say of the saved record (a
        # summary list has no filing date) is for `validate`, as for a record typed in.
        for finding in row.findings:
            print("\t".join([str(row.row), number, field_label(finding.field, ctx.lang),
                             describe(finding, ctx.lang)]), file=ctx.out)
    bad = preview.rows_with_errors
    existing_rows = [r for r in preview.existing_rows if not r.has_errors]
    ctx.say("cli.import_preview", path=str(path), rows=len(preview.rows),
            new=len(preview.rows) - len(bad) - len(existing_rows), existing=len(existing_rows),
            errors=len(bad))
    if args.dry_run:
        ctx.say("cli.import_dry_run")
        return EXIT_DATA_ERRORS if bad else EXIT_OK

    from app.usecases.register import import_patent_rows

    assert store is not None  # opened above for a real import
    imported = import_patent_rows(store, list(preview.rows), update=args.update,
                                  skip_bad_rows=args.skip_bad_rows)
    outcome = imported.outcome
    if not outcome.written:
        for problem in outcome.findings:
            print(describe(problem, ctx.lang), file=ctx.out)
        if any(f.code == "import.write_failed" for f in outcome.findings):
            return EXIT_USAGE
        return EXIT_DATA_ERRORS
    for notice in outcome.findings:  # finalised sheets the update returned to draft
        number = _official(str(notice.params.get("number", "")))
        _print_offer_findings(ctx, number, [notice])
    ctx.say("cli.imported_list", path=str(path), created=len(outcome.created),
            updated=len(outcome.updated), skipped=len(outcome.skipped_existing),
            left_out=len(outcome.skipped_rows))
    if imported.drafts:  # imported as the window would keep them: not a failure of the import
        ctx.say("cli.imported_drafts", count=imported.drafts)
    if imported.screenings_written:  # the inventory's screening columns (issue 15)
        ctx.say("cli.imported_screenings", count=imported.screenings_written)
    return EXIT_DATA_ERRORS if bad else EXIT_OK


def _official(number: str) -> str:
    """ZL + the normalised number; anything that does not parse as it was written."""
    from app.models.summary_list import official_number

    return official_number(number)


@subcommand("export-json", "导出全部数据为 JSON / export the whole register as JSON")
def _build_export(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("file", metavar="FILE.json")
    return _export


def _export(ctx: Context) -> int:
    from app.usecases.register import export_data_file

    path = Path(ctx.args.file)
    exported = export_data_file(ctx.store(), path)
    for failure in exported.findings:
        raise CommandError(failure.code, **failure.params)
    ctx.say("cli.exported", path=str(path), count=exported.count)
    return EXIT_OK


# backup / restore (issue 16) ----------------------------------------------------------------


@subcommand("backup", "一个文件备份登记簿及其文件 / back up the register and its files to one zip")
def _build_backup(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("file", metavar="FILE.zip")
    return _backup


def _backup(ctx: Context) -> int:
    from app.usecases.backup import write_backup

    result = write_backup(ctx.store(), Path(ctx.args.file))
    for failure in result.findings:
        raise CommandError(failure.code, **failure.params)
    ctx.say("cli.backup_written", path=str(result.path), files=result.files,
            size=f"{result.size / (1024 * 1024):.1f}")
    return EXIT_OK


@subcommand("restore", "从备份恢复登记簿 / restore the register from a backup zip")
def _build_restore(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("file", metavar="FILE.zip")
    parser.add_argument("--replace", action="store_true",
                        help="replace a register that holds records / 替换已有数据")
    return _restore


def _restore(ctx: Context) -> int:
    from app.usecases.backup import restore_backup

    result = restore_backup(ctx.store(), Path(ctx.args.file), replace=ctx.args.replace)
    if not result.restored:
        for finding in result.findings:
            ctx.complain(finding.code, **finding.params)
        return EXIT_DATA_ERRORS
    ctx.say("cli.restored", path=ctx.args.file, **result.restored_counts.params())
    return EXIT_OK


# validate ----------------------------------------------------------------------------------


@subcommand("validate", "检查全部数据 / check every record against the rules")
def _build_validate(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return _validate


def _validate(ctx: Context) -> int:
    from app.usecases.register import register_findings

    found, patent_count = register_findings(ctx.store(), ctx.lang)
    if ctx.args.json:
        rows = [
            {
                "entity": rf.entity,
                "record": rf.record,
                **rf.finding.to_dict(),
                "message": describe(rf.finding, ctx.lang),
            }
            for rf in found
        ]
        _print_json(ctx, rows)
    else:
        for rf in found:
            columns = [
                rf.record_label or rf.record,
                _record_field_text(rf, ctx.lang),
                label(SEVERITY_LABELS, rf.finding.severity.value, ctx.lang),
                describe(rf.finding, ctx.lang),
            ]
            print("\t".join(columns), file=ctx.out)
        errors = sum(1 for rf in found if rf.finding.is_error)
        if found:
            ctx.say(
                "cli.validate_summary",
                errors=errors,
                warnings=len(found) - errors,
                patents=patent_count,
            )
        else:
            ctx.say("cli.validate_clean", patents=patent_count)
    return EXIT_DATA_ERRORS if any(rf.finding.is_error for rf in found) else EXIT_OK


def _record_field_text(rf: Any, lang: str) -> str:
    """The field of a validate line (rf: app.usecases.register.RecordFinding)."""
    if rf.entity == "ops_centre":  # the form's own wording for its fields
        from app.models.ops_centre import field_label as ops_field_label
        return ops_field_label(rf.finding.field)
    return field_label(rf.finding.field, lang)


# finalise ----------------------------------------------------------------------------------


def _offers_for_patents(
    ctx: Context, store: Store, numbers: list[str] | None
) -> tuple[list[Any], bool]:
    """The offers of the patents named (any notation), or every offer; the names that match
    no patent or no offer are said. The flag says whether all matched."""
    from app.usecases.offers import offers_for_patents

    choice = offers_for_patents(store, numbers)
    for unmatched in choice.unmatched:
        ctx.say(unmatched.code, **unmatched.params)
    return choice.offers, choice.all_found


def _print_offer_findings(ctx: Context, number: str, findings: Iterable[Finding]) -> None:
    """One line per finding: patent number, field, message."""
    for f in findings:
        print("\t".join([number, field_label(f.field, ctx.lang), describe(f, ctx.lang)]),
              file=ctx.out)


@subcommand("finalise", "定稿信息表 / finalise every information sheet that has no errors")
def _build_finalise(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--patent", dest="patents", action="extend", nargs="+",
                        metavar="NUMBER", help="only these patents (any notation)")
    return _finalise


def _finalise(ctx: Context) -> int:
    from app.usecases.offers import finalise_offers

    store = ctx.store()
    offers, all_found = _offers_for_patents(ctx, store, ctx.args.patents)
    if not offers and all_found:
        ctx.say("cli.no_offers")
        return EXIT_OK
    outcome = finalise_offers(store, offers)
    for number, errors in outcome.refused:
        _print_offer_findings(ctx, number, errors)
    ctx.say("cli.finalised", finalised=outcome.finalised, already=outcome.already,
            refused=len(outcome.refused))
    return EXIT_OK if all_found and not outcome.refused else EXIT_DATA_ERRORS


# render ------------------------------------------------------------------------------------
# `render TARGET`: each target registers itself with `@render_target(name, help)` on a builder
# that adds its arguments to the parser it is given and returns its handler, as subcommands
# do; `render` itself never changes when a target is added.

RenderBuilder = Callable[[argparse.ArgumentParser], Handler]


@dataclass(frozen=True)
class RenderTarget:
    name: str
    help: str
    build: RenderBuilder


RENDER_TARGETS: dict[str, RenderTarget] = {}


def render_target(name: str, help: str) -> Callable[[RenderBuilder], RenderBuilder]:
    """Register a `render` target builder (see the comment above)."""

    def register(build: RenderBuilder) -> RenderBuilder:
        RENDER_TARGETS[name] = RenderTarget(name, help, build)
        return build

    return register


@subcommand("render", "生成 PDF 和 Excel / write documents: render TARGET --out DIR")
def _build_render(parser: argparse.ArgumentParser) -> Handler:
    targets = parser.add_subparsers(dest="render_target", metavar="TARGET", required=True)
    for target in RENDER_TARGETS.values():
        target_parser = targets.add_parser(target.name, help=target.help,
                                           description=target.help)
        _add_global_options(target_parser, defaults=False)
        target_parser.set_defaults(render_handler=target.build(target_parser))
    return _render


def _render(ctx: Context) -> int:
    handler: Handler = ctx.args.render_handler
    return handler(ctx)


@render_target("offers", "信息表和声明 / information sheets and declarations of offers")
def _build_render_offers(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--patent", dest="patents", action="extend", nargs="+",
                        metavar="NUMBER", help="only these patents (any notation)")
    parser.add_argument("--draft", action="store_true",
                        help="any offer, finalised or not, marked 草稿 and not recorded")
    parser.add_argument("--combined", action="store_true",
                        help="one print file 信息表和声明.pdf in register order")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs")
    return _render_offers


def _render_offers(ctx: Context) -> int:
    from app.usecases.offers import write_offer_documents

    store = ctx.store()
    offers, all_found = _offers_for_patents(ctx, store, ctx.args.patents)
    if not offers and all_found:
        ctx.say("cli.no_offers")
        return EXIT_OK
    out = Path(ctx.args.out)
    result = write_offer_documents(store, [offer.id for offer in offers], out,
                                   draft=ctx.args.draft, combined=ctx.args.combined)
    for written in result.written:
        print(written.path, file=ctx.out)
    unwritable = False
    for failure in result.failures:
        unwritable |= any(f.code == "pdf.write_failed" for f in failure.findings)
        _print_offer_findings(ctx, failure.number or str(out), failure.findings)
    if result.written:
        ctx.say("cli.rendered", count=len(result.written), folder=str(out))
    refused = {f.offer_id for f in result.failures if f.offer_id is not None}
    if refused:
        ctx.say("cli.render_refused", count=len(refused))
    if unwritable:
        return EXIT_USAGE
    return EXIT_OK if all_found and not result.failures else EXIT_DATA_ERRORS

def _record_of(finding: Finding, default: str) -> str:
    """The record a finding is about, for the first column of a listing."""
    for key in ("number", "patent", "document"):
        value = finding.params.get(key)
        if value:
            return _official(str(value)) if key != "document" else str(value)
    return default


def _print_findings(ctx: Context, default: str, findings: Iterable[Finding]) -> None:
    """One line per finding: record, field, message (as `finalise` and `render offers`)."""
    for finding in findings:
        columns = [_record_of(finding, default), _field_text(finding.field, ctx.lang),
                   describe(_with_document(finding, ctx.lang), ctx.lang)]
        print("\t".join(columns), file=ctx.out)


def _with_document(finding: Finding, lang: str) -> Finding:
    """A finding about a kind of document (no file yet) with the kind's name as `document`."""
    from app.submit.presets import DOCUMENT_KIND_LABELS

    kind = finding.params.get("kind")
    if "document" in finding.params or not isinstance(kind, str) \
            or kind not in DOCUMENT_KIND_LABELS:
        return finding
    return Finding(finding.code, finding.field, finding.severity,
                   {**finding.params, "document": label(DOCUMENT_KIND_LABELS, kind, lang)})


def _field_text(field: str, lang: str) -> str:
    """The field's label, with the deal and book tables the models keep for the window."""
    import re

    from app.models.deals import DEAL_FIELD_LABELS
    from app.models.summary_book import BOOK_FIELD_LABELS

    deal = re.match(r"^deals\[\d+\]\.(.+)$", field)
    if deal is not None:  # deals[3].patents[0] → the deal's 专利号 column
        return label(DEAL_FIELD_LABELS, re.sub(r"\[\d+\]", "", deal.group(1)), lang)
    if field in BOOK_FIELD_LABELS:
        return label(BOOK_FIELD_LABELS, field, lang)
    if field in _FIELD_CODES:  # the fields of package, send and file findings
        return message(_FIELD_CODES[field], None, lang)
    # A batch's findings are about its offers: the information sheets.
    return field_label("offer" if field == "offers" else field, lang)


_FIELD_CODES = {name: f"cli.field_{name}" for name in
                ("items", "summary_list", "unit", "account", "password", "outbox", "file",
                 "package")}


# render summary-list -----------------------------------------------------------------------


@render_target("summary-list", "汇总表 / the summary list of a batch (汇总表.pdf and .xlsx)")
def _build_render_summary_list(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--patent", dest="patents", action="extend", nargs="+",
                        metavar="NUMBER",
                        help="these patents' finalised sheets, as a batch named by --batch or "
                             "today's date (created, or reused and refilled)")
    parser.add_argument("--batch", metavar="NAME",
                        help="the batch to list (alone: an existing batch as it is)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    return _render_summary_list


def _render_summary_list(ctx: Context) -> int:
    from app.usecases.summary_list import gather_batch, write_summary_list

    args = ctx.args
    store = ctx.store()
    choice = gather_batch(store, args.patents, args.batch)
    if choice.batch_missing:
        raise CommandError("cli.batch_not_found", name=args.batch)
    for unmatched in choice.unmatched:
        ctx.say(unmatched.code, **unmatched.params)
    for number, findings in choice.left_out:
        _print_findings(ctx, number, findings)
    if choice.nothing_ready:
        ctx.say("cli.no_finalised_offers")
        return EXIT_DATA_ERRORS
    _print_findings(ctx, choice.name, choice.findings)
    if choice.batch_id is None:  # e.g. a name too long
        return EXIT_USAGE
    batch_id = choice.batch_id

    out = Path(args.out)
    written = write_summary_list(store, batch_id, out)
    for file in written.files:
        print(file.path, file=ctx.out)
    subject = written.summary.subject if written.summary is not None else str(batch_id)
    _print_findings(ctx, subject, written.findings)
    if written.summary is not None:
        ctx.say("cli.batch_used", name=subject, count=len(written.summary.rows))
    if written.files:
        ctx.say("cli.rendered", count=len(written.files), folder=str(out))
    if any(f.code == "summary_list.write_failed" for f in written.findings):
        return EXIT_USAGE
    failed = (choice.left_out or choice.unmatched
              or any(f.is_error for f in written.findings))
    return EXIT_DATA_ERRORS if failed else EXIT_OK


# render summary-book / deals ---------------------------------------------------------------
# The book's data and findings come from the records (Store.summary_book_data). The export
# functions write whatever they are given, so a book with errors is still written, but its
# PDF says 草稿 and nothing is recorded for a package: only a clean book can be sent.

def _add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True, metavar="YYYY-MM",
                        help="the month the book or tables run to (截至 … 月底)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")


@render_target("summary-book", "总结书 / the Henan summary book (PDF) and its tables (Excel)")
def _build_render_summary_book(parser: argparse.ArgumentParser) -> Handler:
    _add_period(parser)
    return _render_summary_book


@render_target("deals", "统计表和达成项目清单 / statistics and deal-list workbooks "
                        "(--county: the Xinyang ones too)")
def _build_render_deals(parser: argparse.ArgumentParser) -> Handler:
    _add_period(parser)
    parser.add_argument("--county", metavar="NAME",
                        help="also the Xinyang 附件 1 and 附件 2 workbooks for this county")
    return _render_deals


def _book_data(ctx: Context, store: Store) -> Any:
    from app.usecases.summary_book import book_data

    data = book_data(store, ctx.args.period)
    if data is None:
        raise CommandError("book.period_invalid", value=ctx.args.period)
    _print_findings(ctx, data.period.end_month, data.findings)
    return data


def _write_book(ctx: Context, what: list[str], county: str | None = None) -> int:
    from app.usecases.summary_book import book_files, write_book_files

    store = ctx.store()
    data = _book_data(ctx, store)
    out = Path(ctx.args.out)
    files = [file for part in what
             for file in book_files(part, period_end=data.period.end_month, county=county or "")]
    result = write_book_files(store, data, out, files, county=county)
    if result.unwritable:  # the folder or a file cannot be written: not the data
        failure = next(f for f in result.findings if f.code in {"pdf.write_failed",
                                                                "export.write_failed"})
        raise CommandError(failure.code, **failure.params)
    if result.findings:  # characters the font cannot print: nothing written
        _print_findings(ctx, data.period.end_month, result.findings)
        return EXIT_DATA_ERRORS
    for file in result.written:
        print(file.path, file=ctx.out)
    if result.draft and "pdf" in what:
        ctx.say("cli.book_draft")
    ctx.say("cli.rendered", count=len(result.written), folder=str(out))
    return EXIT_DATA_ERRORS if result.draft else EXIT_OK


def _render_summary_book(ctx: Context) -> int:
    return _write_book(ctx, ["pdf", "excel"])


@render_target("ops-centre", "运营管理中心建设工作总结表 / the Henan ops-centre summary table "
                             "(PDF and Excel)")
def _build_render_ops_centre(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--year", required=True, type=int, metavar="YYYY",
                        help="the report year (近三年 are this year and the two before)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    return _render_ops_centre


def _render_ops_centre(ctx: Context) -> int:
    from app.models.ops_centre import field_label as ops_field_label
    from app.usecases import ops_centre

    store = ctx.store()
    year = ctx.args.year
    if year not in ops_centre.report_years(store):
        ctx.say("ops.cli_no_report", year=year)
    result = ops_centre.render_report(store, year, Path(ctx.args.out))
    for finding in result.findings:
        print("\t".join([str(year), ops_field_label(finding.field),
                         describe(finding, ctx.lang)]), file=ctx.out)
    for path in result.paths:
        print(path, file=ctx.out)
    write_failure = next((f for f in result.findings if f.code.endswith("write_failed")), None)
    if write_failure is not None:
        raise CommandError(write_failure.code, **write_failure.params)
    if result.draft:
        ctx.say("cli.book_draft")
    if result.written:
        ctx.say("cli.rendered", count=len(result.paths), folder=str(ctx.args.out))
    return EXIT_DATA_ERRORS if result.draft else EXIT_OK


def _render_deals(ctx: Context) -> int:
    county = ctx.args.county
    if county is None:
        return _write_book(ctx, ["excel"])
    # Xinyang wants 附件 1 and 附件 2 as separate files, each sent as its own document.
    return _write_book(ctx, ["excel", "xinyang"], county.strip() or None)


# render contract / contacts-sheet / henan-application (issue 14) ---------------------------


@render_target("contract", "专利开放许可合同 / a licence contract as PDF and editable .docx")
def _build_render_contract(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--id", dest="contract_id", type=int, metavar="N",
                        help="the contract's record id (default: every contract)")
    parser.add_argument("--draft", action="store_true",
                        help="write contracts with errors too, marked 草稿")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    return _render_contract


def _render_contract(ctx: Context) -> int:
    from app.usecases import contracts

    store = ctx.store()
    ids = ([ctx.args.contract_id] if ctx.args.contract_id is not None
           else [c.id for c in contracts.contracts(store)])
    written, failed = 0, False
    for contract_id in ids:
        result = contracts.write_documents(store, contract_id, Path(ctx.args.out),
                                           draft=ctx.args.draft)
        for path in result.paths:
            print(path, file=ctx.out)
        written += len(result.paths)
        failed |= not result.ok
        _print_findings(ctx, f"#{contract_id}", result.findings)
    ctx.say("cli.rendered", count=written, folder=ctx.args.out)
    return EXIT_DATA_ERRORS if failed else EXIT_OK


@render_target("henan-application", "河南省申请书和工作方案 / the Henan application and work plan")
def _build_render_henan_application(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--year", type=int, default=2023, metavar="YYYY",
                        help="the plan's first year (default 2023: 工作方案（2023年-2024年）)")
    parser.add_argument("--draft", action="store_true", help="write it with errors, marked 草稿")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs")
    return _render_henan_application


def _render_henan_application(ctx: Context) -> int:
    from app.usecases import henan_application

    store = ctx.store()
    result = henan_application.write(store, ctx.args.year, Path(ctx.args.out),
                                     draft=ctx.args.draft)
    for path in result.paths:
        print(path, file=ctx.out)
    _print_findings(ctx, ctx.text("cli.record_organisation"), result.findings)
    if result.paths:
        ctx.say("cli.rendered", count=len(result.paths), folder=ctx.args.out)
    if any(f.code == "pdf.write_failed" for f in result.findings):
        return EXIT_USAGE
    return EXIT_OK if result.paths and not result.draft else EXIT_DATA_ERRORS


@render_target("contacts-sheet", "联系人信息表 / the contacts sheet of a notice (PDF and Excel)")
def _build_render_contacts_sheet(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--notice", required=True, choices=["henan", "xinyang"],
                        help="henan: 000 附件 1; xinyang: 001 附件 4")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    return _render_contacts_sheet


def _render_contacts_sheet(ctx: Context) -> int:
    from app.models.contacts_sheet import ContactsNotice
    from app.usecases import contacts_sheet

    store = ctx.store()
    result = contacts_sheet.write(store, ContactsNotice(ctx.args.notice), Path(ctx.args.out))
    for path in result.paths:
        print(path, file=ctx.out)
    _print_findings(ctx, ctx.text("cli.record_organisation"), result.findings)
    if result.paths:
        ctx.say("cli.rendered", count=len(result.paths), folder=ctx.args.out)
    if any(f.code == "export.write_failed" for f in result.findings):
        return EXIT_USAGE
    return EXIT_DATA_ERRORS if result.draft or not result.paths else EXIT_OK


# render inventory and due (stock-patent inventory, issue 15) -------------------------------


@render_target("inventory", "存量专利盘点表 / the Anhui inventory tables (Excel and PDF)")
def _build_render_inventory(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    return _render_inventory


def _render_inventory(ctx: Context) -> int:
    from app.usecases.inventory import render_inventory

    out = Path(ctx.args.out)
    result = render_inventory(ctx.store(), out)
    if result.unwritable:  # the folder or a file cannot be written: not the data
        failure = next(f for f in result.failures if f.code in {"pdf.write_failed",
                                                                "export.write_failed"})
        raise CommandError(failure.code, **failure.params)
    for number, finding in result.findings:
        print("\t".join([_official(number), _field_text(finding.field, ctx.lang),
                         label(SEVERITY_LABELS, finding.severity.value, ctx.lang),
                         describe(finding, ctx.lang)]), file=ctx.out)
    _print_findings(ctx, "", result.failures)  # characters the PDF font cannot print
    for path in result.files:
        print(path, file=ctx.out)
    if result.has_errors:
        ctx.say("cli.inventory_draft")
    ctx.say("cli.rendered", count=len(result.files), folder=str(out))
    return EXIT_DATA_ERRORS if result.has_errors or result.failures else EXIT_OK


@subcommand("due", "年费和期限提醒 / annual fees falling due and patents expiring")
def _build_due(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--days", type=int, default=90, metavar="N",
                        help="fees falling due within N days (default 90)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return _due


def _due(ctx: Context) -> int:
    from app.usecases.inventory import due_report

    if ctx.args.days < 0:
        raise CommandError("cli.due_days_negative")
    report = due_report(ctx.store(), ctx.args.days)
    if ctx.args.json:
        _print_json(ctx, {
            "today": report.today.isoformat(), "days": report.days,
            "fees": [{"number": i.number, "title": i.title, "year": i.fee.year,
                      "due": i.fee.due.isoformat(), "grace_end": i.fee.grace_end.isoformat(),
                      "days_left": i.days_left} for i in report.fees if i.fee is not None],
            "expiring": [{"number": i.number, "title": i.title,
                          "expiry": i.expiry.isoformat() if i.expiry else None,
                          "days_left": i.days_left} for i in report.expiring],
        })
        return EXIT_OK
    for item in report.fees:
        if item.fee is not None:
            ctx.say("cli.due_fee", number=_official(item.number), title=item.title,
                    year=item.fee.year, due=item.fee.due, days=item.days_left,
                    grace_end=item.fee.grace_end)
    for item in report.expiring:
        ctx.say("cli.due_expiry", number=_official(item.number), title=item.title,
                expiry=item.expiry, days=item.days_left)
    ctx.say("cli.due_summary", fees=len(report.fees), days=report.days,
            expiring=len(report.expiring))
    return EXIT_OK


# package -----------------------------------------------------------------------------------
# A package is built from the documents already generated and recorded (render offers,
# render summary-list, render summary-book, render deals), never from files named on the
# command line: their recorded hashes prove the files are what was generated from the data.


@subcommand("package", "生成报送材料包 / build the submission package for a target")
def _build_package(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--target", required=True, metavar="NAME",
                        help="the send target's key or name (hubei, henan, xinyang, 湖北 …)")
    parser.add_argument("--patent", dest="patents", action="extend", nargs="+",
                        metavar="NUMBER",
                        help="only these patents' sheets and declarations (default: those on "
                             "the newest summary list)")
    parser.add_argument("--send-unsealed", action="store_true",
                        help="send the generated PDFs of documents without a sealed scan")
    parser.add_argument("--without-ops-centre", action="store_true",
                        help="a centre university's Henan package without its ops-centre "
                             "table: it is not needed this time")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for the package folder and zip")
    return _package


def _find_target(ctx: Context, records: Any) -> Any:
    from app.usecases.submission import find_target

    target = find_target(records, ctx.args.target)
    if target is None:
        names = ", ".join(f"{t.key} ({t.name})" for t in records.targets())
        raise CommandError("cli.target_not_found", name=ctx.args.target.strip(), targets=names)
    return target


def _package(ctx: Context) -> int:
    from app.submit.records import SubmissionRecords
    from app.usecases.ops_centre import henan_package_requirement
    from app.usecases.submission import build_and_record_package, check_package, choose_documents

    store = ctx.store()
    records = SubmissionRecords(store.database)
    target = _find_target(ctx, records)
    contents = choose_documents(store, target, ctx.args.patents,
                                send_unsealed=bool(ctx.args.send_unsealed), records=records)
    # A centre university's Henan package needs its ops-centre table (app/usecases/ops_centre.py)
    contents.findings += henan_package_requirement(
        store, target.document_kinds, not_needed=ctx.args.without_ops_centre).findings
    for unmatched in contents.unmatched:
        ctx.say(unmatched.code, **unmatched.params)
    if contents.refused:
        # Still run the package's own checks, so the clerk gets every problem at once.
        findings = check_package(store, target, contents)
        _print_findings(ctx, target.name, findings)
        ctx.say("cli.package_refused", count=sum(f.is_error for f in findings))
        return EXIT_DATA_ERRORS
    out = Path(ctx.args.out).resolve()  # recorded, so `send` works from any folder
    outcome = build_and_record_package(store, target, contents, out)
    built = outcome.built
    for failure in built.findings:  # the folder or a file cannot be written: not the data
        if failure.code == "package.write_failed":
            raise CommandError(failure.code, **failure.params)
    findings = outcome.findings
    _print_findings(ctx, target.name, findings)
    if not built.built:
        ctx.say("cli.package_refused", count=sum(f.is_error for f in findings))
        return EXIT_DATA_ERRORS
    for file in built.files:
        print(Path(built.folder or out) / file.file_name, file=ctx.out)
    ctx.say("cli.package_built", name=built.name, id=outcome.package_id,
            count=len(built.files), mails=len(built.mails), folder=str(built.folder),
            zip=str(built.zip_path))
    return EXIT_OK


# send --------------------------------------------------------------------------------------

PASSWORD_ENV_VAR = "LICENCE_DESK_SMTP_PASSWORD"


@subcommand("send", "发送材料包 / send a built package by e-mail (SMTP)")
def _build_send(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("package", metavar="PACKAGE_DIR",
                        help="the package folder (or zip) that `package` built")
    parser.add_argument("--account", metavar="NAME",
                        help="the mail account's name or address (needed when there are "
                             "several)")
    parser.add_argument("--resend-uncertain", action="store_true",
                        help="也重新发送结果未知的邮件 / also send again the mails whose fate "
                             "is unknown (check the mailbox's sent folder first)")
    return _send


def _interactive() -> bool:
    """Whether a clerk is there to type the authorisation code (tests replace this)."""
    return sys.stdin is not None and sys.stdin.isatty()


class _NoPassword(Exception):
    def __init__(self, reason: Finding | None) -> None:
        super().__init__()
        self.reason = reason


def _send(ctx: Context) -> int:
    from app.submit.accounts import KeyringPassword
    from app.submit.records import SubmissionRecords
    from app.usecases.submission import send_built_package

    store = ctx.store()
    records = SubmissionRecords(store.database)
    package = _find_package(ctx, records)
    account = _find_account(ctx, records)

    env_password = os.environ.get(PASSWORD_ENV_VAR)
    on_login: Callable[[Any, bool], None] | None = None
    provider: Callable[[Any], str | None]
    if env_password:
        # Explicitly given for this run: used as is, never stored, never shown.
        def provider(_account: Any) -> str | None:
            return env_password
    else:
        keyring_password = KeyringPassword(lambda acc, why: _ask_password(ctx, acc, why))
        provider, on_login = keyring_password, keyring_password.on_login
    try:
        report = send_built_package(records, package.id, account, provider, on_login=on_login,
                                    confirm_uncertain=bool(getattr(ctx.args, "resend_uncertain",
                                                                   False)))
    except _NoPassword as exc:
        why = (describe(exc.reason, ctx.lang) if exc.reason is not None
               else ctx.text("cli.password_not_stored"))
        raise CommandError("cli.password_unavailable", user=account.user, host=account.host,
                           reason=why, variable=PASSWORD_ENV_VAR) from None
    except OSError as exc:  # the outbox copy of a mail cannot be written (queue_package raises)
        raise CommandError("cli.outbox_write_failed", path=str(exc.filename or ""),
                           **reason_params(exc)) from exc

    if not report.outcomes and not report.findings:
        ctx.say("cli.send_nothing", name=package.name)
        return EXIT_OK
    messages = {m.id: m for m in records.outbox(package.id)}
    for outcome in report.outcomes:
        message = messages.get(outcome.message_id)
        state = ctx.text(f"outbox.{outcome.state}" if outcome.state in ("sent", "failed")
                         else "outbox.sending" if outcome.code in _FATE_UNKNOWN
                         else f"cli.send_{outcome.state}")
        reason = ctx.text(outcome.code) if outcome.code else ""
        if outcome.state == "failed" and outcome.detail:
            reason = f"{reason} ({outcome.detail})"
        part = f"{message.part}/{message.parts}" if message else str(outcome.message_id)
        subject = message.subject if message else ""
        print("\t".join([part, state, subject, reason]).rstrip("\t"), file=ctx.out)
    _print_findings(ctx, package.name, [f for f in report.findings
                                        if f.code not in {o.code for o in report.outcomes}])
    sent, failed = report.count("sent"), report.count("failed")
    ctx.say("cli.sent_summary", sent=sent, failed=failed, total=len(report.outcomes))
    unknown = sum(1 for o in report.outcomes if o.code in _FATE_UNKNOWN)
    if unknown:
        ctx.say("cli.send_fate_unknown", count=unknown)
    if any(f.code == "send.no_password" for f in report.findings):
        return EXIT_USAGE  # the clerk gave no code at the prompt: nothing was tried
    if failed or unknown or any(f.is_error for f in report.findings):
        return EXIT_DATA_ERRORS
    return EXIT_OK


# Mails that may or may not have reached the server: never "0 sent" and exit 0.
_FATE_UNKNOWN = frozenset({"send.uncertain", "send.fate_unknown"})


def _ask_password(ctx: Context, account: Any, why: Finding | None) -> str | None:
    import getpass

    if not _interactive():
        raise _NoPassword(why)
    if why is not None:
        print(describe(why, ctx.lang), file=ctx.err)
    typed = getpass.getpass(ctx.text("cli.password_prompt", user=account.user,
                                     host=account.host))
    return typed or None


def _find_package(ctx: Context, records: Any) -> Any:
    from app.usecases.submission import find_package

    given = Path(ctx.args.package).resolve()
    package = find_package(records, given)
    if package is None:
        raise CommandError("cli.package_not_found", path=str(given))
    return package


def _find_account(ctx: Context, records: Any) -> Any:
    accounts = records.accounts()
    names = ", ".join(a.name or a.sender_address for a in accounts)
    if ctx.args.account:
        from app.usecases.submission import find_account

        found = find_account(records, ctx.args.account)
        if found is not None:
            return found
        raise CommandError("cli.account_not_found", name=ctx.args.account, accounts=names)
    if not accounts:
        raise CommandError("cli.no_account")
    if len(accounts) > 1:
        raise CommandError("cli.account_ambiguous", accounts=names)
    return accounts[0]


# The window --------------------------------------------------------------------------------


def _open_window(ctx: Context) -> int:
    try:
        from app.ui.application import start_window
    except ImportError as exc:  # Qt libraries missing on the system, or a broken install
        raise CommandError("cli.window_unavailable", reason=str(exc)) from exc
    ctx.database_path()  # a data folder that cannot be made is worded here
    return int(start_window(ctx.db_option))


# db-password (the office server, issue 16) --------------------------------------------------


@subcommand("db-password", "保存服务器数据库密码 / check the office server's password and keep "
                           "it in the system keyring")
def _build_db_password(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--stdin", action="store_true",
                        help="read the password from the first line of standard input")
    return _db_password


def _db_password(ctx: Context) -> int:
    import getpass

    from app.usecases.server import remember_server_password, server_names

    address = ctx.database_path()
    if not isinstance(address, str):
        raise CommandError("cli.db_password_not_server")
    user, host, name = server_names(address)
    if ctx.args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(ctx.text("cli.db_password_prompt", user=user, server=host))
    if not password:
        raise CommandError("db.server_password_missing", server=host, user=user,
                           variable="LICENCE_DESK_DB_PASSWORD")
    remember_server_password(address, password)
    ctx.say("cli.db_password_stored", database=name)
    return EXIT_OK


# Parser and main ---------------------------------------------------------------------------


def _default_language() -> str:
    lang = os.environ.get(LANG_ENV_VAR, ZH)
    return lang if lang in LANGUAGES else ZH


def _add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # Subparsers repeat the options with SUPPRESS defaults, so `licence-desk validate --db x`
    # works as well as `licence-desk --db x validate` without one overwriting the other.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if defaults else argparse.SUPPRESS,
        help="database file, or an office server postgresql://USER@HOST:PORT/NAME "
             "(default: $LICENCE_DESK_DB, else the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=_default_language() if defaults else argparse.SUPPRESS,
        help="language of messages (default: $LICENCE_DESK_LANG, else zh_CN)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="licence-desk",
        description="专利开放许可填报助手 Licence Desk. Without a command: open the window.",
        epilog="Exit status: 0 success, 1 the data has errors, 2 bad usage or unreadable file.",
    )
    parser.add_argument("--version", action="version", version=f"{__app_name__} {__version__}")
    _add_global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for sub in SUBCOMMANDS.values():
        sub_parser = commands.add_parser(sub.name, help=sub.help, description=sub.help)
        _add_global_options(sub_parser, defaults=False)
        sub_parser.set_defaults(handler=sub.build(sub_parser))
    return parser


def _use_utf8_streams() -> None:
    """Chinese must never crash printing: a Windows console or pipe defaults to a code page."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _print_json(ctx: Context, value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2), file=ctx.out)


def _failure_message(exc: Exception) -> tuple[str, dict[str, Any]] | None:
    """The message for a database failure, or None for anything else (a bug: let it show).

    The database modules (SQLAlchemy, Alembic) are imported only by the commands that open
    the database, so `check-number` stays quick: look them up, don't import them.
    """
    database = sys.modules.get("app.models.database")
    if database is not None and isinstance(exc, database.DatabaseError):
        return exc.code, exc.params
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError):
        # SQLite's own words, classified (disk full, damaged, read-only); never the wrapper's
        # text with its SQL and its web address.
        assert database is not None
        code, params = database.database_failure(exc)
        if code == "db.failed":
            return "cli.database_failed", {k: v for k, v in params.items() if k != "path"}
        return code, params
    return None


@contextlib.contextmanager
def _closing(ctx: Context) -> Iterator[Context]:
    try:
        yield ctx
    finally:
        ctx.close()


def main(argv: list[str]) -> int:
    _use_utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors (status 2) end here
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE

    ctx = Context(args, args.lang, args.db)
    handler: Handler = getattr(args, "handler", _open_window)
    if handler is not _open_window:  # the window sets up its own log (app.ui.crash)
        from app.log_file import setup_logging

        setup_logging()  # the log's raw codes go to the file, never to the clerk's stderr
    try:
        with _closing(ctx):
            return handler(ctx)
    except CommandError as exc:
        ctx.complain(exc.code, **exc.params)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        failure = _failure_message(exc)
        if failure is None:
            raise
        ctx.complain(failure[0], **failure[1])
        return EXIT_USAGE

