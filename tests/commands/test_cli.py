"""The real `checkin` command as a subprocess: output, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from checkin import __version__
from checkin.store import Store

REPO = Path(__file__).resolve().parents[2]


def checkin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, cwd=REPO, env={**os.environ, **(env or {})}, timeout=60)


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checkin: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_version_and_help() -> None:
    assert checkin("--version").stdout.strip() == f"checkin {__version__}"
    out = checkin("--help").stdout
    for command in ("run", "demo", "actions", "meetings", "export", "agendas", "trends"):
        assert command in out


def test_demo_no_ui_seeds_and_refuses_a_used_dir(tmp_path: Path) -> None:
    target = tmp_path / "d"
    proc = checkin("demo", "--data", str(target), "--no-ui")  # as README.md writes it
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(target)
    with Store(target, readonly=True) as store:
        meetings = store.meetings()
        assert len(meetings) == 13 and all(m.status == "ended" for m in meetings)
        statuses = {a.status for a in store.actions()}
        assert {"open", "done"} <= statuses
    before = (target / "register.json").read_bytes()
    again = checkin("--data", str(target), "demo", "--no-ui")
    assert_one_line_error(again, str(target), "already holds data")
    assert (target / "register.json").read_bytes() == before


def test_demo_default_is_a_throwaway_dir() -> None:
    proc = checkin("demo", "--no-ui", "--weeks", "2")
    folder = Path(proc.stdout.strip())
    try:
        assert proc.returncode == 0 and (folder / "register.json").exists()
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def test_data_from_environment(demo_dir: Path) -> None:
    proc = checkin("meetings", env={"CHECKIN_DATA": str(demo_dir)})
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert lines[0].split()[:2] == ["ID", "DATE"] and len(lines) == 7
    dates = [line.split()[1] for line in lines[1:]]
    assert dates == sorted(dates, reverse=True)


def test_actions_filters_and_formats(demo_dir: Path) -> None:
    with Store(demo_dir, readonly=True) as store:
        items = store.actions()
    from tests.conftest import TODAY

    overdue = {a.id for a in items if a.is_overdue(TODAY)}
    assert overdue, "the demo must have overdue items"
    proc = checkin("--data", str(demo_dir), "actions", "--overdue", "--format", "json")
    assert proc.returncode == 0
    assert {d["id"] for d in json.loads(proc.stdout)} == overdue
    rows = list(csv.DictReader(io.StringIO(
        checkin("--data", str(demo_dir), "actions", "--status", "all", "--format", "csv").stdout)))
    assert len(rows) == len(items)
    owner = items[0].owner
    proc = checkin("--data", str(demo_dir), "actions", "--owner", owner.upper(), "--status",
                   "all", "--format", "json")
    assert {d["owner"] for d in json.loads(proc.stdout)} == {owner}
    table = checkin("--data", str(demo_dir), "actions").stdout
    assert table.splitlines()[0].startswith("ID") and "item(s)" in table


def test_export_markdown_and_html(demo_dir: Path, tmp_path: Path) -> None:
    md = checkin("--data", str(demo_dir), "export", "last")
    assert md.returncode == 0 and md.stdout.startswith("# ")
    assert md.stdout == checkin("--data", str(demo_dir), "export", "last").stdout  # stable
    out = tmp_path / "m.html"
    proc = checkin("--data", str(demo_dir), "export", "last", "--format", "html", "-o", str(out))
    assert proc.returncode == 0 and out.read_text().startswith("<!DOCTYPE html>")


def test_export_last_from_the_index_bytes_is_the_store_s_minutes(demo_dir: Path) -> None:
    """`export last` finds the meeting and its earlier ones from the index's bytes
    (``store.quick``); the minutes are those the store path writes, byte for byte, and
    the same when the index is not plain and the store reads it."""
    from checkin.services.minutes import minutes_text
    from checkin.store.quick import meeting_rows

    with Store(demo_dir, readonly=True) as store:
        meeting = store.load_meeting(store.find_meeting("last").id)
        expected = minutes_text(store, meeting)
    assert "## Since last meeting" in expected  # it has earlier meetings to compare with
    assert meeting_rows(demo_dir, None, 1) is not None  # the first run takes the fast path
    assert checkin("--data", str(demo_dir), "export", "last").stdout == expected
    index = demo_dir / "index.json"
    lines = index.read_bytes().splitlines(keepends=True)
    n = next(k for k, line in enumerate(lines) if line.startswith(b'["meetings",'))
    table, doc_id, doc = orjson.loads(lines[n])  # keys out of the store's order: not plain
    lines[n] = orjson.dumps([table, doc_id, dict(reversed(doc.items()))]) + b"\n"
    index.write_bytes(b"".join(lines))
    assert meeting_rows(demo_dir, None, 1) is None
    assert checkin("--data", str(demo_dir), "export", "last").stdout == expected


def test_export_to_an_impossible_path(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "m.md"
    proc = checkin("--data", str(demo_dir), "export", "last", "-o", str(target))
    assert_one_line_error(proc, str(target), "cannot save")


@pytest.mark.parametrize(("args", "needles"), [
    (["export", "nope"], ["'nope'", "last"]),
    (["export", "1999-01-01"], ["1999-01-01"]),
])
def test_unknown_meeting(demo_dir: Path, args: list[str], needles: list[str]) -> None:
    assert_one_line_error(checkin("--data", str(demo_dir), *args), *needles)


def test_no_data_yet(tmp_path: Path) -> None:
    assert_one_line_error(checkin("--data", str(tmp_path / "x"), "actions"), "no checkin data")


def test_corrupt_register(demo_dir: Path) -> None:
    (demo_dir / "register.json").write_text('{"broken": ')
    assert_one_line_error(checkin("--data", str(demo_dir), "actions"), "register.json")
    assert (demo_dir / "register.json").read_text() == '{"broken": '


def test_agendas_list_and_check(tmp_path: Path) -> None:
    proc = checkin("--data", str(tmp_path), "agendas")
    assert proc.returncode == 0
    for agenda_id in ("weekly", "sales-marketing-sla", "post-campaign"):
        assert agenda_id in proc.stdout
    good = REPO / "agendas" / "weekly.toml"
    assert checkin("agendas", "--check", str(good)).returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n[[sections]]\nkind = "party"\n')
    assert_one_line_error(checkin("agendas", "--check", str(bad)), "bad.toml:3", "party")


def test_read_commands_import_no_textual(demo_dir: Path) -> None:
    code = (
        "import sys\nfrom checkin.cli import main\n"
        f"for args in (['actions', '--overdue'], ['meetings'], ['export', 'last'], "
        f"['agendas'], ['trends', 'weekly']):\n"
        f"    main(['--data', {str(demo_dir)!r}, *args])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_meetings_json_and_discard(tmp_path: Path) -> None:
    target = tmp_path / "d"
    assert checkin("demo", "--data", str(target), "--no-ui", "--weeks", "2").returncode == 0
    rows = json.loads(checkin("meetings", "--data", str(target), "--format", "json").stdout)
    assert {"id", "agenda", "date", "status", "facilitator"} <= set(rows[0])
    assert [r["status"] for r in rows] == ["ended", "ended"]
    newest = rows[0]["id"]
    register = (target / "register.json").read_bytes()
    # stdin is not a terminal and no --yes: refused, one line, nothing touched
    asked = subprocess.run([sys.executable, "-m", "checkin", "discard", newest, "--data",
                            str(target)], capture_output=True, text=True, cwd=REPO,
                           stdin=subprocess.DEVNULL, timeout=60)
    assert_one_line_error(asked, newest, "--yes")
    assert (target / "register.json").read_bytes() == register
    assert_one_line_error(checkin("discard", rows[1]["id"], "--yes", "--data", str(target)),
                          "latest meeting")
    proc = checkin("discard", newest, "--yes", "--data", str(target))
    assert proc.returncode == 0 and proc.stdout.startswith(f"Discarded {newest}"), proc
    after = json.loads(checkin("meetings", "--data", str(target), "--format", "json").stdout)
    assert [r["id"] for r in after] == [rows[1]["id"]]
