"""Damaged rows and a damaged last meeting (issue 10 items 8 and 9).

A data file that is valid line-format JSON with a good schema can still hold a row of the
wrong types (owner null, title a list, status 42...) or a line that is not JSON; the last
meeting's own file can be damaged, missing or of a newer schema. Every command that reads
such a row refuses with one line naming the file and the row, changes no byte, and the
app says which meeting is damaged while every other agenda keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest

from checkin import locations
from checkin.core.agenda import load_agenda
from checkin.errors import CheckinError
from checkin.store import Store
from checkin.tui.app import make_app
from checkin.tui.dialogs.facilitator import FacilitatorDialog
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.meeting import MeetingScreen

from .conftest import run_checkin, tree_digest
from .test_bad_input import assert_refused, run_in_process

TODAY = date(2026, 11, 23)
Edit = Callable[[dict], None]


def _set(key: str, value: object) -> Edit:
    return lambda doc: doc.__setitem__(key, value)


# field -> wrong value, for an action item row (register or archive)
ACTION_TYPES: dict[str, Edit] = {
    "owner-null": _set("owner", None),
    "title-list": _set("title", ["a", "b"]),
    "status-42": _set("status", 42),
    "due-number": _set("due", 20261201),
    "due-not-a-date": _set("due", "2026-02-30"),
    "history-string": _set("history", "created"),
    "history-entry-number": _set("history", [7]),
    "history-on-null": lambda d: d["history"][0].__setitem__("on", None),
    "department-object": _set("department", {"x": 1}),
    "created-on-bool": _set("created_on", True),
    "id-missing": lambda d: d.pop("id"),
    "title-missing": lambda d: d.pop("title"),
}
# for a meeting index row
INDEX_TYPES: dict[str, Edit] = {
    "rating-abc": _set("rating", "abc"),
    "rating-bool": _set("rating", True),
    "facilitator-null": _set("facilitator", None),
    "roadblocks-text": _set("roadblocks", "3"),
    "readings-text": _set("readings", "x"),
    "reading-value-text": lambda d: d["readings"].__setitem__(next(iter(d["readings"])), "9"),
    "date-number": _set("date", 20261116),
    "agenda-title-list": _set("agenda_title", []),
}




def rows(path: Path) -> list[list]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def edit_row(path: Path, table: str, pick: int, edit: Edit) -> str:
    """Apply ``edit`` to the ``pick``-th document of ``table``; return its id."""
    lines = rows(path)
    row = [r for r in lines if r[0] == table][pick]
    edit(row[2])
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in lines))
    return row[1]



@pytest.fixture
def data(seeded: Path) -> Path:
    """This module's name for the shared ``seeded`` copy."""
    return seeded

def data_files(root: Path) -> dict[str, str]:
    """Every data file's digest (``.lock`` only names the last writer: not data)."""
    return {k: v for k, v in tree_digest(root).items() if k != ".lock"}


def last_meeting(root: Path) -> str:
    with Store(root, readonly=True) as store:
        return store.meetings(status="ended", limit=1)[0].id


# ---------------------------------------------------------------- item 8: typed rows
@pytest.mark.parametrize("case", sorted(ACTION_TYPES))
@pytest.mark.parametrize("command", [["actions"], ["actions", "--format", "csv"],
                                     ["actions", "--by-owner"], ["trends", "weekly"]])
def test_wrongly_typed_open_item(data: Path, case: str, command: list[str]) -> None:
    register = data / "register.json"
    action_id = edit_row(register, "actions", 0, ACTION_TYPES[case])
    if command[0] == "trends" and case.split("-")[0] not in ("id", "status", "due"):
        # trends checks only the fields it reads (id, agenda, due, status, closed on)
        assert_refused_not(["--data", str(data), *command], data)
        return
    assert_refused(["--data", str(data), *command], data, str(register), repr(action_id),
                   process=command == ["actions"] and case == "owner-null")


