"""Layout work grows in proportion to the text (issue 18 point 6), counted, not timed.

A paragraph running over many pages used to be broken into lines again after every page
break (work ∝ pages × length), and a word wider than a line was re-measured after every cut
(work ∝ length² / line).  The count is of characters the line breaker measures: it is the
same on every machine, so the test is deterministic."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.export.pdf import text as text_module
from app.export.pdf.kit import render_pdf
from app.export.pdf.styles import kit_styles
from app.export.pdf.text import para

CLAUSE = "一种用于锂电池的正极材料及其制备方法，（含 ZL201710601862.3 号专利） "


def _measured(monkeypatch: pytest.MonkeyPatch, content: str, style: str = "body") -> int:
    """Characters the line breaker measured while laying out ``content``."""
    count = 0
    token_init = text_module._Token.__init__

    def counting(self: Any, atoms: list[Any], *args: Any, **kwargs: Any) -> None:
        nonlocal count
        if kwargs.get("measure", True):
            count += len(atoms)
        token_init(self, atoms, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(text_module._Token, "__init__", counting)
        pdf = render_pdf([para(content, getattr(kit_styles(), style))], title="t",
                         creation_date=dt.date(2024, 1, 1))
    assert pdf.startswith(b"%PDF-")
    return count


@pytest.mark.parametrize(("name", "make"), [
    ("Chinese running text", lambda n: (CLAUSE * (n // len(CLAUSE) + 1))[:n]),
    ("one word without a break", lambda n: "a" * n),
    ("opening brackets only", lambda n: "（" * n),
])
@pytest.mark.parametrize("style", ["body", "body_indent"])
def test_four_times_the_text_costs_about_four_times_the_work(
    name: str, make: Any, style: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    n = 6000  # several pages, several hundred lines
    small = _measured(monkeypatch, make(n), style)
    large = _measured(monkeypatch, make(4 * n), style)
    assert small >= n
    assert large / small <= 4.5, (name, small, large)
    print(f"{name}: {small} -> {large} characters measured, ratio {large / small:.2f}")


def test_a_title_of_100000_characters_renders() -> None:
    pdf = render_pdf([para("长" * 100_000, kit_styles().title)], title="t",
                     creation_date=dt.date(2024, 1, 1))
    assert pdf.count(b"/Type /Page\n") >= 50 or pdf.count(b"/Type /Page") >= 50
