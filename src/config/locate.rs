//! Where a problem is in the config's text: the line of a byte offset and the dotted key
//! written there, including `[[array]]` entries counted from 1.

/// The 1-based line of `offset` and the dotted key written there (`table.key`).
pub(super) fn locate(text: &str, offset: usize) -> (usize, String) {
    let offset = offset.min(text.len());
    let line = text[..offset].matches('\n').count() + 1;
    let mut table = String::new();
    let mut key = String::new();
    let mut arrays = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = header(l, &mut arrays) {
            table = name;
            key.clear();
        } else if let Some((k, _)) = l.split_once('=') {
            key = k.trim().trim_matches('"').to_string();
        }
        if i + 1 == line {
            if l.starts_with('[') {
                key.clear();
            }
            break;
        }
    }
    let dotted = match (table.is_empty(), key.is_empty()) {
        (true, _) => key,
        (false, true) => table,
        (false, false) => format!("{table}.{key}"),
    };
    (line, dotted)
}

/// The table a header line opens; arrays of tables are numbered from 1 in the file's order:
/// `[[trackers]]` → `trackers[2]`, and `[trackers.projects]` below it → `trackers[2].projects`.
fn header(line: &str, arrays: &mut Vec<(String, usize)>) -> Option<String> {
    if !line.starts_with('[') {
        return None;
    }
    let line = line.split('#').next().unwrap_or_default().trim_end();
    if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
        let name = name.trim().to_string();
        let n = match arrays.iter_mut().find(|(a, _)| *a == name) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                arrays.push((name.clone(), 1));
                1
            }
        };
        return Some(format!("{name}[{n}]"));
    }
    let name = line.strip_prefix('[')?.strip_suffix(']')?.trim();
    for (array, n) in arrays.iter() {
        if let Some(rest) = name
            .strip_prefix(array.as_str())
            .and_then(|r| r.strip_prefix('.'))
        {
            return Some(format!("{array}[{n}].{rest}"));
        }
    }
    Some(name.to_string())
}

/// The line of `field` (`base_url`, or `projects."-100"` in a sub-table) in the `index`-th
/// (from 0) `[[array]]` entry; the entry's header line when the field is not written there.
pub(super) fn line_of_array_key(
    text: &str,
    array: &str,
    index: usize,
    field: &str,
) -> Option<usize> {
    let entry = format!("{array}[{}]", index + 1);
    let (table, key) = match field.split_once('.') {
        Some((sub, key)) => (format!("{entry}.{sub}"), key.trim_matches('"')),
        None => (entry.clone(), field),
    };
    let mut arrays = Vec::new();
    let mut current = String::new();
    let mut entry_line = None;
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = header(l, &mut arrays) {
            if name == entry {
                entry_line = Some(i + 1);
            }
            current = name;
        } else if current == table
            && l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        {
            return Some(i + 1);
        }
    }
    entry_line
}

/// The line where a dotted key (`table.key`) is written, if it is.
pub(super) fn line_of_key(text: &str, dotted: &str) -> Option<usize> {
    let (table, key) = dotted.rsplit_once('.').unwrap_or(("", dotted));
    let mut current = String::new();
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim().to_string();
        } else if current == table
            && l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        {
            return Some(i + 1);
        }
    }
    None
}
