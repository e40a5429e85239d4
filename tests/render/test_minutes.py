"""Minutes: Markdown structure, escaping of typed text, trends, HTML export, atomic write."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from checkin.core.data import from_data, to_data
from checkin.core.model import (
    ActionItem,
    Agenda,
    Attendee,
    Decision,
    Department,
    DepartmentUpdate,
    Meeting,
    MetricDef,
    MetricReading,
    Roadblock,
)
from checkin.errors import CheckinError
from checkin.render import minutes
from checkin.render.html import export_meeting, render_html
from checkin.render.mdtext import inline, lines, paragraphs
from checkin.render.minutes import SinceLast, render_markdown, since_last
from checkin.services.files import write_file

H2 = [
    "Attendance",
    "Summary",
    "Scorecard",
    "Roadblocks",
    "Updates",
    "Action items",
    "Notes",
    "Time",
    "Next meeting",
]
HOSTILE = (
    "   | a | b |\nline1\r\nline2\r<script>alert(1)</script>\n# heading\n*bold* _em_ `tick`\n"
    "[x](javascript:alert(1)) ![i](x.png) &lt; &amp;\n1. item\n> quote\n- bullet\n"
    "    indented code\n=====\n---\n<!-- c -->\\"
)
HOSTILE_BITS = [
    "| a | b |",
    "\n",
    "\r\n",
    "\r",
    "<script>alert(1)</script>",
    "<script",
    "# heading",
    "*bold*",
    "`",
    "```",
    "[x](javascript:alert(1))",
    "&lt;",
    "&#60;",
    "1. item",
    "> quote",
    "    ",
    "\t",
    "\\",
    "---",
    "***",
    "<div>",
    "  \n",
]


# ---------------------------------------------------------------- fixtures
def make_agenda(title: str = "Weekly check-in") -> Agenda:
    return Agenda(
        id="weekly",
        title=title,
        shared_goal="Raise retention 20% by 2027-09-30",
        departments=[
            Department("Marketing", "Dana Lee"),
            Department("Sales", "Sam Roe"),
            Department("IT", "Ira Kim"),
        ],
        metrics=[
            MetricDef("Marketing-qualified leads", "Marketing", 120, "higher", "leads"),
            MetricDef("Win rate", "Sales", 25, "higher", "%"),
            MetricDef("Ticket age", "IT", 2, "lower", "days"),
            MetricDef("Uptime", "IT", 99.9, "higher", "%"),
        ],
    )


def past_meeting(i: int, agenda: Agenda, mql: float, age: float) -> Meeting:
    return Meeting(
        id=f"m{i}",
        agenda=agenda,
        date=date(2026, 1, 7) + timedelta(weeks=i),
        status="ended",
        readings=[
            MetricReading("Marketing-qualified leads", mql),
            MetricReading("Ticket age", age),
        ],
        roadblocks=[Roadblock("rb-old", "Slow VPN", status="open")],
    )


def make_actions() -> list[ActionItem]:
    carried_done = ActionItem("a1", "Fix VPN", "Ira Kim", date(2026, 2, 27), "IT", created_in="m2")
    carried_done.redate(date(2026, 3, 6), on=date(2026, 3, 4), meeting="m9")
    carried_done.mark_done(date(2026, 3, 4), meeting="m9")
    carried_late = ActionItem("a2", "Price sheet", "Sam Roe", date(2026, 3, 1), "Sales")
    carried_dropped = ActionItem("a3", "Old idea", "Dana Lee", date(2026, 2, 20), "Marketing")
    carried_dropped.drop(date(2026, 2, 25), meeting="m2")
    new = [
        ActionItem(
            "a4", "Write brief", "Dana Lee", date(2026, 3, 10), "Marketing", created_in="m9"
        ),
        ActionItem("a5", "Call Acme", "Sam Roe", date(2026, 3, 11), "Sales", created_in="m9"),
    ]
    unrelated = ActionItem("a6", "Other meeting", "X", date(2026, 3, 1), created_in="zz")
    return [carried_done, carried_late, carried_dropped, *new, unrelated]


def make_meeting(agenda: Agenda | None = None) -> Meeting:
    agenda = agenda or make_agenda()
    return Meeting(
        id="m9",
        agenda=agenda,
        date=date(2026, 3, 4),
        facilitator="Pat Doe",
        status="ended",
        attendance=[
            Attendee("Marketing", "Dana Lee", True),
            Attendee("Sales", "Sam Roe", False, "on leave"),
            Attendee("IT", "Ira Kim", True, "remote"),
        ],
        readings=[
            MetricReading("Marketing-qualified leads", 120.0, "spring campaign"),
            MetricReading("Win rate", 4.25, "two big losses"),
            MetricReading("Ticket age", 1.5, "new triage"),
        ],
        roadblocks=[
            Roadblock("r1", "Slow VPN", "Dana Lee", ["Sales", "IT"], "Ira Kim", rank=2),
            Roadblock("r2", "No budget", "Sam Roe", ["Sales"], "Pat Doe", "resolved", "CFO ok", 1),
        ],
        updates=[
            DepartmentUpdate("Marketing", "Launched spring", "Half of Q2 plan", "Design help"),
            DepartmentUpdate("IT", "Laptops done", "VPN upgrade", "Budget"),
        ],
        decisions=[Decision("Ship v2 on Monday", "Pat Doe"), Decision("Pause ads", "Dana Lee")],
        notes="Discussed pricing.\nAgreed to revisit.\n\nSecond paragraph.",
        summary="Good week.",
        ratings={"Dana Lee": 8, "Ira Kim": 7},
        next_meeting=date(2026, 3, 11),
        carried_action_ids=["a1", "a2", "a3"],
    )


def make_history(agenda: Agenda) -> list[Meeting]:
    return [past_meeting(i, agenda, 90 + 5 * i, 3.0 - 0.1 * i) for i in range(8)]


def fill_text(meeting: Meeting, actions: list[ActionItem], text: str) -> None:
    """Put ``text`` in every string field a person types (names used as keys stay put)."""
    a = meeting.agenda
    a.title = a.shared_goal = text
    for d in a.departments:
        d.representative = text
    for m in a.metrics:
        m.unit = text
    meeting.facilitator = meeting.notes = meeting.summary = text
    for p in meeting.attendance:
        p.person = p.note = text
    for r in meeting.readings:
        r.comment = text
    for rb in meeting.roadblocks:
        rb.title = rb.raised_by = rb.owner = rb.resolution = text
        rb.blocking = [text]
    for u in meeting.updates:
        u.wins = u.progress = u.needs = text
    for d in meeting.decisions:
        d.text = d.owner = text
    for item in actions:
        item.title = item.owner = item.department = text


# ---------------------------------------------------------------- parsing helpers
_PARSER = MarkdownIt("commonmark").enable("table")


def parse(md: str):
    return _PARSER.parse(md)


def text_of(tok) -> str:
    parts = []
    for c in tok.children or []:
        if c.type in ("text", "text_special", "code_inline"):
            parts.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def headings(tokens, level: int) -> list[str]:
    tag = f"h{level}"
    return [
        text_of(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == tag
    ]


def section_tokens(tokens, title: str):
    """The tokens after ``## title`` up to the next h2."""
    start = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2" and text_of(tokens[i + 1]) == title
    )
    end = next(
        (
            i
            for i in range(start + 3, len(tokens))
            if tokens[i].type == "heading_open" and tokens[i].tag == "h2"
        ),
        len(tokens),
    )
    return tokens[start + 3 : end]


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts."""
    result, row = [], None
    for t in tokens:
        if t.type == "table_open":
            result.append([])
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            result[-1].append(row)
        elif t.type == "inline" and row is not None and result and t.level >= 3:
            row.append(text_of(t))
        elif t.type == "table_close":
            row = None
    return result


def shape(tables_):
    return [[len(r) for r in tbl] for tbl in tables_]


def block_shape(tokens) -> list[tuple[str, str]]:
    return [(t.type, t.tag) for t in tokens if t.type != "inline"]


def inline_kinds(tokens) -> set[str]:
    return {c.type for t in tokens if t.type == "inline" for c in t.children or []}


def all_text(tokens) -> str:
    return "\n".join(text_of(t) for t in tokens if t.type == "inline")


def render(meeting=None, actions=None, history=(), since=None) -> str:
    meeting = meeting or make_meeting()
    actions = make_actions() if actions is None else actions
    return render_markdown(meeting, actions=actions, history=history, since=since)


# ---------------------------------------------------------------- structure
def test_sections_in_order_and_title():
    tokens = parse(render())
    assert headings(tokens, 1) == ["Weekly check-in — 2026-03-04"]
    assert headings(tokens, 2) == H2
    assert headings(tokens, 3) == ["Marketing", "Sales", "IT", "New", "Carried over"]
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"


def test_header_facts():
    text = all_text(parse(render()))
    assert "Facilitator: Pat Doe" in text
    assert "Status: Final" in text
    assert "Date: Wednesday 2026-03-04" in text
    assert "Rating: 7.5/10 (2 people)." in text
    assert "Shared goal: Raise retention 20% by 2027-09-30" in text
    draft = make_meeting()
    draft.status, draft.ratings = "in-progress", {}
    text = all_text(parse(render(draft)))
    assert "Status: Draft (meeting in progress)" in text and "Rating: Not rated." in text
    unnamed = make_meeting()
    unnamed.facilitator = "  "  # an older meeting that never recorded one: no line, no dash
    text = all_text(parse(render(unnamed)))
    assert "Facilitator" not in text and "Status: Final" in text


def test_scorecard_table():
    tokens = parse(render(history=make_history(make_agenda())))
    (table,) = tables(section_tokens(tokens, "Scorecard"))
    assert shape([table]) == [[6] * 5]
    assert table[0] == ["Metric", "Department", "Target", "Actual", "Status", "Trend"]
    mql, win, age, uptime = table[1:]
    assert mql[:5] == [
        "Marketing-qualified leads",
        "Marketing",
        "≥ 120 leads",
        "120 leads",
        "✅ on track",
    ]
    assert win[2:5] == ["≥ 25%", "4.25%", "❌ off track"]
    assert age[2:5] == ["≤ 2 days", "1.5 days", "✅ on track"]
    assert uptime[3:5] == ["—", "— not read"]
    text = all_text(section_tokens(tokens, "Scorecard"))
    assert "Marketing-qualified leads: spring campaign" in text


def test_trend_last_six_values_sparkline_and_direction():
    agenda = make_agenda()
    tokens = parse(render(make_meeting(agenda), history=make_history(agenda)))
    (table,) = tables(section_tokens(tokens, "Scorecard"))
    # MQL history 90..125 step 5, now 120: last 6 values, down from 125 -> worse (higher better)
    assert table[1][5] == "▁▃▅▆█▆ (105, 110, 115, 120, 125, 120) ↓ worsening"
    # Ticket age history 3.0..2.3, now 1.5: down, and lower is better
    assert table[3][5].endswith("(2.7, 2.6, 2.5, 2.4, 2.3, 1.5) ↓ improving")
    assert table[2][5] == "first reading"
    assert table[4][5] == "—"


@pytest.mark.parametrize(
    ("better", "previous", "current", "expected"),
    [
        ("higher", 10, 12, "↑ improving"),
        ("higher", 12, 10, "↓ worsening"),
        ("lower", 10, 12, "↑ worsening"),
        ("lower", 12, 10, "↓ improving"),
        ("lower", 12, 12, "→ steady"),
    ],
)
def test_trend_arrow_per_better(better, previous, current, expected):
    agenda = make_agenda()
    agenda.metrics = [MetricDef("K", "IT", 11, better)]
    before = Meeting("p", agenda, date(2026, 1, 1), readings=[MetricReading("K", previous)])
    now = Meeting("n", agenda, date(2026, 1, 8), readings=[MetricReading("K", current)])
    table, _time = tables(parse(render(now, [], [before])))
    assert table[1][5].endswith(expected)
    assert table[1][4] == (
        "✅ on track" if MetricDef("K", "", 11, better).on_track(current) else "❌ off track"
    )


def test_metric_not_read_now_shows_history():
    agenda = make_agenda()
    meeting = make_meeting(agenda)
    meeting.readings = []
    tokens = parse(render(meeting, history=make_history(agenda)[:2]))
    (table,) = tables(section_tokens(tokens, "Scorecard"))
    assert table[1][5] == "▁█ (90, 95), not read"
    assert table[1][4] == "— not read"


def test_roadblocks_ranked_with_details():
    tokens = section_tokens(parse(render()), "Roadblocks")
    assert tokens[0].type == "ordered_list_open"
    items = [text_of(t) for t in tokens if t.type == "inline"]
    assert items == [
        "No budget — status: resolved · raised by Sam Roe · blocking Sales · owner Pat Doe"
        " · resolution: CFO ok",
        "Slow VPN — status: open · raised by Dana Lee · blocking Sales, IT · owner Ira Kim",
    ]


def test_attendance_notes_absent_representatives():
    text = all_text(section_tokens(parse(render()), "Attendance"))
    assert "2 of 3 present." in text
    assert "Sales: nobody present · absent: Sam Roe (representative; on leave)" in text
    assert "IT: Ira Kim (representative; remote)" in text


def test_updates_per_department():
    tokens = section_tokens(parse(render()), "Updates")
    text = all_text(tokens)
    assert "Wins: Launched spring" in text and "Needs from others: Budget" in text
    assert "No update." in text  # Sales


def test_action_tables_new_and_carried():
    tokens = section_tokens(parse(render()), "Action items")
    new, carried = tables(tokens)
    assert shape([new, carried]) == [[5] * 3, [5] * 4]
    assert new[0] == ["Owner", "Item", "Department", "Due", "Status"]
    assert [r[1] for r in new[1:]] == ["Write brief", "Call Acme"]
    assert carried[1] == [
        "Ira Kim",
        "Fix VPN",
        "IT",
        "2026-03-06",
        "✅ done in this meeting, re-dated 1×",
    ]
    assert carried[2][4] == "open, 3 d overdue"
    assert carried[3][4] == "dropped 2026-02-25"


def test_empty_meeting_keeps_every_section():
    meeting = Meeting("e", Agenda("x", "Empty"), date(2026, 1, 5))
    md = render(meeting, [])
    tokens = parse(md)
    assert headings(tokens, 2) == H2
    assert tables(tokens) == [[["Section", "Planned", "Actual"], ["Total", "0 min", "0 min"]]]
    assert "None." in all_text(tokens) and "Not set." in all_text(tokens)


def test_numbers_formatting():
    """The minutes write amounts with the one number rule: no backslash, `,` grouping."""
    assert minutes._amount(99.9, "%") == "99.9%"
    assert minutes._amount(250000, "$") == "$250,000"
    assert minutes._amount(1 / 3, "leads") == "0.333333 leads"
    assert minutes._amount(None, "leads") == minutes.DASH
    assert minutes._amount(3, "*x*") == "3 \\*x\\*"  # a typed unit is still escaped
    assert minutes._num(120.0) == "120"
    assert minutes._num(4.25) == "4.25"
    assert minutes._num(-0.0) == "0"
    assert minutes._num(1 / 3) == "0.333333"
    assert minutes._num(250000) == "250,000"


# ---------------------------------------------------------------- since last meeting
def test_since_last_computation_and_block():
    agenda = make_agenda()
    history = make_history(agenda)
    meeting = make_meeting(agenda)
    meeting.roadblocks[1].carried_from = "rb-old"
    actions = make_actions()
    since = since_last(meeting, history[-1], actions)
    assert [a.id for a in since.closed] == ["a1"]
    assert [a.id for a in since.opened] == ["a4", "a5"]
    assert [a.id for a in since.slipped] == ["a1"]
    assert [r.id for r in since.resolved] == ["r2"]
    assert [(c.name, c.previous, c.current, c.on_track) for c in since.metrics] == [
        ("Marketing-qualified leads", 125, 120.0, True),
        ("Win rate", None, 4.25, False),
        ("Ticket age", 2.3, 1.5, True),
    ]
    tokens = parse(render(meeting, actions, history, since))
    assert headings(tokens, 2) == [*H2[:2], "Since last meeting", *H2[2:]]
    text = all_text(section_tokens(tokens, "Since last meeting"))
    assert "Compared with the meeting of 2026-02-25." in text
    assert (
        "Marketing-qualified leads: 125 leads → 120 leads (target ≥ 120 leads), ✅ on track" in text
    )
    assert "Fix VPN — Ira Kim, now due 2026-03-06 (1× re-dated)" in text
    assert "No budget: CFO ok" in text


def test_since_last_without_previous():
    since = since_last(make_meeting(), None, [])
    assert since.previous_date is None and since.closed == []
    text = all_text(parse(render(since=since)))
    assert "No earlier meeting." in text
    assert "No earlier meeting." in all_text(parse(render(since=SinceLast())))


# ---------------------------------------------------------------- escaping
def test_hostile_text_everywhere_keeps_structure_and_shows_literally():
    clean_tokens = parse(render(history=make_history(make_agenda())))
    meeting, actions = make_meeting(), make_actions()
    fill_text(meeting, actions, HOSTILE)
    meeting.notes = f"{HOSTILE}\n \t\n{HOSTILE}"  # two paragraphs, like the clean notes
    hostile_md = render(meeting, actions, make_history(meeting.agenda))
    tokens = parse(hostile_md)

    assert headings(tokens, 2) == H2
    assert block_shape(tokens) == block_shape(clean_tokens)
    assert shape(tables(tokens)) == shape(tables(clean_tokens))
    kinds = inline_kinds(tokens)
    assert kinds <= inline_kinds(clean_tokens) | {"hardbreak"}
    assert not kinds & {"html_inline", "link_open", "image", "code_inline", "em_open"}

    folded = " / ".join(lines(HOSTILE))
    assert headings(tokens, 1) == [f"{folded} — 2026-03-04"]
    new, carried = tables(section_tokens(tokens, "Action items"))
    assert new[1][:3] == [folded] * 3
    assert all(row[0] == folded for row in carried[1:])
    notes = [text_of(t) for t in section_tokens(tokens, "Notes") if t.type == "inline"]
    assert notes == ["\n".join(lines(HOSTILE))] * 2
    text = all_text(tokens)
    for literal in (
        "<script>alert(1)</script>",
        "| a | b |",
        "&lt; &amp;",
        "[x](javascript:alert(1))",
    ):
        assert literal in text


def test_escape_helpers():
    assert inline("a|b\r\nc\rd\n\n  e  ") == "a\\|b / c / d / e"
    assert inline("   \n\t") == ""
    assert paragraphs("  # one\ntwo\n\n\n   three  ") == ["\\# one  \ntwo", "three"]
    assert paragraphs(" \n ") == []


def test_hostile_html_export_has_no_raw_tags():
    meeting, actions = make_meeting(), make_actions()
    fill_text(meeting, actions, HOSTILE)
    page = export_meeting(
        meeting, actions=actions, history=make_history(meeting.agenda), fmt="html"
    )
    assert "<script" not in page and "<div" not in page and "<!--" not in page
    assert "javascript:" not in page.split("<body>")[1].replace("(javascript:alert(1))", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>| a | b | line1" in page


hostile_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(HOSTILE_BITS) | st.text(max_size=5), max_size=8).map("".join),
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "ul",
    "ol", "li", "strong", "table", "thead", "tbody", "tr", "th", "td", "br",
}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(title=hostile_text, comment=hostile_text, notes=hostile_text, owner=hostile_text)
def test_arbitrary_text_keeps_headings_and_tables(title, comment, notes, owner):
    clean = parse(render())
    meeting, actions = make_meeting(), make_actions()
    meeting.agenda.title = meeting.facilitator = title
    meeting.notes = meeting.summary = notes
    for r in meeting.readings:
        r.comment = comment
    for rb in meeting.roadblocks:
        rb.title, rb.owner = title, owner
    for d in meeting.decisions:
        d.text, d.owner = comment, owner
    for item in actions:
        item.title, item.owner = title, owner
    md = render(meeting, actions)
    tokens = parse(md)
    assert headings(tokens, 2) == headings(clean, 2)
    assert len(headings(tokens, 1)) == 1
    assert shape(tables(tokens)) == shape(tables(clean))
    assert not inline_kinds(tokens) & {"html_inline", "link_open", "image", "code_inline"}
    assert not any(
        t.type in ("html_block", "code_block", "fence", "blockquote_open") for t in tokens
    )
    page = render_html(md, title=title)
    assert "<script" not in page.lower()
    assert {tag.lower() for tag in re.findall(r"<\/?([A-Za-z][A-Za-z0-9]*)", page)} <= ALLOWED_TAGS


@settings(max_examples=100, deadline=None)
@given(text=hostile_text.filter(lines), comment=hostile_text.filter(lines))
def test_arbitrary_text_keeps_every_block(text, comment):
    """Whatever a field holds leaves the block structure as it was (blank optional text,
    such as a shared goal or a comment, counts as absent, so it is kept non-blank here)."""
    clean = parse(render())
    meeting, actions = make_meeting(), make_actions()
    notes, summary = meeting.notes, meeting.summary
    fill_text(meeting, actions, text)
    meeting.notes, meeting.summary = notes, summary
    for r in meeting.readings:
        r.comment = comment
    assert block_shape(parse(render(meeting, actions))) == block_shape(clean)


# ---------------------------------------------------------------- determinism, HTML, files
def test_deterministic_bytes_and_single_trailing_newline():
    agenda = make_agenda()
    history = make_history(agenda)
    first = render(make_meeting(agenda), make_actions(), history)
    again = render(make_meeting(make_agenda()), make_actions(), copy.deepcopy(history))
    round_trip = from_data(Meeting, to_data(make_meeting(agenda)))
    assert first == again == render(round_trip, make_actions(), history)
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert export_meeting(make_meeting(), actions=make_actions(), fmt="html") == export_meeting(
        make_meeting(), actions=make_actions(), fmt="html"
    )


def test_render_html_page():
    page = render_html("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>x</b>\n", title='<T> & "q"')
    assert page.startswith("<!DOCTYPE html>\n<html")
    assert '<meta charset="utf-8">' in page
    assert "<title>&lt;T&gt; &amp; &quot;q&quot;</title>" in page
    assert "<table>" in page and "<td>1</td>" in page and "<style>" in page
    assert "<b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert page.endswith("</html>\n")


def test_export_meeting_formats():
    agenda = make_agenda()
    history = make_history(agenda)
    md = export_meeting(make_meeting(agenda), actions=make_actions(), history=history)
    assert headings(parse(md), 2)[2] == "Since last meeting"
    plain = export_meeting(
        make_meeting(agenda), actions=make_actions(), history=history, since=False
    )
    assert plain == render(make_meeting(agenda), make_actions(), history)
    html = export_meeting(make_meeting(agenda), actions=make_actions(), fmt="html")
    assert "<h2>Scorecard</h2>" in html
    with pytest.raises(ValueError, match="md"):
        export_meeting(make_meeting(), actions=[], fmt="pdf")


def test_import_is_light():
    code = ("import sys, checkin.render.minutes, checkin.render.html; "
            "assert not {'markdown_it', 'textual'} & set(sys.modules)")
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_write_file_atomic(tmp_path):
    target = tmp_path / "minutes.md"
    write_file("# A\n\nä ✅\n", target)
    assert target.read_bytes() == "# A\n\nä ✅\n".encode()
    target.chmod(0o644)
    write_file("second\r\n", target)
    assert target.read_bytes() == b"second\r\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert os.listdir(tmp_path) == ["minutes.md"]


def test_write_file_failure_keeps_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "m.md"
    write_file("old\n", target)

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(CheckinError, match="m.md: cannot save"):
        write_file("new\n", target)
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["m.md"]


def test_new_item_listed_once_even_if_also_carried():
    meeting = make_meeting()
    actions = make_actions()
    meeting.carried_action_ids = ["a4", "a4", "missing"]
    new, carried = tables(section_tokens(parse(render(meeting, actions)), "Action items"))
    assert [r[1] for r in new[1:]] == ["Call Acme"]
    assert [r[1] for r in carried[1:]] == ["Write brief"]
    dup = render(meeting, [*actions, replace(actions[3], title="dup")])
    assert dup == render(meeting, actions)


def test_new_roadblock_reusing_an_old_id_counts_as_resolved():
    """Roadblock ids restart per meeting: a new R1 resolved today is not the previous
    meeting's (already resolved) R1."""
    agenda = make_agenda()
    previous = make_meeting(agenda)
    previous.roadblocks = [Roadblock("R1", "Old", status="resolved")]
    meeting = make_meeting(agenda)
    meeting.roadblocks = [Roadblock("R1", "New one", status="resolved")]
    assert [r.title for r in since_last(meeting, previous, []).resolved] == ["New one"]
    carried = Roadblock("R1", "Old", status="resolved", carried_from="m0")
    meeting.roadblocks = [carried]
    assert since_last(meeting, previous, []).resolved == []  # was resolved already
