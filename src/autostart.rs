//! Starting DutyDesk when the user logs in, each system's own way: an XDG autostart entry
//! (`~/.config/autostart/dutydesk.desktop`) on Linux and the BSDs, the registry's Run key
//! (`HKCU\Software\Microsoft\Windows\CurrentVersion\Run`, value `DutyDesk`) on Windows, a
//! LaunchAgent (`~/Library/LaunchAgents/<APP_ID>.plist`) on macOS.
//!
//! What flows in: the executable to start (this one; an AppImage's own file, not its
//! temporary mount) and Settings' choice. What flows out: the entry written or removed,
//! and whether one is there now (Settings shows the system's truth, so an entry removed in
//! the desktop's own startup settings reads as off).
//!
//! The three formats are built by the pure functions `desktop_entry`, `launch_agent` and
//! `run_value`, each checked against its format in the tests here and in
//! `tests/autostart_formats.rs` (desktop-file-validate, Python's plistlib, and Windows'
//! command-line rules). No crate: files, and `reg.exe` on Windows.

use std::path::{Path, PathBuf};

/// The registry value's name, and the Inno Setup script's (`packaging/windows/dutydesk.iss`).
pub const RUN_VALUE_NAME: &str = "DutyDesk";
/// The key the value lives under, in HKEY_CURRENT_USER.
pub const RUN_KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Run";

/// A system's way of starting programs at login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    /// An XDG autostart desktop entry at this path.
    Xdg(PathBuf),
    /// A LaunchAgent property list at this path.
    LaunchAgent(PathBuf),
    /// The registry's Run key (HKCU).
    RunKey,
}

/// Why there is no autostart to offer here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// Inside a Flatpak the sandbox's config is not the desktop's; the desktop's own
    /// startup settings (or the Background portal) decide.
    Flatpak,
    /// No home or config folder to write into.
    NoConfigDir,
}

impl Unavailable {
    /// Said beside the switch in Settings.
    pub fn explain(&self) -> String {
        match self {
            Unavailable::Flatpak => i18n::t!("desktop-autostart-flatpak"),
            Unavailable::NoConfigDir => i18n::t!("desktop-autostart-no-config"),
        }
    }
}

/// The way this system starts programs at login.
pub fn method() -> Result<Method, Unavailable> {
    if cfg!(target_os = "windows") {
        return Ok(Method::RunKey);
    }
    if cfg!(target_os = "macos") {
        let home = dirs::home_dir().ok_or(Unavailable::NoConfigDir)?;
        return Ok(Method::LaunchAgent(
            home.join("Library/LaunchAgents")
                .join(format!("{}.plist", crate::APP_ID)),
        ));
    }
    if std::env::var_os("FLATPAK_ID").is_some() || Path::new("/.flatpak-info").exists() {
        return Err(Unavailable::Flatpak);
    }
    let config = dirs::config_dir().ok_or(Unavailable::NoConfigDir)?;
    Ok(Method::Xdg(
        config.join("autostart").join("dutydesk.desktop"),
    ))
}

/// The program a login starts: an AppImage's own file (the running one is a temporary
/// mount that is gone after logout), else this executable, links resolved.
pub fn program() -> std::io::Result<PathBuf> {
    if let Some(appimage) = std::env::var_os("APPIMAGE").filter(|a| !a.is_empty()) {
        return Ok(PathBuf::from(appimage));
    }
    let exe = std::env::current_exe()?;
    Ok(std::fs::canonicalize(&exe).unwrap_or(exe))
}

/// The XDG autostart entry for `program`. Its Exec quotes the path as the Desktop Entry
/// specification asks: in double quotes, with `"`, `` ` ``, `$` and `\` escaped by a
/// backslash, then every backslash doubled again (a string value's escape), and `%`
/// written `%%` (field codes).
pub fn desktop_entry(program: &Path) -> String {
    let comment = i18n::t!("desktop-autostart-comment");
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=DutyDesk\n\
         Comment={}\n\
         Exec={}\n\
         Icon={}\n\
         Terminal=false\n\
         X-GNOME-Autostart-enabled=true\n",
        comment.replace('\n', " "),
        exec_value(program),
        crate::APP_ID,
    )
}

/// `program` as a desktop entry's Exec value (see `desktop_entry`).
pub fn exec_value(program: &Path) -> String {
    let mut quoted = String::from("\"");
    for c in program.to_string_lossy().chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '%' => quoted.push_str("%%"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    // The string escape of a desktop entry's value comes on top of Exec's own quoting.
    quoted.replace('\\', "\\\\")
}

/// The LaunchAgent for `program`: started at login in the user's graphical session.
pub fn launch_agent(program: &Path) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \x20 <key>Label</key>\n\
         \x20 <string>{}</string>\n\
         \x20 <key>ProgramArguments</key>\n\
         \x20 <array>\n\
         \x20   <string>{}</string>\n\
         \x20 </array>\n\
         \x20 <key>RunAtLoad</key>\n\
         \x20 <true/>\n\
         \x20 <key>LimitLoadToSessionType</key>\n\
         \x20 <string>Aqua</string>\n\
         \x20 <key>ProcessType</key>\n\
         \x20 <string>Interactive</string>\n\
         </dict>\n\
         </plist>\n",
        xml_text(crate::APP_ID),
        xml_text(&program.to_string_lossy()),
    )
}

fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The Run value for `program`: a command line, its program in double quotes (a path may
/// hold spaces; Windows paths never hold `"`), as the installer writes it too.
pub fn run_value(program: &Path) -> String {
    format!("\"{}\"", program.to_string_lossy())
}

/// What `reg.exe` is asked, as its arguments (each passed as one argument; Rust quotes
/// them for reg.exe's own parser).
pub fn reg_arguments(action: RegAction, program: &Path) -> Vec<String> {
    let key = format!(r"HKCU\{RUN_KEY}");
    let mut args: Vec<String> = match action {
        RegAction::Query => vec!["query".into(), key, "/v".into(), RUN_VALUE_NAME.into()],
        RegAction::Add => vec![
            "add".into(),
            key,
            "/v".into(),
            RUN_VALUE_NAME.into(),
            "/t".into(),
            "REG_SZ".into(),
            "/d".into(),
            run_value(program),
        ],
        RegAction::Delete => vec!["delete".into(), key, "/v".into(), RUN_VALUE_NAME.into()],
    };
    if action != RegAction::Query {
        args.push("/f".into());
    }
    args
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegAction {
    Query,
    Add,
    Delete,
}

/// Why the entry could not be written or removed.
#[derive(Debug, thiserror::Error)]
pub enum AutostartError {
    #[error("{}: {source}", path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("reg.exe: {0}")]
    Registry(String),
    #[error("{0}")]
    Unavailable(String),
}

impl Method {
    /// Whether DutyDesk starts at login now.
    pub fn enabled(&self) -> bool {
        match self {
            Method::Xdg(path) => xdg_enabled(path),
            Method::LaunchAgent(path) => path.exists(),
            Method::RunKey => reg(RegAction::Query, Path::new("")).is_ok(),
        }
    }

    /// Writes the entry for `program` (replacing one there), or removes it.
    pub fn set(&self, on: bool, program: &Path) -> Result<(), AutostartError> {
        match (self, on) {
            (Method::Xdg(path), true) => write(path, &desktop_entry(program)),
            (Method::LaunchAgent(path), true) => write(path, &launch_agent(program)),
            (Method::Xdg(path) | Method::LaunchAgent(path), false) => remove(path),
            (Method::RunKey, true) => reg(RegAction::Add, program),
            (Method::RunKey, false) => match reg(RegAction::Query, program) {
                // Nothing to delete is what was asked.
                Err(_) => Ok(()),
                Ok(()) => reg(RegAction::Delete, program),
            },
        }
    }
}

/// An XDG entry counts unless it says it is off (`Hidden=true`, or GNOME's
/// `X-GNOME-Autostart-enabled=false`, which its startup settings write).
fn xdg_enabled(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    !text.lines().map(str::trim).any(|line| {
        line.eq_ignore_ascii_case("Hidden=true")
            || line.eq_ignore_ascii_case("X-GNOME-Autostart-enabled=false")
    })
}

fn write(path: &Path, text: &str) -> Result<(), AutostartError> {
    let err = |source| AutostartError::File {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let partial = path.with_extension("partial");
    std::fs::write(&partial, text).map_err(err)?;
    std::fs::rename(&partial, path).map_err(err)
}

fn remove(path: &Path) -> Result<(), AutostartError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(AutostartError::File {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

fn reg(action: RegAction, program: &Path) -> Result<(), AutostartError> {
    if !cfg!(target_os = "windows") {
        return Err(AutostartError::Unavailable(
            "the registry is Windows'".into(),
        ));
    }
    let out = std::process::Command::new("reg.exe")
        .args(reg_arguments(action, program))
        .output()
        .map_err(|e| AutostartError::Registry(e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(AutostartError::Registry(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Exec value back to its arguments, as a desktop environment reads it: the
    /// string escapes first, then the quoting (the specification's two steps).
    fn exec_arguments(value: &str) -> Option<Vec<String>> {
        let mut unescaped = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next()? {
                    's' => unescaped.push(' '),
                    'n' => unescaped.push('\n'),
                    't' => unescaped.push('\t'),
                    'r' => unescaped.push('\r'),
                    '\\' => unescaped.push('\\'),
                    other => {
                        unescaped.push('\\');
                        unescaped.push(other);
                    }
                }
            } else {
                unescaped.push(c);
            }
        }
        let (mut args, mut current, mut quoted, mut any) =
            (Vec::new(), String::new(), false, false);
        let mut chars = unescaped.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    quoted = !quoted;
                    any = true;
                }
                '\\' if quoted => current.push(chars.next()?),
                '%' => match chars.next()? {
                    '%' => current.push('%'),
                    _ => return None,
                },
                ' ' if !quoted => {
                    if any || !current.is_empty() {
                        args.push(std::mem::take(&mut current));
                    }
                    any = false;
                }
                // Reserved outside quotes: the value would be malformed.
                '`' | '$' | '\\' if !quoted => return None,
                c => current.push(c),
            }
        }
        if quoted {
            return None;
        }
        if any || !current.is_empty() {
            args.push(current);
        }
        Some(args)
    }

    /// How Windows (CommandLineToArgvW) reads a command line's program: up to the closing
    /// quote when it starts with one, no escapes.
    fn windows_program(line: &str) -> Option<&str> {
        let rest = line.strip_prefix('"')?;
        let end = rest.find('"')?;
        (rest[end + 1..].trim().is_empty()).then_some(&rest[..end])
    }

    #[test]
    fn the_desktop_entry_starts_this_program_with_its_icon() {
        let entry = i18n::with_language(i18n::Language::En, || {
            desktop_entry(Path::new("/usr/lib/dutydesk/dutydesk"))
        });
        assert_eq!(
            entry,
            "[Desktop Entry]\nType=Application\nName=DutyDesk\n\
             Comment=Start DutyDesk when you log in\n\
             Exec=\"/usr/lib/dutydesk/dutydesk\"\nIcon=io.github.dutydesk.DutyDesk\n\
             Terminal=false\nX-GNOME-Autostart-enabled=true\n"
        );
    }

    #[test]
    fn awkward_paths_survive_the_exec_quoting() {
        for path in [
            "/home/anna/Apps/DutyDesk (1).AppImage",
            "/opt/100% \"duty\"/$HOME/`x`\\y/dutydesk",
            "/home/анна/Загрузки/DutyDesk.AppImage",
        ] {
            let value = exec_value(Path::new(path));
            assert_eq!(
                exec_arguments(&value),
                Some(vec![path.to_string()]),
                "{value}"
            );
        }
    }

    #[test]
    fn the_launch_agent_runs_the_program_at_login() {
        let plist = launch_agent(Path::new(
            "/Applications/Duty & Desk.app/Contents/MacOS/dutydesk",
        ));
        assert!(plist.contains("<key>Label</key>\n  <string>io.github.dutydesk.DutyDesk</string>"));
        assert!(plist.contains(
            "<string>/Applications/Duty &amp; Desk.app/Contents/MacOS/dutydesk</string>"
        ));
        assert!(plist.contains("<key>RunAtLoad</key>\n  <true/>"));
    }

    #[test]
    fn the_run_value_is_the_quoted_program_the_installer_writes() {
        let program = Path::new(r"C:\Program Files\DutyDesk\dutydesk.exe");
        let value = run_value(program);
        assert_eq!(value, r#""C:\Program Files\DutyDesk\dutydesk.exe""#);
        assert_eq!(
            windows_program(&value),
            Some(r"C:\Program Files\DutyDesk\dutydesk.exe")
        );
        assert_eq!(
            reg_arguments(RegAction::Add, program),
            [
                "add",
                r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run",
                "/v",
                "DutyDesk",
                "/t",
                "REG_SZ",
                "/d",
                &value,
                "/f"
            ]
        );
        // The installer writes the same value under the same name, and removes it.
        let iss = include_str!("../packaging/windows/dutydesk.iss");
        let run = format!(
            r#"Subkey: "{RUN_KEY}"; ValueType: string; ValueName: "{RUN_VALUE_NAME}"; ValueData: """{{app}}\dutydesk.exe""""#
        );
        assert!(iss.contains(&run), "dutydesk.iss writes another value");
        assert!(iss.contains(&format!(
            r#"Subkey: "{RUN_KEY}"; ValueType: none; ValueName: "{RUN_VALUE_NAME}"; Flags: uninsdeletevalue"#
        )));
    }

    #[test]
    fn an_entry_is_written_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("autostart/dutydesk.desktop");
        let method = Method::Xdg(path.clone());
        assert!(!method.enabled());
        method.set(true, Path::new("/usr/bin/dutydesk")).unwrap();
        assert!(method.enabled());
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Exec=\"/usr/bin/dutydesk\"")
        );
        // Switched off in GNOME's startup settings: off here too.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("enabled=true", "enabled=false")).unwrap();
        assert!(!method.enabled());
        method.set(false, Path::new("")).unwrap();
        assert!(!path.exists());
        method.set(false, Path::new("")).unwrap();
        let agent = Method::LaunchAgent(dir.path().join("LaunchAgents/x.plist"));
        agent
            .set(
                true,
                Path::new("/Applications/DutyDesk.app/Contents/MacOS/dutydesk"),
            )
            .unwrap();
        assert!(agent.enabled());
        agent.set(false, Path::new("")).unwrap();
        assert!(!agent.enabled());
    }

    proptest! {
        #[test]
        fn any_path_reads_back_from_exec(path in "/[^\u{0}\n\r\t]{0,40}") {
            let value = exec_value(Path::new(&path));
            prop_assert_eq!(exec_arguments(&value), Some(vec![path.clone()]));
        }

        #[test]
        fn any_windows_path_is_one_program(path in r"[A-Z]:\\[^\u{0}\x22]{0,40}") {
            let value = run_value(Path::new(&path));
            prop_assert_eq!(windows_program(&value), Some(path.as_str()));
        }
    }
}
