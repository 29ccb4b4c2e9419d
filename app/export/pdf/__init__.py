"""The PDF layout kit: pure reportlab platypus, no Qt.

Every form module builds a list of flowables from these pieces and hands it to
:func:`build_pdf`.  Check the data first with :func:`check_text`: a character the font lacks
would print as an empty box.

Fonts (``fonts``)
    register_fonts() -> str                 register the bundled serif once; its font name
    font_path() -> Path                     resources/fonts/NotoSerifSC-Regular.ttf: bundle,
                                            source tree or <prefix>/share/licence-desk
    has_glyph(char) -> bool
    missing_glyphs(text) -> list[str]       characters the font cannot draw, each once
    check_text(fields) -> list[MissingGlyph]   fields: (record, field, text) triples
    MissingGlyph(record, field, char, codepoint)   frozen; .code "U+E000", .name

Text (``text``, ``styles``)
    para(text, style, *, markup=False) -> Para   escaped data paragraph; "\\n" kept
    Para                                    Paragraph: CJK wraps anywhere, Latin words whole
    kit_styles() -> KitStyles               title, subtitle, heading, body, body_indent, cell,
                                            label, label_left, fixed, note, right, footer

Pieces (``flowables``)
    form_grid(rows, col_widths, *, repeat_rows=0, row_heights=None) -> Table
    label(text, colspan=1, rowspan=1) -> Cell;  value(content, colspan=1, rowspan=1) -> Cell
    label_value_grid(pairs, width, label_width=35*mm) -> Table
    check_box(checked) -> str               "☑" / "☐"
    circled(n) -> str                       ① … ⑳
    choice_list(options, selected, style=None) -> list[Flowable]   "☑ option" lines
    fixed_text(items, style=None) -> list[Flowable]   verbatim official wording
    SealBlock(label_text, *, date=None, date_line=True, date_label="", seal_width=50*mm,
              seal_height=35*mm, style=None)   blank seal area >= 45 mm beside the label
    date_text(date | None) -> str           "2024 年 5 月 6 日" or the blank "年　　月　　日"
    cover_page(title, lines, *, issuer, date, subtitle=None, width=None) -> list[Flowable]

Documents (``kit``)
    build_pdf(path, story, *, title, creation_date, author="", subject="", keywords="",
              orientation="portrait", watermark=False, margins=MARGINS) -> Path
    render_pdf(story, *, same keywords) -> bytes    deterministic bytes, in memory
    write_atomic(path, data) -> Path         temp file + fsync + os.replace
    switch_orientation(orientation) -> list[Flowable]   new page in portrait/landscape
    frame_width(orientation="portrait", margins=MARGINS) -> float
    page_box(orientation="portrait", margins=MARGINS) -> PageBox
    Margins(binding=25*mm, other=20*mm, footer_baseline=12*mm); MARGINS
    page_footer(number, total) -> str       "第 x 页 共 y 页"
"""

from app.export.pdf.flowables import (
    CHECKED,
    SEAL_MIN_WIDTH,
    UNCHECKED,
    Cell,
    SealBlock,
    check_box,
    choice_list,
    circled,
    cover_page,
    date_text,
    fixed_text,
    form_grid,
    label,
    label_value_grid,
    value,
)
from app.export.pdf.fonts import (
    FONT_NAME,
    MissingGlyph,
    check_text,
    font_path,
    has_glyph,
    missing_glyphs,
    register_fonts,
)
from app.export.pdf.kit import (
    LANDSCAPE,
    MARGINS,
    PORTRAIT,
    WATERMARK_TEXT,
    Margins,
    Orientation,
    PageBox,
    StagedFile,
    build_pdf,
    frame_width,
    page_box,
    page_footer,
    render_pdf,
    stage_file,
    switch_orientation,
    write_atomic,
)
from app.export.pdf.styles import KitStyles, kit_styles
from app.export.pdf.text import Para, para

__all__ = [
    "CHECKED",
    "FONT_NAME",
    "LANDSCAPE",
    "MARGINS",
    "PORTRAIT",
    "SEAL_MIN_WIDTH",
    "UNCHECKED",
    "WATERMARK_TEXT",
    "Cell",
    "KitStyles",
    "Margins",
    "MissingGlyph",
    "Orientation",
    "PageBox",
    "Para",
    "SealBlock",
    "build_pdf",
    "check_box",
    "check_text",
    "choice_list",
    "circled",
    "cover_page",
    "date_text",
    "fixed_text",
    "font_path",
    "form_grid",
    "frame_width",
    "has_glyph",
    "kit_styles",
    "label",
    "label_value_grid",
    "missing_glyphs",
    "page_box",
    "page_footer",
    "para",
    "register_fonts",
    "render_pdf",
    "switch_orientation",
    "value",
    "write_atomic",
    "StagedFile",
    "stage_file",
]
