"""How fast the information sheet and declaration PDFs are (prints figures; not a test).

    python benchmarks/pdf.py [--offers 500] [--repeat 30] [--profile] [--skip-libreoffice]

1. Steady-state time per page of an information sheet, against a floor measured in the same
   run: a bare reportlab document with the same text (taken from the sheet's own PDF) in the
   same font, as plain Paragraphs, no tables, no kit.  Target: ratio ≤ 1.5.  With --profile
   (or when the ratio is above target) the sheet's render is profiled and the top functions
   printed.
2. --offers finalised offers rendered as 2 × --offers files by the generation service:
   floor = every document laid out in this process (the path before the worker pool); figure =
   the pool of worker processes (database set up first, not timed). Targets for 500 offers:
   ≤ 10 s on two cores, peak RSS of all processes together ≤ 300 MB (sampled from /proc),
   files byte-identical to the floor's, a cancel returning within a second. CPU seconds are
   printed beside the wall times (this process, and the workers once they have ended): on a
   busy machine they say more than the wall time.
3. If LibreOffice is installed (`soffice`), an equivalent .docx of the sheet converted with
   `soffice --headless --convert-to pdf`, timed per document, and the ratio to ours.
   Otherwise: skipped (it is not installed for this).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.models.patent_number import check_character  # noqa: E402

SHEET_TARGET_RATIO = 1.5
BATCH_TARGET_S = 10.0  # 500 offers on two cores (issue 19)
BATCH_TARGET_MB = 300.0

FEES = [
    {"option": "free"},
    {"option": "entry_plus_royalty", "entry_fee_yuan": "10000", "royalty_percent": "5"},
    {"option": "lump_sum", "days": 30, "amount_yuan": "12500.5"},
    {"option": "instalments", "first_days": 30, "first_yuan": "20000", "period": "quarter",
     "period_days": 15, "batches": 4, "each_yuan": "5000", "count": 5, "total_yuan": "40000"},
    {"option": "other", "text": "按被许可人年度销售额分档收取，具体以许可合同为准"},
]
UNITS = ["武汉大学", "华中科技大学", "武汉理工大学", "湖北大学", "湖北某某新材料研究院有限责任公司"]
PEOPLE = ["张三", "李四", "王五", "赵六"]


def sample(index: int = 0) -> tuple[object, object]:
    """A typical sheet's data: (PatentFields, OfferFields)."""
    from app.models.offers import OfferContact, OfferFields
    from app.models.patent_rules import PatentFields

    digits = f"2018101{index:05d}"
    patent = PatentFields(
        number=f"{digits}.{check_character(digits)}",
        title="一种基于深度学习的高压输电线路巡检图像缺陷识别方法及系统",
        patentees=tuple([UNITS[index % len(UNITS)], *PEOPLE[: index % 3]]),
        filing_date=dt.date(2018, 3, 1),
        grant_date=dt.date(2020, 6, 5),
    )
    offer = OfferFields(
        self_exploitation="none" if index % 2 else "implemented",
        self_exploitation_period="" if index % 2 else "2020年起",
        self_exploitation_scope="" if index % 2 else "湖北省内",
        self_exploitation_manner="" if index % 2 else "自行生产销售",
        licensing="none",
        licence_expiry=dt.date(2035, 12, 31),
        fee=FEES[index % len(FEES)],
        other_terms="被许可人应自行承担实施风险；技术培训另行约定。",
        contact=OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072",
                             "027-68754321", "kjc@whu.edu.cn"),
        open_scope="全省",
        single_term="3年",
        declared_on=dt.date(2024, 9, 1),
    )
    return patent, offer


# --------------------------------------------------------------------------------- 1. per page


def render_sheet() -> bytes:
    from app.export.pdf.information_sheet import render_information_sheet

    patent, offer = sample(3)  # instalments: the longest fee text
    return render_information_sheet(patent, offer,  # type: ignore[arg-type]
                                     creation_date=dt.date(2024, 9, 1))


