//! The toolkit's settings as written (`desk::toolkit::document`): a team document's
//! sections read, every error naming its line and dotted key, the config file's sections
//! under `toolkit.`.

use desk::toolkit::document::{Origin, ToolkitDoc, ToolkitProblem, parse};
use desk::toolkit::guards::GuardAction;
use desk::toolkit::template::TemplateProblem;
use desk::toolkit::tiers::Thresholds;

const DOC: &str = r##"
[team]
name = "ACME"

[[quick_replies]]
name = "Reset"
text = "Hello {customer_first_name}, ETA {eta}"

[[quick_replies]]
name = "Order"
text = """
Your order {order} ships on {date}.
"""
fields = ["order"]

[sla_tiers.vip]
label = "VIP"
red_minutes = 4
breach_minutes = 5

[tags.vip]
colour = "gold"
tier = "vip"
chats = [-100500]

[tags.billing]
label = "Billing"
colour = "#2f6fd6"

[[guards]]
name = "Secrets"
words = ["Password:"]
patterns = ["*.corp.acme.com"]
cards = true
action = "block"
"##;

#[test]
fn a_team_document_reads() {
    let doc = parse(DOC, Origin::Team).unwrap();
    assert_eq!(doc.templates.len(), 2);
    assert_eq!(doc.templates[1].fields, ["order"]);
    assert_eq!(doc.tiers[0].thresholds, Thresholds::new(240, 300));
    assert_eq!(doc.tags[0].key, "vip");
    assert_eq!(doc.tags[0].label, "vip");
    assert_eq!(doc.tags[0].tier.as_deref(), Some("vip"));
    assert_eq!(doc.tags[0].chats, [-100500]);
    assert_eq!(doc.tags[1].label, "Billing");
    assert_eq!(doc.guards[0].action, GuardAction::Block);
    assert_eq!(
        doc.guards[0].words,
        [vec!['p', 'a', 's', 's', 'w', 'o', 'r', 'd', ':']]
    );
}

#[test]
fn errors_name_line_and_key() {
    let e = parse(&DOC.replace("ETA {eta}", "ETA {etaa}"), Origin::Team).unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (7, "quick_replies[1].text"));
    assert_eq!(
        e.problem,
        ToolkitProblem::Template(TemplateProblem::UnknownVariable("etaa".into()))
    );
    let e = parse(&DOC.replace("{order} ships", "{ordr} ships"), Origin::Team).unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (12, "quick_replies[2].text"));
    let e = parse(
        &DOC.replace("tier = \"vip\"", "tier = \"gold\""),
        Origin::Team,
    )
    .unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (23, "tags.vip.tier"));
    let e = parse(
        &DOC.replace("breach_minutes = 5", "breach_minutes = 3"),
        Origin::Team,
    )
    .unwrap_err();
    assert_eq!(
        (e.line, e.key.as_str()),
        (19, "sla_tiers.vip.breach_minutes")
    );
    let e = parse(&DOC.replace("\"block\"", "\"shout\""), Origin::Team).unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (35, "guards[1].action"));
    let e = parse(
        &DOC.replace("colour = \"gold\"", "colour = \"mauve\""),
        Origin::Team,
    )
    .unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (22, "tags.vip.colour"));
}

#[test]
fn the_config_file_keeps_it_under_toolkit() {
    let text = "[ui]\ntheme = \"dark\"\n\n[toolkit]\nalerts_chats = [-7]\nmask_customers = true\n\n[[toolkit.quick_replies]]\nname = \"Hi\"\ntext = \"Hi {my_nam}\"\n";
    let e = parse(text, Origin::Config).unwrap_err();
    assert_eq!(
        (e.line, e.key.as_str()),
        (10, "toolkit.quick_replies[1].text")
    );
    let doc = parse(&text.replace("my_nam", "my_name"), Origin::Config).unwrap();
    assert_eq!(doc.alerts_chats, [-7]);
    assert!(doc.mask_customers);
    let e = parse("[toolkit]\nmask = true\n", Origin::Config).unwrap_err();
    assert_eq!((e.line, e.key.as_str()), (2, "toolkit.mask"));
    assert_eq!(
        parse("[ui]\n", Origin::Config).unwrap(),
        ToolkitDoc::default()
    );
}
