#!/usr/bin/env python3
"""Synthesizes DutyDesk's three alert sounds as 16-bit mono WAV files at 22,050 Hz:

    python3 assets/sounds/make_sounds.py    # writes alarm.wav, red.wav, breach.wav here

Made from sine partials with smooth envelopes, nothing sampled or recorded, so they are
DutyDesk's own (same licence as the code). Deterministic: the same bytes on every run.
Python's standard library only.

- red.wav: one soft two-note chime, rising (a chat waits too long: look soon).
- breach.wav: three falling notes, brighter (the SLA is breached: answer now).
- alarm.wav: a two-tone call, four times (a team alarm: everyone, now).
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def note(freq, length, start=0.0, level=1.0, decay=4.0, partials=((1, 1.0), (2, 0.35), (3, 0.12))):
    """(start, samples) of a bell-like note: quick attack, exponential decay."""
    n = int(length * RATE)
    attack = int(0.008 * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        env = (i / attack if i < attack else 1.0) * math.exp(-decay * t)
        # A short release so the note ends at zero, without a click.
        tail = n - i
        if tail < attack:
            env *= tail / attack
        s = sum(a * math.sin(2 * math.pi * freq * k * t) for k, a in partials)
        out.append(level * env * s)
    return int(start * RATE), out


def mix(length, notes):
    buf = [0.0] * int(length * RATE)
    for start, samples in notes:
        for i, s in enumerate(samples):
            if start + i < len(buf):
                buf[start + i] += s
    peak = max(abs(s) for s in buf) or 1.0
    # Normalised to -1 dBFS: the app's volume setting scales from there.
    gain = 10 ** (-1 / 20) / peak
    return [s * gain for s in buf]


def write(name, samples):
    with wave.open(str(HERE / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", round(s * 32767)) for s in samples))


def main():
    # E5 then A5: a gentle rise.
    write("red.wav", mix(0.9, [note(659.25, 0.45, 0.0, decay=6), note(880.0, 0.6, 0.18, decay=5)]))
    # A5, F5, D5: falling, brighter (a fourth partial).
    bright = ((1, 1.0), (2, 0.5), (3, 0.25), (4, 0.1))
    write("breach.wav", mix(1.0, [
        note(880.0, 0.35, 0.0, decay=5, partials=bright),
        note(698.46, 0.35, 0.22, decay=5, partials=bright),
        note(587.33, 0.55, 0.44, decay=4, partials=bright),
    ]))
    # B5/E5 alternating four times: an unmistakable call.
    call = []
    for k in range(4):
        call.append(note(987.77, 0.16, k * 0.34, decay=3, partials=bright))
        call.append(note(659.25, 0.16, k * 0.34 + 0.17, decay=3, partials=bright))
    write("alarm.wav", mix(1.4, call))


if __name__ == "__main__":
    main()
