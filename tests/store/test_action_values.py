"""``Store.action_values``: what trends reads, column by column, equals the items whole."""

from __future__ import annotations

from pathlib import Path

import orjson

from checkin.store import Store

NAMES = ("due", "status", "closed_on")


def whole(store: Store, agenda_id: str | None) -> list[tuple]:
    return sorted((a.due, a.status, a.closed_on) for a in store.actions()
                  if agenda_id is None or a.agenda_id == agenda_id)


def test_values_are_the_items_fields(demo_dir: Path) -> None:
    with Store(demo_dir, readonly=True) as store:
        for agenda_id in (None, "weekly", "other"):
            assert sorted(store.action_values(NAMES, agenda_id)) == whole(store, agenda_id)
        assert store.action_values(NAMES, "weekly")
        assert store.action_values(NAMES, "other") == []


def test_an_item_without_an_agenda_is_not_one_of_the_agendas(demo_dir: Path) -> None:
    register = demo_dir / "register.json"
    rows = [orjson.loads(line) for line in register.read_bytes().splitlines()]
    doc = next(r for r in rows if r[0] == "actions")[2]
    del doc["agenda_id"]
    register.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    with Store(demo_dir, readonly=True) as store:
        weekly = store.action_values(NAMES, "weekly")
        assert len(weekly) == len(store.action_values(NAMES)) - 1
        assert sorted(weekly) == whole(store, "weekly")


def test_a_copy_a_stopped_move_left_behind_is_not_read(demo_dir: Path) -> None:
    """Reopened out of an archive year, the crash before its delete: the register records
    the move (``_moves``) and the archive still holds the old, closed copy."""
    archive = sorted((demo_dir / "archive").glob("*.json"))[-1]
    before = archive.read_bytes()
    rows = [orjson.loads(line) for line in before.splitlines()]
    table, action_id, doc = next(r for r in rows if r[0] == "actions")
    with Store(demo_dir) as store:
        item = store.action(action_id)
        item.reopen(item.closed_on)
        store.save_action(item)
    archive.write_bytes(before)  # the delete from the archive never happened
    register = demo_dir / "register.json"
    lines = register.read_bytes().splitlines(keepends=True)
    record = orjson.dumps(["_moves", action_id, {"from": int(archive.stem)}]) + b"\n"
    register.write_bytes(b"".join(sorted(lines[1:] + [record])).join([lines[0], b""]))
    with Store(demo_dir, readonly=True) as store:
        values = store.action_values(NAMES, "weekly")
        assert sorted(values) == whole(store, "weekly")
        assert any(a.id == action_id and a.status == "open" for a in store.actions())
