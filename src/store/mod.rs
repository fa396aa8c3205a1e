//! The local SQLite store: pins, stars, notes, settings and the statistics event log.
