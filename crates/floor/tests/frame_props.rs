//! The frame decoder over arbitrary bytes, split anywhere: it never panics, never allocates
//! more than its limit (a counting allocator watches the largest allocation), and reads back
//! every frame it wrote whatever the reads' sizes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Read;

use floor::frame::{Frame, FrameError, read_frame};
use proptest::prelude::*;

/// Records the largest single allocation of a thread while it watches (tests run on
/// several threads; only the decoding thread's allocations count).
struct Counting;

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    // try_with: the allocator also runs while thread-locals are torn down.
    if WATCHING.try_with(Cell::get).unwrap_or(false) {
        let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The largest allocation `f` made.
fn largest_allocation<R>(f: impl FnOnce() -> R) -> (R, usize) {
    LARGEST.set(0);
    WATCHING.set(true);
    let r = f();
    WATCHING.set(false);
    (r, LARGEST.get())
}

/// Hands out the bytes in pieces of the given sizes (as a socket may).
struct Pieces<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes.get(self.next).copied().unwrap_or(7).max(1);
        self.next += 1;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Decodes frames until an error; returns them and the error.
fn decode_all(bytes: &[u8], sizes: Vec<usize>, limit: usize) -> (Vec<Frame>, FrameError) {
    let mut r = Pieces {
        bytes,
        sizes,
        next: 0,
    };
    let mut out = Vec::new();
    loop {
        match read_frame(&mut r, limit) {
            Ok(f) => out.push(f),
            Err(e) => return (out, e),
        }
    }
}

fn frame() -> impl Strategy<Value = Frame> {
    let text = ".{0,40}";
    prop_oneof![
        (any::<u16>(), "[A-Z0-9]{0,40}", text).prop_map(|(version, token, name)| Frame::Hello {
            version,
            token,
            name
        }),
        (any::<u16>(), text).prop_map(|(version, info)| Frame::Welcome { version, info }),
        text.prop_map(|reason| Frame::Refused { reason }),
        any::<u32>().prop_map(|tag| Frame::Create { tag }),
        (any::<u32>(), any::<i32>()).prop_map(|(tag, client_id)| Frame::Created { tag, client_id }),
        (any::<i32>(), text).prop_map(|(client_id, json)| Frame::Send { client_id, json }),
        (any::<i32>(), text).prop_map(|(client_id, json)| Frame::Object { client_id, json }),
        (any::<u32>(), text).prop_map(|(tag, json)| Frame::Execute { tag, json }),
        (any::<u32>(), proptest::option::of(".{1,40}"))
            .prop_map(|(tag, json)| Frame::Executed { tag, json }),
        any::<u64>().prop_map(Frame::Ping),
        any::<u64>().prop_map(Frame::Pong),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_bytes_never_panic_nor_allocate_past_the_limit(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        sizes in proptest::collection::vec(1usize..64, 0..40),
        limit in 1usize..256,
    ) {
        let ((frames, _), largest) = largest_allocation(|| decode_all(&bytes, sizes, limit));
        // The body buffer is at most `limit`; text copied out of it is smaller still.
        prop_assert!(largest <= limit.max(64), "allocated {largest} with limit {limit}");
        for f in frames {
            prop_assert!(f.encode().len() <= limit + 4);
        }
    }

    #[test]
    fn a_huge_length_is_refused_without_allocating_it(
        length in 1_000_000u32..,
        rest in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = length.to_be_bytes().to_vec();
        bytes.extend(rest);
        let ((frames, err), largest) = largest_allocation(|| decode_all(&bytes, vec![3], 4096));
        prop_assert!(frames.is_empty());
        let is_oversized = matches!(err, FrameError::Oversized { .. });
        prop_assert!(is_oversized, "{err}");
        prop_assert!(largest < 4096);
    }

    #[test]
    fn written_frames_read_back_however_the_bytes_arrive(
        frames in proptest::collection::vec(frame(), 0..8),
        sizes in proptest::collection::vec(1usize..32, 0..100),
    ) {
        let bytes: Vec<u8> = frames.iter().flat_map(Frame::encode).collect();
        let (back, end) = decode_all(&bytes, sizes, 1 << 16);
        prop_assert_eq!(back, frames);
        let is_closed = matches!(end, FrameError::Closed);
        prop_assert!(is_closed, "{end}");
    }

    #[test]
    fn a_cut_stream_is_truncated_never_a_wrong_frame(
        frames in proptest::collection::vec(frame(), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let bytes: Vec<u8> = frames.iter().flat_map(Frame::encode).collect();
        let at = cut.index(bytes.len());
        let (back, end) = decode_all(&bytes[..at], vec![], 1 << 16);
        // Every frame read is one that was written, in order.
        prop_assert_eq!(&back[..], &frames[..back.len()]);
        let whole: usize = frames[..back.len()].iter().map(|f| f.encode().len()).sum();
        if whole == at {
            let is_closed = matches!(end, FrameError::Closed);
            prop_assert!(is_closed, "{end}");
        } else {
            let is_truncated = matches!(end, FrameError::Truncated { .. });
            prop_assert!(is_truncated, "{end}");
        }
    }
}
