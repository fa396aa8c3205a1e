//! Against the real libtdjson 1.8.61, through DutyDesk's own native backend.

mod common;

use dutydesk::telegram::{self, AuthState, NativeLibrary, TDLIB_VERSION};
use tdlib_rs::enums::{FormattedText, TextEntityType};

fn init() {
    let lib = NativeLibrary::load(&common::real_tdjson()).expect("the real TDLib loads");
    telegram::init_backend(telegram::Backend::Native(lib)).expect("one native backend per process");
}

#[test]
fn the_version_check_passes_for_the_real_library() {
    let lib = NativeLibrary::load(&common::real_tdjson()).unwrap();
    assert_eq!(lib.version(), TDLIB_VERSION);
    assert_eq!(lib.version(), "1.8.61");
}

#[test]
fn parameters_in_a_temporary_directory_reach_wait_phone_number() {
    init();
    let state = dutydesk::doctor::probe().expect("the probe runs");
    assert_eq!(state, AuthState::WaitPhoneNumber);
    assert_eq!(state.tdlib_name(), "authorizationStateWaitPhoneNumber");
}

#[test]
fn execute_round_trips_through_tdlib_rs_types() {
    init();
    let reply = telegram::execute(
        r#"{"@type":"parseTextEntities","text":"*duty* now","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
    )
    .expect("td_execute answers");
    let FormattedText::FormattedText(parsed) = serde_json::from_str::<FormattedText>(&reply)
        .unwrap_or_else(|e| panic!("not a formattedText ({e}): {reply}"));
    assert_eq!(parsed.text, "duty now");
    assert_eq!(parsed.entities.len(), 1);
    assert_eq!(
        (parsed.entities[0].offset, parsed.entities[0].length),
        (0, 4)
    );
    assert!(matches!(parsed.entities[0].r#type, TextEntityType::Bold));

    // A request TDLib refuses to execute synchronously comes back as an error object.
    let reply = telegram::execute(r#"{"@type":"getMe"}"#).expect("td_execute answers");
    let err: tdlib_rs::types::Error = serde_json::from_str(&reply).unwrap();
    assert_eq!(err.code, 400, "{reply}");
}

#[test]
fn commands_that_only_load_tdlib_exit_cleanly() {
    // Loading TDLib and asking its version starts TDLib threads; unloading the library
    // under them used to crash the process on the way out (exit code 139).
    let home = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("doctor")
            .env("DUTYDESK_HOME", home.path())
            .env("DUTYDESK_LANGUAGE", "en")
            .env("DUTYDESK_TDJSON", common::real_tdjson())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "doctor exited with {}: {stdout}",
            out.status
        );
        assert!(stdout.contains("(version 1.8.61)"), "{stdout}");
    }
}

/// DutyDesk's proxy requests against the real TDLib 1.8.61, offline: what `Session` sends
/// (tdlib-rs' `addProxy`, `editProxy`, `enableProxy`, `disableProxy`, `removeProxy`,
/// `getProxies`, `pingProxy`) is taken, and what TDLib answers reads back as our proxies.
#[test]
fn proxies_go_through_the_real_tdlib() {
    use dutydesk::proxy::{Kind, Proxy, Secret};
    use dutydesk::telegram::{Session, SessionConfig, keys};
    init();
    let dir = tempfile::tempdir().unwrap();
    let session = Session::start(SessionConfig {
        api_id: 1,
        api_hash: "0".repeat(32),
        database_dir: dir.path().join("db"),
        encryption_key: keys::random_key(),
        demo: false,
    })
    .unwrap();
    // A port nothing listens on (bound, then let go).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let proxy = |kind| Proxy {
        server: "127.0.0.1".into(),
        port,
        kind,
    };
    let socks = proxy(Kind::Socks5 {
        username: "duty".into(),
        password: Secret::new("s3cret"),
    });
    let http = proxy(Kind::Http {
        username: String::new(),
        password: Secret::default(),
        http_only: true,
    });
    let secret = "dd0123456789abcdef0123456789abcdef";
    let mtproto = proxy(Kind::Mtproto {
        secret: Secret::new(secret.to_uppercase()),
    });
    futures::executor::block_on(async {
        let s = session.add_proxy(&socks, false).await.expect("addProxy");
        assert_eq!((s.proxy.clone(), s.enabled), (socks.clone(), false));
        assert_eq!(
            session.add_proxy(&socks, false).await.unwrap().id,
            s.id,
            "one entry"
        );
        let h = session
            .add_proxy(&http, false)
            .await
            .expect("an HTTP proxy");
        assert_eq!(h.proxy, http);
        let m = session
            .add_proxy(&mtproto, true)
            .await
            .expect("an MTProto proxy");
        assert!(m.enabled);
        // TDLib keeps the secret its own way (lowercase hex): the same proxy all the same.
        assert!(m.proxy.same_place(&mtproto));
        assert_eq!(m.proxy.secret().expose(), secret);

        let list = session.proxies().await.expect("getProxies");
        assert_eq!(
            list.iter().map(|p| p.id).collect::<Vec<_>>(),
            [s.id, h.id, m.id]
        );
        assert_eq!(list.iter().filter(|p| p.enabled).count(), 1);
        session.enable_proxy(s.id).await.expect("enableProxy");
        let enabled: Vec<i32> = session
            .proxies()
            .await
            .unwrap()
            .iter()
            .filter(|p| p.enabled)
            .map(|p| p.id)
            .collect();
        assert_eq!(enabled, [s.id]);
        let edited = session
            .edit_proxy(
                h.id,
                &proxy(Kind::Socks5 {
                    username: String::new(),
                    password: Secret::default(),
                }),
                true,
            )
            .await
            .expect("editProxy");
        assert!(edited.enabled && edited.id == h.id);
        session.disable_proxy().await.expect("disableProxy");
        assert!(session.proxies().await.unwrap().iter().all(|p| !p.enabled));

        // Nothing answers on that port: TDLib's error, not a hang.
        let ping = session.ping_proxy(Some(&socks)).await;
        assert!(ping.is_err(), "{ping:?}");
        let wrong = proxy(Kind::Mtproto {
            secret: Secret::new("zz"),
        });
        let err = session.add_proxy(&wrong, false).await.unwrap_err();
        assert_eq!(err.message, "Wrong proxy secret");
        session.remove_proxy(m.id).await.expect("removeProxy");
        assert!(session.remove_proxy(m.id).await.is_err(), "gone");
        assert_eq!(session.proxies().await.unwrap().len(), 2);
        let _ = session.close().await;
    });
    assert!(dutydesk::telegram::hub::wait_closed(
        Some(session.client_id()),
        std::time::Duration::from_secs(20)
    ));
}
