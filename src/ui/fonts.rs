//! The fonts the window draws with: bundled, so the console looks the same on Linux,
//! Windows and macOS, and a snapshot does not depend on what a machine has installed.
//!
//! What iced 0.14 does on its own: one process-wide cosmic-text `FontSystem`
//! (`iced_graphics::text::font_system`) that first loads every system font (fontdb: on
//! Linux the folders fontconfig's files name, `FONTCONFIG_FILE` replacing them; fixed
//! folders on Windows and macOS), then its embedded Iced-Icons (and Fira Sans Regular with
//! its `fira-sans` feature, which DutyDesk leaves off).
//! cosmic-text calls the generic sans-serif family "Open Sans", whatever fontconfig says.
//! For a character its font lacks it tries the script's fonts, then a fixed list of system
//! families (Noto Sans, DejaVu Sans, FreeSans, …, Noto Color Emoji), then every other font,
//! nearest weight first and lowest id (first loaded) among equals. So semibold titles
//! (Fira Sans has no semibold in iced), the marks (★, ✎) and emoji came from whatever the
//! machine had, or were empty boxes.
//!
//! The text face is DutyDesk Sans: Fira Sans 4.203 whose whitespace glyphs carry a
//! contour of zero area (`assets/fonts/build_sans.py`). It draws exactly as Fira Sans
//! does, but iced_tiny_skia 0.14.1 caches only non-empty glyph images, so with Fira Sans
//! every space was rasterized again, and the font re-hinted, on every draw.
//!
//! What [`install`] changes, once, before the first frame (the window, the test harness
//! and the fixture call it):
//! - Bundled faces come first in the font database (lowest ids), so among equally good
//!   candidates a bundled face wins over any installed one, even one with the same name.
//! - DutyDesk Sans Regular and SemiBold answer every weight, and "sans-serif" is DutyDesk
//!   Sans: `Font::DEFAULT` and a bold title draw in it.
//! - A character DutyDesk Sans lacks is looked up in DutyDesk Marks, then Twemoji Mozilla
//!   (colour emoji, COLRv0: what swash, and so iced's tiny-skia renderer, draws in colour),
//!   at any weight, before any installed font. Installed fonts still serve the scripts we
//!   do not bundle (CJK, Arabic, Hebrew, Thai, Devanagari, …) through cosmic-text's
//!   per-script lists.
//!
//! In: nothing (the fonts are embedded with `include_bytes!`, not copied at start).
//! Out: the fonts views use ([`TEXT`], [`SEMIBOLD`], [`MARKS`]), the marks themselves
//! ([`mark`]), and [`faces`] for tests and diagnostics. Licences: `assets/fonts/`.

use iced::advanced::graphics::text::{cosmic_text, font_system};
use iced::{Font, font};

use cosmic_text::fontdb::{self, Database, FaceInfo, Family, Source};
use cosmic_text::{Fallback, FontSystem, PlatformFallback};
use std::sync::{Arc, Once};
use unicode_script::Script;

/// The text font: DutyDesk Sans Regular, bundled.
pub const TEXT: Font = Font::with_name(SANS);
/// Unread titles and senders: DutyDesk Sans SemiBold, bundled.
pub const SEMIBOLD: Font = Font {
    weight: font::Weight::Semibold,
    ..TEXT
};
/// The marks drawn in rows (see [`mark`]): DutyDesk Marks, bundled.
pub const MARKS: Font = Font::with_name(MARKS_FAMILY);

const SANS: &str = "DutyDesk Sans";
const MARKS_FAMILY: &str = "DutyDesk Marks";
const EMOJI_FAMILY: &str = "Twemoji Mozilla";

/// The marks a row shows; each is in the DutyDesk Marks font (a test checks it).
pub mod mark {
    pub const PIN: char = '↑';
    pub const STAR: char = '★';
    pub const NOTE: char = '✎';
    /// Every character in the marks font: the ones above, the reply arrow the chat view
    /// draws in text, and a few kept for marks in the making (alarm flag, status dot,
    /// done, failed). `assets/fonts/build_marks.py` builds the font from this list.
    pub const ALL: &str = "↑★☆✎↪⚑●✓✗";
}

static SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DutyDeskSans-Regular.ttf");
static SANS_SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/DutyDeskSans-SemiBold.ttf");
static DUTYDESK_MARKS: &[u8] = include_bytes!("../../assets/fonts/DutyDeskMarks.ttf");
static TWEMOJI: &[u8] = include_bytes!("../../assets/fonts/TwemojiMozilla.ttf");

/// The bundled fonts with the family each must declare, the text faces first.
pub fn bundled() -> [(&'static str, &'static [u8]); 4] {
    [
        (SANS, SANS_REGULAR),
        (SANS, SANS_SEMIBOLD),
        (MARKS_FAMILY, DUTYDESK_MARKS),
        (EMOJI_FAMILY, TWEMOJI),
    ]
}

/// Puts the bundled fonts first in iced's font system. Idempotent; call it before the
/// first view is laid out (text laid out before keeps the fonts it was shaped with).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let started = std::time::Instant::now();
        let mut system = font_system().write().expect("iced's font system");
        let raw = system.raw();
        // cosmic-text fixes the fallback order when a FontSystem is made: take iced's
        // database (system fonts already scanned) and make a new one around it.
        let empty = FontSystem::new_with_locale_and_db(String::new(), Database::new());
        let (locale, loaded) = std::mem::replace(raw, empty).into_locale_and_db();
        *raw = FontSystem::new_with_locale_and_db_and_fallback(
            locale,
            reordered(loaded),
            BundledFirst::new(),
        );
        // The system scan happens here (iced would do it at the first layout): say how
        // long it took and what was found, for a slow start or a support question.
        let db = raw.db();
        let embedded = db.faces().filter(|f| matches!(f.source, Source::Binary(_)));
        tracing::info!(
            faces = db.len(),
            bundled = embedded.count(),
            ms = started.elapsed().as_millis() as u64,
            "fonts ready"
        );
    });
}

/// A new database: iced's embedded faces, then ours (each at every weight it stands in
/// for), then the system's, with sans-serif meaning DutyDesk Sans.
fn reordered(loaded: Database) -> Database {
    let mut db = Database::new();
    let (embedded, system): (Vec<&FaceInfo>, Vec<&FaceInfo>) = loaded
        .faces()
        .partition(|face| matches!(face.source, Source::Binary(_)));
    for face in embedded {
        db.push_face_info(face.clone());
    }
    for (n, (family, bytes)) in bundled().into_iter().enumerate() {
        for id in db.load_font_source(Source::Binary(Arc::new(bytes))) {
            let weights = match (family, n) {
                (SANS, 0) => 100..=500,
                (SANS, _) => 600..=900,
                _ => 100..=900,
            };
            stand_in(&mut db, id, weights);
        }
    }
    for face in system {
        db.push_face_info(face.clone());
    }
    db.set_sans_serif_family(SANS);
    // The other generic families stay as cosmic-text set them (the window uses none).
    db.set_serif_family(loaded.family_name(&Family::Serif));
    db.set_monospace_family(loaded.family_name(&Family::Monospace));
    db.set_cursive_family(loaded.family_name(&Family::Cursive));
    db.set_fantasy_family(loaded.family_name(&Family::Fantasy));
    db
}

/// Registers the face `id` again at each of `weights` it does not have: cosmic-text only
/// falls back to a face of exactly the text's weight before it tries every font, and the
/// bundled fonts come in one or two weights.
fn stand_in(db: &mut Database, id: fontdb::ID, weights: std::ops::RangeInclusive<u16>) {
    let Some(face) = db.face(id).cloned() else {
        return;
    };
    for weight in weights.step_by(100) {
        if weight != face.weight.0 {
            db.push_face_info(FaceInfo {
                weight: fontdb::Weight(weight),
                ..face.clone()
            });
        }
    }
}

/// cosmic-text's fallback lists with the bundled families in front of the common list.
struct BundledFirst {
    common: Vec<&'static str>,
}

