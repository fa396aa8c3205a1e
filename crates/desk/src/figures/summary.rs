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

/// Waits being gathered for one row of figures.
#[derive(Debug, Clone, Default)]
pub(super) struct Acc {
    pub waits: Vec<i64>,
    pub open: u32,
    pub sla: SlaShare,
}

impl Acc {
    pub fn answered(&mut self, wait: i64, t: Thresholds) {
        self.waits.push(wait);
        self.sla.answered(wait, t);
    }

    pub fn open(&mut self, so_far: i64, t: Thresholds) {
        self.open += 1;
        self.sla.open(so_far, t);
    }

    pub fn finish(mut self) -> WaitStats {
        let w = &mut self.waits;
        let n = w.len();
        let mut stats = WaitStats {
            answered: n as u32,
            open: self.open,
            sla: self.sla,
            ..WaitStats::default()
        };
        if n == 0 {
            return stats;
        }
        let sum: i128 = w.iter().map(|&x| i128::from(x)).sum();
        stats.avg_secs = Some(sum as f64 / n as f64);
        stats.max_secs = w.iter().copied().max();
        // Nearest rank: the k-th smallest, k = ceil(q * n).
        let p90 = (9 * n).div_ceil(10) - 1;
        stats.p90_secs = Some(*w.select_nth_unstable(p90).1);
        let median = n.div_ceil(2) - 1;
        // After the first selection everything below p90 is to its left.
        stats.median_secs = Some(*w[..=p90].select_nth_unstable(median).1);
        stats
    }
}
