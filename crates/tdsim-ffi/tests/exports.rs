//! The simulator's library exports exactly the td_* functions the real libtdjson 1.8.61 does
//! (read from both files' dynamic symbol tables), so any client that binds them at load, as
//! Python's and Node's TDLib clients do, loads it too.

mod common;

use std::collections::BTreeSet;

use common::{TdJson, real_path, simulator_path};

/// The defined, global or weak function symbols named td_* of an ELF64 little-endian shared
/// library's .dynsym.
#[cfg(target_os = "linux")]
fn exported_td_functions(path: &std::path::Path) -> BTreeSet<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let u16_at = |o: usize| u16::from_le_bytes(bytes[o..o + 2].try_into().expect("2 bytes"));
    let u32_at = |o: usize| u32::from_le_bytes(bytes[o..o + 4].try_into().expect("4 bytes"));
    let u64_at =
        |o: usize| u64::from_le_bytes(bytes[o..o + 8].try_into().expect("8 bytes")) as usize;
    assert_eq!(&bytes[..4], b"\x7fELF", "{} is not ELF", path.display());
    assert_eq!((bytes[4], bytes[5]), (2, 1), "ELF64, little-endian");
    let (shoff, shentsize, shnum) = (u64_at(0x28), u16_at(0x3a) as usize, u16_at(0x3c) as usize);
    let section = |i: usize| shoff + i * shentsize;
    const SHT_DYNSYM: u32 = 11;
    let dynsym = (0..shnum)
        .map(section)
        .find(|&h| u32_at(h + 4) == SHT_DYNSYM)
        .expect("a .dynsym section");
    let (sym_off, sym_size, link) = (
        u64_at(dynsym + 0x18),
        u64_at(dynsym + 0x20),
        u32_at(dynsym + 0x28),
    );
    let strtab = u64_at(section(link as usize) + 0x18);
    let name_at = |o: usize| {
        let end = bytes[o..].iter().position(|b| *b == 0).expect("NUL") + o;
        String::from_utf8_lossy(&bytes[o..end]).into_owned()
    };
    (0..sym_size / 24)
        .map(|i| sym_off + i * 24)
        .filter(|&e| {
            let info = bytes[e + 4];
            let (bind, kind) = (info >> 4, info & 0xf);
            // STB_GLOBAL or STB_WEAK, STT_FUNC, defined (section index not SHN_UNDEF).
            (bind == 1 || bind == 2) && kind == 2 && u16_at(e + 6) != 0
        })
        .map(|e| name_at(strtab + u32_at(e) as usize))
        .filter(|n| n.starts_with("td_"))
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn the_same_td_functions_as_the_real_libtdjson() {
    let real = exported_td_functions(&real_path());
    let sim = exported_td_functions(&simulator_path());
    assert_eq!(
        real.len(),
        14,
        "the real library's td_* functions: {real:?}"
    );
    assert_eq!(sim, real);
}

/// On every platform: each of the fourteen functions resolves in the simulator's library.
#[test]
fn every_td_function_resolves() {
    let _serial = common::serial();
    let td = TdJson::load(&simulator_path());
    for name in [
        "td_create_client_id",
        "td_send",
        "td_receive",
        "td_execute",
        "td_json_client_create",
        "td_json_client_send",
        "td_json_client_receive",
        "td_json_client_execute",
        "td_json_client_destroy",
        "td_set_log_file_path",
        "td_set_log_max_file_size",
        "td_set_log_verbosity_level",
        "td_set_log_fatal_error_callback",
        "td_set_log_message_callback",
    ] {
        // SAFETY: only the symbol's presence is checked; nothing is called.
        let found = unsafe { td.library().get::<unsafe extern "C" fn()>(name.as_bytes()) };
        assert!(found.is_ok(), "{name} is not exported");
    }
}
