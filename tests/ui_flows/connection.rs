//! The connection to Telegram as the admin sees it (item: "no word while Telegram can't be
//! reached"): the state and how long it has lasted on the login screen and in the
//! console's header, then a hint with the way to the connection settings; and proxies
//! (SOCKS5, HTTP, MTProto) from there, applied to the running session, their secrets in the
//! keyring (a stand-in in memory), `[proxy]` in the config.

use super::*;
use dutydesk::proxy::ProxyType;
use dutydesk::proxy::secret::{MemoryKeyring, Secret, Secrets};
use dutydesk::telegram::ConnectionState;
use dutydesk::ui::features::connection::{self, Ping};
use std::sync::Arc;

fn state(app: &App) -> Option<ConnectionState> {
    app.connection_status().map(|s| s.state)
}

/// The login's phone step, with the proxies' keyring in memory (`keyring`).
fn phone_step(config: Config, keyring: Arc<MemoryKeyring>) -> (Harness, tempfile::TempDir) {
    dutydesk::ui::harness::simulated_backend();
    let home = tempfile::tempdir().unwrap();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let _ = paths.create_dirs();
    let mut app = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config,
        paths,
    });
    app.set_secrets(keyring);
    assert!(
        app.start_session(None).is_none(),
        "no keyring on the simulator"
    );
    let mut h = Harness::attach(app);
    h.pump_until("the phone step", |app| stage(app) == Some(&Stage::Phone));
    h.pump_until("the connection", |app| {
        state(app) == Some(ConnectionState::Ready)
    });
    (h, home)
}

#[test]
fn offline_the_login_says_so_with_the_time_then_hints_at_the_network_and_a_proxy() {
    let (mut h, _home) = phone_step(credentials(), Arc::default());
    assert!(!visible(&h, "Waiting for network · 0 s"));
    h.control.set_network(false);
    h.pump_until("waiting for network", |app| {
        state(app) == Some(ConnectionState::WaitingForNetwork)
    });
    // The phone number goes out; TDLib holds the request until the network is back.
    let mut held = Vec::new();
    for m in messages_from(&h.app, |sim| {
        sim.click(id(login::PHONE)).unwrap();
        sim.typewrite(dutydesk::telegram::session::DEMO_PHONE);
        sim.click("Send code").unwrap();
    }) {
        held.push(h.send_holding_replies(m));
    }
    assert!(
        visible(&h, "Waiting for network · 0 s"),
        "the state, at once"
    );
    assert!(
        ui(&h.app).find(text_with(&["offline"])).is_err(),
        "no hint yet"
    );
    assert!(
        visible(&h, "Connection settings"),
        "the way to a proxy, from the start"
    );
    // The window wakes to count the seconds.
    let now = h.control.now();
    assert_eq!(h.app.next_wake(), Some(now + 1));

    h.advance(20);
    assert!(visible(&h, "Waiting for network · 20 s"));
    assert!(
        ui(&h.app)
            .find(text_with(&["offline", "Check its network"]))
            .is_ok(),
        "after a while, what to check"
    );
    interact(&mut h, |sim| {
        sim.click("Connection settings").unwrap();
    });
    assert!(h.app.connection().is_open());
    assert!(visible(
        &h,
        "Without a proxy: DutyDesk connects to Telegram directly."
    ));
    interact(&mut h, |sim| {
        sim.click("Back").unwrap();
    });
    assert!(!h.app.connection().is_open());
    assert!(visible(&h, "Send code"), "the login step as it was");

    // The network is back: the held step completes and the state line goes.
    h.control.set_network(true);
    for held in held {
        h.deliver(held);
    }
    h.pump_until("the code step", |app| {
        matches!(stage(app), Some(Stage::Code { .. }))
    });
    h.pump_until("ready", |app| state(app) == Some(ConnectionState::Ready));
    assert!(!visible(&h, "Waiting for network · 20 s"));
    assert!(
        ui(&h.app)
            .find(text_with(&["Waiting for network"]))
            .is_err()
    );
}

#[test]
fn the_console_header_shows_a_lost_connection_and_hints_after_a_while() {
    let (mut h, _home) = floor();
    h.control.drop_connection();
    h.pump_until("connecting", |app| {
        state(app) == Some(ConnectionState::Connecting)
    });
    assert!(visible(&h, "Connecting to Telegram · 0 s"));
    assert!(!visible(&h, "Connection settings"));
    h.advance(16);
    assert!(visible(&h, "Connecting to Telegram · 16 s"));
    assert!(
        ui(&h.app)
            .find(text_with(&["Telegram does not answer", "set a proxy"]))
            .is_ok()
    );
    interact(&mut h, |sim| {
        sim.click("Connection settings").unwrap();
    });
    assert!(h.app.connection().is_open());
    // Esc goes back to the console.
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(!h.app.connection().is_open());
    h.control.restore_connection();
    h.pump_until("ready", |app| state(app) == Some(ConnectionState::Ready));
    assert!(
        ui(&h.app)
            .find(text_with(&["Connecting to Telegram"]))
            .is_err()
    );
    assert!(!visible(&h, "Connection settings"));
}

