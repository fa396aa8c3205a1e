//! The rules every API call keeps, whatever the tracker: redirects, the HTTPS rule, an
//! unreachable host. Shown through Redmine's client (the transport is shared).

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use support::*;
use tracker::{Client, Fault, Token, TrackerConfig, TrackerKind, prefill_url};

fn redmine(base: &str) -> TrackerConfig {
    config(TrackerKind::Redmine, base)
}

#[test]
fn a_same_origin_redirect_of_a_read_is_followed_with_the_key() {
    let srv = Server::start(|s| {
        rule(
            s.header("x-redmine-api-key") == Some(TOKEN),
            "the key on every hop",
        )?;
        match s.target.as_str() {
            "/users/current.json" => Ok(redirect(301, "/redmine/users/current.json")),
            "/redmine/users/current.json" => Ok(answer(200, r#"{"user":{"login":"admin"}}"#)),
            _ => Err("unexpected request".into()),
        }
    });
    assert_eq!(
        client(&redmine(&srv.url())).check().unwrap().account,
        "admin"
    );
    assert_eq!(srv.finish().len(), 2);
}

#[test]
fn a_post_is_not_turned_into_a_get() {
    let srv = Server::start(|s| {
        rule(s.method == "POST", "only the first POST is made")?;
        Ok(redirect(302, "/login"))
    });
    let config = redmine(&srv.url());
    let mut draft = draft(&config);
    draft.project = Some("p".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::Redirected {
            location: format!("{}/login", srv.url())
        }
    );
    assert_eq!(srv.finish().len(), 1);
}

#[test]
fn a_307_keeps_method_and_body() {
    let srv = Server::start(|s| match s.target.as_str() {
        "/issues.json" => Ok(redirect(307, "/v2/issues.json")),
        "/v2/issues.json" => {
            rule(s.method == "POST", "307 keeps the method")?;
            json_str(&s.json()?, "/issue/project_id", "p")?;
            Ok(answer(201, r#"{"issue":{"id":3,"subject":"x"}}"#))
        }
        _ => Err("unexpected request".into()),
    });
    let config = redmine(&srv.url());
    let mut draft = draft(&config);
    draft.project = Some("p".into());
    assert_eq!(client(&config).create(&draft).unwrap().key, "#3");
    srv.finish();
}

#[test]
fn a_redirect_loop_ends() {
    let hops = Arc::new(AtomicUsize::new(0));
    let counted = hops.clone();
    let srv = Server::start(move |_| {
        let n = counted.fetch_add(1, Ordering::SeqCst);
        Ok(redirect(302, &format!("/hop{n}")))
    });
    let e = client(&redmine(&srv.url())).check().unwrap_err();
    assert!(matches!(e.fault, Fault::Redirected { .. }), "{e:?}");
    assert_eq!(srv.finish().len(), 6, "the first request and five hops");
}

#[test]
fn a_scheme_relative_redirect_to_another_port_is_another_host() {
    let other = Server::start(|_| Err("the key travelled".into()));
    let location = format!("//127.0.0.1:{}/users/current.json", other.port());
    let e = fault_for(
        &redmine("http://127.0.0.1:1"),
        redirect(302, &location),
        |c| c.check().map(drop),
    );
    assert_eq!(e, Fault::RedirectElsewhere { location });
    assert!(other.finish().is_empty());
}

#[test]
fn http_is_refused_off_this_machine_before_anything_is_sent() {
    for url in [
        "http://redmine.example.com",
        "http://10.0.0.5:3000",
        "HTTP://Redmine.Example.com/x",
    ] {
        let config = redmine(url);
        let e = Client::new(&config, Token::new(TOKEN))
            .err()
            .expect("refused");
        assert!(matches!(e.fault, Fault::NotHttps { .. }), "{url}: {e:?}");
        let mut browser = config.clone();
        browser.mode = None;
        browser.default_project = Some("p".into());
        let e = prefill_url(&browser, &draft(&browser), &|n| format!("[{n}]")).unwrap_err();
        assert!(matches!(e.fault, Fault::NotHttps { .. }), "{url}: {e:?}");
        assert_eq!(config.validate().unwrap_err().field, "base_url");
    }
    for url in [
        "http://localhost:3000",
        "http://127.0.0.1:8080",
        "http://[::1]:80",
        "https://x.example",
    ] {
        assert!(
            Client::new(&redmine(url), Token::new(TOKEN)).is_ok(),
            "{url}"
        );
    }
}

#[test]
fn nothing_listening_is_unreachable() {
    // Port 1 (tcpmux) is unassigned in practice; a freed ephemeral port could be taken by a
    // test server running in parallel.
    let e = client(&redmine("http://127.0.0.1:1")).check().unwrap_err();
    assert!(matches!(e.fault, Fault::Unreachable { .. }), "{e:?}");
    assert!(e.fault.is_transient());
}

#[test]
fn no_token_no_client() {
    let e = Client::new(&redmine("https://x.example"), Token::new("  "))
        .err()
        .unwrap();
    assert_eq!(e.fault, Fault::NoToken);
    assert_eq!(format!("{:?}", Token::new(TOKEN)), "Token(***)");
}

#[test]
fn a_draft_without_title_or_project_is_not_sent() {
    let srv = Server::start(|_| Err("nothing may be sent".into()));
    let config = redmine(&srv.url());
    let c = client(&config);
    let mut d = draft(&config);
    assert_eq!(c.create(&d).unwrap_err().fault, Fault::NoProject);
    d.project = Some("p".into());
    d.title = "  ".into();
    assert_eq!(c.create(&d).unwrap_err().fault, Fault::EmptyTitle);
    assert!(srv.finish().is_empty());
}