@pytest.mark.parametrize("case", sorted(ACTION_TYPES))
def test_wrongly_typed_archived_item(data: Path, case: str) -> None:
    archive = sorted((data / "archive").glob("*.json"))[0]
    action_id = edit_row(archive, "actions", 0, ACTION_TYPES[case])
    assert_refused(["--data", str(data), "actions", "--status", "all"], data, str(archive),
                   repr(action_id), process=case == "title-list")
    # the open items live in the register alone: still listed
    assert_refused_not(["--data", str(data), "actions"], data)


@pytest.mark.parametrize("case", ["status-42", "due-number", "due-not-a-date", "id-missing"])
def test_trends_refuse_a_wrongly_typed_archived_item(data: Path, case: str) -> None:
    """Trends read the archive column by column; a damaged row is still named."""
    archive = sorted((data / "archive").glob("*.json"))[-1]
    action_id = edit_row(archive, "actions", -1, ACTION_TYPES[case])
    assert_refused(["--data", str(data), "trends", "weekly"], data, str(archive),
                   repr(action_id))


@pytest.mark.parametrize("case", sorted(INDEX_TYPES))
@pytest.mark.parametrize("command", [["meetings"], ["export", "last"], ["trends", "weekly"]])
def test_wrongly_typed_index_row(data: Path, case: str, command: list[str]) -> None:
    index = data / "index.json"
    meeting_id = edit_row(index, "meetings", -1, INDEX_TYPES[case])
    assert_refused(["--data", str(data), *command], data, str(index), repr(meeting_id),
                   process=command == ["meetings"] and case == "rating-abc")


@pytest.mark.parametrize("where", [0, 1, -1])
def test_line_that_is_not_json_is_never_skipped(data: Path, where: int) -> None:
    """A broken line at the start, inside or at the end of the items' run: the items'
    reader used to cut that run out by its first and last line and miss the broken one."""
    register = data / "register.json"
    lines = register.read_bytes().splitlines()
    at = [n for n, line in enumerate(lines) if line.startswith(b'["actions"')][where]
    lines[at] = b'["actions","A99",{"title": oops'
    register.write_bytes(b"\n".join(lines) + b"\n")
    assert_refused(["--data", str(data), "actions"], data, str(register), f"line {at + 1}",
                   process=where == 0)


def assert_refused_not(args: list[str], watched: Path) -> None:
    before = tree_digest(watched)
    result = run_in_process(*args)
    assert result.returncode == 0, result.stderr
    assert tree_digest(watched) == before


def test_the_app_refuses_a_wrongly_typed_open_item_in_one_line(data: Path) -> None:
    register = data / "register.json"
    action_id = edit_row(register, "actions", 0, ACTION_TYPES["title-list"])
    before = data_files(data)
    with pytest.raises(CheckinError) as err:
        make_app(data)  # before Textual starts: `checkin` prints it as one line, exit 2
    assert str(register) in str(err.value) and repr(action_id) in str(err.value)
    assert "title" in str(err.value)
    assert data_files(data) == before
    Store(data).open().close()  # the lock was released


# ---------------------------------------------------------------- item 9: last meeting
def newer_schema(path: Path) -> None:
    lines = rows(path)
    lines[0][2]["schema"] = 99
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in lines))


LAST_MEETING: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:-40]),
    "garbage": lambda p: p.write_bytes(b"\x00\x01 not a data file\n"),
    "empty": lambda p: p.write_bytes(b""),
    "missing": lambda p: p.unlink(),
    "newer-schema": newer_schema,
    "wrong-types": lambda p: edit_row(p, "meeting", 0, _set("readings", "many")),
    "date-text": lambda p: edit_row(p, "meeting", 0, _set("date", "someday")),
}


