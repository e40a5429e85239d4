"""`checkin prep` and `checkin collect` as real subprocesses on real files."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from checkin.core.prep import from_prep
from checkin.store import Store
from tests.commands.test_cli import assert_one_line_error, checkin


def prep(demo_dir: Path, out: Path, *extra: str) -> list[Path]:
    proc = checkin("--data", str(demo_dir), "prep", "weekly", "-o", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    return [Path(line) for line in proc.stdout.splitlines()]


def fill(path: Path, **swaps: str) -> None:
    text = path.read_text()
    for old, new in swaps.items():
        assert old.replace("_", " ") in text or old in text
        text = text.replace(old.replace("_", " ") if old not in text else old, new, 1)
    path.write_text(text)


def planned(demo_dir: Path):
    with Store(demo_dir, readonly=True) as store:
        row = next(s for s in store.meetings("weekly") if s.status in ("planned",
                                                                       "in-progress"))
        return store.load_meeting(row.id)


def test_prep_writes_one_commented_form_per_department(demo_dir: Path, tmp_path: Path) -> None:
    paths = prep(demo_dir, tmp_path / "forms")
    assert sorted(p.name for p in paths) == sorted(
        ["marketing.toml", "sales.toml", "product.toml", "customer-support.toml", "it.toml"])
    sales = tomllib.loads((tmp_path / "forms" / "sales.toml").read_text())
    assert sales["department"] == "Sales" and sales["win"] == ""
    pipeline = next(m for m in sales["metrics"] if m["name"] == "Pipeline added")
    assert pipeline["target"] == 250000 and len(pipeline["last"]) == 3
    assert pipeline["value"] == "" and all(a["status"] == "" for a in sales["actions"])
    text = (tmp_path / "forms" / "sales.toml").read_text()
    assert "# one sentence the room should hear" in text and "[[roadblocks]]" in text
    only = prep(demo_dir, tmp_path / "one", "--department", "support")
    assert [p.name for p in only] == ["customer-support.toml"]


def test_collect_takes_a_form_into_a_planned_meeting(demo_dir: Path, tmp_path: Path) -> None:
    prep(demo_dir, tmp_path)
    sales = tmp_path / "sales.toml"
    text = sales.read_text()
    text = text.replace('win = ""', 'win = "Closed Acme"', 1)
    text = text.replace('value = ""', 'value = "262k"', 1)
    text = text.replace('status = ""', 'status = "done"', 1)
    text += '\n[[roadblocks]]\ntitle = "Waiting for pricing"\nblocking = ["marketing"]\n'
    sales.write_text(text)
    first_action = tomllib.loads(text)["actions"][0]["id"]
    proc = checkin("--data", str(demo_dir), "collect", str(sales))
    assert proc.returncode == 0, proc.stderr
    meeting = planned(demo_dir)
    assert meeting.status == "planned"
    assert meeting.update("Sales").wins == "Closed Acme"
    assert meeting.reading("Pipeline added").value == 262000
    assert from_prep(meeting, "value:Pipeline added") and from_prep(meeting, "wins:Sales")
    assert [a.prepared for a in meeting.attendance if a.department == "Sales"] == [True]
    assert not any(a.prepared for a in meeting.attendance if a.department == "IT")
    assert [(r.title, r.blocking) for r in meeting.prep_roadblocks] == [
        ("Waiting for pricing", ["Marketing"])]
    assert [(s.action_id, s.status) for s in meeting.prep_statuses] == [(first_action, "done")]
    assert meeting.roadblocks == [] or all(r.title != "Waiting for pricing"
                                           for r in meeting.roadblocks)
    minutes = checkin("--data", str(demo_dir), "export", meeting.id).stdout
    row = minutes.split("| Pipeline added |", 1)[1].split("\n", 1)[0]
    assert "262" in row and "(from prep)" in row and "Planned" in minutes
    assert "Closed Acme (from prep)" in minutes and "prepared" in minutes

    again = checkin("--data", str(demo_dir), "collect", str(tmp_path))  # a folder this time
    assert again.returncode == 0, again.stderr
    assert "already taken" in again.stdout
    assert "it.toml: nothing filled in; skipped" in again.stdout
    assert [a.department for a in planned(demo_dir).attendance if a.prepared] == ["Sales"]
    assert planned(demo_dir).update("Sales").wins == "Closed Acme"

    sales.write_text(sales.read_text().replace("Closed Acme", "Closed Acme and Globex"))
    os.utime(sales, (os.path.getmtime(sales) + 60,) * 2)
    assert checkin("--data", str(demo_dir), "collect", str(sales)).returncode == 0
    assert planned(demo_dir).update("Sales").wins == "Closed Acme and Globex"


def test_collect_reports_each_problem_by_line_and_takes_nothing(demo_dir: Path,
                                                                tmp_path: Path) -> None:
    prep(demo_dir, tmp_path)
    form = tmp_path / "it.toml"
    lines = form.read_text().splitlines()
    value_line = next(n for n, x in enumerate(lines, 1) if x.startswith("value ="))
    text = form.read_text().replace('value = ""', 'value = "abc"', 1)
    text = text.replace('[[metrics]]       # one KPI', '[[metrics]]\nname = "Bogus"\n'
                        '[[metrics]]       # one KPI', 1)
    form.write_text(text)
    proc = checkin("--data", str(demo_dir), "collect", str(form))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in proc.stderr
    assert any(f"it.toml:{value_line + 2}: value" in e and "abc" in e for e in errors)
    assert any("unknown metric 'Bogus'" in e for e in errors)
    with Store(demo_dir, readonly=True) as store:
        assert all(s.status == "ended" for s in store.meetings("weekly"))

    form.write_text('agenda = "weekly"\ndepartment = "Legal"\nmeeting = 2026-11-23\n')
    assert_one_line_error(checkin("--data", str(demo_dir), "collect", str(form)),
                          "it.toml:2:", "Legal", "use one of")
    form.write_text('agenda = "weekly"\ndepartment = "IT"\nmeeting = 2026-11-23\n'
                    '[[actions]]\nid = "A1"\nstatus = 5\n')
    assert_one_line_error(checkin("--data", str(demo_dir), "collect", str(form)),
                          "it.toml:6:", "status")
    form.write_text('agenda = "weekly"\ndepartment = "IT\n')
    assert_one_line_error(checkin("--data", str(demo_dir), "collect", str(form)),
                          "it.toml:2:", "TOML")


def test_collect_readings_csv(demo_dir: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "readings.csv"
    csv_file.write_text("metric,value,comment\nPipeline added,$250k,from the BI tool\n"
                        "Win rate,27%\n")
    proc = checkin("--data", str(demo_dir), "collect", str(csv_file))
    assert proc.returncode == 0, proc.stderr
    meeting = planned(demo_dir)
    assert meeting.reading("Pipeline added").value == 250000
    assert meeting.reading("Pipeline added").comment == "from the BI tool"
    assert meeting.reading("Win rate").value == 27 and from_prep(meeting, "value:Win rate")
    bad = tmp_path / "bad.csv"
    bad.write_text("Pipeline added,lots\n")
    assert_one_line_error(checkin("--data", str(demo_dir), "collect", str(bad)),
                          "bad.csv:1:", "lots")


def test_the_app_starts_the_planned_meeting_with_its_prep(demo_dir: Path,
                                                          tmp_path: Path) -> None:
    from datetime import datetime

    from checkin.core.agenda import load_agenda
    from checkin.locations import bundled_agendas_dir
    from checkin.services.meetings import start_or_resume

    csv_file = tmp_path / "readings.csv"
    csv_file.write_text("Win rate,27\n")
    assert checkin("--data", str(demo_dir), "collect", str(csv_file)).returncode == 0
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    with Store(demo_dir) as store:
        meeting = start_or_resume(store, agenda, now=datetime(2026, 11, 23, 9, 5))
        assert meeting.status == "in-progress" and meeting.reading("Win rate").value == 27
        assert meeting.carried_action_ids


def test_a_newer_form_keeps_what_the_room_changed_or_cleared(demo_dir: Path,
                                                             tmp_path: Path) -> None:
    from datetime import datetime

    from checkin.core.agenda import load_agenda
    from checkin.locations import bundled_agendas_dir
    from checkin.services.meetings import start_or_resume

    prep(demo_dir, tmp_path, "--department", "sales")
    sales = tmp_path / "sales.toml"
    blank = sales.read_text()
    sales.write_text(blank.replace('win = ""', 'win = "Closed Acme"', 1)
                     .replace('value = ""', 'value = "262k"', 1)
                     .replace('value = ""', "value = 27", 1))
    assert checkin("--data", str(demo_dir), "collect", str(sales)).returncode == 0
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    with Store(demo_dir) as store:  # the room starts it, clears one value, retypes the win
        meeting = start_or_resume(store, agenda, now=datetime(2026, 11, 23, 9, 5))
        meeting.reading("Pipeline added").value = None
        meeting.update("Sales").wins = "Closed Acme, signed today"
        store.save_meeting(meeting)

    sales.write_text(blank.replace('win = ""', 'win = "Closed Acme and Globex"', 1)
                     .replace('value = ""', 'value = "270k"', 1)
                     .replace('value = ""', "value = 28", 1))
    os.utime(sales, (os.path.getmtime(sales) + 60,) * 2)
    proc = checkin("--data", str(demo_dir), "collect", str(sales))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{sales}: taken into {meeting.id}"
    assert sorted(lines[1:]) == [
        "  Pipeline added value: kept the room's (cleared) (the form sent $270,000; type it "
        "in the room to use it)",
        "  Sales win: kept the room's \"Closed Acme, signed today\" (the form sent "
        "\"Closed Acme and Globex\"; type it in the room to use it)"]
    meeting = planned(demo_dir)
    assert meeting.reading("Pipeline added").value is None  # cleared in the room: stays so
    assert meeting.update("Sales").wins == "Closed Acme, signed today"
    assert meeting.reading("Win rate").value == 28 and from_prep(meeting, "value:Win rate")
