"""The command line: `licence-desk` and `python -m app`.

No subcommand opens the window. The subcommands work headless on the same database and never
import Qt (a test checks), so they run on a server, in CI and in scripts.

Exit status: 0 success, 1 the data has errors, 2 bad usage or a file/database that cannot be
read or written. Every message comes from the message table (`app.messages`) in `--lang`.

Adding a subcommand: write a builder that adds its arguments to the parser it is given and
returns the handler, and decorate it with `@subcommand(name, help)`. Import heavy modules
(reportlab, openpyxl, smtplib) inside the handler so the other commands stay quick.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
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

if TYPE_CHECKING:
    from app.models.database import Database
    from app.models.store import OrganisationData, Store

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

    def database_path(self) -> Path:
        from app.models.database import DatabaseError
        from app.paths import default_database_path

        try:
            return default_database_path(self.db_option)
        except OSError as exc:  # the user data folder cannot be created
            raise DatabaseError(
                "db.folder_unwritable", path=str(exc.filename or ""), reason=_reason(exc)
            ) from exc

    def store(self) -> Store:
        from app.models.database import open_database
        from app.models.store import Store

        if self._database is None:
            self._database = open_database(self.database_path())
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
    from app import interchange

    path = Path(ctx.args.file)
    if path.suffix.lower() in PATENT_LIST_SUFFIXES:
        return _import_patent_list(ctx, path)
    args = ctx.args
    if args.mapping or args.dry_run or args.update or args.skip_bad_rows:
        raise CommandError("cli.import_list_options", path=str(path))
    # Read and check the whole file before the database is even opened: a refused file
    # changes nothing, not even by creating an empty database.
    read = interchange.read_file(path)
    if read.dataset is None or read.problems:
        for problem in read.problems:
            if problem.code in {"json.unreadable", "json.encoding"}:
                print(describe(problem, ctx.lang), file=ctx.err)
            else:
                print(f"{problem.field}: {describe(problem, ctx.lang)}", file=ctx.err)
        if not read.unreadable:
            ctx.complain("json.refused", path=str(path), count=len(read.problems))
        return EXIT_USAGE

    result = interchange.import_dataset(ctx.store(), read.dataset)
    ctx.say(
        "cli.imported",
        path=str(path),
        count=result.created + result.updated,
        created=result.created,
        updated=result.updated,
    )
    if result.organisation_replaced:
        ctx.say("cli.organisation_replaced")
    if result.records_with_errors:
        ctx.say("cli.imported_drafts", count=result.records_with_errors)
        return EXIT_DATA_ERRORS
    return EXIT_OK


# import: patent lists ----------------------------------------------------------------------
# A clerk's Excel or CSV list goes through the same preview as the window's import dialog:
# every row checked first, nothing written while any row has errors (unless asked), and a
# layout that is not the summary list's asks for a column mapping instead of guessing.

PATENT_LIST_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt"})


def _import_patent_list(ctx: Context, path: Path) -> int:
    from app.export.excel.patent_list import read_table
    from app.models.patent_import import load_mapping, mapping_to_json, preview_table

    args = ctx.args
    mapping = None
    if args.mapping:
        mapping, problems = load_mapping(args.mapping)
        if mapping is None:
            for problem in problems:
                print(f"{args.mapping}: {describe(problem, ctx.lang)}", file=ctx.err)
            return EXIT_USAGE
    # Read the file before the database is opened: a list that cannot be read changes nothing.
    table = read_table(path)
    if not table.readable:
        for problem in table.findings:
            print(describe(problem, ctx.lang), file=ctx.err)
        return EXIT_USAGE
    store: Store | None = None
    existing: set[str] = set()
    # A dry run on a register that does not exist yet must not create one.
    if not args.dry_run or ctx.database_path().exists():
        store = ctx.store()
        existing = store.patent_numbers()
    preview = preview_table(table, mapping, existing_numbers=existing)

    if preview.needs_mapping and mapping is None:
        for problem in preview.findings:
            if problem.code != "import.mapping_needed":
                print(describe(problem, ctx.lang), file=ctx.err)
        ctx.complain("cli.mapping_needed", path=str(path))
        headings = "、" if ctx.lang == ZH else ", "
        ctx.complain("cli.mapping_headings", row=preview.header_row,
                     headings=headings.join(h.replace("\n", "") for h in preview.headers if h))
        print(mapping_to_json(_proposed_mapping(preview)), file=ctx.out)
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

    assert store is not None  # opened above for a real import
    outcome = store.import_patents(preview.rows,
                                   on_existing="update" if args.update else "skip",
                                   skip_bad_rows=args.skip_bad_rows)
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
    written = {*outcome.created, *outcome.updated}
    drafts = sum(1 for r in preview.rows if not r.has_errors and r.patent.number in written
                 and any(f.is_error for f in r.record_findings))
    if drafts:  # imported as the window would keep them: not a failure of the import
        ctx.say("cli.imported_drafts", count=drafts)
    return EXIT_DATA_ERRORS if bad else EXIT_OK


def _proposed_mapping(preview: Any) -> Any:
    """The mapping the preview applied, by heading text where that is unambiguous (easier to
    read and edit than column positions), for the clerk to save and correct."""
    from app.models.patent_import import ColumnMapping

    headers = list(preview.headers)
    columns: dict[str, str | int] = {}
    for name, index in preview.columns.items():
        text = headers[index] if index < len(headers) else ""
        columns[name] = text if text and headers.count(text) == 1 else index
    return ColumnMapping(columns, header_row=preview.header_row or None)


def _official(number: str) -> str:
    """ZL + the normalised number; anything that does not parse as it was written."""
    from app.models.summary_list import official_number

    return official_number(number)


@subcommand("export-json", "导出全部数据为 JSON / export the whole register as JSON")
def _build_export(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("file", metavar="FILE.json")
    return _export


def _export(ctx: Context) -> int:
    from app import interchange

    path = Path(ctx.args.file)
    store = ctx.store()
    try:
        count = interchange.export_file(store, path)
    except OSError as exc:
        raise CommandError("json.write_failed", path=str(path), reason=_reason(exc)) from exc
    ctx.say("cli.exported", path=str(path), count=count)
    return EXIT_OK


# validate ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordFinding:
    """A finding and the record it belongs to, for listing."""

    entity: str  # "organisation", "contact", "patent" or "offer"
    record: str  # the patent number, "organisation", or "contacts[i]"
    finding: Finding
    record_label: str = ""


def organisation_findings(org: OrganisationData, lang: str = ZH) -> list[RecordFinding]:
    """The unit's profile checked with the contact rules, each finding named by its record."""
    import re

    from app.models.contact_rules import check_organisation

    unit = message("cli.record_organisation", None, lang)
    out: list[RecordFinding] = []
    for f in check_organisation(org):
        match = re.match(r"^contacts\[(\d+)\]\.(.+)$", f.field)
        if match is None:
            out.append(RecordFinding("organisation", "organisation", f, unit))
            continue
        i = int(match.group(1))
        contact = org.contacts[i]
        who = message("cli.record_contact", {"index": i + 1, "name": contact.name}, lang).strip()
        local = Finding(f.code, match.group(2), f.severity, f.params)
        out.append(RecordFinding("contact", f"contacts[{i}]", local, who))
    return out


