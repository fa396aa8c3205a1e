#!/usr/bin/env python3
"""Builds assets/fonts/DutyDeskSans-Regular.ttf and DutyDeskSans-SemiBold.ttf: Fira Sans 4.203
with one change, renamed as a modified font should be.

    pip install fonttools==4.68.0
    python3 assets/fonts/build_sans.py FiraSans-Regular.ttf FiraSans-SemiBold.ttf

The sources are Fira Sans 4.203 Regular and SemiBold: iced_graphics 0.14's
`fonts/FiraSans-Regular.ttf` (byte-identical to the npm package's) and npm
`@expo-google-fonts/fira-sans@0.4.1`'s `600SemiBold/FiraSans_600SemiBold.ttf`.

The change: every character Fira Sans draws as nothing (space, no-break space, figure
space, ...) gets a contour of zero area, a segment drawn there and back. It covers no pixel,
so the text looks the same, but its rendered image is no longer empty. iced_tiny_skia 0.14.1
caches a glyph's image only when it is non-empty (`GlyphCache::allocate`), so an empty
space was rasterized again on every draw, and each draw's first miss built a new hinting
instance for the font and ran its TrueType programs: under a storm of updates that was a
sixth of the window's thread. Shapes, advances, kerning and hinting are unchanged.
"""

import sys
from pathlib import Path

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FAMILY = "DutyDesk Sans"
POSTSCRIPT = "DutyDeskSans"
NOTE = (
    "Fira Sans 4.203 modified for DutyDesk: whitespace glyphs carry a contour of zero area "
    "so that renderers cache their (empty) image. Outlines, metrics and hinting unchanged."
)
# The segment's far end, in font units (1000 to the em): at 13 px it spans about two
# pixels, enough for its bounds to survive rounding at any size the window draws.
REACH = 150


def zero_area_glyph(glyph_set):
    pen = TTGlyphPen(glyph_set)
    pen.moveTo((0, 0))
    pen.lineTo((REACH, REACH))
    pen.lineTo((0, 0))
    pen.closePath()
    return pen.glyph()


def build(source: Path, style: str) -> None:
    out = Path(__file__).with_name(f"{POSTSCRIPT}-{style}.ttf")
    # recalcTimestamp=False: the same input gives the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    glyf = font["glyf"]
    blank = sorted(
        {
            name
            for name in font.getBestCmap().values()
            if glyf[name].numberOfContours == 0 and font["hmtx"][name][0] > 0
        }
    )
    if "space" not in blank:
        sys.exit(f"{source}: no empty space glyph; is this Fira Sans 4.203?")
    for name in blank:
        advance, _ = font["hmtx"][name]
        glyph = zero_area_glyph(font.getGlyphSet())
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        font["hmtx"][name] = (advance, glyph.xMin)
    rename(font, style)
    font.save(out)
    print(f"{out.name}: {', '.join(blank)}")


def rename(font: TTFont, style: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {style}"
    # Legacy family: Regular is the family itself; SemiBold is a family of its own with
    # the typographic family (16, 17) tying the two together, as Fira Sans does.
    legacy = FAMILY if style == "Regular" else full
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    name.setName(legacy, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(f"4.203;DutyDesk;{POSTSCRIPT}-{style}", 3, 3, 1, 0x409)
    name.setName(full, 4, 3, 1, 0x409)
    name.setName(f"{POSTSCRIPT}-{style}", 6, 3, 1, 0x409)
    name.setName(NOTE, 10, 3, 1, 0x409)
    if style != "Regular":
        name.setName(FAMILY, 16, 3, 1, 0x409)
        name.setName(style, 17, 3, 1, 0x409)
    # Mac-platform names would still say Fira Sans; nothing here reads them.
    name.names = [r for r in name.names if r.platformID == 3]
    if "CFF " in font:
        sys.exit("expected TrueType outlines")


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(Path(sys.argv[1]), "Regular")
    build(Path(sys.argv[2]), "SemiBold")


if __name__ == "__main__":
    main()
