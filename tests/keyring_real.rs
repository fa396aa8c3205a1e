//! The database key in a real OS keyring, not a mock: a private D-Bus session bus and
//! gnome-keyring-daemon (its Secret Service) unlocked with a known password, with HOME and
//! the XDG directories in a temporary folder and no inherited environment, so no user's
//! keyring, bus or display is ever touched. The code under test runs in child processes
//! (the keyring crate connects once per process and caches the outcome): a key is created
//! on first use, a fresh process and a restarted keyring daemon give the same key back,
//! each account has its own, and `dutydesk doctor` reports the keyring as available,
//! locked or holding a damaged entry.
//!
//! Needs `dbus-daemon`, `dbus-send` and `gnome-keyring-daemon` (Debian packages
//! dbus-daemon, dbus-bin, gnome-keyring; .ci/run installs them). Without them the test
//! fails and names the package: a skipped test would pass CI without testing anything.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use dutydesk::proxy::secret::{OsKeyring, Secret, Secrets};

const PASSWORD: &str = "dutydesk-test-login";
/// Set for the child process: what `keyring_child` should do (see there).
const CHILD_ENV: &str = "DUTYDESK_KEYRING_CHILD";
/// Marks the child's answer among libtest's own output.
const ANSWER: &str = "keyring-child-answer:";