def floor_document(lines: list[str]) -> bytes:
    """The same text in the same font with reportlab alone: plain Paragraphs, no tables."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.export.pdf import register_fonts

    font = register_fonts()
    style = ParagraphStyle("floor", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, invariant=1, initialFontName=font)
    doc.build([Paragraph(escape(line), style) for line in lines])
    return buffer.getvalue()


def page_count(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def timed(fn: object, repeat: int) -> tuple[float, bytes]:
    """Median seconds of ``repeat`` calls after two warm-up calls."""
    call = fn  # type: ignore[assignment]
    data = b""
    for _ in range(2):
        data = call()  # type: ignore[operator]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        data = call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], data


def sheet_lines(data: bytes) -> list[str]:
    try:
        import pypdf
    except ImportError:  # the test extra is not installed: a close stand-in
        from app.export.pdf.information_sheet import NOTES
        from app.models.offers import COMMITMENTS

        return [*COMMITMENTS, *NOTES] * 2
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [line for page in reader.pages for line in page.extract_text().splitlines()
            if line.strip() and not line.startswith("第 ")]


def per_page(repeat: int, profile: bool) -> float:
    sheet_s, sheet = timed(render_sheet, repeat)
    lines = sheet_lines(sheet)
    floor_s, floor = timed(lambda: floor_document(lines), repeat)
    sheet_pages, floor_pages = page_count(sheet), page_count(floor)
    sheet_pp, floor_pp = sheet_s / sheet_pages, floor_s / floor_pages
    ratio = sheet_pp / floor_pp
    print("1. Information sheet, steady state (median of", repeat, "renders)")
    print(f"   sheet: {sheet_s * 1000:.1f} ms for {sheet_pages} pages = "
          f"{sheet_pp * 1000:.1f} ms/page ({len(sheet) // 1024} KB)")
    print(f"   floor: {floor_s * 1000:.1f} ms for {floor_pages} pages = "
          f"{floor_pp * 1000:.1f} ms/page (same {sum(map(len, lines))} characters, "
          "plain reportlab Paragraphs)")
    verdict = "ok" if ratio <= SHEET_TARGET_RATIO else "ABOVE TARGET"
    print(f"   ratio: {ratio:.2f} (target ≤ {SHEET_TARGET_RATIO}) {verdict}")
    if profile or ratio > SHEET_TARGET_RATIO:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            render_sheet()
        profiler.disable()
        stats = pstats.Stats(profiler, stream=io.StringIO())
        total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]

        def share(file_part: str, function: str) -> float:
            return sum(v[3] for (f, _, name), v in stats.stats.items()  # type: ignore[attr-defined]
                       if file_part in f and name == function) / total

        print("   where the time goes (share of a profiled render, cumulative):")
        for what, file_part, function in (
            ("line breaking (kit Para: per-character tokens)", "pdf/text.py", "break_frags"),
            ("table measuring (Table._calc, all cells)", "tables.py", "_calc"),
            ("table splitting across the page", "tables.py", "split"),
            ("table drawing (cells, grid lines)", "tables.py", "draw"),
            ("writing the file (font subset, compression)", "pdfgen/canvas.py", "save"),
        ):
            print(f"     {share(file_part, function):5.0%}  {what}")
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
        print("   top functions by own time:")
        print("\n".join("     " + line for line in out.getvalue().splitlines()[6:20]))
    return sheet_s


# --------------------------------------------------------------------------------- 2. batch


class RssSampler:
    """Peak of the summed RSS of this process and its children (the render workers), sampled
    every 20 ms from /proc (Linux); elsewhere getrusage's peaks, added (an upper bound)."""

    def __init__(self) -> None:
        import threading

        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        import multiprocessing
        import os

        while not self._stop.wait(0.02):
            pids = [os.getpid(), *(c.pid for c in multiprocessing.active_children() if c.pid)]
            self.peak_mb = max(self.peak_mb, sum(self._rss_kb(pid) for pid in pids) / 1024)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self.peak_mb == 0:  # no /proc
            self.peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                            + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def children_cpu() -> float:
    """User + system CPU seconds of the ended child processes (the render workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch(offers: int) -> None:
    """Floor: today's path, every document laid out in this process. Figure: the pool."""
    import hashlib

    from app.export import offer_documents
    from app.export.offer_documents import render_offer_documents, render_workers
    from app.models.database import open_database
    from app.models.store import Store

    workers = render_workers(offers)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "register.sqlite3")
        try:
            store = Store(database)
            start = time.perf_counter()
            for i in range(offers):
                patent, offer = sample(i)
                patent_id = store.save_patent(patent).record_id  # type: ignore[arg-type]
                offer_id = store.save_offer(patent_id, offer).record_id  # type: ignore[arg-type]
                assert store.finalise_offer(offer_id).saved  # type: ignore[arg-type]
            setup = time.perf_counter() - start

            chosen = offer_documents.render_workers
            offer_documents.render_workers = lambda _offers: 1  # type: ignore[assignment]
            start, cpu = time.perf_counter(), time.process_time()
            alone = render_offer_documents(store, None, Path(folder) / "alone")
            floor_s, floor_cpu = time.perf_counter() - start, time.process_time() - cpu
            offer_documents.render_workers = chosen  # type: ignore[assignment]
            steps: list[int] = []
            with RssSampler() as rss:
                start, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
                pooled = render_offer_documents(store, None, Path(folder) / "pool",
                                                progress=lambda d, _t: steps.append(d))
                pool_s = time.perf_counter() - start
                # The workers have exited (the pool is shut down): their time is counted.
                pool_cpu = time.process_time() - cpu
                workers_cpu = children_cpu() - children
            pool_steps = len(set(steps))
            # Cancel: asked for once 200 documents are done; how long until the call returns.
            asked: list[float] = []

            def cancelled() -> bool:
                if len(steps) >= 200 and not asked:
                    asked.append(time.perf_counter())
                return bool(asked)

            steps.clear()
            cancelled_run = render_offer_documents(store, None, Path(folder) / "cancel",
                                                   progress=lambda d, _t: steps.append(d),
                                                   cancelled=cancelled)
            cancel_s = time.perf_counter() - asked[0]
        finally:
            database.close()
        assert alone.ok and pooled.ok, (alone.failures[:3], pooled.failures[:3])
        assert cancelled_run.cancelled
        same = [hashlib.sha256(w.path.read_bytes()).digest() for w in alone.written] == [
            hashlib.sha256(w.path.read_bytes()).digest() for w in pooled.written]
        names_same = [w.path.name for w in alone.written] == [w.path.name for w in pooled.written]
        size = sum(w.size for w in pooled.written)
    files = len(pooled.written)
    print(f"2. {offers} finalised offers → {files} files (set-up {setup:.1f} s, not timed)")
    print(f"   floor, one process (today's path): {floor_s:.1f} s "
          f"(CPU {floor_cpu:.1f} s = {floor_cpu / max(files, 1) * 1000:.1f} ms per file)")
    verdict = "ok" if pool_s <= BATCH_TARGET_S * offers / 500 else "ABOVE TARGET"
    print(f"   {workers} processes (this one and {workers - 1} workers): {pool_s:.1f} s "
          f"({pool_s / files * 1000:.1f} ms "
          f"per file, {size / files / 1024:.0f} KB per file), ratio to the floor "
          f"{pool_s / floor_s:.2f} — target ≤ {BATCH_TARGET_S * offers / 500:.0f} s {verdict}")
    print(f"   CPU: this process {pool_cpu:.1f} s, workers {workers_cpu:.1f} s, together "
          f"{(pool_cpu + workers_cpu) / max(files, 1) * 1000:.1f} ms per file")
    print(f"   byte-identical to one process: {'yes' if same and names_same else 'NO'}; "
          f"progress reported {pool_steps} steps, one per document")
    verdict = "ok" if rss.peak_mb <= BATCH_TARGET_MB else "ABOVE TARGET"
    print(f"   peak RSS of all processes together: {rss.peak_mb:.0f} MB "
          f"(target ≤ {BATCH_TARGET_MB:.0f} MB) {verdict}")
    verdict = "ok" if cancel_s <= 1.0 else "ABOVE TARGET"
    print(f"   cancel after 200 documents: returned {cancel_s * 1000:.0f} ms after it was asked, "
          f"{len(cancelled_run.written)} files kept (whole offers) — target ≤ 1 s {verdict}")


