"""The action items register, driven by key as a person would; edits checked on disk."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import orjson
import pytest
from hosts import reopened, running, screen_app

from checkin.core.rules import sort_actions
from checkin.tui.screens.actions import ActionsScreen
from checkin.tui.screens.digest import DigestDialog
from checkin.tui.widgets.action_table import ActionTable
from tests.conftest import TODAY


def table_of(app) -> ActionTable:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ActionTable)


def ids(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.id for i in table_of(app).items]


def filters_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#actions-filters").render())


async def test_lists_open_items_by_due_with_overdue_standing_out(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        with reopened(demo_dir) as store:
            expected = sort_actions([a for a in store.actions() if a.status == "open"])
        assert ids(app) == [a.id for a in expected]
        table = table_of(app)
        late = next(n for n, i in enumerate(table.items) if i.is_overdue(TODAY))
        on_time = next(n for n, i in enumerate(table.items) if not i.is_overdue(TODAY))
        table.move_to(len(table.items) - 1)  # cursor away from both rows
        await pilot.pause()
        late_style = list(table.render_line(late + 1))[0].style
        plain_style = list(table.render_line(on_time + 1))[0].style
        assert late_style != plain_style and late_style.bold
        assert "Late" in "".join(s.text for s in table.render_line(0))


async def test_search_filters_on_every_keystroke_and_escape_returns(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        await pilot.press("s", "s", "s")  # status: all
        everything = list(table_of(app).items)
        await pilot.press("slash", *"crm")
        assert app.screen.query_one("#actions-search").has_focus
        expected = [i.id for i in everything
                    if "crm" in f"{i.title} {i.owner} {i.department}".casefold()]
        assert expected and ids(app) == expected
        await pilot.press("backspace", "backspace", "backspace", *"zzz")
        assert ids(app) == []
        await pilot.press("escape")
        assert table_of(app).has_focus
        await pilot.press("c")
        assert app.screen.query_one("#actions-search").value == ""
        assert all(i.status == "open" for i in table_of(app).items)


async def test_filters_combine_and_clear(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        all_open = list(table_of(app).items)
        owner = all_open[0].owner
        await pilot.press("o", *owner[:4].lower(), "enter")
        assert {i.owner for i in table_of(app).items} == {owner}
        assert f"owner {owner}" in filters_text(app)
        await pilot.press("v")
        assert ids(app) == [i.id for i in all_open if i.owner == owner and i.is_overdue(TODAY)]
        await pilot.press("v", "o", "ctrl+a", "ctrl+k", "enter")  # empty: everyone
        assert ids(app) == [i.id for i in all_open]
        dept = all_open[-1].department
        await pilot.press("p", *dept, "enter")
        assert {i.department for i in table_of(app).items} == {dept}
        await pilot.press("s")
        assert "status done" in filters_text(app)
        assert {i.status for i in table_of(app).items} <= {"done"}
        await pilot.press("s")
        assert {i.status for i in table_of(app).items} <= {"dropped"}
        await pilot.press("c")
        assert ids(app) == [i.id for i in all_open]
        assert filters_text(app).startswith("status open · by due")


async def test_sort_keys(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        await pilot.press("2")
        owners = [i.owner.casefold() for i in table_of(app).items]
        assert owners == sorted(owners) and "by owner" in filters_text(app)
        await pilot.press("3")
        depts = [i.department.casefold() for i in table_of(app).items]
        assert depts == sorted(depts)
        await pilot.press("1")
        dues = [i.due for i in table_of(app).items]
        assert dues == sorted(dues)


async def test_done_redate_reassign_drop_are_saved_at_once(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        first, second, third, fourth = (i.id for i in table_of(app).items[:4])
        await pilot.press("d")  # first: done, leaves the open list
        assert first not in ids(app) and table_of(app).selected.id == second
        with reopened(demo_dir) as store:
            done = store.action(first)
        assert done.status == "done" and done.closed_on == TODAY
        assert done.history[-1].kind == "done"

        await pilot.press("r", *"+2w", "enter")  # second: re-dated
        with reopened(demo_dir) as store:
            moved = store.action(second)
        assert moved.due == TODAY + timedelta(weeks=2) and moved.history[-1].kind == "redate"
        assert table_of(app).selected.id == second  # the cursor follows the item

        await pilot.press("home", "down")
        target = table_of(app).selected.id
        await pilot.press("a", *"Zoe New", "enter")  # nobody of that name: asks first
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert "new person" in str(app.screen.query_one(".dialog-question").render())
        await pilot.press("y")
        with reopened(demo_dir) as store:
            given = store.action(target)
        assert given.owner == "Zoe New" and given.history[-1].kind == "reassign"

        before = len(ids(app))
        await pilot.press("home")
        dropped = table_of(app).selected.id
        await pilot.press("x")
        assert len(ids(app)) == before - 1
        with reopened(demo_dir) as store:
            assert store.action(dropped).status == "dropped"
        assert {third, fourth} & set(ids(app))


async def test_redate_into_the_past_asks_twice_and_escape_cancels(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        item = table_of(app).selected
        old_due = item.due
        await pilot.press("r", *"2026-01-05", "enter")
        asked = str(app.screen.query_one("DateInput .resolved").render())
        assert "in the past: Enter again to use it" in asked  # asked inside the date input
        await pilot.press("escape")
        assert table_of(app).has_focus
        with reopened(demo_dir) as store:
            assert store.action(item.id).due == old_due
        await pilot.press("r", *"2026-01-05", "enter", "enter")
        with reopened(demo_dir) as store:
            assert store.action(item.id).due.isoformat() == "2026-01-05"


async def test_digest_of_the_selected_owner_can_be_written(demo_dir: Path,
                                                           tmp_path: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        owner = table_of(app).selected.owner
        await pilot.press("m")
        assert isinstance(app.screen, DigestDialog)
        assert app.screen.text.startswith(f"# Action items — {owner}")
        target = tmp_path / "digest.md"
        await pilot.press("w", "ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
        assert target.read_text() == app.screen.text
        assert "Written to" in str(app.screen.query_one("#digest-status").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ActionsScreen)


async def test_closed_items_follow_the_first_frame_and_count_from_the_start(
        demo_dir: Path) -> None:
    """The first frame lists the open items (the register alone); the archive's follow in
    one batch, so switching status has them at once; the count is every item throughout."""
    with reopened(demo_dir) as store:
        every = store.actions()
    done = [a.id for a in sort_actions(every) if a.status == "done"]
    assert done and len(every) > len(done)
    app = screen_app(demo_dir, "action_register")
    async with running(app) as pilot:
        assert app.screen.closed_wanted  # read after the first frame, without a key
        assert filters_text(app).endswith(f"of {len(every)}")
        await pilot.press("s")  # status: done
        assert ids(app) == done


async def test_a_damaged_archive_row_still_shows_the_open_items(
        demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = sorted((demo_dir / "archive").glob("*.json"))[0]
    lines = [orjson.loads(line) for line in archive.read_bytes().splitlines()]
    next(r for r in lines if r[0] == "actions")[2]["title"] = ["not", "a", "title"]
    archive.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in lines))
    app = screen_app(demo_dir, "action_register")
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with running(app) as pilot:
        assert isinstance(app.screen, ActionsScreen)
        assert ids(app) and all(i.status == "open" for i in table_of(app).items)
        assert len(said) == 1 and str(archive) in said[0]
        await pilot.press("s")  # status: done: the archive is asked again, and said again
        assert ids(app) == [] and len(said) == 2
