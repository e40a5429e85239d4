"""Action review editor: one key per outcome, each saved at once with its history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hosts import editor_app, hosted, reopen
from textual.widgets import Label, ListView

from checkin.core.model import Agenda
from checkin.tui.app import CheckinApp
from checkin.tui.sections.action_review import COLUMNS, Cells, ReviewRow
from checkin.tui.widgets.inline_prompt import InlinePrompt

MEETING = "2026-11-23-weekly"


def cell(app: CheckinApp, index: int, column: str) -> str:
    return list(app.screen.query(ReviewRow))[index].text(column)


def kinds(item_history: list) -> list[str]:
    return [c.kind for c in item_history if c.meeting == MEETING]


async def test_done_redate_reassign_drop_keep_persist(demo_dir: Path,
                                                      weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        rows = list(app.screen.query(ReviewRow))
        owners = [r.item.owner for r in rows]
        assert owners == sorted(owners)  # grouped by owner: each person answers once
        assert [r.item.id for r in rows][:5] == ["A6", "A23", "A9", "A12", "A14"]
        assert cell(app, 0, "late") == "21d"
        assert rows[0].has_class("-overdue")
        await pilot.press("d")
        await pilot.pause()
        assert cell(app, 0, "status") == "✓ done"
        assert app.screen.query_one(ListView).index == 1          # d moved on to the next item
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query(InlinePrompt)
        await pilot.press(*"fri")
        await pilot.pause()
        assert "Fri 27 Nov 2026" in str(app.screen.query_one(".resolved", Label).render())
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
        assert cell(app, 1, "status") == "↻ new date"
        assert cell(app, 1, "slips") == "1×"
        assert app.screen.query_one(ListView).index == 2          # a new date moved on too
        await pilot.press("a", *"pri", "enter")           # completes to Priya Raman
        await pilot.pause()
        assert cell(app, 2, "owner") == "Priya R."
        await pilot.press("down", "x", "k")                # x moves on too
        await pilot.pause()
        assert cell(app, 3, "status") == "✗ dropped"
        assert cell(app, 4, "status") == "= kept"
        assert app.screen.query_one(ListView).index == 5          # k moved on to the next item
        summary = str(app.screen.query_one("#review-summary", Label).render())
        assert "5 reviewed" in summary
    with reopen(demo_dir) as (store, _meeting):
        a6, a23, a9 = store.action("A6"), store.action("A23"), store.action("A9")
        a12, a14 = store.action("A12"), store.action("A14")
        assert (a6.status, a6.closed_in, a6.closed_on) == ("done", MEETING, date(2026, 11, 23))
        assert a23.due == date(2026, 11, 27) and a23.slips == 1
        assert kinds(a23.history) == ["redate"]
        assert a9.owner == "Priya Raman" and kinds(a9.history) == ["reassign"]
        assert a12.status == "dropped" and kinds(a12.history) == ["drop"]
        assert a14.status == "open" and kinds(a14.history) == ["keep"]


async def test_impossible_date_is_refused_and_changes_nothing(demo_dir: Path,
                                                              weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        await pilot.press("r", *"2026-02-30", "enter")
        await pilot.pause()
        assert app.screen.query(InlinePrompt)                     # still asking
        reason = str(app.screen.query_one(".resolved", Label).render())
        assert "2026-02-30" in reason and "try" in reason
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
        assert cell(app, 0, "status") == "·"
    with reopen(demo_dir) as (store, _meeting):
        a6 = store.action("A6")
        assert a6.due == date(2026, 11, 2) and kinds(a6.history) == []


async def test_past_date_needs_a_second_enter(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        await pilot.press("r", *"2026-11-20", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one("DateInput .resolved", Label).render())
        assert "in the past: Enter again to use it" in hint
        assert app.screen.query_one(ListView).highlighted_child.item.due == date(2026, 11, 2)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
    with reopen(demo_dir) as (store, _meeting):
        assert store.action("A6").due == date(2026, 11, 20)


async def test_undo_reverts_this_meetings_change(demo_dir: Path,
                                                 weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert cell(app, 0, "status") == "✓ done"
        await pilot.press("up", "u")  # d moved on: back to the item to undo it
        await pilot.pause()
        assert cell(app, 0, "status") == "·"
    with reopen(demo_dir) as (store, _meeting):
        a6 = store.action("A6")
        assert a6.status == "open" and a6.closed_on is None and kinds(a6.history) == []


async def test_the_last_change_is_said_on_a_line_under_the_list_not_in_a_toast(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        title = app.screen.query(ReviewRow).first().item.title
        await pilot.press("d")
        await pilot.pause()
        last = app.screen.query_one("#review-last", Label)
        assert str(last.render()) == f"✓ Done: {title} · u undoes"
        assert not app.screen.query("Toast")  # a toast per key piled up, and cost half a d
        await pilot.press("up", "u")
        await pilot.pause()
        assert str(last.render()).startswith("✓ Undone (") and "u undoes" not in str(
            last.render())


async def test_no_carried_items_says_so(data_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(data_dir, "action-review")
    async with hosted(app) as pilot:
        await pilot.press("d", "r")
        await pilot.pause()
        assert "No open action items carried over" in str(
            app.screen.query_one(".empty", Label).render())
        assert not app.screen.query(InlinePrompt)


async def test_reassign_refuses_an_ambiguous_name_and_asks_about_a_new_one(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        item = app.screen.query_one(ListView).highlighted_child.item
        owner = item.owner
        await pilot.press("a", *"ma", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one(".prompt-hint", Label).render())
        assert hint.startswith('"ma" could be Marcus Okafor, ')
        assert item.owner == owner and app.screen.query(InlinePrompt)
        await pilot.press(*"x", "enter")  # "max": nobody yet
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert not app.screen.query(InlinePrompt)
    with reopen(demo_dir) as (store, _meeting):
        assert store.action(item.id).owner == "max"


async def test_each_row_is_one_widget_in_the_head_columns(demo_dir: Path,
                                                          weekly_agenda: Agenda) -> None:
    """A row's cells are drawn by one widget, under the head's titles; the title wraps
    under itself, the row grows to hold it; at 80 columns the slips column goes."""
    for size in ((100, 30), (80, 24)):
        app = editor_app(demo_dir, "action-review")
        async with hosted(app, size=size) as pilot:
            await pilot.pause()
            head = app.screen.query_one(".review-head", Cells)
            heading = head.lines(head.content_size.width)[0].plain
            rows = list(app.screen.query(ReviewRow))
            assert all(len(row.children) == 1 for row in rows)
            narrow = size == (80, 24)
            assert ("Slips" in heading) is not narrow
            wrapped = 0
            for row in rows:
                lines = [line.plain for line in row.cells.lines(row.cells.content_size.width)]
                assert row.cells.region.height == len(lines)      # every title line shows
                assert lines[0].startswith(row.text("owner"))
                for column in ("due", "late", "status"):
                    if row.text(column):
                        title = dict(COLUMNS)[column] if column != "status" else "Outcome"
                        at = heading.index(title) if title in heading else None
                        assert at is None or lines[0].index(row.text(column), at) == at
                title_at, due_at = heading.index("Item"), heading.index("Due")
                words = " ".join(line[title_at:due_at] for line in lines)
                assert words.split() == row.item.title.split()     # whole, in order
                wrapped += len(lines) > 1
            assert wrapped  # some titles are longer than the column
