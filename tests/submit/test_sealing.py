"""Sealed copies: a PDF copied, JPG/PNG pages combined into A4 pages, files checked by their
magic bytes, the offer's state derived from its two documents."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.models.database import Database
from app.models.entities import DocumentState
from app.submit.files import sha256_of
from app.submit.records import SubmissionRecords
from app.submit.sealing import A4_POINTS, attach_sealed_copy, images_to_pdf, remove_sealed_copy

from .support import add_offer_documents, data_dir, fake_pdf, offer_state


def _image(path: Path, size: tuple[int, int], dpi: int | None, fmt: str) -> Path:
    image = Image.new("RGB", size, "white")
    image.paste((200, 0, 0), (0, 0, size[0], 20))
    if dpi is None:
        image.save(path, fmt)
    else:
        image.save(path, fmt, dpi=(dpi, dpi))
    return path


def test_a_pdf_is_copied_into_the_database_with_its_hash(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    scan = tmp_path / "扫描件.pdf"
    digest = fake_pdf(scan, "scan")

    result = attach_sealed_copy(records, docs.sheet_id, [scan])

    assert result.attached and result.findings == ()
    # In the database (issue 16); the path is its cache copy, written from it by hash.
    assert result.path is not None and data_dir() / "cache" in result.path.parents
    assert not (data_dir() / "sealed").exists() or not any((data_dir() / "sealed").iterdir())
    assert result.path.read_bytes() == scan.read_bytes()  # a copy, not a link
    assert not result.path.is_symlink() and result.sha256 == digest
    scan.unlink()  # the clerk's file may go; the copy stays
    result.path.unlink()  # so may the cache
    document = records.document(docs.sheet_id)
    assert document is not None
    assert document.sealed_path == f"sealed/{result.path.name}"
    assert document.sealed_sha256 == digest
    item = records.package_item(docs.sheet_id)
    assert item is not None and item.sealed_path is not None
    assert item.sealed_path.is_file()  # the package takes it from the database again
    assert hashlib.sha256(item.sealed_path.read_bytes()).hexdigest() == digest
    assert document.sealed_at is not None


def test_the_offer_is_sealed_once_both_documents_are(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    fake_pdf(tmp_path / "a.pdf", "a")
    fake_pdf(tmp_path / "b.pdf", "b")

    first = attach_sealed_copy(records, docs.sheet_id, [tmp_path / "a.pdf"])
    assert first.offer_state == DocumentState.GENERATED
    second = attach_sealed_copy(records, docs.declaration_id, [tmp_path / "b.pdf"])
    assert second.offer_state == DocumentState.SEALED
    assert offer_state(database, docs.offer_id) == DocumentState.SEALED

    removed = remove_sealed_copy(records, docs.declaration_id)
    assert removed.offer_state == DocumentState.GENERATED


def test_a_scan_of_an_offer_edited_since_is_attached_with_a_warning(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3", state="draft")
    fake_pdf(tmp_path / "a.pdf", "a")
    result = attach_sealed_copy(records, docs.sheet_id, [tmp_path / "a.pdf"])
    assert result.attached
    assert [f.code for f in result.findings] == ["sealed.offer_is_draft"]
    assert offer_state(database, docs.offer_id) == "draft"


@pytest.mark.parametrize("content,name", [
    (b"PK\x03\x04 this is a Word file", "扫描件.pdf"),
    (b"GIF89a not accepted", "scan.png"),
    (b"", "empty.jpg"),
])
def test_a_file_that_is_not_a_pdf_jpg_or_png_is_refused_by_its_content(
    records: SubmissionRecords, database: Database, tmp_path: Path, content: bytes, name: str
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    path = tmp_path / name
    path.write_bytes(content)
    result = attach_sealed_copy(records, docs.sheet_id, [path])
    assert not result.attached
    assert [f.code for f in result.findings] == ["sealed.not_a_scan"]
    assert result.findings[0].params["file"] == name
    document = records.document(docs.sheet_id)
    assert document is not None and document.sealed_path == ""
    assert not (data_dir() / "sealed").exists() or not any((data_dir() / "sealed").iterdir())


def test_missing_files_a_pdf_among_images_and_a_truncated_image_are_findings(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    pdf = tmp_path / "a.pdf"
    fake_pdf(pdf, "a")
    jpg = _image(tmp_path / "p1.jpg", (300, 400), 150, "JPEG")
    codes = {f.code for f in attach_sealed_copy(records, docs.sheet_id,
                                                [tmp_path / "nope.pdf"]).findings}
    assert codes == {"sealed.file_missing"}
    codes = {f.code for f in attach_sealed_copy(records, docs.sheet_id, [pdf, jpg]).findings}
    assert codes == {"sealed.pdf_not_alone"}
    assert attach_sealed_copy(records, docs.sheet_id, []).findings[0].code == "sealed.no_file"
    broken = tmp_path / "broken.png"
    broken.write_bytes(_image(tmp_path / "ok.png", (300, 300), 150, "PNG").read_bytes()[:80])
    result = attach_sealed_copy(records, docs.sheet_id, [broken])
    assert [f.code for f in result.findings] == ["sealed.unreadable"]


def test_image_pages_become_one_a4_pdf_in_order_at_their_own_resolution(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    # 1: a 300-dpi A5-sized scan stays 148 mm wide; 2: a 150-dpi scan larger than A4 is shrunk
    # to fit; 3: a landscape PNG gets a landscape page.
    first = _image(tmp_path / "第1页.jpg", (1748, 2480), 300, "JPEG")
    second = _image(tmp_path / "第2页.png", (1500, 2000), 150, "PNG")
    third = _image(tmp_path / "第3页.png", (1200, 800), 150, "PNG")

    result = attach_sealed_copy(records, docs.sheet_id, [first, second, third])

    assert result.attached and result.path is not None
    assert result.sha256 == sha256_of(result.path)
    reader = PdfReader(result.path)
    assert len(reader.pages) == 3
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert sizes[0] == pytest.approx(A4_POINTS, abs=0.01)
    assert sizes[1] == pytest.approx(A4_POINTS, abs=0.01)
    assert sizes[2] == pytest.approx(A4_POINTS[::-1], abs=0.01)
    # The images keep every pixel: their embedded sizes are the originals'.
    embedded = []
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"].get_object()  # type: ignore[index]
        embedded += [(int(x.get_object()["/Width"]), int(x.get_object()["/Height"]))
                     for x in xobjects.values()]
    assert embedded == [(1748, 2480), (1500, 2000), (1200, 800)]
    # The JPEG is embedded as it was (no re-compression).
    jpeg_bytes = first.read_bytes()
    assert jpeg_bytes in result.path.read_bytes()


def test_the_drawn_size_follows_the_dpi_and_never_exceeds_the_page(tmp_path: Path) -> None:
    small = _image(tmp_path / "a.jpg", (1748, 2480), 300, "JPEG")  # 148 × 210 mm
    large = _image(tmp_path / "b.jpg", (1500, 2000), 150, "JPEG")  # 254 × 339 mm
    unknown = _image(tmp_path / "c.png", (600, 600), None, "PNG")  # no DPI: 300 assumed
    data = images_to_pdf([small, large, unknown])
    reader = PdfReader(io.BytesIO(data))
    widths = []
    for page in reader.pages:
        content = page.get_contents()
        assert content is not None
        # "w 0 0 h x y cm" before the image: the drawn width is the first number.
        text = content.get_data().decode("latin-1")
        cm = [line for line in text.splitlines() if line.endswith(" cm")][-1].split()
        widths.append(float(cm[0]))
    assert widths[0] == pytest.approx(1748 * 72 / 300, rel=1e-3)
    assert widths[1] <= A4_POINTS[0] + 0.01
    assert widths[2] == pytest.approx(600 * 72 / 300, rel=1e-3)
    assert images_to_pdf([small, large, unknown]) == data  # deterministic
