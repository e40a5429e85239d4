"""Roadblocks editor: add, rank, resolve, escalate, reopen and to-action, all persisted."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hosts import editor_app, hosted, reopen
from textual.widgets import Input, Label, ListView

from checkin.core.model import Agenda
from checkin.store import Store
from checkin.tui.app import CheckinApp
from checkin.tui.sections.roadblock_form import RoadblockForm
from checkin.tui.sections.roadblocks import RoadblockRow
from checkin.tui.widgets.inline_prompt import InlinePrompt

TODAY = date(2026, 11, 23)


def rows(app: CheckinApp) -> list[tuple[str, str, str]]:
    """(rank, title, status) of each row as shown."""
    out = []
    for row in app.screen.query(RoadblockRow):
        rank, title, status = (str(row.query_one(f".{c}", Label).render())
                               for c in ("rank", "title", "status"))
        out.append((rank, title, status))
    return out


async def add(pilot, title: str, *, raised: int = 0, blocking: tuple[int, ...] = (),
              owner: str = "") -> None:
    """Fill the form as a person would: type, tab, pick, tick, type, Enter."""
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*title, "tab")
    if raised:
        await pilot.press("enter", *(["down"] * raised), "enter")
    await pilot.press("tab")
    last = 0
    for n in blocking:
        await pilot.press(*(["down"] * (n - last)), "space")
        last = n
    await pilot.press("tab", *owner, "enter")
    await pilot.pause()


async def test_add_rank_resolve_escalate_persist(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        assert rows(app) == [("1", "↻ Release blocked by SSO bug", "discuss first")]
        await add(pilot, "CRM sync drops leads", raised=2, blocking=(0, 2), owner="tom")
        assert not app.screen.query(RoadblockForm)
        await add(pilot, "Pricing page outdated")
        await add(pilot, "No budget for ads")
        assert [r[2] for r in rows(app)] == ["discuss first"] * 3 + ["open"]
        assert app.screen.query_one(ListView).index == 3      # the cursor is on the new one
        await pilot.press("plus", "plus")              # "No budget" up to 2nd
        await pilot.pause()
        assert [r[1] for r in rows(app)][1] == "No budget for ads"
        await pilot.press("up", "s")                   # resolve the SSO bug
        await pilot.press(*"hotfix deployed", "enter")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
        assert rows(app)[-1][1] == "↻ Release blocked by SSO bug → hotfix deployed"
        assert app.screen.query_one(ListView).index == 3      # still on the resolved one
        await pilot.press("e")                         # a resolved one is not escalated
        await pilot.press("up", "up", "up", "shift+down", "e")  # rank, escalate "No budget"
        await pilot.pause()
        assert rows(app)[2][1:] == ("No budget for ads", "escalated")
        assert [r[0] for r in rows(app)] == ["1", "2", "", ""]
    with reopen(demo_dir) as (_store, meeting):
        by_title = {r.title: r for r in meeting.roadblocks}
        crm = by_title["CRM sync drops leads"]
        assert (crm.raised_by, crm.blocking, crm.owner) == ("Sales", ["Marketing", "Product"],
                                                            "Tom Becker")
        assert [r.title for r in meeting.roadblocks] == [
            "CRM sync drops leads", "Pricing page outdated", "No budget for ads",
            "Release blocked by SSO bug"]
        sso = by_title["Release blocked by SSO bug"]
        assert (sso.status, sso.resolution) == ("resolved", "hotfix deployed")
        assert by_title["No budget for ads"].status == "escalated"


async def test_empty_title_refused_and_reopen(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        await pilot.press("ctrl+n", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one(".form-hint", Label).render())
        assert "needs a title" in hint
        assert len(app.session.meeting.roadblocks) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(RoadblockForm)
        await pilot.press("s", "enter")                # an empty resolution is refused too
        await pilot.pause()
        hint = app.screen.query_one(".prompt-hint", Label)
        assert "say how it was resolved" in str(hint.render())
        await pilot.press("escape", "e")
        await pilot.pause()
        assert rows(app)[0][2] == "escalated"
        await pilot.press("o")
        await pilot.pause()
        assert rows(app)[0] == ("1", "↻ Release blocked by SSO bug", "discuss first")
    with reopen(demo_dir) as (_store, meeting):
        assert [(r.title, r.status) for r in meeting.roadblocks] == [
            ("Release blocked by SSO bug", "open")]


async def test_to_action_asks_its_title_then_owner(demo_dir: Path,
                                                   weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        await pilot.press("t")                         # owner known: Tom Becker
        await pilot.pause()
        assert app.screen.query_one(InlinePrompt).query_one(Input).value == (
            "Release blocked by SSO bug")              # the title, prefilled
        await pilot.press("end", *" fix", "enter")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
        await add(pilot, "Off track: Pipeline added")
        await pilot.press("t")                         # a flag's label is not a task
        await pilot.pause()
        field = app.screen.query_one(InlinePrompt).query_one(Input)
        assert field.value == "Bring Pipeline added back on track"
        await pilot.press(*"Off track: x", "enter")   # the proposal is selected: replaced
        await pilot.pause()
        assert "needs doing" in str(app.screen.query_one(".prompt-hint", Label).render())
        await pilot.press("ctrl+u", *"Rebuild the pipeline", "enter")
        await pilot.pause()
        assert app.screen.query(InlinePrompt)          # no owner: asked, with completion
        await pilot.press(*"pri", "enter")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
    with reopen(demo_dir) as (store, meeting):
        new = [a for a in store.actions() if a.created_in == meeting.id]
        assert [(a.title, a.owner, a.department, a.due) for a in new] == [
            ("Release blocked by SSO bug fix", "Tom Becker", "IT", date(2026, 11, 30)),
            ("Rebuild the pipeline", "Priya Raman", "Product", date(2026, 11, 30)),
        ]


async def test_edit_a_roadblock(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        await pilot.press("enter")                     # edit the highlighted one
        await pilot.pause()
        title = app.screen.query_one("#rb-title", Input)
        assert title.value == "Release blocked by SSO bug"
        await pilot.press("ctrl+u", *"Release blocked by the SSO bug")
        app.screen.query_one("#rb-owner", Input).value = "Dana Lee"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query("#roadblock-form")
        assert rows(app)[0][1] == "↻ Release blocked by the SSO bug"
    with reopen(demo_dir) as (_store, meeting):
        rb = meeting.roadblocks[0]
        assert (rb.title, rb.owner) == ("Release blocked by the SSO bug", "Dana Lee")
        assert len(meeting.roadblocks) == 1


async def test_empty_list_invites_to_add(data_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(data_dir, "roadblocks")
    async with hosted(app) as pilot:
        assert app.screen.query_one("#roadblocks-empty").display
        await pilot.press("s", "e", "t", "plus")       # nothing to act on: nothing happens
        await pilot.pause()
        assert not app.screen.query(InlinePrompt) and rows(app) == []


def slip_three_times(root: Path, item_id: str) -> str:
    """Re-date an open item three times, as three earlier meetings would have; its title."""
    with Store(root) as store:
        item = store.action(item_id)
        for weeks in (1, 2, 3):
            item.redate(item.due + timedelta(weeks=weeks), TODAY - timedelta(weeks=4 - weeks))
        store.save_action(item)
        return item.title


def proposal_lines(app: CheckinApp) -> list[str]:
    return [str(label.render()) for label in app.screen.query(".proposal").results(Label)]


async def test_proposed_roadblock_accepted_with_p(demo_dir: Path,
                                                  weekly_agenda: Agenda) -> None:
    title = slip_three_times(demo_dir, "A9")
    expected = f"Keeps slipping: {title} (A9)"
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        lines = proposal_lines(app)
        assert lines and lines[0] == f"p ▸ Proposed: {expected} · re-dated 3 times"
        assert "accept_proposal" in {b.binding.action for b in app.active_bindings.values()}
        await pilot.press("p")
        await pilot.pause()
        assert expected not in "\n".join(proposal_lines(app))
        assert proposal_lines(app)[0].startswith("p ▸ Proposed: Off track: Pipeline added")
        assert any(r[1] == expected for r in rows(app))
        assert app.screen.query_one(ListView).highlighted_child.roadblock.title == expected
    with reopen(demo_dir) as (store, meeting):
        added = next(r for r in meeting.roadblocks if r.title == expected)
        item = store.action("A9")
        assert (added.owner, added.blocking, added.status) == (item.owner, [item.department],
                                                               "open")
    app = editor_app(demo_dir, "roadblocks")    # resumed: not offered again
    async with hosted(app):
        assert expected not in "\n".join(proposal_lines(app))


async def test_every_proposal_taken_in_turn_then_p_does_nothing(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    """The seeded history has two metrics off track 3+ meetings running."""
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        assert [line.split(" · ")[0] for line in proposal_lines(app)] == [
            "p ▸ Proposed: Off track: Pipeline added",
            "    Proposed: Off track: First response time"]
        await pilot.press("p")
        await pilot.pause()
        assert proposal_lines(app) == [
            "p ▸ Proposed: Off track: First response time · off track 3 meetings in a row"]
        await pilot.press("p")
        await pilot.pause()
        assert not proposal_lines(app) and not app.screen.query_one("#proposals").display
        assert "accept_proposal" not in {b.binding.action for b in app.active_bindings.values()}
        before = len(app.session.meeting.roadblocks)
        await pilot.press("p")
        await pilot.pause()
        assert len(app.session.meeting.roadblocks) == before == 3
    with reopen(demo_dir) as (_store, meeting):
        added = {r.title: (r.owner, r.blocking, r.raised_by) for r in meeting.roadblocks}
        assert added["Off track: Pipeline added"] == ("Marcus Okafor", ["Sales"], "checkin")
        assert added["Off track: First response time"] == ("Sofia Martinez",
                                                           ["Customer Support"], "checkin")


async def test_blocking_ticks_read_without_colour(demo_dir: Path,
                                                  weekly_agenda: Agenda) -> None:
    """An unticked department's box is empty (its X drawn in the box colour); a ticked one
    shows X: the default SelectionList draws the same X for both, told apart by colour."""
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        await pilot.press("n")
        await pilot.pause()
        blocking = app.screen.query_one("#rb-blocking")
        plain = blocking.get_component_rich_style("selection-list--button")
        ticked = blocking.get_component_rich_style("selection-list--button-selected")
        assert plain.color == plain.bgcolor
        assert ticked.color != ticked.bgcolor