# --------------------------------------------------------------------------------- 3. LibreOffice


def sheet_docx(path: Path, lines: list[str]) -> None:
    """A minimal .docx: the sheet's text as a two-column table, like the Word form."""
    def cell(text: str) -> str:
        return (f"<w:tc><w:p><w:r><w:rPr><w:rFonts w:eastAsia=\"SimSun\"/></w:rPr>"
                f"<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p></w:tc>")

    rows = "".join(f"<w:tr>{cell(lines[i])}{cell(lines[i + 1] if i + 1 < len(lines) else '')}"
                   "</w:tr>" for i in range(0, len(lines), 2))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:tbl><w:tblPr><w:tblBorders>"
        + "".join(f'<w:{side} w:val="single" w:sz="6"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + f"</w:tblBorders></w:tblPr>{rows}</w:tbl><w:sectPr>"
        '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
            ' Target="word/document.xml"/></Relationships>'))
        z.writestr("word/document.xml", document)


def libreoffice(sheet_s: float, documents: int = 10) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("3. LibreOffice (soffice) is not installed: .docx conversion skipped.")
        return
    lines = sheet_lines(render_sheet())
    with tempfile.TemporaryDirectory() as folder:
        sources = []
        for i in range(documents):
            source = Path(folder) / f"sheet{i}.docx"
            sheet_docx(source, lines)
            sources.append(str(source))
        profile = Path(folder) / "profile"
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(Path(folder) / "out")]
        subprocess.run([*command, sources[0]], capture_output=True, check=True, timeout=300)
        start = time.perf_counter()
        subprocess.run([*command, *sources], capture_output=True, check=True, timeout=600)
        batch_s = (time.perf_counter() - start) / documents
        start = time.perf_counter()
        subprocess.run([*command, sources[0]], capture_output=True, check=True, timeout=300)
        single_s = time.perf_counter() - start
    print(f"3. LibreOffice: {batch_s:.2f} s per document in a batch of {documents}, "
          f"{single_s:.2f} s as a separate call; ours {sheet_s:.3f} s per sheet "
          f"→ LibreOffice is {batch_s / sheet_s:.0f}× (batch) / {single_s / sheet_s:.0f}× "
          "(single call) slower")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--offers", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--skip-libreoffice", action="store_true")
    args = parser.parse_args()
    from startup import machine

    print(machine())
    start = time.perf_counter()
    from app.export.pdf import register_fonts

    register_fonts()
    print(f"(registering the font: {time.perf_counter() - start:.2f} s, once per process)")
    sheet_s = per_page(args.repeat, args.profile)
    batch(args.offers)
    if not args.skip_libreoffice:
        libreoffice(sheet_s)
    import os

    print("load average at the end " + " / ".join(f"{v:.2f}" for v in os.getloadavg()))


if __name__ == "__main__":
    main()
