"""The Textual app: screens over one opened Store; ``make_app`` / ``run_app`` build and run it.

The store is opened (lock taken) and the agenda loaded before Textual starts, so a locked
data dir or a broken agenda is a one-line CheckinError (exit 2), never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable, Iterator
from datetime import date
from importlib import import_module
from pathlib import Path

from rich.console import RenderableType
from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input

from checkin import clock
from checkin.core.agenda import load_agenda
from checkin.core.model import Agenda, Meeting
from checkin.errors import CheckinError
from checkin.render.terminal import safe
from checkin.services.agendas import agenda_by_name
from checkin.services.home import HomeData, home_data
from checkin.services.hooks import HookResult, HookRunner
from checkin.store import Store
from checkin.tui.commands import ScreenCommands
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.garbage import GC_THRESHOLDS, IDLE_FOR_GC, idle_for_gc, settle_garbage
from checkin.tui.screens.home import HomeScreen

TYPE_CHECKING = False  # Home comes first: the meeting's modules are imported when it starts
if TYPE_CHECKING:
    from checkin.tui.session import MeetingSession

# Inputs whose text is kept only when Enter adds it: ctrl+q asks before losing it.
DRAFT_FIELDS = ("QuickAddBar Input, InlinePrompt Input, RoadblockForm Input, #action-title, "
                "#decision-text")

SETTLE_AFTER_START = 0.5  # seconds: the start-up collection waits for Home's frames
HANGUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                       if hasattr(signal, name))

# action -> (module in checkin.tui.screens, class, Home label); imported when first opened.
BETWEEN_SCREENS: dict[str, tuple[str, str, str]] = {
    "action_register": ("actions", "ActionsScreen", "Action items register (ctrl+g)"),
    "history": ("history", "HistoryScreen", "Meeting history (ctrl+y)"),
    "trends": ("trends", "TrendsScreen", "Scorecard trends (f3)"),
}


# What each of them reads first (converted once, then cached by the store).
READS: dict[str, Callable[[Store], object]] = {
    "action_register": lambda store: store.actions("open"),  # the closed: after a frame
    "history": lambda store: store.meetings(),
    "trends": lambda store: store.meetings(),
}


def screen_class(action: str) -> type[Screen]:
    """The between-meetings screen for ``action`` (imported on first use: start-up cost)."""
    module, name, _ = BETWEEN_SCREENS[action]
    return getattr(import_module(f"checkin.tui.screens.{module}"), name)


def stylesheets() -> list[Path]:
    """app.tcss, then the shared widgets', dialogs' and between-meetings screens' styles.

    The meeting screen loads the section editors' (``CSS_PATH``), so Home starts without
    them. The other screens' rules (ids and their own classes, a few ms to parse) load
    here: a screen's ``CSS_PATH`` makes its first push reparse every stylesheet and restyle
    every node of the app, 70-160 ms on a 5-year history.
    """
    here = Path(__file__).parent
    found = [here / "app.tcss"]
    for folder in ("widgets", "dialogs", "screens"):
        found += sorted((here / folder).glob("*.tcss"))
    return found


class CheckinApp(App[None]):
    TITLE = "checkin"
    COMMANDS = App.COMMANDS | {ScreenCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (160, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True,
                tooltip="Save everything and quit"),
        Binding("f1,question_mark", "help", "Help", id="app.help",
                tooltip="List every key of this screen"),
        # the jumps between screens are on Home's "Between meetings" list with their keys,
        # in f1 and in ctrl+p: the footers keep their room for the screen's own keys
        Binding("ctrl+g", "action_register", "Actions", show=False, id="app.actions",
                tooltip="Action items across all meetings: filter, mark done, re-date"),
        Binding("ctrl+y", "history", "History", show=False, id="app.history",
                tooltip="Past meetings, newest first, with their minutes"),
        Binding("f3", "trends", "Trends", show=False, id="app.trends",
                tooltip="Each metric across the agenda's meetings, with its target"),
        Binding("f2", "toggle_dark", "Light/dark", id="app.theme", show=False,
                tooltip="Switch between the light and the dark theme"),
    ]

    def __init__(self, store: Store, data_dir: Path, *, agenda: Agenda | None = None,
                 facilitator: str = "", dayfirst: bool = False,
                 meeting: Meeting | None = None, home: HomeData | None = None) -> None:
        super().__init__(css_path=stylesheets())
        self.store = store
        self.data_dir = data_dir
        self.start_agenda = agenda
        self.start_meeting = meeting  # started by make_app, before Textual
        self.first_home = home
        self.facilitator = facilitator
        self.dayfirst = dayfirst
        self.session: MeetingSession | None = None
        self.hooks = HookRunner(self._hook_failed)
        self.live_clock = True  # tests freeze the meeting clock for snapshots
        self.early_signals: list[int] = []  # caught by ``run_app`` before the loop ran
        self.leaving = False  # ``exit`` was called: the screens are being torn down
        self.last_key = 0.0  # time.monotonic() of the last key pressed
        self.theme = "textual-dark"

    # ------------------------------------------------------------ data for screens
    def today(self) -> date:
        return clock.today()

    def home_data(self) -> HomeData:
        return home_data(self.store, self.data_dir, self.today())

    def between_screens(self) -> list[tuple[str, str]]:
        """(action, label) of the between-meetings screens."""
        return [(action, label) for action, (_, _, label) in BETWEEN_SCREENS.items()]

    # ------------------------------------------------------------ lifecycle
    def on_mount(self) -> None:
        home, self.first_home = self.first_home or self.home_data(), None
        self.push_screen(HomeScreen(home))
        gc.set_threshold(*GC_THRESHOLDS)
        self.set_timer(SETTLE_AFTER_START, self.settle_start)
        self.catch_signals()
        if self.start_meeting is not None:
            self.open_meeting(self.start_meeting)
        elif self.start_agenda is not None:
            self.start(self.start_agenda)

    def settle_start(self) -> None:
        """What start-up loaded lives until exit: ``settle_garbage`` once Home is up and no
        key is coming (a collection in Home's first frame made it ~15 ms later)."""
        if self.last_key and not idle_for_gc(self.last_key):
            self.set_timer(IDLE_FOR_GC, self.settle_start)
            return
        settle_garbage()

    def flush(self) -> None:
        if self.session is not None:
            self.session.flush()

    def drafts(self) -> list[str]:
        """Text typed into forms that only save on Enter (quick add, a question, a new
        roadblock, item or decision): what quitting now would lose. A field is an Input
        or, where a sentence is typed (the decision), a wrapping WrapField."""
        from checkin.tui.widgets.wrap_field import WrapField  # loaded by then: quit only

        fields = (f for f in self.screen.query(DRAFT_FIELDS) if isinstance(f, Input | WrapField))
        return [text for f in fields if (text := f.value.strip())]

    # ------------------------------------------------------------ signals
    def catch_signals(self) -> None:
        """SIGTERM and SIGHUP (the terminal window closed): save, restore the terminal, exit.

        Without this Python dies at once: the debounced last edit is lost and the terminal
        is left in the alternate screen with mouse reporting on.
        """
        if self.is_headless:  # tests drive the app inside pytest: leave its signals alone
            return
        loop = asyncio.get_running_loop()
        for sig in HANGUP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.on_signal, sig)  # not on Windows
        if self.early_signals:  # came while Textual was starting: act on it now
            self.on_signal(self.early_signals[0])

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.last_key = time.monotonic()  # the meeting collects garbage when idle
        await super().on_event(event)

    def on_signal(self, sig: int) -> None:
        if self.leaving:  # a second signal while leaving: the first one's exit stands
            return
        with contextlib.suppress(CheckinError):  # no screen to say so; exit as asked
            self.flush()
        self.exit(return_code=128 + sig)

    def exit(self, result: None = None, return_code: int = 0,
             message: RenderableType | None = None) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications carry typed text (titles, names, errors): never markup."""
        super().notify(safe(message), title=safe(title), severity=severity, timeout=timeout,
                       markup=False)

    async def action_quit(self) -> None:
        if drafts := self.drafts():
            shown = drafts[0] if len(drafts[0]) <= 40 else drafts[0][:39] + "…"
            question = (f"Quit and lose what is typed but not added yet (“{shown}”"
                        + (f" and {len(drafts) - 1} more" if len(drafts) > 1 else "") + ")?")
            self.push_screen(ConfirmDialog(question, yes="Quit", no="Go back"),
                             self._quit_answered)
            return
        self.save_and_exit()

    def _quit_answered(self, yes: bool | None) -> None:
        if yes:
            self.save_and_exit()

    def save_and_exit(self) -> None:
        try:
            self.flush()
        except CheckinError as exc:  # stay open: quitting now would lose the edits
            self.notify(f"Not saved, so not quitting: {exc}", severity="error", timeout=15)
            return
        self.exit()

    def _hook_failed(self, result: HookResult) -> None:
        """A hook failed or hung (called from its thread): say so, never stop the meeting."""
        with contextlib.suppress(RuntimeError):  # the app has already closed
            self.call_from_thread(self.notify, result.message, title="Hook",
                                  severity="warning", timeout=10, markup=False)

    # ------------------------------------------------------------ navigation
    def start(self, agenda: Agenda) -> None:
        """Resume the agenda's meeting, or start one: asking who facilitates unless
        ``--facilitator`` said so (and only once it is known the meeting can start)."""
        from checkin.services.meetings import last_facilitator, previous_of_new
        from checkin.tui.dialogs.facilitator import FacilitatorDialog

        if self.facilitator or self.store.in_progress(agenda.id) is not None:
            self._start_or_resume(agenda, self.facilitator)
            return
        try:
            previous_of_new(self.store, agenda, self.today())
        except CheckinError as exc:  # e.g. its last meeting's file is damaged
            self._cannot_start(exc)
            return

        def chosen(name: str | None) -> None:
            if name:
                self._start_or_resume(agenda, name)

        self.push_screen(FacilitatorDialog(agenda.title,
                                           last_facilitator(self.store, agenda.id)), chosen)

    def _start_or_resume(self, agenda: Agenda, facilitator: str) -> None:
        from checkin.services.meetings import start_or_resume

        try:
            meeting = start_or_resume(self.store, agenda, now=clock.now(),
                                      facilitator=facilitator)
        except CheckinError as exc:  # e.g. its last meeting's file is damaged
            self._cannot_start(exc)
            return
        self.open_meeting(meeting)

    def _cannot_start(self, exc: CheckinError) -> None:
        self.notify(str(exc), title="This meeting cannot be started", severity="error",
                    timeout=20)

    def open_meeting(self, meeting: Meeting) -> None:
        from checkin.tui.screens.meeting import MeetingScreen
        from checkin.tui.session import MeetingSession

        self.flush()
        self.session = MeetingSession(self.store, meeting, today=self.today(),
                                      dayfirst=self.dayfirst, hooks=self.hooks)
        self.push_screen(MeetingScreen(self.session, live_clock=self.live_clock))

    def show_minutes(self, meeting: Meeting) -> None:
        from checkin.tui.screens.minutes import MinutesScreen  # Markdown: ~75 ms to import

        self.push_screen(MinutesScreen(self.store, meeting))

    @on(HomeScreen.StartAgenda)
    def start_agenda_file(self, message: HomeScreen.StartAgenda) -> None:
        try:
            agenda = load_agenda(message.path)
        except CheckinError as exc:
            self.notify(str(exc), title="This agenda cannot be used", severity="error")
            return
        self.start(agenda)

    @on(HomeScreen.ResumeMeeting)
    def resume_meeting(self, message: HomeScreen.ResumeMeeting) -> None:
        with self.told("This meeting cannot be opened"):
            self.open_meeting(self.load(message.meeting_id))

    @on(HomeScreen.DiscardMeeting)
    def discard(self, message: HomeScreen.DiscardMeeting) -> None:
        from checkin.services.meetings import discard_meeting

        if self.session is not None and self.session.meeting.id == message.meeting_id:
            self.session = None  # nothing left to flush: the meeting is gone
        try:
            done = discard_meeting(self.store, message.meeting_id)
        except CheckinError as exc:
            self.notify(str(exc), title="Not discarded", severity="error", timeout=10)
            return
        self.notify(f"Discarded {done.meeting_id}: {len(done.removed_items)} new item(s) "
                    f"removed, {len(done.reverted_items)} carried-over item(s) restored.")
        if isinstance(self.screen, HomeScreen):
            self.screen.action_refresh()

    @on(HomeScreen.OpenMinutes)
    def open_minutes(self, message: HomeScreen.OpenMinutes) -> None:
        with self.told("These minutes cannot be shown"):
            self.show_minutes(self.load(message.meeting_id))

    @contextlib.contextmanager
    def told(self, title: str) -> Iterator[None]:
        """A CheckinError in the block (a damaged file) is said in the app, not raised."""
        try:
            yield
        except CheckinError as exc:
            self.notify(str(exc), title=title, severity="error", timeout=20)

    @on(HomeScreen.OpenScreen)
    def open_between(self, message: HomeScreen.OpenScreen) -> None:
        self.open_screen(message.action)

    def load(self, meeting_id: str) -> Meeting:
        if self.session is not None and self.session.meeting.id == meeting_id:
            return self.session.meeting
        return self.store.load_meeting(meeting_id)

    # ------------------------------------------------------------ keys
    def action_help(self) -> None:
        from checkin.tui.screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            return
        title = (self.screen.id or type(self.screen).__name__).capitalize()
        self.push_screen(HelpScreen(title, keys_of(self.screen)))

    def open_screen(self, action: str) -> None:
        cls = screen_class(action)
        if isinstance(self.screen, cls):
            return
        self.flush()
        with self.told("This screen cannot be shown"):
            READS[action](self.store)  # a damaged row is said here, not a crash on mount
            self.push_screen(self.build_screen(cls))

    def build_screen(self, cls: type[Screen]) -> Screen:
        """The between-meetings screens all take ``(store, *, today, dayfirst)``."""
        return cls(self.store, today=self.today(), dayfirst=self.dayfirst)  # type: ignore[call-arg]

    def action_action_register(self) -> None:
        self.open_screen("action_register")

    def action_history(self) -> None:
        self.open_screen("history")

    def action_trends(self) -> None:
        self.open_screen("trends")

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"


def make_app(data_dir: Path, *, agenda: str | None = None, start: bool = False,
             facilitator: str = "", dayfirst: bool = False) -> CheckinApp:
    """Open the store (taking the lock) and load the agenda; raise CheckinError if not."""
    from checkin.services.meetings import previous_of_new, start_or_resume

    data_dir = Path(data_dir)
    loaded = None
    if start or agenda:
        loaded = agenda_by_name(agenda, data_dir)
    store = Store(data_dir).open()
    try:  # what the first screen needs, read before Textual: a damaged file is one line
        meeting = None
        if loaded is not None and (facilitator or store.in_progress(loaded.id)):
            meeting = start_or_resume(store, loaded, now=clock.now(), facilitator=facilitator)
        elif loaded is not None:  # the app asks who facilitates, then starts it
            previous_of_new(store, loaded, clock.today())
        home = home_data(store, data_dir, clock.today())
    except CheckinError:
        store.close()
        raise
    return CheckinApp(store, data_dir, agenda=loaded, facilitator=facilitator,
                      dayfirst=dayfirst, meeting=meeting, home=home)


def run_app(data_dir: Path, *, agenda: str | None = None, start: bool = False,
            facilitator: str = "", dayfirst: bool = False) -> int:
    """Run the app until quit; the store is flushed and closed (lock released) after."""
    caught: list[int] = []  # SIGTERM / SIGHUP before the app's own handlers are set
    for sig in HANGUP_SIGNALS:
        signal.signal(sig, lambda sig, _frame: caught.append(sig))
    app = make_app(data_dir, agenda=agenda, start=start, facilitator=facilitator,
                   dayfirst=dayfirst)
    if caught:  # nothing shown or typed yet: leave before the terminal is taken
        app.store.close()
        return 128 + caught[0]
    app.early_signals = caught
    try:
        app.run()
    finally:
        app.flush()
        app.store.close()
    return app.return_code or 0
