"""Home: agendas to start or resume, recent meetings, action item counts, escalations."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from checkin.core.dates import describe
from checkin.core.model import MeetingSummary
from checkin.render.numbers import format_number
from checkin.services.home import AgendaEntry, HomeData, due_choice, row_agenda
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.frames import SizedScreen, after_first_frame
from checkin.tui.teardown import leaving
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.plain import Label, Static, plain

# Date, Rating, Blocks, Actions and each cell's padding: what the Agenda column leaves
RECENT_FIXED_WIDTH = len("2026-11-22") + len("Rating") + len("Blocks") + len("Actions") + 5 * 2 + 2


def agenda_prompt(entry: AgendaEntry, today_label: str) -> Text:
    """Two lines: the agenda's title, then its cadence and next meeting (or its error)."""
    info = entry.info
    if info.error:
        return Text.assemble((f"⚠ {info.path.name} cannot be used\n", "bold"),
                             f"  {info.error}")
    if entry.in_progress:
        state = "in progress: Enter resumes"
    elif entry.planned:
        state = "prep taken in: Enter starts it"
    elif entry.meetings_held:
        state = f"next meeting {today_label}"
    else:
        state = "not held yet: Enter starts the first one"
    held = f" · {entry.meetings_held} held" if entry.meetings_held else ""
    waiting: str | Text = f"\n  {entry.waiting}" if entry.waiting and not entry.in_progress \
        else ""
    if entry.problem:  # its last meeting's file cannot be read: which file, what to do
        waiting = Text.assemble("\n  ⚠ ", plain(entry.problem))
    return Text.assemble((info.title, "bold"), f"\n  {info.cadence} · {state}{held}", waiting)


def resume_prompt(summary: MeetingSummary) -> Text:
    return Text.assemble(("▶ Resume ", "bold"), (summary.agenda_title, "bold"),
                         f"\n  in progress since {summary.date.isoformat()}")


