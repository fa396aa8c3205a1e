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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::team::protocol::build;
    use crate::desk::{Action, Desk, Event, MemberStatus, Sender, Settings, TeamMessage};

    const DUTY: ChatId = -1_000_000_000_900;

    fn checkpoint(alarm_on: ChatId) -> TeamCheckpoint {
        let mut settings = Settings::default();
        settings.staff.duty_group = Some(DUTY);
        let mut desk = Desk::new(settings);
        let members = vec![(7, MemberStatus::Member)];
        desk.apply(
            Event::DutyGroupMembers {
                chat: DUTY,
                members,
                complete: true,
            },
            0,
        );
        let action = Action::RaiseAlarm {
            chat: alarm_on,
            message: None,
            reason: Some("site down".into()),
        };
        desk.apply(
            Event::TeamMessage(TeamMessage {
                chat: DUTY,
                id: 1 << 20,
                sender: Sender::User(7),
                date: 100,
                text: build("alarm", &action),
                forwarded: false,
                pinned: false,
            }),
            100,
        );
        desk.team_checkpoint().unwrap()
    }

    #[test]
    fn a_checkpoint_is_kept_per_duty_group_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.sqlite3")).unwrap();
        assert_eq!(store.load_team_checkpoint(DUTY).unwrap(), None);
        let first = checkpoint(-5);
        store.save_team_checkpoint(&first).unwrap();
        assert_eq!(store.load_team_checkpoint(DUTY).unwrap(), Some(first));
        let second = checkpoint(-6);
        store.save_team_checkpoint(&second).unwrap();
        assert_eq!(store.load_team_checkpoint(DUTY).unwrap(), Some(second));
        assert_eq!(
            store.load_team_checkpoint(-1).unwrap(),
            None,
            "another group"
        );
    }

    #[test]
    fn a_checkpoint_that_no_longer_reads_names_its_group() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite3")).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO team_checkpoints VALUES (?1, '{\"format\": 1')",
                params![DUTY],
            )
            .unwrap();
        let e = store.load_team_checkpoint(DUTY).unwrap_err().to_string();
        assert!(e.contains(&format!("duty group {DUTY}")), "{e}");
    }
}