@pytest.mark.parametrize("case", sorted(LAST_MEETING))
def test_run_with_a_damaged_last_meeting_is_one_line(data: Path, case: str) -> None:
    path = data / "meetings" / f"{last_meeting(data)}.json"
    LAST_MEETING[case](path)
    before = data_files(data)
    args = ["--data", str(data), "run", "weekly"]
    result = run_checkin(*args) if case in ("missing", "newer-schema", "garbage") \
        else run_in_process(*args)
    assert result.returncode == 2, (result.stdout[-300:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr and result.stdout == ""
    line, = result.stderr.splitlines()
    assert line.startswith("checkin: error: ") and str(path) in line, line
    assert data_files(data) == before
    assert not path.exists() or case != "missing", "a missing meeting file was created"


@pytest.mark.parametrize("case", sorted(LAST_MEETING))
async def test_home_says_which_meeting_is_damaged_and_other_agendas_work(
        data: Path, case: str) -> None:
    path = data / "meetings" / f"{last_meeting(data)}.json"
    LAST_MEETING[case](path)
    damaged = tree_digest(data / "meetings")
    app = make_app(data)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            agendas = home.query_one("#home-agendas")
            prompts = {o.id: str(o.prompt) for o in agendas.options}
            assert str(path) in prompts["agenda:weekly"], prompts["agenda:weekly"]
            assert "⚠" in prompts["agenda:weekly"]
            # Enter on the damaged agenda: a message, Home stays
            agendas.highlighted = [o.id for o in agendas.options].index("agenda:weekly")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any(str(path) in str(n.message) for n in app._notifications)
            # another agenda starts normally
            agendas.highlighted = [o.id for o in agendas.options].index(
                "agenda:sales-marketing-sla")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FacilitatorDialog)  # it can start: who runs it?
            await pilot.press(*"Alex Morgan", "enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press("ctrl+q")
    finally:
        app.flush()
        app.store.close()
    assert tree_digest(data / "meetings").items() >= damaged.items() or case == "missing"
    assert {k: v for k, v in tree_digest(data / "meetings").items() if k in damaged} \
        == damaged, "the damaged meeting file was touched"
    assert case != "missing" or not path.exists(), "a missing meeting file was created"


# ---------------------------------------------------------------- item 10: duplicate ids
def copy_row(source: Path, target: Path, action_id: str, edit: Edit | None = None) -> None:
    """Put ``action_id``'s row of ``source`` into ``target`` too (kept in file order)."""
    row = next(r for r in rows(source) if r[0] == "actions" and r[1] == action_id)
    if edit:
        edit(row[2])
    lines = rows(target) + [row]
    from checkin.store.lines import line_key

    lines = [lines[0], *sorted(lines[1:], key=lambda r: line_key(r[0], r[1]))]
    target.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in lines))


def open_ids(root: Path) -> list[str]:
    return [r[1] for r in rows(root / "register.json") if r[0] == "actions"]


def test_same_id_twice_in_the_register_is_reported_with_its_line(data: Path) -> None:
    register = data / "register.json"
    first = open_ids(data)[0]
    lines = register.read_bytes().splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith(
        b'["actions",' + orjson.dumps(first)))
    lines.insert(at + 1, lines[at])
    register.write_bytes(b"".join(lines))
    for command in (["actions"], ["actions", "--status", "all"], ["export", "last"]):
        assert_refused(["--data", str(data), *command], data, str(register),
                       f"line {at + 2}", repr(first), process=command == ["actions"])
    with pytest.raises(CheckinError, match="appears a second time"):
        make_app(data)


def test_row_that_holds_another_items_id_is_reported(data: Path) -> None:
    register = data / "register.json"
    first, second = open_ids(data)[:2]
    edit_row(register, "actions", 1, _set("id", first))
    assert_refused(["--data", str(data), "actions"], data, str(register), repr(second),
                   repr(first))


def test_same_id_in_register_and_an_older_archive_is_reported(data: Path) -> None:
    """Not the crash-recovery case (there the archive is the newer file): reported."""
    import os

    archive = sorted((data / "archive").glob("*.json"))[-1]
    register = data / "register.json"
    first = open_ids(data)[0]
    copy_row(register, archive, first, _set("status", "done"))
    os.utime(archive, ns=(1, 1))  # older than the register
    assert_refused(["--data", str(data), "actions", "--status", "all"], data,
                   str(register), str(archive), repr(first), process=True)


