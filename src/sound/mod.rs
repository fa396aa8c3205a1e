//! Alert sounds: the alarm (a team alarm), red (a customer waited too long) and breach
//! (the SLA is breached), each switchable, at one volume, silent during quiet hours and
//! while muted from the tray.
//!
//! What flows in: the sounds a batch of desk transitions or team alarms asks for, the
//! config's `[notifications]` switches (`alarm_sound`, `red_sound`, `breach_sound`,
//! `volume`, `quiet_hours`), the local minute of the day and whether the tray muted sounds.
//! What flows out: at most one sound per batch (the most urgent: alarm, then breach, then
//! red), played by a `Player`.
//!
//! Why real playback rather than the notification's sound hint: the hint has no volume,
//! depends on the notification server's theme (many play nothing) and on notifications
//! being on. The sounds are DutyDesk's own (`assets/sounds`, synthesized by
//! `make_sounds.py`), embedded as 16-bit WAV, read by `wav` and played through rodio with
//! only its playback feature (cpal; ALSA on Linux): no decoder crates.

mod output;
pub mod wav;

use std::sync::{Arc, Mutex};

use crate::config::NotificationConfig;

/// One of the alert sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sound {
    /// A chat turned red: a customer waited too long.
    Red,
    /// A chat breached the SLA.
    Breach,
    /// A team alarm was raised.
    Alarm,
}

impl Sound {
    pub const ALL: [Sound; 3] = [Sound::Red, Sound::Breach, Sound::Alarm];

    /// The embedded WAV file.
    pub fn wav(self) -> &'static [u8] {
        match self {
            Sound::Red => include_bytes!("../../assets/sounds/red.wav"),
            Sound::Breach => include_bytes!("../../assets/sounds/breach.wav"),
            Sound::Alarm => include_bytes!("../../assets/sounds/alarm.wav"),
        }
    }
}

/// `quiet_hours = "22:00-07:00"`: no sound from the first time up to the second, which may
/// be on the next day; local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    /// Minutes after midnight.
    start: u16,
    end: u16,
}

/// Why a `quiet_hours` value does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuietHoursError(pub String);

impl QuietHours {
    /// Reads `HH:MM-HH:MM` (24-hour); an empty text is no quiet hours. `24:00` ends at
    /// midnight; the same start and end would be a silent day or none, so it is refused.
    pub fn parse(text: &str) -> Result<Option<QuietHours>, QuietHoursError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let bad = || QuietHoursError(text.to_string());
        let (start, end) = text.split_once('-').ok_or_else(bad)?;
        let minute = |t: &str| -> Option<u16> {
            let (h, m) = t.trim().split_once(':')?;
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
        };
        let (start, end) = (minute(start).ok_or_else(bad)?, minute(end).ok_or_else(bad)?);
        let (start, end) = (start % 1440, end % 1440);
        if start == end {
            return Err(bad());
        }
        Ok(Some(QuietHours { start, end }))
    }

    /// Whether `minute` (after local midnight) is quiet.
    pub fn contains(&self, minute: u16) -> bool {
        if self.start < self.end {
            (self.start..self.end).contains(&minute)
        } else {
            minute >= self.start || minute < self.end
        }
    }
}

/// The local minute of the day at `unix` seconds, by the OS's time zone: quiet hours are
/// the admin's own evening, wherever the team's statistics zone is.
pub fn local_minute(unix: i64) -> u16 {
    use chrono::{TimeZone, Timelike};
    chrono::Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or(0, |t| (t.hour() * 60 + t.minute()) as u16)
}

/// The config's sound settings, read once per decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    alarm: bool,
    red: bool,
    breach: bool,
    /// 0–100.
    volume: u8,
    quiet: Option<QuietHours>,
}

impl Policy {
    pub fn new(n: &NotificationConfig) -> Policy {
        Policy {
            alarm: n.alarm_sound,
            red: n.red_sound,
            breach: n.breach_sound,
            volume: n.volume.min(100),
            // The config was checked when it loaded; a bad value here means none.
            quiet: QuietHours::parse(&n.quiet_hours).ok().flatten(),
        }
    }

    /// The sound to play for a batch that asked for `wanted`, and its amplitude (0–1), or
    /// nothing: the most urgent switched on, unless muted, quiet or at volume 0.
    pub fn pick(&self, wanted: &[Sound], local_minute: u16, muted: bool) -> Option<(Sound, f32)> {
        if muted || self.volume == 0 || self.quiet.is_some_and(|q| q.contains(local_minute)) {
            return None;
        }
        let on = |s: &Sound| match s {
            Sound::Alarm => self.alarm,
            Sound::Red => self.red,
            Sound::Breach => self.breach,
        };
        let sound = wanted.iter().copied().filter(on).max()?;
        Some((sound, amplitude(self.volume)))
    }
}

/// The volume setting as an amplitude: squared, so equal steps sound about equally apart.
pub fn amplitude(volume: u8) -> f32 {
    let v = f32::from(volume.min(100)) / 100.0;
    v * v
}

/// A sound played (or, in tests, recorded): which, and how loud.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Played {
    pub sound: Sound,
    pub amplitude: f32,
}

