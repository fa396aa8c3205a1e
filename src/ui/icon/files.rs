//! The icon as the files packages install, encoded here (no image crate): PNG (RGBA, one
//! zlib stream), Windows' .ico and macOS' .icns (both hold PNGs, as Windows Vista and macOS
//! 10.7 on read them). The copies under `packaging/icons/` are these files; the tests
//! below decode them and compare every pixel with `pixels`, so the picture a package
//! shows is the window's. `DUTYDESK_UPDATE_ICONS=1 cargo test -p dutydesk --lib icon`
//! writes them again after a change to the shapes.

use std::io::Write;

use super::pixels;

/// The sizes of the freedesktop hicolor theme a package installs (`<n>x<n>/apps/`).
pub const HICOLOR_SIZES: [u32; 9] = [16, 22, 24, 32, 48, 64, 128, 256, 512];
/// The sizes in the Windows .ico (256 is the largest Windows shows).
pub const ICO_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];
/// The .icns entries: type and side in pixels (`ic10` is 512@2x, `ic11`–`ic14` the
/// other @2x sizes).
pub const ICNS_ENTRIES: [(&[u8; 4], u32); 10] = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
];

/// The icon at `size` as a PNG file.
pub fn png(size: u32) -> Vec<u8> {
    encode_png(size, size, &pixels(size, None))
}

/// RGBA pixels as a PNG: 8 bits per channel, no filter, one IDAT chunk.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(rgba.len() + height as usize);
    for row in rgba.chunks(width as usize * 4) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).expect("writing to memory");
    let data = z.finish().expect("writing to memory");
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    // 8-bit RGBA, deflate, no filter method beyond the standard, no interlace.
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &data);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
}

/// The Windows icon: a directory of PNG images.
pub fn ico() -> Vec<u8> {
    let images: Vec<(u32, Vec<u8>)> = ICO_SIZES.iter().map(|&s| (s, png(s))).collect();
    let mut out = Vec::new();
    out.extend_from_slice(&[0, 0, 1, 0]); // reserved, type 1: icon
    out.extend_from_slice(&(images.len() as u16).to_le_bytes());
    let mut offset = 6 + 16 * images.len();
    for (size, data) in &images {
        // A side of 256 is written as 0.
        let side = if *size >= 256 { 0 } else { *size as u8 };
        out.extend_from_slice(&[side, side, 0, 0]);
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        offset += data.len();
    }
    for (_, data) in images {
        out.extend_from_slice(&data);
    }
    out
}

/// The macOS icon: `icns`, its length, then each entry's type, length and PNG.
pub fn icns() -> Vec<u8> {
    let mut body = Vec::new();
    for (kind, size) in ICNS_ENTRIES {
        let data = png(size);
        body.extend_from_slice(kind);
        body.extend_from_slice(&(data.len() as u32 + 8).to_be_bytes());
        body.extend_from_slice(&data);
    }
    let mut out = b"icns".to_vec();
    out.extend_from_slice(&(body.len() as u32 + 8).to_be_bytes());
    out.extend_from_slice(&body);
    out
}

/// The files under `packaging/icons/`, relative, named by `app_id` as the freedesktop icon
/// theme and Flatpak want; `all` gives their contents, in this order.
pub fn paths(app_id: &str) -> Vec<String> {
    let mut paths: Vec<String> = HICOLOR_SIZES
        .iter()
        .map(|&s| format!("hicolor/{s}x{s}/apps/{app_id}.png"))
        .collect();
    paths.push(format!("hicolor/scalable/apps/{app_id}.svg"));
    paths.push("dutydesk.ico".into());
    paths.push("dutydesk.icns".into());
    paths
}

