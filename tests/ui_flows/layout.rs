//! Layout checks through iced_test's widget bounds, for words of any length: text that
//! overlaps other text or a field, leaves the window, leaves its row of the chat list,
//! wraps where the console has one line, or is cut off (its words need more room than
//! they were given). The pseudo-locale (every message 40% longer) finds these before a
//! translator does.
//!
//! A text's size is not in iced_test's view of it; it is told by its height, which is a
//! whole number of lines of one of the window's text sizes. Its words are then measured
//! with iced's own paragraph at the width they were laid out in.

use super::*;
use dutydesk::ui::fonts;
use iced::advanced::text::{self as core_text, Paragraph as _};
use iced::widget::Id;
use iced::{Element, Pixels, Rectangle, Size};
use iced_test::selector::{Candidate, Target};
use std::sync::{Arc, Mutex};

/// The window's text sizes (`widgets::style`: SMALL, TEXT, TEXT + 1, section and dialog
/// titles).
const SIZES: [f32; 5] = [11.5, 13.0, 14.0, 15.0, 20.0];
/// Sub-pixel slack for rounding in layout.
const SLACK: f32 = 0.75;

/// A text widget as laid out.
#[derive(Debug, Clone)]
pub(super) struct Shown {
    pub content: String,
    pub bounds: Rectangle,
    pub visible: Option<Rectangle>,
    /// Its place in the widget tree's depth-first walk: later is drawn above.
    pub order: usize,
}

/// What a view lays out: its texts, its text fields, its containers with an id and its
/// scrollables with an id.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub texts: Vec<Shown>,
    pub fields: Vec<Rectangle>,
    pub ids: Vec<(Id, Rectangle, usize)>,
}

impl Scan {
    /// The bounds and walk position of the widget with `id`.
    pub fn id(&self, id: &'static str) -> Option<(Rectangle, usize)> {
        let id = Id::new(id);
        self.ids
            .iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, bounds, order)| (*bounds, *order))
    }
}

/// Walks the whole view once, keeping every text, field and widget id.
pub(super) fn scan(sim: &mut Simulator<'_, Message>) -> Scan {
    let found = Arc::new(Mutex::new(Scan::default()));
    let sink = Arc::clone(&found);
    let mut order = 0;
    // A selector that never selects: the walk visits the whole tree.
    let _ = sim.find(move |candidate: Candidate<'_>| -> Option<Target> {
        order += 1;
        let mut scan = sink.lock().unwrap();
        match candidate {
            Candidate::Text {
                content,
                bounds,
                visible_bounds,
                ..
            } => scan.texts.push(Shown {
                content: content.to_string(),
                bounds,
                visible: visible_bounds,
                order,
            }),
            Candidate::TextInput { bounds, .. } => scan.fields.push(bounds),
            Candidate::Container {
                id: Some(id),
                bounds,
                ..
            }
            | Candidate::Scrollable {
                id: Some(id),
                bounds,
                ..
            } => scan.ids.push((id.clone(), bounds, order)),
            _ => {}
        }
        None
    });
    std::mem::take(&mut *found.lock().unwrap())
}

/// Whether a text holds words from the catalog in the language under test (the
/// pseudo-locale's brackets and accents, Russian's letters) rather than only a customer's
/// words, names, numbers or key names.
pub(super) fn has_words(content: &str) -> bool {
    content.contains('[') || content.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

type Paragraph = <iced::Renderer as iced::advanced::text::Renderer>::Paragraph;

/// The room `content` needs at `size` in `font`, wrapped at word boundaries to `width`.
fn measure(content: &str, size: f32, font: iced::Font, width: f32) -> Size {
    Paragraph::with_text(core_text::Text {
        content,
        bounds: Size::new(width, f32::INFINITY),
        size: Pixels(size),
        line_height: core_text::LineHeight::default(),
        font,
        align_x: core_text::Alignment::Default,
        align_y: iced::alignment::Vertical::Top,
        shaping: core_text::Shaping::default(),
        wrapping: core_text::Wrapping::Word,
    })
    .min_bounds()
}

/// The text size and number of lines that make up `height`, if one does.
fn size_and_lines(height: f32) -> Option<(f32, usize)> {
    SIZES.iter().find_map(|&size| {
        let line = core_text::LineHeight::default().to_absolute(Pixels(size)).0;
        let lines = (height / line).round();
        (lines >= 1.0 && (height - lines * line).abs() < 0.05).then_some((size, lines as usize))
    })
}

/// What is wrong with the layout; empty when nothing is.
#[derive(Debug, Default)]
pub(super) struct Problems(pub Vec<String>);

impl Problems {
    fn push(&mut self, problem: String) {
        self.0.push(problem);
    }

    /// Fails with every problem found, naming `what` was looked at.
    pub fn assert_none(&self, what: &str) {
        assert!(self.0.is_empty(), "{what}: {:#?}", self.0);
    }
}

/// How the texts of a view must sit.
pub(super) struct Rules<'a> {
    /// The window: nothing may leave it sideways.
    pub window: Size,
    /// Customers' words (chat titles, previews, messages): cut off by design where a
    /// one-line row has no more room, so not measured.
    pub user_words: &'a [String],
    /// Bands (top, bottom) where every text must be one line: the console's header.
    pub one_line: Vec<(f32, f32)>,
}

