//! A wrapper that reports the key presses its content left unused, for screens that move
//! a keyboard focus of their own between controls iced does not focus (checkboxes, pick
//! lists, buttons). With each key it names the text field iced has focused, if any, so
//! the screen's focus follows a field the admin clicked into.
//!
//! Keys a child used (a focused text field typing a space, moving its cursor with Left,
//! submitting with Enter) never reach the callback.

use super::forward::forward_to_content;
use iced::advanced::Layout;
use iced::advanced::widget::operation::Focusable;
use iced::advanced::widget::{Id, Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, renderer};
use iced::keyboard::{self, Key, Modifiers};
use iced::{Element, Event, Rectangle};

type OnKey<'a, Message> = Box<dyn Fn(&Key, Modifiers, Option<Id>) -> Option<Message> + 'a>;

pub struct KeyNav<'a, Message, Theme = iced::Theme, Renderer = iced::Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    on_key: OnKey<'a, Message>,
}

/// Wraps `content`; `on_key` turns an unused key press (with the id of the focused text
/// field) into a message, or None to let it pass. A key that becomes a message is captured.
pub fn key_nav<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    on_key: impl Fn(&Key, Modifiers, Option<Id>) -> Option<Message> + 'a,
) -> KeyNav<'a, Message, Theme, Renderer> {
    KeyNav {
        content: content.into(),
        on_key: Box::new(on_key),
    }
}

/// Finds the focused widget that has an id.
struct FindFocused(Option<Id>);

impl Operation for FindFocused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() && id.is_some() {
            self.0 = id.cloned();
        }
    }
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for KeyNav<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    forward_to_content!();

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        if shell.is_event_captured() {
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
            return;
        };
        let mut focused = FindFocused(None);
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, &mut focused);
        if let Some(message) = (self.on_key)(key, *modifiers, focused.0) {
            shell.publish(message);
            shell.capture_event();
        }
    }
}

impl<'a, Message, Theme, Renderer> From<KeyNav<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(nav: KeyNav<'a, Message, Theme, Renderer>) -> Self {
        Element::new(nav)
    }
}
