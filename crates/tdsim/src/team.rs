//! The duty group's team protocol as the simulated team speaks it: the lead's alarms and
//! their clears, and the team settings document the lead pins, all built by DutyDesk's own
//! protocol module (`desk::team::protocol::build`), so a DutyDesk on the simulator folds
//! them exactly as it folds a colleague's from a real Telegram. In: the scenario (alarm
//! and clear texts, the colleagues' roles, whether settings are published). Out: messages
//! in the duty group, from the lead.

use desk::Action;
use desk::team::protocol;
use desk::team::stop_words::DEFAULT_STOP_WORDS;

use crate::model::*;
use crate::world::World;

impl World {
    /// The lead raises an alarm about chat `target` (pointing at its last message), with
    /// the scenario's readable text. Returns the duty-group message id.
    pub fn lead_raises_alarm(&mut self, target: usize) -> MessageId {
        let chat = &self.chats[target];
        let readable = self
            .scenario
            .traffic
            .alarm_text
            .replace("{chat}", &chat.title);
        let action = Action::RaiseAlarm {
            chat: chat.id,
            message: chat.last_message().map(|m| m.id),
            reason: None,
        };
        self.lead_posts(&readable, &action)
    }

    /// The lead clears the alarm on chat `target`.
    pub fn lead_clears_alarm(&mut self, target: usize) -> MessageId {
        let chat = &self.chats[target];
        let readable = self
            .scenario
            .traffic
            .alarm_clear_text
            .replace("{chat}", &chat.title);
        let action = Action::ClearAlarm { chat: chat.id };
        self.lead_posts(&readable, &action)
    }

    fn lead_posts(&mut self, readable: &str, action: &Action) -> MessageId {
        let text = protocol::build(readable, action);
        let (lead, duty) = (self.staff[0], self.duty_chat);
        self.incoming(
            duty,
            Sender::User(lead),
            Content::Text(text),
            self.now,
            None,
        )
    }

    /// With `[duty_group] team_settings`, the lead's team settings as the duty group's
    /// first message, pinned: the colleagues' roles and the starting stop words. Written
    /// before the group's history, so its last message stays what it was.
    pub(crate) fn pin_team_settings(&mut self, created: i64) {
        if !self.scenario.duty_group.team_settings {
            return;
        }
        let document = self.team_settings_document();
        let readable = format!(
            "{} published the team settings.",
            self.scenario.duty_group.staff[0].name
        );
        let text = protocol::build(&readable, &Action::PublishSettings { document });
        let lead = self.staff[0];
        let chat = &mut self.chats[self.duty_chat];
        chat.last_server_seq += 1;
        let id = chat.last_server_seq * SERVER_ID_STEP;
        chat.messages.push_back(Message {
            id,
            chat_id: chat.id,
            sender: Sender::User(lead),
            date: created,
            edit_date: 0,
            content: Content::Text(text),
            reply_to: None,
            sending: Sending::Sent,
            pinned: true,
            forward: None,
        });
    }

    /// The TOML document: the team's name, the roster from the colleagues' `roles`, the
    /// starting stop words, clearing by any staff.
    pub fn team_settings_document(&self) -> String {
        let s = &self.scenario;
        let mut doc = format!("[team]\nname = {:?}\n\n[roster]\n", s.duty_group.title);
        for (i, c) in s.duty_group.staff.iter().enumerate() {
            if c.roles.is_empty() {
                continue;
            }
            let roles: Vec<String> = c.roles.iter().map(|r| format!("{r:?}")).collect();
            let id = self.staff[i];
            doc.push_str(&format!("{id} = [{}]  # {}\n", roles.join(", "), c.name));
        }
        let words: Vec<String> = DEFAULT_STOP_WORDS
            .iter()
            .map(|w| format!("{w:?}"))
            .collect();
        doc.push_str(&format!(
            "\n[alarms]\nstop_words = [{}]\nclear = \"staff\"\n",
            words.join(", ")
        ));
        doc
    }
}
