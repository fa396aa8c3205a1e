//! The methods of a wrapper widget that only listens: everything but `update` goes
//! straight to its one child (`self.content`, state in `tree.children[0]`). Written once
//! here so each wrapper shows only what it adds.

/// Inside `impl Widget<Message, Theme, Renderer> for W`:
/// - `forward_to_content!()`: children, diff, size, layout, operate, mouse_interaction,
///   draw and overlay, all forwarded to `self.content` in the wrapper's own layout;
/// - `forward_to_content!(layout = f)`: for a wrapper that sizes and lays out its content
///   itself (it writes `size` and `layout`): children, diff, operate, mouse_interaction,
///   draw and overlay, the content's layout being `f(layout)`.
macro_rules! forward_to_content {
    () => {
        fn size(&self) -> ::iced::Size<::iced::Length> {
            self.content.as_widget().size()
        }

        fn layout(
            &mut self,
            tree: &mut ::iced::advanced::widget::Tree,
            renderer: &Renderer,
            limits: &::iced::advanced::layout::Limits,
        ) -> ::iced::advanced::layout::Node {
            self.content
                .as_widget_mut()
                .layout(&mut tree.children[0], renderer, limits)
        }

        $crate::ui::widgets::forward::forward_to_content!(layout = ::std::convert::identity);
    };
    (layout = $inner:path) => {
        fn children(&self) -> Vec<::iced::advanced::widget::Tree> {
            vec![::iced::advanced::widget::Tree::new(&self.content)]
        }

        fn diff(&self, tree: &mut ::iced::advanced::widget::Tree) {
            tree.diff_children(std::slice::from_ref(&self.content));
        }

        fn operate(
            &mut self,
            tree: &mut ::iced::advanced::widget::Tree,
            layout: ::iced::advanced::Layout<'_>,
            renderer: &Renderer,
            operation: &mut dyn ::iced::advanced::widget::Operation,
        ) {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                $inner(layout),
                renderer,
                operation,
            );
        }

        fn mouse_interaction(
            &self,
            tree: &::iced::advanced::widget::Tree,
            layout: ::iced::advanced::Layout<'_>,
            cursor: ::iced::advanced::mouse::Cursor,
            viewport: &::iced::Rectangle,
            renderer: &Renderer,
        ) -> ::iced::advanced::mouse::Interaction {
            self.content.as_widget().mouse_interaction(
                &tree.children[0],
                $inner(layout),
                cursor,
                viewport,
                renderer,
            )
        }

        fn draw(
            &self,
            tree: &::iced::advanced::widget::Tree,
            renderer: &mut Renderer,
            theme: &Theme,
            style: &::iced::advanced::renderer::Style,
            layout: ::iced::advanced::Layout<'_>,
            cursor: ::iced::advanced::mouse::Cursor,
            viewport: &::iced::Rectangle,
        ) {
            self.content.as_widget().draw(
                &tree.children[0],
                renderer,
                theme,
                style,
                $inner(layout),
                cursor,
                viewport,
            );
        }

        fn overlay<'b>(
            &'b mut self,
            tree: &'b mut ::iced::advanced::widget::Tree,
            layout: ::iced::advanced::Layout<'b>,
            renderer: &Renderer,
            viewport: &::iced::Rectangle,
            translation: ::iced::Vector,
        ) -> Option<::iced::advanced::overlay::Element<'b, Message, Theme, Renderer>> {
            self.content.as_widget_mut().overlay(
                &mut tree.children[0],
                $inner(layout),
                renderer,
                viewport,
                translation,
            )
        }
    };
}

pub(crate) use forward_to_content;
