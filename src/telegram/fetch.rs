//! `dutydesk fetch-tdlib`: TDLib 1.8.61 for this platform from the npm registry's prebuilt
//! packages, verified against a sha512 pinned here, unpacked atomically into the data
//! directory. A failed or tampered download leaves nothing behind.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha512};

use super::native::{TDLIB_VERSION, library_file_name};

/// The npm version of the `@prebuilt-tdlib/*` packages that carry TDLib 1.8.61.
pub const NPM_VERSION: &str = "0.1008061.0";
const DEFAULT_REGISTRY: &str = "https://registry.npmjs.org";

/// One platform's package. `sha512` is the registry's `dist.integrity` (base64), pinned in
/// the source so that a compromised registry or mirror cannot hand us another library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Package {
    pub name: &'static str,
    pub sha512: Option<&'static str>,
}

/// The packages by platform. Only checksums verified by this project are pinned; a
/// platform without one is refused rather than trusted blindly.
pub const PACKAGES: &[(&str, &str, Package)] = &[
    (
        "linux",
        "x86_64",
        Package {
            name: "linux-x64-glibc",
            sha512: Some(
                "+AbMF6WotnYFm2mZ7rJH4nLqeY+2KSVnGyomeToeacfUIRZQxenq1PjDXp2THvejpfeJoawGUtVfufgufUJWRg==",
            ),
        },
    ),
    (
        "linux",
        "aarch64",
        Package {
            name: "linux-arm64-glibc",
            sha512: None,
        },
    ),
    (
        "macos",
        "x86_64",
        Package {
            name: "darwin-x64",
            sha512: None,
        },
    ),
    (
        "macos",
        "aarch64",
        Package {
            name: "darwin-arm64",
            sha512: None,
        },
    ),
    (
        "windows",
        "x86_64",
        Package {
            name: "win32-x64",
            sha512: None,
        },
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    UnsupportedPlatform {
        os: String,
        arch: String,
    },
    NoPinnedChecksum {
        package: String,
    },
    Download {
        url: String,
        reason: String,
    },
    ChecksumMismatch {
        expected: String,
        found: String,
    },
    MissingFile {
        file: String,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use i18n::t;
        f.write_str(&match self {
            FetchError::UnsupportedPlatform { os, arch } => t!(
                "tdlib-fetch-unsupported",
                version = TDLIB_VERSION,
                os = os.as_str(),
                arch = arch.as_str()
            ),
            FetchError::NoPinnedChecksum { package } => t!(
                "tdlib-fetch-no-checksum",
                package = package.as_str(),
                npm_version = NPM_VERSION,
                version = TDLIB_VERSION
            ),
            FetchError::Download { url, reason } => t!(
                "tdlib-fetch-download",
                url = url.as_str(),
                reason = reason.as_str()
            ),
            FetchError::ChecksumMismatch { expected, found } => t!(
                "tdlib-fetch-checksum",
                expected = expected.as_str(),
                found = found.as_str()
            ),
            FetchError::MissingFile { file } => {
                t!("tdlib-fetch-missing-file", file = file.as_str())
            }
            // No words of ours: the path and the system's own message.
            FetchError::Io { path, source } => format!("{}: {source}", path.display()),
        })
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FetchError + '_ {
    move |source| FetchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// This platform's package.
pub fn package_for(os: &str, arch: &str) -> Result<Package, FetchError> {
    PACKAGES
        .iter()
        .find(|(o, a, _)| *o == os && *a == arch)
        .map(|(_, _, p)| *p)
        .ok_or_else(|| FetchError::UnsupportedPlatform {
            os: os.into(),
            arch: arch.into(),
        })
}

/// The tarball URL of a package; `DUTYDESK_NPM_REGISTRY` points at a mirror.
pub fn tarball_url(package: &Package) -> String {
    let registry =
        std::env::var("DUTYDESK_NPM_REGISTRY").unwrap_or_else(|_| DEFAULT_REGISTRY.into());
    let registry = registry.trim_end_matches('/');
    format!(
        "{registry}/@prebuilt-tdlib/{0}/-/{0}-{NPM_VERSION}.tgz",
        package.name
    )
}

/// Where `fetch-tdlib` installs the library under `tdlib_dir`.
pub fn installed_path(tdlib_dir: &Path) -> PathBuf {
    tdlib_dir.join(TDLIB_VERSION).join(library_file_name())
}

/// Downloads, verifies and installs TDLib for this platform into `tdlib_dir`. `progress`
/// gets (bytes done, bytes total or 0 when unknown). Blocking: run it off the UI thread.
pub fn fetch_tdlib(
    tdlib_dir: &Path,
    progress: impl FnMut(u64, u64),
) -> Result<PathBuf, FetchError> {
    fetch_tdlib_to(&installed_path(tdlib_dir), progress)
}

/// Downloads this platform's package, verifies it against the pinned sha512 and installs
/// its library as `target` (a package build puts it beside the executable).
pub fn fetch_tdlib_to(
    target: &Path,
    mut progress: impl FnMut(u64, u64),
) -> Result<PathBuf, FetchError> {
    let package = package_for(std::env::consts::OS, std::env::consts::ARCH)?;
    let expected = package.sha512.ok_or_else(|| FetchError::NoPinnedChecksum {
        package: package.name.into(),
    })?;
    let url = tarball_url(&package);
    let download = |reason: String| FetchError::Download {
        url: url.clone(),
        reason,
    };
    // The OS's trust store, not a bundled one: corporate proxies and mirrors re-sign TLS
    // with their own CA, and the pinned sha512 is what vouches for the archive anyway.
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build();
    let agent = ureq::Agent::new_with_config(ureq::Agent::config_builder().tls_config(tls).build());
    let response = agent
        .get(&url)
        .call()
        .map_err(|e| download(e.to_string()))?;
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let reader = response.into_body().into_reader();
    install_archive(reader, total, expected, target, &mut progress)
}

/// The checksum a local archive is verified against: this platform's pin; `given` (the
/// registry's `dist.integrity`, for a platform this source has no pin for yet) only where
/// there is none, and never over a pin that says otherwise.
pub fn checksum_for_archive(given: Option<&str>) -> Result<String, FetchError> {
    let package = package_for(std::env::consts::OS, std::env::consts::ARCH)?;
    archive_checksum(&package, given)
}

fn archive_checksum(package: &Package, given: Option<&str>) -> Result<String, FetchError> {
    // npm writes integrity as `sha512-<base64>`; the pins are the base64 alone.
    let given = given.map(|g| g.trim().trim_start_matches("sha512-").to_string());
    match (package.sha512, given) {
        (Some(pinned), Some(given)) if given != pinned => Err(FetchError::ChecksumMismatch {
            expected: pinned.into(),
            found: given,
        }),
        (Some(pinned), _) => Ok(pinned.into()),
        (None, Some(given)) => Ok(given),
        (None, None) => Err(FetchError::NoPinnedChecksum {
            package: package.name.into(),
        }),
    }
}

/// Installs the library of a package already on disk (`npm pack`'s `.tgz`) as `target`,
/// verified against `expected_sha512` as a download would be.
pub fn install_local_archive(
    archive: &Path,
    expected_sha512: &str,
    target: &Path,
) -> Result<PathBuf, FetchError> {
    let file = File::open(archive).map_err(io(archive))?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    install_archive(file, total, expected_sha512, target, &mut |_, _| {})
}

/// Verifies a `.tgz` stream against `expected_sha512` (base64) and installs its library
/// as `target`. The archive is kept in a temporary file until verified; the library is
/// written to a temporary name and renamed into place, so readers see all or nothing.
pub fn install_archive(
    mut reader: impl Read,
    total: u64,
    expected_sha512: &str,
    target: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<PathBuf, FetchError> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let archive = dir.join(format!(".download-{}.tgz", std::process::id()));
    let result = (|| {
        let found = save_and_hash(&mut reader, &archive, total, progress)?;
        if found != expected_sha512 {
            return Err(FetchError::ChecksumMismatch {
                expected: expected_sha512.into(),
                found,
            });
        }
        unpack_library(&archive, target)
    })();
    let _ = std::fs::remove_file(&archive);
    result.map(|()| target.to_path_buf())
}

fn save_and_hash(
    reader: &mut dyn Read,
    path: &Path,
    total: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<String, FetchError> {
    let mut file = BufWriter::new(File::create(path).map_err(io(path))?);
    let mut hasher = Sha512::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut done = 0u64;
    progress(0, total);
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(FetchError::Download {
                    url: path.display().to_string(),
                    reason: e.to_string(),
                });
            }
        };
        hasher.update(&buffer[..n]);
        file.write_all(&buffer[..n]).map_err(io(path))?;
        done += n as u64;
        progress(done, total);
    }
    file.flush().map_err(io(path))?;
    Ok(STANDARD.encode(hasher.finalize()))
}

fn unpack_library(archive_path: &Path, target: &Path) -> Result<(), FetchError> {
    let file_name = library_file_name();
    let wanted = format!("package/{file_name}");
    let archive = File::open(archive_path).map_err(io(archive_path))?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(archive));
    let entries = archive.entries().map_err(io(archive_path))?;
    for entry in entries {
        let mut entry = entry.map_err(io(archive_path))?;
        let is_wanted = entry
            .path()
            .map(|p| p.to_string_lossy() == wanted)
            .unwrap_or(false);
        if !is_wanted {
            continue;
        }
        let partial = target.with_file_name(format!(".{file_name}.partial-{}", std::process::id()));
        let written = (|| {
            let mut out = File::create(&partial)?;
            std::io::copy(&mut entry, &mut out)?;
            out.sync_all()?;
            std::fs::rename(&partial, target)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(FetchError::Io {
                path: target.to_path_buf(),
                source: e,
            });
        }
        return Ok(());
    }
    Err(FetchError::MissingFile { file: wanted })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tgz(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        ));
        for (name, data) in files {
            let mut header = tar::Header::new_gnu();
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, name, *data).unwrap();
        }
        builder.into_inner().unwrap().finish().unwrap()
    }

    fn sha512(data: &[u8]) -> String {
        STANDARD.encode(Sha512::digest(data))
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names = Vec::new();
        for entry in walk(dir) {
            names.push(entry.strip_prefix(dir).unwrap().display().to_string());
        }
        names.sort();
        names
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let Ok(read) = std::fs::read_dir(dir) else {
            return vec![];
        };
        read.flatten()
            .flat_map(|e| {
                if e.path().is_dir() {
                    walk(&e.path())
                } else {
                    vec![e.path()]
                }
            })
            .collect()
    }

    #[test]
    fn a_verified_archive_installs_the_library() {
        let dir = tempfile::tempdir().unwrap();
        let lib_entry = format!("package/{}", library_file_name());
        let archive = tgz(&[
            ("package/README.md", b"readme"),
            (&lib_entry, b"\x7fELF library bytes"),
        ]);
        let mut seen = Vec::new();
        let path = install_archive(
            &archive[..],
            archive.len() as u64,
            &sha512(&archive),
            &installed_path(dir.path()),
            &mut |d, t| seen.push((d, t)),
        )
        .unwrap();
        assert_eq!(path, installed_path(dir.path()));
        assert_eq!(std::fs::read(&path).unwrap(), b"\x7fELF library bytes");
        assert_eq!(
            seen.last(),
            Some(&(archive.len() as u64, archive.len() as u64))
        );
        // Only the library is left: no archive, no partial file.
        assert_eq!(
            files_in(dir.path()),
            vec![format!("{TDLIB_VERSION}/{}", library_file_name())]
        );
    }

    #[test]
    fn a_mismatched_archive_is_refused_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let lib_entry = format!("package/{}", library_file_name());
        let archive = tgz(&[(&lib_entry, b"tampered library")]);
        let pinned = sha512(b"the genuine archive");
        let err = install_archive(
            &archive[..],
            0,
            &pinned,
            &installed_path(dir.path()),
            &mut |_, _| {},
        )
        .unwrap_err();
        assert!(
            matches!(err, FetchError::ChecksumMismatch { ref expected, .. } if *expected == pinned),
            "{err}"
        );
        assert!(err.to_string().contains("nothing was installed"));
        assert!(
            files_in(dir.path()).is_empty(),
            "{:?}",
            files_in(dir.path())
        );
    }

    #[test]
    fn an_archive_without_the_library_installs_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let archive = tgz(&[("package/README.md", b"readme")]);
        let err = install_archive(
            &archive[..],
            0,
            &sha512(&archive),
            &installed_path(dir.path()),
            &mut |_, _| {},
        )
        .unwrap_err();
        assert!(matches!(err, FetchError::MissingFile { .. }), "{err}");
        assert!(files_in(dir.path()).is_empty());
    }

    #[test]
    fn a_local_archive_installs_where_the_package_build_says() {
        let dir = tempfile::tempdir().unwrap();
        let lib_entry = format!("package/{}", library_file_name());
        let archive = tgz(&[(&lib_entry, b"library bytes")]);
        let file = dir.path().join("prebuilt.tgz");
        std::fs::write(&file, &archive).unwrap();
        let target = dir
            .path()
            .join("stage/usr/lib/dutydesk")
            .join(library_file_name());
        let path = install_local_archive(&file, &sha512(&archive), &target).unwrap();
        assert_eq!(path, target);
        assert_eq!(std::fs::read(&target).unwrap(), b"library bytes");
        // Beside it: nothing but the library (no archive copy, no partial file).
        let beside: Vec<String> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside, vec![library_file_name().to_string()]);
        let err = install_local_archive(&file, &sha512(b"other"), &target).unwrap_err();
        assert!(matches!(err, FetchError::ChecksumMismatch { .. }), "{err}");
    }

    #[test]
    fn a_given_checksum_stands_only_where_there_is_no_pin() {
        let pinned = Package {
            name: "linux-x64-glibc",
            sha512: Some("PIN"),
        };
        let unpinned = Package {
            name: "win32-x64",
            sha512: None,
        };
        assert_eq!(archive_checksum(&pinned, None).unwrap(), "PIN");
        assert_eq!(
            archive_checksum(&pinned, Some("sha512-PIN")).unwrap(),
            "PIN"
        );
        assert!(matches!(
            archive_checksum(&pinned, Some("OTHER")),
            Err(FetchError::ChecksumMismatch { .. })
        ));
        assert_eq!(
            archive_checksum(&unpinned, Some(" sha512-GIVEN\n")).unwrap(),
            "GIVEN"
        );
        assert!(matches!(
            archive_checksum(&unpinned, None),
            Err(FetchError::NoPinnedChecksum { .. })
        ));
    }

    #[test]
    fn linux_x64_is_pinned_and_unknown_platforms_are_refused() {
        let p = package_for("linux", "x86_64").unwrap();
        assert_eq!(p.name, "linux-x64-glibc");
        assert!(p.sha512.is_some());
        assert!(
            tarball_url(&p)
                .ends_with("/@prebuilt-tdlib/linux-x64-glibc/-/linux-x64-glibc-0.1008061.0.tgz")
        );
        assert!(matches!(
            package_for("plan9", "mips"),
            Err(FetchError::UnsupportedPlatform { .. })
        ));
    }
}
