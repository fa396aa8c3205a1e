//! What `t!` costs a view that calls it every frame: nanoseconds and heap allocations per
//! lookup, for a plain label, a number with a plural, and a padded time, in English and
//! Russian. `cargo bench -p i18n --bench lookup`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use i18n::{Language, t, with_language};

struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const ROUNDS: u32 = 200_000;

fn measure(name: &str, language: Language, mut lookup: impl FnMut(u32) -> String) {
    with_language(language, || {
        // The first call builds the language's bundle: not what a frame pays.
        black_box(lookup(0));
        let allocations = ALLOCATIONS.load(Ordering::Relaxed);
        let start = Instant::now();
        for i in 0..ROUNDS {
            black_box(lookup(i));
        }
        let elapsed = start.elapsed();
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations;
        println!(
            "{name:<40} {:>3}  {:>6.0} ns/lookup  {:.1} allocations/lookup",
            language.code(),
            elapsed.as_nanos() as f64 / f64::from(ROUNDS),
            allocations as f64 / f64::from(ROUNDS),
        );
    });
}

fn main() {
    for language in [Language::En, Language::Ru] {
        measure("plain label (notifications-open-chat)", language, |_| {
            t!("notifications-open-chat")
        });
        measure("number (time-waiting-minutes)", language, |i| {
            t!("time-waiting-minutes", minutes = i % 60)
        });
        measure("plural (notifications-more-chats)", language, |i| {
            t!("notifications-more-chats", count = i % 200)
        });
        measure("padded time (time-today)", language, |i| {
            t!("time-today", hour = i % 24, minute = i % 60)
        });
        measure("select + 2 numbers (time-this-week)", language, |i| {
            t!(
                "time-this-week",
                weekday = "wed",
                hour = i % 24,
                minute = i % 60
            )
        });
    }
}
