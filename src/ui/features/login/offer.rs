//! The login screen's list of who the backend offers to log in as (a simulated team floor's
//! free members, see `telegram::offer`): asked when the phone step comes, asked again every
//! few seconds while it stays (others take seats meanwhile), one button per member that
//! logs in with their phone. A real TDLib offers nobody: no list, no second ask.

use std::time::Duration;

use i18n::t;
use iced::widget::{button, column, text};
use iced::{Element, Padding};

use super::Message;
use crate::telegram::offer::{Offer, offered_logins};
use crate::ui::effect::Effects;
use crate::ui::effect::work::Job;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};

/// How often a floor's list is asked again while the phone step is shown.
const AGAIN_AFTER: Duration = Duration::from_secs(2);

/// Asks the backend off the window's thread, after `wait` (zero the first time).
pub(super) fn ask(wait: Duration) -> Effects<Message> {
    Effects::work(Job::new(
        "offered logins",
        move || {
            std::thread::sleep(wait);
            Message::Offered(offered_logins())
        },
        |_| Message::Offered(Offer::default()),
    ))
}

/// The next ask, if the backend answered and the phone step is still shown.
pub(super) fn again(offer: &Offer, on_phone_step: bool) -> Effects<Message> {
    if offer.answered && on_phone_step {
        ask(AGAIN_AFTER)
    } else {
        Effects::none()
    }
}

/// The free members as buttons (nothing when nobody is offered).
pub(super) fn members<'a>(offer: &Offer, p: Palette) -> Option<Element<'a, Message>> {
    if offer.free.is_empty() {
        return None;
    }
    let mut list = column![text(t!("floor-login-free")).size(SMALL).color(p.muted)].spacing(4);
    for m in &offer.free {
        let mut label = t!(
            "floor-login-member",
            name = m.name.clone(),
            phone = m.phone.clone()
        );
        if !m.title.is_empty() {
            label = format!("{label} · {}", m.title);
        }
        list = list.push(
            button(text(label).size(TEXT))
                .padding(Padding::from([4, 10]))
                .style(style::outline(p))
                .on_press(Message::UseMember(m.phone.clone())),
        );
    }
    Some(list.into())
}

/// The simulator's code, said on the code step when the backend told it.
pub(super) fn code_hint<'a>(offer: &Offer, p: Palette) -> Option<Element<'a, Message>> {
    let code = offer.code.as_ref()?;
    Some(
        text(t!("floor-login-code", code = code.clone()))
            .size(SMALL)
            .color(p.muted)
            .into(),
    )
}
