//! The app's side of the support toolkit that is not the window: the config file's
//! `[toolkit]` section (read by the desk's one reader, its errors placed like every other
//! key's), the demo floor's example toolkit, and the words of the toolkit's problems and of
//! masking, from the catalog (`toolkit.ftl`). The rules are `desk::toolkit`; the window's
//! half is `ui::features::toolkit`.

use std::path::Path;

use i18n::t;

use crate::config::{Config, ConfigError, Problem};
use crate::desk::toolkit::document::{
    Expected, Origin, ToolkitDoc, ToolkitError, ToolkitProblem, parse,
};
use crate::desk::toolkit::guards::PatternProblem;
use crate::desk::toolkit::masking::MaskWords;
use crate::desk::toolkit::template::{TemplateProblem, Variable};

/// The demo floor's toolkit: example quick replies, tags, a VIP tier and guards.
pub const DEMO_TOOLKIT: &str = include_str!("../assets/demo/toolkit.toml");

/// Checks the config text's `[toolkit]` (its line and key in the error).
pub fn validate(text: &str, path: &Path) -> Result<(), ConfigError> {
    parse(text, Origin::Config)
        .map(|_| ())
        .map_err(|e| ConfigError::Invalid {
            path: path.into(),
            line: e.line,
            key: e.key,
            problem: Problem::Toolkit(e.problem),
        })
}

/// The admin's own toolkit: the config's `[toolkit]`, or on the demo floor without one the
/// example toolkit. A section the config file accepted reads again; `None` otherwise.
pub fn personal(config: &Config, demo: bool) -> ToolkitDoc {
    if config.toolkit.is_empty() {
        return if demo {
            parse(DEMO_TOOLKIT, Origin::Config).unwrap_or_default()
        } else {
            ToolkitDoc::default()
        };
    }
    let mut root = toml::Table::new();
    root.insert("toolkit".into(), toml::Value::Table(config.toolkit.clone()));
    let text = toml::to_string(&root).unwrap_or_default();
    // Checked when the file was read; a section made in code that does not read is none.
    parse(&text, Origin::Config).unwrap_or_default()
}

/// What masking writes, in the current language.
pub fn mask_words() -> MaskWords {
    MaskWords {
        customer: t!("toolkit-mask-customer"),
        phone: t!("toolkit-mask-phone"),
        email: t!("toolkit-mask-email"),
        username: t!("toolkit-mask-username"),
    }
}

/// The team document's toolkit error, for the banner.
pub fn team_error(e: &ToolkitError) -> String {
    t!(
        "toolkit-team-error",
        line = e.line,
        key = e.key.as_str(),
        problem = describe(&e.problem)
    )
}

/// A toolkit problem in the current language.
pub fn describe(problem: &ToolkitProblem) -> String {
    match problem {
        // The TOML parser's own words, which it gives in English.
        ToolkitProblem::Syntax(message) => message.clone(),
        ToolkitProblem::TooLong => t!("toolkit-problem-too-long"),
        ToolkitProblem::UnknownKey { known } => {
            t!("toolkit-problem-unknown-key", known = known.join(", "))
        }
        ToolkitProblem::WrongType { expected, found } => t!(
            "toolkit-problem-wrong-type",
            expected = expected_words(*expected),
            found = *found
        ),
        ToolkitProblem::Missing => t!("toolkit-problem-missing"),
        ToolkitProblem::Empty => t!("toolkit-problem-empty"),
        ToolkitProblem::NumberOutOfRange => t!("toolkit-problem-number-out-of-range"),
        ToolkitProblem::MinutesOutOfRange { max } => {
            t!("toolkit-problem-minutes", max = *max)
        }
        ToolkitProblem::BreachBeforeRed => t!("toolkit-problem-breach-before-red"),
        ToolkitProblem::Template(p) => template_words(p),
        ToolkitProblem::Pattern(p) => match p {
            PatternProblem::Empty => t!("toolkit-problem-pattern-empty"),
            PatternProblem::TooLong => t!("toolkit-problem-pattern-too-long"),
            PatternProblem::MatchesEverything => t!("toolkit-problem-pattern-everything"),
            PatternProblem::DanglingEscape => t!("toolkit-problem-pattern-escape"),
        },
        ToolkitProblem::NotAColour => t!("toolkit-problem-colour"),
        ToolkitProblem::UnknownTier(tier) => {
            t!("toolkit-problem-unknown-tier", tier = tier.as_str())
        }
        ToolkitProblem::NotAnAction => t!("toolkit-problem-action"),
        ToolkitProblem::TooMany { max } => t!("toolkit-problem-too-many", max = *max),
        ToolkitProblem::Duplicate(name) => t!("toolkit-problem-duplicate", name = name.as_str()),
    }
}

