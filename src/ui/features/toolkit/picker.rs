//! The quick-reply picker: `/` at the start of the composer or Ctrl+K opens it; what is
//! typed filters the templates by name and text (any language); the chosen one is shown
//! filled in for the open chat, its free fields below (Tab moves between them), and Enter
//! or Insert puts it into the composer. A reply with a free field left empty is not
//! inserted; a variable with no value here (no task yet) is marked and left empty.

use super::{Message, Outcome, PICKER_ID, State, field_id};
use crate::desk::toolkit::template::{Missing, Template, Values, Variable, pick};
use crate::desk::{ChatId, Desk};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use i18n::t;
use iced::widget::text::Wrapping;
use iced::widget::{Space, button, column, container, operation, row, text, text_input};
use iced::{Alignment, Element, Length, Padding};

/// At most this many matches are listed (the filter narrows the rest).
const SHOWN: usize = 8;
/// What stands for the customer's first name and the chat's title in a contractor's
/// composer, replaced by the real ones only as the message leaves (`outgoing`).
pub const CUSTOMER_FIRST_NAME: &str = "{customer_first_name}";
pub const CHAT_TITLE: &str = "{chat_title}";

/// The picker's state.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: String,
    /// Indices into `Desk::toolkit().templates`, best first.
    pub matches: Vec<usize>,
    /// The chosen one's place in `matches`.
    pub selected: usize,
    /// The chosen template's free fields as typed, in its order.
    pub fields: Vec<String>,
    /// The free field being typed in.
    pub field: Option<usize>,
}

/// The open chat's values for a template's variables.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    /// As shown in the preview: the customer's first name, or their pseudonym for a
    /// contractor.
    pub customer_first_name: Option<String>,
    /// Masked here: the composer keeps `{customer_first_name}` until the message leaves.
    pub customer_deferred: bool,
    /// Masked here: the composer keeps `{chat_title}` (a private chat's is a name).
    pub title_deferred: bool,
    pub chat_title: Option<String>,
    pub my_name: Option<String>,
    pub time: String,
    pub date: String,
    /// The chat's latest task key, when the tasks feature stored one.
    pub task: Option<String>,
}

impl Fill {
    fn values(&self, inserting: bool) -> Values<'_> {
        let customer = if inserting && self.customer_deferred {
            Some(CUSTOMER_FIRST_NAME)
        } else {
            self.customer_first_name.as_deref()
        };
        let title = if inserting && self.title_deferred {
            Some(CHAT_TITLE)
        } else {
            self.chat_title.as_deref()
        };
        Values {
            customer_first_name: customer,
            chat_title: title,
            my_name: self.my_name.as_deref(),
            time: Some(&self.time),
            date: Some(&self.date),
            task: self.task.as_deref(),
        }
    }
}

impl Picker {
    fn new(desk: &Desk) -> Picker {
        let mut picker = Picker::default();
        picker.refilter(desk);
        picker
    }

    fn refilter(&mut self, desk: &Desk) {
        self.matches = pick(&desk.toolkit().templates, &self.query);
        self.selected = 0;
        self.fields.clear();
        self.field = None;
    }

    /// The chosen template, if any matches.
    pub fn chosen<'d>(&self, desk: &'d Desk) -> Option<&'d Template> {
        let i = *self.matches.get(self.selected)?;
        desk.toolkit().templates.get(i)
    }

    fn choose(&mut self, at: usize) {
        if at < self.matches.len() && at != self.selected {
            self.selected = at;
            self.fields.clear();
            self.field = None;
        }
    }
}

