"""A whole weekly meeting run from the keyboard, as a facilitator would, then checked on disk.

Every section kind of the bundled weekly agenda is driven by key presses only (pagedown
between sections); afterwards the data dir is reopened by a fresh Store and the exported
minutes are read. Two more tests quit (or just stop) mid-meeting and resume.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import AppFactory, reopen
from textual.pilot import Pilot
from textual.widgets import Input, Label, ListView, OptionList, TextArea

from checkin.core.model import ActionItem
from checkin.render.html import export_meeting
from checkin.services.minutes import minutes_inputs
from checkin.store import Store
from checkin.tui.app import CheckinApp
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.dialogs.export import ExportDialog
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen
from checkin.tui.sections.action_review import ReviewRow
from checkin.tui.sections.metrics import MetricRow
from checkin.tui.sections.roadblocks import RoadblockRow
from checkin.tui.session import SAVE_INTERVAL
from checkin.tui.widgets.wrap_field import WrapField

SIZE = (100, 30)
MEETING = "2026-11-23-weekly"  # the fixed clock's Monday
NEXT_MEETING = date(2026, 11, 30)
OFF_TRACK = "Off track: Website trial sign-ups"


# ---------------------------------------------------------------- what a person looks at
def text_of(screen: MeetingScreen | MinutesScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())


def meeting_screen(app: CheckinApp) -> MeetingScreen:
    screen = app.screen
    assert isinstance(screen, MeetingScreen), screen
    return screen


async def start_weekly_from_home(pilot: Pilot) -> MeetingScreen:
    """Home: move the highlight to the weekly agenda (or its resume row), press Enter."""
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    agendas = home.query_one("#home-agendas", OptionList)
    assert agendas.has_focus
    ids = [agendas.get_option_at_index(n).id for n in range(agendas.option_count)]
    target = next(n for n, i in enumerate(ids) if i == "agenda:weekly" or
                  (i or "").startswith("resume:"))
    await pilot.press(*(["down"] * (target - (agendas.highlighted or 0))), "enter")
    await pilot.pause()
    return meeting_screen(pilot.app)


async def next_section(pilot: Pilot, kind: str) -> MeetingScreen:
    await pilot.press("pagedown")
    await pilot.pause()
    screen = meeting_screen(pilot.app)
    assert screen.section.kind == kind
    return screen


async def move_list_to(pilot: Pilot, view: ListView, index: int) -> None:
    """Up/down until the highlighted row is ``index`` (a person watching the cursor)."""
    step = index - (view.index or 0)
    await pilot.press(*(["down" if step > 0 else "up"] * abs(step)))
    assert view.index == index


def roadblock_index(screen: MeetingScreen, title_start: str) -> int:
    rows = list(screen.query(RoadblockRow))
    return next(n for n, r in enumerate(rows) if r.roadblock.title.startswith(title_start))


# ---------------------------------------------------------------- the sections
async def attendance(pilot: Pilot) -> None:
    """Marketing and Sales present, Product absent with a note, Customer Support present."""
    screen = meeting_screen(pilot.app)
    assert screen.section.kind == "attendance"
    await pilot.press("space", "down", "space", "down", "tab", *"on leave", "shift+tab",
                      "down", "space")
    await pilot.pause()
    assert text_of(screen, "#attendance-count") == "3 of 5 present"


async def action_review(pilot: Pilot) -> dict[str, str]:
    """Done, re-dated +1w, reassigned to Sofia, dropped: the first four carried items."""
    screen = await next_section(pilot, "action-review")
    rows = list(screen.query(ReviewRow))
    assert len(rows) >= 4
    outcome = {rows[0].item.id: "done", rows[1].item.id: "redate",
               rows[2].item.id: "reassign", rows[3].item.id: "drop"}
    await pilot.press("d", "r", *"+1w")  # d moves on to the next item
    await pilot.pause()
    assert "Mon 30 Nov 2026" in text_of(screen, ".inline-prompt .resolved")
    await pilot.press("enter", "a", *"sof", "enter", "down", "x")  # a new date moves on
    await pilot.pause()
    assert "4 reviewed" in text_of(screen, "#review-summary")
    return outcome


async def metrics(pilot: Pilot) -> None:
    """Two values (one off track, with a comment) and ctrl+r sends it to roadblocks."""
    screen = await next_section(pilot, "metrics")
    await pilot.press(*"130", "down", *"250", "tab", *"webinar slipped", "ctrl+r")
    await pilot.press("shift+tab", "down", *"$300k")
    await pilot.pause()
    marks = {r.metric.name: r.marks.text("mark")
             for r in screen.query(MetricRow)}
    assert marks["Marketing-qualified leads"].startswith("✓")
    assert marks["Website trial sign-ups"].startswith("✗")
    assert marks["Pipeline added"].startswith("✓")
    assert text_of(screen, "#metrics-summary") == "3 of 12 read · 1 off track"


async def roadblocks(pilot: Pilot) -> None:
    """Add one with the form, resolve the carried one, turn the metric's one into an item."""
    screen = await next_section(pilot, "roadblocks")
    assert roadblock_index(screen, OFF_TRACK) >= 0
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*"CRM sync drops leads", "tab", "enter", "down", "down", "enter",
                      "tab", "space", "down", "down", "space", "tab", *"tom", "enter")
    await pilot.pause()
    view = screen.query_one("#roadblock-list", ListView)
    await move_list_to(pilot, view, roadblock_index(screen, "Release blocked by SSO bug"))
    await pilot.press("s", *"hotfix deployed", "enter")
    await pilot.pause()
    await move_list_to(pilot, view, roadblock_index(screen, OFF_TRACK))
    await pilot.press("t")  # asks the action's title, prefilled; owned by Marketing's rep
    await pilot.pause()
    await pilot.press("enter")  # "Bring Website trial sign-ups back on track"
    await pilot.pause()
    titles = [str(r.query_one(".title", Label).render()) for r in screen.query(RoadblockRow)]
    assert "↻ Release blocked by SSO bug → hotfix deployed" in titles
    assert "CRM sync drops leads" in titles