/// The program `name` on PATH, or a failure naming the Debian package that provides it.
fn tool(name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{name}` is not installed. This test needs a real Secret Service: install \
                 the Debian package `{package}` (apt-get install {package}); .ci/run does."
            )
        })
}

/// A daemon this test started: killed and reaped when dropped, panics included.
struct Daemon {
    child: Child,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private desktop session: its own bus, keyring daemon and home directory.
struct Session {
    // Fields drop in order: the keyring daemon before its bus, both before the directory.
    keyring: Option<Daemon>,
    _bus: Daemon,
    address: String,
    dbus_send: PathBuf,
    keyring_daemon: PathBuf,
    dir: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        let dbus_daemon = tool("dbus-daemon", "dbus-daemon");
        let dbus_send = tool("dbus-send", "dbus-bin");
        let keyring_daemon = tool("gnome-keyring-daemon", "gnome-keyring");
        let dir = tempfile::tempdir().expect("a temporary directory");
        for sub in ["home", "run", "dutydesk"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        // XDG_RUNTIME_DIR must be private to its user, or D-Bus and the keyring refuse it.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join("run"),
            std::fs::Permissions::from_mode(0o700),
        )
        .unwrap();
        // A session bus of our own, listening in our directory only. No service
        // directories: nothing is activated behind our back (the system's
        // org.freedesktop.secrets.service would start a keyring daemon we do not control).
        let config = dir.path().join("bus.conf");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().join("run").display()
            ),
        )
        .unwrap();
        let mut bus = Command::new(dbus_daemon)
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("piped"))
            .read_line(&mut address)
            .expect("dbus-daemon prints its address");
        let bus = Daemon { child: bus };
        let address = address.trim().to_string();
        assert!(
            address.starts_with("unix:"),
            "dbus-daemon gave no address ({address:?})"
        );
        let mut session = Session {
            keyring: None,
            _bus: bus,
            address,
            dbus_send,
            keyring_daemon,
            dir,
        };
        session.start_keyring(true);
        session
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// The whole environment of every process this test starts: nothing inherited but
    /// PATH, so neither the user's bus, keyring nor display can be reached.
    fn env(&self, cmd: &mut Command) {
        let home = self.home();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("DUTYDESK_HOME", self.dir.path().join("dutydesk"));
    }

    /// Starts gnome-keyring-daemon's Secret Service; with `unlock`, unlocks (on first start,
    /// creates) the login keyring with `PASSWORD`, as a desktop login does. Waits until it
    /// serves.
    fn start_keyring(&mut self, unlock: bool) {
        let log = std::fs::File::create(self.dir.path().join("keyring.log")).unwrap();
        let mut cmd = Command::new(&self.keyring_daemon);
        self.env(&mut cmd);
        cmd.args(["--foreground", "--components=secrets"])
            .stdout(Stdio::null())
            .stderr(log);
        if unlock {
            cmd.arg("--unlock").stdin(Stdio::piped());
        } else {
            cmd.stdin(Stdio::null());
        }
        let mut child = cmd.spawn().expect("gnome-keyring-daemon starts");
        if let Some(mut stdin) = child.stdin.take() {
            // The password, then end of input: --unlock reads it from stdin.
            stdin.write_all(PASSWORD.as_bytes()).unwrap();
        }
        self.keyring = Some(Daemon { child });
        self.wait_for_login_collection();
    }

    fn stop_keyring(&mut self) {
        self.keyring = None;
    }

    /// Polls the Secret Service until its default collection is the unlocked login keyring.
    fn wait_for_login_collection(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let mut cmd = Command::new(&self.dbus_send);
            self.env(&mut cmd);
            let out = cmd
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.secrets",
                    "/org/freedesktop/secrets",
                    "org.freedesktop.Secret.Service.ReadAlias",
                    "string:default",
                ])
                .output()
                .expect("dbus-send runs");
            let reply = String::from_utf8_lossy(&out.stdout);
            if out.status.success() && reply.contains("/org/freedesktop/secrets/collection/") {
                return;
            }
            let exited = self
                .keyring
                .as_mut()
                .and_then(|d| d.child.try_wait().ok().flatten());
            if exited.is_some() || Instant::now() > deadline {
                panic!(
                    "gnome-keyring-daemon did not serve a default collection ({}; exit {exited:?}); \
                     its log: {}",
                    String::from_utf8_lossy(&out.stderr).trim(),
                    std::fs::read_to_string(self.dir.path().join("keyring.log"))
                        .unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs `keyring_child` of this test binary in a fresh process in this session.
    fn child(&self, what: &str) -> Result<String, String> {
        let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
        self.env(&mut cmd);
        let out = cmd
            .env(CHILD_ENV, what)
            .args([
                "keyring_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .output()
            .expect("the test binary runs");
        answer(&out).unwrap_or_else(|| {
            panic!(
                "the child ({what}) gave no answer: {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
    }

    fn key(&self, account: &str) -> String {
        self.child(&format!("key {account}"))
            .unwrap_or_else(|e| panic!("no key for {account} from the keyring: {e}"))
    }

    /// Names the account `doctor` checks, as a login would (the config's `account`).
    fn set_account(&self, account: &str) {
        let config = self.dir.path().join("dutydesk/config/config.toml");
        std::fs::create_dir_all(config.parent().unwrap()).unwrap();
        std::fs::write(config, format!("[telegram]\naccount = \"{account}\"\n")).unwrap();
    }

    fn doctor(&self, with_bus: bool) -> String {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
        self.env(&mut cmd);
        // The report is checked in English, whatever the machine's language.
        cmd.env("DUTYDESK_LANGUAGE", "en");
        if !with_bus {
            cmd.env_remove("DBUS_SESSION_BUS_ADDRESS");
        }
        let out = cmd.arg("doctor").output().expect("dutydesk doctor runs");
        assert!(out.status.success(), "doctor failed: {out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        stdout
            .lines()
            .find(|l| l.starts_with("keyring:"))
            .unwrap_or_else(|| panic!("doctor printed no keyring line: {stdout}"))
            .to_string()
    }
}

fn answer(out: &Output) -> Option<Result<String, String>> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    // (libtest prints "test keyring_child ... " on the same line first.)
    let line = stdout
        .lines()
        .find_map(|l| l.split_once(ANSWER).map(|(_, answer)| answer))?;
    Some(match line.split_once(' ') {
        Some(("ok", rest)) => Ok(rest.to_string()),
        Some((_, rest)) => Err(rest.to_string()),
        None => Err(line.to_string()),
    })
}

fn assert_is_key(key: &str) {
    let bytes = STANDARD
        .decode(key)
        .unwrap_or_else(|e| panic!("{key:?}: {e}"));
    assert_eq!(bytes.len(), 32, "a 256-bit key: {key:?}");
}

#[test]
fn the_database_key_lives_in_a_real_secret_service() {
    let mut session = Session::start();
    assert_eq!(session.doctor(true), "keyring:       available");
    // The same doctor without the bus: the line above is not a constant.
    assert!(
        session
            .doctor(false)
            .starts_with("keyring:       not available"),
        "{}",
        session.doctor(false)
    );

    // First use creates the key; a fresh process reads the same one back.
    let alice = session.key("alice");
    assert_is_key(&alice);
    assert_eq!(
        session.key("alice"),
        alice,
        "the same key from a new process"
    );
    // It is the keyring's entry, in the login keyring of our temporary home.
    assert_eq!(session.child("raw-get alice"), Ok(alice.clone()));
    assert!(
        session
            .home()
            .join(".local/share/keyrings/login.keyring")
            .is_file()
    );
    // An account with its key: doctor reads that key instead of writing a probe.
    session.set_account("alice");
    assert_eq!(session.doctor(true), "keyring:       available");
    // Another account, another key.
    let bob = session.key("bob");
    assert_is_key(&bob);
    assert_ne!(bob, alice);

    // The keyring daemon restarts locked (a session where nobody typed the password, and
    // no display for its prompt): the keyring is there but does not open. That is not "no
    // keyring", and no key is made up in its place.
    session.stop_keyring();
    session.start_keyring(false);
    for account in ["alice", "zed"] {
        let err = session.child(&format!("key {account}")).unwrap_err();
        assert!(err.contains("locked"), "{err}");
        assert!(!err.contains("no OS keyring"), "{err}");
    }
    // Nor is it "available" to doctor, whether the account has a key in it (alice: the
    // read is refused) or none yet (main: the write that would create it is refused).
    let locked = "keyring:       locked (unlock it in your keyring app, e.g. Seahorse / \
                  Keychain Access / Credential Manager)";
    assert_eq!(session.doctor(true), locked);
    session.set_account("main");
    assert_eq!(session.doctor(true), locked);
    // Unlocked again (a new login): the keys were kept in its file.
    session.stop_keyring();
    session.start_keyring(true);
    assert_eq!(session.key("alice"), alice);
    assert_eq!(session.key("bob"), bob);
    assert_eq!(session.doctor(true), "keyring:       available");
    assert!(
        session.child("raw-get main").is_err(),
        "doctor checks, it never makes a key"
    );
    assert!(
        session.child("raw-get zed").is_err(),
        "nothing made for zed"
    );
}

#[test]
fn processes_starting_at_once_for_a_new_account_agree_on_its_key() {
    // Get-or-create is two keyring calls: without the creation lock, each of these found
    // no key and stored its own, and all but the last were left with a key nobody keeps.
    let session = Session::start();
    for round in 0..3 {
        let account = format!("new{round}");
        let keys: Vec<String> = std::thread::scope(|s| {
            let children: Vec<_> = (0..4).map(|_| s.spawn(|| session.key(&account))).collect();
            children.into_iter().map(|c| c.join().unwrap()).collect()
        });
        let stored = session.child(&format!("raw-get {account}")).unwrap();
        assert!(keys.iter().all(|k| *k == stored), "{keys:?} vs {stored}");
    }
}

#[test]
fn a_damaged_key_is_reported_and_never_replaced() {
    let session = Session::start();
    assert_eq!(session.child("raw-set carol not-a-key"), Ok(String::new()));
    let err = session.child("key carol").unwrap_err();
    assert!(
        err.contains("does not hold a valid database key") && err.contains("untouched"),
        "{err}"
    );
    // doctor names the entry, and does not call the keyring merely "available".
    session.set_account("carol");
    let doctor = session.doctor(true);
    assert!(
        doctor.starts_with("keyring:       damaged")
            && doctor.contains("\"tdlib-database-key:carol\" (service \"dutydesk\")"),
        "{doctor}"
    );
    // Replacing it would lose the data the old key encrypted: it is left as found.
    assert_eq!(session.child("raw-get carol"), Ok("not-a-key".to_string()));
}

#[test]
fn a_proxys_password_lives_in_a_real_secret_service() {
    let mut session = Session::start();
    let entry = "proxy:socks5:10.0.0.7:1080:duty";
    assert_eq!(
        session.child(&format!("proxy-set {entry} s3cret")),
        Ok(String::new())
    );
    assert_eq!(
        session.child(&format!("proxy-get {entry}")),
        Ok("s3cret".into())
    );
    // Under DutyDesk's service, by the name the config's proxy gives.
    assert_eq!(
        session.child(&format!("proxy-raw-get {entry}")),
        Ok("s3cret".into())
    );
    // Kept across a keyring restart, like the database key.
    session.stop_keyring();
    session.start_keyring(true);
    assert_eq!(
        session.child(&format!("proxy-get {entry}")),
        Ok("s3cret".into())
    );
    // An empty password removes the entry.
    assert_eq!(
        session.child(&format!("proxy-clear {entry}")),
        Ok(String::new())
    );
    assert_eq!(
        session.child(&format!("proxy-get {entry}")),
        Err("no entry".into())
    );
    // A locked keyring: the error says so and names the entry.
    session.stop_keyring();
    session.start_keyring(false);
    let err = session
        .child(&format!("proxy-set {entry} again"))
        .unwrap_err();
    assert!(err.contains(entry), "{err}");
}

/// Not a test of its own: the child process the tests above start (with `CHILD_ENV` set)
/// to run the code under test in a fresh process. `key ACCOUNT` runs
/// `keys::database_key`; `raw-get` / `raw-set ACCOUNT [VALUE]` read or write the keyring
/// entry directly, by the name `keys.rs` gives it (that name is part of every user's
/// stored data: changing it would orphan their keys).
#[test]
#[ignore = "run by the tests above in a child process"]
fn keyring_child() {
    let Ok(what) = std::env::var(CHILD_ENV) else {
        return;
    };
    let words: Vec<&str> = what.split(' ').collect();
    let entry = |account: &str| {
        keyring::Entry::new("dutydesk", &format!("tdlib-database-key:{account}"))
            .map_err(|e| e.to_string())
    };
    let result = match words[..] {
        ["key", account] => dutydesk::telegram::keys::database_key(account)
            .map_err(|e| e.to_string())
            .and_then(|(key, source)| match source {
                dutydesk::telegram::keys::KeySource::Keyring => Ok(key),
                other => Err(format!("the key came from {other:?}")),
            }),
        ["raw-get", account] => {
            entry(account).and_then(|e| e.get_password().map_err(|e| e.to_string()))
        }
        ["raw-set", account, value] => entry(account)
            .and_then(|e| e.set_password(value).map_err(|e| e.to_string()))
            .map(|()| String::new()),
        // A proxy's secret through the app's own keyring store.
        ["proxy-set", name, value] => OsKeyring
            .set(name, &Secret::new(value))
            .map(|()| String::new())
            .map_err(|e| e.to_string()),
        ["proxy-clear", name] => OsKeyring
            .set(name, &Secret::default())
            .map(|()| String::new())
            .map_err(|e| e.to_string()),
        ["proxy-get", name] => match OsKeyring.get(name) {
            Ok(Some(secret)) => Ok(secret.expose().to_string()),
            Ok(None) => Err("no entry".into()),
            Err(e) => Err(e.to_string()),
        },
        ["proxy-raw-get", name] => keyring::Entry::new("dutydesk", name)
            .and_then(|e| e.get_password())
            .map_err(|e| e.to_string()),
        _ => Err(format!("unknown request {what:?}")),
    };
    match result {
        Ok(value) => println!("{ANSWER}ok {value}"),
        Err(e) => println!("{ANSWER}err {}", e.replace('\n', " ")),
    }
}
