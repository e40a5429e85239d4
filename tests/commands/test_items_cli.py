"""`checkin add/done/drop/redate/reassign` as real subprocesses on a real data dir."""

from __future__ import annotations

from pathlib import Path

from checkin.store import Store
from tests.commands.test_cli import assert_one_line_error, checkin


def items(root: Path) -> dict:
    with Store(root, readonly=True) as store:
        return {a.id: a for a in store.actions()}


def register_bytes(root: Path) -> bytes:
    return (root / "register.json").read_bytes()


def test_add_uses_the_quick_add_rules(demo_dir: Path) -> None:
    proc = checkin("--data", str(demo_dir), "add", "@dana #sales fix CRM dedupe due:fri")
    assert proc.returncode == 0, proc.stderr
    new = max(items(demo_dir).values(), key=lambda a: int(a.id[1:]))
    assert (new.title, new.owner, new.department, new.due.isoformat()) == (
        "fix CRM dedupe", "Dana Lee", "Sales", "2026-11-27")
    assert new.agenda_id == "weekly" and new.history[0].kind == "created"
    assert new.id in proc.stdout


def test_add_refuses_a_new_owner_unless_asked(demo_dir: Path) -> None:
    before = register_bytes(demo_dir)
    assert_one_line_error(checkin("--data", str(demo_dir), "add", "@Zed fix it due:fri"),
                          "Zed", "--new")
    assert_one_line_error(checkin("--data", str(demo_dir), "add", "@dana fix it due:someday"),
                          "someday")
    assert register_bytes(demo_dir) == before
    proc = checkin("--data", str(demo_dir), "add", "@Zed_Quinn fix it due:fri", "--new")
    assert proc.returncode == 0, proc.stderr
    assert any(a.owner == "Zed Quinn" for a in items(demo_dir).values())


def test_done_and_drop_record_history_and_refuse_bad_ids(demo_dir: Path) -> None:
    open_ids = sorted(a.id for a in items(demo_dir).values() if a.status == "open")
    first, second = open_ids[:2]
    before = register_bytes(demo_dir)
    assert_one_line_error(checkin("--data", str(demo_dir), "done", first, "A9999"), "A9999")
    assert register_bytes(demo_dir) == before  # the good id was not taken either
    assert checkin("--data", str(demo_dir), "done", first.lower()).returncode == 0
    proc = checkin("--data", str(demo_dir), "drop", second, "--reason", "no longer needed")
    assert proc.returncode == 0, proc.stderr
    now = items(demo_dir)
    assert now[first].status == "done" and now[first].closed_on.isoformat() == "2026-11-23"
    assert now[second].status == "dropped"
    assert now[second].history[-1].note == "no longer needed"
    assert_one_line_error(checkin("--data", str(demo_dir), "done", first), "already done")


def test_redate_counts_a_slip_and_asks_for_past_dates(demo_dir: Path) -> None:
    item = next(a for a in items(demo_dir).values() if a.status == "open")
    slips = item.slips
    before = register_bytes(demo_dir)
    assert_one_line_error(checkin("--data", str(demo_dir), "redate", item.id, "2026-01-05"),
                          "past", "--yes")
    assert_one_line_error(checkin("--data", str(demo_dir), "redate", item.id, "31/31"))
    assert register_bytes(demo_dir) == before
    assert checkin("--data", str(demo_dir), "redate", item.id, "next fri").returncode == 0
    after = items(demo_dir)[item.id]
    assert after.due.isoformat() == "2026-12-04" and after.slips == slips + 1
    assert checkin("--data", str(demo_dir), "redate", item.id, "2026-01-05",
                   "--yes").returncode == 0


def test_reassign_resolves_names(demo_dir: Path) -> None:
    item = next(a for a in items(demo_dir).values()
                if a.status == "open" and a.owner != "Sofia Martinez")
    assert_one_line_error(checkin("--data", str(demo_dir), "reassign", item.id, "nobody"),
                          "--new")
    assert checkin("--data", str(demo_dir), "reassign", item.id, "sofia").returncode == 0
    after = items(demo_dir)[item.id]
    assert after.owner == "Sofia Martinez" and after.history[-1].kind == "reassign"


def test_refused_while_the_app_holds_the_data(demo_dir: Path) -> None:
    item = next(a for a in items(demo_dir).values() if a.status == "open")
    with Store(demo_dir):  # what the open app holds
        assert_one_line_error(checkin("--data", str(demo_dir), "done", item.id), "in use")
    assert items(demo_dir)[item.id].status == "open"


def test_typed_text_is_not_sent_raw_to_the_terminal(demo_dir: Path) -> None:
    proc = checkin("--data", str(demo_dir), "add", "@dana ring \x1b]0;owned\x07 due:fri")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout


def test_shell_changes_fire_the_same_hooks_as_the_app(demo_dir: Path, isolated_config: Path,
                                                      tmp_path: Path) -> None:
    import json

    hooks = isolated_config.parent / "hooks"
    hooks.mkdir()
    for event in ("action-added", "action-closed"):
        hook = hooks / event
        hook.write_text(f"#!/bin/sh\ncat >> '{tmp_path / event}.jsonl'\n")
        hook.chmod(0o700)
    added = checkin("--data", str(demo_dir), "add", "@priya #product Fix the signup bug due:fri")
    assert added.returncode == 0, added.stderr
    new_id = json.loads((tmp_path / "action-added.jsonl").read_text())["id"]
    done = checkin("--data", str(demo_dir), "done", new_id)
    assert done.returncode == 0, done.stderr
    closed = [json.loads(line)
              for line in (tmp_path / "action-closed.jsonl").read_text().splitlines()]
    assert [(c["id"], c["status"]) for c in closed] == [(new_id, "done")]
    (hooks / "action-closed").write_text("#!/bin/sh\necho 'chat is down' >&2\nexit 3\n")
    dropped = checkin("--data", str(demo_dir), "drop", "A6")
    assert dropped.returncode == 0  # saved: a failing hook is a warning, not a failure
    assert dropped.stderr.strip() == ("checkin: warning: hook action-closed: failed with exit "
                                      "status 3 (chat is down); your data is saved")