/// Every file under `packaging/icons/`: relative path (as `paths`), contents.
pub fn all(app_id: &str) -> Vec<(String, Vec<u8>)> {
    let mut data: Vec<Vec<u8>> = HICOLOR_SIZES.iter().map(|&s| png(s)).collect();
    data.push(super::svg().into_bytes());
    data.push(ico());
    data.push(icns());
    paths(app_id).into_iter().zip(data).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::path::PathBuf;

    /// A PNG this module wrote (RGBA, filter 0) back to its size and pixels; anything else
    /// is a failure with the reason.
    fn decode_png(data: &[u8]) -> Result<(u32, u32, Vec<u8>), String> {
        let rest = data
            .strip_prefix(b"\x89PNG\r\n\x1a\n")
            .ok_or("no PNG signature")?;
        let (mut pos, mut size, mut idat) = (0, None, Vec::new());
        while pos + 12 <= rest.len() {
            let len = u32::from_be_bytes(rest[pos..pos + 4].try_into().unwrap()) as usize;
            let kind = &rest[pos + 4..pos + 8];
            let body = rest
                .get(pos + 8..pos + 8 + len)
                .ok_or("a chunk runs past the end")?;
            let crc = rest.get(pos + 8 + len..pos + 12 + len).ok_or("no CRC")?;
            let mut check = flate2::Crc::new();
            check.update(kind);
            check.update(body);
            if check.sum().to_be_bytes() != crc {
                return Err(format!("bad CRC in {}", String::from_utf8_lossy(kind)));
            }
            match kind {
                b"IHDR" => {
                    if body[8..] != [8, 6, 0, 0, 0] {
                        return Err(format!("not 8-bit RGBA: {:?}", &body[8..]));
                    }
                    let w = u32::from_be_bytes(body[0..4].try_into().unwrap());
                    let h = u32::from_be_bytes(body[4..8].try_into().unwrap());
                    size = Some((w, h));
                }
                b"IDAT" => idat.extend_from_slice(body),
                b"IEND" => break,
                _ => {}
            }
            pos += 12 + len;
        }
        let (w, h) = size.ok_or("no IHDR")?;
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&idat[..])
            .read_to_end(&mut raw)
            .map_err(|e| e.to_string())?;
        let stride = w as usize * 4 + 1;
        if raw.len() != stride * h as usize {
            return Err(format!("{} bytes for {w}x{h}", raw.len()));
        }
        let mut rgba = Vec::with_capacity(w as usize * h as usize * 4);
        for row in raw.chunks(stride) {
            if row[0] != 0 {
                return Err(format!("filter {}", row[0]));
            }
            rgba.extend_from_slice(&row[1..]);
        }
        Ok((w, h, rgba))
    }

    /// The drawn icon at `size`, drawn once per test process (a 1024 px one takes a while
    /// in a debug build).
    fn drawn(size: u32) -> std::sync::Arc<Vec<u8>> {
        use std::collections::HashMap;
        use std::sync::{Arc, Mutex, OnceLock};
        static DRAWN: OnceLock<Mutex<HashMap<u32, Arc<Vec<u8>>>>> = OnceLock::new();
        let mut drawn = DRAWN.get_or_init(Default::default).lock().unwrap();
        drawn
            .entry(size)
            .or_insert_with(|| Arc::new(pixels(size, None)))
            .clone()
    }

    fn same_picture(data: &[u8], size: u32, what: &str) {
        let (w, h, rgba) = decode_png(data).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!((w, h), (size, size), "{what}");
        assert!(rgba == *drawn(size), "{what}: not the drawn icon");
    }

    #[test]
    fn a_png_holds_the_drawn_pixels() {
        for size in [16, 64, 256] {
            same_picture(&png(size), size, &format!("{size} px"));
        }
    }

    /// The images of an .ico: each entry's side and its PNG.
    fn ico_images(ico: &[u8]) -> Vec<(u32, &[u8])> {
        assert_eq!(&ico[0..4], &[0, 0, 1, 0], "an icon directory");
        let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
        (0..count)
            .map(|i| {
                let entry = &ico[6 + 16 * i..6 + 16 * (i + 1)];
                let side = if entry[0] == 0 {
                    256
                } else {
                    u32::from(entry[0])
                };
                let len = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
                let offset = u32::from_le_bytes(entry[12..16].try_into().unwrap()) as usize;
                (side, &ico[offset..offset + len])
            })
            .collect()
    }

    /// The entries of an .icns: type and PNG, every length consistent.
    fn icns_images(icns: &[u8]) -> Vec<([u8; 4], &[u8])> {
        assert_eq!(&icns[0..4], b"icns");
        let total = u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize;
        assert_eq!(total, icns.len(), "the header's length");
        let (mut pos, mut entries) = (8, Vec::new());
        while pos < icns.len() {
            let kind: [u8; 4] = icns[pos..pos + 4].try_into().unwrap();
            let len = u32::from_be_bytes(icns[pos + 4..pos + 8].try_into().unwrap()) as usize;
            entries.push((kind, &icns[pos + 8..pos + len]));
            pos += len;
        }
        assert_eq!(pos, icns.len(), "entries end where the file does");
        entries
    }

    fn check_ico(ico: &[u8], what: &str) {
        let images = ico_images(ico);
        let sides: Vec<u32> = images.iter().map(|(s, _)| *s).collect();
        assert_eq!(sides, ICO_SIZES, "{what}");
        for (size, data) in images {
            same_picture(data, size, &format!("{what} {size}"));
        }
    }

    fn check_icns(icns: &[u8], what: &str) {
        let entries = icns_images(icns);
        assert_eq!(entries.len(), ICNS_ENTRIES.len(), "{what}");
        for ((kind, data), (want, size)) in entries.into_iter().zip(ICNS_ENTRIES) {
            assert_eq!(&kind, want, "{what}");
            same_picture(
                data,
                size,
                &format!("{what} {}", String::from_utf8_lossy(want)),
            );
        }
    }

    #[test]
    fn the_ico_and_icns_hold_each_size_as_a_png() {
        check_ico(&ico(), "ico");
        check_icns(&icns(), "icns");
    }

    /// The packaged copies are this code's picture: every image pixel for pixel (the
    /// encoder's compression may differ between versions, the picture may not), the SVG
    /// as written.
    #[test]
    fn the_packaged_icons_are_the_drawn_icon() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("packaging/icons");
        let update = std::env::var_os("DUTYDESK_UPDATE_ICONS").is_some();
        if update {
            for (path, data) in all(crate::APP_ID) {
                let file = dir.join(&path);
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, &data).unwrap();
            }
        }
        for path in paths(crate::APP_ID) {
            let file = dir.join(&path);
            let committed = std::fs::read(&file).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; write the icons with \
                     DUTYDESK_UPDATE_ICONS=1 cargo test -p dutydesk --lib icon",
                    file.display()
                )
            });
            let size = path
                .strip_prefix("hicolor/")
                .and_then(|p| p.split_once('x'))
                .and_then(|(n, _)| n.parse::<u32>().ok());
            match size {
                Some(size) => same_picture(&committed, size, &path),
                None if path.ends_with(".svg") => {
                    assert_eq!(
                        String::from_utf8_lossy(&committed),
                        super::super::svg(),
                        "{path}"
                    )
                }
                None if path.ends_with(".ico") => check_ico(&committed, &path),
                None => check_icns(&committed, &path),
            }
        }
    }
}
