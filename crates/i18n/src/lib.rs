//! DutyDesk's words: every user-visible string goes through this catalog.
//!
//! What it owns: the shipped languages (one folder of Fluent `.ftl` files each under
//! `locales/`, embedded in the binary at build time), the process-wide current language,
//! and the formatting of one message by its id with named arguments.
//!
//! What flows in: a message id, always a string literal (`t!` accepts nothing else, and the
//! catalog's tests fail on any other way in); named arguments (`count = n`); the language
//! chosen at start-up ([`use_setting`]) or in Settings ([`set_language`]).
//!
//! What flows out: a `String` in the current language. A message missing from a language
//! falls back to English; a message missing everywhere comes out as its id; a translation
//! that does not format (an argument the call did not pass) is logged once. Never a panic.
//!
//! ```
//! use i18n::{t, Language};
//! let text = i18n::with_language(Language::Ru, || t!("notifications-more-chats", count = 5));
//! assert_eq!(text, "Ещё 5 чатов ждут внимания");
//! ```
//!
//! # Rules for the words
//!
//! - A message is a whole sentence (or a whole label) with named arguments; code never
//!   glues fragments, so each language can order its words. Placeholders are snake_case
//!   (`{ $chat_title }`) because they are the macro's argument names.
//! - Numbers are passed as numbers (`count = n`, not `count = n.to_string()`), so Fluent
//!   picks each language's CLDR plural form (`[one] 1 чат`, `[few] 2 чата`, `[many] 5 чатов`)
//!   and `NUMBER($minute, minimumIntegerDigits: 2)` can pad them.
//! - Ids are never built at run time: where the text depends on a value, a `match` gives
//!   one literal `t!` per variant. An id starts with its file's name (`doctor-…` lives in
//!   `doctor.ftl`).
//!
//! # Why `fluent-bundle` and not `i18n-embed` + `i18n-embed-fl`
//!
//! `i18n-embed-fl`'s `fl!` checks ids and argument names at compile time, but it costs 64
//! more crates than Fluent's own 20 (counted with `cargo tree`): `i18n-embed`, `fluent`,
//! `rust-embed` (with `walkdir`, `mime_guess`, `sha2`), `arc-swap`, `parking_lot`, a second
//! `toml` and `syn`, and proc macros that read the `.ftl` files in every build, plus an
//! `i18n.toml` at the crate root. `fluent-bundle` alone is Fluent's reference resolver;
//! the files are embedded with `include_str!`, and the compile-time check is replaced by the
//! catalog's own tests (`tests/catalog.rs`): they scan every `t!` in the workspace and fail
//! on an id missing from any language, an id nothing uses, an argument the English message
//! does not take or a call that does not pass one it does. Same guarantees, checked by
//! `cargo test -p i18n` instead of every build, for a fraction of the dependency tree.

mod catalog;
mod choice;
mod languages;
mod pseudo;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use catalog::{Catalog, FormatError, Source};
pub use choice::{Choice, Origin, choose, use_setting, valid_setting};
/// For the catalog's tests, which format messages by ids read from the files.
pub use fluent_bundle::FluentArgs;
pub use languages::Language;

/// A message from the catalog in the current language, as a `String`.
///
/// `t!("doctor-keyring-available")`, or with named arguments:
/// `t!("notifications-more-chats", count = n)`. The id must be a string literal; arguments are
/// numbers (any integer or float type) or text (`&str`, `String`, `Cow<str>`).
#[macro_export]
macro_rules! t {
    ($id:literal $(,)?) => {
        $crate::__private::message($id, ::core::option::Option::None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args =
            $crate::__private::FluentArgs::with_capacity([$(::core::stringify!($name)),+].len());
        $( args.set(::core::stringify!($name), $crate::__private::value($value)); )+
        $crate::__private::message($id, ::core::option::Option::Some(&args))
    }};
}

/// What `t!` expands to. Not for direct use: an id that is not a literal escapes the
/// catalog's tests (they fail on any use of this module outside the i18n crate).
#[doc(hidden)]
pub mod __private {
    pub use fluent_bundle::{FluentArgs, FluentValue};

    pub fn value<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
        value.into()
    }

    pub fn message(id: &'static str, args: Option<&FluentArgs>) -> String {
        let position = usize::from(crate::language().index());
        crate::catalog::shipped().format(position, id, args)
    }
}

/// Sets the process-wide language: at start-up, and when Settings changes it. Views read it
/// on their next frame.
pub fn set_language(language: Language) {
    CURRENT.store(language.index(), Ordering::Relaxed);
}

/// The language `t!` formats in on this thread: the one [`with_language`] set for it, else
/// the process-wide one (English until [`set_language`] or [`use_setting`] is called).
pub fn language() -> Language {
    let index = OVERRIDE
        .with(Cell::get)
        .unwrap_or(CURRENT.load(Ordering::Relaxed));
    Language::from_index(index)
}

/// Runs `f` with `language` as this thread's language, whatever the process-wide one is:
/// tests that render in Russian or in the pseudo-locale run beside tests that render in
/// English without racing on the process-wide setting.
pub fn with_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<u8>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(language.index()))));
    f()
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<u8>> = const { Cell::new(None) };
}
