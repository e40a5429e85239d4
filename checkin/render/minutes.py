"""Meeting minutes: a Meeting as Markdown (the HTML page: :mod:`checkin.render.html`).

Minutes are read raw as often as rendered, so they are ordered for readers (title, date,
facilitator, attendance, then the summary people act on, then the detail, then time and
rating) and every string a person typed goes through :mod:`checkin.render.mdtext`, which
escapes only what could change the document's structure. Which blocks appear depends only
on the data's shape (lists, objects, dates), never on what the text says, except that blank
optional text (shared goal, notes, summary, a metric comment) counts as absent. Every ``##``
section is always present; an empty one says "None.". Numbers go through
:mod:`checkin.render.numbers`. The output depends only on the arguments: the same meeting
always gives the same bytes (no clock, no locale, data order kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from checkin.core.dates import WEEKDAYS
from checkin.core.model import ActionItem, Meeting, MetricDef, Roadblock
from checkin.core.prep import FROM_PREP, from_prep
from checkin.render.mdtext import inline, is_blank, paragraphs
from checkin.render.numbers import CURRENCIES, format_number, format_target, format_value, sparkline

NONE = "None."
DASH = "—"
TREND_POINTS = 6
ACTION_HEADER = "| Owner | Item | Department | Due | Status |\n|---|---|---|---|---|"
SCORE_HEADER = (
    "| Metric | Department | Target | Actual | Status | Trend |\n|---|---|--:|--:|---|---|"
)


# ---------------------------------------------------------------- since last meeting
@dataclass
class MetricChange:
    name: str
    previous: float | None
    current: float | None
    target: float
    better: str = "higher"
    unit: str = ""
    on_track: bool | None = None


@dataclass
class SinceLast:
    """What changed since the previous meeting of the same agenda."""

    previous_date: date | None = None
    metrics: list[MetricChange] = field(default_factory=list)
    closed: list[ActionItem] = field(default_factory=list)
    opened: list[ActionItem] = field(default_factory=list)
    slipped: list[ActionItem] = field(default_factory=list)
    resolved: list[Roadblock] = field(default_factory=list)


def since_last(meeting: Meeting, previous: Meeting | None, actions: list[ActionItem]) -> SinceLast:
    mid, items = meeting.id, _unique(actions)
    changes = []
    for m in meeting.agenda.metrics:
        current, before = _value(meeting, m.name), _value(previous, m.name)
        if current is not None or before is not None:
            changes.append(
                MetricChange(
                    m.name, before, current, m.target, m.better, m.unit, m.on_track(current)
                )
            )

    def was_unresolved(r: Roadblock) -> bool:
        # A carried roadblock keeps its id; a new one may reuse an id of the previous
        # meeting (ids restart per meeting), so only carried ones are looked up there.
        old = previous.roadblock(r.id) if previous and r.carried_from else None
        return old is None or old.status != "resolved"

    return SinceLast(
        previous_date=previous.date if previous else None,
        metrics=changes,
        closed=[a for a in items if a.closed_in == mid],
        opened=[a for a in items if a.created_in == mid],
        slipped=[
            a for a in items if any(c.kind == "redate" and c.meeting == mid for c in a.history)
        ],
        resolved=[r for r in meeting.roadblocks if r.status == "resolved" and was_unresolved(r)],
    )


# ---------------------------------------------------------------- Markdown
def render_markdown(
    meeting: Meeting,
    *,
    actions: list[ActionItem],
    history: Sequence[Meeting] = (),
    since: SinceLast | None = None,
) -> str:
    """The minutes of ``meeting`` as Markdown (ends with exactly one newline).

    Ordered for readers: who and when, then the summary people act on (decisions, new
    action items by owner, open roadblocks), then the detail, then time and rating.
    """
    earlier = [h for h in history if h.id != meeting.id]
    blocks = _header(meeting)
    blocks += _attendance(meeting)
    blocks += _summary(meeting, actions)
    if since is not None:
        blocks += _since(since)
    blocks += _scorecard(meeting, earlier)
    blocks += ["## Roadblocks", _roadblocks(meeting)]
    blocks += _updates(meeting)
    blocks += _actions(meeting, actions)
    blocks += ["## Notes", *(paragraphs(meeting.notes) or [NONE])]
    blocks += _time(meeting, earlier)
    nxt = meeting.next_meeting
    blocks += [
        "## Next meeting",
        f"{WEEKDAYS[nxt.weekday()]} {nxt.isoformat()}" if nxt else "Not set.",
    ]
    return "\n\n".join(blocks) + "\n"


def _header(meeting: Meeting) -> list[str]:
    agenda = meeting.agenda
    facilitator = inline(meeting.facilitator)  # not recorded (older meetings): no line
    facts = [f"- **Date:** {WEEKDAYS[meeting.date.weekday()]} {meeting.date.isoformat()}"]
    if facilitator:
        facts.append(f"- **Facilitator:** {facilitator}")
    facts += [
        "- **Status:** "
        + {"in-progress": "Draft (meeting in progress)",
           "planned": "Planned (prep taken in; not started)"}.get(meeting.status, "Final"),
    ]
    if not is_blank(agenda.shared_goal):
        facts.append(f"- **Shared goal:** {inline(agenda.shared_goal)}")
    title = inline(agenda.title) or "Meeting"
    return [f"# {title} — {meeting.date.isoformat()}", "\n".join(facts)]


def _summary(meeting: Meeting, actions: list[ActionItem]) -> list[str]:
    """What people act on: the wrap-up summary, decisions, new items by owner, open
    roadblocks with their owners."""
    decisions = [
        f"- {inline(d.text) or DASH}" + (f" — {inline(d.owner)}" if not is_blank(d.owner) else "")
        for d in meeting.decisions
    ]
    new = sorted(_new_items(meeting, actions), key=lambda a: (_owner_key(a.owner), a.due, a.id))
    items = [
        f"- **{inline(a.owner) or 'No owner'}:** {inline(a.title) or DASH} — due "
        f"{WEEKDAYS[a.due.weekday()]} {a.due.isoformat()}"
        for a in new
    ]
    open_blocks = [r for r in _ranked(meeting.roadblocks) if r.status != "resolved"]
    roadblocks = [
        f"- {_strong(r.title)} — "
        + (f"owner {inline(r.owner)}" if not is_blank(r.owner) else "no owner")
        + (f", {inline(r.status)}" if r.status != "open" else "")
        for r in open_blocks
    ]
    blocks = ["## Summary", *paragraphs(meeting.summary)]
    for label, lines in (("Decisions", decisions), ("New action items", items),
                         ("Open roadblocks", roadblocks)):
        blocks += [f"**{label}**", "\n".join(lines) or NONE]
    return blocks


def _owner_key(owner: str) -> str:
    return " ".join(owner.split()).casefold()


def _since(since: SinceLast) -> list[str]:
    when = since.previous_date
    blocks = [
        "## Since last meeting",
        f"Compared with the meeting of {when.isoformat()}." if when else "No earlier meeting.",
    ]
    metrics = [
        f"- {inline(c.name) or DASH}: {_amount(c.previous, c.unit)} → {_amount(c.current, c.unit)}"
        f" (target {format_target(c, unit=_unit(c.unit))}), {_track(c.on_track)}"
        for c in since.metrics
    ]
    groups = [
        ("Metrics", metrics),
        ("Action items closed", [f"- {_item(a)} ({inline(a.status)})" for a in since.closed]),
        ("Action items opened", [f"- {_item(a)}, due {a.due.isoformat()}" for a in since.opened]),
        (
            "Action items slipped",
            [
                f"- {_item(a)}, now due {a.due.isoformat()} ({a.slips}× re-dated)"
                for a in since.slipped
            ],
        ),
        (
            "Roadblocks resolved",
            [
                f"- {_strong(r.title)}"
                + (f": {inline(r.resolution)}" if not is_blank(r.resolution) else "")
                for r in since.resolved
            ],
        ),
    ]
    for label, lines in groups:
        blocks += [f"**{label}**", "\n".join(lines) or NONE]
    return blocks


def _attendance(meeting: Meeting) -> list[str]:
    people = meeting.attendance
    if not people:
        return ["## Attendance", "No attendance recorded."]
    agenda = meeting.agenda
    lines = []
    for dept in _ordered([d.name for d in agenda.departments], [a.department for a in people]):
        here = [a for a in people if a.department == dept]
        rep = agenda.department(dept).representative if agenda.department(dept) else ""

        def who(name: str, note: str = "", rep: str = rep, prepared: bool = False) -> str:
            tags = ["representative"] if rep and name == rep else []
            if prepared:
                tags.append("prepared")
            if not is_blank(note):
                tags.append(inline(note))
            return (inline(name) or DASH) + (f" ({'; '.join(tags)})" if tags else "")

        present = [who(a.person, a.note, prepared=a.prepared) for a in here if a.present]
        absent = [who(a.person, a.note, prepared=a.prepared) for a in here if not a.present]
        if rep and not any(a.person == rep for a in here):
            absent.append(who(rep))
        text = ", ".join(present) or "nobody present"
        if absent:
            text += " · absent: " + ", ".join(absent)
        lines.append(f"- **{inline(dept) or DASH}:** {text}")
    count = sum(1 for a in people if a.present)
    return ["## Attendance", f"{count} of {len(people)} present.", "\n".join(lines)]


def _scorecard(meeting: Meeting, history: list[Meeting]) -> list[str]:
    defs: list[tuple[str, MetricDef | None]] = [(m.name, m) for m in meeting.agenda.metrics]
    defs += [(r.metric, None) for r in meeting.readings if meeting.agenda.metric(r.metric) is None]
    if not defs:
        return ["## Scorecard", NONE]
    rows, comments = [SCORE_HEADER], []
    for name, m in defs:
        reading = meeting.reading(name)
        value = reading.value if reading else None
        unit = m.unit if m else ""
        cells = [
            inline(name) or DASH,
            (inline(m.department) if m else "") or DASH,
            format_target(m, unit=_unit(unit)) if m else DASH,
            _amount(value, unit) + _prep_tag(meeting, f"value:{name}"),
            _track(m.on_track(value) if m else None),
            _trend(name, m.better if m else "", value, history),
        ]
        rows.append("| " + " | ".join(cells) + " |")
        if reading and not is_blank(reading.comment):
            comments.append(f"- **{inline(name) or DASH}:** {inline(reading.comment)}"
                            + _prep_tag(meeting, f"comment:{name}"))
    blocks = ["## Scorecard", "\n".join(rows)]
    return blocks + (["**Comments**", "\n".join(comments)] if comments else [])


def _trend(name: str, better: str, current: float | None, history: list[Meeting]) -> str:
    past = [v for v in (_value(h, name) for h in history) if v is not None]
    values = (past + ([] if current is None else [current]))[-TREND_POINTS:]
    if not values:
        return DASH
    shown = _series(values)
    if current is None:
        return f"{shown}, not read"
    if not past:
        return "first reading"
    previous = past[-1]
    if current == previous:
        return f"{shown} → steady"
    up = current > previous
    if better not in ("higher", "lower"):
        return f"{shown} {'↑' if up else '↓'}"
    improving = up == (better == "higher")
    return f"{shown} {'↑' if up else '↓'} {'improving' if improving else 'worsening'}"


def _series(values: list[float]) -> str:
    """``▃▅█ (90, 95, 120)``: a sparkline and the numbers it draws."""
    return f"{sparkline(list(values))} ({', '.join(_num(v) for v in values)})"


def _roadblocks(meeting: Meeting) -> str:
    lines = []
    for i, r in enumerate(_ranked(meeting.roadblocks), 1):
        parts = [f"status: {inline(r.status) or DASH}"]
        if not is_blank(r.raised_by):
            parts.append(f"raised by {inline(r.raised_by)}")
        blocking = [inline(b) for b in r.blocking if not is_blank(b)]
        if blocking:
            parts.append("blocking " + ", ".join(blocking))
        if not is_blank(r.owner):
            parts.append(f"owner {inline(r.owner)}")
        if not is_blank(r.resolution):
            parts.append(f"resolution: {inline(r.resolution)}")
        if r.carried_from:
            parts.append("carried over")
        lines.append(f"{i}. {_strong(r.title)} — " + " · ".join(parts))
    return "\n".join(lines) or NONE


def _updates(meeting: Meeting) -> list[str]:
    names = _ordered(
        [d.name for d in meeting.agenda.departments], [u.department for u in meeting.updates]
    )
    blocks = ["## Updates"]
    for name in names:
        blocks.append(f"### {inline(name) or DASH}")
        u = meeting.update(name)
        if u is None:
            blocks.append("No update.")
        else:
            fields = (("Wins", "wins", u.wins), ("Progress", "progress", u.progress),
                      ("Needs from others", "needs", u.needs))
            blocks.append("\n".join(f"- **{k}:** {inline(v) or DASH}"
                                    + _prep_tag(meeting, f"{key}:{name}")
                                    for k, key, v in fields))
    return blocks if names else [*blocks, NONE]


def _prep_tag(meeting: Meeting, key: str) -> str:
    """`` (from prep)`` while a field still holds what a prep form sent."""
    return f" ({FROM_PREP})" if from_prep(meeting, key) else ""


def _actions(meeting: Meeting, actions: list[ActionItem]) -> list[str]:
    by_id = {a.id: a for a in _unique(actions)}
    carried = [by_id[i] for i in dict.fromkeys(meeting.carried_action_ids) if i in by_id]
    new = _new_items(meeting, actions)
    blocks = ["## Action items"]
    for label, items in (("New", new), ("Carried over", carried)):
        rows = [
            f"| {inline(a.owner) or DASH} | {inline(a.title) or DASH} | "
            f"{inline(a.department) or DASH} | {a.due.isoformat()} | {_status(a, meeting)} |"
            for a in items
        ]
        blocks += [f"### {label}", "\n".join([ACTION_HEADER, *rows]) if rows else NONE]
    return blocks


def _status(item: ActionItem, meeting: Meeting) -> str:
    if item.status in ("done", "dropped"):
        text = "✅ done" if item.status == "done" else "dropped"
        if item.closed_in == meeting.id:
            text += " in this meeting"
        elif item.closed_on:
            text += f" {item.closed_on.isoformat()}"
    elif item.status == "open":
        late = item.days_overdue(meeting.date)
        text = f"open, {late} d overdue" if late else "open"
    else:
        text = inline(item.status) or DASH
    return text + (f", re-dated {item.slips}×" if item.slips else "")


# ---------------------------------------------------------------- small helpers
def _value(meeting: Meeting | None, metric: str) -> float | None:
    reading = meeting.reading(metric) if meeting else None
    return reading.value if reading else None


def _unique(actions: Iterable[ActionItem]) -> list[ActionItem]:
    """Action items by id, first occurrence kept, data order kept."""
    seen: dict[str, ActionItem] = {}
    for a in actions:
        seen.setdefault(a.id, a)
    return list(seen.values())


def _ordered(first: list[str], then: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *then]))


def _num(value: float) -> str:
    """A bare number through the one formatter: ``120``, ``4.25``, ``250,000``."""
    return format_number(value)


def _unit(unit: str) -> str:
    """A typed unit made safe for Markdown; a currency sign or a leading ``%`` stays bare so
    an amount never shows a backslash (``$250,000``, ``25%``)."""
    u = unit.strip()
    if u in CURRENCIES:
        return u
    if u.startswith("%"):
        return "%" + inline(u[1:])
    return inline(u)


def _amount(value: float | None, unit: str) -> str:
    return format_value(_unit(unit), value, missing=DASH)


def _track(on_track: bool | None) -> str:
    return {True: "✅ on track", False: "❌ off track", None: "— not read"}[on_track]


def _strong(text: str) -> str:
    """Bold typed text; never ``****`` (which would be a thematic break)."""
    escaped = inline(text)
    return f"**{escaped}**" if escaped else DASH


def _item(a: ActionItem) -> str:
    return _strong(a.title) + (f" — {inline(a.owner)}" if not is_blank(a.owner) else "")


def _ranked(roadblocks: list[Roadblock]) -> list[Roadblock]:
    """Ranked ones first (1, 2, ...), then the unranked in the order raised."""
    return sorted(roadblocks, key=lambda r: (r.rank <= 0, r.rank))


def _new_items(meeting: Meeting, actions: list[ActionItem]) -> list[ActionItem]:
    """Items created in this meeting (an item also carried over is listed as carried)."""
    carried = set(meeting.carried_action_ids)
    return [a for a in _unique(actions) if a.created_in == meeting.id and a.id not in carried]


# ---------------------------------------------------------------- time and rating
TIME_HEADER = "| Section | Planned | Actual |\n|---|--:|--:|"


def _minutes(seconds: float) -> str:
    return f"{_num(round(seconds / 60))} min"


def _time(meeting: Meeting, history: list[Meeting]) -> list[str]:
    """Planned and actual minutes per section and in total; the rating and its trend."""
    sections = meeting.agenda.sections
    spent = [*meeting.elapsed_seconds, *[0.0] * len(sections)][: len(sections)]
    rows = [TIME_HEADER]
    for section, seconds in zip(sections, spent):
        rows.append(f"| {inline(section.title) or DASH} | "
                    f"{_minutes(section.timebox_minutes * 60)} | {_minutes(seconds)} |")
    planned = sum(s.timebox_minutes for s in sections) * 60
    rows.append(f"| **Total** | {_minutes(planned)} | {_minutes(sum(spent))} |")
    rating = meeting.rating
    said = "Not rated." if rating is None else f"{_num(rating)}/10 ({meeting.rating_basis()})."
    past = [h.rating for h in history if h.rating is not None][-(TREND_POINTS - 1):]
    if rating is not None and past:
        said += f" Last meetings: {_series([*past, rating])}"
        said += " → steady" if rating == past[-1] else " ↑" if rating > past[-1] else " ↓"
    return ["## Time", "\n".join(rows), f"**Rating:** {said}"]
