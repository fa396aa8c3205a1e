//! The demo tracker's pages: the pre-filled "new task" form, a refusal, a task's page. Each
//! says the tracker is simulated; every value is HTML-escaped (it is a customer's text).

use i18n::t;

use super::Issue;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:sans-serif;max-width:48em;margin:2em auto;}}\
         .banner{{background:#fff3cd;padding:.5em 1em;border:1px solid #e0c060;}}\
         input,textarea{{width:100%;font:inherit;}}textarea{{height:16em;}}\
         pre{{white-space:pre-wrap;background:#f4f4f4;padding:1em;}}</style></head>\
         <body><p class=\"banner\">{banner}</p><h1>{title}</h1>{body}</body></html>",
        title = escape(title),
        banner = escape(&t!("tasks-demo-page-banner")),
    )
}

/// The form as a tracker shows it when opened through its pre-filled URL.
pub fn new_issue(submit: &str, subject: &str, description: &str) -> String {
    let body = format!(
        "<form method=\"post\" action=\"{submit}\">\
         <p><label>{subject_label}<br><input name=\"issue[subject]\" value=\"{subject}\"></label></p>\
         <p><label>{description_label}<br><textarea name=\"issue[description]\">{description}</textarea></label></p>\
         <p><button type=\"submit\">{create}</button></p></form>",
        submit = escape(submit),
        subject_label = escape(&t!("tasks-demo-page-subject")),
        subject = escape(subject),
        description_label = escape(&t!("tasks-demo-page-description")),
        description = escape(description),
        create = escape(&t!("tasks-demo-page-create")),
    );
    page(&t!("tasks-demo-page-new"), &body)
}

pub fn refused(problem: &str) -> String {
    let body = format!("<p>{}</p>", escape(problem));
    page(&t!("tasks-demo-page-refused"), &body)
}

/// A task's page: its key to paste back into DutyDesk, its status, what it says.
pub fn issue(issue: &Issue, status: &str) -> String {
    let key = format!("#{}", issue.id);
    let body = format!(
        "<p><strong>{paste}</strong></p><p>{status_label}: {status}</p><pre>{description}</pre>",
        paste = escape(&t!("tasks-demo-page-paste", key = key.as_str())),
        status_label = escape(&t!("tasks-demo-page-status")),
        status = escape(status),
        description = escape(&issue.description),
    );
    page(&format!("{key} {}", issue.subject), &body)
}