/// Opens the connection settings from the login screen.
fn open_settings(h: &mut Harness) {
    interact(h, |sim| {
        sim.click("Connection settings").unwrap();
    });
    h.settle();
    assert!(h.app.connection().is_open());
}

#[test]
fn a_pasted_socks_link_fills_the_form_pings_and_is_used_with_its_password_in_the_keyring() {
    let keyring = Arc::new(MemoryKeyring::default());
    let (mut h, home) = phone_step(credentials(), keyring.clone());
    open_settings(&mut h);
    interact(&mut h, |sim| {
        sim.click(id(connection::LINK)).unwrap();
        sim.typewrite("https://t.me/socks?server=10.0.0.7&port=1080&user=duty&pass=s3cr%20t");
    });
    let form = h.app.connection().form();
    assert_eq!(form.kind, ProxyType::Socks5);
    assert_eq!(
        (form.server.as_str(), form.port.as_str()),
        ("10.0.0.7", "1080")
    );
    assert_eq!(
        (form.username.as_str(), form.password.as_str()),
        ("duty", "s3cr t")
    );
    assert!(visible(
        &h,
        "Filled in from the link. Check it, then Save and use."
    ));

    // Nothing answers there yet; then the proxy comes up.
    interact(&mut h, |sim| {
        sim.click("Ping").unwrap();
    });
    assert!(visible(&h, "Does not answer: Connection refused"));
    h.control
        .world()
        .set_proxy_reachable("10.0.0.7", 1080, Some(0.084));
    interact(&mut h, |sim| {
        sim.click("Ping").unwrap();
    });
    assert_eq!(h.app.connection().ping(), Some(&Ping::Answered(84)));
    assert!(visible(&h, "Answers in 84 ms"));

    // Save and use: TDLib takes it at once; what could be logged never shows the password.
    let effects = h.app.handle(Message::Connection(connection::Message::Save));
    let asked = format!("{:?}", effects.telegram_calls());
    assert!(
        asked.contains("10.0.0.7") && !asked.contains("s3cr"),
        "{asked}"
    );
    h.run(effects);
    h.settle();
    let used = h.app.connection().proxies();
    assert!(
        used.iter()
            .any(|p| p.enabled && p.proxy.server == "10.0.0.7"),
        "{used:?}"
    );
    assert!(visible(&h, "Through SOCKS5 10.0.0.7:1080."));
    assert_eq!(
        keyring.get("proxy:socks5:10.0.0.7:1080:duty").unwrap(),
        Some(Secret::new("s3cr t"))
    );
    let config =
        std::fs::read_to_string(dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert!(config.contains("[proxy]"), "{config}");
    assert!(config.contains("server = \"10.0.0.7\"") && config.contains("port = 1080"));
    assert!(config.contains("username = \"duty\""), "{config}");
    assert!(!config.contains("s3cr"), "never the password: {config}");

    // It applies to the running session: when the proxy stops answering, TDLib says so,
    // and connecting directly brings Telegram back.
    h.control
        .world()
        .set_proxy_reachable("10.0.0.7", 1080, None);
    h.pump_until("connecting to the proxy", |app| {
        state(app) == Some(ConnectionState::ConnectingToProxy)
    });
    interact(&mut h, |sim| {
        sim.click("Connect directly").unwrap();
    });
    h.pump_until("ready", |app| state(app) == Some(ConnectionState::Ready));
    let saved = Config::load(&dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert_eq!(
        saved.proxy.map(|p| p.enabled),
        Some(false),
        "kept, not used"
    );
}

#[test]
fn a_wrong_form_or_link_says_what_is_wrong_and_keeps_what_was_typed() {
    let (mut h, _home) = phone_step(credentials(), Arc::default());
    open_settings(&mut h);
    interact(&mut h, |sim| {
        sim.click(id(connection::LINK)).unwrap();
        sim.typewrite("tg://proxy?server=mt.example.com&port=443&secret=zz");
    });
    assert!(
        ui(&h.app)
            .find(text_with(&["The link's secret is wrong"]))
            .is_ok()
    );
    interact(&mut h, |sim| {
        sim.click("MTProto").unwrap();
        sim.click(id(connection::SERVER)).unwrap();
        sim.typewrite("mt.example.com");
        sim.click(id(connection::PORT)).unwrap();
        sim.typewrite("70000");
        sim.click("Save and use").unwrap();
    });
    assert!(
        ui(&h.app)
            .find(text_with(&["Not saved", "1 to 65535"]))
            .is_ok()
    );
    assert_eq!(h.app.connection().form().server, "mt.example.com");
    assert!(h.app.connection().proxies().is_empty(), "nothing sent");
}

#[test]
fn the_configured_proxy_is_used_from_the_start_with_its_secret_from_the_keyring() {
    let secret = "dd0123456789abcdef0123456789abcdef";
    let mut config = credentials();
    config.proxy = Some(dutydesk::proxy::ProxyConfig {
        proxy_type: ProxyType::Mtproto,
        server: "mt.example.com".into(),
        port: 443,
        username: String::new(),
        enabled: true,
        http_only: false,
        password: None,
        secret: None,
    });
    let keyring = Arc::new(MemoryKeyring::default());
    keyring
        .set("proxy:mtproto:mt.example.com:443:", &Secret::new(secret))
        .unwrap();
    h_start_with_proxy(config.clone(), keyring);

    // A keyring that cannot be read: the banner says why the proxy was not used.
    dutydesk::ui::harness::simulated_backend();
    let home = tempfile::tempdir().unwrap();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let mut app = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config,
        paths,
    });
    app.set_secrets(Arc::new(MemoryKeyring::failing("the keyring is locked")));
    assert!(app.start_session(None).is_none());
    let mut h = Harness::attach(app);
    h.pump_until("the banner", |app| app.banner().is_some());
    let banner = h.app.banner().unwrap();
    assert!(
        banner.contains("not used") && banner.contains("the keyring is locked"),
        "{banner}"
    );
}

