//! The checks a parsed scenario must pass, each naming the table and key it is about.

use super::*;

impl Scenario {
    pub(super) fn validate(&self) -> Result<(), (&'static str, &'static str, String)> {
        let range = |table, key, r: [i64; 2]| {
            if r[0] < 0 || r[0] > r[1] {
                Err((
                    table,
                    key,
                    format!("range {:?} must be [low, high] with 0 <= low <= high", r),
                ))
            } else {
                Ok(())
            }
        };
        let chance = |table, key, p: f64| {
            if !(0.0..=1.0).contains(&p) {
                Err((
                    table,
                    key,
                    format!("{p} is not a probability between 0 and 1"),
                ))
            } else {
                Ok(())
            }
        };
        // Bounds keep the clock arithmetic far from overflow and a typo from eating the machine.
        const MAX_SECONDS: f64 = 1e9;
        let s = |table, key, v: f64| {
            if !(0.0..=MAX_SECONDS).contains(&v) {
                Err((
                    table,
                    key,
                    format!("{v} must be between 0 and {MAX_SECONDS}"),
                ))
            } else {
                Ok(())
            }
        };
        let t = &self.traffic;
        let f = &self.faults;
        s("traffic", "alarm_mean_interval", t.alarm_mean_interval)?;
        s("faults", "drop_mean_interval", f.drop_mean_interval)?;
        for (table, key, r) in [
            ("traffic", "staff_reply_delay", t.staff_reply_delay),
            ("faults", "drop_duration", f.drop_duration),
            ("faults", "flood_wait_seconds", f.flood_wait_seconds),
            ("faults", "late_delay", f.late_delay),
        ] {
            s(table, key, r[1] as f64)?;
        }
        if let Some(ch) = &self.channel {
            s("channel", "post_mean_interval", ch.post_mean_interval)?;
        }
        if self
            .storm
            .as_ref()
            .is_some_and(|st| st.updates_per_second > 10_000_000)
        {
            return Err(("storm", "updates_per_second", "at most 10,000,000".into()));
        }
        let c = &self.customers;
        if c.groups + c.private_chats > 100_000 || c.members[1] > 10_000 {
            return Err((
                "customers",
                "groups",
                "at most 100,000 chats of at most 10,000 customers".into(),
            ));
        }
        if self.history.messages_per_chat[1] > 10_000 || self.history.span_hours > 87_600 {
            return Err((
                "history",
                "messages_per_chat",
                "at most 10,000 messages over 87,600 hours".into(),
            ));
        }
        if c.members[0] == 0 || c.members[0] > c.members[1] {
            return Err((
                "customers",
                "members",
                "must be [low, high] with 1 <= low <= high".into(),
            ));
        }
        if c.groups + c.private_chats == 0 {
            return Err((
                "customers",
                "groups",
                "a scenario needs at least one customer chat".into(),
            ));
        }
        if c.first_names.is_empty() || c.last_names.is_empty() || c.companies.is_empty() {
            return Err((
                "customers",
                "first_names",
                "name lists must not be empty".into(),
            ));
        }
        if self.duty_group.staff.is_empty() {
            return Err((
                "duty_group",
                "staff",
                "the duty group needs at least one colleague".into(),
            ));
        }
        self.validate_phones()?;
        if c.staff_per_group as usize > self.duty_group.staff.len() {
            return Err((
                "customers",
                "staff_per_group",
                "exceeds the number of staff".into(),
            ));
        }
        let h = &self.history;
        if h.messages_per_chat[0] > h.messages_per_chat[1] {
            return Err(("history", "messages_per_chat", "must be [low, high]".into()));
        }
        if h.unanswered_share
            .is_some_and(|p| !(0.0..=1.0).contains(&p))
        {
            return Err((
                "history",
                "unanswered_share",
                "must be between 0 and 1".into(),
            ));
        }
        if h.traffic_days > 366 {
            return Err(("history", "traffic_days", "at most 366 days".into()));
        }
        if h.unanswered_within_minutes == 0 || h.unanswered_within_minutes > 24 * 60 {
            return Err((
                "history",
                "unanswered_within_minutes",
                "must be 1 to 1440".into(),
            ));
        }
        let t = &self.traffic;
        if !(t.messages_per_hour >= 0.0 && t.messages_per_hour.is_finite()) {
            return Err((
                "traffic",
                "messages_per_hour",
                "must be a non-negative number".into(),
            ));
        }
        if t.working_hours[0] > 24 || t.working_hours[1] > 24 {
            return Err((
                "traffic",
                "working_hours",
                "hours must be within 0..=24".into(),
            ));
        }
        range("traffic", "staff_reply_delay", t.staff_reply_delay)?;
        range("traffic", "alarm_clear_after", t.alarm_clear_after)?;
        s(
            "traffic",
            "alarm_clear_after",
            t.alarm_clear_after[1] as f64,
        )?;
        for c in &self.duty_group.staff {
            if let Some(bad) = c
                .roles
                .iter()
                .find(|r| desk::TeamRole::from_name(r).is_none())
            {
                let known: Vec<&str> = desk::TeamRole::ALL.iter().map(|r| r.name()).collect();
                return Err((
                    "duty_group",
                    "staff",
                    format!(
                        "{}: unknown role {bad:?}; expected one of {known:?}",
                        c.name
                    ),
                ));
            }
        }
        for (key, p) in [
            ("staff_reply_chance", t.staff_reply_chance),
            ("mention_chance", t.mention_chance),
            ("media_chance", t.media_chance),
            ("edit_chance", t.edit_chance),
            ("delete_chance", t.delete_chance),
        ] {
            chance("traffic", key, p)?;
        }
        if t.phrases.is_empty() || t.replies.is_empty() {
            return Err((
                "traffic",
                "phrases",
                "phrases and replies must not be empty".into(),
            ));
        }
        if t.alarm_mean_interval < 0.0 || t.off_hours_factor < 0.0 {
            return Err((
                "traffic",
                "alarm_mean_interval",
                "must not be negative".into(),
            ));
        }
        let f = &self.faults;
        range("faults", "drop_duration", f.drop_duration)?;
        range("faults", "flood_wait_seconds", f.flood_wait_seconds)?;
        range("faults", "late_delay", f.late_delay)?;
        for (key, p) in [
            ("send_failure_chance", f.send_failure_chance),
            ("flood_wait_chance", f.flood_wait_chance),
            ("request_flood_wait_chance", f.request_flood_wait_chance),
            ("late_chance", f.late_chance),
        ] {
            chance("faults", key, p)?;
        }
        if f.drop_mean_interval < 0.0 {
            return Err((
                "faults",
                "drop_mean_interval",
                "must not be negative".into(),
            ));
        }
        for folder in &self.folders {
            if folder.id <= 0 {
                return Err((
                    "folders",
                    "id",
                    format!("folder id {} must be positive", folder.id),
                ));
            }
            if let Some(bad) = folder
                .include
                .iter()
                .find(|i| !FOLDER_INCLUDES.contains(&i.as_str()))
            {
                return Err((
                    "folders",
                    "include",
                    format!("unknown set {bad:?}; expected one of {FOLDER_INCLUDES:?}"),
                ));
            }
        }
        Ok(())
    }

