"""Preview a meeting's minutes as rendered Markdown; export them to a file."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.markdown import Markdown
from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from checkin.core.model import Meeting
from checkin.render.terminal import safe
from checkin.services.minutes import export_minutes, minutes_text
from checkin.store import Store
from checkin.tui.frames import SizedScreen
from checkin.tui.teardown import leaving
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.plain import Label


class DrawnOnce:
    """``renderable`` drawn by Rich once per width, then replayed.

    Textual renders a Static's content to measure its height and again to draw it, on
    every layout (a screen's first frame has two): four Markdown renders of the minutes.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self.drawn: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.min_width, options.justify, options.overflow,
               options.no_wrap, options.highlight, options.markup)
        segments = self.drawn.get(key)
        if segments is None:
            segments = self.drawn[key] = list(console.render(self.renderable, options))
        yield from segments


class MinutesView(Static):
    """The minutes drawn by Rich as one widget.

    Textual's Markdown widget mounts a widget per block: for a meeting's minutes that took
    8x a bare screen to show. Links are shown as text and never opened (no hyperlinks).
    """

    def __init__(self, source: str, *, id: str | None = None) -> None:
        self.document = Markdown(source, hyperlinks=False)
        super().__init__(DrawnOnce(self.document), id=id)
        self.source = source


class MinutesScreen(SizedScreen[None]):
    """Read-only preview of the minutes; export them to a file."""

    BINDINGS = [
        Binding("ctrl+e,e", "export", "Export", id="minutes.export",
                tooltip="Write the minutes to a .md or .html file (asks for the path)"),
        Binding("escape", "back", "Back", id="minutes.back",
                tooltip="Close the preview and go back"),
    ]

    def __init__(self, store: Store, meeting: Meeting) -> None:
        super().__init__(id="minutes")
        self.store = store
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        status = {"in-progress": "in progress", "planned": "planned"}.get(
            self.meeting.status, "ended")
        yield Label(f"Minutes · {self.meeting.id} ({status})", id="minutes-title")
        with VerticalScroll(id="minutes-scroll"):
            yield MinutesView(self.markdown(), id="minutes-markdown")
        yield Label("", id="minutes-status")
        yield KeyBar()

    def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.query_one("#minutes-scroll").focus()

    def markdown(self) -> str:
        return safe(minutes_text(self.store, self.meeting))

    def action_back(self) -> None:
        self.dismiss()

    @work
    async def action_export(self) -> None:
        from checkin.tui.dialogs.export import ExportDialog, export  # ~9 ms: when asked

        def write(path: Path, fmt: str) -> None:
            export_minutes(self.store, self.meeting, path, fmt)

        await export(self, ExportDialog(f"./{self.meeting.id}.md", write),
                     self.query_one("#minutes-status", Label), "Exported to")