fn template_words(problem: &TemplateProblem) -> String {
    match problem {
        TemplateProblem::UnknownVariable(name) => {
            let known: Vec<&str> = Variable::ALL.iter().map(|v| v.name()).collect();
            t!(
                "toolkit-problem-unknown-variable",
                name = name.as_str(),
                known = known.join(", ")
            )
        }
        TemplateProblem::Unclosed => t!("toolkit-problem-unclosed"),
        TemplateProblem::UnmatchedClose => t!("toolkit-problem-unmatched-close"),
        TemplateProblem::BadName => t!("toolkit-problem-bad-name"),
    }
}

fn expected_words(expected: Expected) -> String {
    match expected {
        Expected::Table => t!("toolkit-expected-table"),
        Expected::ListOfTables => t!("toolkit-expected-list-of-tables"),
        Expected::Text => t!("toolkit-expected-text"),
        Expected::WholeNumber => t!("toolkit-expected-whole-number"),
        Expected::TrueOrFalse => t!("toolkit-expected-true-or-false"),
        Expected::ListOfText => t!("toolkit-expected-list-of-text"),
        Expected::ListOfChatIds => t!("toolkit-expected-list-of-chat-ids"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    #[test]
    fn the_demo_toolkit_reads() {
        let doc = parse(DEMO_TOOLKIT, Origin::Config).expect("the shipped demo toolkit reads");
        assert!(doc.templates.len() >= 4);
        assert!(doc.tiers.iter().any(|t| t.key == "vip"));
        assert!(doc.tags.iter().any(|t| t.tier.as_deref() == Some("vip")));
        assert!(!doc.guards.is_empty());
        let config = Config::default();
        assert_eq!(personal(&config, true), doc);
        assert_eq!(personal(&config, false), ToolkitDoc::default());
    }

    #[test]
    fn a_bad_template_in_the_config_names_file_line_and_key() {
        let text = "[toolkit]\n\n[[toolkit.quick_replies]]\nname = \"Hi\"\ntext = \"Hi {custmer_first_name}\"\n";
        let e = Config::parse(text, Path::new("/cfg/config.toml")).unwrap_err();
        let shown = with_language(Language::En, || e.to_string());
        assert!(shown.contains("/cfg/config.toml:5"), "{shown}");
        assert!(shown.contains("toolkit.quick_replies[1].text"), "{shown}");
        assert!(shown.contains("custmer_first_name"), "{shown}");
        let ru = with_language(Language::Ru, || e.to_string());
        assert_ne!(ru, shown);
    }

    #[test]
    fn a_good_section_comes_back_from_the_config() {
        let text = "[toolkit]\nmask_customers = true\n\n[[toolkit.quick_replies]]\nname = \"Hi\"\ntext = \"Hi {customer_first_name}\"\n";
        let config = Config::parse(text, Path::new("config.toml")).unwrap();
        let doc = personal(&config, true);
        assert!(doc.mask_customers);
        assert_eq!(doc.templates[0].name, "Hi");
    }
}
