#!/usr/bin/env python3
"""Builds assets/fonts/DutyDeskMarks.ttf: the marks DutyDesk draws in rows (pin, star, note,
reply, ...), cut from DejaVu Sans and renamed as its licence asks of a modified font.

    pip install fonttools==4.68.0
    python3 assets/fonts/build_marks.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

DejaVu Sans 2.37 is Debian's `fonts-dejavu-core`. The characters must match
`src/ui/fonts.rs` (`mark::ALL`); a unit test there checks every mark is in the font.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

# Keep in step with mark::ALL in src/ui/fonts.rs.
MARKS = "↑★☆✎↪⚑●✓✗"
FAMILY = "DutyDesk Marks"


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    out = Path(__file__).with_name("DutyDeskMarks.ttf")
    # recalcTimestamp=False: the same input gives the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []  # single marks: no shaping features needed
    options.hinting = False  # no TrueType instructions: the marks are simple shapes
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.drop_tables += ["MATH", "FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in MARKS])
    subsetter.subset(font)
    names = font["name"]
    version = names.getDebugName(5)
    for record in list(names.names):
        if record.nameID in (1, 4):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{FAMILY} (from DejaVu Sans {version})"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
    font.save(out)
    print(f"{out}: {out.stat().st_size} bytes, {len(font.getBestCmap())} marks")


if __name__ == "__main__":
    main()
