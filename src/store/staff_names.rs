//! Staff names: user id → the display name Telegram last gave for someone the desk took for
//! staff (this account, the duty group's members, the extra staff). The statistics log keeps
//! ids only; the Statistics screen and `dutydesk stats` name each admin from here, also for
//! colleagues who have since left the group. Customers' names are never written here.

use std::collections::HashMap;

use i18n::t;
use rusqlite::{TransactionBehavior, params};

use super::{Store, StoreError};
use crate::desk::UserId;

impl Store {
    /// Remembers staff names (a newer name replaces the older), in one transaction.
    pub fn save_staff_names(&mut self, names: &[(UserId, String)]) -> Result<(), StoreError> {
        if names.is_empty() {
            return Ok(());
        }
        let what = &t!("store-saving-staff-names");
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO staff_names (user, name) VALUES (?1, ?2)
                     ON CONFLICT (user) DO UPDATE SET name = excluded.name
                     WHERE name <> excluded.name",
                )
                .map_err(err)?;
            for (user, name) in names {
                st.execute(params![user, name]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Every staff name kept.
    pub fn staff_names(&self) -> Result<HashMap<UserId, String>, StoreError> {
        let rows: Vec<(UserId, String)> = self.all_rows(
            &t!("store-reading-staff-names"),
            "SELECT user, name FROM staff_names",
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(rows.into_iter().collect())
    }
}
