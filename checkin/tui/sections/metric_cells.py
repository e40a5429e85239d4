"""A scorecard row's read-only cells, each group drawn by one widget: name and target,
and the marks (prep, on/off, trend) after the value."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from checkin.render.terminal import safe
from checkin.tui.widgets.drawn_lines import DrawnLines
from checkin.tui.widgets.theme_style import theme_style

VALUE = {False: 10, True: 9}  # the value's column with its gap, by -narrow (metrics.tcss)


def name_target_width(width: int, value: int, marks: dict[str, int]) -> int:
    """What a row ``width`` wide leaves the name and target (``NameTarget``'s 1fr): the
    value's column and the marks' columns, each with its gap, take the rest."""
    return width - value - sum(marks.values())


class NameTarget(DrawnLines):
    """A metric's name and target (two Labels before). The name takes what is left and
    wraps, never cut, bold while off track; the target has ``TARGET`` columns with its
    gap, muted, and wraps under itself ("≥ $250,000" is never abbreviated)."""

    DEFAULT_CSS = """
    NameTarget { width: 1fr; height: auto; }
    """
    TARGET = 12  # as the head's .target column
    NAME_MIN = 10  # as the head's .name min-width

    def __init__(self, name: str, target: str) -> None:
        super().__init__(classes="name-target")
        self.name_text = name
        self.target = target
        self.off = False

    def show_off(self, off: bool) -> None:
        if off != self.off:
            self.off = off
            self.refresh()

    @classmethod
    def name_width(cls, width: int) -> int:
        """The columns the name's text wraps in (its gap after it not counted)."""
        return max(cls.NAME_MIN, width - cls.TARGET) - 1

    def lines(self, width: int) -> list[Content]:
        return self.draw(width, self)

    def draw(self, width: int, host: Widget) -> list[Content]:
        """The lines in ``width`` columns, in ``host``'s theme (this widget, or the idle
        row's one widget that draws it while unmounted)."""
        name_w = self.name_width(width)
        name = Content(safe(self.name_text))
        names = (name.stylize_before("bold") if self.off else name).wrap(name_w)
        target = Content.styled(safe(self.target), theme_style(host, "$text-muted"))
        targets = target.wrap(self.TARGET - 1)
        out = []
        for n in range(max(len(names), len(targets), 1)):
            left = names[n] if n < len(names) else Content("")
            right = targets[n] if n < len(targets) else Content("")
            out.append(left.pad_right(name_w + 1 - left.cell_length) + right)
        return out


class Marks(Widget):
    """A metric's prep mark, on/off mark and trend drawn by one widget (three Labels
    before), in the head's columns, each with its one-column gap: prep 2 (7 for
    "✎ prep"; only once prep was taken in), mark 6 (bold, in colour), trend 9 (not
    when narrow)."""

    DEFAULT_CSS = """
    Marks { width: auto; height: 1; }
    """
    STYLE = {"prep": "$text-muted italic", "trend": "$text-muted"}
    MARK = {True: "$text-success bold", False: "$text-error bold", None: "bold"}

    def __init__(self, trend: str) -> None:
        super().__init__(classes="marks")
        self.texts = {"prep": "", "mark": "", "trend": trend}
        self.widths = {"prep": 0, "mark": 6, "trend": 9}
        self.state: bool | None = None

    def show(self, state: bool | None, **texts: str) -> None:
        self.state = state
        self.texts.update(texts)
        self.refresh()

    def columns(self, widths: dict[str, int]) -> None:
        """Each part's width with its gap (0: not shown), as the head has them."""
        if widths != self.widths:
            self.widths = dict(widths)
            self.refresh(layout=True)

    def text(self, part: str) -> str:
        """What the part holds (drawn only while its column shows)."""
        return self.texts[part]

    def column(self, part: str) -> tuple[int, int]:
        """Where the part's column starts in the widget, and its width (with the gap)."""
        start = 0
        for name, width in self.widths.items():
            if name == part:
                return start, width
            start += width
        raise KeyError(part)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(self.widths.values())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Content:
        return self.draw(self)

    def draw(self, host: Widget) -> Content:
        """The marks' line in ``host``'s theme (as ``NameTarget.draw``)."""
        parts = []
        for part, width in self.widths.items():
            if width:
                style = self.MARK[self.state] if part == "mark" else self.STYLE[part]
                text = Content.styled(safe(self.texts[part]), theme_style(host, style))
                parts.append(text.truncate(width - 1, pad=True).pad_right(1))
        return Content("").join(parts)


class IdleCells(DrawnLines):
    """A row the room has not typed in, drawn by one widget: name and target, the value as
    its unfocused compact Input shows it (the placeholder dimmed), the marks. It takes the
    focus for the row, which then puts its ``NameTarget``, Input and ``Marks`` in its
    place (three widgets and a container: only where the room types). The row keeps the
    name's and marks' state in those widgets before they are mounted."""

    DEFAULT_CSS = """
    IdleCells { height: auto; }
    """
    VALUE_STYLE = {True: "$foreground on $surface", False: "$text-disabled on $surface"}

    can_focus = True

    def __init__(self, name_target: NameTarget, marks: Marks, value: str) -> None:
        super().__init__(classes="idle-cells")
        self.name_target, self.marks, self.value = name_target, marks, value
        self.value_width = VALUE[False]

    def lines(self, width: int) -> list[Content]:
        nt_width = name_target_width(width, self.value_width, self.marks.widths)
        lines = [line.truncate(nt_width, pad=True)
                 for line in self.name_target.draw(nt_width, self)]
        style = theme_style(self, self.VALUE_STYLE[bool(self.value)])
        value = Content(safe(self.value or "actual")).truncate(self.value_width - 1, pad=True)
        value = value.stylize(style).pad_right(1)  # the field's background under its padding
        lines[0] = lines[0] + value + self.marks.draw(self)
        return lines


class MetricsHead(DrawnLines):
    """The scorecard's column titles in one line, over the rows' columns: the name and
    target as ``NameTarget`` splits them, the value's column, then the ``Marks``
    columns (``columns`` gives their widths, as the rows have them)."""

    DEFAULT_CSS = """
    MetricsHead { height: 1; }
    """
    TITLES = {"prep": "", "mark": "Track", "trend": "Trend"}

    def __init__(self) -> None:
        super().__init__(classes="metrics-head")
        self.value_width = VALUE[False]
        self.widths = {"prep": 0, "mark": 6, "trend": 9}

    def columns(self, *, value: int, marks: dict[str, int]) -> None:
        """The value's column (with its gap) and the marks' columns, as a row has them."""
        if (value, marks) != (self.value_width, self.widths):
            self.value_width, self.widths = value, dict(marks)
            self.refresh()

    def titles(self, width: int) -> list[tuple[str, int]]:
        """Each column's title and its width, left to right."""
        name_w = NameTarget.name_width(name_target_width(width, self.value_width, self.widths))
        out = [("Metric", name_w + 1), ("Target", NameTarget.TARGET),
               ("Actual", self.value_width)]
        return out + [(self.TITLES[part], w) for part, w in self.widths.items() if w]

    def lines(self, width: int) -> list[Content]:
        return [Content("").join(Content(title).truncate(w - 1, pad=True).pad_right(1)
                                 for title, w in self.titles(width))]
