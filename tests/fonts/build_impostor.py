#!/usr/bin/env python3
"""Builds tests/fonts/Impostor-{Regular,SemiBold}.ttf: test fonts that claim to be every
family the window asks for or cosmic-text falls back to (DutyDesk Sans, Fira Sans, Open Sans,
Noto Sans, DejaVu Sans, Noto Color Emoji, Twemoji Mozilla, DutyDesk Marks) and draw every character
they map as the same wide block. tests/ui_snapshots.rs installs them as the only "system"
fonts of a child process: if any text of the console were drawn with an installed font,
blocks would show and the snapshot's hash would change.

    pip install fonttools==4.68.0
    python3 tests/fonts/build_impostor.py

Our own work, under the project's licence (MIT OR Apache-2.0).
"""

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

CLAIMS = {
    "en": "Fira Sans",
    "en-GB": "Open Sans",
    "de": "Noto Sans",
    "fr": "DejaVu Sans",
    "it": "Noto Color Emoji",
    "ja": "Twemoji Mozilla",
    "ko": "DutyDesk Marks",
    "zh": "DutyDesk Sans",
}
# ASCII, Latin-1, Cyrillic, general punctuation, arrows, the marks, the emoji the fixture uses.
RANGES = [(0x21, 0x7E), (0xA1, 0xFF), (0x400, 0x4FF), (0x2010, 0x2044), (0x2190, 0x21FF)]
EXTRA = "★☆✎⚑●✓✗🙏👋👍😀🎧"


def build(weight: int, style: str) -> None:
    codepoints = [c for lo, hi in RANGES for c in range(lo, hi + 1)] + [ord(c) for c in EXTRA]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "space", "block"])
    cmap = {c: "block" for c in codepoints}
    cmap[0x20] = "space"
    cmap[0xA0] = "space"
    fb.setupCharacterMap(cmap)
    pen = TTGlyphPen(None)
    for x0, y0, x1, y1 in [(50, -200, 950, 800)]:
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
    block = pen.glyph()
    empty = TTGlyphPen(None).glyph()
    fb.setupGlyf({".notdef": empty, "space": empty, "block": block})
    fb.setupHorizontalMetrics({".notdef": (1000, 0), "space": (600, 0), "block": (1000, 50)})
    fb.setupHorizontalHeader(ascent=900, descent=-300)
    names = {
        "familyName": CLAIMS,
        "typographicFamily": CLAIMS,
        "styleName": style,
        "typographicSubfamily": style,
        "uniqueFontIdentifier": f"DutyDesk test impostor {style}",
        "fullName": f"Impostor {style}",
        # "Emoji" in the PostScript name: cosmic-text offers such a face for any style.
        "psName": f"ImpostorEmoji-{style}",
        "version": "Version 1.000",
    }
    fb.setupNameTable(names)
    fb.setupOS2(sTypoAscender=900, sTypoDescender=-300, usWinAscent=900, usWinDescent=300,
                usWeightClass=weight)
    fb.setupPost()
    fb.font["head"].created = fb.font["head"].modified = 0
    out = Path(__file__).with_name(f"Impostor-{style}.ttf")
    fb.font.recalcTimestamp = False
    fb.save(out)
    print(f"{out}: {out.stat().st_size} bytes, {len(codepoints)} characters")


if __name__ == "__main__":
    build(400, "Regular")
    build(600, "SemiBold")