impl State {
    pub(super) fn picker(
        &mut self,
        message: Message,
        desk: &Desk,
        chat: Option<ChatId>,
        fill: Option<&Fill>,
    ) -> Outcome {
        if chat.is_none() {
            self.picker = None;
            return Outcome::Nothing;
        }
        if let Message::OpenPicker = message {
            self.picker = Some(Picker::new(desk));
            return Outcome::Task(operation::focus(PICKER_ID));
        }
        let Some(picker) = &mut self.picker else {
            return Outcome::Nothing;
        };
        match message {
            Message::PickerQuery(query) => {
                picker.query = query;
                picker.refilter(desk);
            }
            Message::PickerMove(step) => {
                let n = picker.matches.len().min(SHOWN) as i64;
                if n > 0 {
                    let at = (picker.selected as i64 + i64::from(step)).rem_euclid(n);
                    picker.choose(at as usize);
                }
            }
            Message::PickerChoose(at) => picker.choose(at),
            Message::PickerField(i, value) => {
                if picker.fields.len() <= i {
                    picker.fields.resize(i + 1, String::new());
                }
                picker.fields[i] = value;
                picker.field = Some(i);
            }
            Message::NextField(forward) => {
                let count = picker.chosen(desk).map_or(0, |t| t.fields.len());
                if count == 0 {
                    return Outcome::Nothing;
                }
                let next = match (picker.field, forward) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                };
                picker.field = Some(next);
                return Outcome::Task(operation::focus(field_id(next)));
            }
            Message::PickerSubmit => return self.submit(desk, fill),
            Message::ClosePicker => {
                self.picker = None;
                return Outcome::Task(operation::focus(crate::ui::features::console::COMPOSER_ID));
            }
            _ => {}
        }
        Outcome::Nothing
    }

    /// Enter: into the first empty free field, or, with all filled, into the composer.
    fn submit(&mut self, desk: &Desk, fill: Option<&Fill>) -> Outcome {
        let Some(picker) = &mut self.picker else {
            return Outcome::Nothing;
        };
        let Some(template) = picker.chosen(desk) else {
            return Outcome::Nothing;
        };
        if !template.complete(&picker.fields) {
            let empty = (0..template.fields.len())
                .find(|&i| picker.fields.get(i).is_none_or(|f| f.trim().is_empty()))
                .unwrap_or(0);
            picker.field = Some(empty);
            return Outcome::Task(operation::focus(field_id(empty)));
        }
        let default = Fill::default();
        let fill = fill.unwrap_or(&default);
        let text = template.fill(&fill.values(true), &picker.fields).text;
        self.picker = None;
        Outcome::Insert(text)
    }
}

/// The text as it leaves for the customer: a contractor's `{customer_first_name}` and
/// `{chat_title}` become the real ones only here (never shown on their screen).
pub fn outgoing(text: &str, desk: &Desk, chat: ChatId, customer: Option<i64>) -> String {
    if !desk.masking_active() || !text.contains('{') {
        return text.to_owned();
    }
    let name = customer
        .and_then(|u| desk.first_name_for_sending(u))
        .unwrap_or_default();
    let title = desk.title_for_sending(chat).unwrap_or_default();
    text.replace(CUSTOMER_FIRST_NAME, &name)
        .replace(CHAT_TITLE, &title)
}

