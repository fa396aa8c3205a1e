//! Summaries of a set of waits: count, average, nearest-rank median and P90, longest, and
//! SLA shares (see the module docs of `figures` for the definitions).

use super::Thresholds;

/// Waits answered before red and before breach, of those decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SlaShare {
    pub within_red: u32,
    pub decided_red: u32,
    pub within_breach: u32,
    pub decided_breach: u32,
}

impl SlaShare {
    /// Share of decided waits answered before red, 0.0..=1.0; `None` with none decided.
    pub fn red_share(&self) -> Option<f64> {
        share(self.within_red, self.decided_red)
    }

    pub fn breach_share(&self) -> Option<f64> {
        share(self.within_breach, self.decided_breach)
    }

    pub(super) fn answered(&mut self, wait: i64, t: Thresholds) {
        self.decided_red += 1;
        self.decided_breach += 1;
        self.within_red += u32::from(wait < t.red_secs);
        self.within_breach += u32::from(wait < t.breach_secs);
    }

    /// An open wait counts only against the thresholds it has already passed.
    pub(super) fn open(&mut self, so_far: i64, t: Thresholds) {
        self.decided_red += u32::from(so_far >= t.red_secs);
        self.decided_breach += u32::from(so_far >= t.breach_secs);
    }
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// What a set of waits adds up to.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WaitStats {
    /// Answered waits.
    pub answered: u32,
    pub avg_secs: Option<f64>,
    pub median_secs: Option<i64>,
    pub p90_secs: Option<i64>,
    pub max_secs: Option<i64>,
    /// Waits with no reply yet (team and day figures only).
    pub open: u32,
    pub sla: SlaShare,
}

/// One row of figures being gathered: counts, sum and longest as waits come in; median and
/// P90 from a second pass that sees the row's waits in increasing order (`ranked`).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Group {
    answered: u32,
    sum: i64,
    max: i64,
    open: u32,
    sla: SlaShare,
    seen: u32,
    median: i64,
    p90: i64,
}

impl Group {
    pub fn answered(&mut self, wait: i64, t: Thresholds) {
        self.answered += 1;
        self.sum = self.sum.saturating_add(wait);
        self.max = if self.answered == 1 {
            wait
        } else {
            self.max.max(wait)
        };
        self.sla.answered(wait, t);
    }

    pub fn open(&mut self, so_far: i64, t: Thresholds) {
        self.open += 1;
        self.sla.open(so_far, t);
    }

    pub fn has_answered(&self) -> bool {
        self.answered > 0
    }

    /// The next of this group's answered waits in increasing order. Nearest rank: the
    /// k-th smallest, k = ceil(q * n).
    pub fn ranked(&mut self, wait: i64) {
        self.seen += 1;
        let n = self.answered;
        if self.seen == n.div_ceil(2) {
            self.median = wait;
        }
        if self.seen == (9 * n).div_ceil(10) {
            self.p90 = wait;
        }
    }

    pub fn finish(&self) -> WaitStats {
        let some = self.answered > 0;
        WaitStats {
            answered: self.answered,
            avg_secs: some.then(|| self.sum as f64 / f64::from(self.answered)),
            median_secs: some.then_some(self.median),
            p90_secs: some.then_some(self.p90),
            max_secs: some.then_some(self.max),
            open: self.open,
            sla: self.sla,
        }
    }
}
