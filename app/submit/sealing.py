"""Sealed copies: the scan of the stamped paper, attached to a generated document.

A PDF is copied as it is. JPG/PNG pages (a phone photo, a scanner without PDF output) become
one PDF, one A4 page per image in the order given. reportlab is already a dependency and embeds
a JPEG's own bytes (no re-compression) and a PNG losslessly, so the scan keeps its resolution;
img2pdf would do the same with one more package to ship.

The copy is kept in the database itself (app.models.stored_files, by its SHA-256), never as a
link to the clerk's file, which may be on a USB stick or edited later.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.findings import Finding, error
from app.models.stored_files import StoredFileError, materialise, put_file
from app.os_errors import reason_params
from app.paths import user_data_dir
from app.submit.files import (
    FileType,
    copy_with_hash,
    safe_file_name,
    sha256_of,
    sniff,
    write_atomic,
)
from app.submit.records import SubmissionRecords

log = logging.getLogger(__name__)

A4_POINTS = (595.2756, 841.8898)  # 210 × 297 mm
DEFAULT_DPI = 300.0  # for an image that does not say its resolution (most phone photos)
_ORIENTATION = 0x0112  # EXIF tag
_BINARY_IMAGES = threading.Lock()  # rl_config is process-wide


@dataclass(frozen=True)
class SealResult:
    findings: tuple[Finding, ...] = ()
    path: Path | None = None
    sha256: str = ""
    offer_state: str | None = None

    @property
    def attached(self) -> bool:
        return self.path is not None


def sealed_dir() -> Path:
    path = user_data_dir() / "sealed"
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_scans(scans: Sequence[Path]) -> tuple[list[Finding], list[FileType]]:
    """Each file must exist and be a PDF, JPG or PNG by its content; one PDF alone, or images."""
    findings: list[Finding] = []
    types: list[FileType] = []
    if not scans:
        return [error("sealed.no_file", "sealed_path")], []
    for scan in scans:
        if not scan.is_file():
            findings.append(error("sealed.file_missing", "sealed_path", path=str(scan)))
            continue
        kind = sniff(scan)
        if kind not in (FileType.PDF, FileType.JPEG, FileType.PNG):
            findings.append(error("sealed.not_a_scan", "sealed_path", file=scan.name))
            continue
        types.append(kind)
    if FileType.PDF in types and len(scans) > 1:
        findings.append(error("sealed.pdf_not_alone", "sealed_path"))
    return findings, types


def attach_sealed_copy(
    records: SubmissionRecords, document_id: int, scans: Sequence[Path]
) -> SealResult:
    """Attach the scan of the stamped paper to generated document `document_id`.

    `scans` is one PDF, or one or more JPG/PNG pages in order. The copy goes into the
    database; the document's sealed name, hash and time are set, and the offer becomes
    "sealed" when both its sheet and declaration have one.
    """
    document = records.document(document_id)
    if document is None:
        return SealResult((error("sealed.document_missing", "document", id=document_id),))
    findings, types = check_scans(scans)
    if findings:
        return SealResult(tuple(findings))
    # The stem leaves room for the longest ending it gets, "-<12 hex of the hash>.pdf", within
    # 255 bytes and MAX_PATH (a long patent title as the subject).
    ending = "-" + "0" * 12 + ".pdf"
    try:
        stem = safe_file_name(f"{document.id}-{document.kind}-{document.subject}",
                              str(document.id), extension=ending,
                              folder=sealed_dir())[:-len(ending)]
        if types == [FileType.PDF]:
            temp = sealed_dir() / f"{stem}.incoming.pdf"
            digest, _size = copy_with_hash(scans[0], temp)
        else:
            data = images_to_pdf(scans)
            temp = sealed_dir() / f"{stem}.incoming.pdf"
            write_atomic(temp, data)
            digest = sha256_of(temp)
    except (OSError, ValueError) as exc:
        # Pillow raises OSError/ValueError for a truncated or unreadable image.
        return SealResult((error("sealed.unreadable", "sealed_path", **reason_params(exc)),))
    # The bytes go into the database (issue 16), by hash; the name keeps the hash so that a
    # later scan of the same document is told apart from an earlier one.
    name = Path("sealed") / f"{stem}-{digest[:12]}.pdf"
    try:
        with records.session() as session, session.begin():
            put_file(session, temp, expected=digest)
    except StoredFileError as exc:
        return SealResult((error(exc.code, "sealed_path", **exc.params),))
    except OSError as exc:
        return SealResult((error("sealed.unreadable", "sealed_path", **reason_params(exc)),))
    finally:
        temp.unlink(missing_ok=True)
    record = records.record_sealed_copy(document_id, name, digest)
    log.info("sealed copy of document %s attached (%s)", document_id, name.name)
    try:
        target = materialise(records.database, digest, name.as_posix())
    except (StoredFileError, OSError):
        target = name
    return SealResult(record.findings, target, digest, record.offer_state)


def remove_sealed_copy(records: SubmissionRecords, document_id: int) -> SealResult:
    """Detach the sealed copy (the file stays: a recorded package may refer to it)."""
    record = records.record_sealed_copy(document_id, None, "")
    return SealResult(record.findings, None, "", record.offer_state)


def images_to_pdf(images: Sequence[Path]) -> bytes:
    """One A4 page per image, in order: at the image's own resolution (pixels ÷ DPI), shrunk
    to fit the page when larger, centred; landscape images on landscape pages. Deterministic
    bytes for the same images."""
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    with _BINARY_IMAGES:
        previous = rl_config.useA85
        # reportlab wraps image data in ASCII85 by default: 25 % larger, which counts against
        # the mail size limit. Binary streams embed a JPEG's own bytes unchanged.
        rl_config.useA85 = 0
        try:
            return _draw_pages(images, canvas.Canvas, ImageReader)
        finally:
            rl_config.useA85 = previous


def _draw_pages(images: Sequence[Path], make_canvas: Any, reader: Any) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    pdf = make_canvas(out, pagesize=A4_POINTS, invariant=True, pageCompression=1)
    for path in images:
        with Image.open(path) as image:
            image.load()  # fails here on a truncated file
            width_px, height_px = image.size
            dpi = _dpi(image.info.get("dpi"))
            orientation = int(image.getexif().get(_ORIENTATION, 1))
        # EXIF 6/8: the camera was turned; the pixels are stored sideways.
        turned = orientation in (6, 8)
        shown_w, shown_h = (height_px, width_px) if turned else (width_px, height_px)
        page_w, page_h = A4_POINTS if shown_h >= shown_w else A4_POINTS[::-1]
        scale = min(72.0 / dpi, page_w / shown_w, page_h / shown_h)
        draw_w, draw_h = shown_w * scale, shown_h * scale
        pdf.setPageSize((page_w, page_h))
        pdf.saveState()
        pdf.translate((page_w - draw_w) / 2, (page_h - draw_h) / 2)
        # Rotate about the drawn box so the page shows the image upright.
        if orientation == 3:
            pdf.translate(draw_w, draw_h)
            pdf.rotate(180)
        elif orientation == 6:  # shown turned clockwise
            pdf.translate(0, draw_h)
            pdf.rotate(-90)
        elif orientation == 8:  # shown turned anticlockwise
            pdf.translate(draw_w, 0)
            pdf.rotate(90)
        box_w, box_h = (draw_h, draw_w) if turned else (draw_w, draw_h)
        pdf.drawImage(reader(str(path)), 0, 0, box_w, box_h, mask="auto")
        pdf.restoreState()
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _dpi(value: object) -> float:
    """The image's horizontal DPI when plausible; scanners write it, phones often write 72."""
    if isinstance(value, tuple) and value:
        try:
            dpi = float(value[0])
        except (TypeError, ValueError):
            return DEFAULT_DPI
        if 50 <= dpi <= 2400:
            return dpi
    return DEFAULT_DPI
