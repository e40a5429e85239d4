"""`checkin collect`: filled-in prep forms (and ``readings.csv``) into the next meeting.

Each file is checked whole first: every problem is one line ``file:line: what; the fix``
and nothing is taken from a file with any. Accepted input goes into the agenda's next
meeting (created as planned if not started yet) through `core.prep`. Collecting the same
file twice changes nothing; a newer file from the same department replaces the older.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from checkin.core.dates import DueDateError, is_past, parse_due
from checkin.core.metrics import MetricValueError, parse_metric_value
from checkin.core.model import Agenda, Meeting, PrepRoadblock, PrepSource, PrepStatus
from checkin.core.people import NameMatchError, resolve_department
from checkin.core.prep import (
    Kept,
    MetricEntry,
    PrepForm,
    take_form,
    take_values,
    value_text,
)
from checkin.core.quickadd import QuickAddError
from checkin.errors import CheckinError
from checkin.render.numbers import format_value
from checkin.services.meetings import next_meeting_of, plan_meeting
from checkin.store import Store

_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z_-]+)\s*\]\]")
_KEY = re.compile(r"\s*([A-Za-z_-]+)\s*=")


@dataclass
class Problems:
    """What is wrong with one file, one line each."""

    path: Path
    lines: list[str] = field(default_factory=list)

    def add(self, line: int, text: str) -> None:
        self.lines.append(f"{self.path}:{line}: {text}")


class Lines:
    """Where each key of a TOML form is (tomllib gives values, not lines)."""

    def __init__(self, text: str) -> None:
        self.at: dict[tuple[str, int, str], int] = {}
        table, counts = "", {"": 0}
        for n, line in enumerate(text.splitlines(), 1):
            if (m := _HEADER.match(line)) is not None:
                table = m[1]
                counts[table] = counts.get(table, -1) + 1
                self.at[(table, counts[table], "")] = n
            elif (m := _KEY.match(line)) is not None:
                self.at.setdefault((table, counts[table], m[1]), n)

    def of(self, table: str, index: int, key: str = "") -> int:
        return self.at.get((table, index, key)) or self.at.get((table, index, "")) or 1


@dataclass
class Collected:
    """A valid file's content, ready to take in."""

    path: Path
    agenda: Agenda
    meeting: date
    digest: str
    modified: str
    form: PrepForm | None = None  # a prep form
    values: dict[str, str] = field(default_factory=dict)  # readings.csv


def _text(value: Any, where: int, name: str, problems: Problems) -> str:
    if isinstance(value, str):
        return " ".join(value.split()) if name != "comment" else value.strip()
    problems.add(where, f"{name} must be text in quotes; write {name} = \"...\"")
    return ""


def _number(value: Any, unit: str, where: int, problems: Problems) -> float | None:
    if isinstance(value, bool):
        pass
    elif isinstance(value, int | float):
        if math.isfinite(value):
            return float(value)
    elif isinstance(value, str):
        try:
            return parse_metric_value(value, unit)
        except MetricValueError as exc:
            problems.add(where, f"value: {exc}; or leave it \"\"")
            return None
    problems.add(where, "value is not a number; write e.g. value = 262000 or \"262k\"")
    return None


def _department(typed: Any, agenda: Agenda, where: int, problems: Problems) -> str:
    names = [d.name for d in agenda.departments]
    if isinstance(typed, str):
        try:
            return resolve_department(typed, names)
        except (QuickAddError, NameMatchError):
            pass
    problems.add(where, f"department {typed!r} is not in the agenda {agenda.id!r}; use one "
                 f"of {', '.join(names)}")
    return ""


