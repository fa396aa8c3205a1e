//! The build's commit, for `dutydesk --version`: `DUTYDESK_COMMIT` if the builder set it
//! (a tarball has no .git: packagers pass the commit they built), else what `git` says
//! about this checkout, else "unknown". No crate: one `git` call, and nothing fails
//! without git.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=DUTYDESK_COMMIT");
    let given = std::env::var("DUTYDESK_COMMIT")
        .ok()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    let (commit, source) = match given {
        Some(commit) => (commit, "env"),
        None => match git_commit() {
            Some(commit) => (commit, "git"),
            None => ("unknown".into(), "none"),
        },
    };
    println!("cargo:rustc-env=DUTYDESK_COMMIT={commit}");
    // For the test of the version text: where the commit came from.
    println!("cargo:rustc-env=DUTYDESK_COMMIT_SOURCE={source}");
}

/// `<short hash> <commit date>`, and the files that move when HEAD does, so a new commit
/// reruns this script (a worktree's HEAD is in its own git dir, its branches in the
/// common one).
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .args(args)
            .env("TZ", "UTC")
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    // A tarball unpacked inside another repository is not that repository's commit.
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let here = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(&here).ok()? {
        return None;
    }
    let git_dir = git(&["rev-parse", "--git-dir"])?;
    let common_dir = git(&["rev-parse", "--git-common-dir"]).unwrap_or(git_dir.clone());
    let mut watched = vec![Path::new(&git_dir).join("HEAD")];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(Path::new(&common_dir).join(branch));
    }
    watched.push(Path::new(&common_dir).join("packed-refs"));
    // A path that does not exist would rerun the script at every build.
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    // The date is the commit's own (UTC), so the same commit builds the same text.
    let line = git(&[
        "-c",
        "log.showSignature=false",
        "log",
        "-1",
        "--format=%h %cd",
        "--date=format-local:%Y-%m-%d",
        "--abbrev=12",
    ])?;
    (!line.is_empty()).then_some(line)
}
