//! Reading the bundled alert sounds: RIFF/WAVE files of 16-bit PCM, any channel count and
//! rate, into samples between -1 and 1. Only what `assets/sounds/make_sounds.py` writes is
//! needed, but the reader refuses anything else with a reason instead of panicking
//! (property-tested), so a replaced file can never take the window down.

/// A decoded sound: interleaved samples, their channels and rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Pcm {
    pub channels: u16,
    pub rate: u32,
    pub samples: Vec<f32>,
}

/// Why a file is not a sound this reader plays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WavError {
    #[error("not a RIFF/WAVE file")]
    NotWave,
    #[error("chunk {0:?} runs past the end of the file")]
    Truncated(String),
    #[error("no fmt chunk before the data")]
    NoFormat,
    #[error("format {format} with {bits} bits per sample; only 16-bit PCM is read")]
    Unsupported { format: u16, bits: u16 },
    #[error("{channels} channels at {rate} Hz cannot be played")]
    BadShape { channels: u16, rate: u32 },
    #[error("no data chunk")]
    NoData,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Reads a WAVE file's 16-bit PCM samples.
pub fn read(bytes: &[u8]) -> Result<Pcm, WavError> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(WavError::NotWave);
    }
    let mut pos = 12;
    let mut shape: Option<(u16, u32)> = None;
    while pos + 8 <= bytes.len() {
        let id = &bytes[pos..pos + 4];
        let name = String::from_utf8_lossy(id).into_owned();
        let len = u32_at(bytes, pos + 4).ok_or(WavError::Truncated(name.clone()))? as usize;
        let body = pos
            .checked_add(8)
            .and_then(|start| Some(start..start.checked_add(len)?))
            .and_then(|range| bytes.get(range))
            .ok_or(WavError::Truncated(name))?;
        match id {
            b"fmt " => {
                let format = u16_at(body, 0).ok_or(WavError::NoFormat)?;
                let channels = u16_at(body, 2).ok_or(WavError::NoFormat)?;
                let rate = u32_at(body, 4).ok_or(WavError::NoFormat)?;
                let bits = u16_at(body, 14).ok_or(WavError::NoFormat)?;
                if format != 1 || bits != 16 {
                    return Err(WavError::Unsupported { format, bits });
                }
                if channels == 0 || channels > 8 || !(8_000..=192_000).contains(&rate) {
                    return Err(WavError::BadShape { channels, rate });
                }
                shape = Some((channels, rate));
            }
            b"data" => {
                let (channels, rate) = shape.ok_or(WavError::NoFormat)?;
                let samples = body
                    .chunks_exact(2)
                    .map(|s| f32::from(i16::from_le_bytes([s[0], s[1]])) / 32768.0)
                    .collect();
                return Ok(Pcm {
                    channels,
                    rate,
                    samples,
                });
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        pos += 8 + len + (len & 1);
    }
    Err(WavError::NoData)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn wav(channels: u16, rate: u32, samples: &[i16]) -> Vec<u8> {
        let data: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
        out.extend_from_slice(b"WAVEfmt ");
        out.extend_from_slice(&16u32.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&channels.to_le_bytes());
        out.extend_from_slice(&rate.to_le_bytes());
        out.extend_from_slice(&(rate * u32::from(channels) * 2).to_le_bytes());
        out.extend_from_slice(&(channels * 2).to_le_bytes());
        out.extend_from_slice(&16u16.to_le_bytes());
        out.extend_from_slice(b"data");
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&data);
        out
    }

    #[test]
    fn sixteen_bit_pcm_reads_as_samples_between_minus_one_and_one() {
        let pcm = read(&wav(2, 22_050, &[0, 16384, -32768, 32767])).unwrap();
        assert_eq!((pcm.channels, pcm.rate), (2, 22_050));
        assert_eq!(pcm.samples[..3], [0.0, 0.5, -1.0]);
        assert!((pcm.samples[3] - 1.0).abs() < 1e-4);
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        assert_eq!(read(b"OggS...."), Err(WavError::NotWave));
        let mut eight_bit = wav(1, 22_050, &[1, 2]);
        eight_bit[34] = 8;
        assert_eq!(
            read(&eight_bit),
            Err(WavError::Unsupported { format: 1, bits: 8 })
        );
        let mut cut = wav(1, 22_050, &[1, 2, 3]);
        cut.truncate(cut.len() - 2);
        assert_eq!(read(&cut), Err(WavError::Truncated("data".into())));
        assert_eq!(
            read(&wav(0, 22_050, &[])),
            Err(WavError::BadShape {
                channels: 0,
                rate: 22_050
            })
        );
    }

    #[test]
    fn the_bundled_sounds_read() {
        for (name, bytes) in super::super::Sound::ALL.map(|s| (s, s.wav())) {
            let pcm = read(bytes).unwrap_or_else(|e| panic!("{name:?}: {e}"));
            assert_eq!((pcm.channels, pcm.rate), (1, 22_050), "{name:?}");
            let seconds = pcm.samples.len() as f32 / pcm.rate as f32;
            assert!((0.5..2.0).contains(&seconds), "{name:?}: {seconds} s");
            let peak = pcm.samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
            assert!((0.8..=1.0).contains(&peak), "{name:?}: peak {peak}");
        }
    }

    proptest! {
        #[test]
        fn no_input_panics_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = read(&bytes);
        }

        #[test]
        fn a_wave_header_with_arbitrary_chunks_never_panics(
            tail in proptest::collection::vec(any::<u8>(), 0..256)
        ) {
            let mut bytes = b"RIFF\0\0\0\0WAVE".to_vec();
            bytes.extend_from_slice(&tail);
            let _ = read(&bytes);
        }
    }
}