/// The picker, drawn over the composer.
pub fn view<'a>(
    picker: &'a Picker,
    desk: &'a Desk,
    fill: &Fill,
    p: Palette,
) -> Element<'a, Message> {
    let search = text_input(&t!("toolkit-picker-search"), &picker.query)
        .id(PICKER_ID)
        .size(TEXT)
        .padding(Padding::from([4, 8]))
        .style(style::input(p))
        .on_input(Message::PickerQuery)
        .on_submit(Message::PickerSubmit);
    let templates = &desk.toolkit().templates;
    let mut list = column![].spacing(1);
    for (at, &i) in picker.matches.iter().take(SHOWN).enumerate() {
        let Some(tpl) = templates.get(i) else {
            continue;
        };
        let first_line = tpl.text.lines().next().unwrap_or("").to_owned();
        let item = row![
            text(tpl.name.clone())
                .size(TEXT)
                .font(BOLD)
                .wrapping(Wrapping::None),
            text(first_line)
                .size(SMALL)
                .color(p.muted)
                .wrapping(Wrapping::None),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        list = list.push(
            button(container(item).clip(true))
                .width(Length::Fill)
                .padding(Padding::from([2, 8]))
                .style(style::flat(p, at == picker.selected))
                .on_press(Message::PickerChoose(at)),
        );
    }
    let mut body = column![
        row![
            text(t!("toolkit-picker-title")).size(SMALL).font(BOLD),
            text(t!("toolkit-picker-hint")).size(SMALL).color(p.muted),
        ]
        .spacing(10),
        search,
    ]
    .spacing(4);
    if templates.is_empty() {
        body = body.push(text(t!("toolkit-picker-none")).size(SMALL).color(p.muted));
    } else if picker.matches.is_empty() {
        body = body.push(text(t!("toolkit-picker-empty")).size(SMALL).color(p.muted));
    } else {
        body = body.push(list);
    }
    if let Some(tpl) = picker.chosen(desk) {
        body = body.push(preview(tpl, picker, desk, fill, p));
    }
    body = body.push(
        row![
            Space::new().width(Length::Fill),
            button(text(t!("toolkit-picker-cancel")).size(SMALL))
                .style(style::flat(p, false))
                .on_press(Message::ClosePicker),
            button(text(t!("toolkit-picker-insert")).size(SMALL))
                .style(style::primary(p))
                .on_press_maybe(
                    picker
                        .chosen(desk)
                        .filter(|t| t.complete(&picker.fields))
                        .map(|_| Message::PickerSubmit)
                ),
        ]
        .spacing(6),
    );
    container(body)
        .padding(8)
        .width(Length::Fill)
        .style(style::card(p.raised, p.border))
        .into()
}

/// The chosen template filled in, its free fields, what is missing, and what a guard says.
fn preview<'a>(
    tpl: &'a Template,
    picker: &'a Picker,
    desk: &'a Desk,
    fill: &Fill,
    p: Palette,
) -> Element<'a, Message> {
    // A free field not filled yet shows where it goes: ‹eta›.
    let shown: Vec<String> = tpl
        .fields
        .iter()
        .enumerate()
        .map(|(i, name)| match picker.fields.get(i).map(|v| v.trim()) {
            Some(value) if !value.is_empty() => value.to_owned(),
            _ => format!("‹{name}›"),
        })
        .collect();
    let filled = tpl.fill(&fill.values(false), &shown);
    let missing = tpl.fill(&fill.values(false), &picker.fields).missing;
    let mut col = column![
        text(t!("toolkit-picker-preview"))
            .size(SMALL)
            .color(p.muted),
        container(text(filled.text.clone()).size(TEXT))
            .padding(Padding::from([4, 8]))
            .width(Length::Fill)
            .style(style::card(p.surface, p.border)),
    ]
    .spacing(4);
    let mut fields = row![].spacing(8).align_y(Alignment::Center);
    for (i, name) in tpl.fields.iter().enumerate() {
        let value = picker.fields.get(i).map(String::as_str).unwrap_or("");
        fields = fields.push(text(t!("toolkit-picker-field", name = name.as_str())).size(SMALL));
        fields = fields.push(
            text_input(name, value)
                .id(field_id(i))
                .size(TEXT)
                .width(140)
                .padding(Padding::from([3, 6]))
                .style(style::input(p))
                .on_input(move |v| Message::PickerField(i, v))
                .on_submit(Message::PickerSubmit),
        );
    }
    if !tpl.fields.is_empty() {
        col = col.push(fields);
    }
    for (missing, _) in &missing {
        let note = match missing {
            Missing::Variable(Variable::Task) => t!("toolkit-picker-no-task"),
            Missing::Variable(v) => t!("toolkit-picker-no-value", variable = v.name()),
            Missing::Field(i) => t!(
                "toolkit-picker-fill",
                name = tpl.fields.get(*i).map(String::as_str).unwrap_or("")
            ),
        };
        col = col.push(text(note).size(SMALL).color(p.waiting));
    }
    // Guards apply to quick replies too: say so before it is even inserted.
    if let Some(prompt) = super::guard::GuardPrompt::check(desk, &filled.text) {
        col = col.push(text(prompt.headline(desk)).size(SMALL).color(p.red));
    }
    col.into()
}
