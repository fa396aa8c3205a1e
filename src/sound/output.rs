//! The sound card, on a thread of its own: opening an output device can block (PulseAudio,
//! a Bluetooth headset waking up) and must never stall the window. The thread starts at
//! the first sound, opens the default device then (and again at a later sound if that
//! failed: a headset plugged in), and mixes each sound in as it comes.

use std::collections::HashMap;
use std::num::NonZero;
use std::sync::Mutex;
use std::sync::mpsc::{self, Sender};

use rodio::Source;

use super::{Sound, wav};

pub(super) struct Output {
    requests: Mutex<Option<Sender<(Sound, f32)>>>,
}

impl Output {
    pub fn new() -> Output {
        Output {
            requests: Mutex::new(None),
        }
    }

    pub fn play(&self, sound: Sound, amplitude: f32) {
        let mut requests = self.requests.lock().unwrap_or_else(|e| e.into_inner());
        if requests.is_none() {
            let (tx, rx) = mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("sound".into())
                .spawn(move || run(rx));
            if let Err(e) = spawned {
                tracing::warn!("no sound: {e}");
                return;
            }
            *requests = Some(tx);
        }
        if let Some(tx) = requests.as_ref() {
            let _ = tx.send((sound, amplitude));
        }
    }
}

fn run(requests: mpsc::Receiver<(Sound, f32)>) {
    let mut device: Option<rodio::MixerDeviceSink> = None;
    let mut decoded: HashMap<Sound, wav::Pcm> = HashMap::new();
    let mut warned = false;
    for (sound, amplitude) in requests {
        if device.is_none() {
            match rodio::DeviceSinkBuilder::open_default_sink() {
                Ok(mut sink) => {
                    sink.log_on_drop(false);
                    device = Some(sink);
                }
                Err(e) if !warned => {
                    tracing::warn!("no sound device: {e}");
                    warned = true;
                }
                Err(e) => tracing::debug!("no sound device: {e}"),
            }
        }
        let Some(sink) = &device else { continue };
        let pcm = match decoded.get(&sound) {
            Some(pcm) => pcm,
            None => match wav::read(sound.wav()) {
                Ok(pcm) => decoded.entry(sound).or_insert(pcm),
                Err(e) => {
                    tracing::error!(?sound, "the bundled sound does not read: {e}");
                    continue;
                }
            },
        };
        let (Some(channels), Some(rate)) = (NonZero::new(pcm.channels), NonZero::new(pcm.rate))
        else {
            continue;
        };
        let source = rodio::buffer::SamplesBuffer::new(channels, rate, pcm.samples.clone());
        sink.mixer().add(source.amplify(amplitude));
    }
}
