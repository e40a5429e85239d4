"""A table of action items that renders only the rows on screen (Textual's Line API).

Filtering 5,000 items then costs a Python filter plus ~30 rendered lines, not a DataTable
reload. The header row stays put; rows scroll under it. Looks come from
the component classes below, styled in the screen's .tcss.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from checkin.core.model import ActionItem
from checkin.render.terminal import safe

# (title, width; 0 = takes the rest). "From" is dropped below WIDE columns.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Owner", 15), ("Item", 0), ("Department", 16), ("Due", 10), ("Late", 5),
    ("Status", 7), ("From", 17),
)
WIDE = 120
MIN_TITLE = 16


def cells(item: ActionItem, today: date) -> list[str]:
    late = item.days_overdue(today)
    row = [item.owner, " ".join(item.title.split()), item.department, item.due.isoformat(),
           f"{late}d" if late else "", item.status, item.created_in or "—"]
    return [safe(c) for c in row]  # drawn as raw segments: no escape reaches the terminal


class ActionTable(ScrollView, can_focus=True):
    """Rows of ``items``; ``cursor`` is the index of the highlighted one."""

    COMPONENT_CLASSES = {
        "action-table--header", "action-table--cursor", "action-table--overdue",
        "action-table--closed", "action-table--empty",
    }
    DEFAULT_CSS = """
    ActionTable { height: 1fr; overflow-x: hidden; overflow-y: auto; }
    """
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, id="actions.table.up",
                tooltip="Previous item"),
        Binding("down,j", "move(1)", "Down", show=False, id="actions.table.down",
                tooltip="Next item"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="actions.table.pageup",
                tooltip="One screen of items up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="actions.table.pagedown",
                tooltip="One screen of items down"),
        Binding("home", "jump(0)", "First", show=False, id="actions.table.first",
                tooltip="First item"),
        Binding("end", "jump(-1)", "Last", show=False, id="actions.table.last",
                tooltip="Last item"),
    ]

    class Highlighted(Message):
        """The cursor moved to ``item`` (None: the table is empty)."""

        def __init__(self, table: ActionTable, item: ActionItem | None) -> None:
            super().__init__()
            self.table = table
            self.item = item

        @property
        def control(self) -> ActionTable:
            return self.table

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.items: list[ActionItem] = []
        self.cursor = 0
        self.empty_text = "No action items match these filters."

    # ------------------------------------------------------------ data
    @property
    def selected(self) -> ActionItem | None:
        return self.items[self.cursor] if self.items else None

    def set_items(self, items: list[ActionItem], *, keep: str | None = None) -> None:
        """Show ``items``; the cursor stays on the item with id ``keep`` if it is there,
        else on the same row number (clamped)."""
        self.items = items
        if keep is not None:
            index = next((n for n, i in enumerate(items) if i.id == keep), None)
            if index is not None:
                self.cursor = index
        self.cursor = max(0, min(self.cursor, len(items) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(items) + 1)
        self._follow_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.selected))

    # ------------------------------------------------------------ cursor
    @property
    def page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_to(self, index: int) -> None:
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        if index != self.cursor:
            self.cursor = index
            self._follow_cursor()
            self.refresh()
            self.post_message(self.Highlighted(self, self.selected))

    def _follow_cursor(self) -> None:
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self.page_rows:
            self.scroll_to(y=self.cursor - self.page_rows + 1, animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * self.page_rows)

    def action_jump(self, index: int) -> None:
        self.move_to(index if index >= 0 else len(self.items) - 1)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.items) + 1)
        self._follow_cursor()

    # ------------------------------------------------------------ rendering
    def widths(self, total: int) -> list[int]:
        """Column widths for ``total`` cells (one space between columns)."""
        columns = list(COLUMNS if total >= WIDE else COLUMNS[:-1])
        fixed = sum(w for _, w in columns) + len(columns) - 1
        return [w or max(MIN_TITLE, total - fixed) for _, w in columns]

    def _line(self, texts: list[str], widths: list[int], style: Style) -> Strip:
        parts = []
        for n, (text, width) in enumerate(zip(texts, widths)):
            if cell_len(text) > width:
                text = set_cell_size(text, width - 1) + "…"
            parts.append(set_cell_size(text, width) + (" " if n < len(widths) - 1 else ""))
        return Strip([Segment("".join(parts), style)])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        widths = self.widths(width)
        if y == 0:
            style = base + self.get_component_rich_style("action-table--header", partial=True)
            titles = [t for t, _ in COLUMNS][: len(widths)]
            return self._line(titles, widths, style).adjust_cell_length(width, style)
        index = round(self.scroll_y) + y - 1
        if not self.items and y == 1:
            style = base + self.get_component_rich_style("action-table--empty", partial=True)
            return Strip([Segment(set_cell_size(self.empty_text, width), style)])
        if index >= len(self.items):
            return Strip.blank(width, base)
        item = self.items[index]
        style = base
        if item.is_overdue(self.today):
            style += self.get_component_rich_style("action-table--overdue", partial=True)
        elif item.status != "open":
            style += self.get_component_rich_style("action-table--closed", partial=True)
        if index == self.cursor:
            style += self.get_component_rich_style("action-table--cursor", partial=True)
        line = self._line(cells(item, self.today)[: len(widths)], widths, style)
        return line.adjust_cell_length(width, style)