impl BundledFirst {
    fn new() -> BundledFirst {
        let mut common = vec![SANS, MARKS_FAMILY, EMOJI_FAMILY];
        common.extend_from_slice(PlatformFallback.common_fallback());
        BundledFirst { common }
    }
}

impl Fallback for BundledFirst {
    fn common_fallback(&self) -> &[&'static str] {
        &self.common
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        PlatformFallback.forbidden_fallback()
    }

    fn script_fallback(&self, script: Script, locale: &str) -> &[&'static str] {
        PlatformFallback.script_fallback(script, locale)
    }
}

/// One face in iced's font system, as tests and diagnostics see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Face {
    pub families: Vec<String>,
    pub weight: u16,
    /// The file it was loaded from; `None` for a font embedded in the binary.
    pub path: Option<std::path::PathBuf>,
}

/// The faces iced will draw with, in the order cosmic-text breaks ties in.
pub fn faces() -> Vec<Face> {
    let mut system = font_system().write().expect("iced's font system");
    system
        .raw()
        .db()
        .faces()
        .map(|face| Face {
            families: face.families.iter().map(|(name, _)| name.clone()).collect(),
            weight: face.weight.0,
            path: match &face.source {
                Source::Binary(_) => None,
                Source::File(path) | Source::SharedFile(path, _) => Some(path.clone()),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmic_text::skrifa::{FontRef, MetadataProvider, Tag};

    fn covers(bytes: &[u8], c: char) -> bool {
        FontRef::new(bytes)
            .expect("a bundled font parses")
            .charmap()
            .map(c)
            .is_some()
    }

    #[test]
    fn every_mark_is_in_the_marks_font_and_nothing_else_is() {
        for c in mark::ALL.chars().chain([mark::PIN, mark::STAR, mark::NOTE]) {
            assert!(covers(DUTYDESK_MARKS, c), "{c} is not in DutyDesk Marks");
        }
        let font = FontRef::new(DUTYDESK_MARKS).unwrap();
        let mapped = font.charmap().mappings().count();
        assert_eq!(
            mapped,
            mark::ALL.chars().count(),
            "the marks font maps {mapped}"
        );
    }

    #[test]
    fn bundled_fonts_declare_their_families_and_weights() {
        for (family, bytes) in bundled() {
            let mut db = Database::new();
            let ids = db.load_font_source(Source::Binary(Arc::new(bytes)));
            assert_eq!(ids.len(), 1, "{family}: one face");
            let face = db.face(ids[0]).unwrap();
            assert_eq!(face.families[0].0, family);
            // Upright only: cosmic-text falls back to a face of the text's own style
            // (unless "Emoji" is in its PostScript name; Twemoji's is TwemojiMozilla),
            // and the window draws no italics.
            assert_eq!(face.style, fontdb::Style::Normal, "{family}");
        }
        let mut db = Database::new();
        let id = db.load_font_source(Source::Binary(Arc::new(SANS_SEMIBOLD)))[0];
        assert_eq!(db.face(id).unwrap().weight, fontdb::Weight::SEMIBOLD);
    }

    /// Why DutyDesk Sans is not plain Fira Sans: every character the text faces draw as
    /// blank must render, through cosmic-text's swash as iced does, to a non-empty image
    /// (iced_tiny_skia 0.14.1 caches no empty one, and re-rasterizes and re-hints it on
    /// every draw) that covers no pixel (the text looks as Fira Sans's does).
    #[test]
    fn blank_glyphs_render_to_cacheable_transparent_images() {
        use cosmic_text::{CacheKey, CacheKeyFlags, SwashCache, SwashContent};
        let blanks = [' ', '\u{a0}', '\u{2007}', '\u{2008}'];
        for bytes in [SANS_REGULAR, SANS_SEMIBOLD] {
            let mut db = Database::new();
            let id = db.load_font_source(Source::Binary(Arc::new(bytes)))[0];
            let weight = db.face(id).unwrap().weight;
            let charmap_font = FontRef::new(bytes).unwrap();
            let charmap = charmap_font.charmap();
            let mut system = FontSystem::new_with_locale_and_db(String::new(), db);
            let mut swash = SwashCache::new();
            for size in [11.0, 12.0, 13.0, 14.0, 16.0, 20.0, 28.0] {
                for x in [0.0, 0.3, 0.6] {
                    for hinting in [CacheKeyFlags::empty(), CacheKeyFlags::DISABLE_HINTING] {
                        let mut render = |c: char| {
                            let glyph = charmap.map(c).expect("mapped").to_u32() as u16;
                            let (key, _, _) =
                                CacheKey::new(id, glyph, size, (x, 0.0), weight, hinting);
                            swash
                                .get_image_uncached(&mut system, key)
                                .expect("an image")
                        };
                        for c in blanks {
                            let image = render(c);
                            let at = format!("{c:?} at {size} px, x {x}, {hinting:?}");
                            let area = image.placement.width * image.placement.height;
                            assert!(area > 0, "{at}: empty image, never cached");
                            assert!(matches!(image.content, SwashContent::Mask), "{at}");
                            assert!(image.data.iter().all(|&a| a == 0), "{at}: visible");
                        }
                        let letter = render('e');
                        assert!(letter.data.iter().any(|&a| a > 0), "'e' at {size} px");
                    }
                }
            }
        }
    }

    #[test]
    fn the_emoji_font_draws_in_colour_and_covers_what_customers_send() {
        let font = FontRef::new(TWEMOJI).unwrap();
        // COLR version 0 with a palette: swash renders it in colour (it cannot draw
        // COLRv1, which is what most of today's Noto Color Emoji builds are).
        let colr = font.table_data(Tag::new(b"COLR"));
        let colr = colr.expect("a COLR table");
        assert_eq!(&colr.as_bytes()[..2], &[0, 0], "COLR version 0");
        assert!(font.table_data(Tag::new(b"CPAL")).is_some());
        for c in ['👍', '😀', '🎧', '🔥', '🙏', '❤', '✅', '🇷'] {
            assert!(covers(TWEMOJI, c), "{c} is not in the emoji font");
        }
    }

    /// Every character the window's own words use is in a bundled font, so no label
    /// falls back to whatever a machine has installed.
    #[test]
    fn the_windows_own_words_are_in_bundled_fonts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        collect(&root.join("src/ui"), "rs", &mut files);
        collect(&root.join("crates/i18n/locales"), "ftl", &mut files);
        assert!(files.len() > 20, "found the sources ({})", files.len());
        let fonts: Vec<&[u8]> = bundled().iter().map(|(_, bytes)| *bytes).collect();
        let mut missing = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") || code.starts_with('#') {
                    continue;
                }
                for c in code.chars().filter(|c| !c.is_ascii()) {
                    if !fonts.iter().any(|bytes| covers(bytes, c)) {
                        missing.push(format!("{c:?} at {}:{}", file.display(), n + 1));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in any bundled font: {missing:?}");
    }

    fn collect(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }

    #[test]
    fn installed_font_system_puts_bundled_faces_first() {
        install();
        install();
        let faces = faces();
        let bundled_count = faces.iter().take_while(|f| f.path.is_none()).count();
        // Iced-Icons, DutyDesk Sans at 9 weights, Marks at 9, Twemoji at 9; and iced's
        // Fira Sans where a dependency turns its `fira-sans` feature on (iced_test does,
        // in tests; the app leaves it off).
        let fira = faces
            .iter()
            .any(|f| f.families.iter().any(|n| n == "Fira Sans"));
        assert_eq!(
            bundled_count,
            28 + usize::from(fira),
            "{:?}",
            &faces[..bundled_count.min(30)]
        );
        assert!(faces[bundled_count..].iter().all(|f| f.path.is_some()));
        for family in [SANS, MARKS_FAMILY, EMOJI_FAMILY] {
            let weights: Vec<u16> = faces
                .iter()
                .filter(|f| f.path.is_none() && f.families.iter().any(|n| n == family))
                .map(|f| f.weight)
                .collect();
            assert_eq!(weights.len(), 9, "{family} at every weight: {weights:?}");
        }
        let mut system = font_system().write().unwrap();
        let db = system.raw().db();
        assert_eq!(db.family_name(&Family::SansSerif), SANS);
    }
}
