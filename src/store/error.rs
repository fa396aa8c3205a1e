//! Store errors: each names what was being done and the database file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the DutyDesk database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the DutyDesk database {path} has schema version {found}, but this DutyDesk knows \
         versions up to {supported}: it was written by a newer DutyDesk. Run that version, or \
         move the file away to start afresh; it was left untouched"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{what} in the DutyDesk database {path}: {source}")]
    Sql {
        what: String,
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("bad data in the DutyDesk database {path}: {what}")]
    Corrupt { path: PathBuf, what: String },
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}
