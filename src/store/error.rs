//! Store errors: each names what was being done and the database file, in the admin's
//! language when shown (SQLite's and the system's own descriptions stay as they come).

use std::path::PathBuf;

use i18n::t;

#[derive(Debug)]
pub enum StoreError {
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// `what` is what was being done, already in words ("reading the local marks").
    Sql {
        what: String,
        path: PathBuf,
        source: rusqlite::Error,
    },
    Corrupt {
        path: PathBuf,
        what: String,
    },
    Io {
        what: String,
        source: std::io::Error,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            StoreError::Open { path, source } => t!(
                "store-open-failed",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            StoreError::TooNew {
                path,
                found,
                supported,
            } => t!(
                "store-too-new",
                path = path.display().to_string(),
                found = *found,
                supported = *supported
            ),
            StoreError::Sql { what, path, source } => t!(
                "store-sql-failed",
                what = what.as_str(),
                path = path.display().to_string(),
                error = source.to_string()
            ),
            StoreError::Corrupt { path, what } => t!(
                "store-corrupt",
                path = path.display().to_string(),
                what = what.as_str()
            ),
            StoreError::Io { what, source } => t!(
                "store-io-failed",
                what = what.as_str(),
                error = source.to_string()
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Open { source, .. } | StoreError::Sql { source, .. } => Some(source),
            StoreError::Io { source, .. } => Some(source),
            StoreError::TooNew { .. } | StoreError::Corrupt { .. } => None,
        }
    }
}