def register_findings(store: Store, lang: str = ZH) -> tuple[list[RecordFinding], int]:
    """Every finding of the organisation, every patent and every offer; the number of patents."""
    from app.models.offers import check_offer_record
    from app.models.patent_rules import check_patent_record

    found = organisation_findings(store.organisation(), lang)
    patents = store.patents()
    for patent in patents:
        for f in check_patent_record(patent):
            found.append(RecordFinding("patent", patent.number, f, patent.number))
    for offer in store.offers():
        number = offer.patent.number
        name = message("cli.record_offer", {"number": number}, lang)
        for f in check_offer_record(offer):
            if f.code == "offer.patent_has_errors":
                continue  # already listed under the patent itself
            found.append(RecordFinding("offer", number, f, name))
    return found, len(patents)


@subcommand("validate", "检查全部数据 / check every record against the rules")
def _build_validate(parser: argparse.ArgumentParser) -> Handler:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return _validate


def _validate(ctx: Context) -> int:
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
                field_label(rf.finding.field, ctx.lang),
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


# finalise ----------------------------------------------------------------------------------


def _offers_for_patents(
    ctx: Context, store: Store, numbers: list[str] | None
) -> tuple[list[Any], bool]:
    """The offers of the patents named (any notation), in register order, or every offer.

    Names that match no patent or no offer are reported; the flag says whether all matched.
    """
    offers = store.offers()
    if not numbers:
        return offers, True
    by_patent = {offer.patent_id: offer for offer in offers}
    chosen: dict[int, Any] = {}
    all_found = True
    for text in numbers:
        patent = store.find_patent(text)
        if patent is None:
            ctx.say("cli.patent_not_found", number=text)
            all_found = False
        elif patent.id not in by_patent:
            ctx.say("cli.no_offer", number=patent.number)
            all_found = False
        else:
            chosen[by_patent[patent.id].id] = by_patent[patent.id]
    return [offer for offer in offers if offer.id in chosen], all_found


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
    from app.models.entities import DocumentState
    from app.models.patent_number import parse

    store = ctx.store()
    offers, all_found = _offers_for_patents(ctx, store, ctx.args.patents)
    if not offers and all_found:
        ctx.say("cli.no_offers")
        return EXIT_OK
    finalised = already = refused = 0
    for offer in offers:
        if offer.state != DocumentState.DRAFT.value:
            already += 1
            continue
        result = store.finalise_offer(offer.id)
        if result.saved:
            finalised += 1
            continue
        refused += 1
        check = parse(offer.patent.number)
        number = check.number.official if check.valid and check.number else offer.patent.number
        _print_offer_findings(ctx, number, [f for f in result.findings if f.is_error])
    ctx.say("cli.finalised", finalised=finalised, already=already, refused=refused)
    return EXIT_OK if all_found and not refused else EXIT_DATA_ERRORS


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


@subcommand("render", "生成 PDF / write documents as PDF: render TARGET --out DIR")
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
    from app.export.offer_documents import render_offer_documents

    store = ctx.store()
    offers, all_found = _offers_for_patents(ctx, store, ctx.args.patents)
    if not offers and all_found:
        ctx.say("cli.no_offers")
        return EXIT_OK
    out = Path(ctx.args.out)
    result = render_offer_documents(store, [offer.id for offer in offers], out,
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

# The window --------------------------------------------------------------------------------


def _open_window(ctx: Context) -> int:
    try:
        from app.ui.application import run_window
    except ImportError as exc:  # Qt libraries missing on the system, or a broken install
        raise CommandError("cli.window_unavailable", reason=str(exc)) from exc
    return int(run_window(ctx.database_path()))


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
        help="database file (default: $LICENCE_DESK_DB, else the user data folder)",
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


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
        return "cli.database_failed", {"reason": str(exc).splitlines()[0]}
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