class HomeScreen(SizedScreen[None]):
    """What to do next: every list reachable with tab, Enter acts on the highlighted row."""

    # Focused as the screen opens: Textual's default ("*") focused the scrolling body
    # first, and the agendas' focus() then blurred it, restyling Home twice (~20 ms).
    AUTO_FOCUS = "#home-agendas"
    BINDINGS = [
        Binding("f2", "app.toggle_dark", "Light/dark", id="home.theme",
                tooltip="Switch between the light and the dark theme (for the projector)"),
        Binding("r", "refresh", "Refresh", id="home.refresh",
                tooltip="Re-read agendas and meetings from disk"),
        Binding("ctrl+d", "discard", "Discard", id="home.discard", show=False,
                tooltip="Discard the highlighted meeting in progress (started by mistake): "
                        "undo everything it did, after asking"),
    ]

    class StartAgenda(Message):
        """Start (or resume) the meeting of the agenda file at ``path``."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class ResumeMeeting(Message):
        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    class DiscardMeeting(Message):
        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    class OpenMinutes(Message):
        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    class OpenScreen(Message):
        """Open a between-meetings screen by its app action name."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(self, data: HomeData) -> None:
        super().__init__(id="home")
        self.data = data
        self.data_before = data  # what the highlighted row was read against
        self.resumed_once = False

    def compose(self) -> ComposeResult:
        yield Label("checkin · run the check-in", id="home-title")
        with VerticalScroll(id="home-body"):
            with Vertical(id="home-left"):
                yield Label("Start or resume a meeting (Enter)", classes="home-heading")
                yield OptionList(id="home-agendas")
                yield Label("Recent meetings (Enter: minutes)", classes="home-heading")
                yield DataTable(id="home-recent", cursor_type="row", zebra_stripes=True)
            with Vertical(id="home-right"):
                yield Label("Action items", classes="home-heading")
                yield Static("", id="home-counts")
                yield Label("Needs escalation", classes="home-heading")
                yield Static("", id="home-flags")
                yield Label("Between meetings", classes="home-heading",
                            id="home-between-heading")
                yield OptionList(id="home-between")
        yield KeyBar()

    def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        table = self.query_one("#home-recent", DataTable)
        table.add_columns("Date", "Rating", "Blocks", "Actions", "Agenda")
        self.query_one("#home-agendas", OptionList).focus()
        after_first_frame(self, self._after_first_paint)  # the lists: after the frame

    def _after_first_paint(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.show(self.data)

    def show(self, data: HomeData) -> None:
        """Fill every list from ``data`` (keeps the highlighted agenda where it was)."""
        with self.app.batch_update():  # one repaint for every list and class change
            self._fill(data)

    def _fill(self, data: HomeData) -> None:
        self.data = data
        today = self.app.today()  # type: ignore[attr-defined]
        agendas = self.query_one("#home-agendas", OptionList)
        before = self.highlighted_row()
        agendas.clear_options()
        for summary in data.in_progress:
            agendas.add_option(Option(resume_prompt(summary), id=f"resume:{summary.id}"))
        for entry in data.agendas:
            label = describe(entry.next_date, today) if entry.next_date else ""
            agendas.add_option(Option(agenda_prompt(entry, label), id=f"agenda:{entry.info.id}"))
        self.highlight_row(before)

        table = self.query_one("#home-recent", DataTable)
        table.clear()
        # an agenda's title where every one fits, else its short name (never cut)
        room = table.content_region.width - RECENT_FIXED_WIDTH
        titles = all(len(s.agenda_title) <= room for s in data.recent) or not room
        for s in data.recent:
            rating = format_number(s.rating) if s.rating is not None else "–"
            table.add_row(s.date.isoformat(), rating, str(s.roadblocks), str(s.actions),
                          plain(s.agenda_title if titles else s.agenda_id), key=s.id)

        overdue = f" · {data.overdue_actions} overdue" if data.overdue_actions else ""
        self.query_one("#home-counts", Static).update(
            Text(f"{data.open_actions} open{overdue}"))
        counts = self.query_one("#home-counts", Static)
        counts.set_class(data.overdue_actions > 0, "-overdue")
        flags = "\n".join(f"⚑ {f.subject}: {f.detail}" for f in data.flags)
        self.query_one("#home-flags", Static).update(Text(flags or "Nothing to escalate."))

        between = self.query_one("#home-between", OptionList)
        between.clear_options()
        for action, name in self.app.between_screens():  # type: ignore[attr-defined]
            between.add_option(Option(name, id=action))
        between.display = between.option_count > 0
        self.query_one("#home-between-heading").display = between.display

    def highlighted_row(self) -> tuple[str, str] | None:
        """(row id, agenda id) of the highlighted agenda row, if any."""
        agendas = self.query_one("#home-agendas", OptionList)
        if agendas.highlighted is None or not agendas.option_count:
            return None
        row_id = agendas.get_option_at_index(agendas.highlighted).id or ""
        return row_id, row_agenda(self.data_before, row_id)

    def highlight_row(self, before: tuple[str, str] | None) -> None:
        """Keep the cursor on the same row, else on a row of the same agenda, else on the
        meeting that is in progress or due: rows are keyed by id, never by position."""
        self.data_before = self.data
        agendas = self.query_one("#home-agendas", OptionList)
        ids = [o.id or "" for o in agendas.options]
        if not ids:
            return
        wanted = [before[0]] if before else []
        if before:
            wanted += [i for i in ids if row_agenda(self.data, i) == before[1]]
        wanted += [due_choice(self.data) or ids[0]]
        agendas.highlighted = ids.index(next((w for w in wanted if w in ids), ids[0]))

    def action_discard(self) -> None:
        """Discard the highlighted meeting in progress, after asking."""
        row = self.highlighted_row()
        summary = None
        if row is not None:
            summary = next((s for s in self.data.in_progress
                            if row[0] == f"resume:{s.id}" or s.agenda_id == row[1]), None)
        if summary is None:
            self.notify("Highlight a meeting in progress to discard it.", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.DiscardMeeting(summary.id))

        self.app.push_screen(ConfirmDialog(
            f"Discard the meeting of {summary.date.isoformat()} ({summary.agenda_title})?",
            "Items created in it are removed and its changes to carried-over items are "
            "undone. This cannot be undone.", yes="Discard", no="Keep it", variant="error"),
            answered)

    def action_refresh(self) -> None:
        self.show(self.app.home_data())  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        """Back from a meeting or a dialog: counts and lists may have changed."""
        if self.resumed_once:
            self.action_refresh()
        self.resumed_once = True

    @on(OptionList.OptionSelected, "#home-agendas")
    def agenda_chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if kind == "resume":
            self.post_message(self.ResumeMeeting(ident))
            return
        entry = next(e for e in self.data.agendas if e.info.id == ident)
        if entry.info.error:
            self.notify(entry.info.error, title="This agenda cannot be used", severity="error")
        else:
            self.post_message(self.StartAgenda(entry.info.path))

    @on(DataTable.RowSelected, "#home-recent")
    def meeting_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(self.OpenMinutes(event.row_key.value))

    @on(OptionList.OptionSelected, "#home-between")
    def between_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.OpenScreen(event.option.id))
