//! Where DutyDesk keeps its config and data.
//!
//! By default the platform directories (XDG on Linux, Application Support on macOS,
//! AppData on Windows). `DUTYDESK_HOME` moves everything into one folder, for portable use
//! and for tests that must not touch the real profile.

use std::path::{Path, PathBuf};

/// Every location DutyDesk reads or writes, resolved once at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
    /// User themes: `<config_dir>/themes/<name>.toml`, named by file stem.
    pub themes_dir: PathBuf,
    /// The local SQLite store (pins, stars, notes, settings, statistics).
    pub store_file: PathBuf,
    /// TDLib databases, one folder per account.
    pub accounts_dir: PathBuf,
    /// Where `fetch-tdlib` installs the TDLib library.
    pub tdlib_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl Paths {
    /// Resolves the paths from `DUTYDESK_HOME` or the platform directories.
    pub fn resolve() -> Result<Paths, PathsError> {
        if let Some(home) = std::env::var_os("DUTYDESK_HOME").filter(|h| !h.is_empty()) {
            let home = PathBuf::from(home);
            return Ok(Paths::portable(&home));
        }
        let config = dirs::config_dir().ok_or(PathsError::NoConfigDir)?;
        let data = dirs::data_dir().ok_or(PathsError::NoDataDir)?;
        Ok(Paths::from_dirs(
            config.join("dutydesk"),
            data.join("dutydesk"),
        ))
    }

    /// Everything under one folder: `<home>/config` and `<home>/data`.
    pub fn portable(home: &Path) -> Paths {
        Paths::from_dirs(home.join("config"), home.join("data"))
    }

    fn from_dirs(config_dir: PathBuf, data_dir: PathBuf) -> Paths {
        Paths {
            config_file: config_dir.join("config.toml"),
            themes_dir: config_dir.join("themes"),
            store_file: data_dir.join("dutydesk.sqlite3"),
            accounts_dir: data_dir.join("accounts"),
            tdlib_dir: data_dir.join("tdlib"),
            log_dir: data_dir.join("logs"),
            config_dir,
            data_dir,
        }
    }

    /// Creates the directories DutyDesk writes into.
    pub fn create_dirs(&self) -> std::io::Result<()> {
        for dir in [
            &self.config_dir,
            &self.data_dir,
            &self.accounts_dir,
            &self.log_dir,
        ] {
            std::fs::create_dir_all(dir)?;
        }
        Ok(())
    }

    /// TDLib's database folder for one account (by phone number or "demo").
    pub fn account_dir(&self, account: &str) -> PathBuf {
        let safe: String = account
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        self.accounts_dir.join(if safe.is_empty() {
            "default".into()
        } else {
            safe
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    NoConfigDir,
    NoDataDir,
}

impl std::fmt::Display for PathsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            PathsError::NoConfigDir => i18n::t!("cli-paths-no-config-dir"),
            PathsError::NoDataDir => i18n::t!("cli-paths-no-data-dir"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_home_keeps_everything_under_one_folder() {
        let p = Paths::portable(Path::new("/x/home"));
        for path in [
            &p.config_file,
            &p.store_file,
            &p.accounts_dir,
            &p.tdlib_dir,
            &p.themes_dir,
        ] {
            assert!(path.starts_with("/x/home"), "{path:?}");
        }
        assert_eq!(p.config_file, Path::new("/x/home/config/config.toml"));
    }

    #[test]
    fn account_dir_strips_path_characters() {
        let p = Paths::portable(Path::new("/h"));
        assert_eq!(
            p.account_dir("+1 (555) 010"),
            Path::new("/h/data/accounts/1555010")
        );
        assert_eq!(
            p.account_dir("../.."),
            Path::new("/h/data/accounts/default")
        );
    }
}
