//! Pre-filled form URLs for every tracker, read back with a strict decoder (only unreserved
//! characters raw, `+` is not a space) and compared with what went in: Cyrillic, emoji,
//! newlines, `&`, `#`, `%`, `+`, `=`, `?`, `/` and quotes in titles and descriptions.
//! The documented forms are cited in `src/browser.rs`.

mod support;

use proptest::prelude::*;
use support::{decode_component, decode_query, quote};
use tracker::{Draft, Mode, PrefillUrl, TrackerConfig, TrackerKind, prefill_url, url_limit};

const TITLE: &str = "Сайт упал 🙂 & \"кавычки\" 'single' #1 100% +1 a=b?c/d";
const DESCRIPTION: &str = "Строка 1\nline 2 & more #hash %25 + plus\n\n> «quoted» 🚀\r\nend = ok?";

fn note(n: usize) -> String {
    format!("[shortened: {n} characters left out]")
}

/// Scheme and host, path (decoded segments joined by '/'), query pairs; no fragment allowed.
fn read(url: &str) -> (String, String, Vec<(String, String)>) {
    assert!(!url.contains('#'), "a raw # would cut the URL: {url}");
    assert!(
        !url.chars().any(|c| c.is_whitespace() || c.is_control()),
        "{url}"
    );
    let (address, query) = url.split_once('?').unwrap_or((url, ""));
    let after_scheme = address.find("://").unwrap() + 3;
    let path_start = address[after_scheme..]
        .find('/')
        .map_or(address.len(), |i| after_scheme + i);
    let origin = address[..path_start].to_string();
    let path = address[path_start..]
        .split('/')
        // `!` is fixed text of Jira's path (a sub-delimiter, allowed raw in a path).
        .map(|s| decode_component(&s.replace('!', "%21")).unwrap_or_else(|e| panic!("{url}: {e}")))
        .collect::<Vec<_>>()
        .join("/");
    (
        origin,
        path,
        decode_query(query).unwrap_or_else(|e| panic!("{url}: {e}")),
    )
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn draft(project: Option<&str>) -> Draft {
    Draft {
        title: TITLE.into(),
        description: DESCRIPTION.into(),
        project: project.map(str::to_string),
        assignee: None,
        quotes: vec![quote("Сайт упал")],
    }
}

fn build(config: &TrackerConfig, draft: &Draft) -> PrefillUrl {
    prefill_url(config, draft, &note).unwrap_or_else(|e| panic!("{e}"))
}

fn browser(kind: TrackerKind, base: &str) -> TrackerConfig {
    let mut c = TrackerConfig::new("Team", kind, base);
    c.mode = Some(Mode::Browser);
    c
}

#[test]
fn jira_create_issue_details() {
    for kind in [TrackerKind::JiraCloud, TrackerKind::JiraServer] {
        let mut c = browser(kind, "https://jira.example.com/jira/");
        c.issue_type = Some("10001".into());
        let url = build(&c, &draft(Some("10420")));
        assert_eq!(url.left_out, None);
        let (origin, path, q) = read(&url.url);
        assert_eq!(origin, "https://jira.example.com");
        assert_eq!(path, "/jira/secure/CreateIssueDetails!init.jspa");
        assert_eq!(value(&q, "pid"), Some("10420"));
        assert_eq!(value(&q, "issuetype"), Some("10001"));
        assert_eq!(value(&q, "summary"), Some(TITLE));
        assert_eq!(value(&q, "description"), Some(DESCRIPTION));
    }
}

#[test]
fn github_issues_new() {
    let mut c = browser(TrackerKind::GitHub, "https://github.com");
    c.default_project = Some("acme/site".into());
    let mut d = draft(None);
    d.assignee = Some("octocat".into());
    let (origin, path, q) = read(&build(&c, &d).url);
    assert_eq!(
        (origin.as_str(), path.as_str()),
        ("https://github.com", "/acme/site/issues/new")
    );
    assert_eq!(value(&q, "title"), Some(TITLE));
    assert_eq!(value(&q, "body"), Some(DESCRIPTION));
    assert_eq!(value(&q, "assignees"), Some("octocat"));
}

#[test]
fn gitlab_issues_new() {
    let c = browser(TrackerKind::GitLab, "https://gitlab.example.com");
    let (_, path, q) = read(&build(&c, &draft(Some("acme/sub/site"))).url);
    assert_eq!(path, "/acme/sub/site/-/issues/new");
    assert_eq!(value(&q, "issue[title]"), Some(TITLE));
    assert_eq!(value(&q, "issue[description]"), Some(DESCRIPTION));
}

#[test]
fn youtrack_new_issue() {
    let c = browser(TrackerKind::YouTrack, "https://acme.youtrack.cloud");
    let (_, path, q) = read(&build(&c, &draft(Some("SUP"))).url);
    assert_eq!(path, "/newIssue");
    assert_eq!(value(&q, "project"), Some("SUP"));
    assert_eq!(value(&q, "summary"), Some(TITLE));
    assert_eq!(value(&q, "description"), Some(DESCRIPTION));
    let (_, _, q) = read(&build(&c, &draft(None)).url);
    assert_eq!(
        value(&q, "project"),
        None,
        "without a project the form asks"
    );
}

#[test]
fn redmine_issues_new() {
    let c = browser(TrackerKind::Redmine, "https://redmine.example.com/tracker");
    let mut d = draft(Some("support-2"));
    d.assignee = Some("7".into());
    let (_, path, q) = read(&build(&c, &d).url);
    assert_eq!(path, "/tracker/projects/support-2/issues/new");
    assert_eq!(value(&q, "issue[subject]"), Some(TITLE));
    assert_eq!(value(&q, "issue[description]"), Some(DESCRIPTION));
    assert_eq!(value(&q, "issue[assigned_to_id]"), Some("7"));
}

#[test]
fn linear_new_with_and_without_a_team() {
    let c = browser(TrackerKind::Linear, "https://linear.app");
    let (origin, path, q) = read(&build(&c, &draft(Some("ENG"))).url);
    assert_eq!(
        (origin.as_str(), path.as_str()),
        ("https://linear.app", "/team/ENG/new")
    );
    assert_eq!(value(&q, "title"), Some(TITLE));
    assert_eq!(value(&q, "description"), Some(DESCRIPTION));
    let (_, path, _) = read(&build(&c, &draft(None)).url);
    assert_eq!(path, "/new");
}

#[test]
fn generic_template_fills_every_placeholder() {
    let mut c = browser(TrackerKind::Generic, "https://desk.example.com");
    c.template = Some(
        "https://desk.example.com/tickets/new?s={title}&b={description}&chat={chat}&l={link}&who={author}&when={date}"
            .into(),
    );
    let d = draft(None);
    let (_, path, q) = read(&build(&c, &d).url);
    assert_eq!(path, "/tickets/new");
    let first = &d.quotes[0];
    assert_eq!(value(&q, "s"), Some(TITLE));
    assert_eq!(value(&q, "b"), Some(DESCRIPTION));
    assert_eq!(value(&q, "chat"), Some(first.chat_title.as_str()));
    assert_eq!(value(&q, "l"), first.link.as_deref());
    assert_eq!(value(&q, "who"), Some(first.author.as_str()));
    assert_eq!(value(&q, "when"), Some("2025-03-14 09:26 +03:00"));
}

#[test]
fn a_long_description_is_shortened_and_says_so() {
    let mut c = browser(TrackerKind::GitHub, "https://github.com");
    c.default_project = Some("acme/site".into());
    let long = "Очень длинное описание 🙂 & #".repeat(400);
    let total = long.chars().count();
    let mut d = draft(None);
    d.description = long.clone();
    let url = build(&c, &d);
    assert!(
        url.url.len() <= url_limit(TrackerKind::GitHub),
        "{}",
        url.url.len()
    );
    let left_out = url.left_out.expect("shortened");
    let (_, _, q) = read(&url.url);
    let body = value(&q, "body").unwrap();
    let (kept, last) = body.rsplit_once("\n\n").unwrap();
    assert_eq!(last, note(left_out));
    assert!(long.starts_with(kept));
    assert!(
        kept.chars().count() + left_out >= total,
        "only whitespace at the cut may go unnamed"
    );
    assert!(
        kept.chars().count() > 500,
        "as much as fits is kept: {}",
        kept.chars().count()
    );
    assert_eq!(value(&q, "title"), Some(TITLE), "the title is kept whole");
}

#[test]
fn an_overlong_title_is_shortened_too() {
    let c = browser(TrackerKind::YouTrack, "https://yt.example.com");
    let mut d = draft(Some("SUP"));
    d.title = "Ж".repeat(3000);
    let url = build(&c, &d);
    assert!(url.url.len() <= url_limit(TrackerKind::YouTrack));
    let (_, _, q) = read(&url.url);
    assert!(value(&q, "summary").unwrap().ends_with('…'));
    assert_eq!(
        value(&q, "description"),
        Some(note(DESCRIPTION.chars().count()).as_str())
    );
}

#[test]
fn no_url_for_bitrix24_or_without_a_project() {
    let mut c = browser(TrackerKind::Bitrix24, "https://acme.bitrix24.ru");
    c.user = Some("1".into());
    assert!(prefill_url(&c, &draft(None), &note).is_err());
    let c = browser(TrackerKind::GitHub, "https://github.com");
    let e = prefill_url(&c, &draft(None), &note).unwrap_err();
    assert_eq!(e.fault, tracker::Fault::NoProject);
    let c = browser(TrackerKind::JiraCloud, "https://acme.atlassian.net");
    let e = prefill_url(&c, &draft(Some("SUP")), &note).unwrap_err();
    assert!(
        matches!(e.fault, tracker::Fault::Config(ref p) if p.field == "project"),
        "{e}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_round_trips_or_is_shortened_with_a_note(
        title in "\\PC{1,80}",
        description in "(\\PC|\n){0,3000}",
    ) {
        let mut c = browser(TrackerKind::GitLab, "https://gitlab.example.com");
        c.default_project = Some("g/p".into());
        let d = Draft { title: title.clone(), description: description.clone(), ..Draft::default() };
        let url = build(&c, &d);
        prop_assert!(url.url.len() <= url_limit(TrackerKind::GitLab));
        let (_, _, q) = read(&url.url);
        // A blank title leaves the parameter out (the form opens with its own empty field).
        prop_assert_eq!(value(&q, "issue[title]").unwrap_or_default(), title.trim());
        let got = value(&q, "issue[description]").unwrap_or_default();
        match url.left_out {
            None => prop_assert_eq!(got, description.as_str()),
            Some(n) => {
                prop_assert!(got.ends_with(&note(n)));
                let kept = got.strip_suffix(&note(n)).unwrap().trim_end();
                prop_assert!(description.starts_with(kept));
            }
        }
    }
}