/// The session starts with the config's MTProto proxy: TDLib has it enabled before the
/// admin does anything, and, as nothing answers there, says it is connecting.
fn h_start_with_proxy(config: Config, keyring: Arc<MemoryKeyring>) {
    dutydesk::ui::harness::simulated_backend();
    let home = tempfile::tempdir().unwrap();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let mut app = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config,
        paths,
    });
    app.set_secrets(keyring);
    assert!(app.start_session(None).is_none());
    let mut h = Harness::attach(app);
    h.pump_until("connecting through the proxy", |app| {
        state(app) == Some(ConnectionState::Connecting)
    });
    assert!(h.app.banner().is_none(), "{:?}", h.app.banner());
    h.send(Message::Connection(connection::Message::Open));
    let list = h.app.connection().proxies();
    assert!(
        list.iter()
            .any(|p| p.enabled && p.proxy.server == "mt.example.com" && p.proxy.port == 443),
        "{list:?}"
    );
    assert!(visible(&h, "Through MTProto mt.example.com:443."));
}

/// A text widget whose content includes every one of `parts`.
fn text_with(parts: &[&str]) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    move |candidate| match candidate {
        Candidate::Text { content, .. } if parts.iter().all(|p| content.contains(p)) => {
            Some(Target::from(candidate))
        }
        _ => None,
    }
}

/// From Settings: the connection settings open over the draft, which is still there after.
#[test]
fn settings_open_the_connection_settings_and_keep_the_draft() {
    let (mut h, _home) = floor();
    h.send(Message::Console(console::Message::OpenSettings));
    interact(&mut h, |sim| {
        sim.click(id(RED_ID)).unwrap();
        sim.typewrite("7");
        sim.click("Connection settings").unwrap();
    });
    h.settle();
    assert!(h.app.connection().is_open());
    assert!(visible(
        &h,
        "Without a proxy: DutyDesk connects to Telegram directly."
    ));
    interact(&mut h, |sim| {
        sim.click("Back").unwrap();
    });
    assert!(h.app.settings().is_some(), "back on Settings");
    assert!(!h.app.connection().is_open());
}

/// A keyring that will not keep the password: TDLib uses the proxy now, the screen says in
/// plain words that it will not survive a restart (the library's words in small type), and
/// the config does not name a proxy it could not apply again.
#[test]
fn a_keyring_that_refuses_the_password_is_said_plainly_and_the_config_is_left_alone() {
    let keyring = Arc::new(MemoryKeyring::failing("No default store has been set"));
    let (mut h, home) = phone_step(credentials(), keyring);
    open_settings(&mut h);
    interact(&mut h, |sim| {
        sim.click(id(connection::LINK)).unwrap();
        sim.typewrite("tg://socks?server=10.0.0.9&port=1080&user=duty&pass=pw");
        sim.click("Save and use").unwrap();
    });
    h.settle();
    assert!(visible(&h, "Through SOCKS5 10.0.0.9:1080."), "in use now");
    let error = h.app.connection().error().unwrap_or_default().to_string();
    assert!(error.starts_with("In use now, but not kept"), "{error}");
    assert!(
        !error.contains("No default store"),
        "plain words first: {error}"
    );
    assert!(
        visible(&h, "No default store has been set"),
        "the details under them"
    );
    let config = Config::load(&dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert_eq!(config.proxy, None);
}