async def updates_and_quick_add(pilot: Pilot) -> None:
    """A win for Marketing and Sales, and a quick-add item without leaving the section."""
    screen = await next_section(pilot, "updates")
    await pilot.press(*"Webinar drew 400 people", "ctrl+down", *"Closed the Acme renewal")
    await pilot.press("ctrl+t")
    await pilot.pause()
    assert pilot.app.focused is not None and pilot.app.focused.id == "quick-add-input"
    await pilot.press(*"@priya #product Fix onboarding bug due:+3d")
    await pilot.pause()
    preview = text_of(screen, "#quick-add-preview")
    assert "Priya Raman" in preview and "Product" in preview and "Thu 26 Nov" in preview
    await pilot.press("enter", "escape")
    await pilot.pause()
    assert not screen.query_one("#quick-add").display
    assert screen.section.kind == "updates"


async def actions(pilot: Pilot) -> None:
    """Enter through an empty form: refused inline; then a full item with completion."""
    screen = await next_section(pilot, "actions")
    listed = [str(label.render()) for label in screen.query("#action-list Label")]
    assert any("Fix onboarding bug" in t for t in listed)  # the quick-add item
    await pilot.press("enter", "enter", "enter", "enter")
    await pilot.pause()
    assert "needs a title: nothing was saved" in text_of(screen, "#action-message")
    assert screen.query_one("#action-title", Input).has_focus
    await pilot.press(*"Send churn survey", "enter", *"sof")
    await pilot.pause()
    await pilot.press("right", "enter")  # accept the completion; the department follows
    await pilot.pause()
    assert screen.query_one("#action-owner", Input).value == "Sofia Martinez"
    assert screen.query_one("#action-dept", Input).value == "Customer Support"
    await pilot.press("enter", "ctrl+u", *"fri")
    await pilot.pause()
    assert "Fri 27 Nov 2026" in text_of(screen, "#action-due .resolved")
    await pilot.press("enter")
    await pilot.pause()
    assert text_of(screen, "#action-message").startswith("Saved A")
    listed = [str(label.render()) for label in screen.query("#action-list Label")]
    assert any("Send churn survey" in t for t in listed)


async def notes(pilot: Pilot) -> None:
    screen = await next_section(pilot, "notes")
    assert screen.query_one("#notes-text", TextArea).has_focus
    await pilot.press(*"Budget review moved", "enter", *"to December", "tab")
    await pilot.press(*"Freeze CRM fields", "tab", *"mar", "right", "enter")
    await pilot.pause()
    assert text_of(screen, "#decision-message") == "Decision 1 added"


