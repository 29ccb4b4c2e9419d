"""Building a submission package: check everything first, then write the folder, the zip, the
manifest and one .eml draft per mail.

Nothing is written when any check fails: the clerk gets every problem at once, as findings.
The folder and the zip are assembled in a hidden scratch folder, recorded (the caller's
`record`), and only then renamed into place, so a crash or a cancel leaves the previous package
as it was, and a kill never leaves a package on disk that the register does not know.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.models.findings import Finding, error, has_errors, warning
from app.os_errors import reason_params
from app.scratch import building_prefix, sweep, sync_folder
from app.submit.files import (
    FileType,
    copy_with_hash,
    safe_file_name,
    sha256_of,
    sniff,
    write_atomic,
)
from app.submit.mail import (
    Attachment,
    Sender,
    attachment_overhead,
    build_message,
    encoded_size,
    message_bytes,
    message_domain,
    new_message_id,
    plan_parts,
)
from app.submit.presets import DocumentKind, document_titles, documents_phrase
from app.submit.targets import TargetData, check_target, chinese_date, kind_label_zh, render

log = logging.getLogger(__name__)

MANIFEST_CSV = "清单.csv"
MANIFEST_JSON = "manifest.json"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# Records a package about to be put in place; returns how to take the record back.
Recorder = Callable[["BuiltPackage"], Callable[[], None]]


@dataclass(frozen=True)
class PackageItem:
    """One document to send, as the register knows it.

    `sha256` is the hash recorded when the file was generated; `current` says the document is
    finalised and was generated from the data as it is now (the caller knows the offer's
    state). A sealed copy, when attached, is sent in place of the generated file.
    """

    source: Path
    kind: str
    name: str
    patent: str | None
    sha256: str
    current: bool = True
    sealed_path: Path | None = None
    sealed_sha256: str = ""
    unsealed_confirmed: bool = False
    document_id: int | None = None

    @property
    def sealed(self) -> bool:
        return self.sealed_path is not None


@dataclass(frozen=True)
class PatentRow:
    """A patent as one document lists it: its number and patentees."""

    patent: str
    patentees: tuple[str, ...]


@dataclass(frozen=True)
class PackageFile:
    file_name: str
    kind: str
    document_name: str
    patent: str | None
    sha256: str
    size: int
    sealed: bool
    part: int
    document_id: int | None = None


@dataclass(frozen=True)
class PlannedMail:
    part: int
    parts: int
    subject: str
    body: str
    recipients: tuple[str, ...]
    attachments: tuple[str, ...]
    message_id: str
    draft_path: Path
    size: int


@dataclass
class BuiltPackage:
    """The result of `build_package`: findings always; the rest only when built."""

    findings: list[Finding] = field(default_factory=list)
    name: str = ""
    target: TargetData | None = None
    unit: str = ""
    date: dt.date | None = None
    built_at: dt.datetime | None = None
    folder: Path | None = None
    zip_path: Path | None = None
    zip_sha256: str = ""
    files: list[PackageFile] = field(default_factory=list)
    mails: list[PlannedMail] = field(default_factory=list)

    @property
    def built(self) -> bool:
        return self.folder is not None


class _Cancelled(Exception):
    pass


# Lengths (as Windows counts) that keep every path of a package within MAX_PATH, here and on
# the reviewer's computer, where Explorer extracts the zip into a folder named after it
# (`…\Downloads\<name>\<name>\<file>`): a file inside at most ENTRY_CHARS, the package's
# name at most NAME_CHARS, and in the output folder room for a file inside and the scratch
# folder of the build (".building-XXXXXXXX\").
PACKAGE_ENTRY_CHARS = 80
PACKAGE_NAME_CHARS = 64
_PACKAGE_INSIDE = 1 + len(".building-XXXXXXXX") + 1 + PACKAGE_ENTRY_CHARS


def package_name(unit: str, target: TargetData, day: dt.date,
                 output_dir: Path | None = None) -> str:
    """``<unit>-<target>-<YYYYMMDD>``, shortened in the unit's name where it is long; raises
    OSError (ENAMETOOLONG) when `output_dir` is too long to hold a package."""
    ending = f"-{target.name.strip()}-{day:%Y%m%d}"
    return safe_file_name(unit.strip(), "package", extension=ending,
                          max_chars=PACKAGE_NAME_CHARS, folder=output_dir,
                          reserve=_PACKAGE_INSIDE)


def file_name_for(target: TargetData, item: PackageItem, extension: str) -> str | None:
    """The name the notices give the document, by the target's rule; None when the rule needs
    a patent number the item lacks."""
    rule = target.file_names.get(item.kind) or (
        "{patent} {kind}" if item.patent else "{name}"
    )
    if "{patent}" in rule and not item.patent:
        return None
    stem = render(rule, {
        "patent": item.patent or "", "name": item.name, "kind": kind_label_zh(item.kind),
    })
    return safe_file_name(stem, kind_label_zh(item.kind), extension=extension,
                          max_chars=PACKAGE_ENTRY_CHARS)


def check_items(
    target: TargetData,
    unit: str,
    items: Sequence[PackageItem],
    summary_list: Sequence[PatentRow] | None = None,
    sheets: Sequence[PatentRow] | None = None,
) -> list[Finding]:
    """Every problem that stops a package, without writing anything (hashes are read)."""
    findings = check_target(target)
    if not unit.strip():
        findings.append(error("package.unit_missing", "unit"))
    if not items:
        findings.append(error("package.empty", "items"))
    allowed_types = {t.lower() for t in target.file_types}
    names: dict[str, str] = {}
    for item in items:
        doc = item.name or kind_label_zh(item.kind)
        if target.document_kinds and item.kind not in target.document_kinds:
            findings.append(error("package.kind_not_for_target", "items", document=doc,
                                  target=target.name))
        if not item.current:
            findings.append(error("package.document_not_current", "items", document=doc))
        used = _check_file(item, doc, findings)
        if used is not None:
            file_type = sniff(used)
            if file_type is None or (allowed_types and file_type.value not in allowed_types):
                findings.append(error(
                    "package.format_not_accepted", "items", document=doc,
                    target=target.name, formats="、".join(t.upper() for t in target.file_types),
                ))
            extension = "." + (file_type.value if file_type else used.suffix.lstrip("."))
            name = file_name_for(target, item, extension)
            if name is None:
                findings.append(error("package.patent_missing", "items", document=doc))
            elif name.casefold() in names:
                findings.append(error("package.duplicate_name", "items", file=name,
                                      document=doc, other=names[name.casefold()]))
            else:
                names[name.casefold()] = doc
            size = used.stat().st_size
            room = target.size_limit - 8192
            if encoded_size(size) > room:
                findings.append(error("package.file_too_large", "items", document=doc,
                                      size=_mb(size), limit=_mb(target.size_limit)))
    findings += _check_pairs(target, items)
    if summary_list is not None:
        sheet_rows = sheets if sheets is not None else [
            PatentRow(i.patent, ()) for i in items
            if i.kind == DocumentKind.INFORMATION_SHEET and i.patent
        ]
        findings += check_summary_list(summary_list, sheet_rows, compare_patentees=sheets
                                       is not None)
    return findings


def _check_file(item: PackageItem, doc: str, findings: list[Finding]) -> Path | None:
    """The file that would be sent (sealed copy or generated file), if it is intact."""
    if item.sealed_path is not None:
        if not item.sealed_path.is_file():
            findings.append(error("package.sealed_missing", "items", document=doc,
                                  path=str(item.sealed_path)))
            return None
        if sha256_of(item.sealed_path) != item.sealed_sha256:
            findings.append(error("package.sealed_changed", "items", document=doc,
                                  path=str(item.sealed_path)))
            return None
        return item.sealed_path
    if not item.unsealed_confirmed:
        findings.append(error("package.unsealed_unconfirmed", "items", document=doc))
    if not item.source.is_file():
        findings.append(error("package.file_missing", "items", document=doc,
                              path=str(item.source)))
        return None
    if sha256_of(item.source) != item.sha256:
        findings.append(error("package.file_changed", "items", document=doc,
                              path=str(item.source)))
        return None
    return item.source


def _check_pairs(target: TargetData, items: Sequence[PackageItem]) -> list[Finding]:
    """Hubei wants a declaration with every information sheet, and no declaration alone."""
    kinds = set(target.document_kinds)
    if not {DocumentKind.INFORMATION_SHEET, DocumentKind.DECLARATION} <= kinds:
        return []
    sheets = {i.patent for i in items if i.kind == DocumentKind.INFORMATION_SHEET and i.patent}
    declarations = {i.patent for i in items if i.kind == DocumentKind.DECLARATION and i.patent}
    return [
        *(error("package.declaration_missing", "items", patent=p)
          for p in sorted(sheets - declarations)),
        *(error("package.sheet_missing", "items", patent=p)
          for p in sorted(declarations - sheets)),
    ]


def check_summary_list(
    summary_list: Sequence[PatentRow], sheets: Sequence[PatentRow], *,
    compare_patentees: bool = True,
) -> list[Finding]:
    """The summary list must name the same patents as the sheets, with the same patentees."""
    listed = {r.patent.strip(): {p.strip() for p in r.patentees} for r in summary_list}
    sheeted = {r.patent.strip(): {p.strip() for p in r.patentees} for r in sheets}
    findings = [
        *(error("package.summary_missing_patent", "summary_list", patent=p)
          for p in sorted(set(sheeted) - set(listed))),
        *(error("package.summary_extra_patent", "summary_list", patent=p)
          for p in sorted(set(listed) - set(sheeted))),
    ]
    if compare_patentees:
        for patent in sorted(set(listed) & set(sheeted)):
            if listed[patent] != sheeted[patent]:
                findings.append(error(
                    "package.summary_patentees_differ", "summary_list", patent=patent,
                    listed="、".join(sorted(listed[patent])),
                    sheet="、".join(sorted(sheeted[patent])),
                ))
    return findings


def build_package(
    target: TargetData,
    unit: str,
    day: dt.date,
    items: Sequence[PackageItem],
    output_dir: Path,
    *,
    summary_list: Sequence[PatentRow] | None = None,
    sheets: Sequence[PatentRow] | None = None,
    contact: str = "",
    phone: str = "",
    sender: Sender | None = None,
    built_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    record: Recorder | None = None,
) -> BuiltPackage:
    """Check, then build `<output_dir>/<unit>-<target>-<YYYYMMDD>/` and the same name `.zip`.

    The summary-list check runs when `summary_list` is given: against `sheets` (patents and
    patentees of the information sheets) or, without them, the patents of the sheet items.

    `record(built)` records the package before it is renamed into place and returns how to
    take the record back (called when the package cannot be put in place).
    """
    findings = check_items(target, unit, items, summary_list, sheets)
    if has_errors(findings):
        return BuiltPackage(findings)
    findings += [
        warning("package.unsealed", "items", document=i.name or kind_label_zh(i.kind))
        for i in items if not i.sealed
    ]
    built_at = built_at or dt.datetime.now().astimezone()
    try:
        name = package_name(unit, target, day, output_dir.absolute())
        output_dir.mkdir(parents=True, exist_ok=True)
        sweep(output_dir)  # scratch folders of builds killed mid-way
        work = Path(tempfile.mkdtemp(prefix=building_prefix(), dir=output_dir))
    except OSError as exc:  # a read-only drive, a file where the folder should be, no rights
        log.warning("cannot make package folder %s: %s", output_dir, exc)
        return BuiltPackage(findings + [error("package.write_failed", "items",
                                              path=str(output_dir), **reason_params(exc))])
    try:
        result = _assemble(target, unit.strip(), day, items, work, name, contact, phone,
                           sender, built_at, progress, cancelled)
        if has_errors(result.findings):
            return BuiltPackage(findings + result.findings)
        final_folder = output_dir / name
        zip_path = output_dir / f"{name}.zip"
        # The zip is written inside the scratch folder and both are renamed into place last:
        # until then the previous package stays whole.
        zip_sha = _write_zip(work / "zip.partial", name, result.files, day, work / name)
        mails = [
            PlannedMail(m.part, m.parts, m.subject, m.body, m.recipients, m.attachments,
                        m.message_id, final_folder / m.draft_path.name, m.size)
            for m in result.mails
        ]
        built = BuiltPackage(findings, name, target, unit.strip(), day, built_at, final_folder,
                             zip_path, zip_sha, result.files, mails)
        _place(work, built, record)
    except _Cancelled:
        return BuiltPackage(findings + [error("package.cancelled", "items")])
    except OSError as exc:
        log.warning("building package %s failed: %s", name, exc)
        return BuiltPackage(findings + [error("package.write_failed", "items",
                                              path=str(output_dir), **reason_params(exc))])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("package %s built: %d files, %d mails", name, len(result.files), len(mails))
    return built


def _place(work: Path, built: BuiltPackage, record: Recorder | None) -> None:
    """Put the package assembled in `work` in place, recorded first.

    A previous package of the same name is moved into the scratch folder, the new one is
    recorded, and only then are its folder and zip renamed into place. A process killed at
    any point leaves the scratch folder (removed by the next build into the same folder) and
    either the previous package with its record, a record whose folder is missing (shown as
    missing when its mails are queued), or the new package with its record — never a package
    on disk the register does not know, nor a record naming another build's files. On a
    failure the record is taken back and the previous package put back.
    """
    assert built.folder is not None and built.zip_path is not None
    finals = (built.folder, built.zip_path)
    news = (work / built.name, work / "zip.partial")
    aside = work / "previous"
    aside.mkdir()
    moved: list[Path] = []

    def put_back() -> None:
        for path in reversed(moved):
            try:
                os.replace(aside / path.name, path)
            except OSError as exc:
                log.warning("could not put back the previous %s: %s", path, exc)

    try:
        for path in finals:
            if os.path.lexists(path):
                os.replace(path, aside / path.name)
                moved.append(path)
        undo = record(built) if record is not None else None
    except BaseException:
        put_back()
        raise
    placed: list[Path] = []
    try:
        for new, final in zip(news, finals, strict=True):
            os.replace(new, final)
            placed.append(final)
        sync_folder(built.folder.parent)
    except BaseException:
        if undo is not None:
            undo()
        for final, new in zip(placed, news, strict=False):
            os.replace(final, new)
        put_back()
        raise


def _assemble(
    target: TargetData, unit: str, day: dt.date, items: Sequence[PackageItem], work: Path,
    name: str, contact: str, phone: str, sender: Sender | None, built_at: dt.datetime,
    progress: Progress | None, cancelled: Cancelled | None,
) -> BuiltPackage:
    folder = work / name
    folder.mkdir()
    copied: list[tuple[PackageItem, str, str, int, FileType | None]] = []
    for index, item in enumerate(items):
        if cancelled is not None and cancelled():
            raise _Cancelled
        source = item.sealed_path or item.source
        file_type = sniff(source)
        extension = "." + (file_type.value if file_type else source.suffix.lstrip("."))
        file_name = file_name_for(target, item, extension) or source.name
        digest, size = copy_with_hash(source, folder / file_name)
        expected = item.sealed_sha256 if item.sealed else item.sha256
        if digest != expected:  # changed between the check and the copy
            code = "package.sealed_changed" if item.sealed else "package.file_changed"
            return BuiltPackage([error(code, "items", document=item.name, path=str(source))])
        copied.append((item, file_name, digest, size, file_type))
        if progress is not None:
            progress(index + 1, len(items))

    values = {
        "unit": unit, "office": target.office, "target": target.name,
        "date": chinese_date(day), "date_iso": day.isoformat(), "count": len(copied),
        "contact": contact, "phone": phone, **_document_values(target, copied),
    }
    all_names = [c[1] for c in copied]
    base = _message_size(target, values, all_names, sender, built_at)
    sizes = [encoded_size(c[3]) + attachment_overhead(c[1], c[4]) for c in copied]
    groups, too_large = plan_parts(sizes, base, target.size_limit)
    if too_large:  # the check allowed for a smaller overhead; say which, build nothing
        return BuiltPackage([
            error("package.file_too_large", "items", document=copied[i][0].name,
                  size=_mb(copied[i][3]), limit=_mb(target.size_limit))
            for i in too_large
        ])
    part_of = {i: n + 1 for n, group in enumerate(groups) for i in group}
    files = [
        PackageFile(file_name, item.kind, item.name, item.patent, digest, size, item.sealed,
                    part_of[i], item.document_id)
        for i, (item, file_name, digest, size, _type) in enumerate(copied)
    ]
    _write_manifests(folder, name, target, unit, day, files)

    mails: list[PlannedMail] = []
    domain = message_domain(sender.address if sender else None)
    parts = len(groups)
    for n, group in enumerate(groups, start=1):
        subject, body = mail_text(target, values, [copied[i][1] for i in group], n, parts)
        attachments = [
            Attachment(copied[i][1], (folder / copied[i][1]).read_bytes(), copied[i][4])
            for i in group
        ]
        message_id = new_message_id(domain)
        message = build_message(
            subject=subject, body=body, recipients=target.recipients, attachments=attachments,
            message_id=message_id, date=built_at, sender=sender, draft=True,
        )
        data = message_bytes(message)
        if len(data) > target.size_limit:  # the estimate is conservative; this is a guard
            return BuiltPackage([error("package.mail_too_large", "items", part=n,
                                       size=_mb(len(data)), limit=_mb(target.size_limit))])
        draft = folder / (f"邮件草稿（{n}-{parts}）.eml" if parts > 1 else "邮件草稿.eml")
        write_atomic(draft, data)
        mails.append(PlannedMail(n, parts, subject, body, tuple(target.recipients),
                                 tuple(a.name for a in attachments), message_id, draft,
                                 len(data)))
    return BuiltPackage([], name, target, unit, day, built_at, folder, None, "", files, mails)


def _document_values(
    target: TargetData, copied: Sequence[tuple[PackageItem, str, str, int, FileType | None]]
) -> dict[str, object]:
    """{documents} and {document_titles}: the kinds this package attaches, in the target's
    order (others after), each once."""
    present = list(dict.fromkeys(str(c[0].kind) for c in copied))
    order = {kind: i for i, kind in enumerate(target.document_kinds)}
    kinds = sorted(present, key=lambda k: order.get(k, len(order) + present.index(k)))
    return {"documents": documents_phrase(kinds), "document_titles": document_titles(kinds)}


def mail_text(
    target: TargetData, values: dict[str, object], names: Sequence[str], part: int, parts: int
) -> tuple[str, str]:
    """Subject and body of mail `part` of `parts`; the subject gets " (1/3)" when split."""
    mail_values = dict(values)
    mail_values.update({
        "part": part, "parts": parts, "mail_count": len(names),
        "files": "\n".join(f"{i}. {n}" for i, n in enumerate(names, start=1)),
        "part_note": (
            f"本次材料共 {values['count']} 个文件，分 {parts} 封邮件发送，本邮件为第 {part} 封。"
            if parts > 1 else ""
        ),
    })
    subject = render(target.subject_template, mail_values)
    if parts > 1 and "{part}" not in target.subject_template:
        subject = f"{subject} ({part}/{parts})"
    return subject, render(target.body_template, mail_values)


def _message_size(
    target: TargetData, values: dict[str, object], names: Sequence[str],
    sender: Sender | None, built_at: dt.datetime,
) -> int:
    """Bytes of a mail without attachments, its body listing every file (an upper bound)."""
    subject, body = mail_text(target, values, names, 99, 99)
    message = build_message(
        subject=subject, body=body, recipients=target.recipients, attachments=(),
        message_id=new_message_id(message_domain(sender.address if sender else None)),
        date=built_at, sender=sender, draft=True,
    )
    return len(message_bytes(message)) + 200  # the multipart wrapper and closing boundary


def _write_manifests(
    folder: Path, name: str, target: TargetData, unit: str, day: dt.date,
    files: Sequence[PackageFile],
) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(
        ["序号", "文件名", "文件", "专利号", "SHA-256", "大小（字节）", "盖章件", "邮件"]
    )
    for i, f in enumerate(files, start=1):
        writer.writerow([i, f.file_name, f.document_name or kind_label_zh(f.kind),
                         f.patent or "", f.sha256, f.size, "是" if f.sealed else "否", f.part])
    # UTF-8 with BOM: Excel on Windows reads it as UTF-8 only with the BOM.
    write_atomic(folder / MANIFEST_CSV, text.getvalue().encode("utf-8-sig"))
    manifest = {
        "format": "licence-desk-package",
        "version": 1,
        "package": name,
        "unit": unit,
        "target": target.name,
        "office": target.office,
        "recipients": list(target.recipients),
        "date": day.isoformat(),
        "files": [
            {"file": f.file_name, "document": f.document_name, "kind": f.kind,
             "patent": f.patent, "sha256": f.sha256, "size": f.size, "sealed": f.sealed,
             "mail": f.part}
            for f in files
        ],
    }
    write_atomic(folder / MANIFEST_JSON,
                 (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _write_zip(
    zip_path: Path, name: str, files: Sequence[PackageFile], day: dt.date, folder: Path
) -> str:
    """The documents and manifests under one top folder, with fixed timestamps and UTF-8
    names (flag bit 11, which zipfile sets for any non-ASCII name), so Windows shows Chinese.

    The .eml drafts stay out of the zip: they repeat every document in base64 and would more
    than double it.
    """
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    entries = [f.file_name for f in files] + [MANIFEST_CSV, MANIFEST_JSON]
    with zip_path.open("wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry in entries:
                info = zipfile.ZipInfo(f"{name}/{entry}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                info.flag_bits |= 0x800
                with (folder / entry).open("rb") as source, archive.open(info, "w") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
    return sha256_of(zip_path)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"