/// Every visible text and field overlaps no other; every text stays inside the window
/// sideways; every text with words from the catalog has room for them (wrapped where its
/// widget wraps, one line in a `one_line` band).
pub(super) fn check(texts: &[&Shown], fields: &[Rectangle], rules: &Rules<'_>) -> Problems {
    let mut problems = Problems::default();
    let visible: Vec<(&Shown, Rectangle)> = texts
        .iter()
        .filter_map(|t| Some((*t, t.visible?)))
        .filter(|(_, v)| v.width > SLACK && v.height > SLACK)
        .collect();
    for (i, (a, va)) in visible.iter().enumerate() {
        for (b, vb) in &visible[i + 1..] {
            if overlap(*va, *vb) {
                problems.push(format!(
                    "{:?} at {:?} overlaps {:?} at {:?}",
                    a.content, a.bounds, b.content, b.bounds
                ));
            }
        }
        for field in fields {
            if overlap(*va, *field) {
                problems.push(format!(
                    "{:?} at {:?} overlaps a text field at {field:?}",
                    a.content, a.bounds
                ));
            }
        }
    }
    for t in texts {
        let b = t.bounds;
        if b.x < -SLACK || b.x + b.width > rules.window.width + SLACK {
            problems.push(format!("{:?} at {b:?} leaves the window", t.content));
        }
        let customers = rules
            .user_words
            .iter()
            .any(|w| !w.is_empty() && t.content.contains(w.as_str()));
        if !has_words(&t.content) || customers || b.width <= SLACK {
            continue;
        }
        let Some((size, lines)) = size_and_lines(b.height) else {
            problems.push(format!(
                "{:?} at {b:?}: its height is no whole number of lines (squeezed?)",
                t.content
            ));
            continue;
        };
        let centre = b.center_y();
        if lines > 1
            && rules
                .one_line
                .iter()
                .any(|&(top, bottom)| (top..bottom).contains(&centre))
        {
            problems.push(format!(
                "{:?} at {b:?} wraps to {lines} lines where the window has one",
                t.content
            ));
        }
        // Words are drawn in Fira Sans, a few titles in its SemiBold (wider): iced_test does
        // not say which. Regular words that need less room than they were given fit; when
        // only the regular face fits and the text was not laid out at exactly its regular
        // width (as a shrinking text is), it may be SemiBold and cut off.
        let fits = |needs: Size| needs.width <= b.width + SLACK && needs.height <= b.height + SLACK;
        let regular = measure(&t.content, size, fonts::TEXT, b.width);
        let semibold = measure(&t.content, size, fonts::SEMIBOLD, b.width);
        let shrunk_to_regular = (regular.width - b.width).abs() <= SLACK;
        if !fits(regular) || (!fits(semibold) && !shrunk_to_regular) {
            problems.push(format!(
                "{:?} at {b:?} ({size} px) is cut off: it needs {regular:?} (SemiBold {semibold:?})",
                t.content
            ));
        }
    }
    problems
}

/// Every text of the chat list stays inside its row, top to bottom and side to side.
pub(super) fn check_rows(scan: &Scan, list: Rectangle, row_height: f32) -> Problems {
    let mut problems = Problems::default();
    for t in &scan.texts {
        let Some(v) = t.visible else { continue };
        if !list.contains(v.center()) {
            continue;
        }
        let row = ((v.center_y() - list.y) / row_height).floor();
        let top = list.y + row * row_height;
        let b = t.bounds;
        if b.y < top - SLACK || b.y + b.height > top + row_height + SLACK {
            problems.push(format!(
                "{:?} at {b:?} leaves its row ({top}..{})",
                t.content,
                top + row_height
            ));
        }
        if b.x < list.x - SLACK || b.x + b.width > list.x + list.width + SLACK {
            problems.push(format!("{:?} at {b:?} leaves the list {list:?}", t.content));
        }
    }
    problems
}

fn overlap(a: Rectangle, b: Rectangle) -> bool {
    a.x + SLACK < b.x + b.width
        && b.x + SLACK < a.x + a.width
        && a.y + SLACK < b.y + b.height
        && b.y + SLACK < a.y + a.height
}

#[test]
fn the_checks_find_overlap_wrapping_and_cut_off_words() {
    use iced::widget::{column, container, row, text};
    let words = "[Ŵåîţîñĝ ţöö ļöñĝ åéîöû]";
    let view = |width: f32| -> Element<'static, Message> {
        column![
            row![text("[Öñé]").size(13), text("[Ţŵö]").size(13)].spacing(8),
            container(text(words).size(13)).width(width).clip(true),
            container(
                text(words)
                    .size(13)
                    .wrapping(iced::widget::text::Wrapping::None)
            )
            .width(width)
            .clip(true),
        ]
        .into()
    };
    fonts::install();
    let room = |width: f32| {
        let mut sim = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, view(width));
        let scan = scan(&mut sim);
        let texts: Vec<&Shown> = scan.texts.iter().collect();
        let rules = Rules {
            window: WINDOW_SIZE,
            user_words: &[],
            one_line: vec![],
        };
        check(&texts, &scan.fields, &rules).0
    };
    assert_eq!(room(1000.0), Vec::<String>::new(), "room enough: nothing");
    let narrow = room(80.0);
    assert!(
        narrow.iter().any(|p| p.contains("is cut off")),
        "one line in too little room is cut off: {narrow:#?}"
    );
    assert_eq!(
        narrow.len(),
        1,
        "the wrapping copy fits in more lines: {narrow:#?}"
    );

    // Two texts drawn over each other.
    let stacked: Element<'static, Message> =
        iced::widget::stack![text("[Åbövé]").size(13), text("[Béļöŵ]").size(13)].into();
    let mut sim = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, stacked);
    let scan = scan(&mut sim);
    let texts: Vec<&Shown> = scan.texts.iter().collect();
    let rules = Rules {
        window: WINDOW_SIZE,
        user_words: &[],
        one_line: vec![(0.0, 100.0)],
    };
    let problems = check(&texts, &scan.fields, &rules).0;
    assert!(
        problems.iter().any(|p| p.contains("overlaps")),
        "{problems:#?}"
    );
}
