"""`checkin prep`: one fill-in TOML form per department for an agenda's next meeting.

The form is written for someone who never used checkin: every field is explained in a
comment next to it, and what checkin already knows (targets, the last readings, the
department's open action items) is filled in for reference.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from checkin.core.model import ActionItem, Agenda, Department, MetricDef
from checkin.errors import CheckinError
from checkin.render.plain import safe
from checkin.services.files import write_file
from checkin.services.meetings import next_meeting_of
from checkin.services.queries import carried_actions, metric_history
from checkin.store import Store

LAST_READINGS = 3


def file_name(department: str) -> str:
    """``Customer Support`` -> ``customer-support.toml``."""
    slug = re.sub(r"[^a-z0-9]+", "-", department.casefold()).strip("-")
    return f"{slug or 'department'}.toml"


def _str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a valid TOML basic string


def _comment(text: str) -> str:
    """Text for a ``#`` comment: one line, whatever an agenda's title holds."""
    return " ".join(safe(text).split())


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def form_text(agenda: Agenda, dept: Department, meeting: date, metrics: list[MetricDef],
              history: dict[str, list[float]], items: list[ActionItem]) -> str:
    """The TOML form of one department."""
    lines = [
        f"# Prep for {_comment(agenda.title)}: {meeting.isoformat()}, {_comment(dept.name)}.",
        "# Fill in what you can, save, and send the file back (or commit it to the shared",
        "# repo). Text goes between the quotes; leave a field \"\" to say nothing.",
        f"# The facilitator takes it in with: checkin collect {file_name(dept.name)}",
        "",
        f"agenda = {_str(agenda.id)}        # do not change",
        f"department = {_str(dept.name)}    # do not change",
        f"meeting = {meeting.isoformat()}         # do not change",
        'win = ""          # one sentence the room should hear',
        'progress = ""     # where your main work stands',
        'needs = ""        # what you need, and from which department',
    ]
    for m in metrics:
        unit = f" (in {_comment(m.unit)})" if m.unit.strip() else ""
        lines += [
            "",
            "[[metrics]]       # one KPI you own; only value and comment are yours to fill",
            f"name = {_str(m.name)}",
            f"unit = {_str(m.unit)}",
            f"target = {_num(m.target)}    # {m.better} is better",
            "last = [" + ", ".join(_num(v) for v in history.get(m.name, [])) + "]"
            "    # the last readings, oldest first",
            f'value = ""        # this period\'s number{unit}, e.g. {_num(m.target)}',
            'comment = ""      # optional: why it moved',
        ]
    for item in items:
        lines += [
            "",
            "[[actions]]       # an open action item of your department",
            f"id = {_str(item.id)}",
            f"title = {_str(item.title)}",
            f"owner = {_str(item.owner)}",
            f"due = {item.due.isoformat()}",
            'status = ""       # done | dropped | a new due date ("next fri", 2026-12-11)',
        ]
    lines += [
        "",
        "# A roadblock: copy these three lines once per roadblock and fill them in.",
        "# [[roadblocks]]",
        '# title = "Waiting for the new pricing sheet"',
        '# blocking = ["Marketing"]   # departments it blocks',
        "",
    ]
    return "\n".join(lines)


def write_forms(store: Store, agenda: Agenda, *, today: date, out_dir: Path | None = None,
                department: str | None = None) -> list[Path]:
    """Write the forms (all departments, or one) into ``out_dir``; the paths written."""
    meeting = next_meeting_of(store, agenda, today)
    depts = agenda.departments
    if department is not None:
        from checkin.core.people import NameMatchError, resolve_department
        from checkin.core.quickadd import QuickAddError

        try:
            name = resolve_department(department, [d.name for d in depts])
        except (QuickAddError, NameMatchError) as exc:
            raise CheckinError(f"--department: {exc}") from None
        depts = [d for d in depts if d.name == name]
    folder = Path(out_dir) if out_dir else Path(f"prep-{meeting.isoformat()}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckinError(f"{folder}: cannot create it ({exc.strerror}); choose another "
                           "with -o DIR") from None
    open_items = carried_actions(store, agenda.id)
    written = []
    for dept in depts:
        metrics = [m for m in agenda.metrics if m.department == dept.name]
        history = {m.name: [v for _, v in metric_history(store, agenda.id, m.name, before=meeting)
                            if v is not None][-LAST_READINGS:] for m in metrics}
        items = sorted((a for a in open_items if a.department == dept.name),
                       key=lambda a: (a.due, a.id))
        path = folder / file_name(dept.name)
        text = form_text(agenda, dept, meeting, metrics, history, items)
        write_file(text, path)
        written.append(path)
    return written

