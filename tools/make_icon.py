#!/usr/bin/env python3
"""Draws the application icon: resources/icons/licence-desk.png (the window) and
licence-desk.ico (the Windows executables, 16–256 px).

A sheet of paper with form lines and a red seal on a blue tile: the forms and the 盖章 the
application is about. Run from the repository root after changing the drawing:

    python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down with antialiasing
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw() -> Image.Image:
    s = SIZE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((40, 40, s - 40, s - 40), radius=180, fill=(28, 86, 160, 255))
    sheet = (230, 150, 794, 874)
    pen.rounded_rectangle(sheet, radius=36, fill=(255, 255, 255, 255))
    for i, y in enumerate(range(260, 700, 88)):
        right = 700 if i % 2 == 0 else 620
        pen.rounded_rectangle((310, y, right, y + 34), radius=17, fill=(150, 170, 200, 255))
    # The seal: a red ring with a star, overlapping the sheet's lower right corner.
    cx, cy, r = 700, 760, 190
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 255, 255, 255))
    pen.ellipse((cx - r + 18, cy - r + 18, cx + r - 18, cy + r - 18), fill=(200, 30, 40, 255))
    pen.ellipse((cx - r + 52, cy - r + 52, cx + r - 52, cy + r - 52), fill=(255, 255, 255, 255))
    import math

    points = []
    for k in range(10):
        radius = 95 if k % 2 == 0 else 38
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    pen.polygon(points, fill=(200, 30, 40, 255))
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "licence-desk.png",
                                                            optimize=True)
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "licence-desk.ico",
                                                            sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