    /// Everyone who can log in needs a phone number of their own.
    fn validate_phones(&self) -> Result<(), (&'static str, &'static str, String)> {
        let digits = |p: &str| p.chars().filter(char::is_ascii_digit).collect::<String>();
        let mut seen = vec![(digits(&self.account.phone), self.account_name())];
        if seen[0].0.len() < 5 {
            return Err((
                "account",
                "phone",
                format!("{:?} needs at least 5 digits", self.account.phone),
            ));
        }
        for (i, c) in self.duty_group.staff.iter().enumerate() {
            let phone = self.duty_group.phone_of(i);
            let d = digits(&phone);
            if d.len() < 5 {
                return Err((
                    "duty_group",
                    "staff",
                    format!("{}'s phone {phone:?} needs at least 5 digits", c.name),
                ));
            }
            if let Some((_, other)) = seen.iter().find(|(p, _)| *p == d) {
                return Err((
                    "duty_group",
                    "staff",
                    format!(
                        "{} and {other} have the same phone number {phone:?}",
                        c.name
                    ),
                ));
            }
            seen.push((d, c.name.clone()));
        }
        Ok(())
    }

    fn account_name(&self) -> String {
        format!("{} {}", self.account.first_name, self.account.last_name)
            .trim()
            .to_string()
    }
}