def parse_form(path: Path, text: str, agendas: dict[str, Agenda], store: Store, *,
               today: date, dayfirst: bool, problems: Problems) -> Collected | None:
    """A prep form checked whole; None (and ``problems``) when anything is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        problems.add(int(m[1]) if m else 1, f"not valid TOML ({str(exc).split(' (at')[0]}); "
                     "check the quotes on that line, or run `checkin prep` for a fresh form")
        return None
    at = Lines(text)
    agenda = agendas.get(str(data.get("agenda", "")))
    if agenda is None:
        problems.add(at.of("", 0, "agenda"), f"agenda {data.get('agenda')!r} is unknown; use "
                     f"one of {', '.join(sorted(agendas))} (as `checkin prep` wrote it)")
        return None
    dept = _department(data.get("department"), agenda, at.of("", 0, "department"), problems)
    meeting = data.get("meeting")
    if not isinstance(meeting, date) or isinstance(meeting, datetime):
        problems.add(at.of("", 0, "meeting"), "meeting must be a date like 2026-11-30 (no "
                     "quotes); keep what `checkin prep` wrote")
        return None
    expected = next_meeting_of(store, agenda, today)
    if meeting != expected:
        problems.add(at.of("", 0, "meeting"), f"this form is for the meeting of "
                     f"{meeting.isoformat()}, but the next one is {expected.isoformat()}; "
                     "copy your answers into a form from `checkin prep` for that date")
    form = PrepForm(dept)
    for key, name in (("win", "wins"), ("progress", "progress"), ("needs", "needs")):
        setattr(form, name, _text(data.get(key, ""), at.of("", 0, key), key, problems))
    _metrics(data.get("metrics", []), agenda, dept, at, problems, form)
    _statuses(data.get("actions", []), store, dept, at, problems, form,
              today=today, meeting=meeting, dayfirst=dayfirst)
    _roadblocks(data.get("roadblocks", []), agenda, dept, at, problems, form)
    if problems.lines:
        return None
    return Collected(path, agenda, meeting, _digest(text), "", form=form)


def _metrics(rows: Any, agenda: Agenda, dept: str, at: Lines, problems: Problems,
             form: PrepForm) -> None:
    for n, row in enumerate(rows if isinstance(rows, list) else []):
        name = row.get("name") if isinstance(row, dict) else None
        metric = agenda.metric(name) if isinstance(name, str) else None
        if metric is None or (dept and metric.department != dept):
            mine = ", ".join(m.name for m in agenda.metrics if m.department == dept)
            problems.add(at.of("metrics", n, "name"),
                         f"unknown metric {name!r} for {dept or 'this department'}; use one "
                         f"of {mine or '(none)'} or delete this [[metrics]] table")
            continue
        value = _number(row.get("value", ""), metric.unit, at.of("metrics", n, "value"),
                        problems)
        comment = _text(row.get("comment", ""), at.of("metrics", n, "comment"), "comment",
                        problems)
        form.metrics.append(MetricEntry(metric.name, value, comment))


def _statuses(rows: Any, store: Store, dept: str, at: Lines, problems: Problems,
              form: PrepForm, *, today: date, meeting: date, dayfirst: bool) -> None:
    for n, row in enumerate(rows if isinstance(rows, list) else []):
        row = row if isinstance(row, dict) else {}
        status = row.get("status", "")
        line = at.of("actions", n, "status")
        if not isinstance(status, str | date):
            problems.add(line, 'status must be "done", "dropped" or a new due date; or ""')
            continue
        if status == "":
            continue
        item_id = str(row.get("id", "")).strip().upper()
        try:
            item = store.action(item_id)
        except CheckinError:
            problems.add(at.of("actions", n, "id"), f"no action item {item_id!r}; keep the id "
                         "`checkin prep` wrote, or delete this [[actions]] table")
            continue
        if item.status != "open":
            problems.add(line, f"{item.id} is already {item.status}; leave status \"\"")
            continue
        word = str(status).strip().casefold()
        if word in ("done", "dropped", "drop"):
            form.statuses.append(PrepStatus(dept, item.id, "done" if word == "done"
                                            else "dropped"))
            continue
        try:
            due = parse_due(str(status), today=today, next_meeting=meeting, dayfirst=dayfirst)
        except DueDateError as exc:
            problems.add(line, f"status: {exc}; or write done or dropped")
            continue
        if is_past(due, today):
            problems.add(line, f"status: {due.isoformat()} is in the past; give a later date")
            continue
        form.statuses.append(PrepStatus(dept, item.id, due.isoformat()))


def _roadblocks(rows: Any, agenda: Agenda, dept: str, at: Lines, problems: Problems,
                form: PrepForm) -> None:
    for n, row in enumerate(rows if isinstance(rows, list) else []):
        row = row if isinstance(row, dict) else {}
        title = _text(row.get("title", ""), at.of("roadblocks", n, "title"), "title", problems)
        blocking = row.get("blocking", [])
        if not title:
            if blocking:
                problems.add(at.of("roadblocks", n, "title"), "a roadblock needs a title; "
                             "say what is blocked, or delete this [[roadblocks]] table")
            continue
        if not isinstance(blocking, list):
            blocking = [blocking]
        where = at.of("roadblocks", n, "blocking")
        names = [_department(b, agenda, where, problems) for b in blocking]
        form.roadblocks.append(PrepRoadblock(dept, title, [b for b in names if b]))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def parse_readings(path: Path, text: str, agendas: dict[str, Agenda], store: Store, *,
                   today: date, agenda_id: str | None, problems: Problems) -> Collected | None:
    """``metric,value[,comment]`` rows (header optional) for the agenda they match."""
    rows = [(n, r) for n, r in enumerate(csv.reader(text.splitlines()), 1) if any(r)]
    if rows and rows[0][1] and rows[0][1][0].strip().casefold() in ("metric", "name"):
        rows = rows[1:]
    names = {r[0].strip() for _, r in rows if r}
    if agenda_id is not None:
        agenda = agendas.get(agenda_id)
    else:
        fits = [a for a in agendas.values() if names and names <= {m.name for m in a.metrics}]
        agenda = fits[0] if len(fits) == 1 else None
    if agenda is None:
        problems.add(1, "cannot tell which agenda these metrics belong to; add --agenda A")
        return None
    values: dict[str, str] = {}
    for n, row in rows:
        metric = agenda.metric(row[0].strip())
        if metric is None or len(row) > 3:
            problems.add(n, f"expected metric,value[,comment] with a metric of {agenda.id!r} "
                         f"(one of {', '.join(m.name for m in agenda.metrics)})")
            continue
        value = _number(row[1] if len(row) > 1 else "", metric.unit, n, problems)
        values[f"value:{metric.name}"] = value_text(value)
        if len(row) > 2:
            values[f"comment:{metric.name}"] = row[2].strip()
    if problems.lines:
        return None
    return Collected(path, agenda, next_meeting_of(store, agenda, today), _digest(text), "",
                     values=values)


def read(path: Path, agendas: dict[str, Agenda], store: Store, *, today: date,
         dayfirst: bool = False, agenda_id: str | None = None) -> tuple[Collected | None,
                                                                      list[str]]:
    """One file checked: (what to take, or None; its problem lines)."""
    problems = Problems(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        modified = datetime.fromtimestamp(path.stat().st_mtime).isoformat()
    except (OSError, UnicodeError) as exc:
        problems.add(1, f"cannot read it ({getattr(exc, 'strerror', None) or exc}); "
                     "save it as UTF-8 text and try again")
        return None, problems.lines
    if path.suffix.casefold() == ".csv":
        got = parse_readings(path, text, agendas, store, today=today, agenda_id=agenda_id,
                             problems=problems)
    else:
        got = parse_form(path, text, agendas, store, today=today, dayfirst=dayfirst,
                         problems=problems)
    if got is not None:
        got.modified = modified
    return got, problems.lines


def take(store: Store, got: Collected, *, now: datetime) -> str:
    """Put a checked file into its meeting: one line saying what happened, then one line
    per field the room had changed, which keeps the room's text."""
    if got.form is not None and got.form.is_empty():
        return f"{got.path}: nothing filled in; skipped"
    meeting = plan_meeting(store, got.agenda, now=now, on=got.meeting)
    if got.form is None:
        before = dict(meeting.prep)
        kept = take_values(meeting, got.values)
        changed = meeting.prep != before
    else:
        dept = got.form.department
        old = meeting.prep_sources.get(dept)
        if old is not None and old.digest == got.digest:
            return f"{got.path}: already taken; nothing changed"
        if old is not None and old.modified > got.modified:
            return (f"{got.path}: older than the {dept} form taken before ({old.file}); "
                    "skipped")
        kept = take_form(meeting, got.form, PrepSource(str(got.path), got.digest,
                                                       got.modified))
        changed = True
    if changed:
        store.save_meeting(meeting)
    head = f"{got.path}: taken into {meeting.id}" + ("" if changed else " (nothing new)")
    return "\n".join([head, *(kept_line(meeting, k) for k in kept)])


def kept_line(meeting: Meeting, kept: Kept) -> str:
    """``  Win rate value: kept the room's 28% (the form sent 29%)``."""
    kind, _, name = kept.key.partition(":")
    label = {"value": f"{name} value", "comment": f"{name} comment",
             "wins": f"{name} win"}.get(kind, f"{name} {kind}")

    def shown(text: str) -> str:
        if kind == "value":
            metric = meeting.agenda.metric(name)
            return format_value(metric.unit if metric else "", float(text) if text else None,
                                missing="(cleared)")
        return f"\"{' '.join(text.split())}\"" if text else "(cleared)"

    return (f"  {label}: kept the room's {shown(kept.room)} (the form sent "
            f"{shown(kept.form)}; type it in the room to use it)")
