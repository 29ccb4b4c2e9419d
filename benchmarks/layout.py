"""Whether laying out one long paragraph stays linear in its length (prints figures; not a test).

    python benchmarks/layout.py [--chars 4000] [--steps 4]

For Chinese running text and for one word without a break point, the paragraph is laid out
(`render_pdf`, body style) at n, 2n, 4n … characters; every figure is printed with its ratio
to the n-character time measured in the same run, against the linear ratio (target: within
1.5 × of it). CPU time, the median of three runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.export.pdf.kit import render_pdf  # noqa: E402
from app.export.pdf.styles import kit_styles  # noqa: E402
from app.export.pdf.text import para  # noqa: E402

CLAUSE = "一种用于锂电池的正极材料及其制备方法，（含 ZL201710601862.3 号专利） "
TEXTS = {
    "Chinese running text": lambda n: (CLAUSE * (n // len(CLAUSE) + 1))[:n],
    "one word without a break": lambda n: "a" * n,
}


def _cpu(content: str) -> float:
    runs = []
    for _ in range(3):
        start = time.process_time()
        render_pdf([para(content, kit_styles().body)], title="t",
                   creation_date=dt.date(2024, 1, 1))
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=4000)
    parser.add_argument("--steps", type=int, default=4)
    args = parser.parse_args()
    _cpu("预热")  # fonts registered, caches warm
    for name, make in TEXTS.items():
        floor = _cpu(make(args.chars))
        print(f"{name}: {args.chars} characters {floor:.3f} s (floor)")
        for step in range(1, args.steps):
            n = args.chars * 2 ** step
            took = _cpu(make(n))
            ratio, linear = took / floor, 2 ** step
            verdict = "ok" if ratio <= 1.5 * linear else "above target"
            print(f"  {n} characters {took:.3f} s  ratio {ratio:.2f} (linear {linear}) {verdict}")


if __name__ == "__main__":
    main()
