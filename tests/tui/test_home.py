"""Home: agendas with their next date, resume, recent meetings, counts, broken agendas."""

from __future__ import annotations

from pathlib import Path

from conftest import AppFactory, reopen
from textual.widgets import DataTable, OptionList, Static

from checkin.store import Store
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen

TODAY = "2026-11-23"


def option_texts(screen: HomeScreen) -> dict[str, str]:
    agendas = screen.query_one("#home-agendas", OptionList)
    return {o.id: str(o.prompt) for o in agendas.options}


async def test_home_lists_agendas_history_and_counts(demo_dir: Path,
                                                     app_factory: AppFactory) -> None:
    with Store(demo_dir, readonly=True).open() as store:
        open_items = [a for a in store.actions() if a.status == "open"]
        overdue = [a for a in open_items if a.due.isoformat() < TODAY]
        newest = store.meetings()[0]
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        texts = option_texts(screen)
        assert "Weekly cross-functional check-in" in texts["agenda:weekly"]
        # the last demo meeting was a week ago: its next meeting is today
        assert "next meeting today" in texts["agenda:weekly"]
        assert "6 held" in texts["agenda:weekly"]
        assert "agenda:sales-marketing-sla" in texts
        table = screen.query_one("#home-recent", DataTable)
        assert table.row_count == 6
        assert table.get_row_at(0)[0] == newest.date.isoformat()
        counts = str(screen.query_one("#home-counts", Static).render())
        assert counts == f"{len(open_items)} open · {len(overdue)} overdue"


async def test_enter_on_agenda_starts_a_meeting_saved_on_disk(
        demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        agendas = app.screen.query_one("#home-agendas", OptionList)
        ids = [o.id for o in agendas.options]
        agendas.highlighted = ids.index("agenda:weekly")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting_id = app.screen.session.meeting.id
        await pilot.press("ctrl+q")
    app.store.close()
    assert meeting_id == f"{TODAY}-weekly"
    with reopen(demo_dir) as store:
        assert store.in_progress("weekly").id == meeting_id
        assert store.load_meeting(meeting_id).carried_action_ids  # open items carried over


async def test_enter_on_a_past_meeting_opens_its_minutes(demo_dir: Path,
                                                         app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # agendas -> recent meetings
        assert app.focused.id == "home-recent"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.meeting.date.isoformat() == "2026-11-09"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_broken_user_agenda_is_listed_with_its_error(demo_dir: Path,
                                                           app_factory: AppFactory) -> None:
    user = demo_dir / "agendas"
    user.mkdir()
    (user / "broken.toml").write_text('title = "Broken"\ncadence = "daily"\n')
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        texts = option_texts(app.screen)
        assert "broken.toml cannot be used" in texts["agenda:broken"]
        assert "cadence" in texts["agenda:broken"]
        agendas = app.screen.query_one("#home-agendas", OptionList)
        agendas.highlighted = list(texts).index("agenda:broken")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing started, nothing crashed
        assert "agenda:weekly" in option_texts(app.screen)


def highlighted_id(app) -> str:
    agendas = app.screen.query_one("#home-agendas", OptionList)
    return agendas.get_option_at_index(agendas.highlighted).id


async def test_cursor_opens_on_the_due_meeting_and_stays_on_its_agenda(
        demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert highlighted_id(app) == "agenda:weekly"  # held, next meeting today
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting_id = app.screen.session.meeting.id
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        # a Resume row was inserted above: the cursor is still on the weekly agenda
        ids = list(option_texts(app.screen))
        assert ids[0] == f"resume:{meeting_id}"
        assert highlighted_id(app) in ("agenda:weekly", f"resume:{meeting_id}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.meeting.id == meeting_id
    app.store.close()
    app2 = app_factory(demo_dir)
    async with app2.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert highlighted_id(app2) == f"resume:{meeting_id}"  # in progress first


async def test_discard_a_meeting_started_by_mistake(demo_dir: Path,
                                                    app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        meeting_id = app.screen.session.meeting.id
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("n")  # asked first: no keeps it
        await pilot.pause()
        assert f"resume:{meeting_id}" in option_texts(app.screen)
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert f"resume:{meeting_id}" not in option_texts(app.screen)
        assert highlighted_id(app) == "agenda:weekly"
        await pilot.press("ctrl+q")
    app.store.close()
    with reopen(demo_dir) as store:
        assert store.in_progress() is None
        assert not store.meeting_path(meeting_id).exists()


async def test_starting_asks_who_facilitates_defaulting_to_the_last(
        demo_dir: Path, app_factory: AppFactory) -> None:
    from textual.widgets import Input

    from checkin.tui.dialogs.facilitator import FacilitatorDialog

    app = app_factory(demo_dir, facilitator="")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorDialog)
        assert app.screen.query_one(Input).value == "Alex Morgan"  # the demo's last one
        await pilot.press("escape")  # not now: nothing started
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store.in_progress() is None
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Pat Doe", "enter")  # typing replaces the selected default
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.session.meeting.facilitator == "Pat Doe"
        await pilot.press("ctrl+q")
    app.store.close()
    with reopen(demo_dir) as store:
        assert store.in_progress().facilitator == "Pat Doe"


async def test_enter_on_every_home_list_row_opens_its_screen(
        demo_dir: Path, app_factory: AppFactory) -> None:
    """Every row of every Home list does what it says (no unawaited action, no no-op)."""
    from checkin.tui.app import BETWEEN_SCREENS, screen_class

    app = app_factory(demo_dir, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        agendas = home.query_one("#home-agendas", OptionList)
        usable = [o.id for o in agendas.options if o.id.startswith("agenda:")]
        for option_id in usable:  # by id: the rows move as "Resume" rows appear
            agendas.focus()
            agendas.highlighted = [o.id for o in agendas.options].index(option_id)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen), option_id
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is home
        # the meetings just started are now "Resume" rows: Enter on each resumes it
        resume = [o.id for o in agendas.options if o.id.startswith("resume:")]
        assert len(resume) == len(usable)
        for option_id in resume:
            agendas.focus()
            agendas.highlighted = [o.id for o in agendas.options].index(option_id)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            assert app.screen.session.meeting.id == option_id.removeprefix("resume:")
            await pilot.press("escape")
            await pilot.pause()
        recent = home.query_one("#home-recent", DataTable)
        for row in range(recent.row_count):
            recent.focus()
            recent.move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MinutesScreen), row
            await pilot.press("escape")
            await pilot.pause()
        between = home.query_one("#home-between", OptionList)
        assert [o.id for o in between.options] == list(BETWEEN_SCREENS)
        for n, action in enumerate(BETWEEN_SCREENS):
            between.focus()
            between.highlighted = n
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_class(action)), action
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is home


async def test_scorecard_trends_by_key_and_from_the_command_palette(
        demo_dir: Path, app_factory: AppFactory) -> None:
    from checkin.tui.screens.trends import TrendsScreen

    app = app_factory(demo_dir, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"trends")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TrendsScreen)


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    """Keys are listed by help and the palette from these: none may be anonymous."""
    import inspect
    import pkgutil
    from importlib import import_module

    from textual.binding import Binding
    from textual.dom import DOMNode

    import checkin.tui

    missing = []
    for info in pkgutil.walk_packages(checkin.tui.__path__, "checkin.tui."):
        module = import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, DOMNode) or cls.__module__ != info.name:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and not (
                        binding.id and (binding.tooltip or binding.description)):
                    missing.append(f"{cls.__name__}: {binding.key}")
    assert not missing, missing
