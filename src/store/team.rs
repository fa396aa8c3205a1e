//! The team's checkpoint (`desk::TeamCheckpoint`): what a client keeps of the duty group's
//! fold, so a start or a reconnect reads only the group's history after it. One row per
//! duty group, as JSON (the checkpoint writes its entries sorted, so the same state is the
//! same text); saving replaces the row. In: `Desk::team_checkpoint()` when
//! `Desk::team_revision()` moved. Out: the stored checkpoint of a group, for
//! `Desk::restore_team`.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::desk::{ChatId, TeamCheckpoint};

impl Store {
    /// Keeps `checkpoint` as its duty group's (replacing the one kept before).
    pub fn save_team_checkpoint(&mut self, checkpoint: &TeamCheckpoint) -> Result<(), StoreError> {
        let json = serde_json::to_string(checkpoint)
            .map_err(|e| self.corrupt(format!("cannot encode the team checkpoint: {e}")))?;
        self.conn
            .execute(
                "INSERT INTO team_checkpoints (duty_group, checkpoint) VALUES (?1, ?2)
                 ON CONFLICT (duty_group) DO UPDATE SET checkpoint = excluded.checkpoint",
                params![checkpoint.group, json],
            )
            .map_err(|e| self.sql("saving the team checkpoint", e))?;
        Ok(())
    }

    /// The checkpoint kept for `group`, if any. A row that no longer reads as a checkpoint
    /// is an error naming the group: the caller starts from the group's history instead.
    pub fn load_team_checkpoint(
        &self,
        group: ChatId,
    ) -> Result<Option<TeamCheckpoint>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT checkpoint FROM team_checkpoints WHERE duty_group = ?1",
                params![group],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql("reading the team checkpoint", e))?;
        json.map(|json| {
            serde_json::from_str(&json).map_err(|e| {
                self.corrupt(format!(
                    "team_checkpoints: the checkpoint of duty group {group} does not read: {e}"
                ))
            })
        })
        .transpose()
    }
}