def test_same_id_in_two_archive_years_is_reported_not_listed_twice(data: Path) -> None:
    archive = sorted((data / "archive").glob("*.json"))[-1]
    closed = next(r[1] for r in rows(archive) if r[0] == "actions")
    older = data / "archive" / f"{int(archive.stem) - 1}.json"
    older.write_bytes(rows_bytes([rows(archive)[0]]))
    copy_row(archive, older, closed)
    assert_refused(["--data", str(data), "actions", "--status", "all"], data, str(older),
                   str(archive), repr(closed))


def rows_bytes(lines: list[list]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in lines)


@pytest.mark.parametrize("counter", [1, 5, "abc", None, -3, True])
def test_new_item_never_overwrites_one_when_the_counter_is_behind(
        data: Path, counter: object) -> None:
    """A counter behind the data (damaged, or a hand merge): ids seen anywhere are skipped."""
    from checkin.services.meetings import new_action

    register = data / "register.json"
    edit_row(register, "_ids", 0, _set("next", counter))
    with Store(data, readonly=True) as store:
        before = {a.id: a.title for a in store.actions()}
    with Store(data) as store:
        made = [new_action(store, title=f"new {n}", owner="Ana", due=TODAY, today=TODAY)
                for n in range(3)]
    with Store(data, readonly=True) as store:
        after = {a.id: a.title for a in store.actions()}
    assert all(m.id not in before for m in made)
    assert after == before | {m.id: m.title for m in made}
    numbers = [int(i[1:]) for i in before]
    assert [int(m.id[1:]) for m in made] == [max(numbers) + 1 + n for n in range(3)]


def test_counter_behind_an_archived_id_skips_it(data: Path) -> None:
    """The highest id lives only in an archive year not read yet: still skipped."""
    from checkin.services.meetings import new_action

    archive = sorted((data / "archive").glob("*.json"))[-1]
    lines = rows(archive)
    top = lines[-1]
    top = [top[0], "A900", {**top[2], "id": "A900"}]
    archive.write_bytes(rows_bytes([*lines, top]))
    with Store(data) as store:
        made = new_action(store, title="after a merge", owner="Ana", due=TODAY, today=TODAY)
    assert made.id == "A901"


async def test_app_screens_say_a_damaged_archive_row_instead_of_crashing(data: Path) -> None:
    archive = sorted((data / "archive").glob("*.json"))[0]
    action_id = edit_row(archive, "actions", 0, ACTION_TYPES["owner-null"])
    before = data_files(data)
    app = make_app(data)  # Home reads the register alone: it opens
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for key in ("ctrl+g", "ctrl+y", "f3"):
                await pilot.press(key)
                await pilot.pause()
            assert app.is_running
            assert any(str(archive) in str(n.message) and repr(action_id) in str(n.message)
                       for n in app._notifications)
            await pilot.press("ctrl+q")
    finally:
        app.flush()
        app.store.close()
    assert data_files(data) == before, action_id


async def test_damaged_in_progress_meeting_is_said_on_home(data: Path) -> None:
    """An in-progress meeting is re-read when a writer opens: a damaged one is kept aside
    and said on Home, not a refusal of the whole app."""
    with Store(data) as store:
        from checkin.services.meetings import start_or_resume

        agenda = load_agenda(locations.bundled_agendas_dir() / "weekly.toml")
        live = start_or_resume(store, agenda, now=store_now()).id
    path = data / "meetings" / f"{live}.json"
    path.write_bytes(b"garbage\n")
    app = make_app(data)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            agendas = app.screen.query_one("#home-agendas")
            prompt = next(str(o.prompt) for o in agendas.options if o.id == "agenda:weekly")
            assert str(path) in prompt
            await pilot.press("ctrl+q")
    finally:
        app.flush()
        app.store.close()
    assert path.read_bytes() == b"garbage\n"


def store_now():  # noqa: ANN201 - the fixed clock of the tests
    from checkin import clock

    return clock.now()