async def wrap_up(pilot: Pilot) -> None:
    screen = await next_section(pilot, "wrap-up")
    await pilot.press(*"Good pace", "tab", "8")
    await pilot.pause()
    assert text_of(screen, "#rating-message") == "Meeting rating 8 (the room's)"
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press("enter")  # "Yes, end it" has the focus
    await pilot.pause()


async def export_from_minutes_screen(pilot: Pilot, path: Path) -> None:
    screen = pilot.app.screen
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    await pilot.press("ctrl+u", *str(path), "enter")
    await pilot.pause()
    assert pilot.app.screen is screen
    assert text_of(screen, "#minutes-status") == f"Exported to {path.resolve()}"


# ---------------------------------------------------------------- the tests
def kinds_in(item: ActionItem, meeting_id: str) -> list[str]:
    return [c.kind for c in item.history if c.meeting == meeting_id]


async def test_full_weekly_meeting_by_keys(demo_dir: Path, app_factory: AppFactory,
                                           tmp_path: Path) -> None:
    exported = tmp_path / "shared" / "minutes-week-48.md"
    exported.parent.mkdir()
    app = app_factory(demo_dir, live_clock=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_weekly_from_home(pilot)
        assert screen.session.meeting.id == MEETING
        await attendance(pilot)
        reviewed = await action_review(pilot)
        await metrics(pilot)
        await roadblocks(pilot)
        await updates_and_quick_add(pilot)
        await actions(pilot)
        await notes(pilot)
        await wrap_up(pilot)
        minutes = app.screen
        assert isinstance(minutes, MinutesScreen)
        assert minutes.meeting.id == MEETING
        assert f"Minutes · {MEETING} (ended)" == text_of(minutes, "#minutes-title")
        await export_from_minutes_screen(pilot, exported)
        await pilot.press("ctrl+q")
    app.store.close()

    with reopen(demo_dir) as store:
        meeting = store.load_meeting(MEETING)
        assert meeting.status == "ended" and meeting.ended_at
        present = {a.department: (a.present, a.note) for a in meeting.attendance}
        assert present == {"Marketing": (True, ""), "Sales": (True, ""),
                           "Product": (False, "on leave"), "Customer Support": (True, ""),
                           "IT": (False, "")}
        values = {r.metric: (r.value, r.comment) for r in meeting.readings
                  if r.value is not None or r.comment}
        assert values == {"Marketing-qualified leads": (130, ""),
                          "Website trial sign-ups": (250, "webinar slipped"),
                          "Pipeline added": (300_000, "")}
        blocks = {r.title: r for r in meeting.roadblocks}
        assert set(blocks) == {"Release blocked by SSO bug", "CRM sync drops leads", OFF_TRACK}
        sso, crm, off = (blocks["Release blocked by SSO bug"], blocks["CRM sync drops leads"],
                         blocks[OFF_TRACK])
        assert (sso.status, sso.resolution) == ("resolved", "hotfix deployed")
        assert (crm.raised_by, crm.blocking, crm.owner, crm.status) == (
            "Sales", ["Marketing", "Product"], "Tom Becker", "open")
        assert (off.raised_by, off.blocking, off.owner, off.status) == (
            "Marketing", ["Marketing"], "Dana Lee", "open")
        wins = {u.department: u.wins for u in meeting.updates if u.wins}
        assert wins == {"Marketing": "Webinar drew 400 people",
                        "Sales": "Closed the Acme renewal"}
        assert [(d.text, d.owner) for d in meeting.decisions] == [
            ("Freeze CRM fields", "Marcus Okafor")]
        assert meeting.notes == "Budget review moved\nto December"
        assert meeting.summary == "Good pace"
        assert meeting.ratings == {"room": 8} and meeting.rating == 8
        assert meeting.next_meeting == NEXT_MEETING

        new = {a.title: a for a in store.actions() if a.created_in == MEETING}
        assert {t: (a.owner, a.department, a.due, a.status) for t, a in new.items()} == {
            "Fix onboarding bug": ("Priya Raman", "Product", date(2026, 11, 26), "open"),
            "Send churn survey": ("Sofia Martinez", "Customer Support",
                                  date(2026, 11, 27), "open"),
            "Bring Website trial sign-ups back on track": ("Dana Lee", "Marketing",
                                                           NEXT_MEETING, "open"),
        }
        for item_id, kind in reviewed.items():
            item = store.action(item_id)
            assert kinds_in(item, MEETING) == [kind], (item_id, item.history)
        done, dropped = (store.action(i) for i, k in reviewed.items() if k in ("done", "drop"))
        assert (done.status, done.closed_in) == ("done", MEETING)
        assert (dropped.status, dropped.closed_in) == ("dropped", MEETING)
        redated = store.action(next(i for i, k in reviewed.items() if k == "redate"))
        assert redated.due == NEXT_MEETING and redated.status == "open"
        reassigned = store.action(next(i for i, k in reviewed.items() if k == "reassign"))
        assert reassigned.owner == "Sofia Martinez"

        markdown = export_meeting(meeting, **minutes_inputs(store, meeting))
    for typed in ("Webinar drew 400 people", "Closed the Acme renewal", "CRM sync drops leads",
                  "hotfix deployed", "webinar slipped", "Freeze CRM fields",
                  "Budget review moved", "to December", "Good pace", "on leave"):
        assert typed in markdown, typed
    assert "**Rating:** 8/10 (the room's)." in markdown
    assert "- **Status:** Final" in markdown
    new_table = markdown.split("### New", 1)[1].split("### Carried over", 1)[0]
    assert "| Priya Raman | Fix onboarding bug | Product | 2026-11-26 | open |" in new_table
    assert ("| Sofia Martinez | Send churn survey | Customer Support | 2026-11-27 | open |"
            in new_table)
    assert "| Dana Lee | Bring Website trial sign" in new_table  # never "Off track: X"
    assert exported.read_text(encoding="utf-8") == markdown


async def test_quit_mid_meeting_and_resume_where_it_was(demo_dir: Path,
                                                        app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_weekly_from_home(pilot)
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.pause()
        assert screen.section.kind == "notes"
        await pilot.press(*"Pricing page needs a rewrite")
        for _ in range(4):
            await pilot.press("pageup")
        await pilot.pause()
        assert screen.section.kind == "metrics"
        await pilot.press(*"130", "tab", *"webinar push")
        await pilot.pause(1.2)  # the section clock ticks at least once
        before = list(screen.session.meeting.elapsed_seconds)
        await pilot.press("ctrl+q")
    app.store.close()
    assert before[2] >= 1.0 and before[6] > 0

    again = app_factory(demo_dir)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = again.screen.query_one("#home-agendas", OptionList).get_option_at_index(0)
        assert first.id == f"resume:{MEETING}"
        screen = await start_weekly_from_home(pilot)
        assert screen.session.meeting.id == MEETING and screen.current == 2
        assert text_of(screen, "#section-title").startswith("3/8")
        mql = next(r for r in screen.query(MetricRow)
                   if r.metric.name == "Marketing-qualified leads")
        assert mql.query_one(".value", Input).value == "130"
        assert mql.query_one(".comment", WrapField).value == "webinar push"
        assert mql.marks.text("mark").startswith("✓")
        elapsed = screen.session.meeting.elapsed_seconds
        assert all(now >= then for now, then in zip(elapsed, before, strict=True))
        for _ in range(4):
            await pilot.press("pagedown")
        await pilot.pause()
        notes_text = screen.query_one("#notes-text", TextArea)
        assert notes_text.text == "Pricing page needs a rewrite"


async def test_autosave_reaches_disk_while_the_app_still_runs(
        demo_dir: Path, app_factory: AppFactory) -> None:
    """No quit, no section change: what a kill would leave behind is already saved."""
    app = app_factory(demo_dir, live_clock=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_weekly_from_home(pilot)
        await next_section(pilot, "action-review")
        await next_section(pilot, "metrics")  # the move itself saves: type after it
        await pilot.press(*"117", "tab", *"one webinar cancelled")
        await pilot.pause(max(0.4, SAVE_INTERVAL * 1.6))
        with Store(demo_dir, readonly=True) as store:
            reading = store.load_meeting(MEETING).reading("Marketing-qualified leads")
        assert reading is not None
        assert (reading.value, reading.comment) == (117, "one webinar cancelled")
        assert meeting_screen(app).session.dirty is False
