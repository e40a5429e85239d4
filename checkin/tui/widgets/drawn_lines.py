"""A widget drawn as lines of text: the base of the rows we draw as one widget."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class DrawnLines(Widget):
    """As wide as its container, as tall as ``lines(width)``; a subclass says what the
    lines are (one widget instead of a container of Labels: cheaper to mount and style)."""

    def lines(self, width: int) -> list[Content]:
        raise NotImplementedError

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))
