//! Picking a quick reply from 500 templates as the admin types, one keystroke at a time:
//! the picker filters on every keystroke, so each filter must take well under a frame.
//! Target: under 1 ms per keystroke. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p desk --bench quick_replies`

use std::hint::black_box;
use std::time::{Duration, Instant};

use desk::toolkit::template::{Template, pick};

const TEMPLATES: usize = 500;
const ROUNDS: usize = 200;

/// 500 templates of realistic length, in English and Russian, with variables and fields.
fn templates() -> Vec<Template> {
    let topics = [
        (
            "Password reset",
            "To reset the admin password open Settings → Security → Reset, or tell me the account ID ({id}).",
        ),
        (
            "ETA",
            "We are on it: the fix should be live in {eta}. I will write again at {time}.",
        ),
        (
            "Greeting",
            "Hello {customer_first_name}! This is {my_name} from support, looking into it now.",
        ),
        (
            "Сброс пароля",
            "Чтобы сбросить пароль, откройте Настройки → Безопасность → Сброс, или пришлите ID аккаунта ({id}).",
        ),
        (
            "Задача создана",
            "Завела задачу {task}, ответим до {date}. Спасибо за терпение, {customer_first_name}!",
        ),
        (
            "DNS",
            "DNS changes take up to 24 hours to apply everywhere; yours were saved at {time} on {date}.",
        ),
        (
            "Quota",
            "The disk quota for {chat_title} is raised; it applies within {eta}.",
        ),
        (
            "Invoice",
            "The invoice for last month is in the control panel under Billing → Invoices ({id}).",
        ),
    ];
    (0..TEMPLATES)
        .map(|i| {
            let (name, text) = topics[i % topics.len()];
            Template::new(&format!("{name} {i}"), &format!("{text} (ref {i})"), &[])
                .expect("a valid template")
        })
        .collect()
}

fn main() {
    let all = templates();
    let queries = [
        "password reset",
        "сброс пароля",
        "eta live",
        "invoice billing",
        "xyzzy",
    ];
    let mut times: Vec<Duration> = Vec::new();
    let mut found = 0usize;
    for _ in 0..ROUNDS {
        for query in queries {
            // Keystroke by keystroke, as typed.
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let start = Instant::now();
                let matches = pick(black_box(&all), black_box(&typed));
                times.push(start.elapsed());
                found += matches.len();
            }
        }
    }
    times.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "quick replies: filtering {TEMPLATES} templates per keystroke: median {:.1} µs, p95 {:.1} µs, max {:.1} µs ({} keystrokes; target < 1000 µs)",
        us(times[times.len() / 2]),
        us(times[times.len() * 95 / 100]),
        us(times[times.len() - 1]),
        times.len()
    );
    black_box(found);
}
