//! The catalog against the code: every id used exists in every language, every id in a
//! language is used, no language takes an argument English does not, every call passes
//! what its message needs, every file parses. Reads the workspace's sources and the .ftl
//! files on disk; no GUI, nothing written.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{ftl, scan};
use i18n::{FluentArgs, Language};

fn english() -> ftl::Locale {
    ftl::locales().remove("en").expect("locales/en exists")
}

/// The calls of the app and its crates, not the catalog's own tests and bench (which use
/// ids too, but do not make them "used").
fn product_calls(scan: &scan::Scan) -> Vec<&scan::Call> {
    let own = [
        Path::new("crates/i18n/tests"),
        Path::new("crates/i18n/benches"),
    ];
    scan.calls
        .iter()
        .filter(|c| !own.iter().any(|d| c.file.starts_with(d)))
        .collect()
}

#[test]
fn every_locale_folder_is_a_shipped_language_with_the_same_files() {
    let locales = ftl::locales();
    let on_disk: BTreeSet<&str> = locales.keys().map(String::as_str).collect();
    let shipped: BTreeSet<&str> = Language::SHIPPED.iter().map(|l| l.code()).collect();
    assert_eq!(
        on_disk, shipped,
        "every folder under locales/ needs its line in shipped_languages! (src/languages.rs)"
    );
    assert_eq!(
        Language::SHIPPED[0],
        Language::En,
        "English is the fallback: first"
    );
    let english: Vec<&String> = locales["en"].files.keys().collect();
    for (code, locale) in &locales {
        let files: Vec<&String> = locale.files.keys().collect();
        assert_eq!(
            files, english,
            "locales/{code} has other files than locales/en"
        );
    }
}

#[test]
fn every_file_parses_and_no_id_is_written_twice() {
    let problems: Vec<String> = ftl::locales()
        .values()
        .flat_map(|l| l.errors.clone())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_id_starts_with_its_files_name() {
    let mut wrong = Vec::new();
    for (code, locale) in ftl::locales() {
        for (id, m) in &locale.messages {
            let prefix = format!("{}-", m.file.trim_end_matches(".ftl"));
            if !id.starts_with(&prefix) {
                wrong.push(format!("{code}/{}: `{id}`", m.file));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_call_has_a_literal_id_and_named_arguments() {
    let scan = scan::workspace();
    let bad: Vec<String> = scan
        .calls
        .iter()
        .filter(|c| c.id.is_none() || !c.malformed.is_empty())
        .map(|c| format!("{}: {:?}", c.at(), c.malformed))
        .collect();
    assert!(
        bad.is_empty(),
        "t! takes a string literal id, then `name = value` only (a match gives one literal \
         id per variant; build no id at run time): {bad:#?}"
    );
    assert!(
        scan.bypasses.is_empty(),
        "only the i18n crate formats ids chosen at run time: {:#?}",
        scan.bypasses
    );
}

#[test]
fn every_id_used_in_code_is_in_every_locale() {
    let scan = scan::workspace();
    assert!(
        product_calls(&scan).len() > 20,
        "the scan found almost no t! calls: is it looking in the right place?"
    );
    let mut missing = Vec::new();
    for (code, locale) in ftl::locales() {
        for call in &scan.calls {
            if let Some(id) = &call.id
                && !locale.messages.contains_key(id)
            {
                missing.push(format!("{}: `{id}` is not in locales/{code}", call.at()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_id_in_a_locale_is_used_in_code() {
    let scan = scan::workspace();
    let used: BTreeSet<&str> = product_calls(&scan)
        .iter()
        .filter_map(|c| c.id.as_deref())
        .collect();
    let mut unused = Vec::new();
    for (code, locale) in ftl::locales() {
        for (id, m) in &locale.messages {
            if !used.contains(id.as_str()) {
                unused.push(format!("{code}/{}: `{id}`", m.file));
            }
        }
    }
    assert!(unused.is_empty(), "no t! uses these: {unused:#?}");
}

#[test]
fn no_locale_has_a_placeholder_english_lacks() {
    let locales = ftl::locales();
    let english = &locales["en"];
    let mut extra = Vec::new();
    for (code, locale) in &locales {
        for id in locale.messages.keys() {
            let theirs = locale.variables(id);
            let ours = english.variables(id);
            for name in theirs.difference(&ours) {
                extra.push(format!(
                    "{code}: `{id}` uses ${name}, which English does not"
                ));
            }
        }
    }
    assert!(extra.is_empty(), "{extra:#?}");
}

#[test]
fn every_call_passes_exactly_what_the_english_message_uses() {
    let english = english();
    let mut wrong = Vec::new();
    for call in scan::workspace().calls {
        let Some(id) = &call.id else { continue };
        if !english.messages.contains_key(id) {
            continue; // reported by every_id_used_in_code_is_in_every_locale
        }
        let passed: BTreeSet<String> = call.args.iter().cloned().collect();
        let needed = english.variables(id);
        if passed != needed {
            wrong.push(format!(
                "{}: `{id}` takes {needed:?}, the call passes {passed:?}",
                call.at()
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let english = english();
    let mut languages = Language::SHIPPED.to_vec();
    languages.push(Language::Pseudo);
    let mut broken = BTreeMap::new();
    for id in english.messages.keys() {
        let variables = english.variables(id);
        // Numbers for every argument: what NUMBER() and plural selectors need; a text
        // selector (the weekday) takes its default variant.
        for n in [0, 1, 2, 5, 21] {
            let mut args = FluentArgs::new();
            for name in &variables {
                args.set(name.clone(), n);
            }
            for &language in &languages {
                let args = (!variables.is_empty()).then_some(&args);
                match language.try_format(id, args) {
                    Ok(text) if text.contains('{') => {
                        broken.insert((language.code(), id.clone()), text);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        broken.insert((language.code(), id.clone()), e.to_string());
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_scan_skips_comments_and_strings_and_flags_non_literal_ids() {
    let source = r##"
        // t!("in-a-line-comment")
        /* t!("in-a-block-comment") /* nested */ t!("still-comment") */
        let s = "t!(\"in-a-string\")";
        let r = r#"t!("in-a-raw-string")"#;
        let c = '"'; let l: &'static str = "";
        let a = t!("plain-id");
        let b = i18n::t!("with-args", count = f(a, b), name = &x[1..]);
        let d = t!(ID);
        let e = t!("cmp", count == 1);
    "##;
    let calls = scan::calls(&scan::tokenize(source), Path::new("x.rs"));
    let ids: Vec<Option<&str>> = calls.iter().map(|c| c.id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("plain-id"), Some("with-args"), None, Some("cmp")],
        "{calls:#?}"
    );
    assert_eq!(calls[1].args, ["count", "name"]);
    assert_eq!(calls[1].line, 8);
    assert!(calls[2].malformed.len() == 1 && calls[3].malformed.len() == 1);
}
