"""Minutes read raw (chat, email, wiki): typed text as typed, summary first, time per section."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from checkin.core.model import ActionItem
from checkin.render.mdtext import escape, inline, paragraphs
from checkin.services.minutes import minutes_text
from checkin.store import Store

from .test_minutes import make_actions, make_history, make_meeting, render

REPO = Path(__file__).resolve().parents[2]
PROSE = [
    "cross-functional", "20%", "$295,769", "registrants, then", "4.2", "2026-11-29-weekly",
    "snake_case_name", "R&D", "a < b", "-3 leads", "#launch", "C# and F#!", "(done).", "+3d",
    "Q&A: 50/50", "e.g. 1.5x", "100+ leads", "it's \"fine\"", "x = y",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_numbers_dates_and_ids_read_as_typed(text: str) -> None:
    assert escape(text) == text
    assert inline(text) == text


@pytest.mark.parametrize(("typed", "escaped"), [
    ("a | b", "a \\| b"), ("*bold*", "\\*bold\\*"), ("_em_", "\\_em\\_"),
    ("`tick`", "\\`tick\\`"), ("[x](y)", "\\[x](y)"), ("<script>", "\\<script>"),
    ("</td>", "\\</td>"), ("<!-- c -->", "\\<!-- c -->"), ("&lt;", "\\&lt;"),
    ("# h", "\\# h"), ("## h", "\\## h"), ("- b", "\\- b"), ("+ b", "\\+ b"),
    ("1. one", "1\\. one"), ("2) two", "2\\) two"), ("> q", "\\> q"), (">q", "\\>q"),
    ("---", "\\---"), ("===", "\\==="), ("title #", "title \\#"), ("~~s~~", "\\~\\~s\\~\\~"),
    ("back\\slash", "back\\\\slash"),
])
def test_structure_characters_are_escaped(typed: str, escaped: str) -> None:
    assert escape(typed) == escaped
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parseInline(escaped)
    assert "".join(t.content for t in tokens[0].children if t.type.startswith("text")) == typed


def test_lines_keep_a_break_without_backslash() -> None:
    assert paragraphs("one\ntwo") == ["one  \ntwo"]


def test_order_for_readers_summary_first() -> None:
    md = render(make_meeting(), make_actions(), make_history(make_meeting().agenda))
    head, _, rest = md.partition("## Summary")
    assert "- **Facilitator:** Pat Doe" in head and "## Attendance" in head
    summary = rest.split("\n## ", 1)[0]
    assert summary.index("Good week.") < summary.index("**Decisions**")
    assert "- Ship v2 on Monday — Pat Doe" in summary
    # new items by owner, each with its due date
    assert ("- **Dana Lee:** Write brief — due Tuesday 2026-03-10\n"
            "- **Sam Roe:** Call Acme — due Wednesday 2026-03-11") in summary
    # open roadblocks with owners; the resolved one is not in the summary
    assert "- **Slow VPN** — owner Ira Kim" in summary and "No budget" not in summary
    order = [md.index(f"\n## {h}\n") for h in
             ("Attendance", "Summary", "Scorecard", "Updates", "Action items", "Notes", "Time")]
    assert order == sorted(order)


def test_new_items_grouped_by_owner_then_due() -> None:
    meeting, actions = make_meeting(), make_actions()
    extra = ActionItem("a7", "Earlier task", "sam roe", actions[3].due, created_in="m9")
    md = render(meeting, [*actions, extra])
    summary = md.split("**New action items**", 1)[1].split("**Open roadblocks**")[0]
    owners = [line.split(":**")[0] for line in summary.strip().splitlines()]
    assert owners == ["- **Dana Lee", "- **sam roe", "- **Sam Roe"]


def test_time_table_and_rating_trend() -> None:
    meeting = make_meeting()
    from checkin.core.model import Section

    meeting.agenda.sections = [Section("attendance", "Roll call", 5),
                               Section("metrics", "Scorecard", 10)]
    meeting.elapsed_seconds = [250.0, 900.0]
    history = make_history(meeting.agenda)
    for i, h in enumerate(history):
        h.ratings = {"x": 5 + i % 3}
    md = render(meeting, make_actions(), history)
    time = md.split("## Time\n\n", 1)[1].split("\n## ", 1)[0]
    assert time.startswith(
        "| Section | Planned | Actual |\n|---|--:|--:|\n"
        "| Roll call | 5 min | 4 min |\n| Scorecard | 10 min | 15 min |\n"
        "| **Total** | 15 min | 19 min |\n")
    assert "**Rating:** 7.5/10 (2 people). Last meetings: " in time
    assert "▁▄▇▁▄█ (5, 6, 7, 5, 6, 7.5) ↑" in time


def test_demo_minutes_have_no_backslash(demo_dir: Path) -> None:
    """Every meeting of the demo data, rendered by the real store and by the real CLI."""
    with Store(demo_dir, readonly=True) as store:
        for summary in store.meetings():
            text = minutes_text(store, store.load_meeting(summary.id))
            assert "\\" not in text, summary.id
    proc = subprocess.run([sys.executable, "-m", "checkin", "--data", str(demo_dir), "export",
                           "last"], capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "## Summary" in proc.stdout and "\\" not in proc.stdout
    assert "\u202f" not in proc.stdout  # numbers group with the one formatter's comma
