"""Past meetings, newest first; Enter opens the minutes read-only, ``e`` exports them.

The first rows (as many as the terminal has lines) are in the table for the first frame, the rest
are added right after it: DataTable measures every cell of the rows it is given before it
draws, 60+ ms for five years of meetings. Column widths are set from every row up front
(a plain length, no rendering), so nothing moves when the rest arrive.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from checkin.core.model import MeetingSummary
from checkin.render.numbers import format_number
from checkin.store import Store
from checkin.tui.frames import SizedScreen, after_first_frame
from checkin.tui.teardown import leaving
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.plain import Label, plain

COLUMNS = ("Date", "Agenda", "Facilitator", "Status", "Rating", "Roadblocks", "Actions")


def row(s: MeetingSummary) -> tuple[str | Text, ...]:
    rating = "" if s.rating is None else f"{format_number(s.rating)}/10"
    status = "in progress" if s.status == "in-progress" else s.status
    return (s.date.isoformat(), plain(s.agenda_title), plain(s.facilitator or "—"), status,
            rating, str(s.roadblocks), str(s.actions))


def widths(rows: list[tuple[str | Text, ...]]) -> list[int]:
    """Each column's width: its longest cell or title (cells are one line)."""
    return [max(cell_len(str(c)) for c in column) for column in zip(COLUMNS, *rows)]


class MeetingTable(DataTable[str | Text]):
    """The meetings; Enter (shown in the footer) opens the highlighted one's minutes."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Minutes", id="history.open",
                tooltip="Show the highlighted meeting's minutes (read-only)"),
    ]


class HistoryScreen(SizedScreen[None]):
    """Every meeting in the store's index (no meeting file is opened to list them)."""

    BINDINGS = [
        Binding("e", "export", "Export", id="history.export",
                tooltip="Write the highlighted meeting's minutes to a .md or .html file"),
        Binding("escape", "back", "Back", id="history.back", tooltip="Go back"),
    ]

    def __init__(self, store: Store, *, today: date, dayfirst: bool = False) -> None:
        super().__init__(id="history")
        self.store = store
        self.today = today
        self.dayfirst = dayfirst
        self.rows = store.meetings()
        self.cells = [row(s) for s in self.rows]

    def compose(self) -> ComposeResult:
        yield Label(f"Meeting history · {len(self.rows)} meetings, newest first",
                    id="history-title")
        table = MeetingTable(cursor_type="row", zebra_stripes=True, id="history-table")
        for title, width in zip(COLUMNS, widths(self.cells)):
            table.add_column(title, width=width)
        self.first_rows = self.app.size.height  # the table shows fewer
        self.add_rows(table, 0, self.first_rows)
        yield table
        if not self.rows:
            yield Label("No meetings yet: start one from Home.", id="history-empty")
        yield Label("", id="history-status")
        yield KeyBar()

    def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.query_one(DataTable).focus()
        if len(self.rows) > self.first_rows:  # after the first frame, in one batch
            after_first_frame(self, self.add_rest)

    def add_rows(self, table: DataTable[str | Text], start: int, end: int | None) -> None:
        for s, cells in zip(self.rows[start:end], self.cells[start:end]):
            table.add_row(*cells, key=s.id)

    def add_rest(self) -> None:
        if not leaving(self) and self.is_attached:  # not popped meanwhile
            self.add_rows(self.query_one(DataTable), self.first_rows, None)

    @property
    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.rows:
            return None
        return self.rows[table.cursor_row].id

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        meeting_id = self.selected
        if meeting_id is not None:
            self.app.show_minutes(self.app.load(meeting_id))  # type: ignore[attr-defined]

    @work
    async def action_export(self) -> None:
        from checkin.services.minutes import export_minutes  # ~35 ms: when asked
        from checkin.tui.dialogs.export import ExportDialog, export

        meeting_id = self.selected
        if meeting_id is None:
            return
        meeting = self.app.load(meeting_id)  # type: ignore[attr-defined]

        def write(path: Path, fmt: str) -> None:
            export_minutes(self.store, meeting, path, fmt)

        await export(self, ExportDialog(f"./{meeting_id}.md", write),
                     self.query_one("#history-status", Label), f"Exported {meeting_id} to")

    def action_back(self) -> None:
        self.dismiss()
