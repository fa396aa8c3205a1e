//! DutyDesk: a desktop Telegram client for support duty administrators.

pub mod desk;
pub mod store;
