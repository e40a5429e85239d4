"""The live meeting: section sidebar, clock header, the current section's editor."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget

from checkin import clock
from checkin.core.model import Section
from checkin.errors import CheckinError
from checkin.tui.frames import SizedScreen
from checkin.tui.garbage import IDLE_FOR_GC, idle_for_gc, settle_garbage
from checkin.tui.sections import editor_class
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import SAVE_INTERVAL, MeetingSession
from checkin.tui.teardown import leaving
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.meeting_clock import MeetingClock
from checkin.tui.widgets.plain import Label
from checkin.tui.widgets.quick_add import QuickAddBar
from checkin.tui.widgets.sidebar import SectionSidebar


def make_editor(session: MeetingSession, section: Section, width: int = 0) -> SectionEditor:
    """The editor of the section's kind (its module is imported on first use), with the
    classes of ``width`` columns when known: none to change on its first resize."""
    editor = editor_class(section.kind)(session, section)
    if width:
        editor.fit(width)
    return editor


TIMER_SAVE_SECONDS = 15.0
SECTIONS_DIR = Path(__file__).resolve().parent.parent / "sections"


class MeetingScreen(SizedScreen[None]):
    """Global keys are priority bindings: they work while a text field has focus."""

    CSS_PATH = sorted(SECTIONS_DIR.glob("*.tcss"))  # the section editors' styles

    # The footer fits one line at 100 columns: pgup/pgdn are shown under the sidebar
    # instead, ^o in wrap-up only, and ^q by help and the palette (esc Home is shown).
    BINDINGS = [
        Binding("pageup", "prev_section", "Previous", id="meeting.prev", priority=True,
                show=False, tooltip="Save and go back to the previous agenda section"),
        Binding("pagedown", "next_section", "Next", id="meeting.next", priority=True,
                show=False, tooltip="Save and go to the next agenda section"),
        Binding("ctrl+t", "quick_add", "Quick add", id="meeting.quick_add", priority=True,
                tooltip="Add an action item in one line: @owner #dept title due:fri"),
        Binding("ctrl+s", "save", "Save", id="meeting.save", priority=True, show=False,
                tooltip="Write the meeting to disk now (it also saves by itself)"),
        Binding("ctrl+o", "minutes", "Minutes", id="meeting.minutes", priority=True,
                show=False, tooltip="Preview (and export) the minutes of this meeting"),
        Binding("ctrl+g", "app.action_register", "Actions", id="meeting.actions",
                priority=True, show=False,
                tooltip="Save, then open the action items register (escape comes back)"),
        Binding("ctrl+y", "app.history", "History", id="meeting.history", priority=True,
                show=False, tooltip="Save, then open the meeting history (escape comes back)"),
        Binding("f3", "app.trends", "Trends", id="meeting.trends", priority=True,
                show=False, tooltip="Save, then open the scorecard trends (escape comes back)"),
        Binding("escape", "back", "Home", id="meeting.back",
                tooltip="Close the quick-add bar, else save and go back to Home"),
        Binding("ctrl+q", "app.quit", "Quit", id="meeting.quit", priority=True, show=False,
                tooltip="Save everything and quit (esc goes to Home)"),
    ]

    def __init__(self, session: MeetingSession, *, live_clock: bool = True) -> None:
        super().__init__(id="meeting")
        self.session = session
        self.live_clock = live_clock
        self.last_tick = time.monotonic()
        self.timer_unsaved = 0.0  # seconds of timer not yet written
        self.moving = asyncio.Lock()  # one section change at a time, in key order
        self.editor: Widget | None = None  # the mounted editor of the current section
        self.garbage_due = False  # a section changed: collect once the keys stop

    @property
    def current(self) -> int:
        return self.session.meeting.current_section

    @property
    def section(self) -> Section:
        return self.session.meeting.agenda.sections[self.current]

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        yield MeetingClock(meeting.agenda.title, meeting.date.isoformat(), id="meeting-clock")
        with Horizontal(id="meeting-body"):
            yield SectionSidebar(meeting.agenda.sections, current=self.current,
                                 id="sidebar")
            with Vertical(id="meeting-main"):
                yield Label("", id="section-title")
                yield Label("", id="section-prompt")
                yield Vertical(id="section-body")
                bar = QuickAddBar(self.session, id="quick-add")
                bar.display = False
                yield bar
        yield KeyBar()

    async def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.set_interval(SAVE_INTERVAL, self.autosave)
        self.set_interval(IDLE_FOR_GC / 3, self.collect_when_idle)
        if self.live_clock:
            self.set_interval(1.0, self.tick)
        await self.show_section()

    def collect_when_idle(self) -> None:
        last_key = getattr(self.app, "last_key", 0.0)
        if self.garbage_due and idle_for_gc(last_key):
            self.garbage_due = False
            settle_garbage()

    # ------------------------------------------------------------ time and saving
    def tick(self) -> None:
        """Once a second: count the time and redraw the clock.

        Timers alone mark the meeting for saving every TIMER_SAVE_SECONDS (an idle meeting
        would otherwise be rewritten every second); any edit, section change or quit
        saves them too, so a crash loses at most that much timer.
        """
        self.count_time()
        if self.timer_unsaved >= TIMER_SAVE_SECONDS:
            self.session.changed()
        self.show_time()

    def count_time(self) -> None:
        """Add the time since the last count to the current section (not once ended)."""
        now = time.monotonic()
        delta, self.last_tick = now - self.last_tick, now
        meeting = self.session.meeting
        if self.live_clock and meeting.status == "in-progress":
            self.session.add_time(self.current, delta)
            self.timer_unsaved += delta

    def show_time(self) -> None:
        meeting = self.session.meeting
        self.query_one(MeetingClock).show(
            now=clock.now(),
            section_elapsed=meeting.elapsed_seconds[self.current],
            section_minutes=self.section.timebox_minutes,
            meeting_elapsed=sum(meeting.elapsed_seconds),
            meeting_minutes=meeting.agenda.duration_minutes)
        sidebar = self.query_one(SectionSidebar)
        sidebar.current = self.current
        sidebar.show_elapsed(meeting.elapsed_seconds, ended=meeting.status == "ended",
                             unfinished=self.session.unfinished_sections())

    def autosave(self) -> None:
        if self.session.dirty:
            self.save()

    def save(self) -> None:
        """Flush the session (with the timers) and say so (quietly) in the header."""
        header = self.query_one(MeetingClock)
        self.count_time()
        if self.timer_unsaved:
            self.session.changed()
        try:
            self.session.flush()
            self.timer_unsaved = 0.0
        except CheckinError as exc:  # disk full, folder gone: keep the edits, say so
            self.show_save_failed(f"Could not save: {exc}")
            return
        header.show_saved("✓ saved")

    def show_save_failed(self, text: str) -> None:
        """A write failed: the header says so until a save succeeds; nothing is lost."""
        self.query_one(MeetingClock).show_saved("✗ NOT SAVED", pending=True)
        self.notify(text, severity="error", timeout=10)

    def on_section_editor_save_failed(self, message: SectionEditor.SaveFailed) -> None:
        self.show_save_failed(message.text)

    def on_screen_suspend(self) -> None:
        self.save()

    def on_unmount(self) -> None:
        self.count_time()
        if self.timer_unsaved:
            self.session.changed()
        with suppress(CheckinError):  # still dirty: the app's quit flush says so
            self.session.flush()

    # ------------------------------------------------------------ sections
    async def show_section(self) -> None:
        """Mount the current section's editor with its prompt above it."""
        section = self.section
        total = len(self.session.meeting.agenda.sections)
        self.query_one("#section-title", Label).update(
            f"{self.current + 1}/{total} · {section.title}")
        prompt = self.query_one("#section-prompt", Label)
        prompt.update(section.prompt)
        prompt.display = bool(section.prompt)
        body = self.query_one("#section-body", Vertical)
        self.editor = None
        editor = make_editor(self.session, section, body.content_size.width)
        with self.app.batch_update():  # one layout for the new section, not one per stage
            await body.remove_children()
            await body.mount(editor)
            self.editor = editor
            self.show_time()
            self.refresh_bindings()
        self.call_after_refresh(self.focus_editor, editor)
        self.garbage_due = True  # collected when idle: run at once, it cost the new
        # section's first paint 100-150 ms on a 5-year history (bench/first_paint.py)

    def focus_editor(self, editor: Widget) -> None:
        """Put the cursor in ``editor`` unless a faster key press already replaced it."""
        focus_first = getattr(editor, "focus_first", None)
        if callable(focus_first) and editor is self.editor:
            focus_first()

    async def go_to(self, index: int) -> None:
        """Save, then show section ``index`` (key presses queue up in order)."""
        async with self.moving:
            await self.change_section(index)

    async def move(self, step: int) -> None:
        """Next/previous, counted from where the previous move ended."""
        async with self.moving:
            await self.change_section(self.current + step)

    async def change_section(self, index: int) -> None:
        sections = self.session.meeting.agenda.sections
        if not 0 <= index < len(sections) or index == self.current:
            return
        self.count_time()  # the time so far belongs to the section being left
        self.session.go_to_section(index)
        self.save()
        await self.show_section()

    async def action_next_section(self) -> None:
        await self.move(1)

    async def action_prev_section(self) -> None:
        await self.move(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        last = len(self.session.meeting.agenda.sections) - 1
        if action == "next_section" and self.current >= last:
            return None
        if action == "prev_section" and self.current <= 0:
            return None
        return True

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """One "go to" command per section, for the command palette."""
        return [
            (f"Go to section {n + 1}: {s.title}", f"{s.kind}, {s.timebox_minutes} minutes",
             partial(self.go_to, n))
            for n, s in enumerate(self.session.meeting.agenda.sections)
        ]

    # ------------------------------------------------------------ keys
    def action_save(self) -> None:
        self.session.changed()
        self.save()
        self.notify("Saved.", timeout=2)

    def action_minutes(self) -> None:
        self.save()
        self.app.show_minutes(self.session.meeting)  # type: ignore[attr-defined]

    def action_quick_add(self) -> None:
        bar = self.query_one("#quick-add")
        bar.display = True
        bar.focus()

    def hide_quick_add(self) -> bool:
        """Hide the quick-add bar if shown; True if it was."""
        bar = self.query_one("#quick-add")
        if not bar.display:
            return False
        bar.display = False
        if self.editor is not None:
            self.focus_editor(self.editor)
        return True

    def action_back(self) -> None:
        if not self.hide_quick_add():
            self.save()
            self.dismiss()

    def on_quick_add_bar_added(self, message: object) -> None:
        """An item was added from the quick-add bar (it stays open for the next one):
        let the current editor show it, if it lists action items."""
        reload = getattr(self.editor, "reload", None)
        if callable(reload):
            reload()

    def on_quick_add_bar_closed(self, message: object) -> None:
        self.hide_quick_add()

    def on_wrap_up_editor_ended(self, message: object) -> None:
        """The facilitator ended the meeting: leave it and show its minutes."""
        self.save()
        self.dismiss()
        self.app.show_minutes(self.session.meeting)  # type: ignore[attr-defined]