/// Where sounds go: the sound card (on a thread of its own, opened at the first sound), or
/// a list tests read.
#[derive(Clone)]
pub struct Player(Arc<Sink>);

enum Sink {
    Device(output::Output),
    Recording(Mutex<Vec<Played>>),
}

impl std::fmt::Debug for Player {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match *self.0 {
            Sink::Device(_) => "Player(device)",
            Sink::Recording(_) => "Player(recording)",
        })
    }
}

impl Player {
    /// The system's default output device.
    pub fn device() -> Player {
        Player(Arc::new(Sink::Device(output::Output::new())))
    }

    /// Plays nothing; remembers what it was asked to play (tests, the headless harness).
    pub fn recording() -> Player {
        Player(Arc::new(Sink::Recording(Mutex::new(Vec::new()))))
    }

    /// Plays `sound` at `amplitude` without waiting for it.
    pub fn play(&self, sound: Sound, amplitude: f32) {
        match &*self.0 {
            Sink::Device(output) => output.play(sound, amplitude),
            Sink::Recording(list) => list
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(Played { sound, amplitude }),
        }
    }

    /// What a recording player was asked to play, oldest first (empty for a device).
    pub fn played(&self) -> Vec<Played> {
        match &*self.0 {
            Sink::Device(_) => Vec::new(),
            Sink::Recording(list) => list.lock().unwrap_or_else(|e| e.into_inner()).clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn config() -> NotificationConfig {
        NotificationConfig::default()
    }

    #[test]
    fn quiet_hours_read_and_may_run_past_midnight() {
        let night = QuietHours::parse("22:00-07:30").unwrap().unwrap();
        assert!(night.contains(22 * 60));
        assert!(night.contains(0));
        assert!(night.contains(7 * 60 + 29));
        assert!(!night.contains(7 * 60 + 30));
        assert!(!night.contains(12 * 60));
        let lunch = QuietHours::parse(" 13:00 - 14:00 ").unwrap().unwrap();
        assert!(lunch.contains(13 * 60 + 59) && !lunch.contains(14 * 60));
        let evening = QuietHours::parse("18:00-24:00").unwrap().unwrap();
        assert!(evening.contains(23 * 60 + 59) && !evening.contains(0));
        assert_eq!(QuietHours::parse(""), Ok(None));
        for bad in [
            "22-07",
            "25:00-07:00",
            "22:00",
            "7:5-8:00",
            "10:00-10:00",
            "a:00-b:00",
        ] {
            assert!(QuietHours::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_most_urgent_sound_switched_on_plays_at_the_volume() {
        let mut n = config();
        n.volume = 50;
        let policy = Policy::new(&n);
        let all = [Sound::Red, Sound::Alarm, Sound::Breach];
        assert_eq!(policy.pick(&all, 600, false), Some((Sound::Alarm, 0.25)));
        assert_eq!(
            policy
                .pick(&[Sound::Red, Sound::Breach], 600, false)
                .unwrap()
                .0,
            Sound::Breach
        );
        assert_eq!(policy.pick(&[], 600, false), None);
        n.alarm_sound = false;
        assert_eq!(
            Policy::new(&n).pick(&all, 600, false).unwrap().0,
            Sound::Breach
        );
        n.breach_sound = false;
        n.red_sound = false;
        assert_eq!(Policy::new(&n).pick(&all, 600, false), None);
    }

    #[test]
    fn muted_quiet_or_silent_plays_nothing() {
        let mut n = config();
        n.quiet_hours = "22:00-07:00".into();
        let policy = Policy::new(&n);
        assert_eq!(policy.pick(&[Sound::Alarm], 23 * 60, false), None, "quiet");
        assert!(policy.pick(&[Sound::Alarm], 12 * 60, false).is_some());
        assert_eq!(policy.pick(&[Sound::Alarm], 12 * 60, true), None, "muted");
        n.volume = 0;
        assert_eq!(Policy::new(&n).pick(&[Sound::Alarm], 12 * 60, false), None);
    }

    #[test]
    fn a_recording_player_keeps_what_it_was_asked() {
        let player = Player::recording();
        player.play(Sound::Red, 0.5);
        player.clone().play(Sound::Alarm, 1.0);
        assert_eq!(
            player.played(),
            vec![
                Played {
                    sound: Sound::Red,
                    amplitude: 0.5
                },
                Played {
                    sound: Sound::Alarm,
                    amplitude: 1.0
                }
            ]
        );
    }

    proptest! {
        #[test]
        fn no_quiet_hours_text_panics_the_reader(text in ".{0,20}") {
            let _ = QuietHours::parse(&text);
        }

        #[test]
        fn valid_ranges_cover_their_start_and_not_their_end(
            start in 0u16..1440, end in 0u16..1440
        ) {
            prop_assume!(start != end);
            let text = format!("{:02}:{:02}-{:02}:{:02}", start / 60, start % 60, end / 60, end % 60);
            let quiet = QuietHours::parse(&text).unwrap().unwrap();
            prop_assert!(quiet.contains(start));
            prop_assert!(!quiet.contains(end));
        }
    }
}
