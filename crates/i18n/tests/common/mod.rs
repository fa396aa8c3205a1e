//! What the catalog's tests read: the `t!` calls in the workspace's Rust files, and the
//! `.ftl` files on disk.

#![allow(dead_code)]

pub mod ftl;
pub mod scan;

use std::path::{Path, PathBuf};

/// The workspace's root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}
