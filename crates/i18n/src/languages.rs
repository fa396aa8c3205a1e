//! The shipped languages: one folder of `.ftl` files each under `locales/`, embedded at
//! build time.
//!
//! Adding a language is adding its folder (a copy of `locales/en/` translated: the same
//! files, the same ids) and one line in `shipped_languages!` below. Adding a file is one
//! line in `catalog_files!`; a language that lacks it then fails to build.

/// The catalog's files, in every language's folder.
macro_rules! catalog_files {
    ($code:literal) => {
        &[
            include_str!(concat!("../locales/", $code, "/app.ftl")),
            include_str!(concat!("../locales/", $code, "/cli.ftl")),
            include_str!(concat!("../locales/", $code, "/config.ftl")),
            include_str!(concat!("../locales/", $code, "/connection.ftl")),
            include_str!(concat!("../locales/", $code, "/console.ftl")),
            include_str!(concat!("../locales/", $code, "/demo.ftl")),
            include_str!(concat!("../locales/", $code, "/desktop.ftl")),
            include_str!(concat!("../locales/", $code, "/doctor.ftl")),
            include_str!(concat!("../locales/", $code, "/floor.ftl")),
            include_str!(concat!("../locales/", $code, "/keyring.ftl")),
            include_str!(concat!("../locales/", $code, "/login.ftl")),
            include_str!(concat!("../locales/", $code, "/notifications.ftl")),
            include_str!(concat!("../locales/", $code, "/session.ftl")),
            include_str!(concat!("../locales/", $code, "/settings.ftl")),
            include_str!(concat!("../locales/", $code, "/statistics.ftl")),
            include_str!(concat!("../locales/", $code, "/stats.ftl")),
            include_str!(concat!("../locales/", $code, "/store.ftl")),
            include_str!(concat!("../locales/", $code, "/tasks.ftl")),
            include_str!(concat!("../locales/", $code, "/tdlib.ftl")),
            include_str!(concat!("../locales/", $code, "/team.ftl")),
            include_str!(concat!("../locales/", $code, "/time.ftl")),
            include_str!(concat!("../locales/", $code, "/toolkit.ftl")),
            include_str!(concat!("../locales/", $code, "/tracker.ftl")),
        ]
    };
}

/// Generates `Language` (one variant per shipped language, then `Pseudo`) and the sources
/// the catalog is built from, in the same order.
macro_rules! shipped_languages {
    ($($variant:ident = $code:literal, $name:literal;)+) => {
        /// A language DutyDesk can show its words in.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Language {
            $(
                #[doc = $name]
                $variant,
            )+
            /// English made about 40% longer, with accented letters and brackets around each
            /// message: a test renders with it to find text that is clipped, overlaps, or was
            /// glued from fragments (a bracket in the middle of a label).
            Pseudo,
        }

        impl Language {
            /// The real languages, English first, in the order of the list below.
            pub const SHIPPED: &'static [Language] = &[$(Language::$variant),+];

            /// The BCP 47 code, which is also the name of the language's folder under
            /// `locales/` (`"en-XA"`, the usual pseudo-locale code, for `Pseudo`).
            pub fn code(self) -> &'static str {
                match self {
                    $(Language::$variant => $code,)+
                    Language::Pseudo => "en-XA",
                }
            }

            /// The language's name in itself, for the Settings picker.
            pub fn native_name(self) -> &'static str {
                match self {
                    $(Language::$variant => $name,)+
                    Language::Pseudo => "Pseudo (English +40%)",
                }
            }
        }

        /// One source per shipped language, in `Language::SHIPPED`'s order.
        pub(crate) const SOURCES: &[crate::catalog::Source] = &[
            $(crate::catalog::Source { code: $code, files: catalog_files!($code) },)+
        ];
    };
}

// English must stay first: it is the fallback of every other language.
shipped_languages! {
    En = "en", "English";
    Ru = "ru", "Русский";
    De = "de", "Deutsch";
    Pl = "pl", "Polski";
}

impl Language {
    /// The language a tag names: `"ru"`, `"ru-RU"`, `"ru_RU.UTF-8"` and `"RU"` all name
    /// Russian; `"en-XA"` or `"pseudo"` the pseudo-locale. `None` when no shipped language
    /// matches.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim();
        if tag.eq_ignore_ascii_case("pseudo") || tag.eq_ignore_ascii_case("en-XA") {
            return Some(Language::Pseudo);
        }
        let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
        Language::SHIPPED
            .iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Position in the catalog: the shipped languages in order, then the pseudo-locale.
    pub(crate) fn index(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_index(index: u8) -> Language {
        Language::SHIPPED
            .get(usize::from(index))
            .copied()
            .unwrap_or(Language::Pseudo)
    }
}

/// English: the language until one is chosen, and the fallback of every other.
impl Default for Language {
    fn default() -> Language {
        Language::SHIPPED[0]
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.native_name())
    }
}
